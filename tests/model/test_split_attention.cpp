// Split-KV attention (shaders/attention_split.comp + attention_merge.comp) on the Vulkan device
// (lavapipe in CI) against the CPU reference (cpu::attendCausalBatch, f32 math) and against the
// simple one-workgroup-per-head kernel: decode and batches at 1, 7, 64, 1000 and 4096 positions
// with grouped-query heads, the plan's own split count and forced ones (1, many), sliding windows
// over a ring cache that holds only window + batch - 1 ringSlots, the output packed as Q8_0 codes in the
// same dispatch, RoPE and the KV store inside the attention's dispatch (the same bits as the two
// kernels), and the ring KV store. Mismatches
// are printed with their values; the time of both kernels at 4096 positions is printed.
#include "../gpu/gpu_test_util.h"

#include "cpu/attention.h"
#include "cpu/fp16.h"
#include "model/gpu_kernels.h"
#include "model/split_attention.h"
#include "vk/quant_kernels.h"
#include "vk/buffer.h"
#include "vk/recorder.h"

#include <QtTest>

#include <thread>

#include <cmath>
#include <cstring>
#include <ctime>

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

template <typename T> vk::Buffer upload(Device& d, const std::vector<T>& values)
{
    vk::Buffer b = makeBuffer(d, values.size() * sizeof(T));
    if (!vk::upload(*d.context, b, 0, std::as_bytes(std::span(values))).ok())
        qFatal("upload failed");
    return b;
}

template <typename T> std::vector<T> download(Device& d, const vk::Buffer& b, size_t n)
{
    std::vector<T> out(n);
    if (!vk::download(*d.context, b, 0, std::as_writable_bytes(std::span(out))).ok())
        qFatal("download failed");
    return out;
}

bool submit(Device& d)
{
    const auto done = d.recorder->submit();
    if (!done)
        qWarning("submit: %s", done.error().message.c_str());
    d.recorder->reset();
    return done.ok();
}

// Outputs are convex combinations of V values (|v| <= 2); f32 sums over thousands of keys in
// another order differ by a few ulps of that scale.
std::vector<float> tolerance(const std::vector<float>& expected)
{
    std::vector<float> tol(expected.size());
    for (size_t i = 0; i < expected.size(); ++i)
        tol[i] = 3e-5f + 2e-5f * std::fabs(expected[i]);
    return tol;
}

struct Case {
    cpu::AttentionShape shape;
    size_t nTokens = 1;
    size_t firstPos = 0;
    std::vector<uint16_t> kHalves, vHalves; // every position 0..firstPos+nTokens-1
    std::vector<float> q;
    std::vector<float> expected;

    size_t positions() const { return firstPos + nTokens; }
};

Case makeCase(int nTokens, int firstPos, int headDim, int nHead, int nKvHead, int window, float softcap)
{
    Case c;
    c.shape = cpu::AttentionShape{size_t(nHead), size_t(nKvHead), size_t(headDim), 1.0f / std::sqrt(float(headDim)),
                                  false, softcap, size_t(window)};
    c.nTokens = size_t(nTokens);
    c.firstPos = size_t(firstPos);
    const size_t kvValues = c.positions() * c.shape.kvRowSize();
    const std::vector<float> k = gputest::randomFloats(kvValues, 71 + uint32_t(firstPos), 2.0f);
    const std::vector<float> v = gputest::randomFloats(kvValues, 72 + uint32_t(firstPos), 2.0f);
    c.q = gputest::randomFloats(c.nTokens * c.shape.qRowSize(), 73, 2.0f);
    c.kHalves.resize(kvValues);
    c.vHalves.resize(kvValues);
    cpu::writeKv(k, v, c.positions(), 0, c.shape, cpu::KvCacheLayer{c.kHalves, c.vHalves});
    c.expected.resize(c.q.size());
    cpu::attendCausalBatch(c.q, c.nTokens, c.firstPos, c.shape, cpu::KvCacheLayer{c.kHalves, c.vHalves}, c.expected);
    return c;
}

model::gpu::AttentionArgs argsOf(const Case& c, uint32_t ringSize)
{
    return model::gpu::AttentionArgs{uint32_t(c.shape.headDim), uint32_t(c.shape.nHead), uint32_t(c.shape.nKvHead),
                                     uint32_t(c.nTokens),       uint32_t(c.firstPos),     c.shape.scale,
                                     c.shape.softcap,           uint32_t(c.shape.window), ringSize};
}

// The columns of the data-driven tests over attention shapes (forceSplits 0: the plan's choice)
// and the current row's values.
void addShapeColumns()
{
    QTest::addColumn<int>("nTokens");
    QTest::addColumn<int>("firstPos");
    QTest::addColumn<int>("headDim");
    QTest::addColumn<int>("nHead");
    QTest::addColumn<int>("nKvHead");
    QTest::addColumn<int>("forceSplits");
}

struct Shape {
    int nTokens, firstPos, headDim, nHead, nKvHead, forceSplits;
};

Shape fetchShape()
{
    QFETCH(int, nTokens);
    QFETCH(int, firstPos);
    QFETCH(int, headDim);
    QFETCH(int, nHead);
    QFETCH(int, nKvHead);
    QFETCH(int, forceSplits);
    return Shape{nTokens, firstPos, headDim, nHead, nKvHead, forceSplits};
}

} // namespace

class TestSplitAttention : public QObject {
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

    void matchesReference_data()
    {
        addShapeColumns();
        QTest::newRow("decode-1-position") << 1 << 0 << 64 << 8 << 2 << 0;
        QTest::newRow("decode-7-positions") << 1 << 6 << 64 << 8 << 2 << 0;
        QTest::newRow("decode-64-positions") << 1 << 63 << 64 << 8 << 2 << 0;
        QTest::newRow("decode-1000-positions") << 1 << 999 << 64 << 14 << 2 << 0;
        QTest::newRow("decode-4096-positions") << 1 << 4095 << 64 << 14 << 2 << 0;
        QTest::newRow("decode-4096-one-split") << 1 << 4095 << 64 << 14 << 2 << 1;
        QTest::newRow("decode-4096-32-splits") << 1 << 4095 << 64 << 14 << 2 << 32;
        QTest::newRow("decode-1000-head-128-gqa-8") << 1 << 999 << 128 << 16 << 2 << 0;
        QTest::newRow("decode-1000-head-256") << 1 << 999 << 256 << 4 << 2 << 0;
        QTest::newRow("batch-7-from-0") << 7 << 0 << 64 << 8 << 2 << 0;
        QTest::newRow("batch-9-after-1000") << 9 << 991 << 64 << 8 << 2 << 0;
        QTest::newRow("batch-64-from-0") << 64 << 0 << 32 << 4 << 4 << 0;
        QTest::newRow("batch-3-after-4093-many-splits") << 3 << 4093 << 64 << 4 << 1 << 24;
        QTest::newRow("decode-1000-no-gqa") << 1 << 999 << 96 << 6 << 6 << 0;
        QTest::newRow("decode-1000-group-16") << 1 << 999 << 64 << 16 << 1 << 0;
        QTest::newRow("batch-5-after-300-group-6") << 5 << 300 << 128 << 12 << 2 << 0;
    }

    void matchesReference()
    {
        const Shape shape = fetchShape();
        const int nTokens = shape.nTokens, firstPos = shape.firstPos, headDim = shape.headDim, nHead = shape.nHead;
        const int forceSplits = shape.forceSplits;
        const Case c = makeCase(nTokens, firstPos, headDim, nHead, shape.nKvHead, 0, 0.0f);
        const model::gpu::AttentionArgs args = argsOf(c, 0);
        const uint64_t scratchBytes = model::gpu::splitAttentionScratchBytes(uint32_t(headDim));
        const model::gpu::SplitAttentionPlan plan =
            model::gpu::planSplitAttention(*m_device.context, args, scratchBytes, uint32_t(forceSplits));
        qInfo("%zu positions: %u splits of %u positions, workgroup %u, block %u, %u heads per workgroup", c.positions(),
              plan.nSplits, plan.splitLength, plan.workgroup, plan.block, plan.headsPerGroup);
        if (forceSplits == 0 && nTokens == 1 && firstPos >= 999) {
            // A long decode keeps the device busy: on a CPU device a workgroup for every thread
            // (more only add the splits' fixed costs), on a GPU many splits.
            const uint64_t workgroups = uint64_t(plan.nSplits) * uint32_t(nHead) / plan.headsPerGroup;
            if (m_device.context->info().type == DeviceType::Cpu)
                QVERIFY2(workgroups >= std::max(2u, std::thread::hardware_concurrency()),
                         "a long decode must give every CPU thread a workgroup");
            else
                QVERIFY2(plan.nSplits > 1, "a long decode must be split");
        }

        vk::Buffer kCache = upload(m_device, c.kHalves), vCache = upload(m_device, c.vHalves);
        vk::Buffer qBuffer = upload(m_device, c.q);
        vk::Buffer scratch = makeBuffer(m_device, scratchBytes);
        vk::Buffer out = makeBuffer(m_device, c.q.size() * sizeof(float));
        vk::Buffer sharedScoresOut = makeBuffer(m_device, c.q.size() * sizeof(float));
        vk::Buffer storageOut = makeBuffer(m_device, c.q.size() * sizeof(float));
        vk::Buffer simpleOut = makeBuffer(m_device, c.q.size() * sizeof(float));
        // Every way of reading: texel buffers with the scores in the scratch where it holds them
        // (what lavapipe runs), or in shared memory, and storage buffers (GPUs).
        model::gpu::recordSplitAttention(*m_device.recorder, *m_device.context, qBuffer.range(), kCache.range(),
                                         vCache.range(), scratch.range(), out.range(), args, uint32_t(forceSplits),
                                         model::gpu::AttentionReads::TexelBuffers);
        QVERIFY(submit(m_device));
        model::gpu::recordSplitAttention(*m_device.recorder, *m_device.context, qBuffer.range(), kCache.range(),
                                         vCache.range(), scratch.range(), sharedScoresOut.range(), args,
                                         uint32_t(forceSplits), model::gpu::AttentionReads::TexelBuffersSharedScores);
        QVERIFY(submit(m_device));
        model::gpu::recordSplitAttention(*m_device.recorder, *m_device.context, qBuffer.range(), kCache.range(),
                                         vCache.range(), scratch.range(), storageOut.range(), args,
                                         uint32_t(forceSplits), model::gpu::AttentionReads::StorageBuffers);
        model::gpu::recordAttention(*m_device.recorder, *m_device.context, qBuffer.range(), kCache.range(),
                                    vCache.range(), simpleOut.range(), args);
        QVERIFY(submit(m_device));
        const std::vector<float> split = download<float>(m_device, out, c.q.size());
        QVERIFY(gputest::compareWithTolerance("split (texels) vs cpu", c.expected, split, tolerance(c.expected)));
        const std::vector<float> sharedScores = download<float>(m_device, sharedScoresOut, c.q.size());
        QVERIFY(gputest::compareWithTolerance("split (texels, shared scores) vs cpu", c.expected, sharedScores,
                                              tolerance(c.expected)));
        const std::vector<float> storage = download<float>(m_device, storageOut, c.q.size());
        QVERIFY(gputest::compareWithTolerance("split (storage) vs cpu", c.expected, storage, tolerance(c.expected)));
        const std::vector<float> simple = download<float>(m_device, simpleOut, c.q.size());
        QVERIFY(gputest::compareWithTolerance("split vs simple kernel", simple, split, tolerance(simple)));
    }

    // Texel reads keep the scores in the scratch when it has a slot for every workgroup (a decoded
    // token: its whole split, up to 4096 positions, in one round), else in shared memory;
    // storage-buffer reads always in shared memory. The scratch variant's block is one constant
    // whatever the context (no pipeline built as it grows).
    void scoresGoToTheScratchWhenItHoldsThem()
    {
        using model::gpu::AttentionReads;
        const uint64_t scratchBytes = model::gpu::splitAttentionScratchBytes(64);
        const model::gpu::AttentionArgs decode{64, 32, 8, 1, 4095, 0.125f, 0.0f, 0, 0}; // Llama-3.2-1B shape
        const auto inScratch = model::gpu::planSplitAttention(*m_device.context, decode, scratchBytes, 1,
                                                              AttentionReads::TexelBuffers);
        QVERIFY(inScratch.scoresInScratch);
        QCOMPARE(inScratch.block, 4096u);
        const model::gpu::AttentionArgs shortDecode{64, 32, 8, 1, 99, 0.125f, 0.0f, 0, 0};
        const auto shortPlan = model::gpu::planSplitAttention(*m_device.context, shortDecode, scratchBytes, 1,
                                                              AttentionReads::TexelBuffers);
        QVERIFY(shortPlan.scoresInScratch);
        QCOMPARE(shortPlan.block, 4096u);
        const model::gpu::AttentionArgs longer{64, 32, 8, 1, 9999, 0.125f, 0.0f, 0, 0};
        QCOMPARE(model::gpu::planSplitAttention(*m_device.context, longer, scratchBytes, 1, AttentionReads::TexelBuffers)
                     .block,
                 4096u);
        // A 64-token prompt batch of 32 heads: the scratch holds no useful slot per workgroup.
        const model::gpu::AttentionArgs batch{64, 32, 8, 64, 2000, 0.125f, 0.0f, 0, 0};
        const auto batchPlan = model::gpu::planSplitAttention(*m_device.context, batch, scratchBytes, 1,
                                                              AttentionReads::TexelBuffers);
        QVERIFY(!batchPlan.scoresInScratch);
        QVERIFY(!model::gpu::planSplitAttention(*m_device.context, decode, scratchBytes, 1,
                                                AttentionReads::TexelBuffersSharedScores)
                     .scoresInScratch);
        QVERIFY(!model::gpu::planSplitAttention(*m_device.context, decode, scratchBytes, 1,
                                                AttentionReads::StorageBuffers)
                     .scoresInScratch);
        // Splits: the partials come first, the slots after them.
        const auto splitPlan = model::gpu::planSplitAttention(*m_device.context, decode, scratchBytes, 8,
                                                              AttentionReads::TexelBuffers);
        QCOMPARE(splitPlan.nSplits, 8u);
        QVERIFY(splitPlan.scoresInScratch);
        QCOMPARE(splitPlan.block, 4096u);
        // A scratch with room for the partials but not for the slots.
        QVERIFY(!model::gpu::planSplitAttention(*m_device.context, decode, 80 * 1024, 1, AttentionReads::TexelBuffers)
                     .scoresInScratch);
    }

    // The kernel's last step keeps every head's slice sums (two vec4s per head and lane) and, packing,
    // every head's output in the block's scores array: the plan's block must leave room for them,
    // whatever the shape.
    void planHoldsTheLastStep()
    {
        for (uint32_t headDim : {32u, 64u, 128u, 256u}) {
            for (uint32_t group : {1u, 2u, 4u, 6u, 7u, 8u, 16u}) {
                const model::gpu::AttentionArgs args{headDim, group * 2, 2, 1, 999, 0.125f, 0.0f, 0, 0};
                const model::gpu::SplitAttentionPlan plan = model::gpu::planSplitAttention(
                    *m_device.context, args, model::gpu::splitAttentionScratchBytes(headDim), 0,
                    model::gpu::AttentionReads::TexelBuffersSharedScores);
                QVERIFY(!plan.scoresInScratch);
                const uint64_t vec4s = uint64_t(plan.block) * ((plan.headsPerGroup + 3) / 4);
                const uint64_t needed = 2ull * plan.headsPerGroup * plan.workgroup + plan.headsPerGroup * headDim / 4;
                QVERIFY2(vec4s >= needed, qPrintable(QString("head %1, group %2: %3 vec4s for %4")
                                                         .arg(headDim).arg(group).arg(vec4s).arg(needed)));
                QCOMPARE(plan.block % plan.workgroup, 0u);
            }
        }
    }

    // With a packing buffer and one split, the attention also writes its output packed: the same
    // bytes recordPackActivations makes of the output, and the same output as without packing;
    // with several splits it leaves the packing to the caller.
    void packsItsOutput_data()
    {
        addShapeColumns();
        QTest::newRow("decode-qwen-shape") << 1 << 700 << 64 << 14 << 2 << 1;
        QTest::newRow("batch-5-head-128") << 5 << 40 << 128 << 8 << 2 << 1;
        QTest::newRow("decode-head-256") << 1 << 99 << 256 << 4 << 4 << 1;
        QTest::newRow("decode-split-4") << 1 << 700 << 64 << 14 << 2 << 4;
    }

    void packsItsOutput()
    {
        const Shape shape = fetchShape();
        const int nTokens = shape.nTokens, firstPos = shape.firstPos, headDim = shape.headDim, nHead = shape.nHead;
        const int forceSplits = shape.forceSplits;
        const Case c = makeCase(nTokens, firstPos, headDim, nHead, shape.nKvHead, 0, 0.0f);
        const model::gpu::AttentionArgs args = argsOf(c, 0);
        const uint32_t cols = uint32_t(nHead * headDim);
        const size_t packedBytes = size_t(nTokens) * vk::packedVectorBytes(cols);
        vk::Buffer kCache = upload(m_device, c.kHalves), vCache = upload(m_device, c.vHalves);
        vk::Buffer qBuffer = upload(m_device, c.q);
        vk::Buffer scratch = makeBuffer(m_device, model::gpu::splitAttentionScratchBytes(uint32_t(headDim)));
        for (auto reads : {model::gpu::AttentionReads::TexelBuffers, model::gpu::AttentionReads::TexelBuffersSharedScores,
                           model::gpu::AttentionReads::StorageBuffers}) {
            // The expectation: the same variant without packing, then the packing kernel.
            vk::Buffer plain = makeBuffer(m_device, c.q.size() * sizeof(float));
            vk::Buffer expectedPacked = makeBuffer(m_device, packedBytes);
            model::gpu::recordSplitAttention(*m_device.recorder, *m_device.context, qBuffer.range(), kCache.range(),
                                             vCache.range(), scratch.range(), plain.range(), args,
                                             uint32_t(forceSplits), reads);
            model::gpu::recordPackActivations(*m_device.recorder, *m_device.context, plain.range(),
                                              expectedPacked.range(), cols, uint32_t(nTokens));
            QVERIFY(submit(m_device));
            const std::vector<uint32_t> expected = download<uint32_t>(m_device, expectedPacked, packedBytes / 4);
            const std::vector<float> expectedOut = download<float>(m_device, plain, c.q.size());
            QVERIFY(gputest::compareWithTolerance("attention vs cpu", c.expected, expectedOut, tolerance(c.expected)));

            vk::Buffer out = makeBuffer(m_device, c.q.size() * sizeof(float));
            vk::Buffer packed = upload(m_device, std::vector<uint32_t>(packedBytes / 4, 0xA5A5A5A5u));
            const bool packedIt = model::gpu::recordSplitAttention(
                *m_device.recorder, *m_device.context, qBuffer.range(), kCache.range(), vCache.range(),
                scratch.range(), out.range(), args, uint32_t(forceSplits), reads, packed.range());
            QVERIFY(submit(m_device));
            QCOMPARE(packedIt, forceSplits == 1);
            const std::vector<float> outValues = download<float>(m_device, out, c.q.size());
            QVERIFY2(std::memcmp(outValues.data(), expectedOut.data(), outValues.size() * sizeof(float)) == 0,
                     "packing changed the attention output");
            if (!packedIt)
                continue;
            const std::vector<uint32_t> words = download<uint32_t>(m_device, packed, packedBytes / 4);
            int mismatches = 0;
            for (size_t i = 0; i < words.size(); ++i) {
                if (words[i] != expected[i] && mismatches++ < 8)
                    qWarning("packed word %zu: %08x, expected %08x", i, words[i], expected[i]);
            }
            QCOMPARE(mismatches, 0);
        }
    }

    // Sliding-window layers keep only window + batch - 1 ringSlots: position p in slot p % ringSlots.
    void ringWindow_data()
    {
        QTest::addColumn<int>("nTokens");
        QTest::addColumn<int>("firstPos");
        QTest::addColumn<int>("window");
        QTest::addColumn<float>("softcap");
        QTest::newRow("decode-past-window") << 1 << 300 << 64 << 0.0f;
        QTest::newRow("decode-window-4096-at-5000") << 1 << 5000 << 4096 << 50.0f;
        QTest::newRow("batch-wraps-the-ring") << 16 << 90 << 32 << 0.0f;
        QTest::newRow("batch-before-the-window-fills") << 8 << 10 << 64 << 0.0f;
    }

    void ringWindow()
    {
        QFETCH(int, nTokens);
        QFETCH(int, firstPos);
        QFETCH(int, window);
        QFETCH(float, softcap);
        const Case c = makeCase(nTokens, firstPos, 64, 8, 2, window, softcap);
        const size_t ringSlots = std::min(c.positions(), size_t(window + nTokens - 1));
        const size_t row = c.shape.kvRowSize();
        // The ring after every position was stored in order: the last `ringSlots` positions survive.
        std::vector<uint16_t> kRing(ringSlots * row), vRing(ringSlots * row);
        for (size_t p = c.positions() - ringSlots; p < c.positions(); ++p) {
            std::copy_n(c.kHalves.begin() + p * row, row, kRing.begin() + (p % ringSlots) * row);
            std::copy_n(c.vHalves.begin() + p * row, row, vRing.begin() + (p % ringSlots) * row);
        }
        vk::Buffer kCache = upload(m_device, kRing), vCache = upload(m_device, vRing);
        vk::Buffer qBuffer = upload(m_device, c.q);
        vk::Buffer scratch = makeBuffer(m_device, model::gpu::splitAttentionScratchBytes(64));
        vk::Buffer out = makeBuffer(m_device, c.q.size() * sizeof(float));
        model::gpu::recordSplitAttention(*m_device.recorder, *m_device.context, qBuffer.range(), kCache.range(),
                                         vCache.range(), scratch.range(), out.range(), argsOf(c, uint32_t(ringSlots)));
        QVERIFY(submit(m_device));
        QVERIFY(gputest::compareWithTolerance("ring window vs cpu", c.expected,
                                              download<float>(m_device, out, c.q.size()), tolerance(c.expected)));
    }

    // The store writes row t to slot (firstPos + t) % ringSlots, wrapping within one batch.
    void ringStore()
    {
        const uint32_t kvRow = 16, ringSlots = 10, nTokens = 7, firstPos = 26; // positions 26..32: slots 6..9, 0..2
        const std::vector<float> k = gputest::randomFloats(size_t(nTokens) * kvRow, 81, 3.0f);
        const std::vector<float> v = gputest::randomFloats(size_t(nTokens) * kvRow, 82, 3.0f);
        const std::vector<uint16_t> zeros(size_t(ringSlots) * kvRow, 0);
        vk::Buffer kBuffer = upload(m_device, k), vBuffer = upload(m_device, v);
        vk::Buffer kCache = upload(m_device, zeros), vCache = upload(m_device, zeros);
        model::gpu::recordKvStore(*m_device.recorder, *m_device.context, kBuffer.range(), vBuffer.range(),
                                  kCache.range(), vCache.range(), kvRow, nTokens, firstPos, ringSlots);
        QVERIFY(submit(m_device));
        const auto gk = download<uint16_t>(m_device, kCache, zeros.size());
        const auto gv = download<uint16_t>(m_device, vCache, zeros.size());
        int mismatches = 0;
        for (uint32_t t = 0; t < nTokens; ++t) {
            const uint32_t slot = (firstPos + t) % ringSlots;
            for (uint32_t i = 0; i < kvRow; ++i) {
                const uint16_t ek = cpu::floatToHalf(k[t * kvRow + i]), ev = cpu::floatToHalf(v[t * kvRow + i]);
                if ((gk[slot * kvRow + i] != ek || gv[slot * kvRow + i] != ev) && mismatches++ < 8)
                    qWarning("token %u slot %u value %u: gpu %04x/%04x expected %04x/%04x", t, slot, i,
                             gk[slot * kvRow + i], gv[slot * kvRow + i], ek, ev);
            }
        }
        QCOMPARE(mismatches, 0);
        QCOMPARE(gk[3 * kvRow], uint16_t(0)); // slots 3..5 untouched
    }

    // RoPE of q and k, the KV store and the attention in one dispatch (CPU drivers, a decoded
    // token): the same output, packing and cache bits as recordRopeStore then
    // recordSplitAttention, q left unrotated; nothing recorded where it does not apply.
    void ropeStoreAttentionMatchesSeparate_data()
    {
        QTest::addColumn<int>("nHead");
        QTest::addColumn<int>("nKvHead");
        QTest::addColumn<int>("headDim");
        QTest::addColumn<int>("nDims");
        QTest::addColumn<int>("firstPos");
        QTest::addColumn<int>("window"); // also the ring's slots; 0: a slot per position
        QTest::addColumn<bool>("neox");
        QTest::addColumn<bool>("factors");
        QTest::addColumn<float>("freqScale");
        QTest::newRow("qwen-shape-neox") << 14 << 2 << 64 << 64 << 700 << 0 << true << false << 1.0f;
        QTest::newRow("llama3-shape-factors") << 32 << 8 << 64 << 64 << 300 << 0 << false << true << 1.0f;
        QTest::newRow("partial-dims-scaled") << 8 << 2 << 128 << 32 << 50 << 0 << false << false << 0.5f;
        QTest::newRow("first-position") << 8 << 2 << 64 << 64 << 0 << 0 << true << false << 1.0f;
        QTest::newRow("window-ring-wraps") << 8 << 4 << 64 << 64 << 2500 << 1000 << false << false << 1.0f;
    }

    void ropeStoreAttentionMatchesSeparate()
    {
        QFETCH(int, nHead);
        QFETCH(int, nKvHead);
        QFETCH(int, headDim);
        QFETCH(int, nDims);
        QFETCH(int, firstPos);
        QFETCH(int, window);
        QFETCH(bool, neox);
        QFETCH(bool, factors);
        QFETCH(float, freqScale);
        if (m_device.context->info().type != DeviceType::Cpu)
            QSKIP("the fused kernel serves CPU drivers");
        const uint32_t ring = window > 0 ? uint32_t(window) : uint32_t(firstPos + 1);
        const size_t kvRow = size_t(nKvHead) * headDim;
        std::vector<uint16_t> cache(ring * kvRow);
        const std::vector<float> old = gputest::randomFloats(cache.size(), 91, 2.0f);
        for (size_t i = 0; i < cache.size(); ++i)
            cache[i] = cpu::floatToHalf(old[i]);
        const std::vector<float> q = gputest::randomFloats(size_t(nHead) * headDim, 92, 2.0f);
        const std::vector<float> k = gputest::randomFloats(kvRow, 93, 2.0f), v = gputest::randomFloats(kvRow, 94, 2.0f);
        std::vector<float> ropeFactors = gputest::randomFloats(size_t(nDims / 2), 95, 1.0f);
        for (float& f : ropeFactors)
            f = 2.0f + f; // 1..3
        const model::gpu::AttentionArgs args{uint32_t(headDim), uint32_t(nHead), uint32_t(nKvHead), 1,
                                             uint32_t(firstPos), 1.0f / std::sqrt(float(headDim)), 0.0f,
                                             uint32_t(window),   ring};
        const model::gpu::RopeArgs rope{uint32_t(headDim), uint32_t(nHead), uint32_t(nDims), 1, uint32_t(firstPos),
                                        10000.0f,          freqScale,       neox,            factors};
        const size_t packedBytes = vk::packedVectorBytes(uint32_t(nHead * headDim));
        vk::Buffer kRow = upload(m_device, k), vRow = upload(m_device, v), factorBuffer = upload(m_device, ropeFactors);
        vk::Buffer scratch = makeBuffer(m_device, model::gpu::splitAttentionScratchBytes(uint32_t(headDim)));
        struct Path {
            vk::Buffer q, kCache, vCache, out, packed;
        };
        auto makePath = [&] {
            return Path{upload(m_device, q), upload(m_device, cache), upload(m_device, cache),
                        makeBuffer(m_device, q.size() * sizeof(float)), makeBuffer(m_device, packedBytes)};
        };
        Path separate = makePath(), fused = makePath();
        model::gpu::recordRopeStore(*m_device.recorder, *m_device.context, separate.q.range(), kRow.range(),
                                    vRow.range(), factorBuffer.range(), separate.kCache.range(),
                                    separate.vCache.range(), rope, uint32_t(nKvHead), ring);
        QVERIFY(model::gpu::recordSplitAttention(*m_device.recorder, *m_device.context, separate.q.range(),
                                                 separate.kCache.range(), separate.vCache.range(), scratch.range(),
                                                 separate.out.range(), args, 0, model::gpu::AttentionReads::Auto,
                                                 separate.packed.range()) == (headDim % 32 == 0));
        QVERIFY(submit(m_device));
        const std::optional<bool> packedIt = model::gpu::recordRopeStoreAttention(
            *m_device.recorder, *m_device.context, fused.q.range(), kRow.range(), vRow.range(), factorBuffer.range(),
            fused.kCache.range(), fused.vCache.range(), scratch.range(), fused.out.range(), args, rope,
            fused.packed.range());
        QVERIFY2(packedIt.has_value(), "the fused kernel applies to this decoded token");
        QCOMPARE(*packedIt, headDim % 32 == 0);
        QVERIFY(submit(m_device));
        auto sameBits = [&](const char* what, const vk::Buffer& a, const vk::Buffer& b, size_t words) {
            const auto x = download<uint32_t>(m_device, a, words), y = download<uint32_t>(m_device, b, words);
            size_t mismatches = 0;
            for (size_t i = 0; i < words; ++i) {
                if (x[i] != y[i] && mismatches++ < 4)
                    qWarning("%s word %zu: %08x fused, %08x separate", what, i, y[i], x[i]);
            }
            return mismatches == 0;
        };
        QVERIFY(sameBits("output", separate.out, fused.out, q.size()));
        QVERIFY(sameBits("packed", separate.packed, fused.packed, packedBytes / 4));
        QVERIFY(sameBits("k cache", separate.kCache, fused.kCache, cache.size() / 2));
        QVERIFY(sameBits("v cache", separate.vCache, fused.vCache, cache.size() / 2));
        const std::vector<float> qAfter = download<float>(m_device, fused.q, q.size());
        QVERIFY2(std::memcmp(qAfter.data(), q.data(), q.size() * sizeof(float)) == 0, "the fused kernel changed q");

        // Where it does not apply it records nothing: a batch of two, or a group of 16 query heads
        // that two workgroups would share.
        model::gpu::AttentionArgs batch = args;
        batch.nTokens = 2;
        model::gpu::RopeArgs batchRope = rope;
        batchRope.nTokens = 2;
        const uint32_t before = m_device.recorder->dispatchCount();
        QVERIFY(!model::gpu::recordRopeStoreAttention(*m_device.recorder, *m_device.context, fused.q.range(),
                                                      kRow.range(), vRow.range(), factorBuffer.range(),
                                                      fused.kCache.range(), fused.vCache.range(), scratch.range(),
                                                      fused.out.range(), batch, batchRope));
        model::gpu::AttentionArgs wide = args;
        wide.nHead = 16;
        wide.nKvHead = 1;
        model::gpu::RopeArgs wideRope = rope;
        wideRope.nHeads = 16;
        QVERIFY(nHead * headDim < 16 * headDim
                || !model::gpu::recordRopeStoreAttention(*m_device.recorder, *m_device.context, fused.q.range(),
                                                         kRow.range(), vRow.range(), factorBuffer.range(),
                                                         fused.kCache.range(), fused.vCache.range(), scratch.range(),
                                                         fused.out.range(), wide, wideRope));
        QCOMPARE(m_device.recorder->dispatchCount(), before);
    }

    // Not a pass/fail bound (the machine is shared): what splitting and each variant cost one
    // decoded token over 4096 positions, on the Qwen2.5-0.5B and Llama-3.2-1B head shapes.
    void timingAt4096_data()
    {
        QTest::addColumn<int>("nHead");
        QTest::addColumn<int>("nKvHead");
        QTest::newRow("qwen2.5-0.5b-heads") << 14 << 2;
        QTest::newRow("llama3.2-1b-heads") << 32 << 8;
    }

    void timingAt4096()
    {
        QFETCH(int, nHead);
        QFETCH(int, nKvHead);
        const Case c = makeCase(1, 4095, 64, nHead, nKvHead, 0, 0.0f);
        const model::gpu::AttentionArgs args = argsOf(c, 0);
        vk::Buffer kCache = upload(m_device, c.kHalves), vCache = upload(m_device, c.vHalves);
        vk::Buffer qBuffer = upload(m_device, c.q);
        vk::Buffer scratch = makeBuffer(m_device, model::gpu::splitAttentionScratchBytes(64));
        vk::Buffer out = makeBuffer(m_device, c.q.size() * sizeof(float));
        uint32_t forceSplits = 0;
        model::gpu::AttentionReads reads = model::gpu::AttentionReads::Auto;
        // Process CPU time (lavapipe's threads included): on a shared, loaded machine it varies far
        // less than wall time.
        auto time = [&](bool split) {
            const std::clock_t start = std::clock();
            for (int i = 0; i < 5; ++i) {
                if (split)
                    model::gpu::recordSplitAttention(*m_device.recorder, *m_device.context, qBuffer.range(),
                                                     kCache.range(), vCache.range(), scratch.range(), out.range(), args,
                                                     forceSplits, reads);
                else
                    model::gpu::recordAttention(*m_device.recorder, *m_device.context, qBuffer.range(), kCache.range(),
                                                vCache.range(), out.range(), args);
                if (!submit(m_device))
                    return -1.0;
            }
            return double(std::clock() - start) * 1000.0 / CLOCKS_PER_SEC / 5.0;
        };
        time(true); // pipelines compiled outside the timing
        time(false);
        const double simpleMs = time(false), splitMs = time(true);
        qInfo("4096 positions, %d heads of 64, GQA %d: simple kernel %.2f ms, split %.2f ms of CPU time per "
              "dispatch+submit",
              nHead, nHead / nKvHead, simpleMs, splitMs);
        QVERIFY(simpleMs > 0 && splitMs > 0);
        for (uint32_t splits : {1u, 2u, 4u, 8u, 32u}) {
            forceSplits = splits;
            qInfo("  %u splits: %.2f ms", splits, time(true));
        }
        forceSplits = 0;
        reads = model::gpu::AttentionReads::TexelBuffersSharedScores;
        time(true);
        qInfo("  scores in shared memory: %.2f ms", time(true));
        reads = model::gpu::AttentionReads::StorageBuffers;
        time(true);
        qInfo("  storage-buffer reads (the GPU variant): %.2f ms", time(true));
    }

    void cleanupTestCase()
    {
        m_device.recorder.reset();
        m_device.context.reset();
    }

private:
    Device m_device;
};

AGORA_GPU_TEST_MAIN(TestSplitAttention, childMain)
#include "test_split_attention.moc"
