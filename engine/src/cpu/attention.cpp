#include "cpu/attention.h"

#include "cpu/fp16.h"
#include "cpu/ops.h"

#include <cassert>
#include <cmath>
#include <vector>

namespace agora::cpu {

void writeKv(std::span<const float> k, std::span<const float> v, size_t nTokens, size_t firstPos,
             const AttentionShape& shape, KvCacheLayer cache)
{
    const size_t rowSize = shape.kvRowSize();
    assert(k.size() == nTokens * rowSize && v.size() == nTokens * rowSize);
    assert((firstPos + nTokens) * rowSize <= cache.k.size() && cache.v.size() == cache.k.size());
    for (size_t i = 0; i < nTokens * rowSize; ++i) {
        cache.k[firstPos * rowSize + i] = floatToHalf(k[i]);
        cache.v[firstPos * rowSize + i] = floatToHalf(v[i]);
    }
}

void attendOne(std::span<const float> q, size_t nPositions, const AttentionShape& shape, KvCacheLayer cache,
               std::span<float> out)
{
    assert(shape.nKvHead > 0 && shape.nHead % shape.nKvHead == 0);
    assert(q.size() == shape.qRowSize() && out.size() == shape.qRowSize());
    assert(nPositions * shape.kvRowSize() <= cache.k.size());

    const size_t headDim = shape.headDim;
    const size_t groupSize = shape.nHead / shape.nKvHead;
    const size_t kvRowSize = shape.kvRowSize();
    std::vector<float> query(headDim);
    std::vector<float> probs(nPositions);
    std::vector<double> acc(headDim);
    // The query sits at position nPositions-1; a sliding window hides the keys before `first`
    // (llama.cpp masks p0 for query p1 when p1 - p0 >= window).
    const size_t first = shape.window > 0 && nPositions > shape.window ? nPositions - shape.window : 0;

    for (size_t h = 0; h < shape.nHead; ++h) {
        const size_t kvHead = h / groupSize;
        for (size_t d = 0; d < headDim; ++d) {
            const float value = q[h * headDim + d];
            query[d] = shape.roundLikeGgml ? roundToHalf(value) : value;
        }
        for (size_t p = first; p < nPositions; ++p) {
            const uint16_t* key = cache.k.data() + p * kvRowSize + kvHead * headDim;
            double dot = 0.0;
            for (size_t d = 0; d < headDim; ++d)
                dot += double(query[d]) * double(halfToFloat(key[d]));
            probs[p] = float(dot) * shape.scale;
            if (shape.softcap > 0.0f)
                probs[p] = shape.softcap * std::tanh(probs[p] / shape.softcap);
        }
        const std::span<float> visible = std::span(probs).subspan(first);
        softmax(visible);
        std::fill(acc.begin(), acc.end(), 0.0);
        for (size_t p = first; p < nPositions; ++p) {
            const float weight = shape.roundLikeGgml ? roundToHalf(probs[p]) : probs[p];
            const uint16_t* value = cache.v.data() + p * kvRowSize + kvHead * headDim;
            for (size_t d = 0; d < headDim; ++d)
                acc[d] += double(weight) * double(halfToFloat(value[d]));
        }
        for (size_t d = 0; d < headDim; ++d)
            out[h * headDim + d] = float(acc[d]);
    }
}

void attendCausalBatch(std::span<const float> q, size_t nTokens, size_t firstPos, const AttentionShape& shape,
                       KvCacheLayer cache, std::span<float> out)
{
    const size_t rowSize = shape.qRowSize();
    assert(q.size() == nTokens * rowSize && out.size() == nTokens * rowSize);
    for (size_t t = 0; t < nTokens; ++t)
        attendOne(q.subspan(t * rowSize, rowSize), firstPos + t + 1, shape, cache, out.subspan(t * rowSize, rowSize));
}

} // namespace agora::cpu
