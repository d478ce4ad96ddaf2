// How llama.cpp's CPU backend rounds the activations that meet a quantized weight matrix: before
// a matrix product it converts the f32 input rows to the weight type's "vec_dot" partner (f16 for
// F16 weights, Q8_0 blocks of 32 for the legacy quants, Q8_K blocks of 256 for the k-quants) and
// multiplies in that form. The CPU reference forward pass applies the same rounding (quantize,
// then dequantize in place) so that its logits sit within llama.cpp's own noise; the sensitive
// gemma2 fixtures differ from llama.cpp by more than its F16-vs-Q8_0 spread without it.
#pragma once

#include "core/tensor_type.h"

#include <span>

namespace agora::cpu {

// Rounds one input row in place as ggml does for a product with weights of `weightType`.
// F32 (and any type without a known partner) leaves the row unchanged. The row length must be a
// whole number of the partner's blocks, which every weight row length is.
void roundActivationsLikeGgml(TensorType weightType, std::span<float> row);

} // namespace agora::cpu
