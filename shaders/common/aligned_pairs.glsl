// Paired-block readers: Q8_0 and Q5_0 rows that start on a 32-bit word, read two blocks (a whole
// number of words: Q8_0 68 bytes, Q5_0 44) at a time, with one load per word instead of two per
// straddling field; the fields are cut out in registers. Included after dequant.glsl (whose
// loadWord() reads the weights) by shaders that define `vec4 loadX4(uint index)` and enable
// GL_EXT_control_flow_attributes: the constant loops are unrolled (AGORA_UNROLL), which
// llvmpipe needs to keep the word arrays in registers.
#ifndef AGORA_ALIGNED_PAIRS_GLSL
#define AGORA_ALIGNED_PAIRS_GLSL

#define AGORA_UNROLL [[unroll]]

#if defined(TYPE_Q8_0) || defined(TYPE_Q5_0)
#define HAS_ALIGNED_PAIRS 1
#if defined(TYPE_Q8_0)
#define PAIR_WORDS 17u
#else
#define PAIR_WORDS 11u
#endif

#if defined(TYPE_Q5_0)
// Bits first..first+3 of qh moved to bit 4 of bytes 0..3: the multiply places bit i at bit 8i
// (the four shifted copies of the nibble do not overlap, so nothing carries).
uint fifthBits(uint qh, uint first)
{
    return ((((qh >> first) & 0xFu) * 0x00204081u) & 0x01010101u) << 4;
}

// The four 5-bit codes c of a word (one per byte) as c - 16: flipping bit 4 turns c - 16 into
// the 5-bit two's complement of the byte, which a signed extraction reads.
vec4 q5Codes(uint codes)
{
    const int q = int(codes ^ 0x10101010u);
    return vec4(bitfieldExtract(q, 0, 5), bitfieldExtract(q, 8, 5), bitfieldExtract(q, 16, 5), bitfieldExtract(q, 24, 5));
}
#endif

// dot(the two blocks in words w[0 .. PAIR_WORDS-1], the 16 x texels xs): x comes in as values so
// that several rows can share one read of it (matvec_texel.comp).
float dotPairWordsX(uint w[PAIR_WORDS], vec4 xs[16])
{
    vec4 acc0 = vec4(0.0), acc1 = vec4(0.0);
#if defined(TYPE_Q8_0)
    // Block 0: d in bytes 0..1, quants in bytes 2..33; block 1: d in 34..35, quants in 36..67.
    AGORA_UNROLL for (uint k = 0u; k < 8u; ++k) {
        const int q0 = int((w[k] >> 16) | (w[k + 1u] << 16));
        const int q1 = int(w[9u + k]);
        acc0 += vec4(bitfieldExtract(q0, 0, 8), bitfieldExtract(q0, 8, 8), bitfieldExtract(q0, 16, 8),
                     bitfieldExtract(q0, 24, 8)) * xs[k];
        acc1 += vec4(bitfieldExtract(q1, 0, 8), bitfieldExtract(q1, 8, 8), bitfieldExtract(q1, 16, 8),
                     bitfieldExtract(q1, 24, 8)) * xs[8u + k];
    }
    const float d0 = unpackHalf2x16(w[0] & 0xFFFFu).x;
    const float d1 = unpackHalf2x16(w[8] >> 16).x;
#else
    // Block 0: d 0..1, qh 2..5, qs 6..21; block 1: d 22..23, qh 24..27, qs 28..43. The 5-bit codes
    // of four elements are assembled in one word (nibbles | fifth bits) and converted with the
    // -16 folded into a signed 5-bit extraction: about half the operations of one per weight.
    const uint qh0 = (w[0] >> 16) | (w[1] << 16);
    const uint qh1 = w[6];
    AGORA_UNROLL for (uint k = 0u; k < 4u; ++k) {
        const uint q0 = (w[1u + k] >> 16) | (w[2u + k] << 16);
        const uint q1 = w[7u + k];
        acc0 += q5Codes((q0 & 0x0F0F0F0Fu) | fifthBits(qh0, 4u * k)) * xs[k];
        acc0 += q5Codes(((q0 >> 4) & 0x0F0F0F0Fu) | fifthBits(qh0, 16u + 4u * k)) * xs[4u + k];
        acc1 += q5Codes((q1 & 0x0F0F0F0Fu) | fifthBits(qh1, 4u * k)) * xs[8u + k];
        acc1 += q5Codes(((q1 >> 4) & 0x0F0F0F0Fu) | fifthBits(qh1, 16u + 4u * k)) * xs[12u + k];
    }
    const float d0 = unpackHalf2x16(w[0] & 0xFFFFu).x;
    const float d1 = unpackHalf2x16(w[5] >> 16).x;
#endif
    return d0 * ((acc0.x + acc0.y) + (acc0.z + acc0.w)) + d1 * ((acc1.x + acc1.y) + (acc1.z + acc1.w));
}

// dot(the two blocks in words w[0 .. PAIR_WORDS-1], x4[x4Base .. x4Base + 15]).
float dotPairWords(uint w[PAIR_WORDS], uint x4Base)
{
    vec4 xs[16];
    AGORA_UNROLL for (uint i = 0u; i < 16u; ++i)
        xs[i] = loadX4(x4Base + i);
    return dotPairWordsX(w, xs);
}

// dot(units 2p and 2p + 1 of the row at byte rowBase, x4[x4Base .. x4Base + 15]) for rows that
// start on a word (row bytes a multiple of 4, so the row has an even number of blocks).
float dotAlignedPair(uint rowBase, uint p, uint x4Base)
{
    const uint word = (rowBase >> 2) + PAIR_WORDS * p;
    uint w[PAIR_WORDS];
    AGORA_UNROLL for (uint i = 0u; i < PAIR_WORDS; ++i)
        w[i] = loadWord(word + i);
    return dotPairWords(w, x4Base);
}
#endif

#endif
