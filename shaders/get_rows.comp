#version 450
#extension GL_GOOGLE_include_directive : require
// Embedding lookup: out[i, :] = dequantize(table[ids[i], :]) for a table stored in its GGUF type
// (one variant per type, -DTYPE_*). One invocation writes one unit of 32 weights. A table larger
// than one binding's range is dispatched once per row range; ids outside
// [firstRow, firstRow + rows) belong to another range and are skipped.
#include "common.glsl"

layout(local_size_x_id = 0) in;
layout(constant_id = 0) const uint WORKGROUP_SIZE = 64;

layout(std430, binding = 0) readonly buffer Weights { uint wdata[]; };
layout(std430, binding = 1) readonly buffer Ids { uint ids[]; };
layout(std430, binding = 2) writeonly buffer Output { float outValues[]; };
layout(std430, binding = 2) writeonly buffer Output4 { vec4 outValues4[]; };

layout(push_constant) uniform Push {
    uint count;    // ids to look up
    uint cols;
    uint rowBytes;
    uint firstRow; // table row held at the start of this binding
    uint rows;     // table rows in this binding
} pc;

// Rows of CPU-device tables may be interleaved in groups of ROW_INTERLEAVE rows, texel by texel
// (row_interleave.glsl; quant_kernels.h: WeightMatrix::rowInterleave); rows are then whole texels
// and a word index counts from the start of the selected row.
layout(constant_id = 1) const uint ROW_INTERLEAVE = 1;
#include "row_interleave.glsl"
uint g_rowTexel = 0u;

#define AGORA_WORDS_PROVIDED 1
uint loadWord(uint index)
{
    if (ROW_INTERLEAVE == 1u)
        return wdata[index];
    return wdata[4u * rowTexelAt(g_rowTexel, index >> 2) + (index & 3u)];
}

uint wordCount()
{
    return ROW_INTERLEAVE == 1u ? uint(wdata.length()) : pc.rowBytes >> 2;
}

#include "dequant.glsl"

void main()
{
    const uint units = unitsPerRow(pc.cols);
    const uint item = linearWorkgroupIndex() * WORKGROUP_SIZE + gl_LocalInvocationID.x;
    const uint i = item / units;
    const uint u = item % units;
    if (i >= pc.count)
        return;
    const uint id = ids[i];
    if (id < pc.firstRow || id - pc.firstRow >= pc.rows)
        return;
    g_rowTexel = ROW_INTERLEAVE == 1u ? 0u : rowStartTexel(id - pc.firstRow, pc.rowBytes);
    const uint rowBase = ROW_INTERLEAVE == 1u ? (id - pc.firstRow) * pc.rowBytes : 0u;
    const uint outBase = i * pc.cols;
    if (32u * u + 32u <= pc.cols) {
        vec4 v[8];
        dequantUnit(rowBase, u, v);
        if ((pc.cols & 3u) == 0u) {
            for (uint k = 0u; k < 8u; ++k)
                outValues4[outBase / 4u + 8u * u + k] = v[k];
        } else {
            for (uint k = 0u; k < 32u; ++k)
                outValues[outBase + 32u * u + k] = v[k / 4u][k % 4u];
        }
    }
#if defined(UNITS_ARE_PLAIN)
    else {
        for (uint c = 32u * u; c < pc.cols; ++c)
            outValues[outBase + c] = plainValue(rowBase, c);
    }
#endif
}
