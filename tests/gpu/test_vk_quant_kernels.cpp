// The decode kernels that read weights in their GGUF type, for every supported type, against the
// CPU reference (tensor::dequantizeRow, then a dot product in double): matrix-vector products and
// embedding lookups, including matrices split across several bindings by rows, both forced
// (a tiny binding limit) and real (a Q4_0 matrix larger than lavapipe's 128 MiB range).
#include "gpu_test_util.h"
#include "quant_test_util.h"
#include "tensor/quant.h"
#include "vk/buffer.h"
#include "vk/quant_kernels.h"
#include "vk/recorder.h"

#include <QtTest>

#include <cmath>
#include <cstring>
#include <numeric>

using namespace agora;

Q_DECLARE_METATYPE(agora::TensorType)

namespace {

int childMain(const char*) { return 99; }

// A binding limit that holds `rows` rows (at least the fewest rows whose size keeps the next
// range aligned), to force matrices into several bindings.
VkDeviceSize smallBindingLimit(const vk::Context& context, uint64_t rowBytes, uint64_t rows)
{
    const uint64_t alignment = context.storageOffsetAlignment();
    const uint64_t step = alignment / std::gcd(rowBytes, alignment);
    return std::max(rows, step) * rowBytes + 4 + alignment / 2;
}

// A matrix quantized on the host: its bytes (rows back to back, padded to a word) and the
// dequantized values the CPU reference sees.
struct HostMatrix {
    TensorType type;
    uint32_t rows;
    uint32_t cols;
    uint64_t rowBytes;
    std::vector<std::byte> bytes;
    std::vector<float> values; // dequantized, rows * cols
};

HostMatrix quantizedMatrix(TensorType type, uint32_t rows, uint32_t cols, uint32_t seed)
{
    HostMatrix m{type, rows, cols, rowBytes(type, cols).value(), {}, {}};
    m.bytes.resize(m.rowBytes * rows + 4);
    m.values.resize(size_t(rows) * cols);
    std::vector<float> source = gputest::randomFloats(size_t(rows) * cols, seed, 1.5f);
    for (uint32_t r = 0; r < rows; ++r) {
        auto q = tensor::quantizeRow(type, source.data() + size_t(r) * cols, m.bytes.data() + r * m.rowBytes, cols);
        if (!q)
            qFatal("quantizeRow: %s", q.error().message.c_str());
        auto d = tensor::dequantizeRow(type, m.bytes.data() + r * m.rowBytes, m.values.data() + size_t(r) * cols, cols);
        if (!d)
            qFatal("dequantizeRow: %s", d.error().message.c_str());
    }
    return m;
}

using gputest::deviceBytes;
using gputest::readBack;

void referenceMatVec(const HostMatrix& m, std::span<const float> x, std::vector<float>& expected,
                     std::vector<float>& tolerance)
{
    gputest::referenceDotProducts(m.values, m.rows, m.cols, x, expected, tolerance);
}

const auto& kTypes = gputest::kAllWeightTypes;

void addTypeRows(bool withOddPlainSizes)
{
    QTest::addColumn<TensorType>("type");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("cols");
    for (TensorType type : kTypes) {
        const std::string name(tensorTypeName(type));
        QTest::newRow((name + " 37x256").c_str()) << type << 37 << 256;
        QTest::newRow((name + " 70x768").c_str()) << type << 70 << 768;
        QTest::newRow((name + " 9x2816").c_str()) << type << 9 << 2816;
        // An odd number of 32-weight blocks: rows of Q8_0/Q5_0 no longer start on a word, the
        // case the paired-block reader of matvec_rows.comp leaves to the generic one.
        if (traitsOf(type).blockElements == 32)
            QTest::newRow((name + " 11x96").c_str()) << type << 11 << 96;
        if (withOddPlainSizes && traitsOf(type).blockElements == 1) {
            QTest::newRow((name + " 13x100").c_str()) << type << 13 << 100;
            QTest::newRow((name + " 5x33").c_str()) << type << 5 << 33;
        }
    }
}

// Both layouts of the matrix products run on whatever device the test has (lavapipe in CI), so
// the GPU layout and the CPU-driver layout are each checked against the reference.
const vk::ProductLayout kLayouts[] = {vk::ProductLayout::RowPerSubgroup, vk::ProductLayout::RowPerInvocation};

std::string layoutTag(vk::ProductLayout layout)
{
    return std::string(QTest::currentDataTag())
           + (layout == vk::ProductLayout::RowPerInvocation ? " (row per invocation)" : " (row per subgroup)");
}

} // namespace

class TestVkQuantKernels : public QObject {
    Q_OBJECT

    std::shared_ptr<vk::Context> m_context;

private slots:
    void initTestCase()
    {
        m_context = gputest::openDevice();
        QVERIFY2(m_context, "the GPU tests need a Vulkan device (lavapipe in CI)");
    }
    void cleanupTestCase() { m_context.reset(); }

    void everyTypeHasKernels()
    {
        for (TensorType type : kTypes)
            QVERIFY2(vk::hasQuantKernels(type), std::string(tensorTypeName(type)).c_str());
        QVERIFY(!vk::hasQuantKernels(TensorType::IQ2_XXS));
    }

    void splitRowsRespectsLimitAndAlignment()
    {
        // 18-byte rows, 1000-byte ranges, 64-byte alignment: 32 rows (576 bytes) per range.
        auto ranges = vk::splitRows(100, 18, 128, 1000, 64);
        QCOMPARE(ranges.size(), size_t(4));
        uint32_t next = 0;
        for (const vk::RowRange& r : ranges) {
            QCOMPARE(r.firstRow, next);
            QCOMPARE(r.offset % 64, VkDeviceSize(0));
            QVERIFY(r.bytes <= 1000);
            QCOMPARE(r.offset, 128 + VkDeviceSize(r.firstRow) * 18);
            next += r.rows;
        }
        QCOMPARE(next, 100u);
        QCOMPARE(vk::splitRows(10, 2048, 0, 1000, 16).size(), size_t(0)); // one row does not fit
        QCOMPARE(vk::splitRows(10, 100, 0, 1 << 20, 256).size(), size_t(1));
    }

    void matVecMatchesReference_data() { addTypeRows(true); }

    void matVecMatchesReference()
    {
        QFETCH(TensorType, type);
        QFETCH(int, rows);
        QFETCH(int, cols);
        HostMatrix m = quantizedMatrix(type, rows, cols, 1000 + rows + cols);
        std::vector<float> x = gputest::randomFloats(cols, 7);
        std::vector<float> expected, tolerance;
        referenceMatVec(m, x, expected, tolerance);

        auto ws = deviceBytes(m_context, m.bytes);
        auto xs = deviceBytes(m_context, std::as_bytes(std::span(x)));
        for (vk::ProductLayout layout : kLayouts) {
            auto ys = vk::Buffer::create(m_context, rows * sizeof(float), vk::MemoryUse::DeviceLocal).value();
            auto recorder = vk::CommandRecorder::create(m_context).value();
            vk::WeightMatrix w{ws.range(), type, uint32_t(rows), uint32_t(cols)};
            vk::recordMatVec(*recorder, *m_context, w, xs.range(), ys.range(), 0, layout);
            auto submitted = recorder->submit();
            QVERIFY2(submitted.ok(), submitted.ok() ? "" : submitted.error().message.c_str());
            QVERIFY(gputest::compareWithTolerance(layoutTag(layout).c_str(), expected, readBack(*m_context, ys, rows),
                                                  tolerance));
        }
    }

    void matVecSplitAcrossBindings_data()
    {
        QTest::addColumn<TensorType>("type");
        for (TensorType type : kTypes)
            QTest::newRow(std::string(tensorTypeName(type)).c_str()) << type;
    }

    void matVecSplitAcrossBindings()
    {
        // A binding limit of a few rows forces many ranges, each at an aligned offset.
        QFETCH(TensorType, type);
        const uint32_t rows = 53, cols = 512;
        HostMatrix m = quantizedMatrix(type, rows, cols, 77);
        std::vector<float> x = gputest::randomFloats(cols, 8);
        std::vector<float> expected, tolerance;
        referenceMatVec(m, x, expected, tolerance);
        auto ws = deviceBytes(m_context, m.bytes);
        auto xs = deviceBytes(m_context, std::as_bytes(std::span(x)));
        const VkDeviceSize limit = smallBindingLimit(*m_context, m.rowBytes, 7);
        QVERIFY(vk::splitRows(rows, m.rowBytes, 0, limit - 4, m_context->storageOffsetAlignment()).size() > 2);
        for (vk::ProductLayout layout : kLayouts) {
            auto ys = vk::Buffer::create(m_context, rows * sizeof(float), vk::MemoryUse::DeviceLocal).value();
            auto recorder = vk::CommandRecorder::create(m_context).value();
            vk::recordMatVec(*recorder, *m_context, {ws.range(), type, rows, cols}, xs.range(), ys.range(), limit,
                             layout);
            QVERIFY(recorder->dispatchCount() > 2);
            QVERIFY(recorder->submit().ok());
            QVERIFY(gputest::compareWithTolerance(layoutTag(layout).c_str(), expected, readBack(*m_context, ys, rows),
                                                  tolerance));
        }
    }

    void matMulMatchesReference_data()
    {
        QTest::addColumn<TensorType>("type");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("cols");
        QTest::addColumn<int>("tokens");
        QTest::addColumn<bool>("split");
        for (TensorType type : kTypes) {
            const std::string name(tensorTypeName(type));
            QTest::newRow((name + " 37x256 x13").c_str()) << type << 37 << 256 << 13 << false;
            QTest::newRow((name + " 70x768 x8 split").c_str()) << type << 70 << 768 << 8 << true;
            QTest::newRow((name + " 20x512 x1").c_str()) << type << 20 << 512 << 1 << false;
            if (traitsOf(type).blockElements == 1)
                QTest::newRow((name + " 13x100 x5").c_str()) << type << 13 << 100 << 5 << false;
        }
    }

    void matMulMatchesReference()
    {
        // A batch that skips the first two rows of x and writes into a wider y at an offset, the
        // way a caller concatenates Q/K/V or keeps only the last tokens.
        QFETCH(TensorType, type);
        QFETCH(int, rows);
        QFETCH(int, cols);
        QFETCH(int, tokens);
        QFETCH(bool, split);
        const uint32_t xFirstRow = 2, outOffset = 3, outStride = uint32_t(rows) + 5;
        HostMatrix m = quantizedMatrix(type, rows, cols, 3000 + rows + cols);
        std::vector<float> x = gputest::randomFloats(size_t(xFirstRow + tokens) * cols, 17);
        std::vector<float> expected(size_t(tokens) * outStride, -7.0f), tolerance(expected.size(), 0.0f);
        for (int t = 0; t < tokens; ++t) {
            std::vector<float> e, tol;
            referenceMatVec(m, std::span(x).subspan(size_t(xFirstRow + t) * cols, cols), e, tol);
            for (int r = 0; r < rows; ++r) {
                expected[size_t(t) * outStride + outOffset + r] = e[r];
                tolerance[size_t(t) * outStride + outOffset + r] = tol[r];
            }
        }
        auto ws = deviceBytes(m_context, m.bytes);
        auto xs = deviceBytes(m_context, std::as_bytes(std::span(x)));
        // y starts filled with -7 so that writes outside the rows' slots would show.
        const std::vector<float> filler(expected.size(), -7.0f);
        const vk::WeightMatrix w{ws.range(), type, uint32_t(rows), uint32_t(cols)};
        const VkDeviceSize limit = split ? smallBindingLimit(*m_context, m.rowBytes, 9) : 0;
        for (vk::ProductLayout layout : kLayouts) {
            auto ys = deviceBytes(m_context, std::as_bytes(std::span(filler)));
            auto recorder = vk::CommandRecorder::create(m_context).value();
            vk::recordMatMul(*recorder, *m_context, w, xs.range(), ys.range(),
                             vk::MatMulShape{uint32_t(tokens), xFirstRow, outOffset, outStride}, limit, layout);
            if (split)
                QVERIFY(recorder->dispatchCount() > 2);
            auto submitted = recorder->submit();
            QVERIFY2(submitted.ok(), submitted.ok() ? "" : submitted.error().message.c_str());
            QVERIFY(gputest::compareWithTolerance(layoutTag(layout).c_str(), expected,
                                                  readBack(*m_context, ys, expected.size()), tolerance));
        }
    }

    void getRowsMatchesReference_data() { addTypeRows(true); }

    void getRowsMatchesReference()
    {
        QFETCH(TensorType, type);
        QFETCH(int, rows);
        QFETCH(int, cols);
        HostMatrix m = quantizedMatrix(type, rows, cols, 2000 + rows + cols);
        // Repeats, the first and last row, and an order unlike the table's.
        std::vector<uint32_t> ids{uint32_t(rows - 1), 0, 3, 3, uint32_t(rows / 2), 1};
        std::vector<float> expected;
        for (uint32_t id : ids)
            expected.insert(expected.end(), m.values.begin() + size_t(id) * cols,
                            m.values.begin() + size_t(id + 1) * cols);
        auto table = deviceBytes(m_context, m.bytes);
        auto idBuffer = deviceBytes(m_context, std::as_bytes(std::span(ids)));
        auto out = vk::Buffer::create(m_context, expected.size() * sizeof(float), vk::MemoryUse::DeviceLocal).value();
        auto recorder = vk::CommandRecorder::create(m_context).value();
        // A small binding limit as well, so lookups span several row ranges.
        vk::recordGetRows(*recorder, *m_context, {table.range(), type, uint32_t(rows), uint32_t(cols)},
                          idBuffer.range(), uint32_t(ids.size()), out.range(),
                          smallBindingLimit(*m_context, m.rowBytes, 5));
        QVERIFY(recorder->submit().ok());
        // Dequantization is a product and a sum per weight: at most an ulp or two from the CPU.
        std::vector<float> tolerance(expected.size());
        for (size_t i = 0; i < expected.size(); ++i)
            tolerance[i] = 2.5e-7f * (std::fabs(expected[i]) + 1.0f);
        QVERIFY(gputest::compareWithTolerance(QTest::currentDataTag(), expected,
                                              readBack(*m_context, out, expected.size()), tolerance));
    }

    void matrixBeyondMaxStorageBufferRange()
    {
        // A Q4_0 matrix of 66000 x 4096 is 145 MiB: more than lavapipe's 128 MiB binding range,
        // the size class of a 128k-vocabulary output matrix. 64 distinct rows, tiled.
        const TensorType type = TensorType::Q4_0;
        const uint32_t cols = 4096, rows = 66000, distinct = 64;
        HostMatrix unique = quantizedMatrix(type, distinct, cols, 99);
        const uint64_t total = unique.rowBytes * rows;
        QVERIFY(total > m_context->maxStorageBufferRange());
        std::vector<std::byte> bytes(total + 4);
        for (uint32_t r = 0; r < rows; ++r)
            std::memcpy(bytes.data() + r * unique.rowBytes, unique.bytes.data() + (r % distinct) * unique.rowBytes,
                        unique.rowBytes);
        std::vector<float> x = gputest::randomFloats(cols, 9);
        std::vector<float> uniqueExpected, uniqueTolerance;
        referenceMatVec(unique, x, uniqueExpected, uniqueTolerance);
        std::vector<float> expected(rows), tolerance(rows);
        for (uint32_t r = 0; r < rows; ++r) {
            expected[r] = uniqueExpected[r % distinct];
            tolerance[r] = uniqueTolerance[r % distinct];
        }
        auto ws = deviceBytes(m_context, bytes);
        bytes = {};
        auto xs = deviceBytes(m_context, std::as_bytes(std::span(x)));
        auto ys = vk::Buffer::create(m_context, rows * sizeof(float), vk::MemoryUse::DeviceLocal).value();
        const std::vector<uint32_t> ids{rows - 1, 0, 65537, 40000};
        auto idBuffer = deviceBytes(m_context, std::as_bytes(std::span(ids)));
        auto rowsOut = vk::Buffer::create(m_context, ids.size() * cols * sizeof(float), vk::MemoryUse::DeviceLocal)
                           .value();
        auto recorder = vk::CommandRecorder::create(m_context).value();
        const vk::WeightMatrix w{ws.range(), type, rows, cols};
        recorder->timestamp("start");
        vk::recordMatVec(*recorder, *m_context, w, xs.range(), ys.range());
        recorder->timestamp("matvec");
        vk::recordGetRows(*recorder, *m_context, w, idBuffer.range(), uint32_t(ids.size()), rowsOut.range());
        QCOMPARE(recorder->dispatchCount(), 4u); // two ranges each
        QVERIFY(recorder->submit().ok());
        const double ms = recorder->timings()[1].milliseconds;
        std::printf("145 MiB Q4_0 matvec: %.1f ms GPU time (%.2f GB/s)\n", ms, total / (ms * 1e6));
        QVERIFY(gputest::compareWithTolerance("big matvec", expected, readBack(*m_context, ys, rows), tolerance));
        std::vector<float> expectedRows;
        for (uint32_t id : ids)
            expectedRows.insert(expectedRows.end(), unique.values.begin() + size_t(id % distinct) * cols,
                                unique.values.begin() + size_t(id % distinct + 1) * cols);
        std::vector<float> rowTolerance(expectedRows.size(), 1e-6f);
        QVERIFY(gputest::compareWithTolerance("big get-rows", expectedRows,
                                              readBack(*m_context, rowsOut, expectedRows.size()), rowTolerance));
    }
};

AGORA_GPU_TEST_MAIN(TestVkQuantKernels, childMain)
#include "test_vk_quant_kernels.moc"
