#version 450
#extension GL_GOOGLE_include_directive : require
// Softmax over rows in place: x = exp(x - max) / sum. One workgroup per row; lanes stride over
// the columns, subgroup reductions and one shared-memory step combine them.
// CPU reference: agora::cpu::softmax.
#include "common.glsl"

layout(local_size_x_id = 0) in;
layout(constant_id = 0) const uint WORKGROUP_SIZE = 64;

layout(std430, binding = 0) buffer DataBuffer { float x[]; };

layout(push_constant) uniform Push {
    uint cols;
    uint rows;
} pc;

shared float reduction[WORKGROUP_SIZE];

void main()
{
    const uint row = linearWorkgroupIndex();
    if (row >= pc.rows)
        return; // uniform per workgroup
    const uint base = row * pc.cols;

    float localMax = -3.0e38;
    for (uint i = gl_LocalInvocationID.x; i < pc.cols; i += WORKGROUP_SIZE)
        localMax = max(localMax, x[base + i]);
    localMax = subgroupMax(localMax);
    if (subgroupElect())
        reduction[gl_SubgroupID] = localMax;
    barrier();
    float rowMax = reduction[0];
    for (uint s = 1; s < gl_NumSubgroups; ++s)
        rowMax = max(rowMax, reduction[s]);
    barrier();

    float localSum = 0.0;
    for (uint i = gl_LocalInvocationID.x; i < pc.cols; i += WORKGROUP_SIZE) {
        const float e = exp(x[base + i] - rowMax);
        x[base + i] = e;
        localSum += e;
    }
    localSum = subgroupAdd(localSum);
    if (subgroupElect())
        reduction[gl_SubgroupID] = localSum;
    barrier();
    float total = 0.0;
    for (uint s = 0; s < gl_NumSubgroups; ++s)
        total += reduction[s];
    const float inverse = 1.0 / total;

    for (uint i = gl_LocalInvocationID.x; i < pc.cols; i += WORKGROUP_SIZE)
        x[base + i] *= inverse;
}
