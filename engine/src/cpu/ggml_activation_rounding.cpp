#include "cpu/ggml_activation_rounding.h"

#include "cpu/fp16.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace agora::cpu {

namespace {

enum class Partner { None, F16, BF16, Q8_0, Q8_K };

Partner partnerOf(TensorType type)
{
    switch (type) {
    case TensorType::F16: return Partner::F16;
    case TensorType::BF16: return Partner::BF16;
    case TensorType::Q4_0:
    case TensorType::Q4_1:
    case TensorType::Q5_0:
    case TensorType::Q5_1:
    case TensorType::Q8_0:
    case TensorType::IQ4_NL: return Partner::Q8_0; // Q8_1 for Q4_1/Q5_1 rounds its values the same way
    case TensorType::Q2_K:
    case TensorType::Q3_K:
    case TensorType::Q4_K:
    case TensorType::Q5_K:
    case TensorType::Q6_K:
    case TensorType::IQ4_XS: return Partner::Q8_K;
    default: return Partner::None;
    }
}

float roundToBf16(float value)
{
    uint32_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    if ((bits & 0x7fffffffu) > 0x7f800000u)
        return value; // NaN stays NaN
    bits = (bits + 0x7fffu + ((bits >> 16) & 1u)) & 0xffff0000u; // nearest, ties to even
    std::memcpy(&value, &bits, sizeof bits);
    return value;
}

// Q8_0: blocks of 32, scale amax/127 stored as f16, values round(x * 127/amax) (ties to even,
// as the AVX2 path rounds).
void roundQ8_0(std::span<float> row)
{
    constexpr size_t kBlock = 32;
    for (size_t start = 0; start + kBlock <= row.size(); start += kBlock) {
        const std::span<float> block = row.subspan(start, kBlock);
        float amax = 0.0f;
        for (float v : block)
            amax = std::max(amax, std::fabs(v));
        const float d = amax / 127.0f;
        const float id = amax != 0.0f ? 127.0f / amax : 0.0f;
        const float storedD = roundToHalf(d);
        for (float& v : block)
            v = storedD * std::nearbyint(v * id);
    }
}

// Q8_K: blocks of 256, scale from the signed value of largest magnitude: q = round(-127/max * x)
// capped at 127, d = 1/iscale kept in f32.
void roundQ8_K(std::span<float> row)
{
    constexpr size_t kBlock = 256;
    for (size_t start = 0; start + kBlock <= row.size(); start += kBlock) {
        const std::span<float> block = row.subspan(start, kBlock);
        float amax = 0.0f, max = 0.0f;
        for (float v : block) {
            if (std::fabs(v) > amax) {
                amax = std::fabs(v);
                max = v;
            }
        }
        if (amax == 0.0f) {
            std::fill(block.begin(), block.end(), 0.0f);
            continue;
        }
        const float iscale = -127.0f / max;
        const float d = 1.0f / iscale;
        for (float& v : block)
            v = d * std::min(127.0f, std::nearbyint(iscale * v));
    }
}

} // namespace

void roundActivationsLikeGgml(TensorType weightType, std::span<float> row)
{
    switch (partnerOf(weightType)) {
    case Partner::None: return;
    case Partner::F16:
        for (float& v : row)
            v = roundToHalf(v);
        return;
    case Partner::BF16:
        for (float& v : row)
            v = roundToBf16(v);
        return;
    case Partner::Q8_0: roundQ8_0(row); return;
    case Partner::Q8_K: roundQ8_K(row); return;
    }
}

} // namespace agora::cpu
