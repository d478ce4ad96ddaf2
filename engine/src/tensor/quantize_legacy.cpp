// Quantizers of the 32-element block formats: Q8_0, Q4_0, Q4_1, Q5_0, Q5_1 and IQ4_NL. The
// packing mirrors dequantize_legacy.cpp: byte j holds element j (low nibble) and j+16 (high).
#include "tensor/fp16.h"
#include "tensor/quant_blocks.h"
#include "tensor/quantize_fit.h"
#include "tensor/quantize_internal.h"

#include <cstring>

namespace agora::tensor::detail {

namespace {

constexpr int kBlock = 32;

// The scale a reader will see once `scale` is stored as fp16.
float storedScale(float scale, uint16_t& bits)
{
    bits = fp32ToFp16(scale);
    return fp16ToFp32(bits);
}

// Codes for x ~= d * q with d fixed.
void symmetricCodes(const float* x, float d, int qmin, int qmax, int* q)
{
    const float inverse = d != 0 ? 1.0f / d : 0.0f;
    for (int i = 0; i < kBlock; ++i)
        q[i] = roundClamp(x[i] * inverse, qmin, qmax);
}

// Codes for x ~= d * q + m with d, m fixed.
void affineCodes(const float* x, float d, float m, int qmax, int* q)
{
    const float inverse = d != 0 ? 1.0f / d : 0.0f;
    for (int i = 0; i < kBlock; ++i)
        q[i] = roundClamp((x[i] - m) * inverse, 0, qmax);
}

void packNibbles(const int* u, uint8_t* qs)
{
    for (int j = 0; j < 16; ++j)
        qs[j] = static_cast<uint8_t>((u[j] & 0xF) | ((u[j + 16] & 0xF) << 4));
}

void packFifthBits(const int* u, uint8_t qh[4])
{
    uint32_t bits = 0;
    for (int j = 0; j < kBlock; ++j)
        bits |= static_cast<uint32_t>((u[j] >> 4) & 1) << j;
    for (int k = 0; k < 4; ++k)
        qh[k] = static_cast<uint8_t>(bits >> (8 * k));
}

} // namespace

void quantizeQ8_0(const float* src, uint8_t* dst, size_t blocks)
{
    int8_t fitted[kBlock];
    int q[kBlock];
    for (size_t b = 0; b < blocks; ++b, src += kBlock) {
        BlockQ8_0 block{};
        const float d = storedScale(fitSymmetric(src, kBlock, -127, 127, fitted), block.d);
        symmetricCodes(src, d, -128, 127, q);
        for (int i = 0; i < kBlock; ++i)
            block.qs[i] = static_cast<int8_t>(q[i]);
        storeBlock(dst, b, block);
    }
}

void quantizeQ4_0(const float* src, uint8_t* dst, size_t blocks)
{
    int8_t fitted[kBlock];
    int q[kBlock];
    for (size_t b = 0; b < blocks; ++b, src += kBlock) {
        BlockQ4_0 block{};
        const float d = storedScale(fitSymmetric(src, kBlock, -8, 7, fitted), block.d);
        symmetricCodes(src, d, -8, 7, q);
        for (int& v : q)
            v += 8;
        packNibbles(q, block.qs);
        storeBlock(dst, b, block);
    }
}

void quantizeQ5_0(const float* src, uint8_t* dst, size_t blocks)
{
    int8_t fitted[kBlock];
    int q[kBlock];
    for (size_t b = 0; b < blocks; ++b, src += kBlock) {
        BlockQ5_0 block{};
        const float d = storedScale(fitSymmetric(src, kBlock, -16, 15, fitted), block.d);
        symmetricCodes(src, d, -16, 15, q);
        for (int& v : q)
            v += 16;
        packNibbles(q, block.qs);
        packFifthBits(q, block.qh);
        storeBlock(dst, b, block);
    }
}

void quantizeQ4_1(const float* src, uint8_t* dst, size_t blocks)
{
    uint8_t fitted[kBlock];
    int q[kBlock];
    for (size_t b = 0; b < blocks; ++b, src += kBlock) {
        BlockQ4_1 block{};
        const AffineFit fit = fitAffine(src, kBlock, 15, false, fitted);
        const float d = storedScale(fit.scale, block.d);
        const float m = storedScale(fit.offset, block.m);
        affineCodes(src, d, m, 15, q);
        packNibbles(q, block.qs);
        storeBlock(dst, b, block);
    }
}

void quantizeQ5_1(const float* src, uint8_t* dst, size_t blocks)
{
    uint8_t fitted[kBlock];
    int q[kBlock];
    for (size_t b = 0; b < blocks; ++b, src += kBlock) {
        BlockQ5_1 block{};
        const AffineFit fit = fitAffine(src, kBlock, 31, false, fitted);
        const float d = storedScale(fit.scale, block.d);
        const float m = storedScale(fit.offset, block.m);
        affineCodes(src, d, m, 31, q);
        packNibbles(q, block.qs);
        packFifthBits(q, block.qh);
        storeBlock(dst, b, block);
    }
}

void quantizeIQ4_NL(const float* src, uint8_t* dst, size_t blocks)
{
    uint8_t fitted[kBlock];
    int q[kBlock];
    for (size_t b = 0; b < blocks; ++b, src += kBlock) {
        BlockIQ4_NL block{};
        const float d = storedScale(fitTable(src, kBlock, kIq4nlValues, fitted), block.d);
        const float inverse = d != 0 ? 1.0f / d : 0.0f;
        for (int i = 0; i < kBlock; ++i)
            q[i] = nearestTableIndex(kIq4nlValues, src[i] * inverse);
        packNibbles(q, block.qs);
        storeBlock(dst, b, block);
    }
}

} // namespace agora::tensor::detail
