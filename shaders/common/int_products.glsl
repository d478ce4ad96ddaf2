// Integer products against x as Q8_0 codes packed in pairs (round_activations.comp, PACK_Q8_0),
// which are the values the float kernels multiply (ROUND_Q8_0), so the sums are integer sums scaled
// once per block of 32. Two weight codes a0 + 65536 * a2 in one word times the packed
// x[e + 2] + 65536 * x[e] leave a0 * x[e] + a2 * x[e + 2] in the upper half of the 32-bit product;
// the lower half (a0 * x[e + 2]) is removed by rounding. So one multiply does two of the products
// and x takes half the fetches of floats. For texel_pairs.glsl (Q5_0, Q8_0) and
// texel_superblocks.glsl (Q4_K).
#ifndef AGORA_INT_PRODUCTS_GLSL
#define AGORA_INT_PRODUCTS_GLSL

int upperHalf(int product)
{
    return (product + 0x8000) >> 16;
}

// The x words (even, odd) of element group e/4 = g of block b within a pair of blocks' eight
// texels.
uvec2 packedWords(uvec4 xp[8], uint b, uint g)
{
    const uvec4 texel = xp[4u * b + (g >> 1)];
    return (g & 1u) == 0u ? texel.xy : texel.zw;
}

// Unsigned codes c (0..31, one per byte) of elements e..e+3 times x: |upper| <= 4 * 31 * 127 per
// word, so the products of two words may share one rounding.
int unsignedCodeProducts(uint c, uvec2 x)
{
    return int(c & 0x00FF00FFu) * int(x.x) + int((c >> 8) & 0x00FF00FFu) * int(x.y);
}

#endif
