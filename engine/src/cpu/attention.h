// Scaled dot-product attention over an f16 KV cache with grouped-query heads and a causal mask,
// the way llama.cpp computes it without flash attention:
//   scores = (K . q) * scale over positions 0..n-1, probs = softmax(scores), out = sum probs * V.
// K and V are stored as f16, one row of nKvHead*headDim per position. Query head h reads KV head
// h / (nHead / nKvHead). Like ggml's CPU matmul with f16 weights, q and the probabilities are
// rounded to f16 before they meet the f16 cache (set roundLikeGgml = false for pure f32 math).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace agora::cpu {

struct AttentionShape {
    size_t nHead = 0;
    size_t nKvHead = 0;
    size_t headDim = 0;
    float scale = 1.0f; // usually 1/sqrt(headDim)
    bool roundLikeGgml = true;
    float softcap = 0.0f; // gemma2: scores become softcap * tanh(score / softcap) before softmax; 0 = off
    size_t window = 0;    // sliding window: the query at position p sees p-window+1..p only; 0 = all

    size_t qRowSize() const { return nHead * headDim; }
    size_t kvRowSize() const { return nKvHead * headDim; }
};

// One layer's cache: `capacity` rows of kvRowSize f16 values each for K and for V.
struct KvCacheLayer {
    std::span<uint16_t> k;
    std::span<uint16_t> v;
};

// Stores nTokens rows of K and V (f32, kvRowSize each) at positions firstPos.. as f16.
void writeKv(std::span<const float> k, std::span<const float> v, size_t nTokens, size_t firstPos,
             const AttentionShape& shape, KvCacheLayer cache);

// One query token attending to cache positions 0..nPositions-1. q: qRowSize; out: qRowSize.
void attendOne(std::span<const float> q, size_t nPositions, const AttentionShape& shape, KvCacheLayer cache,
               std::span<float> out);

// A batch of nTokens queries at positions firstPos..firstPos+nTokens-1 (their K/V already
// written); token t sees positions 0..firstPos+t (causal mask). q and out: nTokens rows.
void attendCausalBatch(std::span<const float> q, size_t nTokens, size_t firstPos, const AttentionShape& shape,
                       KvCacheLayer cache, std::span<float> out);

} // namespace agora::cpu
