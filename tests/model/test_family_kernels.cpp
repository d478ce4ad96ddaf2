// The kernels of the newer families on the Vulkan device (lavapipe in CI) against their CPU
// references: GELU(tanh) gate, softcap and scale (family_elementwise.comp), the per-head RMSNorm
// (the norm kernel over head-sized rows), and attention with a score softcap and a sliding
// window, for one token and for a batch whose window cuts through a workgroup-sized chunk.
#include "../gpu/gpu_test_util.h"

#include "cpu/attention.h"
#include "cpu/family_ops.h"
#include "cpu/ops.h"
#include "model/gpu_kernels.h"
#include "vk/basic_kernels.h"
#include "vk/buffer.h"
#include "vk/recorder.h"

#include <QtTest>

#include <cmath>

using namespace agora;

namespace {

int childMain(const char*) { return 99; }

std::vector<float> tolerance(const std::vector<float>& expected, float relative, float absolute)
{
    std::vector<float> tol(expected.size());
    for (size_t i = 0; i < expected.size(); ++i)
        tol[i] = absolute + relative * std::fabs(expected[i]);
    return tol;
}

} // namespace

class TestFamilyKernels : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_context = gputest::openDevice();
        QVERIFY2(m_context, "no Vulkan device (lavapipe expected)");
        auto recorder = vk::CommandRecorder::create(m_context);
        QVERIFY(recorder.ok());
        m_recorder = std::move(*recorder);
    }

    void geluGateSoftcapScale()
    {
        const uint32_t count = 1000;
        std::vector<float> gate = gputest::randomFloats(count, 51, 6.0f);
        gate[0] = 40.0f; // saturated tails
        gate[1] = -40.0f;
        const std::vector<float> up = gputest::randomFloats(count, 52, 3.0f);
        std::vector<float> logits = gputest::randomFloats(count, 53, 60.0f);
        const std::vector<float> x = gputest::randomFloats(count, 54, 2.0f);
        vk::Buffer gateBuffer = upload(gate), upBuffer = upload(up), logitBuffer = upload(logits), xBuffer = upload(x);
        vk::Buffer gated = makeBuffer(count * sizeof(float));
        model::gpu::recordGeluGate(*m_recorder, *m_context, gateBuffer.range(), upBuffer.range(), gated.range(), count);
        model::gpu::recordSoftcap(*m_recorder, *m_context, logitBuffer.range(), count, 30.0f);
        model::gpu::recordScale(*m_recorder, *m_context, xBuffer.range(), count, 16.0f);
        QVERIFY(submit());

        std::vector<float> expectGated(count), expectCapped = logits, expectScaled = x;
        cpu::geluGate(gate, up, expectGated, false);
        cpu::softcap(expectCapped, 30.0f);
        for (float& v : expectScaled)
            v *= 16.0f;
        QVERIFY(gputest::compareWithTolerance("gelu-gate", expectGated, download(gated, count),
                                              tolerance(expectGated, 1e-5f, 1e-5f)));
        QVERIFY(gputest::compareWithTolerance("softcap", expectCapped, download(logitBuffer, count),
                                              tolerance(expectCapped, 1e-5f, 1e-5f)));
        QVERIFY(gputest::compareWithTolerance("scale", expectScaled, download(xBuffer, count),
                                              tolerance(expectScaled, 1e-7f, 0.0f)));
        // The softcap bounds every value by the cap.
        for (float v : download(logitBuffer, count))
            QVERIFY(std::fabs(v) <= 30.0f);
    }

    void perHeadRmsNorm()
    {
        const uint32_t headDim = 64, nHeads = 4, nTokens = 3;
        const std::vector<float> q = gputest::randomFloats(headDim * nHeads * nTokens, 61, 3.0f);
        std::vector<float> weight = gputest::randomFloats(headDim, 62, 0.2f);
        for (float& w : weight)
            w += 1.0f;
        vk::Buffer qBuffer = upload(q), weightBuffer = upload(weight);
        vk::recordRmsNorm(*m_recorder, *m_context, qBuffer.range(), weightBuffer.range(), qBuffer.range(),
                          nHeads * nTokens, headDim, 1e-6f);
        QVERIFY(submit());
        std::vector<float> expected = q;
        cpu::rmsNormHeads(expected, weight, 1e-6f);
        QVERIFY(gputest::compareWithTolerance("per-head rmsnorm", expected, download(qBuffer, q.size()),
                                              tolerance(expected, 1e-5f, 1e-6f)));
    }

    void softcappedSlidingWindowAttention_data()
    {
        QTest::addColumn<int>("nTokens");
        QTest::addColumn<int>("firstPos");
        QTest::addColumn<int>("window");
        QTest::addColumn<float>("softcap");
        QTest::newRow("decode-past-window") << 1 << 90 << 16 << 50.0f;
        QTest::newRow("batch-across-window") << 40 << 0 << 16 << 0.0f;
        QTest::newRow("batch-after-prefix-capped") << 24 << 70 << 16 << 50.0f;
        QTest::newRow("window-larger-than-context") << 8 << 4 << 4096 << 30.0f;
        QTest::newRow("window-beyond-one-chunk") << 5 << 200 << 100 << 0.0f;
    }

    void softcappedSlidingWindowAttention()
    {
        QFETCH(int, nTokens);
        QFETCH(int, firstPos);
        QFETCH(int, window);
        QFETCH(float, softcap);
        const size_t nPositions = size_t(firstPos + nTokens);
        cpu::AttentionShape shape{4, 2, 64, 0.125f, false};
        shape.softcap = softcap;
        shape.window = size_t(window);
        // Scores of std ~ 8 before the cap, as in the gemma2 fixture.
        std::vector<float> kAll = gputest::randomFloats(nPositions * shape.kvRowSize(), 71, 2.0f);
        std::vector<float> vAll = gputest::randomFloats(nPositions * shape.kvRowSize(), 72, 2.0f);
        std::vector<float> q = gputest::randomFloats(size_t(nTokens) * shape.qRowSize(), 73, 4.0f);
        std::vector<uint16_t> kHalves(nPositions * shape.kvRowSize()), vHalves(kHalves.size());
        cpu::writeKv(kAll, vAll, nPositions, 0, shape, cpu::KvCacheLayer{kHalves, vHalves});
        std::vector<float> expected(q.size());
        cpu::attendCausalBatch(q, size_t(nTokens), size_t(firstPos), shape, cpu::KvCacheLayer{kHalves, vHalves},
                               expected);

        vk::Buffer kCache = makeBuffer(kHalves.size() * 2), vCache = makeBuffer(vHalves.size() * 2);
        QVERIFY(vk::upload(*m_context, kCache, 0, std::as_bytes(std::span(kHalves))).ok());
        QVERIFY(vk::upload(*m_context, vCache, 0, std::as_bytes(std::span(vHalves))).ok());
        vk::Buffer qBuffer = upload(q);
        vk::Buffer out = makeBuffer(q.size() * sizeof(float));
        model::gpu::AttentionArgs args{64, 4, 2, uint32_t(nTokens), uint32_t(firstPos), shape.scale, softcap,
                                       uint32_t(window)};
        model::gpu::recordAttention(*m_recorder, *m_context, qBuffer.range(), kCache.range(), vCache.range(),
                                    out.range(), args);
        QVERIFY(submit());
        QVERIFY(gputest::compareWithTolerance("attention", expected, download(out, q.size()),
                                              tolerance(expected, 1e-4f, 1e-4f)));

        // The window matters here: without it the reference answer differs.
        if (size_t(window) < nPositions) {
            cpu::AttentionShape unwindowed = shape;
            unwindowed.window = 0;
            std::vector<float> full(q.size());
            cpu::attendCausalBatch(q, size_t(nTokens), size_t(firstPos), unwindowed,
                                   cpu::KvCacheLayer{kHalves, vHalves}, full);
            float maxDiff = 0;
            for (size_t i = 0; i < full.size(); ++i)
                maxDiff = std::max(maxDiff, std::fabs(full[i] - expected[i]));
            QVERIFY(maxDiff > 0.01f);
        }
    }

    void cleanupTestCase()
    {
        m_recorder.reset();
        m_context.reset();
    }

private:
    vk::Buffer makeBuffer(size_t bytes)
    {
        auto b = vk::Buffer::create(m_context, std::max<size_t>(bytes, 16), vk::MemoryUse::DeviceLocal);
        if (!b)
            qFatal("buffer: %s", b.error().message.c_str());
        return std::move(*b);
    }

    vk::Buffer upload(const std::vector<float>& values)
    {
        vk::Buffer b = makeBuffer(values.size() * sizeof(float));
        if (!vk::uploadFloats(*m_context, b, values))
            qFatal("upload failed");
        return b;
    }

    std::vector<float> download(const vk::Buffer& b, size_t n)
    {
        std::vector<float> out(n);
        if (!vk::downloadFloats(*m_context, b, out))
            qFatal("download failed");
        return out;
    }

    bool submit()
    {
        const auto done = m_recorder->submit();
        if (!done)
            qWarning("submit: %s", done.error().message.c_str());
        m_recorder->reset();
        return done.ok();
    }

    std::shared_ptr<vk::Context> m_context;
    std::unique_ptr<vk::CommandRecorder> m_recorder;
};

AGORA_GPU_TEST_MAIN(TestFamilyKernels, childMain)
#include "test_family_kernels.moc"
