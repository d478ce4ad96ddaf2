// Row-wise conversion between f32 and the weight formats of GGUF files: the CPU reference that
// the GPU kernels, the model loader and the tests measure against.
//
// dequantizeRow is bit-exact with ggml's own dequantization (checked against llama.cpp's output
// for every supported type in tests/quant). quantizeRow is Agora's own round-to-nearest with a
// per-block scale search: it does not reproduce ggml's quantizers bit for bit, but its round
// trip error is bounded per type (tests/quant/test_quantize.cpp).
#pragma once

#include "agora/engine.h"
#include "core/tensor_type.h"
#include "tensor/fp16.h"

#include <cstddef>

namespace agora::tensor {

// Dequantizes n elements (a multiple of the type's block size) starting at a block boundary.
// src may have any alignment. Errors: Unsupported "unsupported quantization X" for types
// without a dequantizer, InvalidArgument when n is not a whole number of blocks.
Result<void> dequantizeRow(TensorType type, const void* src, float* dst, size_t n);

// Quantizes n elements (a multiple of the block size) into rowBytes(type, n) bytes at dst (any
// alignment). Supported: F32, F16, BF16, Q8_0, Q4_0, Q4_1, Q5_0, Q5_1, Q2_K, Q3_K, Q4_K, Q5_K,
// Q6_K, IQ4_NL, IQ4_XS. Deterministic: the same input gives the same bytes. Errors:
// Unsupported for other types, InvalidArgument for a partial block or, for the block formats,
// a NaN/inf or |x| > 65504 (their fp16 scales cannot hold it).
Result<void> quantizeRow(TensorType type, const float* src, void* dst, size_t n);

// True when dequantizeRow handles the type.
bool canDequantize(TensorType type);
// True when quantizeRow handles the type.
bool canQuantize(TensorType type);

} // namespace agora::tensor
