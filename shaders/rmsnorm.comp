#version 450
#extension GL_GOOGLE_include_directive : require
#extension GL_EXT_control_flow_attributes : require
// RMSNorm over rows: y = x / sqrt(mean(x^2) + eps) * weight. One workgroup per row; lanes
// stride over the columns so neighbouring invocations read neighbouring floats, then a subgroup
// reduction and one shared-memory step across the workgroup's subgroups.
// PACK_Q8_0 (cols a multiple of 32): y is also written packed as Q8_0 codes, exactly what
// round_activations.comp PACK_Q8_0 makes of it, for the integer products that read the norm next;
// a decoded token then spends one dispatch (one hand-off to the driver's threads) on both.
#include "common.glsl"

layout(local_size_x_id = 0) in;
layout(constant_id = 0) const uint WORKGROUP_SIZE = 64;

layout(std430, binding = 0) readonly buffer InputBuffer { float x[]; };
layout(std430, binding = 1) readonly buffer WeightBuffer { float weight[]; };
layout(std430, binding = 2) writeonly buffer OutputBuffer { float y[]; };
#if defined(PACK_Q8_0)
layout(std430, binding = 3) writeonly buffer PackedBuffer { uint packedWords[]; };
#define PACKED_WORDS packedWords
#include "pack_q8_0.glsl"
#endif

layout(push_constant) uniform Push {
    uint cols;
    float eps;
    uint rows;
} pc;

// One slot per subgroup; a workgroup never has more subgroups than invocations.
shared float subgroupSums[WORKGROUP_SIZE];

void main()
{
    const uint row = linearWorkgroupIndex();
    if (row >= pc.rows)
        return; // uniform for the whole workgroup, so the barrier below stays legal

    const uint base = row * pc.cols;
    float sumSquares = 0.0;
    for (uint i = gl_LocalInvocationID.x; i < pc.cols; i += WORKGROUP_SIZE) {
        const float v = x[base + i];
        sumSquares += v * v;
    }
    sumSquares = subgroupAdd(sumSquares);
    if (subgroupElect())
        subgroupSums[gl_SubgroupID] = sumSquares;
    barrier();

    float total = 0.0;
    for (uint s = 0; s < gl_NumSubgroups; ++s)
        total += subgroupSums[s];
    const float scale = inversesqrt(total / float(pc.cols) + pc.eps);

    for (uint i = gl_LocalInvocationID.x; i < pc.cols; i += WORKGROUP_SIZE)
        y[base + i] = x[base + i] * scale * weight[i];
#if defined(PACK_Q8_0)
    // A block per lane, its values computed as y's were (the same operations, so the same floats).
    const uint rowBlocks = pc.cols / 32u;
    for (uint b = gl_LocalInvocationID.x; b < rowBlocks; b += WORKGROUP_SIZE) {
        float v[32];
        [[unroll]] for (uint i = 0; i < 32u; ++i)
            v[i] = x[base + 32u * b + i] * scale * weight[32u * b + i];
        packQ8_0Block(v, row, b, rowBlocks);
    }
#endif
}
