// Rounding shared by round_activations.comp and rmsnorm.comp (PACK_Q8_0): f32 -> f16 -> f32 as
// llama.cpp stores a block scale, and one block of 32 activations packed as Q8_0 codes for the
// integer products (matvec_texel.comp / matmul_texel.comp INT_DOT). A shader that packs defines
// PACKED_WORDS, the uint array it writes, before including this, and enables
// GL_EXT_control_flow_attributes: the block's loops are unrolled so that its 32 values stay in
// registers (llvmpipe keeps a loop-indexed array in memory).
#ifndef AGORA_PACK_Q8_0_GLSL
#define AGORA_PACK_Q8_0_GLSL

// f32 -> nearest f16 -> f32 with ties to even, done on the bits: the conversion instructions
// leave their rounding mode to the driver.
float roundToHalf(float v)
{
    if (isnan(v) || isinf(v))
        return v;
    const float a = abs(v);
    if (a < 6.103515625e-05) // below the smallest normal f16: a multiple of 2^-24
        return roundEven(v * 16777216.0) * (1.0 / 16777216.0);
    uint bits = floatBitsToUint(v);
    bits = (bits + 0xfffu + ((bits >> 13) & 1u)) & 0xffffe000u;
    const float r = uintBitsToFloat(bits);
    if (abs(r) >= 65536.0) // past the largest f16 (65504): infinity, as the conversion gives
        return v < 0.0 ? uintBitsToFloat(0xff800000u) : uintBitsToFloat(0x7f800000u);
    return r;
}

#if defined(PACKED_WORDS)
// Words of one packed row of rowBlocks blocks (vk::packedVectorBytes / 4): per block 16 words of
// codes, then per block its scale and code sum, the row padded to whole texels.
uint packedRowWords(uint rowBlocks)
{
    return 16u * rowBlocks + (2u * rowBlocks + 3u) / 4u * 4u;
}

// ROUND_Q8_0's codes of block `block` of row `row`, packed: 16 words of two signed 16-bit codes,
// v[e + 2] + 65536 * v[e] and v[e + 3] + 65536 * v[e + 1] for e = 0, 4, ..., 28 (so that one 32-bit
// multiply by two weight codes a0 + 65536 * a2 leaves a0 * v[e] + a2 * v[e + 2] in its upper half),
// and after all the row's code words the block's scale d (float bits) and the sum of its codes.
void packQ8_0Block(float v[32], uint row, uint block, uint rowBlocks)
{
    const uint rowBase = row * packedRowWords(rowBlocks);
    float amax = 0.0;
    [[unroll]] for (uint i = 0; i < 32u; ++i)
        amax = max(amax, abs(v[i]));
    const float d = roundToHalf(amax / 127.0);
    const float id = amax != 0.0 ? 127.0 / amax : 0.0;
    int codeSum = 0;
    [[unroll]] for (uint e = 0; e < 32u; e += 4u) {
        const int c0 = int(roundEven(v[e] * id));
        const int c1 = int(roundEven(v[e + 1u] * id));
        const int c2 = int(roundEven(v[e + 2u] * id));
        const int c3 = int(roundEven(v[e + 3u] * id));
        codeSum += c0 + c1 + c2 + c3;
        PACKED_WORDS[rowBase + block * 16u + e / 2u] = uint(c2 + 65536 * c0);
        PACKED_WORDS[rowBase + block * 16u + e / 2u + 1u] = uint(c3 + 65536 * c1);
    }
    PACKED_WORDS[rowBase + 16u * rowBlocks + 2u * block] = floatBitsToUint(d);
    PACKED_WORDS[rowBase + 16u * rowBlocks + 2u * block + 1u] = uint(codeSum);
}
#endif

#endif
