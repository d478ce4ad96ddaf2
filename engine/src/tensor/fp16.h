// Half-precision (IEEE binary16) and bfloat16 conversions, written out bit by bit so that they
// are exact on every compiler and CPU: no reliance on _Float16 or F16C.
#pragma once

#include <cstdint>

namespace agora::tensor {

// Exact: every half (zeros, subnormals, infinities, NaN payloads) has a float equal to it.
float fp16ToFp32(uint16_t h);
// Round to nearest, ties to even; values beyond the largest half become infinity; NaN stays a
// (quiet) NaN with the sign and the top payload bits kept.
uint16_t fp32ToFp16(float f);
// Exact: a bfloat16 is the top half of a float.
float bf16ToFp32(uint16_t h);
// Round to nearest, ties to even; NaN stays a quiet NaN.
uint16_t fp32ToBf16(float f);

} // namespace agora::tensor
