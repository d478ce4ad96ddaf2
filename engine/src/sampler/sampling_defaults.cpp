#include "sampler/sampling_defaults.h"

#include "core/log.h"

#include <cmath>

namespace agora::sampler {

namespace {

std::optional<double> finite(const MetadataLookup& lookup, std::string_view key)
{
    std::optional<double> v = lookup(key);
    if (v && !std::isfinite(*v)) {
        log::get("engine.sampler")->warn("ignoring non-finite {}", key);
        return std::nullopt;
    }
    return v;
}

} // namespace

SamplingParams samplingDefaultsFromMetadata(const MetadataLookup& lookup, SamplingParams base)
{
    SamplingParams p = base;
    if (auto v = finite(lookup, "general.sampling.temp"); v && *v >= 0.0)
        p.temperature = static_cast<float>(*v);
    if (auto v = finite(lookup, "general.sampling.top_k"); v && *v >= 0.0 && *v < 1e9)
        p.topK = static_cast<int32_t>(*v);
    if (auto v = finite(lookup, "general.sampling.top_p"); v && *v > 0.0 && *v <= 1.0)
        p.topP = static_cast<float>(*v);
    if (auto v = finite(lookup, "general.sampling.min_p"); v && *v >= 0.0 && *v < 1.0)
        p.minP = static_cast<float>(*v);
    if (auto v = finite(lookup, "general.sampling.penalty_last_n"); v && *v >= 0.0 && *v < 1e9)
        p.penaltyWindow = static_cast<int32_t>(*v);
    if (auto v = finite(lookup, "general.sampling.penalty_repeat"); v && *v > 0.0)
        p.repeatPenalty = static_cast<float>(*v);
    return p;
}

} // namespace agora::sampler
