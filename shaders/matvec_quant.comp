#version 450
#extension GL_GOOGLE_include_directive : require
// y[outOffset + r] = dot(W[r, :], x) for a weight matrix stored in its GGUF type (one variant
// per type, -DTYPE_*), dequantized in registers. Each subgroup owns one row at a time; lane i
// takes units i, i + subgroupSize, ... of 32 weights (neighbouring lanes read neighbouring
// blocks) and a subgroupAdd folds the partial sums. Rows beyond one binding's range are
// dispatched again with the next row range of W and an outOffset (see quant_kernels.cpp).
#include "common.glsl"

layout(local_size_x_id = 0) in;
layout(constant_id = 0) const uint WORKGROUP_SIZE = 32;
layout(constant_id = 1) const uint ROWS_PER_WORKGROUP = 4;

layout(std430, binding = 0) readonly buffer Weights { uint wdata[]; };
layout(std430, binding = 1) readonly buffer Vector { float x[]; };
layout(std430, binding = 1) readonly buffer Vector4 { vec4 x4[]; };
layout(std430, binding = 2) writeonly buffer Output { float y[]; };

layout(push_constant) uniform Push {
    uint rows;      // rows in this binding of W
    uint cols;
    uint rowBytes;  // bytes per row of W in its type
    uint outOffset; // where row 0 of this binding lands in y
} pc;

#include "dequant.glsl"

void main()
{
    const uint units = unitsPerRow(pc.cols);
    const uint wholeUnits = pc.cols / 32u;
    const uint firstRow = linearWorkgroupIndex() * ROWS_PER_WORKGROUP;
    for (uint r = gl_SubgroupID; r < ROWS_PER_WORKGROUP; r += gl_NumSubgroups) {
        const uint row = firstRow + r;
        if (row >= pc.rows)
            break; // the same for every lane of the subgroup
        const uint rowBase = row * pc.rowBytes;
        float sum = 0.0;
        for (uint u = gl_SubgroupInvocationID; u < wholeUnits; u += gl_SubgroupSize) {
            vec4 v[8];
            dequantUnit(rowBase, u, v);
            vec4 acc = v[0] * x4[8u * u];
            for (uint k = 1u; k < 8u; ++k)
                acc += v[k] * x4[8u * u + k];
            sum += (acc.x + acc.y) + (acc.z + acc.w);
        }
#if defined(UNITS_ARE_PLAIN)
        // Plain types may end in a partial unit; quantized rows are whole blocks by construction.
        if (wholeUnits < units) {
            for (uint c = 32u * wholeUnits + gl_SubgroupInvocationID; c < pc.cols; c += gl_SubgroupSize)
                sum += plainValue(rowBase, c) * x[c];
        }
#endif
        sum = subgroupAdd(sum);
        if (subgroupElect())
            y[pc.outOffset + row] = sum;
    }
}
