// CPU reference operations of the newer families (qwen3, gemma2, gemma3): the GELU(tanh) gate,
// logit softcapping and the per-head RMSNorm. Plain f32 loops, like ops.h.
#pragma once

#include <cstddef>
#include <span>

namespace agora::cpu {

// gelu(x) = 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))), computed exactly.
float geluTanh(float x);

// GELU as llama.cpp's CPU backend evaluates it: for |x| < 10 the input is rounded to f16 and the
// result comes from an f16 table (so it is gelu of the rounded input, rounded to f16); beyond,
// x or 0. The reference uses it so that our logits sit as close to llama.cpp's as they can.
float geluTanhLikeGgml(float x);

// The GEGLU activation of the gemma FFN: out[i] = gelu(gate[i]) * up[i]; out may alias either.
// likeGgml selects geluTanhLikeGgml.
void geluGate(std::span<const float> gate, std::span<const float> up, std::span<float> out, bool likeGgml);

// In place: x = cap * tanh(x / cap). cap > 0.
void softcap(std::span<float> x, float cap);

// In place: every headDim slice of x normalised with the same weight (headDim values).
void rmsNormHeads(std::span<float> x, std::span<const float> weight, float eps);

} // namespace agora::cpu
