#version 450
#extension GL_GOOGLE_include_directive : require
// y[outOffset + r] = dot(W[r, :], x) for an f32 row-major matrix W (rows, cols).
// Each subgroup owns one row at a time: its lanes walk the row together, lane i reading the
// i-th vec4 of each stretch (neighbouring invocations read neighbouring memory), and a
// subgroupAdd folds the partial sums. The workgroup size (spec constant 0) is chosen by the
// host from the device's subgroup size; ROWS_PER_WORKGROUP (spec constant 1) rows per workgroup.
#include "common.glsl"

layout(local_size_x_id = 0) in;
layout(constant_id = 0) const uint WORKGROUP_SIZE = 32;
layout(constant_id = 1) const uint ROWS_PER_WORKGROUP = 4;

// The same bindings seen as floats and as vec4s: the vec4 view serves rows whose length is a
// multiple of four (the usual case), the float view everything else.
layout(std430, binding = 0) readonly buffer MatrixBuffer { float w[]; };
layout(std430, binding = 0) readonly buffer MatrixBuffer4 { vec4 w4[]; };
layout(std430, binding = 1) readonly buffer VectorBuffer { float x[]; };
layout(std430, binding = 1) readonly buffer VectorBuffer4 { vec4 x4[]; };
layout(std430, binding = 2) writeonly buffer OutputBuffer { float y[]; };

layout(push_constant) uniform Push {
    uint rows;      // rows in this binding of W
    uint cols;
    uint outOffset; // where row 0 of this binding lands in y (W split across bindings)
} pc;

void main()
{
    const uint firstRow = linearWorkgroupIndex() * ROWS_PER_WORKGROUP;
    for (uint r = gl_SubgroupID; r < ROWS_PER_WORKGROUP; r += gl_NumSubgroups) {
        const uint row = firstRow + r;
        if (row >= pc.rows)
            break; // the same for every lane of the subgroup
        float sum = 0.0;
        if ((pc.cols & 3u) == 0u) {
            const uint quads = pc.cols >> 2;
            const uint base = row * quads;
            for (uint c = gl_SubgroupInvocationID; c < quads; c += gl_SubgroupSize)
                sum += dot(w4[base + c], x4[c]);
        } else {
            const uint base = row * pc.cols;
            for (uint c = gl_SubgroupInvocationID; c < pc.cols; c += gl_SubgroupSize)
                sum += w[base + c] * x[c];
        }
        sum = subgroupAdd(sum);
        if (subgroupElect())
            y[pc.outOffset + row] = sum;
    }
}
