// Checks the CPU reference ops against values worked out by hand, so that the references the GPU
// kernels and the forward pass are judged by are themselves proven.
#include "cpu/attention.h"
#include "cpu/fp16.h"
#include "cpu/ops.h"
#include "cpu/rope.h"

#include <QtTest>

#include <cmath>
#include <vector>

using namespace agora::cpu;

namespace {
bool near(float a, float b, float tolerance = 1e-6f) { return std::fabs(a - b) <= tolerance; }
} // namespace

class TestCpuOps : public QObject {
    Q_OBJECT
private slots:
    void rmsNormMatchesHandComputed()
    {
        const std::vector<float> x{1.0f, 2.0f, 3.0f, 4.0f};
        const std::vector<float> w{1.0f, 0.5f, 2.0f, -1.0f};
        std::vector<float> out(4);
        rmsNorm(x, w, 1e-5f, out);
        const float rms = std::sqrt((1.0f + 4.0f + 9.0f + 16.0f) / 4.0f + 1e-5f);
        for (size_t i = 0; i < x.size(); ++i)
            QVERIFY2(near(out[i], x[i] / rms * w[i]), qPrintable(QString::number(i)));
    }

    void rmsNormMayAliasInput()
    {
        std::vector<float> x{3.0f, -4.0f};
        const std::vector<float> w{1.0f, 1.0f};
        rmsNorm(x, w, 0.0f, x);
        const float rms = std::sqrt(12.5f);
        QVERIFY(near(x[0], 3.0f / rms));
        QVERIFY(near(x[1], -4.0f / rms));
    }

    void matVecIsRowMajor()
    {
        // w = [[1 2 3], [4 5 6]]; x = [1, 0, -1] -> [-2, -2]; x = [0,1,0] -> [2, 5]
        const std::vector<float> w{1, 2, 3, 4, 5, 6};
        std::vector<float> out(2);
        matVec(w, 2, 3, std::vector<float>{1, 0, -1}, out);
        QCOMPARE(out[0], -2.0f);
        QCOMPARE(out[1], -2.0f);
        matVec(w, 2, 3, std::vector<float>{0, 1, 0}, out);
        QCOMPARE(out[0], 2.0f);
        QCOMPARE(out[1], 5.0f);
    }

    void softmaxIsNormalisedAndShiftInvariant()
    {
        std::vector<float> a{1.0f, 2.0f, 3.0f};
        std::vector<float> b{1001.0f, 1002.0f, 1003.0f}; // would overflow exp without the max shift
        softmax(a);
        softmax(b);
        const double e = std::exp(1.0);
        const double sum = 1.0 + e + e * e;
        QVERIFY(near(a[0], float(1.0 / sum)));
        QVERIFY(near(a[2], float(e * e / sum)));
        for (size_t i = 0; i < 3; ++i)
            QVERIFY(near(a[i], b[i]));
    }

    void siluGateAndAdds()
    {
        const std::vector<float> gate{0.0f, 1.0f, -2.0f};
        const std::vector<float> up{5.0f, 2.0f, 3.0f};
        std::vector<float> out(3);
        siluGate(gate, up, out);
        QCOMPARE(out[0], 0.0f);
        QVERIFY(near(out[1], 2.0f / (1.0f + std::exp(-1.0f))));
        QVERIFY(near(out[2], 3.0f * -2.0f / (1.0f + std::exp(2.0f))));

        std::vector<float> rows{1, 2, 3, 4, 5, 6};
        addBiasRows(std::vector<float>{10, 20, 30}, rows);
        QCOMPARE(rows, (std::vector<float>{11, 22, 33, 14, 25, 36}));
        addInPlace(std::vector<float>{1, 1, 1, 1, 1, 1}, rows);
        QCOMPARE(rows, (std::vector<float>{12, 23, 34, 15, 26, 37}));
    }

    void halfConversionKnownValues()
    {
        QCOMPARE(floatToHalf(1.0f), uint16_t(0x3c00));
        QCOMPARE(floatToHalf(-2.0f), uint16_t(0xc000));
        QCOMPARE(floatToHalf(65504.0f), uint16_t(0x7bff));
        QCOMPARE(floatToHalf(65520.0f), uint16_t(0x7c00)); // rounds up past the largest finite half
        QCOMPARE(floatToHalf(std::ldexp(1.0f, -24)), uint16_t(0x0001)); // smallest subnormal
        QCOMPARE(floatToHalf(std::ldexp(1.0f, -26)), uint16_t(0x0000)); // below half of it
        QCOMPARE(floatToHalf(1.0f + std::ldexp(1.0f, -11)), uint16_t(0x3c00));     // tie -> even
        QCOMPARE(floatToHalf(1.0f + 3 * std::ldexp(1.0f, -11)), uint16_t(0x3c02)); // tie -> even
        QVERIFY(std::isnan(halfToFloat(floatToHalf(std::nanf("")))));
        QCOMPARE(halfToFloat(0x3555), 0.333251953125f);
    }

    void halfConversionRoundTripsEveryHalf()
    {
        for (uint32_t bits = 0; bits < 0x10000; ++bits) {
            const float value = halfToFloat(uint16_t(bits));
            if (std::isnan(value))
                continue;
            QCOMPARE(floatToHalf(value), uint16_t(bits));
        }
    }

    void ropeNormalRotatesAdjacentPairs()
    {
        std::vector<float> x{1, 0, 0, 1, 7}; // headDim 5, nDims 4: the last value passes through
        RopeParams params{RopeMode::Normal, 4, 10000.0f, 1.0f, {}};
        applyRope(x, 1, 5, 1, params);
        const float slow = 0.01f; // 10000^(-2/4)
        QVERIFY(near(x[0], std::cos(1.0f)));
        QVERIFY(near(x[1], std::sin(1.0f)));
        QVERIFY(near(x[2], -std::sin(slow)));
        QVERIFY(near(x[3], std::cos(slow)));
        QCOMPARE(x[4], 7.0f);
    }

    void ropeNeoxRotatesHalves()
    {
        std::vector<float> x{1, 0, 0, 1};
        RopeParams params{RopeMode::Neox, 4, 10000.0f, 1.0f, {}};
        applyRope(x, 1, 4, 1, params);
        // pairs (0,2) at angle 1 and (1,3) at angle 0.01
        QVERIFY(near(x[0], std::cos(1.0f)));
        QVERIFY(near(x[2], std::sin(1.0f)));
        QVERIFY(near(x[1], -std::sin(0.01f)));
        QVERIFY(near(x[3], std::cos(0.01f)));
    }

    void ropeFactorsAndScaleDivideTheAngle()
    {
        const std::vector<float> factors{2.0f, 1.0f};
        std::vector<float> withFactors{1, 0, 1, 0};
        applyRope(withFactors, 1, 4, 3, RopeParams{RopeMode::Normal, 4, 10000.0f, 1.0f, factors});
        QVERIFY(near(withFactors[0], std::cos(1.5f)));
        QVERIFY(near(withFactors[1], std::sin(1.5f)));
        QVERIFY(near(withFactors[2], std::cos(0.03f)));

        std::vector<float> scaled{1, 0, 1, 0};
        applyRope(scaled, 1, 4, 3, RopeParams{RopeMode::Normal, 4, 10000.0f, 0.25f, {}});
        QVERIFY(near(scaled[0], std::cos(0.75f)));
    }

    void ropeScoresDependOnlyOnRelativePosition()
    {
        const size_t headDim = 8;
        const std::vector<float> q0{0.3f, -1.2f, 0.5f, 0.9f, -0.4f, 0.1f, 1.1f, -0.7f};
        const std::vector<float> k0{-0.6f, 0.2f, 0.8f, -1.0f, 0.3f, 0.4f, -0.2f, 0.5f};
        for (RopeMode mode : {RopeMode::Normal, RopeMode::Neox}) {
            const RopeParams params{mode, headDim, 10000.0f, 1.0f, {}};
            auto score = [&](int64_t qPos, int64_t kPos) {
                std::vector<float> q = q0, k = k0;
                applyRope(q, 1, headDim, qPos, params);
                applyRope(k, 1, headDim, kPos, params);
                double dot = 0;
                for (size_t d = 0; d < headDim; ++d)
                    dot += double(q[d]) * k[d];
                return float(dot);
            };
            QVERIFY(near(score(5, 2), score(13, 10), 1e-5f));
            QVERIFY(near(score(40, 0), score(41, 1), 1e-5f));
        }
    }

    void attentionWithOnePositionReturnsValue()
    {
        // 4 query heads share 2 KV heads (GQA 2); headDim 2.
        AttentionShape shape{4, 2, 2, 1.0f, true};
        std::vector<uint16_t> k(2 * shape.kvRowSize()), v(2 * shape.kvRowSize());
        KvCacheLayer cache{k, v};
        writeKv(std::vector<float>{1, 2, 3, 4}, std::vector<float>{0.5f, -1, 2, 8}, 1, 0, shape, cache);
        std::vector<float> out(shape.qRowSize());
        attendOne(std::vector<float>(8, 0.25f), 1, shape, cache, out);
        QCOMPARE(out, (std::vector<float>{0.5f, -1, 0.5f, -1, 2, 8, 2, 8}));
    }

    void attentionWeighsPositionsBySoftmax()
    {
        AttentionShape shape{2, 1, 2, 0.5f, false};
        std::vector<uint16_t> k(2 * shape.kvRowSize()), v(2 * shape.kvRowSize());
        KvCacheLayer cache{k, v};
        // K rows (1,0) and (0,1); V rows (1,2) and (3,4).
        writeKv(std::vector<float>{1, 0, 0, 1}, std::vector<float>{1, 2, 3, 4}, 2, 0, shape, cache);
        // head 0 query (2,0): scores 1, 0; head 1 query (0,4): scores 0, 2.
        std::vector<float> out(4);
        attendOne(std::vector<float>{2, 0, 0, 4}, 2, shape, cache, out);
        const float p0 = float(std::exp(1.0) / (std::exp(1.0) + 1.0));
        const float p1 = float(1.0 / (1.0 + std::exp(2.0)));
        QVERIFY(near(out[0], p0 * 1 + (1 - p0) * 3, 1e-5f));
        QVERIFY(near(out[1], p0 * 2 + (1 - p0) * 4, 1e-5f));
        QVERIFY(near(out[2], p1 * 1 + (1 - p1) * 3, 1e-5f));
        QVERIFY(near(out[3], p1 * 2 + (1 - p1) * 4, 1e-5f));
    }

    void causalBatchMatchesTokenByToken()
    {
        AttentionShape shape{4, 2, 4, 0.5f, true};
        const size_t nTokens = 5;
        std::vector<float> q(nTokens * shape.qRowSize()), kv(nTokens * shape.kvRowSize());
        for (size_t i = 0; i < q.size(); ++i)
            q[i] = std::sin(float(i) * 0.37f);
        for (size_t i = 0; i < kv.size(); ++i)
            kv[i] = std::cos(float(i) * 0.23f);
        std::vector<uint16_t> k(8 * shape.kvRowSize()), v(8 * shape.kvRowSize());
        KvCacheLayer cache{k, v};
        writeKv(kv, kv, nTokens, 0, shape, cache);
        std::vector<float> batch(q.size());
        attendCausalBatch(q, nTokens, 0, shape, cache, batch);
        // Token 0 sees only itself: its output is exactly V row 0 per KV head.
        for (size_t h = 0; h < shape.nHead; ++h)
            for (size_t d = 0; d < shape.headDim; ++d)
                QCOMPARE(batch[h * 4 + d], roundToHalf(kv[(h / 2) * 4 + d]));
        for (size_t t = 0; t < nTokens; ++t) {
            std::vector<float> one(shape.qRowSize());
            attendOne(std::span<const float>(q).subspan(t * shape.qRowSize(), shape.qRowSize()), t + 1, shape, cache,
                      one);
            for (size_t i = 0; i < one.size(); ++i)
                QCOMPARE(batch[t * shape.qRowSize() + i], one[i]);
        }
    }
};

QTEST_GUILESS_MAIN(TestCpuOps)
#include "test_cpu_ops.moc"
