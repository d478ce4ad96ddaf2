#include "cpu/family_ops.h"

#include "cpu/fp16.h"
#include "cpu/ops.h"

#include <cassert>
#include <cmath>

namespace agora::cpu {

float geluTanh(float x)
{
    constexpr double kSqrt2OverPi = 0.79788456080286535588;
    const double v = x;
    return float(0.5 * v * (1.0 + std::tanh(kSqrt2OverPi * v * (1.0 + 0.044715 * v * v))));
}

float geluTanhLikeGgml(float x)
{
    if (x <= -10.0f)
        return 0.0f;
    if (x >= 10.0f)
        return x;
    return roundToHalf(geluTanh(roundToHalf(x)));
}

void geluGate(std::span<const float> gate, std::span<const float> up, std::span<float> out, bool likeGgml)
{
    assert(gate.size() == up.size() && out.size() == gate.size());
    for (size_t i = 0; i < gate.size(); ++i)
        out[i] = (likeGgml ? geluTanhLikeGgml(gate[i]) : geluTanh(gate[i])) * up[i];
}

void softcap(std::span<float> x, float cap)
{
    assert(cap > 0.0f);
    for (float& v : x)
        v = cap * std::tanh(v / cap);
}

void rmsNormHeads(std::span<float> x, std::span<const float> weight, float eps)
{
    const size_t headDim = weight.size();
    assert(headDim > 0 && x.size() % headDim == 0);
    for (size_t start = 0; start < x.size(); start += headDim) {
        const std::span<float> head = x.subspan(start, headDim);
        rmsNorm(head, weight, eps, head);
    }
}

} // namespace agora::cpu
