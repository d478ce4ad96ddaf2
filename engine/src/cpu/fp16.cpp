#include "cpu/fp16.h"

#include <bit>
#include <cstring>

namespace agora::cpu {

uint16_t floatToHalf(float value)
{
    const uint32_t bits = std::bit_cast<uint32_t>(value);
    const uint16_t sign = uint16_t((bits >> 16) & 0x8000u);
    const uint32_t exponent = (bits >> 23) & 0xffu;
    uint32_t mantissa = bits & 0x7fffffu;

    if (exponent == 0xffu) // inf stays inf; NaN keeps a quiet payload bit so it stays NaN
        return uint16_t(sign | 0x7c00u | (mantissa ? 0x200u | (mantissa >> 13) : 0u));

    const int32_t halfExponent = int32_t(exponent) - 127 + 15;
    if (halfExponent >= 0x1f)
        return uint16_t(sign | 0x7c00u);

    if (halfExponent <= 0) {
        // Subnormal half (or zero): shift the mantissa with its implicit bit into place and round.
        if (halfExponent < -10)
            return sign;
        mantissa |= 0x800000u;
        const uint32_t shift = uint32_t(14 - halfExponent);
        uint32_t half = mantissa >> shift;
        const uint32_t remainder = mantissa & ((1u << shift) - 1u);
        const uint32_t halfway = 1u << (shift - 1u);
        if (remainder > halfway || (remainder == halfway && (half & 1u)))
            ++half;
        return uint16_t(sign | half);
    }

    uint32_t half = (uint32_t(halfExponent) << 10) | (mantissa >> 13);
    const uint32_t remainder = mantissa & 0x1fffu;
    if (remainder > 0x1000u || (remainder == 0x1000u && (half & 1u)))
        ++half; // a carry into the exponent is correct: it rounds up to the next binade or to inf
    return uint16_t(sign | half);
}

float halfToFloat(uint16_t bits)
{
    const uint32_t sign = uint32_t(bits & 0x8000u) << 16;
    const uint32_t exponent = (bits >> 10) & 0x1fu;
    const uint32_t mantissa = bits & 0x3ffu;

    uint32_t out;
    if (exponent == 0) {
        if (mantissa == 0) {
            out = sign;
        } else {
            // Subnormal half: value = mantissa * 2^-24, exact in float.
            const float magnitude = float(mantissa) * (1.0f / 16777216.0f);
            out = sign | std::bit_cast<uint32_t>(magnitude);
        }
    } else if (exponent == 0x1f) {
        out = sign | 0x7f800000u | (mantissa << 13);
    } else {
        out = sign | ((exponent - 15 + 127) << 23) | (mantissa << 13);
    }
    return std::bit_cast<float>(out);
}

} // namespace agora::cpu
