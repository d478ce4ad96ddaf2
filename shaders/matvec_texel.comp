#version 450
#extension GL_GOOGLE_include_directive : require
#extension GL_EXT_control_flow_attributes : require
// matvec_rows.comp (one row per invocation) with the weights and x read through uniform texel
// buffers (16-byte texels) instead of storage buffers. Why: llvmpipe (Mesa 22) turns every
// storage-buffer load into a loop over the SIMD lanes with a bounds check per lane, while a
// texel fetch is a branch-free gather; on this project's lavapipe the texel fetch reads about
// five times more bytes per CPU second (bench/README.md, "What llvmpipe makes fast").
// The host (quant_kernels.cpp) uses it only for rows padded to a 16-byte stride, so every row
// starts on a texel; the push constant rowBytes is that stride. Same push constants as
// matvec_rows.comp. Rows may be interleaved in groups of ROW_INTERLEAVE (row_interleave.glsl).
#include "common.glsl"

layout(local_size_x_id = 0) in;
layout(constant_id = 0) const uint WORKGROUP_SIZE = 64;

layout(binding = 0) uniform usamplerBuffer weights; // RGBA32UI: four words per texel
layout(binding = 1) uniform usamplerBuffer vector;  // the floats of x, four per texel
layout(std430, binding = 2) writeonly buffer Output { float y[]; };
// y = W x + addend (a bias, or the residual stream itself: addend may be y) when HAS_ADDEND is 1,
// so that the addition is not a dispatch of its own (quant_kernels.cpp: recordMatVecAdd). Read
// and written by the same invocation, element by element, so aliasing y is safe.
layout(constant_id = 1) const uint HAS_ADDEND = 0;
layout(std430, binding = 3) readonly buffer Addend { float addend[]; };

void storeRow(uint index, float sum)
{
    y[index] = HAS_ADDEND != 0u ? sum + addend[index] : sum;
}

// GATE 1 (SiLU) or 2 (GELU-tanh), for the variants with two rows per lane: W holds the gate rows
// then as many up rows (pc.rows is the gate's count), a lane computes gate row r and up row r, and
// y[r] = act(gate . x) * (up . x): a decoded token's feed-forward input in one dispatch instead of
// two products and the elementwise gate (quant_kernels.cpp: recordMatVecGated). Not combined with
// HAS_ADDEND.
layout(constant_id = 2) const uint GATE = 0;
#include "gates.glsl"
layout(constant_id = 3) const uint ROW_INTERLEAVE = 1; // rows per interleaved group (1: plain rows)
// Whole pairs of blocks in a row's last group of 8 blocks ((pc.cols / 32) % 8 / 2; the host sets
// it): the tail after the loop over whole groups is then code for exactly those pairs. llvmpipe
// runs an if that it cannot prove uniform as masked code, so a tail tested at run time cost a
// pair's work even where the row had none (Qwen2.5-0.5B-shape products with 896 columns: Q5_0
// 23.8 -> 22.5 ms, Q8_0 11.2 -> 10.7 ms per token, four interleaved profiles each).
layout(constant_id = 4) const uint TAIL_PAIRS = 0;

layout(push_constant) uniform Push {
    uint rows;      // rows in this binding of W
    uint cols;
    uint rowBytes;  // bytes from one row to the next: a multiple of 16
    uint outOffset; // where row 0 of this binding lands in y
} pc;

#include "texel_weight_words.glsl"

vec4 loadX4(uint index)
{
    return uintBitsToFloat(texelFetch(vector, int(index)));
}

float loadX(uint index)
{
    return loadX4(index >> 2)[index & 3u];
}

#include "dequant.glsl"
#include "aligned_pairs.glsl"

#if defined(HAS_ALIGNED_PAIRS)
// Each lane computes LANE_ROWS rows (quant_kernels.cpp: laneRows), rows r, r + WORKGROUP_SIZE,
// ..., so that one read of x serves them all: on llvmpipe a texel fetch is a call to a
// gather routine (about 45 instructions for the 8 lanes, the same cost whether the lanes share an
// address or not), and x, at four floats per texel, needed eight fetches for every fetch of
// Q5_0 weights.
#if defined(INT_DOT) && defined(TYPE_Q5_0)
// Q5_0's integer products spend more on arithmetic per weight than Q8_0's, so a third and fourth
// row per lane still pay for the registers they take (Q5_0 products of a Qwen2.5-0.5B token
// 22.4 -> 21.4 ms on lavapipe); for Q8_0 four rows were slower (11.4 -> 14.1 ms).
#define LANE_ROWS 4u
#else
#define LANE_ROWS 2u // 4 made the Q8_0 output matrix slower (20.8 -> 22.0 ms per token)
#endif

#include "texel_pairs.glsl"

#if !defined(INT_DOT)
float pairDot(uint rowTexel, uint g, uint p, vec4 xs[16])
{
    uint pair[PAIR_WORDS];
    pairWords(rowTexel, g, p, pair);
    return dotPairWordsX(pair, xs);
}
#else
// dot(pair p of group g of the row at texel rowTexel, x) from the pair's packed x texels and its
// x scales and code sums.
float pairDot(uint rowTexel, uint g, uint p, uvec4 xp[8], uvec4 scales)
{
    uint w[PAIR_WORDS];
    pairWords(rowTexel, g, p, w);
    return pairDotWords(w, xp, scales);
}
#endif
#endif

#include "texel_superblocks.glsl"

#if defined(HAS_SUPER_BLOCK_TEXELS)
#define LANE_ROWS 2u // as for the pairs: two rows share each x fetch
#endif

#if defined(LANE_ROWS)
void main()
{
    const uint wholeUnits = pc.cols / 32u;
    const uint rowsOfY = GATE != 0u ? LANE_ROWS / 2u : LANE_ROWS; // rows of y a lane stores
    const uint firstRow = linearWorkgroupIndex() * (rowsOfY * WORKGROUP_SIZE) + gl_LocalInvocationIndex;
    // Lane rows firstRow + j * WORKGROUP_SIZE (GATE: gate rows firstRow + (j / 2) * WORKGROUP_SIZE
    // for even j, each followed by its up row, pc.rows further);
    // lanes past the last row compute row rows-1 again and do not store (see matvec_rows.comp).
    uint rowTexel[LANE_ROWS];
    float sums[LANE_ROWS];
    AGORA_UNROLL for (uint j = 0u; j < LANE_ROWS; ++j) {
        const uint row = GATE != 0u ? min(firstRow + (j >> 1) * WORKGROUP_SIZE, pc.rows - 1u) + (j & 1u) * pc.rows
                                    : min(firstRow + j * WORKGROUP_SIZE, pc.rows - 1u);
        rowTexel[j] = rowStartTexel(row, pc.rowBytes);
        sums[j] = 0.0;
    }
    uint u = 0u;
#if defined(HAS_SUPER_BLOCK_TEXELS) && defined(INT_DOT)
    // Q4_K against x packed as Q8_0 codes: a pair of units per fetch of x (8 code texels, then the
    // pair's scales and sums after all the row's codes).
    const uint scaleTexels = 4u * wholeUnits;
    for (; u < wholeUnits; u += 8u) {
        uint w[LANE_ROWS][SUPER_BLOCK_WORDS];
        AGORA_UNROLL for (uint j = 0u; j < LANE_ROWS; ++j)
            superBlockWords(rowTexel[j], u >> 3, w[j]);
        AGORA_UNROLL for (uint q = 0u; q < 4u; ++q) {
            const uint pairIndex = (u >> 1) + q;
            uvec4 xp[8];
            AGORA_UNROLL for (uint i = 0u; i < 8u; ++i)
                xp[i] = texelFetch(vector, int(8u * pairIndex + i));
            const uvec4 scales = texelFetch(vector, int(scaleTexels + pairIndex));
            AGORA_UNROLL for (uint j = 0u; j < LANE_ROWS; ++j)
                sums[j] += superBlockPairInt(w[j], q, xp, scales);
        }
    }
#elif defined(HAS_SUPER_BLOCK_TEXELS)
    for (; u < wholeUnits; u += 8u) { // K-quant rows are whole super-blocks
        uint w[LANE_ROWS][SUPER_BLOCK_WORDS];
        AGORA_UNROLL for (uint j = 0u; j < LANE_ROWS; ++j)
            superBlockWords(rowTexel[j], u >> 3, w[j]);
        AGORA_UNROLL for (uint p = 0u; p < 8u; ++p) {
            vec4 x8[8];
            AGORA_UNROLL for (uint k = 0u; k < 8u; ++k)
                x8[k] = loadX4(8u * u + 8u * p + k);
            const float xSum = unitSum(x8);
            AGORA_UNROLL for (uint j = 0u; j < LANE_ROWS; ++j)
                sums[j] += superBlockUnit(w[j], p, x8, xSum);
        }
    }
#elif defined(INT_DOT)
    // x: packed codes, 8 texels per pair of blocks, then one texel of scales and sums per pair
    // (the host uses this variant for rows of whole pairs only).
    const uint scaleTexels = 4u * wholeUnits;
    for (; u + 7u < wholeUnits; u += 8u) {
        AGORA_UNROLL for (uint p = 0u; p < 4u; ++p) {
            const uint pairIndex = (u >> 1) + p;
            uvec4 xp[8];
            AGORA_UNROLL for (uint i = 0u; i < 8u; ++i)
                xp[i] = texelFetch(vector, int(8u * pairIndex + i));
            const uvec4 scales = texelFetch(vector, int(scaleTexels + pairIndex));
            AGORA_UNROLL for (uint j = 0u; j < LANE_ROWS; ++j)
                sums[j] += pairDot(rowTexel[j], u >> 3, p, xp, scales);
        }
    }
    // The last pairs (fewer than four) of a partial group.
    AGORA_UNROLL for (uint p = 0u; p < 3u; ++p) {
        if (p < TAIL_PAIRS) {
            const uint pairIndex = (u >> 1) + p;
            uvec4 xp[8];
            AGORA_UNROLL for (uint i = 0u; i < 8u; ++i)
                xp[i] = texelFetch(vector, int(8u * pairIndex + i));
            const uvec4 scales = texelFetch(vector, int(scaleTexels + pairIndex));
            AGORA_UNROLL for (uint j = 0u; j < LANE_ROWS; ++j)
                sums[j] += pairDot(rowTexel[j], u >> 3, p, xp, scales);
        }
    }
#else
    for (; u + 7u < wholeUnits; u += 8u) {
        AGORA_UNROLL for (uint p = 0u; p < 4u; ++p) {
            vec4 xs[16];
            AGORA_UNROLL for (uint i = 0u; i < 16u; ++i)
                xs[i] = loadX4(8u * u + 16u * p + i);
            AGORA_UNROLL for (uint j = 0u; j < LANE_ROWS; ++j)
                sums[j] += pairDot(rowTexel[j], u >> 3, p, xs);
        }
    }
    // The last pairs (fewer than four) of a partial group, read the same way.
    AGORA_UNROLL for (uint p = 0u; p < 3u; ++p) {
        if (p < TAIL_PAIRS) {
            vec4 xs[16];
            AGORA_UNROLL for (uint i = 0u; i < 16u; ++i)
                xs[i] = loadX4(8u * u + 16u * p + i);
            AGORA_UNROLL for (uint j = 0u; j < LANE_ROWS; ++j)
                sums[j] += pairDot(rowTexel[j], u >> 3, p, xs);
        }
    }
    u += (wholeUnits - u) & ~1u;
#endif
#if defined(HAS_ALIGNED_PAIRS) && !defined(INT_DOT)
    if (u < wholeUnits) { // an odd last block
        vec4 x8[8];
        AGORA_UNROLL for (uint k = 0u; k < 8u; ++k)
            x8[k] = loadX4(8u * u + k);
        AGORA_UNROLL for (uint j = 0u; j < LANE_ROWS; ++j) {
            vec4 v[8];
            dequantUnit(selectRow(rowTexel[j]), u, v);
            vec4 acc = vec4(0.0);
            AGORA_UNROLL for (uint k = 0u; k < 8u; ++k)
                acc += v[k] * x8[k];
            sums[j] += (acc.x + acc.y) + (acc.z + acc.w);
        }
    }
#endif
    if (GATE != 0u) {
        AGORA_UNROLL for (uint j = 0u; j < LANE_ROWS; j += 2u) {
            const uint row = firstRow + (j >> 1) * WORKGROUP_SIZE;
            if (row < pc.rows)
                y[pc.outOffset + row] = GATE == 1u ? siluGate(sums[j], sums[j + 1u]) : geluGate(sums[j], sums[j + 1u]);
        }
        return;
    }
    AGORA_UNROLL for (uint j = 0u; j < LANE_ROWS; ++j) {
        const uint row = firstRow + j * WORKGROUP_SIZE;
        if (row < pc.rows)
            storeRow(pc.outOffset + row, sums[j]);
    }
}
#else
void main()
{
    const uint wholeUnits = pc.cols / 32u;
    const uint row = linearWorkgroupIndex() * WORKGROUP_SIZE + gl_LocalInvocationIndex;
    // Lanes past the last row compute row rows-1 again and do not store (see matvec_rows.comp).
    const uint rowBase = selectRow(rowStartTexel(min(row, pc.rows - 1u), pc.rowBytes));
    float sum = 0.0;
    for (uint u = 0u; u < wholeUnits; ++u) {
        vec4 v[8];
        dequantUnit(rowBase, u, v);
        vec4 acc = v[0] * loadX4(8u * u);
        for (uint k = 1u; k < 8u; ++k)
            acc += v[k] * loadX4(8u * u + k);
        sum += (acc.x + acc.y) + (acc.z + acc.w);
    }
#if defined(UNITS_ARE_PLAIN)
    for (uint c = 32u * wholeUnits; c < pc.cols; ++c)
        sum += plainValue(rowBase, c) * loadX(c);
#endif
    if (row < pc.rows)
        storeRow(pc.outOffset + row, sum);
}
#endif
