#version 450
#extension GL_GOOGLE_include_directive : require
#extension GL_EXT_control_flow_attributes : require
// Rounds activations the way llama.cpp's CPU backend does before a product with quantized
// weights (engine/src/cpu/ggml_activation_rounding.cpp is the CPU reference): the input is
// converted to the weight type's vec_dot partner and back, and the copy goes to `y` so the
// matvec/matmul kernels read exactly the values ggml multiplies. One variant per partner:
//   ROUND_Q8_0  blocks of 32, f16 scale amax/127, values round-to-even(x * 127/amax)
//   ROUND_Q8_K  blocks of 256, f32 scale from the signed value of largest magnitude, capped at 127
//   ROUND_F16   every value to the nearest f16 (ties to even)
//   ROUND_BF16  every value to the nearest bf16 (ties to even)
// One invocation per block (per value for F16/BF16): the blocks are independent and short, and
// the pass costs a fraction of the product it feeds.
#include "common.glsl"

layout(local_size_x_id = 0) in;
layout(constant_id = 0) const uint WORKGROUP_SIZE = 64;

layout(std430, binding = 0) readonly buffer InputBuffer { float x[]; };
#if defined(PACK_Q8_0)
// ROUND_Q8_0's codes, packed for the integer matrix-vector product (matvec_texel.comp, INT_DOT):
// per block of 32, 16 words of two signed 16-bit codes, x[e + 2] + 65536 * x[e] and
// x[e + 3] + 65536 * x[e + 1] for e = 0, 4, ..., 28 (so that one 32-bit multiply by two weight codes
// a0 + 65536 * a2 leaves a0 * x[e] + a2 * x[e + 2] in its upper half), then after all blocks'
// words, per block its scale d (float bits) and the sum of its codes; each row of rowBlocks blocks
// on its own, rows vk::packedVectorBytes apart.
layout(std430, binding = 1) writeonly buffer OutputBuffer { uint yWords[]; };
#define PACKED_WORDS yWords
#else
layout(std430, binding = 1) writeonly buffer OutputBuffer { float y[]; };
#endif

layout(push_constant) uniform Push {
    uint items; // blocks for the Q8 variants, values for F16/BF16
#if defined(PACK_Q8_0)
    uint rowBlocks; // blocks per row: each row is packed on its own (vk::packedVectorBytes per row)
#endif
} pc;

#include "pack_q8_0.glsl"

float roundToBf16(float v)
{
    if (isnan(v))
        return v;
    uint bits = floatBitsToUint(v);
    bits = (bits + 0x7fffu + ((bits >> 16) & 1u)) & 0xffff0000u;
    return uintBitsToFloat(bits);
}

void main()
{
    const uint item = linearWorkgroupIndex() * WORKGROUP_SIZE + gl_LocalInvocationID.x;
    if (item >= pc.items)
        return;
#if defined(ROUND_F16)
    y[item] = roundToHalf(x[item]);
#elif defined(ROUND_BF16)
    y[item] = roundToBf16(x[item]);
#elif defined(ROUND_Q8_0)
    const uint base = item * 32u;
    float amax = 0.0;
    for (uint i = 0; i < 32u; ++i)
        amax = max(amax, abs(x[base + i]));
    const float d = roundToHalf(amax / 127.0);
    const float id = amax != 0.0 ? 127.0 / amax : 0.0;
    for (uint i = 0; i < 32u; ++i)
        y[base + i] = d * roundEven(x[base + i] * id);
#elif defined(PACK_Q8_0)
    const uint row = item / pc.rowBlocks;
    const uint block = item % pc.rowBlocks;
    float v[32];
    [[unroll]] for (uint i = 0; i < 32u; ++i)
        v[i] = x[item * 32u + i];
    packQ8_0Block(v, row, block, pc.rowBlocks);
#elif defined(ROUND_Q8_K)
    const uint base = item * 256u;
    float amax = 0.0;
    float signedMax = 0.0;
    for (uint i = 0; i < 256u; ++i) {
        const float v = x[base + i];
        if (abs(v) > amax) {
            amax = abs(v);
            signedMax = v;
        }
    }
    if (amax == 0.0) {
        for (uint i = 0; i < 256u; ++i)
            y[base + i] = 0.0;
        return;
    }
    const float iscale = -127.0 / signedMax;
    const float d = 1.0 / iscale;
    for (uint i = 0; i < 256u; ++i)
        y[base + i] = d * min(127.0, roundEven(iscale * x[base + i]));
#else
#error "define one of ROUND_F16, ROUND_BF16, ROUND_Q8_0, ROUND_Q8_K"
#endif
}
