#version 450
#extension GL_GOOGLE_include_directive : require
#extension GL_EXT_control_flow_attributes : require
// matmul_rows.comp (one row of W per invocation, a tile of TOKENS_PER_TILE tokens per
// workgroup) with the weights and x read through uniform texel buffers, for the reason given in
// matvec_texel.comp: on llvmpipe a texel fetch is a branch-free gather, a storage-buffer load a
// loop over the lanes. Each unit of 32 weights is dequantized once and used for the whole tile.
// The host uses it for rows padded to a 16-byte stride (rowBytes) and x rows of whole texels
// (cols % 4 == 0). Same push constants as matmul_rows.comp. Rows may be interleaved in groups of
// ROW_INTERLEAVE (row_interleave.glsl).
#include "common.glsl"

layout(local_size_x_id = 0) in;
layout(constant_id = 0) const uint WORKGROUP_SIZE = 64;
const uint TOKENS_PER_TILE = 8; // quant_kernels.cpp: kTokensPerTile

layout(binding = 0) uniform usamplerBuffer weights; // RGBA32UI: four words per texel
layout(binding = 1) uniform usamplerBuffer activations; // the floats of x, four per texel
layout(std430, binding = 2) writeonly buffer Output { float y[]; };

layout(push_constant) uniform Push {
    uint rows;      // rows of W in this binding
    uint cols;
    uint rowBytes;  // bytes from one row to the next: a multiple of 16
    uint nTokens;   // rows of x used
    uint xFirstRow; // first row of x used
    uint outOffset; // where row 0 of this binding lands within a row of y
    uint outStride; // floats per row of y
} pc;

layout(constant_id = 1) const uint ROW_INTERLEAVE = 1; // rows per interleaved group (1: plain rows)
#include "texel_weight_words.glsl"

vec4 loadX4(uint index)
{
    return uintBitsToFloat(texelFetch(activations, int(index)));
}

#include "dequant.glsl"

#if defined(INT_DOT)
#include "aligned_pairs.glsl"
#include "texel_pairs.glsl"

// Q5_0 / Q8_0 with x packed as Q8_0 codes, one packed row of rowTexels texels per token
// (round_activations.comp PACK_Q8_0; quant_kernels.cpp recordMatMulPacked): each lane computes
// two rows, r and r + WORKGROUP_SIZE, for the tile's tokens, reading each pair of blocks of its
// rows once and each packed x texel once for both rows.
const uint LANE_ROWS = 2u;

void main()
{
    const uint rowGroups = (pc.rows + LANE_ROWS * WORKGROUP_SIZE - 1u) / (LANE_ROWS * WORKGROUP_SIZE);
    const uint group = linearWorkgroupIndex();
    const uint firstToken = (group / rowGroups) * TOKENS_PER_TILE;
    if (firstToken >= pc.nTokens)
        return; // the whole workgroup: the overhang of the grid
    const uint tileTokens = min(TOKENS_PER_TILE, pc.nTokens - firstToken);
    const uint firstRow = (group % rowGroups) * (LANE_ROWS * WORKGROUP_SIZE) + gl_LocalInvocationIndex;
    uint rowTexel[LANE_ROWS];
    AGORA_UNROLL for (uint j = 0u; j < LANE_ROWS; ++j)
        rowTexel[j] = rowStartTexel(min(firstRow + j * WORKGROUP_SIZE, pc.rows - 1u), pc.rowBytes); // see matmul_rows.comp
    const uint blocks = pc.cols / 32u;
    const uint packedTexels = (16u * blocks + (2u * blocks + 3u) / 4u * 4u) / 4u; // per token (vk::packedVectorBytes)
    float sums[LANE_ROWS][TOKENS_PER_TILE];
    AGORA_UNROLL for (uint j = 0u; j < LANE_ROWS; ++j) {
        AGORA_UNROLL for (uint t = 0u; t < TOKENS_PER_TILE; ++t)
            sums[j][t] = 0.0;
    }
    for (uint u = 0u; u + 1u < blocks; u += 8u) {
        AGORA_UNROLL for (uint p = 0u; p < 4u; ++p) {
            if (u + 2u * p + 1u < blocks) {
                uint w[LANE_ROWS][PAIR_WORDS];
                AGORA_UNROLL for (uint j = 0u; j < LANE_ROWS; ++j)
                    pairWords(rowTexel[j], u >> 3, p, w[j]);
                const uint pairIndex = (u >> 1) + p;
                AGORA_UNROLL for (uint t = 0u; t < TOKENS_PER_TILE; ++t) {
                    if (t < tileTokens) {
                        const uint rowBase = (pc.xFirstRow + firstToken + t) * packedTexels;
                        uvec4 xp[8];
                        AGORA_UNROLL for (uint i = 0u; i < 8u; ++i)
                            xp[i] = texelFetch(activations, int(rowBase + 8u * pairIndex + i));
                        const uvec4 scales = texelFetch(activations, int(rowBase + 4u * blocks + pairIndex));
                        AGORA_UNROLL for (uint j = 0u; j < LANE_ROWS; ++j)
                            sums[j][t] += pairDotWords(w[j], xp, scales);
                    }
                }
            }
        }
    }
    AGORA_UNROLL for (uint j = 0u; j < LANE_ROWS; ++j) {
        const uint row = firstRow + j * WORKGROUP_SIZE;
        if (row < pc.rows) {
            AGORA_UNROLL for (uint t = 0u; t < TOKENS_PER_TILE; ++t) {
                if (t < tileTokens)
                    y[(firstToken + t) * pc.outStride + pc.outOffset + row] = sums[j][t];
            }
        }
    }
}
#else
#include "aligned_pairs.glsl" // AGORA_UNROLL
#include "texel_superblocks.glsl"
#if defined(HAS_SUPER_BLOCK_TEXELS)
// Q4_K / Q6_K: each lane computes two rows (r and r + WORKGROUP_SIZE) for the tile's tokens, each
// super-block of its rows fetched once as whole texels and each x texel once for both rows
// (quant_kernels.cpp: kSuperBlockLaneRows), with matvec_texel.comp's per-unit dot.
const uint LANE_ROWS = 2u;

void main()
{
    const uint rowGroups = (pc.rows + LANE_ROWS * WORKGROUP_SIZE - 1u) / (LANE_ROWS * WORKGROUP_SIZE);
    const uint group = linearWorkgroupIndex();
    const uint firstToken = (group / rowGroups) * TOKENS_PER_TILE;
    if (firstToken >= pc.nTokens)
        return; // the whole workgroup: the overhang of the grid
    const uint tileTokens = min(TOKENS_PER_TILE, pc.nTokens - firstToken);
    const uint firstRow = (group % rowGroups) * (LANE_ROWS * WORKGROUP_SIZE) + gl_LocalInvocationIndex;
    uint rowTexel[LANE_ROWS];
    AGORA_UNROLL for (uint j = 0u; j < LANE_ROWS; ++j)
        rowTexel[j] = rowStartTexel(min(firstRow + j * WORKGROUP_SIZE, pc.rows - 1u), pc.rowBytes); // see matmul_rows.comp
    const uint x4Row = pc.cols / 4u; // texels per row of x
    const uint x4Base = (pc.xFirstRow + firstToken) * x4Row;
    float sums[LANE_ROWS][TOKENS_PER_TILE];
    AGORA_UNROLL for (uint j = 0u; j < LANE_ROWS; ++j) {
        AGORA_UNROLL for (uint t = 0u; t < TOKENS_PER_TILE; ++t)
            sums[j][t] = 0.0;
    }
    for (uint sb = 0u; sb < pc.cols / 256u; ++sb) {
        uint w[LANE_ROWS][SUPER_BLOCK_WORDS];
        AGORA_UNROLL for (uint j = 0u; j < LANE_ROWS; ++j)
            superBlockWords(rowTexel[j], sb, w[j]);
        AGORA_UNROLL for (uint p = 0u; p < 8u; ++p) {
            AGORA_UNROLL for (uint t = 0u; t < TOKENS_PER_TILE; ++t) {
                if (t < tileTokens) {
                    vec4 x8[8];
                    AGORA_UNROLL for (uint k = 0u; k < 8u; ++k)
                        x8[k] = loadX4(x4Base + t * x4Row + 64u * sb + 8u * p + k);
                    const float xSum = unitSum(x8);
                    AGORA_UNROLL for (uint j = 0u; j < LANE_ROWS; ++j)
                        sums[j][t] += superBlockUnit(w[j], p, x8, xSum);
                }
            }
        }
    }
    AGORA_UNROLL for (uint j = 0u; j < LANE_ROWS; ++j) {
        const uint row = firstRow + j * WORKGROUP_SIZE;
        if (row < pc.rows) {
            AGORA_UNROLL for (uint t = 0u; t < TOKENS_PER_TILE; ++t) {
                if (t < tileTokens)
                    y[(firstToken + t) * pc.outStride + pc.outOffset + row] = sums[j][t];
            }
        }
    }
}
#else
void main()
{
    const uint rowGroups = (pc.rows + WORKGROUP_SIZE - 1u) / WORKGROUP_SIZE;
    const uint group = linearWorkgroupIndex();
    const uint firstToken = (group / rowGroups) * TOKENS_PER_TILE;
    if (firstToken >= pc.nTokens)
        return; // the whole workgroup: the overhang of the grid
    const uint tileTokens = min(TOKENS_PER_TILE, pc.nTokens - firstToken);
    const uint row = (group % rowGroups) * WORKGROUP_SIZE + gl_LocalInvocationIndex;
    const uint rowBase = selectRow(rowStartTexel(min(row, pc.rows - 1u), pc.rowBytes)); // see matvec_rows.comp
    const uint wholeUnits = pc.cols / 32u;
    const uint x4Row = pc.cols / 4u; // texels per row of x
    const uint x4Base = (pc.xFirstRow + firstToken) * x4Row;

    float sums[TOKENS_PER_TILE];
    for (uint t = 0u; t < TOKENS_PER_TILE; ++t)
        sums[t] = 0.0;
    for (uint u = 0u; u < wholeUnits; ++u) {
        vec4 v[8];
        dequantUnit(rowBase, u, v);
        for (uint t = 0u; t < tileTokens; ++t) {
            const uint base = x4Base + t * x4Row + 8u * u;
            vec4 acc = v[0] * loadX4(base);
            for (uint k = 1u; k < 8u; ++k)
                acc += v[k] * loadX4(base + k);
            sums[t] += (acc.x + acc.y) + (acc.z + acc.w);
        }
    }
#if defined(UNITS_ARE_PLAIN)
    // The last cols % 32 plain values: whole texels, since cols % 4 == 0.
    for (uint c4 = 8u * wholeUnits; c4 < x4Row; ++c4) {
        const vec4 w4 = vec4(plainValue(rowBase, 4u * c4), plainValue(rowBase, 4u * c4 + 1u),
                             plainValue(rowBase, 4u * c4 + 2u), plainValue(rowBase, 4u * c4 + 3u));
        for (uint t = 0u; t < tileTokens; ++t)
            sums[t] += dot(w4, loadX4(x4Base + t * x4Row + c4));
    }
#endif
    if (row < pc.rows) {
        for (uint t = 0u; t < tileTokens; ++t)
            y[(firstToken + t) * pc.outStride + pc.outOffset + row] = sums[t];
    }
}
#endif
#endif
