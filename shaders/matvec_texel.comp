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
// matvec_rows.comp.
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

layout(push_constant) uniform Push {
    uint rows;      // rows in this binding of W
    uint cols;
    uint rowBytes;  // bytes from one row to the next: a multiple of 16
    uint outOffset; // where row 0 of this binding lands in y
} pc;

#define AGORA_WORDS_PROVIDED 1
uint loadWord(uint index)
{
    return texelFetch(weights, int(index >> 2))[index & 3u];
}

uint wordCount()
{
    return uint(textureSize(weights)) * 4u;
}

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
// dot(units 8g .. 8g + 7 of the row starting at texel rowTexel, x4[x4Base .. x4Base + 63]):
// eight blocks are PAIR_WORDS whole texels, fetched as such (a fetch per word would be four
// times the gathers), then cut into four pairs at constant word offsets.
float dotPairGroup(uint rowTexel, uint g, uint x4Base)
{
    uint w[4u * PAIR_WORDS];
    const uint first = rowTexel + PAIR_WORDS * g;
    AGORA_UNROLL for (uint i = 0u; i < PAIR_WORDS; ++i) {
        const uvec4 texel = texelFetch(weights, int(first + i));
        w[4u * i] = texel.x;
        w[4u * i + 1u] = texel.y;
        w[4u * i + 2u] = texel.z;
        w[4u * i + 3u] = texel.w;
    }
    float sum = 0.0;
    AGORA_UNROLL for (uint p = 0u; p < 4u; ++p) {
        uint pair[PAIR_WORDS];
        AGORA_UNROLL for (uint i = 0u; i < PAIR_WORDS; ++i)
            pair[i] = w[PAIR_WORDS * p + i];
        sum += dotPairWords(pair, x4Base + 16u * p);
    }
    return sum;
}
#endif

#if defined(HAS_ALIGNED_PAIRS)
// Each lane computes LANE_ROWS rows (quant_kernels.cpp: laneRows), rows r, r + WORKGROUP_SIZE,
// ..., so that one read of x serves them all: on llvmpipe a texel fetch is a call to a
// gather routine (about 45 instructions for the 8 lanes, the same cost whether the lanes share an
// address or not), and x, at four floats per texel, needed eight fetches for every fetch of
// Q5_0 weights.
#define LANE_ROWS 2u // 4 made the Q8_0 output matrix slower (20.8 -> 22.0 ms per token)

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

#if defined(TYPE_Q4_K)
#define HAS_SUPER_BLOCK_TEXELS 1
// Byte b (0..11, a constant after unrolling) of a Q4_K super-block's packed scales, which sit in
// words 1..3 of its 36 words.
uint scaleByte(uint w[36], uint b)
{
    return (w[1u + (b >> 2)] >> (8u * (b & 3u))) & 0xFFu;
}

// dot(super-block sb of the row starting at texel rowTexel, x4[x4Base .. x4Base + 63]): its 144
// bytes are nine whole texels (rows are padded to texels, and 144 = 9 * 16), fetched as such.
// Each unit's minimum multiplies the sum of its x: one product per unit instead of one per weight.
#define SUPER_BLOCK_WORDS 36u
void superBlockWords(uint rowTexel, uint sb, out uint w[SUPER_BLOCK_WORDS])
{
    AGORA_UNROLL for (uint i = 0u; i < 9u; ++i) {
        const uvec4 texel = texelFetch(weights, int(rowTexel + 9u * sb + i));
        w[4u * i] = texel.x;
        w[4u * i + 1u] = texel.y;
        w[4u * i + 2u] = texel.z;
        w[4u * i + 3u] = texel.w;
    }
}

// Unit p (a constant: 32 weights) of the super-block in w against its eight x texels, whose sum
// (for the unit's minimum) the caller forms once for all its rows.
float superBlockUnit(uint w[SUPER_BLOCK_WORDS], uint p, vec4 x8[8], float xSum)
{
    const vec2 dm = unpackHalf2x16(w[0]); // d, dmin

    // Unit p: quarter p / 2 of the quants (words 4 + 8 * (p / 2) ...), low nibbles for even p.
    uint scale, minimum;
    if (p < 4u) {
        scale = scaleByte(w, p) & 63u;
        minimum = scaleByte(w, p + 4u) & 63u;
    } else {
        scale = (scaleByte(w, p + 4u) & 0xFu) | ((scaleByte(w, p - 4u) >> 6) << 4);
        minimum = (scaleByte(w, p + 4u) >> 4) | ((scaleByte(w, p) >> 6) << 4);
    }
    vec4 acc = vec4(0.0);
    AGORA_UNROLL for (uint k = 0u; k < 8u; ++k) {
        const uint quants = w[4u + 8u * (p >> 1) + k];
        acc += ((p & 1u) == 0u ? lowNibbles(quants) : highNibbles(quants)) * x8[k];
    }
    return dm.x * float(scale) * ((acc.x + acc.y) + (acc.z + acc.w)) - dm.y * float(minimum) * xSum;
}
#endif

#if defined(TYPE_Q6_K)
#define HAS_SUPER_BLOCK_TEXELS 1
// dot(super-block sb of the row starting at texel rowTexel, x4[x4Base .. x4Base + 63]). A Q6_K
// super-block is 210 bytes, so it starts 2 * sb % 16 bytes into a texel: the same offset in every
// lane (rows start on texels), so its fourteen texels are fetched whole and the words realigned
// with selects on that uniform offset, not fetched one by one.
#define SUPER_BLOCK_WORDS 53u // the 52 words of the super-block, then d in the low half of the last
void superBlockWords(uint rowTexel, uint sb, out uint a[SUPER_BLOCK_WORDS])
{
    const uint start = AGORA_Q6_K_BLOCK_BYTES * sb; // byte offset in the row
    const uint first = rowTexel + (start >> 4);
    const uint wordShift = (start >> 2) & 3u;
    const bool halfShift = (start & 2u) != 0u;
    uint w[56];
    AGORA_UNROLL for (uint i = 0u; i < 14u; ++i) { // 14 * 16 >= 14 + 210: always inside the row
        const uvec4 texel = texelFetch(weights, int(first + i));
        w[4u * i] = texel.x;
        w[4u * i + 1u] = texel.y;
        w[4u * i + 2u] = texel.z;
        w[4u * i + 3u] = texel.w;
    }
    // Words 0..51 of the super-block (ql 0..31, qh 32..47, scales 48..51), then d's half word.
    uint shifted[53];
    AGORA_UNROLL for (uint i = 0u; i < 53u; ++i)
        shifted[i] = wordShift == 0u ? w[i] : wordShift == 1u ? w[i + 1u] : wordShift == 2u ? w[i + 2u] : w[i + 3u];
    AGORA_UNROLL for (uint i = 0u; i < 52u; ++i)
        a[i] = halfShift ? (shifted[i] >> 16) | (shifted[i + 1u] << 16) : shifted[i];
    a[52] = halfShift ? shifted[52] >> 16 : shifted[52] & 0xFFFFu;
}

// Unit p (a constant: 32 weights) of the super-block in a against its eight x texels.
float superBlockUnit(uint a[SUPER_BLOCK_WORDS], uint p, vec4 x8[8], float xSum)
{
    const float d = unpackHalf2x16(a[52]).x;

    // Unit p: half h of 128 weights; plane pp picks the low/high nibbles of ql words
    // 16h + 8 * (pp & 1) .. and bit pair pp of qh words 32 + 8h ..; 16 weights per scale.
    const uint h = p >> 2;
    const uint pp = p & 3u;
    vec4 acc0 = vec4(0.0), acc1 = vec4(0.0);
    AGORA_UNROLL for (uint k = 0u; k < 8u; ++k) {
        const uint ql = a[16u * h + 8u * (pp & 1u) + k];
        const uint qh = a[32u + 8u * h + k];
        // The four 6-bit codes c of the word's bytes, assembled in one word (nibbles | two high bits
        // << 4) and read as c - 32 by a signed extraction after flipping bit 5.
        const uint nibbles = pp < 2u ? ql & 0x0F0F0F0Fu : (ql >> 4) & 0x0F0F0F0Fu;
        const int codes = int((nibbles | (((qh >> (2u * pp)) & 0x03030303u) << 4)) ^ 0x20202020u);
        const vec4 term = vec4(bitfieldExtract(codes, 0, 6), bitfieldExtract(codes, 8, 6), bitfieldExtract(codes, 16, 6),
                               bitfieldExtract(codes, 24, 6)) * x8[k];
        if (k < 4u)
            acc0 += term;
        else
            acc1 += term;
    }
    const uint s0 = 8u * h + 2u * pp; // int8 scales of the unit's two runs: s0, s0 + 1
    const float scale0 = float(bitfieldExtract(int(a[48u + (s0 >> 2)]), int(8u * (s0 & 3u)), 8));
    const float scale1 = float(bitfieldExtract(int(a[48u + ((s0 + 1u) >> 2)]), int(8u * ((s0 + 1u) & 3u)), 8));
    return d * (scale0 * ((acc0.x + acc0.y) + (acc0.z + acc0.w)) + scale1 * ((acc1.x + acc1.y) + (acc1.z + acc1.w)));
}
#endif

#if defined(HAS_SUPER_BLOCK_TEXELS)
#define LANE_ROWS 2u // as for the pairs: two rows share each x fetch

// The sum of a unit's 32 x values (Q4_K subtracts minimum * sum; Q6_K ignores it).
float unitSum(vec4 x8[8])
{
#if defined(TYPE_Q4_K)
    vec4 sum = vec4(0.0);
    AGORA_UNROLL for (uint k = 0u; k < 8u; ++k)
        sum += x8[k];
    return (sum.x + sum.y) + (sum.z + sum.w);
#else
    return 0.0;
#endif
}

// dot(super-block sb of the row starting at texel rowTexel, x4[x4Base .. x4Base + 63]).
float dotSuperBlock(uint rowTexel, uint sb, uint x4Base)
{
    uint w[SUPER_BLOCK_WORDS];
    superBlockWords(rowTexel, sb, w);
    float sum = 0.0;
    AGORA_UNROLL for (uint p = 0u; p < 8u; ++p) {
        vec4 x8[8];
        AGORA_UNROLL for (uint k = 0u; k < 8u; ++k)
            x8[k] = loadX4(x4Base + 8u * p + k);
        sum += superBlockUnit(w, p, x8, unitSum(x8));
    }
    return sum;
}
#endif

#if defined(LANE_ROWS)
void main()
{
    const uint wholeUnits = pc.cols / 32u;
    const uint firstRow = linearWorkgroupIndex() * (LANE_ROWS * WORKGROUP_SIZE) + gl_LocalInvocationIndex;
    // Lane rows firstRow + j * WORKGROUP_SIZE; lanes past the last row compute row rows-1 again
    // and do not store (see matvec_rows.comp).
    uint rowTexel[LANE_ROWS];
    float sums[LANE_ROWS];
    AGORA_UNROLL for (uint j = 0u; j < LANE_ROWS; ++j) {
        rowTexel[j] = (min(firstRow + j * WORKGROUP_SIZE, pc.rows - 1u) * pc.rowBytes) >> 4;
        sums[j] = 0.0;
    }
    uint u = 0u;
#if defined(HAS_SUPER_BLOCK_TEXELS)
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
    for (; u + 1u < wholeUnits; u += 8u) {
        AGORA_UNROLL for (uint p = 0u; p < 4u; ++p) {
            if (u + 2u * p + 1u < wholeUnits) {
                const uint pairIndex = (u >> 1) + p;
                uvec4 xp[8];
                AGORA_UNROLL for (uint i = 0u; i < 8u; ++i)
                    xp[i] = texelFetch(vector, int(8u * pairIndex + i));
                const uvec4 scales = texelFetch(vector, int(scaleTexels + pairIndex));
                AGORA_UNROLL for (uint j = 0u; j < LANE_ROWS; ++j)
                    sums[j] += pairDot(rowTexel[j], u >> 3, p, xp, scales);
            }
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
        if (u + 2u * p + 1u < wholeUnits) {
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
            dequantUnit(rowTexel[j] << 4, u, v);
            vec4 acc = vec4(0.0);
            AGORA_UNROLL for (uint k = 0u; k < 8u; ++k)
                acc += v[k] * x8[k];
            sums[j] += (acc.x + acc.y) + (acc.z + acc.w);
        }
    }
#endif
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
    const uint rowBase = min(row, pc.rows - 1u) * pc.rowBytes;
    float sum = 0.0;
    uint u = 0u;
#if defined(HAS_ALIGNED_PAIRS)
    for (; u + 7u < wholeUnits; u += 8u)
        sum += dotPairGroup(rowBase >> 4, u >> 3, 8u * u);
    for (; u + 1u < wholeUnits; u += 2u)
        sum += dotAlignedPair(rowBase, u >> 1, 8u * u);
#endif
#if defined(HAS_SUPER_BLOCK_TEXELS)
    for (; u < wholeUnits; u += 8u) // K-quant rows are whole super-blocks
        sum += dotSuperBlock(rowBase >> 4, u >> 3, 8u * u);
#endif
    for (; u < wholeUnits; ++u) {
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
