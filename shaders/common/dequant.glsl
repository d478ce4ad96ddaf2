// Dequantization of one "unit" of a weight row into registers, for every GGUF type Agora runs.
// A unit is 32 consecutive weights of a row: one block of the 32-element formats, one eighth of
// a 256-element super-block (K-quants, IQ4_XS), or 32 plain values. Matrix-vector and get-rows
// kernels share this code, so a layout is decoded in exactly one place on the GPU side; the
// layouts come from common/quant_layout.h (shared with the C++ reference).
//
// The including shader declares the raw weight bytes as `uint wdata[]` (32-bit words: portable
// without 8-bit storage; fields at 2-byte offsets are reassembled here), or defines
// AGORA_WORDS_PROVIDED and its own `uint loadWord(uint index)` / `uint wordCount()` (the texel
// buffer reads of matvec_texel.comp), and defines exactly one
// of TYPE_F32 TYPE_F16 TYPE_BF16 TYPE_Q8_0 TYPE_Q4_0 TYPE_Q4_1 TYPE_Q5_0 TYPE_Q5_1 TYPE_Q2_K
// TYPE_Q3_K TYPE_Q4_K TYPE_Q5_K TYPE_Q6_K TYPE_IQ4_NL TYPE_IQ4_XS.
#ifndef AGORA_DEQUANT_GLSL
#define AGORA_DEQUANT_GLSL

#include "quant_layout.h"

#if !defined(AGORA_WORDS_PROVIDED)
uint loadWord(uint index)
{
    return wdata[index];
}

uint wordCount()
{
    return uint(wdata.length());
}
#endif

uint readU8(uint byteOffset)
{
    return (loadWord(byteOffset >> 2) >> ((byteOffset & 3u) << 3)) & 0xFFu;
}

uint readU16(uint byteOffset) // byteOffset even
{
    return (loadWord(byteOffset >> 2) >> ((byteOffset & 2u) << 3)) & 0xFFFFu;
}

uint readU32(uint byteOffset) // byteOffset even; blocks are packed, so words may straddle
{
    // Both words are always loaded and the result selected, rather than branching: in a
    // subgroup, neighbouring blocks alternate between aligned and straddling, and a branch
    // would run both sides anyway. The clamp keeps the second load inside the binding.
    const uint word = byteOffset >> 2;
    const uint low = loadWord(word);
    const uint high = loadWord(min(word + 1u, wordCount() - 1u));
    return (byteOffset & 2u) == 0u ? low : (low >> 16) | (high << 16);
}

float readHalf(uint byteOffset)
{
    return unpackHalf2x16(readU16(byteOffset)).x;
}

// The four bytes of a word as unsigned values, low byte first.
vec4 bytesOf(uint w)
{
    return vec4(w & 0xFFu, (w >> 8) & 0xFFu, (w >> 16) & 0xFFu, w >> 24);
}

vec4 lowNibbles(uint w)
{
    return vec4(w & 0xFu, (w >> 8) & 0xFu, (w >> 16) & 0xFu, (w >> 24) & 0xFu);
}

vec4 highNibbles(uint w)
{
    return vec4((w >> 4) & 0xFu, (w >> 12) & 0xFu, (w >> 20) & 0xFu, w >> 28);
}

// Bits `first`..`first+3` of `bits`, one per lane of the vec4.
vec4 bitsOf(uint bits, uint first)
{
    return vec4((bits >> first) & 1u, (bits >> (first + 1u)) & 1u, (bits >> (first + 2u)) & 1u,
                (bits >> (first + 3u)) & 1u);
}

#if defined(TYPE_F32) || defined(TYPE_F16) || defined(TYPE_BF16)
#define UNITS_ARE_PLAIN 1
// Element i of a row of plain values (any column count).
float plainValue(uint rowBase, uint i)
{
#if defined(TYPE_F32)
    return uintBitsToFloat(loadWord((rowBase >> 2) + i));
#elif defined(TYPE_F16)
    return readHalf(rowBase + 2u * i);
#else
    return uintBitsToFloat(readU16(rowBase + 2u * i) << 16);
#endif
}
#endif

#if defined(TYPE_IQ4_NL) || defined(TYPE_IQ4_XS)
const int kIq4Values[16] = int[16](AGORA_IQ4_NL_VALUES);
vec4 iq4(vec4 codes)
{
    return vec4(kIq4Values[int(codes.x)], kIq4Values[int(codes.y)], kIq4Values[int(codes.z)], kIq4Values[int(codes.w)]);
}
#endif

#if defined(TYPE_Q3_K)
// The 6-bit signed scale `s` (0..15) of a Q3_K super-block, unpacked from its 12 bytes.
float q3kScale(uint scales, uint s)
{
    const uint low = s < 8u ? (readU8(scales + s) & 0xFu) : (readU8(scales + s - 8u) >> 4);
    const uint high = (readU8(scales + 8u + (s & 3u)) >> (2u * (s >> 2))) & 3u;
    return float(int(low | (high << 4)) - 32);
}
#endif

#if defined(TYPE_Q4_K) || defined(TYPE_Q5_K)
// Scale and min `j` (0..7) of a Q4_K/Q5_K super-block, 6 bits each, packed in 12 bytes.
uvec2 kScaleMin(uint scales, uint j)
{
    if (j < 4u)
        return uvec2(readU8(scales + j) & 63u, readU8(scales + j + 4u) & 63u);
    const uint packed = readU8(scales + j + 4u);
    return uvec2((packed & 0xFu) | ((readU8(scales + j - 4u) >> 6) << 4),
                 (packed >> 4) | ((readU8(scales + j) >> 6) << 4));
}
#endif

// Units per row of `cols` weights (plain types: the last unit may be partial).
uint unitsPerRow(uint cols)
{
    return (cols + 31u) / 32u;
}

// Writes the 32 weights of unit `u` of the row starting at byte `rowBase` into v[0..7], in
// element order (v[k] holds elements 4k..4k+3). For plain types the unit must be whole.
void dequantUnit(uint rowBase, uint u, out vec4 v[8])
{
#if defined(TYPE_F16) || defined(TYPE_BF16)
    if ((rowBase & 3u) == 0u) {
        // Rows of an even length start on a word: two values per load.
        const uint word = (rowBase >> 2) + 16u * u;
        for (uint k = 0u; k < 8u; ++k) {
            const uint a = loadWord(word + 2u * k);
            const uint b = loadWord(word + 2u * k + 1u);
#if defined(TYPE_F16)
            v[k] = vec4(unpackHalf2x16(a), unpackHalf2x16(b));
#else
            v[k] = uintBitsToFloat(uvec4(a << 16, a & 0xFFFF0000u, b << 16, b & 0xFFFF0000u));
#endif
        }
        return;
    }
#endif
#if defined(UNITS_ARE_PLAIN)
    for (uint k = 0u; k < 8u; ++k) {
        const uint i = 32u * u + 4u * k;
        v[k] = vec4(plainValue(rowBase, i), plainValue(rowBase, i + 1u), plainValue(rowBase, i + 2u),
                    plainValue(rowBase, i + 3u));
    }
#elif defined(TYPE_Q8_0)
    const uint base = rowBase + u * AGORA_Q8_0_BLOCK_BYTES;
    const float d = readHalf(base + AGORA_Q8_0_D_OFFSET);
    for (uint k = 0u; k < 8u; ++k) {
        const int w = int(readU32(base + AGORA_Q8_0_QS_OFFSET + 4u * k));
        v[k] = d * vec4(bitfieldExtract(w, 0, 8), bitfieldExtract(w, 8, 8), bitfieldExtract(w, 16, 8),
                        bitfieldExtract(w, 24, 8));
    }
#elif defined(TYPE_Q4_0) || defined(TYPE_IQ4_NL)
    // Byte j holds element j (low nibble) and element j + 16 (high nibble).
#if defined(TYPE_Q4_0)
    const uint base = rowBase + u * AGORA_Q4_0_BLOCK_BYTES;
    const float d = readHalf(base + AGORA_Q4_0_D_OFFSET);
    const uint qs = base + AGORA_Q4_0_QS_OFFSET;
#else
    const uint base = rowBase + u * AGORA_IQ4_NL_BLOCK_BYTES;
    const float d = readHalf(base + AGORA_IQ4_NL_D_OFFSET);
    const uint qs = base + AGORA_IQ4_NL_QS_OFFSET;
#endif
    for (uint k = 0u; k < 4u; ++k) {
        const uint w = readU32(qs + 4u * k);
#if defined(TYPE_Q4_0)
        v[k] = d * (lowNibbles(w) - 8.0);
        v[k + 4u] = d * (highNibbles(w) - 8.0);
#else
        v[k] = d * iq4(lowNibbles(w));
        v[k + 4u] = d * iq4(highNibbles(w));
#endif
    }
#elif defined(TYPE_Q4_1)
    const uint base = rowBase + u * AGORA_Q4_1_BLOCK_BYTES;
    const float d = readHalf(base + AGORA_Q4_1_D_OFFSET);
    const float m = readHalf(base + AGORA_Q4_1_M_OFFSET);
    for (uint k = 0u; k < 4u; ++k) {
        const uint w = readU32(base + AGORA_Q4_1_QS_OFFSET + 4u * k);
        v[k] = d * lowNibbles(w) + m;
        v[k + 4u] = d * highNibbles(w) + m;
    }
#elif defined(TYPE_Q5_0) || defined(TYPE_Q5_1)
    // Bit j of qh is the fifth bit of element j (elements 16..31: bits 16..31).
#if defined(TYPE_Q5_0)
    const uint base = rowBase + u * AGORA_Q5_0_BLOCK_BYTES;
    const float d = readHalf(base + AGORA_Q5_0_D_OFFSET);
    const uint qh = readU32(base + AGORA_Q5_0_QH_OFFSET);
    const uint qs = base + AGORA_Q5_0_QS_OFFSET;
#else
    const uint base = rowBase + u * AGORA_Q5_1_BLOCK_BYTES;
    const float d = readHalf(base + AGORA_Q5_1_D_OFFSET);
    const float m = readHalf(base + AGORA_Q5_1_M_OFFSET);
    const uint qh = readU32(base + AGORA_Q5_1_QH_OFFSET);
    const uint qs = base + AGORA_Q5_1_QS_OFFSET;
#endif
    for (uint k = 0u; k < 4u; ++k) {
        const uint w = readU32(qs + 4u * k);
        const vec4 low = lowNibbles(w) + 16.0 * bitsOf(qh, 4u * k);
        const vec4 high = highNibbles(w) + 16.0 * bitsOf(qh, 16u + 4u * k);
#if defined(TYPE_Q5_0)
        v[k] = d * (low - 16.0);
        v[k + 4u] = d * (high - 16.0);
#else
        v[k] = d * low + m;
        v[k + 4u] = d * high + m;
#endif
    }
#elif defined(TYPE_Q2_K) || defined(TYPE_Q3_K)
    // Unit p of a super-block: half h = p / 4 of 128, bit plane j = p % 4 of bytes
    // qs[32h .. 32h+31]; its first and last 16 weights have their own scales.
    const uint p = u & 7u;
    const uint h = p >> 2;
    const uint shift = 2u * (p & 3u);
#if defined(TYPE_Q2_K)
    const uint base = rowBase + (u >> 3) * AGORA_Q2_K_BLOCK_BYTES;
    const float d = readHalf(base + AGORA_Q2_K_D_OFFSET);
    const float dmin = readHalf(base + AGORA_Q2_K_DMIN_OFFSET);
    const uint qs = base + AGORA_Q2_K_QS_OFFSET + 32u * h;
    for (uint run = 0u; run < 2u; ++run) {
        const uint sc = readU8(base + AGORA_Q2_K_SCALES_OFFSET + 8u * h + 2u * (p & 3u) + run);
        const float scale = d * float(sc & 0xFu);
        const float minimum = dmin * float(sc >> 4);
        for (uint k = 0u; k < 4u; ++k) {
            const uint w = readU32(qs + 16u * run + 4u * k);
            const vec4 q = vec4((w >> shift) & 3u, (w >> (shift + 8u)) & 3u, (w >> (shift + 16u)) & 3u,
                                (w >> (shift + 24u)) & 3u);
            v[4u * run + k] = scale * q - minimum;
        }
    }
#else
    const uint base = rowBase + (u >> 3) * AGORA_Q3_K_BLOCK_BYTES;
    const float d = readHalf(base + AGORA_Q3_K_D_OFFSET);
    const uint qs = base + AGORA_Q3_K_QS_OFFSET + 32u * h;
    const uint highBit = 4u * h + (p & 3u); // bit of hmask[l] for this plane
    for (uint run = 0u; run < 2u; ++run) {
        const float scale = d * q3kScale(base + AGORA_Q3_K_SCALES_OFFSET, 8u * h + 2u * (p & 3u) + run);
        for (uint k = 0u; k < 4u; ++k) {
            const uint w = readU32(qs + 16u * run + 4u * k);
            const uint hm = readU32(base + AGORA_Q3_K_HMASK_OFFSET + 16u * run + 4u * k);
            const vec4 q = vec4((w >> shift) & 3u, (w >> (shift + 8u)) & 3u, (w >> (shift + 16u)) & 3u,
                                (w >> (shift + 24u)) & 3u);
            // The stored high bit is set for non-negative codes; clear means subtract 4.
            const vec4 set = vec4((hm >> highBit) & 1u, (hm >> (highBit + 8u)) & 1u, (hm >> (highBit + 16u)) & 1u,
                                  (hm >> (highBit + 24u)) & 1u);
            v[4u * run + k] = scale * (q - 4.0 * (1.0 - set));
        }
    }
#endif
#elif defined(TYPE_Q4_K) || defined(TYPE_Q5_K)
    // Unit p: quarter p / 2 of 64 weights, low nibbles for even p, high nibbles for odd p.
    const uint p = u & 7u;
#if defined(TYPE_Q4_K)
    const uint base = rowBase + (u >> 3) * AGORA_Q4_K_BLOCK_BYTES;
    const uint scales = base + AGORA_Q4_K_SCALES_OFFSET;
    const uint qs = base + AGORA_Q4_K_QS_OFFSET + 32u * (p >> 1);
    const float d = readHalf(base + AGORA_Q4_K_D_OFFSET);
    const float dmin = readHalf(base + AGORA_Q4_K_DMIN_OFFSET);
#else
    const uint base = rowBase + (u >> 3) * AGORA_Q5_K_BLOCK_BYTES;
    const uint scales = base + AGORA_Q5_K_SCALES_OFFSET;
    const uint qs = base + AGORA_Q5_K_QS_OFFSET + 32u * (p >> 1);
    const float d = readHalf(base + AGORA_Q5_K_D_OFFSET);
    const float dmin = readHalf(base + AGORA_Q5_K_DMIN_OFFSET);
#endif
    const uvec2 scaleMin = kScaleMin(scales, p);
    const float scale = d * float(scaleMin.x);
    const float minimum = dmin * float(scaleMin.y);
    for (uint k = 0u; k < 8u; ++k) {
        const uint w = readU32(qs + 4u * k);
        vec4 q = (p & 1u) == 0u ? lowNibbles(w) : highNibbles(w);
#if defined(TYPE_Q5_K)
        const uint hw = readU32(base + AGORA_Q5_K_QH_OFFSET + 4u * k); // bit p of qh[l]
        q += 16.0 * vec4((hw >> p) & 1u, (hw >> (p + 8u)) & 1u, (hw >> (p + 16u)) & 1u, (hw >> (p + 24u)) & 1u);
#endif
        v[k] = scale * q - minimum;
    }
#elif defined(TYPE_Q6_K)
    // Unit p: half h = p / 4 of 128; plane pp = p % 4 picks low/high nibbles of ql[0..31] or
    // ql[32..63] and bit pair pp of qh; each run of 16 has its own int8 scale.
    const uint p = u & 7u;
    const uint h = p >> 2;
    const uint pp = p & 3u;
    const uint base = rowBase + (u >> 3) * AGORA_Q6_K_BLOCK_BYTES;
    const float d = readHalf(base + AGORA_Q6_K_D_OFFSET);
    const uint ql = base + AGORA_Q6_K_QL_OFFSET + 64u * h + ((pp & 1u) != 0u ? 32u : 0u);
    const uint qh = base + AGORA_Q6_K_QH_OFFSET + 32u * h;
    const uint highShift = 2u * pp;
    for (uint run = 0u; run < 2u; ++run) {
        const int sc = bitfieldExtract(int(readU8(base + AGORA_Q6_K_SCALES_OFFSET + 8u * h + run + 2u * pp)), 0, 8);
        const float scale = d * float(sc);
        for (uint k = 0u; k < 4u; ++k) {
            const uint w = readU32(ql + 16u * run + 4u * k);
            const uint hw = readU32(qh + 16u * run + 4u * k);
            const vec4 low = pp < 2u ? lowNibbles(w) : highNibbles(w);
            const vec4 high = vec4((hw >> highShift) & 3u, (hw >> (highShift + 8u)) & 3u,
                                   (hw >> (highShift + 16u)) & 3u, (hw >> (highShift + 24u)) & 3u);
            v[4u * run + k] = scale * (low + 16.0 * high - 32.0);
        }
    }
#elif defined(TYPE_IQ4_XS)
    const uint p = u & 7u;
    const uint base = rowBase + (u >> 3) * AGORA_IQ4_XS_BLOCK_BYTES;
    const float d = readHalf(base + AGORA_IQ4_XS_D_OFFSET);
    const uint scalesHigh = readU16(base + AGORA_IQ4_XS_SCALES_H_OFFSET);
    const uint low = (readU8(base + AGORA_IQ4_XS_SCALES_L_OFFSET + (p >> 1)) >> (4u * (p & 1u))) & 0xFu;
    const uint ls = low | (((scalesHigh >> (2u * p)) & 3u) << 4);
    const float scale = d * float(int(ls) - 32);
    const uint qs = base + AGORA_IQ4_XS_QS_OFFSET + 16u * p;
    for (uint k = 0u; k < 4u; ++k) {
        const uint w = readU32(qs + 4u * k);
        v[k] = scale * iq4(lowNibbles(w));
        v[k + 4u] = scale * iq4(highNibbles(w));
    }
#else
#error "define one TYPE_* for dequant.glsl"
#endif
}

#endif
