// Per-format quantizers behind quantizeRow (tensor/quant.h). Each reads blocks * block-elements
// finite floats (|x| <= 65504, checked by quantizeRow) and writes whole blocks. Every quantizer
// fits its scales in float, rounds them to what the block stores (fp16, 6-bit, ...), and only
// then chooses the codes, so the codes are the best ones for the scales a reader will see.
#pragma once

#include <cstddef>
#include <cstdint>

namespace agora::tensor::detail {

void quantizeQ8_0(const float* src, uint8_t* dst, size_t blocks);
void quantizeQ4_0(const float* src, uint8_t* dst, size_t blocks);
void quantizeQ4_1(const float* src, uint8_t* dst, size_t blocks);
void quantizeQ5_0(const float* src, uint8_t* dst, size_t blocks);
void quantizeQ5_1(const float* src, uint8_t* dst, size_t blocks);
void quantizeIQ4_NL(const float* src, uint8_t* dst, size_t blocks);

void quantizeQ2_K(const float* src, uint8_t* dst, size_t blocks);
void quantizeQ3_K(const float* src, uint8_t* dst, size_t blocks);
void quantizeQ4_K(const float* src, uint8_t* dst, size_t blocks);
void quantizeQ5_K(const float* src, uint8_t* dst, size_t blocks);
void quantizeQ6_K(const float* src, uint8_t* dst, size_t blocks);
void quantizeIQ4_XS(const float* src, uint8_t* dst, size_t blocks);

} // namespace agora::tensor::detail
