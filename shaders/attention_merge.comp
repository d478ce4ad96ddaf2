#version 450
#extension GL_GOOGLE_include_directive : require
// Combines the partial results of attention_split.comp: for each (token, head) row the splits'
// maxima m_s, sums s_s and unnormalised outputs o_s merge as
//   M = max m_s,  out = sum_s o_s * exp(m_s - M) / sum_s s_s * exp(m_s - M)
// (a log-sum-exp merge; an empty split has m = -3e38 and s = 0 and drops out). One workgroup per
// row; every lane reads the few maxima and sums itself, so no barrier is needed.
// CPU reference: agora::cpu::attendCausalBatch, through the split kernel.
#include "common.glsl"

layout(local_size_x_id = 0) in;
layout(constant_id = 0) const uint WORKGROUP_SIZE = 64;

layout(std430, binding = 0) readonly buffer Partials { float partials[]; }; // (headDim + 2, nSplits, nRows)
layout(std430, binding = 1) writeonly buffer OutBuffer { float outValues[]; }; // (headDim, nRows)

layout(push_constant) uniform Push {
    uint headDim;
    uint nRows;   // nTokens * nHead
    uint nSplits;
} pc;

void main()
{
    const uint row = linearWorkgroupIndex();
    if (row >= pc.nRows)
        return;
    const uint stride = pc.headDim + 2u;
    const uint base = row * pc.nSplits * stride;

    float globalMax = -3.0e38;
    for (uint s = 0; s < pc.nSplits; ++s)
        globalMax = max(globalMax, partials[base + s * stride]);
    float total = 0.0;
    for (uint s = 0; s < pc.nSplits; ++s)
        total += partials[base + s * stride + 1u] * exp(partials[base + s * stride] - globalMax);
    const float inverse = 1.0 / total;

    for (uint d = gl_LocalInvocationID.x; d < pc.headDim; d += WORKGROUP_SIZE) {
        float sum = 0.0;
        for (uint s = 0; s < pc.nSplits; ++s)
            sum += partials[base + s * stride + 2u + d] * exp(partials[base + s * stride] - globalMax);
        outValues[row * pc.headDim + d] = sum * inverse;
    }
}
