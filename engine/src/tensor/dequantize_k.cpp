// Dequantizers of the 256-element super-block formats: Q2_K, Q3_K, Q4_K, Q5_K, Q6_K and IQ4_XS.
// Element order follows ggml: each super-block is walked in halves of 128 (Q2_K, Q3_K, Q6_K) or
// quarters of 64 (Q4_K, Q5_K), and successive bit planes of the same bytes give successive
// runs of 32 (or 16) elements.
#include "tensor/dequantize_internal.h"
#include "tensor/fp16.h"
#include "tensor/quant_blocks.h"

namespace agora::tensor::detail {

void dequantizeQ2_K(const uint8_t* src, float* dst, size_t blocks)
{
    for (size_t b = 0; b < blocks; ++b) {
        const auto block = loadBlock<BlockQ2_K>(src, b);
        const float d = fp16ToFp32(block.d);
        const float dmin = fp16ToFp32(block.dmin);
        int sub = 0;
        for (int half = 0; half < 2; ++half) {
            const uint8_t* q = block.qs + 32 * half;
            for (int shift = 0; shift < 8; shift += 2) {
                // Two runs of 16 per bit plane: bytes 0..15, then bytes 16..31.
                for (int run = 0; run < 2; ++run, ++sub) {
                    const float scale = d * static_cast<float>(block.scales[sub] & 0xF);
                    const float min = dmin * static_cast<float>(block.scales[sub] >> 4);
                    for (int l = 0; l < 16; ++l)
                        *dst++ = scale * static_cast<float>((q[l + 16 * run] >> shift) & 3) - min;
                }
            }
        }
    }
}

void dequantizeQ3_K(const uint8_t* src, float* dst, size_t blocks)
{
    for (size_t b = 0; b < blocks; ++b) {
        const auto block = loadBlock<BlockQ3_K>(src, b);
        const float d = fp16ToFp32(block.d);
        int sub = 0;
        uint8_t highBit = 1; // which bit of hmask belongs to the current bit plane
        for (int half = 0; half < 2; ++half) {
            const uint8_t* q = block.qs + 32 * half;
            for (int shift = 0; shift < 8; shift += 2, highBit = static_cast<uint8_t>(highBit << 1)) {
                for (int run = 0; run < 2; ++run, ++sub) {
                    const float scale = d * static_cast<float>(q3kScale(block.scales, sub));
                    for (int l = 16 * run; l < 16 * run + 16; ++l) {
                        // The stored third bit is set for non-negative codes: clear means -4.
                        const int code = ((q[l] >> shift) & 3) - ((block.hmask[l] & highBit) ? 0 : 4);
                        *dst++ = scale * static_cast<float>(code);
                    }
                }
            }
        }
    }
}

void dequantizeQ4_K(const uint8_t* src, float* dst, size_t blocks)
{
    for (size_t b = 0; b < blocks; ++b) {
        const auto block = loadBlock<BlockQ4_K>(src, b);
        const float d = fp16ToFp32(block.d);
        const float dmin = fp16ToFp32(block.dmin);
        for (int quarter = 0; quarter < 4; ++quarter) {
            const uint8_t* q = block.qs + 32 * quarter;
            uint8_t sc = 0, m = 0;
            unpackScaleMinK4(block.scales, 2 * quarter, sc, m);
            const float scaleLow = d * static_cast<float>(sc);
            const float minLow = dmin * static_cast<float>(m);
            unpackScaleMinK4(block.scales, 2 * quarter + 1, sc, m);
            const float scaleHigh = d * static_cast<float>(sc);
            const float minHigh = dmin * static_cast<float>(m);
            for (int l = 0; l < 32; ++l)
                *dst++ = scaleLow * static_cast<float>(q[l] & 0xF) - minLow;
            for (int l = 0; l < 32; ++l)
                *dst++ = scaleHigh * static_cast<float>(q[l] >> 4) - minHigh;
        }
    }
}

void dequantizeQ5_K(const uint8_t* src, float* dst, size_t blocks)
{
    for (size_t b = 0; b < blocks; ++b) {
        const auto block = loadBlock<BlockQ5_K>(src, b);
        const float d = fp16ToFp32(block.d);
        const float dmin = fp16ToFp32(block.dmin);
        for (int quarter = 0; quarter < 4; ++quarter) {
            const uint8_t* q = block.qs + 32 * quarter;
            const uint8_t lowBit = static_cast<uint8_t>(1u << (2 * quarter));
            const uint8_t highBit = static_cast<uint8_t>(2u << (2 * quarter));
            uint8_t sc = 0, m = 0;
            unpackScaleMinK4(block.scales, 2 * quarter, sc, m);
            const float scaleLow = d * static_cast<float>(sc);
            const float minLow = dmin * static_cast<float>(m);
            unpackScaleMinK4(block.scales, 2 * quarter + 1, sc, m);
            const float scaleHigh = d * static_cast<float>(sc);
            const float minHigh = dmin * static_cast<float>(m);
            for (int l = 0; l < 32; ++l) {
                const int code = (q[l] & 0xF) + ((block.qh[l] & lowBit) ? 16 : 0);
                *dst++ = scaleLow * static_cast<float>(code) - minLow;
            }
            for (int l = 0; l < 32; ++l) {
                const int code = (q[l] >> 4) + ((block.qh[l] & highBit) ? 16 : 0);
                *dst++ = scaleHigh * static_cast<float>(code) - minHigh;
            }
        }
    }
}

void dequantizeQ6_K(const uint8_t* src, float* dst, size_t blocks)
{
    for (size_t b = 0; b < blocks; ++b) {
        const auto block = loadBlock<BlockQ6_K>(src, b);
        const float d = fp16ToFp32(block.d);
        for (int half = 0; half < 2; ++half, dst += 128) {
            const uint8_t* ql = block.ql + 64 * half;
            const uint8_t* qh = block.qh + 32 * half;
            const int8_t* sc = block.scales + 8 * half;
            for (int l = 0; l < 32; ++l) {
                const int s = l / 16;
                const int q1 = ((ql[l] & 0xF) | (((qh[l] >> 0) & 3) << 4)) - 32;
                const int q2 = ((ql[l + 32] & 0xF) | (((qh[l] >> 2) & 3) << 4)) - 32;
                const int q3 = ((ql[l] >> 4) | (((qh[l] >> 4) & 3) << 4)) - 32;
                const int q4 = ((ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4)) - 32;
                // (d * scale) first, then the code: the order ggml multiplies in.
                dst[l] = d * static_cast<float>(sc[s]) * static_cast<float>(q1);
                dst[l + 32] = d * static_cast<float>(sc[s + 2]) * static_cast<float>(q2);
                dst[l + 64] = d * static_cast<float>(sc[s + 4]) * static_cast<float>(q3);
                dst[l + 96] = d * static_cast<float>(sc[s + 6]) * static_cast<float>(q4);
            }
        }
    }
}

void dequantizeIQ4_XS(const uint8_t* src, float* dst, size_t blocks)
{
    for (size_t b = 0; b < blocks; ++b) {
        const auto block = loadBlock<BlockIQ4_XS>(src, b);
        const float d = fp16ToFp32(block.d);
        for (int sub = 0; sub < 8; ++sub, dst += 32) {
            const int low = (block.scalesL[sub / 2] >> (4 * (sub % 2))) & 0xF;
            const int high = (block.scalesH >> (2 * sub)) & 3;
            const float scale = d * static_cast<float>((low | (high << 4)) - 32);
            const uint8_t* q = block.qs + 16 * sub;
            for (int j = 0; j < 16; ++j) {
                dst[j] = scale * static_cast<float>(kIq4nlValues[q[j] & 0xF]);
                dst[j + 16] = scale * static_cast<float>(kIq4nlValues[q[j] >> 4]);
            }
        }
    }
}

} // namespace agora::tensor::detail
