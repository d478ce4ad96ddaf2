// Rotary position embedding, as llama.cpp applies it (ggml_rope_ext without YaRN extrapolation).
//   Normal mode (llama): rotates adjacent pairs (x[2i], x[2i+1]).
//   NeoX mode (qwen2):   rotates halves (x[i], x[i + nDims/2]).
// Pair i turns by angle pos * freqScale * base^(-2i/nDims) / factor[i], where the optional
// per-pair factors come from Llama-3's rope_freqs tensor. Dimensions past nDims pass through.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace agora::cpu {

enum class RopeMode { Normal, Neox };

struct RopeParams {
    RopeMode mode = RopeMode::Normal;
    size_t nDims = 0;           // rotated dimensions per head (rope.dimension_count), even, <= headDim
    float freqBase = 10000.0f;  // rope.freq_base
    float freqScale = 1.0f;     // 1 / rope.scaling.factor for linear scaling
    std::span<const float> factors; // empty, or nDims/2 divisors of the angle (rope_freqs)
};

// Rotates every head of one token in place: x holds nHeads rows of headDim.
void applyRope(std::span<float> x, size_t nHeads, size_t headDim, int64_t pos, const RopeParams& params);

// Rotates a batch of tokens at consecutive positions firstPos, firstPos+1, ...:
// x holds nTokens rows of nHeads*headDim.
void applyRopeBatch(std::span<float> x, size_t nTokens, size_t nHeads, size_t headDim, int64_t firstPos,
                    const RopeParams& params);

} // namespace agora::cpu
