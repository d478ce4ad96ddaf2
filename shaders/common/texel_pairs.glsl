// Pairs of Q8_0 / Q5_0 blocks read from a uniform texel buffer `weights` of padded rows (interleaved
// as row_interleave.glsl says), for matvec_texel.comp and matmul_texel.comp (included after
// aligned_pairs.glsl, which defines PAIR_WORDS and the float pair dot). With INT_DOT, the integer products against x packed as Q8_0
// codes (round_activations.comp, PACK_Q8_0).
#ifndef AGORA_TEXEL_PAIRS_GLSL
#define AGORA_TEXEL_PAIRS_GLSL

#include "row_interleave.glsl"

// The PAIR_WORDS words of pair p (a constant) of group g (8 blocks) of the row starting at texel
// rowTexel: they start (PAIR_WORDS * p) % 4 words into a texel, a constant, so the covering texels
// are fetched whole and the words picked out without selects.
void pairWords(uint rowTexel, uint g, uint p, out uint pair[PAIR_WORDS])
{
    const uint firstWord = PAIR_WORDS * p;
    const uint firstTexel = firstWord >> 2;
    const uint texels = ((firstWord + PAIR_WORDS - 1u) >> 2) - firstTexel + 1u;
    uint w[20];
    AGORA_UNROLL for (uint t = 0u; t < 5u; ++t) {
        if (t < texels) {
            const uvec4 texel = texelFetch(weights, int(rowTexelAt(rowTexel, PAIR_WORDS * g + firstTexel + t)));
            w[4u * t] = texel.x;
            w[4u * t + 1u] = texel.y;
            w[4u * t + 2u] = texel.z;
            w[4u * t + 3u] = texel.w;
        }
    }
    AGORA_UNROLL for (uint i = 0u; i < PAIR_WORDS; ++i)
        pair[i] = w[(firstWord & 3u) + i];
}

#if defined(INT_DOT)
#include "int_products.glsl"

#if defined(TYPE_Q5_0)

// (sum over the pair's first block, over its second) of code * x code.
ivec2 intDotPair(uint w[PAIR_WORDS], uvec4 xp[8])
{
    const uint qh0 = (w[0] >> 16) | (w[1] << 16);
    const uint qh1 = w[6];
    ivec2 sums = ivec2(0);
    AGORA_UNROLL for (uint k = 0u; k < 4u; ++k) {
        const uint q0 = (w[1u + k] >> 16) | (w[2u + k] << 16);
        const uint q1 = w[7u + k];
        // Elements 4k..4k+3 (low nibbles) and 16+4k.. (high nibbles) of each block.
        const uint low0 = (q0 & 0x0F0F0F0Fu) | fifthBits(qh0, 4u * k);
        const uint high0 = ((q0 >> 4) & 0x0F0F0F0Fu) | fifthBits(qh0, 16u + 4u * k);
        const uint low1 = (q1 & 0x0F0F0F0Fu) | fifthBits(qh1, 4u * k);
        const uint high1 = ((q1 >> 4) & 0x0F0F0F0Fu) | fifthBits(qh1, 16u + 4u * k);
        sums.x += upperHalf(unsignedCodeProducts(low0, packedWords(xp, 0u, k)) + unsignedCodeProducts(high0, packedWords(xp, 0u, 4u + k)));
        sums.y += upperHalf(unsignedCodeProducts(low1, packedWords(xp, 1u, k)) + unsignedCodeProducts(high1, packedWords(xp, 1u, 4u + k)));
    }
    return sums;
}
#else
// Signed bytes q (elements e..e+3) times x: the bytes sign-extended in 16-bit halves (the borrow of
// a negative lower half makes the word exactly s0 + 65536 * s2); |upper| <= 2 * 128 * 127, so each
// product is rounded on its own.
int codeProducts(uint q, uvec2 x)
{
    const uint even = ((q & 0x00FF00FFu) ^ 0x00800080u) - 0x00800080u;
    const uint odd = (((q >> 8) & 0x00FF00FFu) ^ 0x00800080u) - 0x00800080u;
    return upperHalf(int(even) * int(x.x)) + upperHalf(int(odd) * int(x.y));
}

ivec2 intDotPair(uint w[PAIR_WORDS], uvec4 xp[8])
{
    ivec2 sums = ivec2(0);
    AGORA_UNROLL for (uint k = 0u; k < 8u; ++k) {
        sums.x += codeProducts((w[k] >> 16) | (w[k + 1u] << 16), packedWords(xp, 0u, k));
        sums.y += codeProducts(w[9u + k], packedWords(xp, 1u, k));
    }
    return sums;
}
#endif

// dot(the pair in words w, x) from the pair's packed x texels and its x scales and code sums
// (d0, sum0, d1, sum1).
float pairDotWords(uint w[PAIR_WORDS], uvec4 xp[8], uvec4 scales)
{
    const ivec2 sums = intDotPair(w, xp);
#if defined(TYPE_Q5_0)
    // Codes c stand for c - 16: subtract 16 * (sum of the x codes).
    const ivec2 centred = sums - 16 * ivec2(int(scales.y), int(scales.w));
    const float d0 = unpackHalf2x16(w[0] & 0xFFFFu).x;
    const float d1 = unpackHalf2x16(w[5] >> 16).x;
#else
    const ivec2 centred = sums;
    const float d0 = unpackHalf2x16(w[0] & 0xFFFFu).x;
    const float d1 = unpackHalf2x16(w[8] >> 16).x;
#endif
    return d0 * uintBitsToFloat(scales.x) * float(centred.x) + d1 * uintBitsToFloat(scales.z) * float(centred.y);
}
#endif

#endif
