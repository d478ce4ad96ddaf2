// The block layouts and the half/bfloat16 conversions.
//
// Layout: shaders/common/quant_layout.h is the single declaration shared by C++ and GLSL. The
// static_asserts in tensor/quant_blocks.h already refuse to compile on a mismatch; this test
// states the ggml layouts a second time, independently, so that a wrong constant (changed on
// both sides at once) is caught too, and checks the type table at run time.
#include "tensor/fp16.h"
#include "tensor/quant_blocks.h"

#include <QTest>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

using namespace agora;
using namespace agora::tensor;

class TestQuantLayout : public QObject {
    Q_OBJECT

private slots:
    void blockGeometry_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("structBytes");
        QTest::addColumn<int>("layoutBytes");
        QTest::addColumn<int>("layoutElements");
        QTest::addColumn<int>("ggmlBytes"); // as ggml declares it
        QTest::addColumn<int>("ggmlElements");
#define ROW(T, S, bytes, elems)                                                                      \
    QTest::newRow(#T) << int(TensorType::T) << int(sizeof(S)) << AGORA_##T##_BLOCK_BYTES                \
                      << AGORA_##T##_BLOCK_ELEMENTS << (bytes) << (elems)
        ROW(Q8_0, BlockQ8_0, 34, 32);
        ROW(Q4_0, BlockQ4_0, 18, 32);
        ROW(Q4_1, BlockQ4_1, 20, 32);
        ROW(Q5_0, BlockQ5_0, 22, 32);
        ROW(Q5_1, BlockQ5_1, 24, 32);
        ROW(Q2_K, BlockQ2_K, 84, 256);
        ROW(Q3_K, BlockQ3_K, 110, 256);
        ROW(Q4_K, BlockQ4_K, 144, 256);
        ROW(Q5_K, BlockQ5_K, 176, 256);
        ROW(Q6_K, BlockQ6_K, 210, 256);
        ROW(IQ4_NL, BlockIQ4_NL, 18, 32);
        ROW(IQ4_XS, BlockIQ4_XS, 136, 256);
        ROW(F16, uint16_t, 2, 1);
        ROW(BF16, uint16_t, 2, 1);
        ROW(F32, float, 4, 1);
#undef ROW
    }

    void blockGeometry()
    {
        QFETCH(int, type);
        QFETCH(int, structBytes);
        QFETCH(int, layoutBytes);
        QFETCH(int, layoutElements);
        QFETCH(int, ggmlBytes);
        QFETCH(int, ggmlElements);
        const auto& traits = traitsOf(TensorType(type));
        QCOMPARE(structBytes, ggmlBytes);
        QCOMPARE(layoutBytes, ggmlBytes);
        QCOMPARE(layoutElements, ggmlElements);
        QCOMPARE(int(traits.blockBytes), ggmlBytes);
        QCOMPARE(int(traits.blockElements), ggmlElements);
        QVERIFY(traits.supported);
    }

    void fieldOffsets_data()
    {
        QTest::addColumn<int>("structOffset");
        QTest::addColumn<int>("layoutOffset");
        QTest::addColumn<int>("ggmlOffset");
#define FIELD(T, S, member, MEMBER, expected)                                                        \
    QTest::newRow(#T "." #member) << int(offsetof(S, member)) << AGORA_##T##_##MEMBER##_OFFSET << (expected)
        FIELD(Q8_0, BlockQ8_0, d, D, 0);
        FIELD(Q8_0, BlockQ8_0, qs, QS, 2);
        FIELD(Q4_0, BlockQ4_0, d, D, 0);
        FIELD(Q4_0, BlockQ4_0, qs, QS, 2);
        FIELD(Q4_1, BlockQ4_1, d, D, 0);
        FIELD(Q4_1, BlockQ4_1, m, M, 2);
        FIELD(Q4_1, BlockQ4_1, qs, QS, 4);
        FIELD(Q5_0, BlockQ5_0, d, D, 0);
        FIELD(Q5_0, BlockQ5_0, qh, QH, 2);
        FIELD(Q5_0, BlockQ5_0, qs, QS, 6);
        FIELD(Q5_1, BlockQ5_1, d, D, 0);
        FIELD(Q5_1, BlockQ5_1, m, M, 2);
        FIELD(Q5_1, BlockQ5_1, qh, QH, 4);
        FIELD(Q5_1, BlockQ5_1, qs, QS, 8);
        FIELD(Q2_K, BlockQ2_K, scales, SCALES, 0);
        FIELD(Q2_K, BlockQ2_K, qs, QS, 16);
        FIELD(Q2_K, BlockQ2_K, d, D, 80);
        FIELD(Q2_K, BlockQ2_K, dmin, DMIN, 82);
        FIELD(Q3_K, BlockQ3_K, hmask, HMASK, 0);
        FIELD(Q3_K, BlockQ3_K, qs, QS, 32);
        FIELD(Q3_K, BlockQ3_K, scales, SCALES, 96);
        FIELD(Q3_K, BlockQ3_K, d, D, 108);
        FIELD(Q4_K, BlockQ4_K, d, D, 0);
        FIELD(Q4_K, BlockQ4_K, dmin, DMIN, 2);
        FIELD(Q4_K, BlockQ4_K, scales, SCALES, 4);
        FIELD(Q4_K, BlockQ4_K, qs, QS, 16);
        FIELD(Q5_K, BlockQ5_K, d, D, 0);
        FIELD(Q5_K, BlockQ5_K, dmin, DMIN, 2);
        FIELD(Q5_K, BlockQ5_K, scales, SCALES, 4);
        FIELD(Q5_K, BlockQ5_K, qh, QH, 16);
        FIELD(Q5_K, BlockQ5_K, qs, QS, 48);
        FIELD(Q6_K, BlockQ6_K, ql, QL, 0);
        FIELD(Q6_K, BlockQ6_K, qh, QH, 128);
        FIELD(Q6_K, BlockQ6_K, scales, SCALES, 192);
        FIELD(Q6_K, BlockQ6_K, d, D, 208);
        FIELD(IQ4_NL, BlockIQ4_NL, d, D, 0);
        FIELD(IQ4_NL, BlockIQ4_NL, qs, QS, 2);
        FIELD(IQ4_XS, BlockIQ4_XS, d, D, 0);
        FIELD(IQ4_XS, BlockIQ4_XS, scalesH, SCALES_H, 2);
        FIELD(IQ4_XS, BlockIQ4_XS, scalesL, SCALES_L, 4);
        FIELD(IQ4_XS, BlockIQ4_XS, qs, QS, 8);
#undef FIELD
    }

    void fieldOffsets()
    {
        QFETCH(int, structOffset);
        QFETCH(int, layoutOffset);
        QFETCH(int, ggmlOffset);
        QCOMPARE(structOffset, ggmlOffset);
        QCOMPARE(layoutOffset, ggmlOffset);
    }

    void iq4nlTable()
    {
        const int expected[16] = {-127, -104, -83, -65, -49, -35, -22, -10, 1, 13, 25, 38, 53, 69, 89, 113};
        for (int i = 0; i < 16; ++i)
            QCOMPARE(int(kIq4nlValues[i]), expected[i]);
    }

    void kScalePackingRoundTrips()
    {
        uint8_t scales[8], mins[8], packed[12];
        for (int seed = 0; seed < 64; ++seed) {
            for (int j = 0; j < 8; ++j) {
                scales[j] = uint8_t((seed * 7 + j * 13) % 64);
                mins[j] = uint8_t((seed * 11 + j * 29 + 5) % 64);
            }
            packScalesMinsK4(scales, mins, packed);
            for (int j = 0; j < 8; ++j) {
                uint8_t s = 0, m = 0;
                unpackScaleMinK4(packed, j, s, m);
                QCOMPARE(s, scales[j]);
                QCOMPARE(m, mins[j]);
            }
            uint8_t biased[16];
            for (int s = 0; s < 16; ++s)
                biased[s] = uint8_t((seed * 5 + s * 23 + 3) % 64);
            packQ3kScales(biased, packed);
            for (int s = 0; s < 16; ++s)
                QCOMPARE(q3kScale(packed, s), int(biased[s]) - 32);
        }
    }

    // ---- fp16 / bf16 ----------------------------------------------------------------------

    void fp16KnownValues()
    {
        QCOMPARE(fp16ToFp32(0x3C00), 1.0f);
        QCOMPARE(fp16ToFp32(0xC000), -2.0f);
        QCOMPARE(fp16ToFp32(0x7BFF), 65504.0f);
        QCOMPARE(fp16ToFp32(0x0400), std::ldexp(1.0f, -14));
        QCOMPARE(fp16ToFp32(0x0001), std::ldexp(1.0f, -24));
        QCOMPARE(fp16ToFp32(0x03FF), std::ldexp(1023.0f, -24));
        QVERIFY(std::signbit(fp16ToFp32(0x8000)) && fp16ToFp32(0x8000) == 0.0f);
        QCOMPARE(fp16ToFp32(0x7C00), std::numeric_limits<float>::infinity());
        QCOMPARE(fp16ToFp32(0xFC00), -std::numeric_limits<float>::infinity());
        QVERIFY(std::isnan(fp16ToFp32(0x7E00)));
        QVERIFY(std::isnan(fp16ToFp32(0x7C01)));
        QCOMPARE(fp32ToFp16(65520.0f), uint16_t(0x7C00)); // halfway past the largest half: ties to inf
        QCOMPARE(fp32ToFp16(65519.99f), uint16_t(0x7BFF));
        QCOMPARE(fp32ToFp16(std::ldexp(1.0f, -25)), uint16_t(0x0000)); // tie to even zero
        QCOMPARE(fp32ToFp16(std::nextafter(std::ldexp(1.0f, -25), 1.0f)), uint16_t(0x0001));
        QCOMPARE(fp32ToFp16(std::ldexp(3.0f, -25)), uint16_t(0x0002)); // 1.5 units: tie to even 2
        QCOMPARE(fp32ToFp16(-std::numeric_limits<float>::infinity()), uint16_t(0xFC00));
        QCOMPARE(fp32ToFp16(1.0f + std::ldexp(1.0f, -11)), uint16_t(0x3C00)); // tie to even
        QCOMPARE(fp32ToFp16(1.0f + 3 * std::ldexp(1.0f, -11)), uint16_t(0x3C02));
        QVERIFY((fp32ToFp16(std::numeric_limits<float>::quiet_NaN()) & 0x7FFF) > 0x7C00);
    }

    void fp16EveryHalfRoundTrips()
    {
        for (uint32_t h = 0; h < 0x10000; ++h) {
            const float f = fp16ToFp32(uint16_t(h));
            const bool nan = (h & 0x7C00) == 0x7C00 && (h & 0x3FF) != 0;
            if (nan) {
                QVERIFY(std::isnan(f));
                const uint16_t back = fp32ToFp16(f);
                QVERIFY((back & 0x7C00) == 0x7C00 && (back & 0x3FF) != 0);
                QCOMPARE(back & 0x8000, h & 0x8000);
            } else if (fp32ToFp16(f) != h) {
                QFAIL(qPrintable(QString("half 0x%1 -> %2 -> 0x%3").arg(h, 4, 16, QChar('0')).arg(double(f))
                                     .arg(fp32ToFp16(f), 4, 16, QChar('0'))));
            }
        }
    }

    // fp32 -> fp16 against a brute-force definition: the nearest half by value (ties to the
    // even code), over a sweep of float bit patterns that covers every exponent.
    void fp16RoundingMatchesNearestHalf()
    {
        // All non-negative finite halves in increasing order; their codes are increasing too.
        std::vector<double> halves;
        for (uint32_t h = 0; h < 0x7C00; ++h)
            halves.push_back(double(fp16ToFp32(uint16_t(h))));
        const double overflowThreshold = 65520.0; // at or above: infinity
        int checked = 0;
        for (uint64_t bits = 0; bits < 0x7F800000u; bits += 997) {
            const float f = std::bit_cast<float>(uint32_t(bits));
            const double v = double(f);
            uint16_t expected = 0;
            if (v >= overflowThreshold) {
                expected = 0x7C00;
            } else {
                const auto above = std::lower_bound(halves.begin(), halves.end(), v);
                const size_t hi = size_t(above - halves.begin());
                if (hi < halves.size() && halves[hi] == v) {
                    expected = uint16_t(hi);
                } else {
                    const size_t lo = hi - 1; // v > 0 here, so hi >= 1
                    const double dLo = v - halves[lo];
                    const double dHi = hi < halves.size() ? halves[hi] - v : 1e300;
                    if (dLo < dHi)
                        expected = uint16_t(lo);
                    else if (dHi < dLo)
                        expected = uint16_t(hi);
                    else
                        expected = uint16_t((lo % 2 == 0) ? lo : hi);
                }
            }
            const uint16_t got = fp32ToFp16(f);
            if (got != expected)
                QFAIL(qPrintable(QString("fp32 0x%1 (%2): got 0x%3 want 0x%4")
                                     .arg(uint32_t(bits), 8, 16, QChar('0')).arg(v, 0, 'g', 12)
                                     .arg(got, 4, 16, QChar('0')).arg(expected, 4, 16, QChar('0'))));
            QCOMPARE(fp32ToFp16(-f), uint16_t(expected | 0x8000));
            ++checked;
        }
        QVERIFY(checked > 2'000'000);
    }

    void bf16()
    {
        QCOMPARE(bf16ToFp32(0x3F80), 1.0f);
        QCOMPARE(bf16ToFp32(0xC040), -3.0f);
        QCOMPARE(bf16ToFp32(0x0001), std::bit_cast<float>(0x00010000u));
        QVERIFY(std::isnan(bf16ToFp32(0x7FC0)));
        QCOMPARE(fp32ToBf16(1.0f), uint16_t(0x3F80));
        QCOMPARE(fp32ToBf16(std::bit_cast<float>(0x3F808000u)), uint16_t(0x3F80)); // tie to even
        QCOMPARE(fp32ToBf16(std::bit_cast<float>(0x3F818000u)), uint16_t(0x3F82)); // tie to even
        QCOMPARE(fp32ToBf16(std::bit_cast<float>(0x3F808001u)), uint16_t(0x3F81));
        QCOMPARE(fp32ToBf16(std::bit_cast<float>(0x7F7FFFFFu)), uint16_t(0x7F80)); // rounds to inf
        QVERIFY((fp32ToBf16(std::numeric_limits<float>::quiet_NaN()) & 0x7FFF) > 0x7F80);
        for (uint32_t h = 0; h < 0x10000; ++h) {
            if ((h & 0x7F80) == 0x7F80 && (h & 0x7F))
                continue; // NaN
            QCOMPARE(fp32ToBf16(bf16ToFp32(uint16_t(h))), uint16_t(h));
        }
    }
};

QTEST_GUILESS_MAIN(TestQuantLayout)
#include "test_quant_layout.moc"
