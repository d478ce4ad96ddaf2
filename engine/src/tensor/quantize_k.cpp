// Quantizers of the 256-element super-block formats: Q2_K, Q3_K, Q4_K, Q5_K, Q6_K and IQ4_XS.
// Two levels: each sub-block gets its own float scale (and minimum) from quantize_fit; those
// are quantized against one fp16 super-scale per block; the codes are then chosen for the
// scales as stored. Element e of a super-block is placed where dequantize_k.cpp reads it.
#include "tensor/fp16.h"
#include "tensor/quant_blocks.h"
#include "tensor/quantize_fit.h"
#include "tensor/quantize_internal.h"

#include <algorithm>
#include <cmath>

namespace agora::tensor::detail {

namespace {

constexpr int kSuper = AGORA_QK_K;

float storedScale(float scale, uint16_t& bits)
{
    bits = fp32ToFp16(scale);
    return fp16ToFp32(bits);
}

// Affine sub-blocks (Q2_K, Q4_K, Q5_K): x ~= (d * scale[s]) * q - (dmin * min[s]).
struct AffineSuperBlock {
    uint16_t d = 0, dmin = 0;
    uint8_t scales[16] = {};
    uint8_t mins[16] = {};
    int codes[kSuper] = {};
};

AffineSuperBlock fitAffineSuperBlock(const float* x, int subSize, int qmax, int scaleMax)
{
    const int subs = kSuper / subSize;
    AffineFit fits[16];
    uint8_t scratch[kSuper];
    float maxScale = 0, maxMin = 0;
    for (int s = 0; s < subs; ++s) {
        fits[s] = fitAffine(x + s * subSize, subSize, qmax, true, scratch);
        maxScale = std::max(maxScale, fits[s].scale);
        maxMin = std::max(maxMin, -fits[s].offset);
    }
    AffineSuperBlock out;
    const float d = storedScale(maxScale / static_cast<float>(scaleMax), out.d);
    const float dmin = storedScale(maxMin / static_cast<float>(scaleMax), out.dmin);
    for (int s = 0; s < subs; ++s) {
        out.scales[s] = static_cast<uint8_t>(d > 0 ? roundClamp(fits[s].scale / d, 0, scaleMax) : 0);
        out.mins[s] = static_cast<uint8_t>(dmin > 0 ? roundClamp(-fits[s].offset / dmin, 0, scaleMax) : 0);
        // The same float products the dequantizer forms.
        const float scale = d * static_cast<float>(out.scales[s]);
        const float min = dmin * static_cast<float>(out.mins[s]);
        const float inverse = scale > 0 ? 1.0f / scale : 0.0f;
        for (int i = s * subSize; i < (s + 1) * subSize; ++i)
            out.codes[i] = roundClamp((x[i] + min) * inverse, 0, qmax);
    }
    return out;
}

// Symmetric sub-blocks (Q3_K, Q6_K): x ~= (d * scale[s]) * q with signed integer sub-scales.
struct SymmetricSuperBlock {
    uint16_t d = 0;
    int scales[16] = {};
    int codes[kSuper] = {};
};

SymmetricSuperBlock fitSymmetricSuperBlock(const float* x, int qmin, int qmax, int scaleMin, int scaleMax)
{
    constexpr int subSize = 16;
    float subScales[16];
    int8_t scratch[subSize];
    float maxAbs = 0;
    for (int s = 0; s < 16; ++s) {
        subScales[s] = fitSymmetric(x + s * subSize, subSize, qmin, qmax, scratch);
        maxAbs = std::max(maxAbs, std::fabs(subScales[s]));
    }
    SymmetricSuperBlock out;
    const float d = storedScale(maxAbs / static_cast<float>(scaleMax), out.d);
    for (int s = 0; s < 16; ++s) {
        out.scales[s] = d > 0 ? roundClamp(subScales[s] / d, scaleMin, scaleMax) : 0;
        const float scale = d * static_cast<float>(out.scales[s]);
        const float inverse = scale != 0 ? 1.0f / scale : 0.0f;
        for (int i = s * subSize; i < (s + 1) * subSize; ++i)
            out.codes[i] = roundClamp(x[i] * inverse, qmin, qmax);
    }
    return out;
}

} // namespace

void quantizeQ2_K(const float* src, uint8_t* dst, size_t blocks)
{
    for (size_t b = 0; b < blocks; ++b, src += kSuper) {
        const AffineSuperBlock fit = fitAffineSuperBlock(src, 16, 3, 15);
        BlockQ2_K block{};
        block.d = fit.d;
        block.dmin = fit.dmin;
        for (int s = 0; s < 16; ++s)
            block.scales[s] = static_cast<uint8_t>(fit.scales[s] | (fit.mins[s] << 4));
        // Element e: byte 32*(e/128) + e%32, bit plane (e%128)/32.
        for (int e = 0; e < kSuper; ++e)
            block.qs[32 * (e / 128) + e % 32] |= static_cast<uint8_t>(fit.codes[e] << (2 * ((e % 128) / 32)));
        storeBlock(dst, b, block);
    }
}

void quantizeQ3_K(const float* src, uint8_t* dst, size_t blocks)
{
    for (size_t b = 0; b < blocks; ++b, src += kSuper) {
        const SymmetricSuperBlock fit = fitSymmetricSuperBlock(src, -4, 3, -32, 31);
        BlockQ3_K block{};
        block.d = fit.d;
        uint8_t biased[16];
        for (int s = 0; s < 16; ++s)
            biased[s] = static_cast<uint8_t>(fit.scales[s] + 32);
        packQ3kScales(biased, block.scales);
        // Stored code u = q + 4: its low 2 bits where Q2_K keeps them, its third bit in hmask.
        for (int e = 0; e < kSuper; ++e) {
            const int u = fit.codes[e] + 4;
            block.qs[32 * (e / 128) + e % 32] |= static_cast<uint8_t>((u & 3) << (2 * ((e % 128) / 32)));
            block.hmask[e % 32] |= static_cast<uint8_t>((u >> 2) << (e / 32));
        }
        storeBlock(dst, b, block);
    }
}

void quantizeQ4_K(const float* src, uint8_t* dst, size_t blocks)
{
    for (size_t b = 0; b < blocks; ++b, src += kSuper) {
        const AffineSuperBlock fit = fitAffineSuperBlock(src, 32, 15, 63);
        BlockQ4_K block{};
        block.d = fit.d;
        block.dmin = fit.dmin;
        packScalesMinsK4(fit.scales, fit.mins, block.scales);
        // Element e: byte 32*(e/64) + e%32, low nibble for the first 32 of each 64.
        for (int e = 0; e < kSuper; ++e)
            block.qs[32 * (e / 64) + e % 32] |= static_cast<uint8_t>(fit.codes[e] << (e % 64 < 32 ? 0 : 4));
        storeBlock(dst, b, block);
    }
}

void quantizeQ5_K(const float* src, uint8_t* dst, size_t blocks)
{
    for (size_t b = 0; b < blocks; ++b, src += kSuper) {
        const AffineSuperBlock fit = fitAffineSuperBlock(src, 32, 31, 63);
        BlockQ5_K block{};
        block.d = fit.d;
        block.dmin = fit.dmin;
        packScalesMinsK4(fit.scales, fit.mins, block.scales);
        for (int e = 0; e < kSuper; ++e) {
            block.qs[32 * (e / 64) + e % 32] |= static_cast<uint8_t>((fit.codes[e] & 0xF) << (e % 64 < 32 ? 0 : 4));
            block.qh[e % 32] |= static_cast<uint8_t>((fit.codes[e] >> 4) << (e / 32));
        }
        storeBlock(dst, b, block);
    }
}

void quantizeQ6_K(const float* src, uint8_t* dst, size_t blocks)
{
    for (size_t b = 0; b < blocks; ++b, src += kSuper) {
        const SymmetricSuperBlock fit = fitSymmetricSuperBlock(src, -32, 31, -128, 127);
        BlockQ6_K block{};
        block.d = fit.d;
        for (int s = 0; s < 16; ++s)
            block.scales[s] = static_cast<int8_t>(fit.scales[s]);
        // Element e = 128*h + 32*g + l: low nibble in ql[64h + l + 32*(g&1)] (high nibble for
        // g >= 2), top 2 bits in qh[32h + l] at bit 2g.
        for (int e = 0; e < kSuper; ++e) {
            const int u = fit.codes[e] + 32;
            const int h = e / 128, g = (e % 128) / 32, l = e % 32;
            block.ql[64 * h + l + 32 * (g & 1)] |= static_cast<uint8_t>((u & 0xF) << (g >= 2 ? 4 : 0));
            block.qh[32 * h + l] |= static_cast<uint8_t>((u >> 4) << (2 * g));
        }
        storeBlock(dst, b, block);
    }
}

void quantizeIQ4_XS(const float* src, uint8_t* dst, size_t blocks)
{
    constexpr int subSize = 32;
    for (size_t b = 0; b < blocks; ++b, src += kSuper) {
        float subScales[8];
        uint8_t scratch[subSize];
        float maxAbs = 0;
        for (int s = 0; s < 8; ++s) {
            subScales[s] = fitTable(src + s * subSize, subSize, kIq4nlValues, scratch);
            maxAbs = std::max(maxAbs, std::fabs(subScales[s]));
        }
        BlockIQ4_XS block{};
        const float d = storedScale(maxAbs / 31.0f, block.d);
        for (int s = 0; s < 8; ++s) {
            const int ls = d > 0 ? roundClamp(subScales[s] / d, -32, 31) : 0;
            const int biased = ls + 32;
            block.scalesL[s / 2] |= static_cast<uint8_t>((biased & 0xF) << (4 * (s % 2)));
            block.scalesH = static_cast<uint16_t>(block.scalesH | ((biased >> 4) << (2 * s)));
            const float scale = d * static_cast<float>(ls);
            const float inverse = scale != 0 ? 1.0f / scale : 0.0f;
            const float* x = src + s * subSize;
            uint8_t* qs = block.qs + 16 * s;
            for (int j = 0; j < 16; ++j) {
                const int low = nearestTableIndex(kIq4nlValues, x[j] * inverse);
                const int high = nearestTableIndex(kIq4nlValues, x[j + 16] * inverse);
                qs[j] = static_cast<uint8_t>(low | (high << 4));
            }
        }
        storeBlock(dst, b, block);
    }
}

} // namespace agora::tensor::detail
