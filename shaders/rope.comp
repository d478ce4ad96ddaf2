#version 450
#extension GL_GOOGLE_include_directive : require
// Rotary position embedding in place, one invocation per rotated pair of one head of one token
// (ggml_rope_ext semantics without YaRN; CPU reference: engine/src/cpu/rope.h).
//   normal mode: pairs (2i, 2i+1);  NeoX mode (flags bit 0): pairs (i, i + nDims/2).
// Pair i of the token at position p turns by p * freqScale * base^(-2i/nDims) / factor[i]; the
// factors (Llama-3 rope_freqs) are used when flags bit 1 is set. Dimensions >= nDims stay.
#include "common.glsl"

layout(local_size_x_id = 0) in;
layout(constant_id = 0) const uint WORKGROUP_SIZE = 64;

layout(std430, binding = 0) buffer DataBuffer { float x[]; }; // (headDim, nHeads, nTokens)
layout(std430, binding = 1) readonly buffer FactorBuffer { float factors[]; };

layout(push_constant) uniform Push {
    uint headDim;
    uint nHeads;
    uint nDims;
    uint nTokens;
    uint firstPos;
    float freqBase;
    float freqScale;
    uint flags;
} pc;

const uint FLAG_NEOX = 1u;
const uint FLAG_FACTORS = 2u;

void main()
{
    const uint nPairs = pc.nDims / 2u;
    const uint index = linearWorkgroupIndex() * WORKGROUP_SIZE + gl_LocalInvocationID.x;
    if (index >= pc.nTokens * pc.nHeads * nPairs)
        return;
    const uint pair = index % nPairs;
    const uint row = index / nPairs; // token * nHeads + head
    const uint token = row / pc.nHeads;

    float theta = float(pc.firstPos + token) * pow(pc.freqBase, -2.0 * float(pair) / float(pc.nDims));
    if ((pc.flags & FLAG_FACTORS) != 0u)
        theta /= factors[pair];
    theta *= pc.freqScale;
    const float c = cos(theta);
    const float s = sin(theta);

    const uint base = row * pc.headDim;
    const bool neox = (pc.flags & FLAG_NEOX) != 0u;
    const uint a = base + (neox ? pair : 2u * pair);
    const uint b = base + (neox ? pair + nPairs : 2u * pair + 1u);
    const float x0 = x[a];
    const float x1 = x[b];
    x[a] = x0 * c - x1 * s;
    x[b] = x0 * s + x1 * c;
}
