// Dequantizers of the 32-element block formats: Q8_0, Q4_0, Q4_1, Q5_0, Q5_1 and IQ4_NL.
// In the 4- and 5-bit formats byte j holds element j in its low nibble and element j+16 in its
// high nibble.
#include "tensor/dequantize_internal.h"
#include "tensor/fp16.h"
#include "tensor/quant_blocks.h"

namespace agora::tensor::detail {

void dequantizeQ8_0(const uint8_t* src, float* dst, size_t blocks)
{
    for (size_t b = 0; b < blocks; ++b, dst += AGORA_Q8_0_BLOCK_ELEMENTS) {
        const auto block = loadBlock<BlockQ8_0>(src, b);
        const float d = fp16ToFp32(block.d);
        for (int j = 0; j < AGORA_Q8_0_BLOCK_ELEMENTS; ++j)
            dst[j] = static_cast<float>(block.qs[j]) * d;
    }
}

void dequantizeQ4_0(const uint8_t* src, float* dst, size_t blocks)
{
    for (size_t b = 0; b < blocks; ++b, dst += AGORA_Q4_0_BLOCK_ELEMENTS) {
        const auto block = loadBlock<BlockQ4_0>(src, b);
        const float d = fp16ToFp32(block.d);
        for (int j = 0; j < AGORA_Q4_0_QS_BYTES; ++j) {
            const int low = (block.qs[j] & 0xF) - 8;
            const int high = (block.qs[j] >> 4) - 8;
            dst[j] = static_cast<float>(low) * d;
            dst[j + 16] = static_cast<float>(high) * d;
        }
    }
}

void dequantizeQ4_1(const uint8_t* src, float* dst, size_t blocks)
{
    for (size_t b = 0; b < blocks; ++b, dst += AGORA_Q4_1_BLOCK_ELEMENTS) {
        const auto block = loadBlock<BlockQ4_1>(src, b);
        const float d = fp16ToFp32(block.d);
        const float m = fp16ToFp32(block.m);
        for (int j = 0; j < AGORA_Q4_1_QS_BYTES; ++j) {
            dst[j] = static_cast<float>(block.qs[j] & 0xF) * d + m;
            dst[j + 16] = static_cast<float>(block.qs[j] >> 4) * d + m;
        }
    }
}

namespace {

uint32_t readU32(const uint8_t bytes[4])
{
    return static_cast<uint32_t>(bytes[0]) | (static_cast<uint32_t>(bytes[1]) << 8)
        | (static_cast<uint32_t>(bytes[2]) << 16) | (static_cast<uint32_t>(bytes[3]) << 24);
}

// The 5-bit code of element j (low half) or j+16 (high half) from qs and the qh bitmask.
int fiveBitLow(const uint8_t* qs, uint32_t qh, int j)
{
    return static_cast<int>((qs[j] & 0xFu) | (((qh >> j) & 1u) << 4));
}
int fiveBitHigh(const uint8_t* qs, uint32_t qh, int j)
{
    return static_cast<int>((qs[j] >> 4) | (((qh >> (j + 16)) & 1u) << 4));
}

} // namespace

void dequantizeQ5_0(const uint8_t* src, float* dst, size_t blocks)
{
    for (size_t b = 0; b < blocks; ++b, dst += AGORA_Q5_0_BLOCK_ELEMENTS) {
        const auto block = loadBlock<BlockQ5_0>(src, b);
        const float d = fp16ToFp32(block.d);
        const uint32_t qh = readU32(block.qh);
        for (int j = 0; j < AGORA_Q5_0_QS_BYTES; ++j) {
            dst[j] = static_cast<float>(fiveBitLow(block.qs, qh, j) - 16) * d;
            dst[j + 16] = static_cast<float>(fiveBitHigh(block.qs, qh, j) - 16) * d;
        }
    }
}

void dequantizeQ5_1(const uint8_t* src, float* dst, size_t blocks)
{
    for (size_t b = 0; b < blocks; ++b, dst += AGORA_Q5_1_BLOCK_ELEMENTS) {
        const auto block = loadBlock<BlockQ5_1>(src, b);
        const float d = fp16ToFp32(block.d);
        const float m = fp16ToFp32(block.m);
        const uint32_t qh = readU32(block.qh);
        for (int j = 0; j < AGORA_Q5_1_QS_BYTES; ++j) {
            dst[j] = static_cast<float>(fiveBitLow(block.qs, qh, j)) * d + m;
            dst[j + 16] = static_cast<float>(fiveBitHigh(block.qs, qh, j)) * d + m;
        }
    }
}

void dequantizeIQ4_NL(const uint8_t* src, float* dst, size_t blocks)
{
    for (size_t b = 0; b < blocks; ++b, dst += AGORA_IQ4_NL_BLOCK_ELEMENTS) {
        const auto block = loadBlock<BlockIQ4_NL>(src, b);
        const float d = fp16ToFp32(block.d);
        for (int j = 0; j < AGORA_IQ4_NL_QS_BYTES; ++j) {
            dst[j] = d * static_cast<float>(kIq4nlValues[block.qs[j] & 0xF]);
            dst[j + 16] = d * static_cast<float>(kIq4nlValues[block.qs[j] >> 4]);
        }
    }
}

} // namespace agora::tensor::detail
