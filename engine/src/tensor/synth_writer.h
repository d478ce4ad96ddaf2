// Writes a synthetic model: a GGUF file with a real model's shape, metadata, tensor-type
// mixture and a synthetic byte-level BPE vocabulary, filled with seeded random weights drawn as
// the fixture models were (reference/llama.cpp/README.md §2.1) and quantized by quantizeRow.
// The same shape, mix and seed always give the same file.
#pragma once

#include "agora/engine.h"
#include "tensor/synth_plan.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>

namespace agora::tensor {

struct SynthOptions {
    SynthShape shape;
    SynthMix mix = SynthMix::Q4_K_M;
    uint64_t seed = 0;
    unsigned threads = 0; // 0: the hardware's; rows are split between threads, results identical
    // Called after each tensor: (tensors done, tensors in all).
    std::function<void(size_t, size_t)> progress;
};

struct SynthReport {
    uint64_t fileBytes = 0;
    uint64_t parameters = 0;
    uint32_t tensors = 0;
    std::map<std::string, uint32_t> tensorsPerType; // "Q4_K" -> count
    uint32_t vocabSize = 0;
    uint32_t merges = 0;
};

// Errors: Io when the file cannot be written (nothing is left behind), InvalidArgument for a
// shape the plan cannot hold.
Result<SynthReport> writeSyntheticModel(const SynthOptions& options, const std::string& path);

// The values of one planned tensor's row (ne[0] floats), as writeSyntheticModel draws them;
// exposed so tests can check statistics without re-deriving the stream.
void drawSynthRow(const PlannedTensor& tensor, uint64_t seed, uint64_t tensorIndex, uint64_t row, float* out);

} // namespace agora::tensor
