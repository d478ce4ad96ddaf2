// CPU reference operations: plain, obviously-correct f32 loops that the Vulkan kernels and the
// CPU forward pass are checked against. Speed is secondary; clarity and llama.cpp parity come first.
// Batched variants treat a span as `rows` consecutive rows of equal length.
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

// In place: x = exp(x - max) / sum. Sums in double like ggml's soft_max.
void softmax(std::span<float> x);

// silu(x) = x * sigmoid(x).
float silu(float x);

// The SiLU-gated FFN's activation: out[i] = silu(gate[i]) * up[i]. out may alias gate or up.
void siluGate(std::span<const float> gate, std::span<const float> up, std::span<float> out);

// Residual connection: inout[i] += add[i].
void addInPlace(std::span<const float> add, std::span<float> inout);

// Adds one bias vector to every row of a (rows, bias.size()) matrix.
void addBiasRows(std::span<const float> bias, std::span<float> inout);

} // namespace agora::cpu
