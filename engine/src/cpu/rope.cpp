#include "cpu/rope.h"

#include <cassert>
#include <cmath>
#include <vector>

namespace agora::cpu {

void applyRope(std::span<float> x, size_t nHeads, size_t headDim, int64_t pos, const RopeParams& params)
{
    assert(x.size() == nHeads * headDim);
    assert(params.nDims % 2 == 0 && params.nDims <= headDim);
    assert(params.factors.empty() || params.factors.size() >= params.nDims / 2);

    const size_t nPairs = params.nDims / 2;
    // The angles depend only on the pair index; work them out once for all heads. Double
    // precision keeps the reference ahead of any float kernel at large positions.
    std::vector<float> cosines(nPairs), sines(nPairs);
    for (size_t i = 0; i < nPairs; ++i) {
        double theta = double(pos) * std::pow(double(params.freqBase), -2.0 * double(i) / double(params.nDims));
        if (!params.factors.empty())
            theta /= double(params.factors[i]);
        theta *= double(params.freqScale);
        cosines[i] = float(std::cos(theta));
        sines[i] = float(std::sin(theta));
    }

    for (size_t h = 0; h < nHeads; ++h) {
        float* head = x.data() + h * headDim;
        for (size_t i = 0; i < nPairs; ++i) {
            const size_t a = params.mode == RopeMode::Normal ? 2 * i : i;
            const size_t b = params.mode == RopeMode::Normal ? 2 * i + 1 : i + nPairs;
            const float x0 = head[a];
            const float x1 = head[b];
            head[a] = x0 * cosines[i] - x1 * sines[i];
            head[b] = x0 * sines[i] + x1 * cosines[i];
        }
    }
}

void applyRopeBatch(std::span<float> x, size_t nTokens, size_t nHeads, size_t headDim, int64_t firstPos,
                    const RopeParams& params)
{
    const size_t rowSize = nHeads * headDim;
    assert(x.size() == nTokens * rowSize);
    for (size_t t = 0; t < nTokens; ++t)
        applyRope(x.subspan(t * rowSize, rowSize), nHeads, headDim, firstPos + int64_t(t), params);
}

} // namespace agora::cpu
