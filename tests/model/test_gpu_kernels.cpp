// The model-graph kernels on the Vulkan device (lavapipe in CI) against their CPU references:
// RoPE (normal, NeoX, partial dims, rope factors, scaled), the f16 KV store, RoPE and store in one
// dispatch against the two, causal GQA attention
// for one token and for a batch (more positions than a workgroup, so the online softmax rescales),
// SiLU gate, residual add, bias add and softmax. Mismatches are printed with their values.
#include "../gpu/gpu_test_util.h"

#include "cpu/attention.h"
#include "cpu/fp16.h"
#include "cpu/ops.h"
#include "cpu/rope.h"
#include "model/gpu_kernels.h"
#include "vk/buffer.h"
#include "vk/recorder.h"

#include <QtTest>

#include <cmath>
#include <cstring>

using namespace agora;

namespace {

int childMain(const char*) { return 99; }

struct Device {
    std::shared_ptr<vk::Context> context;
    std::unique_ptr<vk::CommandRecorder> recorder;
};

vk::Buffer makeBuffer(Device& d, size_t bytes)
{
    auto b = vk::Buffer::create(d.context, std::max<size_t>(bytes, 16), vk::MemoryUse::DeviceLocal);
    if (!b)
        qFatal("buffer: %s", b.error().message.c_str());
    return std::move(*b);
}

vk::Buffer upload(Device& d, const std::vector<float>& values)
{
    vk::Buffer b = makeBuffer(d, values.size() * sizeof(float));
    const auto done = vk::uploadFloats(*d.context, b, values);
    if (!done)
        qFatal("upload: %s", done.error().message.c_str());
    return b;
}

std::vector<float> downloadFloats(Device& d, const vk::Buffer& b, size_t n)
{
    std::vector<float> out(n);
    const auto done = vk::downloadFloats(*d.context, b, out);
    if (!done)
        qFatal("download: %s", done.error().message.c_str());
    return out;
}

std::vector<uint16_t> downloadHalves(Device& d, const vk::Buffer& b, size_t n)
{
    std::vector<uint16_t> out(n);
    const auto done = vk::download(*d.context, b, 0, std::as_writable_bytes(std::span(out)));
    if (!done)
        qFatal("download: %s", done.error().message.c_str());
    return out;
}

std::vector<float> relativeTolerance(const std::vector<float>& expected, float relative, float absolute)
{
    std::vector<float> tol(expected.size());
    for (size_t i = 0; i < expected.size(); ++i)
        tol[i] = absolute + relative * std::fabs(expected[i]);
    return tol;
}

bool submit(Device& d)
{
    const auto done = d.recorder->submit();
    if (!done)
        qWarning("submit: %s", done.error().message.c_str());
    d.recorder->reset();
    return done.ok();
}

} // namespace

class TestGpuKernels : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_device.context = gputest::openDevice();
        QVERIFY2(m_device.context, "no Vulkan device (lavapipe expected)");
        auto recorder = vk::CommandRecorder::create(m_device.context);
        QVERIFY(recorder.ok());
        m_device.recorder = std::move(*recorder);
    }

    void rope_data()
    {
        QTest::addColumn<bool>("neox");
        QTest::addColumn<int>("nDims");
        QTest::addColumn<bool>("factors");
        QTest::addColumn<float>("freqScale");
        QTest::addColumn<float>("base");
        QTest::newRow("normal") << false << 64 << false << 1.0f << 10000.0f;
        QTest::newRow("neox") << true << 64 << false << 1.0f << 1000000.0f;
        QTest::newRow("normal-partial-dims") << false << 48 << false << 1.0f << 10000.0f;
        QTest::newRow("neox-partial-dims") << true << 32 << false << 1.0f << 10000.0f;
        QTest::newRow("llama3-factors") << false << 64 << true << 1.0f << 500000.0f;
        QTest::newRow("linear-scaled") << false << 64 << false << 0.25f << 10000.0f;
    }

    void rope()
    {
        QFETCH(bool, neox);
        QFETCH(int, nDims);
        QFETCH(bool, factors);
        QFETCH(float, freqScale);
        QFETCH(float, base);
        const uint32_t headDim = 64, nHeads = 6, nTokens = 7, firstPos = 91;
        std::vector<float> x = gputest::randomFloats(size_t(nTokens) * nHeads * headDim, 11, 2.0f);
        std::vector<float> factorValues(size_t(nDims) / 2);
        for (size_t i = 0; i < factorValues.size(); ++i)
            factorValues[i] = 1.0f + float(i % 5); // like Llama-3: 1 for fast pairs, larger for slow ones

        vk::Buffer xBuffer = upload(m_device, x);
        vk::Buffer factorBuffer = upload(m_device, factorValues);
        model::gpu::RopeArgs args{headDim, nHeads, uint32_t(nDims), nTokens, firstPos, base, freqScale, neox, factors};
        model::gpu::recordRope(*m_device.recorder, *m_device.context, xBuffer.range(), factorBuffer.range(), args);
        QVERIFY(submit(m_device));
        const std::vector<float> gpu = downloadFloats(m_device, xBuffer, x.size());

        cpu::RopeParams params{neox ? cpu::RopeMode::Neox : cpu::RopeMode::Normal, size_t(nDims), base, freqScale,
                               factors ? std::span<const float>(factorValues) : std::span<const float>()};
        std::vector<float> expected = x;
        cpu::applyRopeBatch(expected, nTokens, nHeads, headDim, firstPos, params);
        // A float angle of ~100 rad carries ~1e-5 absolute error; values are up to ~3.
        QVERIFY(gputest::compareWithTolerance("rope", expected, gpu, relativeTolerance(expected, 1e-4f, 1e-4f)));
    }

    void ropeStore_data() { rope_data(); }

    // RopeStore against recordRope of q and of k followed by recordKvStore: the same bits in q and in
    // both caches, k left as it was, slots outside the batch untouched; a ring smaller than the
    // positions wraps the batch's rows.
    void ropeStore()
    {
        QFETCH(bool, neox);
        QFETCH(int, nDims);
        QFETCH(bool, factors);
        QFETCH(float, freqScale);
        QFETCH(float, base);
        const uint32_t headDim = 64, nHeadQ = 6, nKvHead = 2, nTokens = 7, firstPos = 91, ring = 40;
        const size_t kvRow = size_t(nKvHead) * headDim;
        const std::vector<float> q = gputest::randomFloats(size_t(nTokens) * nHeadQ * headDim, 31, 2.0f);
        const std::vector<float> k = gputest::randomFloats(nTokens * kvRow, 32, 2.0f);
        const std::vector<float> v = gputest::randomFloats(nTokens * kvRow, 33, 2.0f);
        std::vector<float> factorValues(size_t(nDims) / 2);
        for (size_t i = 0; i < factorValues.size(); ++i)
            factorValues[i] = 1.0f + float(i % 5);
        const std::vector<float> marks(ring * kvRow / 2, 1.0f); // f16 pairs that no store writes
        vk::Buffer factorBuffer = upload(m_device, factorValues);
        model::gpu::RopeArgs args{headDim, nHeadQ, uint32_t(nDims), nTokens, firstPos, base, freqScale, neox, factors};

        // The reference: three dispatches.
        vk::Buffer q1 = upload(m_device, q), k1 = upload(m_device, k), v1 = upload(m_device, v);
        vk::Buffer kc1 = upload(m_device, marks), vc1 = upload(m_device, marks);
        model::gpu::recordRope(*m_device.recorder, *m_device.context, q1.range(), factorBuffer.range(), args);
        model::gpu::RopeArgs kArgs = args;
        kArgs.nHeads = nKvHead;
        model::gpu::recordRope(*m_device.recorder, *m_device.context, k1.range(), factorBuffer.range(), kArgs);
        model::gpu::recordKvStore(*m_device.recorder, *m_device.context, k1.range(), v1.range(), kc1.range(),
                                  vc1.range(), uint32_t(kvRow), nTokens, firstPos, ring);
        QVERIFY(submit(m_device));

        vk::Buffer q2 = upload(m_device, q), k2 = upload(m_device, k), v2 = upload(m_device, v);
        vk::Buffer kc2 = upload(m_device, marks), vc2 = upload(m_device, marks);
        model::gpu::recordRopeStore(*m_device.recorder, *m_device.context, q2.range(), k2.range(), v2.range(),
                                    factorBuffer.range(), kc2.range(), vc2.range(), args, nKvHead, ring);
        QVERIFY(submit(m_device));
        QCOMPARE(m_device.recorder->dispatchCount(), 0u); // reset after the submit

        const auto sameBits = [](const char* what, const auto& expected, const auto& actual) {
            int mismatches = 0;
            for (size_t i = 0; i < expected.size(); ++i) {
                if (std::memcmp(&expected[i], &actual[i], sizeof(expected[i])) != 0 && mismatches++ < 8)
                    qWarning("%s %zu: expected %g, got %g", what, i, double(expected[i]), double(actual[i]));
            }
            return mismatches;
        };
        QCOMPARE(sameBits("q", downloadFloats(m_device, q1, q.size()), downloadFloats(m_device, q2, q.size())), 0);
        QCOMPARE(sameBits("k", k, downloadFloats(m_device, k2, k.size())), 0);
        const std::vector<uint16_t> expectedK = downloadHalves(m_device, kc1, ring * kvRow);
        const std::vector<uint16_t> expectedV = downloadHalves(m_device, vc1, ring * kvRow);
        QCOMPARE(sameBits("k cache", expectedK, downloadHalves(m_device, kc2, ring * kvRow)), 0);
        QCOMPARE(sameBits("v cache", expectedV, downloadHalves(m_device, vc2, ring * kvRow)), 0);
        // Positions 91..97 land in slots 11..17; slot 10 and 18 keep their marks, slot 11 was written.
        const uint16_t mark = downloadHalves(m_device, kc2, 2)[0];
        QCOMPARE(downloadHalves(m_device, kc2, ring * kvRow)[10 * kvRow], mark);
        QCOMPARE(downloadHalves(m_device, vc2, ring * kvRow)[18 * kvRow], mark);
        QVERIFY(downloadHalves(m_device, kc2, ring * kvRow)[11 * kvRow] != mark);
    }

    void kvStoreWritesHalves()
    {
        const uint32_t kvRow = 64, nTokens = 5, firstPos = 3, capacity = 16;
        const std::vector<float> k = gputest::randomFloats(size_t(nTokens) * kvRow, 21, 4.0f);
        const std::vector<float> v = gputest::randomFloats(size_t(nTokens) * kvRow, 22, 4.0f);
        vk::Buffer kBuffer = upload(m_device, k), vBuffer = upload(m_device, v);
        const std::vector<float> zeros(size_t(capacity) * kvRow / 2, 0.0f); // f16 zeros are zero bits
        vk::Buffer kCache = upload(m_device, zeros), vCache = upload(m_device, zeros);
        model::gpu::recordKvStore(*m_device.recorder, *m_device.context, kBuffer.range(), vBuffer.range(),
                                  kCache.range(), vCache.range(), kvRow, nTokens, firstPos);
        QVERIFY(submit(m_device));
        const auto gk = downloadHalves(m_device, kCache, size_t(capacity) * kvRow);
        const auto gv = downloadHalves(m_device, vCache, size_t(capacity) * kvRow);

        std::vector<uint16_t> ek(gk.size(), 0), ev(gv.size(), 0);
        cpu::AttentionShape shape{2, 2, kvRow / 2, 1.0f, false};
        cpu::writeKv(k, v, nTokens, firstPos, shape, cpu::KvCacheLayer{ek, ev});
        int mismatches = 0;
        for (size_t i = 0; i < ek.size(); ++i) {
            if ((gk[i] != ek[i] || gv[i] != ev[i]) && mismatches++ < 8)
                qWarning("half %zu: gpu k %04x v %04x, expected k %04x v %04x", i, gk[i], gv[i], ek[i], ev[i]);
        }
        QCOMPARE(mismatches, 0);
    }

    void attention_data()
    {
        QTest::addColumn<int>("nTokens");
        QTest::addColumn<int>("firstPos");
        QTest::addColumn<int>("headDim");
        QTest::addColumn<int>("nHead");
        QTest::addColumn<int>("nKvHead");
        QTest::newRow("one-token-at-0") << 1 << 0 << 32 << 8 << 2;
        QTest::newRow("one-token-deep") << 1 << 130 << 64 << 8 << 2;
        QTest::newRow("batch-from-0") << 40 << 0 << 32 << 8 << 2;
        QTest::newRow("batch-after-prefix") << 9 << 77 << 64 << 4 << 4;
        QTest::newRow("head-dim-128-gqa-8") << 3 << 50 << 128 << 16 << 2;
    }

    void attention()
    {
        QFETCH(int, nTokens);
        QFETCH(int, firstPos);
        QFETCH(int, headDim);
        QFETCH(int, nHead);
        QFETCH(int, nKvHead);
        const size_t nPositions = size_t(firstPos + nTokens);
        cpu::AttentionShape shape{size_t(nHead), size_t(nKvHead), size_t(headDim),
                                  1.0f / std::sqrt(float(headDim)), false};
        // Random cache contents for every position; q scaled so that the softmax is peaked
        // enough to matter but not one-hot.
        std::vector<float> kAll = gputest::randomFloats(nPositions * shape.kvRowSize(), 31, 2.0f);
        std::vector<float> vAll = gputest::randomFloats(nPositions * shape.kvRowSize(), 32, 2.0f);
        std::vector<float> q = gputest::randomFloats(size_t(nTokens) * shape.qRowSize(), 33, 2.0f);
        std::vector<uint16_t> kHalves(nPositions * shape.kvRowSize()), vHalves(kHalves.size());
        cpu::writeKv(kAll, vAll, nPositions, 0, shape, cpu::KvCacheLayer{kHalves, vHalves});
        std::vector<float> expected(q.size());
        cpu::attendCausalBatch(q, size_t(nTokens), size_t(firstPos), shape, cpu::KvCacheLayer{kHalves, vHalves},
                               expected);

        vk::Buffer kCache = makeBuffer(m_device, kHalves.size() * 2), vCache = makeBuffer(m_device, vHalves.size() * 2);
        QVERIFY(vk::upload(*m_device.context, kCache, 0, std::as_bytes(std::span(kHalves))).ok());
        QVERIFY(vk::upload(*m_device.context, vCache, 0, std::as_bytes(std::span(vHalves))).ok());
        vk::Buffer qBuffer = upload(m_device, q);
        vk::Buffer out = makeBuffer(m_device, q.size() * sizeof(float));
        model::gpu::AttentionArgs args{uint32_t(headDim), uint32_t(nHead), uint32_t(nKvHead), uint32_t(nTokens),
                                       uint32_t(firstPos), shape.scale};
        model::gpu::recordAttention(*m_device.recorder, *m_device.context, qBuffer.range(), kCache.range(),
                                    vCache.range(), out.range(), args);
        QVERIFY(submit(m_device));
        const std::vector<float> gpu = downloadFloats(m_device, out, q.size());
        // Outputs are convex combinations of V values (|v| <= 2): judge against that scale.
        QVERIFY(gputest::compareWithTolerance("attention", expected, gpu, relativeTolerance(expected, 1e-5f, 2e-5f)));
    }

    void elementwise()
    {
        const uint32_t width = 96, rows = 5, count = width * rows;
        const std::vector<float> a = gputest::randomFloats(count, 41, 6.0f);
        const std::vector<float> b = gputest::randomFloats(count, 42, 3.0f);
        const std::vector<float> bias = gputest::randomFloats(width, 43, 1.0f);
        vk::Buffer aBuffer = upload(m_device, a), bBuffer = upload(m_device, b), biasBuffer = upload(m_device, bias);
        vk::Buffer gated = makeBuffer(m_device, count * sizeof(float));
        vk::Buffer biased = makeBuffer(m_device, count * sizeof(float));
        model::gpu::recordSiluGate(*m_device.recorder, *m_device.context, aBuffer.range(), bBuffer.range(),
                                   gated.range(), count);
        model::gpu::recordBiasAdd(*m_device.recorder, *m_device.context, aBuffer.range(), biasBuffer.range(),
                                  biased.range(), count, width);
        // In place, as the residual stream is updated: b = a + b.
        model::gpu::recordAdd(*m_device.recorder, *m_device.context, aBuffer.range(), bBuffer.range(),
                              bBuffer.range(), count);
        QVERIFY(submit(m_device));

        std::vector<float> expectGated(count), expectBiased = a, expectSum = b;
        cpu::siluGate(a, b, expectGated);
        cpu::addBiasRows(bias, expectBiased);
        cpu::addInPlace(a, expectSum);
        QVERIFY(gputest::compareWithTolerance("silu-gate", expectGated, downloadFloats(m_device, gated, count),
                                              relativeTolerance(expectGated, 1e-6f, 1e-6f)));
        QVERIFY(gputest::compareWithTolerance("bias-add", expectBiased, downloadFloats(m_device, biased, count),
                                              relativeTolerance(expectBiased, 1e-7f, 1e-7f)));
        QVERIFY(gputest::compareWithTolerance("add-in-place", expectSum, downloadFloats(m_device, bBuffer, count),
                                              relativeTolerance(expectSum, 1e-7f, 1e-7f)));
    }

    void matMulBatchesTokens()
    {
        // W split in two bindings (as a matrix beyond maxStorageBufferRange is), odd sizes, a token
        // count that leaves a partial tile, and a product of only the last rows (xFirstRow).
        const uint32_t rows = 301, cols = 203, nTokens = 13, split = 180;
        const std::vector<float> w = gputest::randomFloats(size_t(rows) * cols, 61, 1.0f);
        const std::vector<float> x = gputest::randomFloats(size_t(nTokens) * cols, 62, 1.0f);
        vk::Buffer w0 = upload(m_device, std::vector<float>(w.begin(), w.begin() + size_t(split) * cols));
        vk::Buffer w1 = upload(m_device, std::vector<float>(w.begin() + size_t(split) * cols, w.end()));
        vk::Buffer xBuffer = upload(m_device, x);
        vk::Buffer y = makeBuffer(m_device, size_t(nTokens) * rows * sizeof(float));
        vk::Buffer last = makeBuffer(m_device, size_t(2) * rows * sizeof(float));
        auto& rec = *m_device.recorder;
        model::gpu::recordMatMulF32(rec, *m_device.context, w0.range(), split, cols, xBuffer.range(), y.range(),
                                    {nTokens, 0, 0, rows});
        model::gpu::recordMatMulF32(rec, *m_device.context, w1.range(), rows - split, cols, xBuffer.range(),
                                    y.range(), {nTokens, 0, split, rows});
        model::gpu::recordMatMulF32(rec, *m_device.context, w0.range(), split, cols, xBuffer.range(), last.range(),
                                    {2, nTokens - 2, 0, rows});
        model::gpu::recordMatMulF32(rec, *m_device.context, w1.range(), rows - split, cols, xBuffer.range(),
                                    last.range(), {2, nTokens - 2, split, rows});
        QVERIFY(submit(m_device));

        std::vector<float> expected(size_t(nTokens) * rows), tolerance(expected.size());
        for (uint32_t t = 0; t < nTokens; ++t) {
            cpu::matVec(w, rows, cols, std::span(x).subspan(size_t(t) * cols, cols),
                        std::span(expected).subspan(size_t(t) * rows, rows));
            for (uint32_t r = 0; r < rows; ++r) {
                double magnitude = 0; // float rounding scales with sum |w*x|
                for (uint32_t c = 0; c < cols; ++c)
                    magnitude += std::fabs(double(w[size_t(r) * cols + c]) * x[size_t(t) * cols + c]);
                tolerance[size_t(t) * rows + r] = float(1e-6 * magnitude) + 1e-6f;
            }
        }
        QVERIFY(gputest::compareWithTolerance("matmul", expected, downloadFloats(m_device, y, expected.size()),
                                              tolerance));
        const std::vector<float> expectLast(expected.end() - 2 * rows, expected.end());
        QVERIFY(gputest::compareWithTolerance("matmul-last-rows", expectLast, downloadFloats(m_device, last, 2 * rows),
                                              std::vector<float>(tolerance.end() - 2 * rows, tolerance.end())));
    }

    void softmax()
    {
        const uint32_t rows = 3, cols = 1000;
        std::vector<float> x = gputest::randomFloats(size_t(rows) * cols, 51, 8.0f);
        x[5] = 500.0f; // a huge logit must not overflow
        vk::Buffer buffer = upload(m_device, x);
        model::gpu::recordSoftmax(*m_device.recorder, *m_device.context, buffer.range(), rows, cols);
        QVERIFY(submit(m_device));
        std::vector<float> expected = x;
        for (uint32_t r = 0; r < rows; ++r)
            cpu::softmax(std::span(expected).subspan(size_t(r) * cols, cols));
        QVERIFY(gputest::compareWithTolerance("softmax", expected, downloadFloats(m_device, buffer, x.size()),
                                              relativeTolerance(expected, 1e-5f, 1e-9f)));
    }

    void cleanupTestCase()
    {
        m_device.recorder.reset();
        m_device.context.reset();
    }

private:
    Device m_device;
};

AGORA_GPU_TEST_MAIN(TestGpuKernels, childMain)
#include "test_gpu_kernels.moc"
