#version 450
#extension GL_GOOGLE_include_directive : require
// matmul_quant.comp laid out for CPU Vulkan drivers (lavapipe), as matvec_rows.comp: one row of
// W per invocation and a tile of TOKENS_PER_TILE tokens per workgroup. Each unit of 32 weights
// is dequantized once per lane (per-lane loads) and multiplied with the tile's tokens, whose x
// reads are the same for every lane (one scalar load each on llvmpipe). The grid is
// (row groups) x (token tiles), flattened by linearWorkgroupIndex(). Same bindings and push
// constants as matmul_quant.comp.
#include "common.glsl"

layout(local_size_x_id = 0) in;
layout(constant_id = 0) const uint WORKGROUP_SIZE = 64;
const uint TOKENS_PER_TILE = 8; // quant_kernels.cpp: kTokensPerTile

layout(std430, binding = 0) readonly buffer Weights { uint wdata[]; };
layout(std430, binding = 1) readonly buffer Input { float x[]; };
layout(std430, binding = 1) readonly buffer Input4 { vec4 x4[]; };
layout(std430, binding = 2) writeonly buffer Output { float y[]; };

layout(push_constant) uniform Push {
    uint rows;      // rows of W in this binding
    uint cols;
    uint rowBytes;
    uint nTokens;   // rows of x used
    uint xFirstRow; // first row of x used
    uint outOffset; // where row 0 of this binding lands within a row of y
    uint outStride; // floats per row of y
} pc;

#include "dequant.glsl"

void main()
{
    const uint rowGroups = (pc.rows + WORKGROUP_SIZE - 1u) / WORKGROUP_SIZE;
    const uint group = linearWorkgroupIndex();
    const uint firstToken = (group / rowGroups) * TOKENS_PER_TILE;
    if (firstToken >= pc.nTokens)
        return; // the whole workgroup: the overhang of the grid
    const uint tileTokens = min(TOKENS_PER_TILE, pc.nTokens - firstToken);
    const uint row = (group % rowGroups) * WORKGROUP_SIZE + gl_LocalInvocationIndex;
    const uint rowBase = min(row, pc.rows - 1u) * pc.rowBytes; // see matvec_rows.comp
    const uint wholeUnits = pc.cols / 32u;
    const uint xBase = (pc.xFirstRow + firstToken) * pc.cols;

    float sums[TOKENS_PER_TILE];
    for (uint t = 0u; t < TOKENS_PER_TILE; ++t)
        sums[t] = 0.0;
    for (uint u = 0u; u < wholeUnits; ++u) {
        vec4 v[8];
        dequantUnit(rowBase, u, v);
        for (uint t = 0u; t < tileTokens; ++t) {
            // Rows of whole units have cols % 4 == 0, so x rows start on a vec4.
            const uint x4Base = (xBase + t * pc.cols) / 4u + 8u * u;
            vec4 acc = v[0] * x4[x4Base];
            for (uint k = 1u; k < 8u; ++k)
                acc += v[k] * x4[x4Base + k];
            sums[t] += (acc.x + acc.y) + (acc.z + acc.w);
        }
    }
#if defined(UNITS_ARE_PLAIN)
    for (uint c = 32u * wholeUnits; c < pc.cols; ++c) {
        const float weight = plainValue(rowBase, c);
        for (uint t = 0u; t < tileTokens; ++t)
            sums[t] += weight * x[xBase + t * pc.cols + c];
    }
#endif
    if (row < pc.rows) {
        for (uint t = 0u; t < tileTokens; ++t)
            y[(firstToken + t) * pc.outStride + pc.outOffset + row] = sums[t];
    }
}
