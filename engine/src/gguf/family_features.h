// The architecture features a GGUF file's header announces (sliding-window attention, softcaps,
// q/k norms, fused projections, rope factors, ...), as short phrases for `agora-cli inspect` and
// the model manager. Read from keys and tensor names only, like the rest of the summary.
#pragma once

#include "gguf/gguf.h"

#include <string>
#include <vector>

namespace agora::gguf {

// E.g. {"sliding window 4096 (1 global : 1 local)", "attention softcap 50", "final softcap 30",
// "pre+post norms"} for Gemma 2. Empty for a plain llama-style file.
std::vector<std::string> familyFeatures(const GgufFile& file);

} // namespace agora::gguf
