// Sampling defaults a model ships in its GGUF (`general.sampling.*`, written by converters that
// know the authors' recommended settings). Takes a lookup instead of a GgufFile so the sampler
// stays independent of the file reader; callers pass `[&](auto k) { return file.getFloat(k); }`.
#pragma once

#include "agora/engine.h"

#include <functional>
#include <optional>
#include <string_view>

namespace agora::sampler {

// Returns the metadata value of `key` as a number, or nullopt when absent or not numeric.
using MetadataLookup = std::function<std::optional<double>(std::string_view key)>;

// `base` with every present and sane `general.sampling.*` value applied; absent or out-of-range
// values (a negative top_k, a top_p above 1) leave the base value in place.
SamplingParams samplingDefaultsFromMetadata(const MetadataLookup& lookup, SamplingParams base = {});

} // namespace agora::sampler
