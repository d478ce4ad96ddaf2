#include "cpu/ops.h"

#include <algorithm>
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

void softmax(std::span<float> x)
{
    if (x.empty())
        return;
    const float maxValue = *std::max_element(x.begin(), x.end());
    double sum = 0.0;
    for (float& v : x) {
        v = std::exp(v - maxValue);
        sum += v;
    }
    const float inverse = float(1.0 / sum);
    for (float& v : x)
        v *= inverse;
}

float silu(float x) { return x / (1.0f + std::exp(-x)); }

void siluGate(std::span<const float> gate, std::span<const float> up, std::span<float> out)
{
    assert(gate.size() == up.size() && out.size() == gate.size());
    for (size_t i = 0; i < gate.size(); ++i)
        out[i] = silu(gate[i]) * up[i];
}

void addInPlace(std::span<const float> add, std::span<float> inout)
{
    assert(add.size() == inout.size());
    for (size_t i = 0; i < inout.size(); ++i)
        inout[i] += add[i];
}

void addBiasRows(std::span<const float> bias, std::span<float> inout)
{
    assert(!bias.empty() && inout.size() % bias.size() == 0);
    for (size_t i = 0; i < inout.size(); ++i)
        inout[i] += bias[i % bias.size()];
}

} // namespace agora::cpu
