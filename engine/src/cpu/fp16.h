// IEEE 754 half <-> float conversion for the CPU reference (the KV cache is stored as f16 like
// llama.cpp's default, so the reference must round exactly the way the GPU's f16 stores do).
#pragma once

#include <cstdint>

namespace agora::cpu {

// Round-to-nearest-even, with overflow to infinity and NaN preserved (quiet).
uint16_t floatToHalf(float value);
float halfToFloat(uint16_t bits);

// The float nearest to `value` that a half can hold.
inline float roundToHalf(float value) { return halfToFloat(floatToHalf(value)); }

} // namespace agora::cpu
