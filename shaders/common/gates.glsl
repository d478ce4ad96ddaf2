// The gated feed-forward activations, shared by the elementwise kernels (SiluGate, GeluGate) and
// the matrix-vector product that computes the gate and up rows together (matvec_texel.comp with
// GATE): the same expression in both, so the two ways give the same bits.
#ifndef AGORA_GATES_GLSL
#define AGORA_GATES_GLSL

// silu(g) * u
float siluGate(float g, float u)
{
    return g / (1.0 + exp(-g)) * u;
}

// gelu_tanh(x) * u; tanh written through exp so that large |x| saturates instead of overflowing.
float geluGate(float x, float u)
{
    const float inner = 0.7978845608 * x * (1.0 + 0.044715 * x * x);
    const float t = 1.0 - 2.0 / (exp(2.0 * clamp(inner, -15.0, 15.0)) + 1.0);
    return 0.5 * x * (1.0 + t) * u;
}

#endif
