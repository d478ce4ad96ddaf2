// The quantized block types as C++ structs, one per GGUF block format. The byte layout is
// declared once, in shaders/common/quant_layout.h, which the GPU kernels include too; every
// struct here is checked against it (size, offset of each field) and against the geometry table
// in core/tensor_type.h, so a drift between the CPU reference, the shaders and the GGUF reader
// cannot compile.
//
// The structs hold fp16 values as raw uint16_t bits and multi-byte fields as little-endian
// bytes, so they are plain bytes with 2-byte alignment and no padding. Code that reads blocks
// from a file mapping copies them out with std::memcpy (see loadBlock) rather than casting the
// pointer, because callers may hand us rows at any address.
#pragma once

#include "core/tensor_type.h"

#include "../../../shaders/common/quant_layout.h"

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace agora::tensor {

static_assert(std::endian::native == std::endian::little,
              "the block structs mirror little-endian GGUF data byte for byte");

struct BlockQ8_0 {
    uint16_t d;
    int8_t qs[AGORA_Q8_0_QS_BYTES];
};

struct BlockQ4_0 {
    uint16_t d;
    uint8_t qs[AGORA_Q4_0_QS_BYTES]; // element j in the low nibble of qs[j], j+16 in the high one
};

struct BlockQ4_1 {
    uint16_t d;
    uint16_t m;
    uint8_t qs[AGORA_Q4_1_QS_BYTES];
};

struct BlockQ5_0 {
    uint16_t d;
    uint8_t qh[AGORA_Q5_0_QH_BYTES]; // a little-endian uint32: bit j is element j's fifth bit
    uint8_t qs[AGORA_Q5_0_QS_BYTES];
};

struct BlockQ5_1 {
    uint16_t d;
    uint16_t m;
    uint8_t qh[AGORA_Q5_1_QH_BYTES];
    uint8_t qs[AGORA_Q5_1_QS_BYTES];
};

struct BlockQ2_K {
    uint8_t scales[AGORA_Q2_K_SCALES_BYTES]; // per 16 elements: scale (low nibble), min (high)
    uint8_t qs[AGORA_Q2_K_QS_BYTES];
    uint16_t d;
    uint16_t dmin;
};

struct BlockQ3_K {
    uint8_t hmask[AGORA_Q3_K_HMASK_BYTES];
    uint8_t qs[AGORA_Q3_K_QS_BYTES];
    uint8_t scales[AGORA_Q3_K_SCALES_BYTES]; // 16 six-bit scales, see q3kScale()
    uint16_t d;
};

struct BlockQ4_K {
    uint16_t d;
    uint16_t dmin;
    uint8_t scales[AGORA_Q4_K_SCALES_BYTES]; // 8 six-bit scales and 8 six-bit mins
    uint8_t qs[AGORA_Q4_K_QS_BYTES];
};

struct BlockQ5_K {
    uint16_t d;
    uint16_t dmin;
    uint8_t scales[AGORA_Q5_K_SCALES_BYTES];
    uint8_t qh[AGORA_Q5_K_QH_BYTES];
    uint8_t qs[AGORA_Q5_K_QS_BYTES];
};

struct BlockQ6_K {
    uint8_t ql[AGORA_Q6_K_QL_BYTES];
    uint8_t qh[AGORA_Q6_K_QH_BYTES];
    int8_t scales[AGORA_Q6_K_SCALES_BYTES];
    uint16_t d;
};

struct BlockIQ4_NL {
    uint16_t d;
    uint8_t qs[AGORA_IQ4_NL_QS_BYTES];
};

struct BlockIQ4_XS {
    uint16_t d;
    uint16_t scalesH;
    uint8_t scalesL[AGORA_IQ4_XS_SCALES_L_BYTES];
    uint8_t qs[AGORA_IQ4_XS_QS_BYTES];
};

// The code points shared by IQ4_NL and IQ4_XS.
inline constexpr int8_t kIq4nlValues[16] = {AGORA_IQ4_NL_VALUES};

// Block type -> its geometry, checked against the shared header and the type table.
template <typename Block>
struct BlockTraits;

#define AGORA_BLOCK_TRAITS(TypeName, Struct)                                                       \
    template <>                                                                                    \
    struct BlockTraits<Struct> {                                                                   \
        static constexpr TensorType type = TensorType::TypeName;                                   \
        static constexpr size_t elements = AGORA_##TypeName##_BLOCK_ELEMENTS;                      \
        static constexpr size_t bytes = AGORA_##TypeName##_BLOCK_BYTES;                            \
    };                                                                                             \
    static_assert(sizeof(Struct) == AGORA_##TypeName##_BLOCK_BYTES, #Struct " size");             \
    static_assert(alignof(Struct) <= 2, #Struct " must not need more than 2-byte alignment");      \
    static_assert(traitsOf(TensorType::TypeName).blockBytes == AGORA_##TypeName##_BLOCK_BYTES        \
                      && traitsOf(TensorType::TypeName).blockElements == AGORA_##TypeName##_BLOCK_ELEMENTS, \
                  #TypeName " geometry differs between core/tensor_type.h and quant_layout.h")

AGORA_BLOCK_TRAITS(Q8_0, BlockQ8_0);
AGORA_BLOCK_TRAITS(Q4_0, BlockQ4_0);
AGORA_BLOCK_TRAITS(Q4_1, BlockQ4_1);
AGORA_BLOCK_TRAITS(Q5_0, BlockQ5_0);
AGORA_BLOCK_TRAITS(Q5_1, BlockQ5_1);
AGORA_BLOCK_TRAITS(Q2_K, BlockQ2_K);
AGORA_BLOCK_TRAITS(Q3_K, BlockQ3_K);
AGORA_BLOCK_TRAITS(Q4_K, BlockQ4_K);
AGORA_BLOCK_TRAITS(Q5_K, BlockQ5_K);
AGORA_BLOCK_TRAITS(Q6_K, BlockQ6_K);
AGORA_BLOCK_TRAITS(IQ4_NL, BlockIQ4_NL);
AGORA_BLOCK_TRAITS(IQ4_XS, BlockIQ4_XS);
#undef AGORA_BLOCK_TRAITS

#define AGORA_CHECK_FIELD(Struct, member, OFFSET) \
    static_assert(offsetof(Struct, member) == (OFFSET), #Struct "::" #member " offset")

AGORA_CHECK_FIELD(BlockQ8_0, d, AGORA_Q8_0_D_OFFSET);
AGORA_CHECK_FIELD(BlockQ8_0, qs, AGORA_Q8_0_QS_OFFSET);
AGORA_CHECK_FIELD(BlockQ4_0, d, AGORA_Q4_0_D_OFFSET);
AGORA_CHECK_FIELD(BlockQ4_0, qs, AGORA_Q4_0_QS_OFFSET);
AGORA_CHECK_FIELD(BlockQ4_1, d, AGORA_Q4_1_D_OFFSET);
AGORA_CHECK_FIELD(BlockQ4_1, m, AGORA_Q4_1_M_OFFSET);
AGORA_CHECK_FIELD(BlockQ4_1, qs, AGORA_Q4_1_QS_OFFSET);
AGORA_CHECK_FIELD(BlockQ5_0, d, AGORA_Q5_0_D_OFFSET);
AGORA_CHECK_FIELD(BlockQ5_0, qh, AGORA_Q5_0_QH_OFFSET);
AGORA_CHECK_FIELD(BlockQ5_0, qs, AGORA_Q5_0_QS_OFFSET);
AGORA_CHECK_FIELD(BlockQ5_1, d, AGORA_Q5_1_D_OFFSET);
AGORA_CHECK_FIELD(BlockQ5_1, m, AGORA_Q5_1_M_OFFSET);
AGORA_CHECK_FIELD(BlockQ5_1, qh, AGORA_Q5_1_QH_OFFSET);
AGORA_CHECK_FIELD(BlockQ5_1, qs, AGORA_Q5_1_QS_OFFSET);
AGORA_CHECK_FIELD(BlockQ2_K, scales, AGORA_Q2_K_SCALES_OFFSET);
AGORA_CHECK_FIELD(BlockQ2_K, qs, AGORA_Q2_K_QS_OFFSET);
AGORA_CHECK_FIELD(BlockQ2_K, d, AGORA_Q2_K_D_OFFSET);
AGORA_CHECK_FIELD(BlockQ2_K, dmin, AGORA_Q2_K_DMIN_OFFSET);
AGORA_CHECK_FIELD(BlockQ3_K, hmask, AGORA_Q3_K_HMASK_OFFSET);
AGORA_CHECK_FIELD(BlockQ3_K, qs, AGORA_Q3_K_QS_OFFSET);
AGORA_CHECK_FIELD(BlockQ3_K, scales, AGORA_Q3_K_SCALES_OFFSET);
AGORA_CHECK_FIELD(BlockQ3_K, d, AGORA_Q3_K_D_OFFSET);
AGORA_CHECK_FIELD(BlockQ4_K, d, AGORA_Q4_K_D_OFFSET);
AGORA_CHECK_FIELD(BlockQ4_K, dmin, AGORA_Q4_K_DMIN_OFFSET);
AGORA_CHECK_FIELD(BlockQ4_K, scales, AGORA_Q4_K_SCALES_OFFSET);
AGORA_CHECK_FIELD(BlockQ4_K, qs, AGORA_Q4_K_QS_OFFSET);
AGORA_CHECK_FIELD(BlockQ5_K, d, AGORA_Q5_K_D_OFFSET);
AGORA_CHECK_FIELD(BlockQ5_K, dmin, AGORA_Q5_K_DMIN_OFFSET);
AGORA_CHECK_FIELD(BlockQ5_K, scales, AGORA_Q5_K_SCALES_OFFSET);
AGORA_CHECK_FIELD(BlockQ5_K, qh, AGORA_Q5_K_QH_OFFSET);
AGORA_CHECK_FIELD(BlockQ5_K, qs, AGORA_Q5_K_QS_OFFSET);
AGORA_CHECK_FIELD(BlockQ6_K, ql, AGORA_Q6_K_QL_OFFSET);
AGORA_CHECK_FIELD(BlockQ6_K, qh, AGORA_Q6_K_QH_OFFSET);
AGORA_CHECK_FIELD(BlockQ6_K, scales, AGORA_Q6_K_SCALES_OFFSET);
AGORA_CHECK_FIELD(BlockQ6_K, d, AGORA_Q6_K_D_OFFSET);
AGORA_CHECK_FIELD(BlockIQ4_NL, d, AGORA_IQ4_NL_D_OFFSET);
AGORA_CHECK_FIELD(BlockIQ4_NL, qs, AGORA_IQ4_NL_QS_OFFSET);
AGORA_CHECK_FIELD(BlockIQ4_XS, d, AGORA_IQ4_XS_D_OFFSET);
AGORA_CHECK_FIELD(BlockIQ4_XS, scalesH, AGORA_IQ4_XS_SCALES_H_OFFSET);
AGORA_CHECK_FIELD(BlockIQ4_XS, scalesL, AGORA_IQ4_XS_SCALES_L_OFFSET);
AGORA_CHECK_FIELD(BlockIQ4_XS, qs, AGORA_IQ4_XS_QS_OFFSET);
#undef AGORA_CHECK_FIELD

static_assert(traitsOf(TensorType::F32).blockBytes == AGORA_F32_BLOCK_BYTES
              && traitsOf(TensorType::F16).blockBytes == AGORA_F16_BLOCK_BYTES
              && traitsOf(TensorType::BF16).blockBytes == AGORA_BF16_BLOCK_BYTES);
static_assert(AGORA_Q2_K_QS_OFFSET + AGORA_Q2_K_QS_BYTES == AGORA_Q2_K_D_OFFSET);
static_assert(AGORA_Q4_K_SCALES_BYTES == AGORA_K_SCALE_BYTES && AGORA_Q5_K_SCALES_BYTES == AGORA_K_SCALE_BYTES
              && AGORA_Q3_K_SCALES_BYTES == AGORA_K_SCALE_BYTES);

// Copies block `index` out of a row of blocks at any address.
template <typename Block>
inline Block loadBlock(const uint8_t* row, size_t index)
{
    Block block;
    std::memcpy(&block, row + index * sizeof(Block), sizeof(Block));
    return block;
}

template <typename Block>
inline void storeBlock(uint8_t* row, size_t index, const Block& block)
{
    std::memcpy(row + index * sizeof(Block), &block, sizeof(Block));
}

// Q4_K/Q5_K: sub-block j (0..7) has a 6-bit scale and a 6-bit min packed in 12 bytes. The first
// four keep their 6 bits in bytes 0..3 (scale) and 4..7 (min); the last four keep their low
// nibbles in bytes 8..11 and their top 2 bits in the spare top bits of bytes 0..7.
inline void unpackScaleMinK4(const uint8_t* packed, int j, uint8_t& scale, uint8_t& min)
{
    if (j < 4) {
        scale = packed[j] & 63;
        min = packed[j + 4] & 63;
    } else {
        scale = static_cast<uint8_t>((packed[j + 4] & 0xF) | ((packed[j - 4] >> 6) << 4));
        min = static_cast<uint8_t>((packed[j + 4] >> 4) | ((packed[j] >> 6) << 4));
    }
}

// Inverse of unpackScaleMinK4 for eight scales and mins of at most 63.
inline void packScalesMinsK4(const uint8_t scales[8], const uint8_t mins[8], uint8_t packed[AGORA_K_SCALE_BYTES])
{
    for (int j = 0; j < 4; ++j) {
        packed[j] = static_cast<uint8_t>((scales[j] & 63) | ((scales[j + 4] >> 4) << 6));
        packed[j + 4] = static_cast<uint8_t>((mins[j] & 63) | ((mins[j + 4] >> 4) << 6));
        packed[j + 8] = static_cast<uint8_t>((scales[j + 4] & 0xF) | ((mins[j + 4] & 0xF) << 4));
    }
}

// Q3_K: sub-block s (0..15) has a 6-bit scale stored with a +32 bias. Its low nibble is in
// byte s (s < 8, low nibble) or byte s-8 (high nibble); its top 2 bits in byte 8 + s%4 at bit
// 2*(s/4).
inline int q3kScale(const uint8_t packed[AGORA_K_SCALE_BYTES], int s)
{
    const int low = s < 8 ? (packed[s] & 0xF) : (packed[s - 8] >> 4);
    const int high = (packed[8 + s % 4] >> (2 * (s / 4))) & 3;
    return (low | (high << 4)) - 32;
}

// Inverse of q3kScale for 16 biased scales (each 0..63).
inline void packQ3kScales(const uint8_t biased[16], uint8_t packed[AGORA_K_SCALE_BYTES])
{
    std::memset(packed, 0, AGORA_K_SCALE_BYTES);
    for (int s = 0; s < 16; ++s) {
        const uint8_t low = biased[s] & 0xF;
        if (s < 8)
            packed[s] = static_cast<uint8_t>(packed[s] | low);
        else
            packed[s - 8] = static_cast<uint8_t>(packed[s - 8] | (low << 4));
        packed[8 + s % 4] = static_cast<uint8_t>(packed[8 + s % 4] | (((biased[s] >> 4) & 3) << (2 * (s / 4))));
    }
}

} // namespace agora::tensor
