#version 450
#extension GL_GOOGLE_include_directive : require
// Y = X . W^T for a batch of token rows: y[t, outOffset + r] = dot(W[r, :], x[xFirstRow + t, :])
// with W f32 row-major (rows, cols) and Y rows of outStride floats. Prompt processing runs whole
// batches through it so each weight row is read once per tile of TOKENS_PER_TILE tokens instead
// of once per token. Each subgroup owns one (row, token tile): its lanes walk the row together,
// every lane keeping one partial sum per token of the tile, folded by subgroupAdd at the end.
// The grid is (row groups) x (token tiles), flattened by linearWorkgroupIndex().
// CPU reference: agora::cpu::matVec per token.
#include "common.glsl"

layout(local_size_x_id = 0) in;
layout(constant_id = 0) const uint WORKGROUP_SIZE = 32;
layout(constant_id = 1) const uint ROWS_PER_WORKGROUP = 4;
const uint TOKENS_PER_TILE = 8;

layout(std430, binding = 0) readonly buffer MatrixBuffer { float w[]; };
layout(std430, binding = 1) readonly buffer InputBuffer { float x[]; };
layout(std430, binding = 2) writeonly buffer OutputBuffer { float y[]; };

layout(push_constant) uniform Push {
    uint rows;      // rows of W in this binding
    uint cols;
    uint nTokens;   // rows of X used
    uint xFirstRow; // first row of X used (logits of the last token only)
    uint outOffset; // where W's row 0 lands within a row of Y (W split across bindings)
    uint outStride; // floats per row of Y
} pc;

void main()
{
    const uint rowGroups = (pc.rows + ROWS_PER_WORKGROUP - 1u) / ROWS_PER_WORKGROUP;
    const uint group = linearWorkgroupIndex();
    const uint tile = group / rowGroups;
    const uint firstToken = tile * TOKENS_PER_TILE;
    if (firstToken >= pc.nTokens)
        return;
    const uint tileTokens = min(TOKENS_PER_TILE, pc.nTokens - firstToken);
    const uint firstRow = (group % rowGroups) * ROWS_PER_WORKGROUP;

    for (uint r = gl_SubgroupID; r < ROWS_PER_WORKGROUP; r += gl_NumSubgroups) {
        const uint row = firstRow + r;
        if (row >= pc.rows)
            break; // the same for every lane of the subgroup
        float sums[TOKENS_PER_TILE];
        for (uint t = 0; t < TOKENS_PER_TILE; ++t)
            sums[t] = 0.0;
        const uint wBase = row * pc.cols;
        const uint xBase = (pc.xFirstRow + firstToken) * pc.cols;
        for (uint c = gl_SubgroupInvocationID; c < pc.cols; c += gl_SubgroupSize) {
            const float weight = w[wBase + c];
            for (uint t = 0; t < tileTokens; ++t)
                sums[t] += weight * x[xBase + t * pc.cols + c];
        }
        for (uint t = 0; t < tileTokens; ++t) {
            const float total = subgroupAdd(sums[t]);
            if (subgroupElect())
                y[(firstToken + t) * pc.outStride + pc.outOffset + row] = total;
        }
    }
}
