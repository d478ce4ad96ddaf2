#include "cpu/ops.h"

#include <cassert>
#include <cmath>

namespace agora::cpu {

void rmsNorm(std::span<const float> x, std::span<const float> weight, float eps, std::span<float> out)
{
    assert(weight.size() == x.size() && out.size() == x.size());
    double sumSquares = 0.0;
    for (float v : x)
        sumSquares += double(v) * double(v);
    const float scale = float(1.0 / std::sqrt(sumSquares / double(x.size()) + double(eps)));
    for (size_t i = 0; i < x.size(); ++i)
        out[i] = x[i] * scale * weight[i];
}

void matVec(std::span<const float> w, size_t rows, size_t cols, std::span<const float> x, std::span<float> out)
{
    assert(w.size() >= rows * cols && x.size() == cols && out.size() == rows);
    for (size_t r = 0; r < rows; ++r) {
        const float* row = w.data() + r * cols;
        double sum = 0.0;
        for (size_t c = 0; c < cols; ++c)
            sum += double(row[c]) * double(x[c]);
        out[r] = float(sum);
    }
}

} // namespace agora::cpu
