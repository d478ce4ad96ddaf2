#version 450
#extension GL_GOOGLE_include_directive : require
// The batched product of prompt processing, for weights in their GGUF type (-DTYPE_*):
// y[t * outStride + outOffset + r] = dot(W[r, :], x[xFirstRow + t, :]) for t in [0, nTokens).
// Each subgroup owns one (row, tile of TOKENS_PER_TILE tokens); every unit of 32 weights is
// dequantized once into registers and used for all tokens of the tile, so W is read once per
// tile instead of once per token. Lanes take units i, i + subgroupSize, ... as in matvec_quant;
// one partial sum per token is folded by subgroupAdd at the end. The grid is
// (row groups) x (token tiles), flattened by linearWorkgroupIndex().
#include "common.glsl"

layout(local_size_x_id = 0) in;
layout(constant_id = 0) const uint WORKGROUP_SIZE = 32;
layout(constant_id = 1) const uint ROWS_PER_WORKGROUP = 4;
const uint TOKENS_PER_TILE = 8;

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
    const uint rowGroups = (pc.rows + ROWS_PER_WORKGROUP - 1u) / ROWS_PER_WORKGROUP;
    const uint group = linearWorkgroupIndex();
    const uint firstToken = (group / rowGroups) * TOKENS_PER_TILE;
    if (firstToken >= pc.nTokens)
        return;
    const uint tileTokens = min(TOKENS_PER_TILE, pc.nTokens - firstToken);
    const uint firstRow = (group % rowGroups) * ROWS_PER_WORKGROUP;
    const uint wholeUnits = pc.cols / 32u;
    const uint xBase = (pc.xFirstRow + firstToken) * pc.cols;

    for (uint r = gl_SubgroupID; r < ROWS_PER_WORKGROUP; r += gl_NumSubgroups) {
        const uint row = firstRow + r;
        if (row >= pc.rows)
            break; // the same for every lane of the subgroup
        const uint rowBase = row * pc.rowBytes;
        float sums[TOKENS_PER_TILE];
        for (uint t = 0u; t < TOKENS_PER_TILE; ++t)
            sums[t] = 0.0;
        for (uint u = gl_SubgroupInvocationID; u < wholeUnits; u += gl_SubgroupSize) {
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
        for (uint c = 32u * wholeUnits + gl_SubgroupInvocationID; c < pc.cols; c += gl_SubgroupSize) {
            const float weight = plainValue(rowBase, c);
            for (uint t = 0u; t < tileTokens; ++t)
                sums[t] += weight * x[xBase + t * pc.cols + c];
        }
#endif
        for (uint t = 0u; t < tileTokens; ++t) {
            const float total = subgroupAdd(sums[t]);
            if (subgroupElect())
                y[(firstToken + t) * pc.outStride + pc.outOffset + row] = total;
        }
    }
}
