#include "tensor/fp16.h"

#include <bit>

namespace agora::tensor {

float fp16ToFp32(uint16_t h)
{
    const uint32_t sign = static_cast<uint32_t>(h & 0x8000u) << 16;
    const uint32_t exponent = (h >> 10) & 0x1Fu;
    uint32_t mantissa = h & 0x3FFu;

    uint32_t bits = 0;
    if (exponent == 0x1F) {
        bits = sign | 0x7F800000u | (mantissa << 13); // inf, or NaN with its payload
    } else if (exponent != 0) {
        bits = sign | ((exponent + 127 - 15) << 23) | (mantissa << 13);
    } else if (mantissa == 0) {
        bits = sign; // signed zero
    } else {
        // Subnormal: mantissa * 2^-24. Normalise so the leading one becomes the implicit bit.
        int32_t e = 1 - 15;
        while ((mantissa & 0x400u) == 0) {
            mantissa <<= 1;
            --e;
        }
        bits = sign | (static_cast<uint32_t>(e + 127) << 23) | ((mantissa & 0x3FFu) << 13);
    }
    return std::bit_cast<float>(bits);
}

namespace {

// Shifts `value` right by `shift` bits, rounding to nearest with ties to even.
uint32_t shiftRightRoundEven(uint32_t value, uint32_t shift)
{
    const uint32_t kept = value >> shift;
    const uint32_t remainder = value & ((1u << shift) - 1);
    const uint32_t half = 1u << (shift - 1);
    if (remainder > half || (remainder == half && (kept & 1u)))
        return kept + 1;
    return kept;
}

} // namespace

uint16_t fp32ToFp16(float f)
{
    const uint32_t bits = std::bit_cast<uint32_t>(f);
    const uint32_t sign = (bits >> 16) & 0x8000u;
    const uint32_t exponent = (bits >> 23) & 0xFFu;
    const uint32_t mantissa = bits & 0x7FFFFFu;

    if (exponent == 0xFF) {
        if (mantissa == 0)
            return static_cast<uint16_t>(sign | 0x7C00u);
        return static_cast<uint16_t>(sign | 0x7E00u | (mantissa >> 13)); // quiet NaN
    }
    const int32_t halfExponent = static_cast<int32_t>(exponent) - 127 + 15;
    if (halfExponent >= 31)
        return static_cast<uint16_t>(sign | 0x7C00u);
    if (halfExponent <= 0) {
        // Below 2^-25 everything rounds to zero (2^-25 itself ties to the even zero).
        if (halfExponent < -10)
            return static_cast<uint16_t>(sign);
        // Subnormal half: the 24-bit significand in units of 2^-24. A result that rounds up to
        // 0x400 is the smallest normal half, which that same bit pattern encodes.
        const uint32_t significand = mantissa | 0x800000u;
        return static_cast<uint16_t>(sign | shiftRightRoundEven(significand, static_cast<uint32_t>(14 - halfExponent)));
    }
    // Normal: a carry out of the mantissa bumps the exponent, and past 30 gives 0x7C00 (inf).
    const uint32_t combined = (static_cast<uint32_t>(halfExponent) << 23) | mantissa;
    return static_cast<uint16_t>(sign | shiftRightRoundEven(combined, 13));
}

float bf16ToFp32(uint16_t h) { return std::bit_cast<float>(static_cast<uint32_t>(h) << 16); }

uint16_t fp32ToBf16(float f)
{
    const uint32_t bits = std::bit_cast<uint32_t>(f);
    if ((bits & 0x7FFFFFFFu) > 0x7F800000u)
        return static_cast<uint16_t>((bits >> 16) | 0x40u); // quiet NaN
    return static_cast<uint16_t>(shiftRightRoundEven(bits, 16)); // a carry into the exponent is right
}

} // namespace agora::tensor
