// CPU reference operations: plain, obviously-correct f32 loops that the Vulkan kernels and the
// CPU forward pass are checked against. Speed is secondary; clarity and llama.cpp parity come first.
#pragma once

#include <cstddef>
#include <span>

namespace agora::cpu {

// out[i] = x[i] / sqrt(mean(x^2) + eps) * weight[i]. x, weight and out have the same length;
// out may alias x.
void rmsNorm(std::span<const float> x, std::span<const float> weight, float eps, std::span<float> out);

// out[r] = sum_c w[r*cols + c] * x[c]; w is row-major (rows, cols), x has cols entries, out rows.
// The row dot products accumulate in double so the reference is more precise than any kernel.
void matVec(std::span<const float> w, size_t rows, size_t cols, std::span<const float> x, std::span<float> out);

} // namespace agora::cpu
