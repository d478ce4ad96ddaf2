// Q4_K and Q6_K super-blocks read from a uniform texel buffer `weights` of rows padded to 16-byte
// texels (interleaved as row_interleave.glsl says), for matvec_texel.comp and matmul_texel.comp: superBlockWords fetches one super-block's
// words, superBlockUnit dots one unit of 32 weights with its x, unitSum is what Q4_K's minimum
// multiplies. Defines HAS_SUPER_BLOCK_TEXELS for those two types.
#ifndef AGORA_TEXEL_SUPERBLOCKS_GLSL
#define AGORA_TEXEL_SUPERBLOCKS_GLSL

#include "row_interleave.glsl"

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
        const uvec4 texel = texelFetch(weights, int(rowTexelAt(rowTexel, 9u * sb + i)));
        w[4u * i] = texel.x;
        w[4u * i + 1u] = texel.y;
        w[4u * i + 2u] = texel.z;
        w[4u * i + 3u] = texel.w;
    }
}

// The 6-bit scale and minimum of unit p (a constant) of a Q4_K super-block.
void unitScaleMin(uint w[36], uint p, out uint scale, out uint minimum)
{
    if (p < 4u) {
        scale = scaleByte(w, p) & 63u;
        minimum = scaleByte(w, p + 4u) & 63u;
    } else {
        scale = (scaleByte(w, p + 4u) & 0xFu) | ((scaleByte(w, p - 4u) >> 6) << 4);
        minimum = (scaleByte(w, p + 4u) >> 4) | ((scaleByte(w, p) >> 6) << 4);
    }
}

// Unit p (a constant: 32 weights) of the super-block in w against its eight x texels, whose sum
// (for the unit's minimum) the caller forms once for all its rows.
float superBlockUnit(uint w[SUPER_BLOCK_WORDS], uint p, vec4 x8[8], float xSum)
{
    const vec2 dm = unpackHalf2x16(w[0]); // d, dmin

    // Unit p: quarter p / 2 of the quants (words 4 + 8 * (p / 2) ...), low nibbles for even p.
    uint scale, minimum;
    unitScaleMin(w, p, scale, minimum);
    vec4 acc = vec4(0.0);
    AGORA_UNROLL for (uint k = 0u; k < 8u; ++k) {
        const uint quants = w[4u + 8u * (p >> 1) + k];
        acc += ((p & 1u) == 0u ? lowNibbles(quants) : highNibbles(quants)) * x8[k];
    }
    return dm.x * float(scale) * ((acc.x + acc.y) + (acc.z + acc.w)) - dm.y * float(minimum) * xSum;
}

#if defined(INT_DOT)
#include "int_products.glsl"

// Units 2q and 2q + 1 of the super-block in w (the low and the high nibbles of its quant words
// 4 + 8q ..) against x packed as Q8_0 codes: xp the pair's eight code texels, scales its (d0, sum0,
// d1, sum1). Per unit d * scale * dx * sum(q * c) - dmin * min * dx * sum(c): the integer sums
// llama.cpp forms, with x in blocks of 32 (its Q8_K uses 256).
float superBlockPairInt(uint w[SUPER_BLOCK_WORDS], uint q, uvec4 xp[8], uvec4 scales)
{
    ivec2 sums = ivec2(0);
    AGORA_UNROLL for (uint k = 0u; k < 8u; k += 2u) {
        const uint q0 = w[4u + 8u * q + k];
        const uint q1 = w[5u + 8u * q + k];
        sums.x += upperHalf(unsignedCodeProducts(q0 & 0x0F0F0F0Fu, packedWords(xp, 0u, k))
                            + unsignedCodeProducts(q1 & 0x0F0F0F0Fu, packedWords(xp, 0u, k + 1u)));
        sums.y += upperHalf(unsignedCodeProducts((q0 >> 4) & 0x0F0F0F0Fu, packedWords(xp, 1u, k))
                            + unsignedCodeProducts((q1 >> 4) & 0x0F0F0F0Fu, packedWords(xp, 1u, k + 1u)));
    }
    const vec2 dm = unpackHalf2x16(w[0]); // d, dmin
    uint scale0, min0, scale1, min1;
    unitScaleMin(w, 2u * q, scale0, min0);
    unitScaleMin(w, 2u * q + 1u, scale1, min1);
    const float dx0 = uintBitsToFloat(scales.x), dx1 = uintBitsToFloat(scales.z);
    return dx0 * (dm.x * float(scale0) * float(sums.x) - dm.y * float(min0) * float(int(scales.y)))
           + dx1 * (dm.x * float(scale1) * float(sums.y) - dm.y * float(min1) * float(int(scales.w)));
}
#endif
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
    const uint first = start >> 4;
    const uint wordShift = (start >> 2) & 3u;
    const bool halfShift = (start & 2u) != 0u;
    uint w[56];
    AGORA_UNROLL for (uint i = 0u; i < 14u; ++i) { // 14 * 16 >= 14 + 210: always inside the row
        const uvec4 texel = texelFetch(weights, int(rowTexelAt(rowTexel, first + i)));
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

// The four 6-bit codes c (0..63, one per byte) of elements 4k..4k+3 of unit p (a constant) of the
// super-block in a: unit p is half h = p / 4 of the 256 weights; plane pp = p % 4 picks the low or
// high nibbles of ql words 16h + 8 * (pp & 1) .. and bit pair pp of qh words 32 + 8h ..
uint q6Codes(uint a[SUPER_BLOCK_WORDS], uint p, uint k)
{
    const uint h = p >> 2;
    const uint pp = p & 3u;
    const uint ql = a[16u * h + 8u * (pp & 1u) + k];
    const uint qh = a[32u + 8u * h + k];
    const uint nibbles = pp < 2u ? ql & 0x0F0F0F0Fu : (ql >> 4) & 0x0F0F0F0Fu;
    return nibbles | (((qh >> (2u * pp)) & 0x03030303u) << 4);
}

// The int8 scale of run r (0..15, 16 weights each) of the super-block in a.
float q6Scale(uint a[SUPER_BLOCK_WORDS], uint r)
{
    return float(bitfieldExtract(int(a[48u + (r >> 2)]), int(8u * (r & 3u)), 8));
}

// Unit p (a constant: 32 weights) of the super-block in a against its eight x texels.
float superBlockUnit(uint a[SUPER_BLOCK_WORDS], uint p, vec4 x8[8], float xSum)
{
    const float d = unpackHalf2x16(a[52]).x;
    vec4 acc0 = vec4(0.0), acc1 = vec4(0.0);
    AGORA_UNROLL for (uint k = 0u; k < 8u; ++k) {
        // The codes read as c - 32 by a signed 6-bit extraction after flipping bit 5.
        const int codes = int(q6Codes(a, p, k) ^ 0x20202020u);
        const vec4 term = vec4(bitfieldExtract(codes, 0, 6), bitfieldExtract(codes, 8, 6), bitfieldExtract(codes, 16, 6),
                               bitfieldExtract(codes, 24, 6)) * x8[k];
        if (k < 4u)
            acc0 += term;
        else
            acc1 += term;
    }
    const uint s0 = 2u * p; // the unit's two runs of 16: s0, s0 + 1
    return d * (q6Scale(a, s0) * ((acc0.x + acc0.y) + (acc0.z + acc0.w))
                + q6Scale(a, s0 + 1u) * ((acc1.x + acc1.y) + (acc1.z + acc1.w)));
}

#if defined(INT_DOT)
#include "int_products.glsl"

// Units 2q and 2q + 1 of the super-block in a against x packed as Q8_0 codes (xp the pair's eight
// code texels, scales its (d0, sum0, d1, sum1)): per run of 16, d * scale * dx * sum((c - 32) * x).
// The codes minus 32 sit in 16-bit halves as exact integers (word - 0x00200020), |upper| <= 2 * 2 *
// 32 * 127 per word, so a word's two multiplies share one rounding.
float superBlockPairInt(uint a[SUPER_BLOCK_WORDS], uint q, uvec4 xp[8], uvec4 scales)
{
    float total = 0.0;
    AGORA_UNROLL for (uint b = 0u; b < 2u; ++b) {
        const uint p = 2u * q + b;
        int runs[2] = int[2](0, 0);
        AGORA_UNROLL for (uint k = 0u; k < 8u; ++k) {
            const uint codes = q6Codes(a, p, k);
            const uvec2 x = packedWords(xp, b, k);
            const int even = int((codes & 0x003F003Fu) - 0x00200020u);
            const int odd = int(((codes >> 8) & 0x003F003Fu) - 0x00200020u);
            runs[k >> 2] += upperHalf(even * int(x.x) + odd * int(x.y));
        }
        const float dx = uintBitsToFloat(b == 0u ? scales.x : scales.z);
        total += dx * (q6Scale(a, 2u * p) * float(runs[0]) + q6Scale(a, 2u * p + 1u) * float(runs[1]));
    }
    return unpackHalf2x16(a[52]).x * total;
}
#endif
#endif

#if defined(HAS_SUPER_BLOCK_TEXELS)
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
#endif

#endif
