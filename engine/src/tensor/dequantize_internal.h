// Per-format dequantizers behind dequantizeRow (tensor/quant.h). Each takes a row of whole
// blocks and writes blocks * block-elements floats. The arithmetic mirrors ggml's reference
// order of operations exactly (which products are formed first, where the min is subtracted),
// because the results must be bit-identical to llama.cpp's.
#pragma once

#include <cstddef>
#include <cstdint>

namespace agora::tensor::detail {

void dequantizeQ8_0(const uint8_t* src, float* dst, size_t blocks);
void dequantizeQ4_0(const uint8_t* src, float* dst, size_t blocks);
void dequantizeQ4_1(const uint8_t* src, float* dst, size_t blocks);
void dequantizeQ5_0(const uint8_t* src, float* dst, size_t blocks);
void dequantizeQ5_1(const uint8_t* src, float* dst, size_t blocks);
void dequantizeIQ4_NL(const uint8_t* src, float* dst, size_t blocks);

void dequantizeQ2_K(const uint8_t* src, float* dst, size_t blocks);
void dequantizeQ3_K(const uint8_t* src, float* dst, size_t blocks);
void dequantizeQ4_K(const uint8_t* src, float* dst, size_t blocks);
void dequantizeQ5_K(const uint8_t* src, float* dst, size_t blocks);
void dequantizeQ6_K(const uint8_t* src, float* dst, size_t blocks);
void dequantizeIQ4_XS(const uint8_t* src, float* dst, size_t blocks);

} // namespace agora::tensor::detail
