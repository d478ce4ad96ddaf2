// RMSNorm and the f32 matrix-vector product on the device against the CPU reference
// (engine/src/cpu/ops.h), at sizes that are and are not multiples of the workgroup size, with a
// matrix larger than one block of the allocator; plus the recorder's contract: automatic
// barriers only where needed, timestamps, re-submission, and an abort with file:line on a
// dispatch that does not match the kernel's declared interface.
#include "cpu/ops.h"
#include "gpu_test_util.h"
#include "vk/basic_kernels.h"
#include "vk/buffer.h"
#include "vk/pipeline_cache.h"
#include "vk/recorder.h"

#include <QtTest>

#include <chrono>
#include <cmath>

using namespace agora;

namespace {

constexpr VkDeviceSize MiB = 1ull << 20;

vk::Buffer floatBuffer(const std::shared_ptr<vk::Context>& context, std::span<const float> values)
{
    auto buffer = vk::Buffer::create(context, values.size_bytes(), vk::MemoryUse::DeviceLocal).value();
    auto uploaded = vk::uploadFloats(*context, buffer, values);
    if (!uploaded)
        qFatal("upload failed: %s", uploaded.error().message.c_str());
    return buffer;
}

vk::Buffer emptyBuffer(const std::shared_ptr<vk::Context>& context, size_t floats)
{
    return vk::Buffer::create(context, floats * sizeof(float), vk::MemoryUse::DeviceLocal).value();
}

std::vector<float> readBack(vk::Context& context, const vk::Buffer& buffer, size_t floats)
{
    std::vector<float> out(floats);
    auto downloaded = vk::downloadFloats(context, buffer, out);
    if (!downloaded)
        qFatal("download failed: %s", downloaded.error().message.c_str());
    return out;
}

// Child mode "bad-dispatch": dispatches RmsNorm with two bindings instead of three.
int childMain(const char* mode)
{
    if (std::string(mode) != "bad-dispatch")
        return 99;
    auto context = gputest::openDevice();
    if (!context)
        return 98;
    auto recorder = vk::CommandRecorder::create(context).value();
    auto buffer = emptyBuffer(context, 64);
    struct Push {
        uint32_t cols;
        float eps;
        uint32_t rows;
    } push{64, 1e-5f, 1};
    recorder->dispatch(shaders::KernelId::RmsNorm, {32}, {buffer.range(), buffer.range()}, push, vk::Groups{});
    return 0; // not reached: the recorder aborts
}

} // namespace

class TestVkKernels : public QObject {
    Q_OBJECT

    std::shared_ptr<vk::Context> m_context;

private slots:
    void initTestCase()
    {
        vk::ContextOptions options;
        options.memory.blockBytes = 8 * MiB; // small blocks so a test matrix outgrows one
        m_context = gputest::openDevice(options);
        QVERIFY2(m_context, "the GPU tests need a Vulkan device (lavapipe in CI)");
        std::printf("device %s, subgroup %u, row workgroup %u\n", m_context->info().name.c_str(),
                    m_context->subgroupSize(), vk::rowWorkgroupSize(*m_context));
    }
    void cleanupTestCase() { m_context.reset(); }

    void rmsNormMatchesReference_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("cols");
        QTest::newRow("1x1") << 1 << 1;
        QTest::newRow("1x7") << 1 << 7;
        QTest::newRow("3x32") << 3 << 32;
        QTest::newRow("5x33") << 5 << 33;
        QTest::newRow("2x4096") << 2 << 4096;
        QTest::newRow("17x1000") << 17 << 1000;
        QTest::newRow("64x2048") << 64 << 2048;
    }

    void rmsNormMatchesReference()
    {
        QFETCH(int, rows);
        QFETCH(int, cols);
        const float eps = 1e-5f;
        std::vector<float> x = gputest::randomFloats(size_t(rows) * cols, 11 + rows, 3.0f);
        std::vector<float> weight = gputest::randomFloats(cols, 12, 2.0f);
        std::vector<float> expected(x.size());
        for (int r = 0; r < rows; ++r)
            cpu::rmsNorm(std::span(x).subspan(size_t(r) * cols, cols), weight, eps,
                         std::span(expected).subspan(size_t(r) * cols, cols));

        auto xs = floatBuffer(m_context, x);
        auto ws = floatBuffer(m_context, weight);
        auto ys = emptyBuffer(m_context, x.size());
        auto recorder = vk::CommandRecorder::create(m_context).value();
        vk::recordRmsNorm(*recorder, *m_context, xs.range(), ws.range(), ys.range(), rows, cols, eps);
        auto submitted = recorder->submit();
        QVERIFY2(submitted.ok(), submitted.ok() ? "" : submitted.error().message.c_str());
        std::vector<float> actual = readBack(*m_context, ys, x.size());

        // float32 rounding of the sum of squares and the product: relative to each value.
        std::vector<float> tolerance(expected.size());
        for (size_t i = 0; i < expected.size(); ++i)
            tolerance[i] = 2e-6f * std::sqrt(float(cols)) * std::fabs(expected[i]) + 1e-7f;
        QVERIFY(gputest::compareWithTolerance(QTest::currentDataTag(), expected, actual, tolerance));
    }

    void matVecMatchesReference_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("cols");
        QTest::newRow("1x4") << 1 << 4;
        QTest::newRow("1x3") << 1 << 3;
        QTest::newRow("7x5") << 7 << 5;
        QTest::newRow("33x64") << 33 << 64;
        QTest::newRow("100x1001") << 100 << 1001;
        QTest::newRow("257x260") << 257 << 260;
        QTest::newRow("512x2048") << 512 << 2048;
        QTest::newRow("4099x700 (11 MiB, bigger than an 8 MiB block)") << 4099 << 700;
    }

    void matVecMatchesReference()
    {
        QFETCH(int, rows);
        QFETCH(int, cols);
        std::vector<float> w = gputest::randomFloats(size_t(rows) * cols, 21 + cols);
        std::vector<float> x = gputest::randomFloats(cols, 22);
        std::vector<float> expected(rows);
        cpu::matVec(w, rows, cols, x, expected);

        const auto before = m_context->allocator().stats();
        auto ws = floatBuffer(m_context, w);
        if (w.size() * sizeof(float) > m_context->allocator().blockBytes())
            QCOMPARE(m_context->allocator().stats().dedicatedCount, before.dedicatedCount + 1);
        auto xs = floatBuffer(m_context, x);
        auto ys = emptyBuffer(m_context, rows);
        auto recorder = vk::CommandRecorder::create(m_context).value();
        recorder->timestamp("start");
        vk::recordMatVecF32(*recorder, *m_context, ws.range(), rows, cols, xs.range(), ys.range());
        recorder->timestamp("matvec");
        auto submitted = recorder->submit();
        QVERIFY2(submitted.ok(), submitted.ok() ? "" : submitted.error().message.c_str());
        std::vector<float> actual = readBack(*m_context, ys, rows);

        // The float32 error of a dot product grows with sum |w*x|, not with the (cancelling) result.
        std::vector<float> tolerance(rows);
        for (int r = 0; r < rows; ++r) {
            double magnitude = 0;
            for (int c = 0; c < cols; ++c)
                magnitude += std::fabs(double(w[size_t(r) * cols + c]) * x[c]);
            tolerance[r] = float(4e-7 * std::sqrt(double(cols)) * magnitude + 1e-7);
        }
        QVERIFY(gputest::compareWithTolerance(QTest::currentDataTag(), expected, actual, tolerance));
        auto timings = recorder->timings();
        QCOMPARE(timings.size(), size_t(2));
        std::printf("  gpu time %.3f ms\n", timings[1].milliseconds);
        QVERIFY(timings[1].milliseconds >= 0);
    }

    void matVecSplitAcrossBindingsByRows()
    {
        // One matrix bound as two row ranges (how tensors beyond maxStorageBufferRange run).
        const uint32_t rows = 300, cols = 256, firstPart = 128;
        std::vector<float> w = gputest::randomFloats(size_t(rows) * cols, 31);
        std::vector<float> x = gputest::randomFloats(cols, 32);
        std::vector<float> expected(rows);
        cpu::matVec(w, rows, cols, x, expected);
        auto ws = floatBuffer(m_context, w);
        auto xs = floatBuffer(m_context, x);
        auto ys = emptyBuffer(m_context, rows);
        auto recorder = vk::CommandRecorder::create(m_context).value();
        const VkDeviceSize split = VkDeviceSize(firstPart) * cols * sizeof(float);
        QCOMPARE(split % m_context->storageOffsetAlignment(), VkDeviceSize(0));
        vk::recordMatVecF32(*recorder, *m_context, ws.range(0, split), firstPart, cols, xs.range(), ys.range(), 0);
        vk::recordMatVecF32(*recorder, *m_context, ws.range(split), rows - firstPart, cols, xs.range(), ys.range(),
                            firstPart);
        QVERIFY(recorder->submit().ok());
        std::vector<float> actual = readBack(*m_context, ys, rows);
        std::vector<float> tolerance(rows, 1e-4f);
        QVERIFY(gputest::compareWithTolerance("split", expected, actual, tolerance));
    }

    void chainedKernelsGetBarriersOnlyWhereNeeded()
    {
        // norm -> two independent projections of the normed vector -> a third reading one of them.
        const uint32_t n = 256;
        std::vector<float> x = gputest::randomFloats(n, 41), g = gputest::randomFloats(n, 42);
        std::vector<float> a = gputest::randomFloats(size_t(n) * n, 43), b = gputest::randomFloats(size_t(n) * n, 44);
        auto xs = floatBuffer(m_context, x), gs = floatBuffer(m_context, g);
        auto as = floatBuffer(m_context, a), bs = floatBuffer(m_context, b);
        auto normed = emptyBuffer(m_context, n), pa = emptyBuffer(m_context, n), pb = emptyBuffer(m_context, n);
        auto pc = emptyBuffer(m_context, n);
        auto recorder = vk::CommandRecorder::create(m_context).value();
        vk::recordRmsNorm(*recorder, *m_context, xs.range(), gs.range(), normed.range(), 1, n, 1e-6f);
        vk::recordMatVecF32(*recorder, *m_context, as.range(), n, n, normed.range(), pa.range()); // barrier
        vk::recordMatVecF32(*recorder, *m_context, bs.range(), n, n, normed.range(), pb.range()); // none
        vk::recordMatVecF32(*recorder, *m_context, as.range(), n, n, pa.range(), pc.range());     // barrier
        QCOMPARE(recorder->dispatchCount(), 4u);
        QCOMPARE(recorder->barrierCount(), 2u);
        QVERIFY(recorder->submit().ok());

        std::vector<float> en(n), ea(n), eb(n), ec(n);
        cpu::rmsNorm(x, g, 1e-6f, en);
        cpu::matVec(a, n, n, en, ea);
        cpu::matVec(b, n, n, en, eb);
        cpu::matVec(a, n, n, ea, ec);
        std::vector<float> tolerance(n, 2e-3f);
        QVERIFY(gputest::compareWithTolerance("pa", ea, readBack(*m_context, pa, n), tolerance));
        QVERIFY(gputest::compareWithTolerance("pb", eb, readBack(*m_context, pb, n), tolerance));
        QVERIFY(gputest::compareWithTolerance("pc", ec, readBack(*m_context, pc, n), tolerance));

        // Re-submitting the same recording with new input reruns the whole chain.
        std::vector<float> x2 = gputest::randomFloats(n, 45);
        QVERIFY(vk::uploadFloats(*m_context, xs, x2).ok());
        QVERIFY(recorder->submit().ok());
        cpu::rmsNorm(x2, g, 1e-6f, en);
        cpu::matVec(a, n, n, en, ea);
        cpu::matVec(a, n, n, ea, ec);
        QVERIFY(gputest::compareWithTolerance("pc again", ec, readBack(*m_context, pc, n), tolerance));

        // After reset() the recorder records anew.
        recorder->reset();
        QCOMPARE(recorder->dispatchCount(), 0u);
        vk::recordMatVecF32(*recorder, *m_context, bs.range(), n, n, xs.range(), pa.range());
        QVERIFY(recorder->submit().ok());
        cpu::matVec(b, n, n, x2, ea);
        QVERIFY(gputest::compareWithTolerance("after reset", ea, readBack(*m_context, pa, n), tolerance));
    }

    void pipelinesAreCachedPerSpecialization()
    {
        auto& cache = m_context->pipelines();
        const uint32_t a[] = {32, 4};
        const uint32_t b[] = {64, 8};
        auto p1 = cache.get(shaders::KernelId::MatVecF32, a);
        auto p2 = cache.get(shaders::KernelId::MatVecF32, a);
        auto p3 = cache.get(shaders::KernelId::MatVecF32, b);
        QVERIFY(p1.ok() && p2.ok() && p3.ok());
        QCOMPARE(*p1, *p2);
        QVERIFY(*p1 != *p3);
        QCOMPARE(shaders::kernelName(shaders::KernelId::RmsNorm), std::string_view("RmsNorm"));
        QCOMPARE(shaders::kernelInfo(shaders::KernelId::RmsNorm).bindingAccess, std::string_view("rrw"));
        QVERIFY(shaders::kernelSpirv(shaders::KernelId::RmsNorm).size() > 5);
        QCOMPARE(shaders::kernelSpirv(shaders::KernelId::RmsNorm)[0], 0x07230203u); // SPIR-V magic
    }

    void mismatchedDispatchAbortsWithFileAndLine()
    {
        auto child = gputest::runSelfAsChild("bad-dispatch");
        QVERIFY(child.started);
        std::printf("child said: %s", qPrintable(child.output));
        QVERIFY(child.crashed || child.exitCode != 0);
        QVERIFY(child.output.contains("test_vk_kernels.cpp:"));
        QVERIFY(child.output.contains("RmsNorm declares 3 bindings, dispatched with 2"));
    }
};

AGORA_GPU_TEST_MAIN(TestVkKernels, childMain)
#include "test_vk_kernels.moc"
