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

// True when dequantizeRow handles the type.
bool canDequantize(TensorType type);

} // namespace agora::tensor
