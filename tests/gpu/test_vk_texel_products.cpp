// Weight matrices uploaded with padded rows (WeightMatrix::rowStride), the layout GpuForward
// uses on CPU drivers so the row-per-invocation product reads them through texel buffers
// (matvec_texel.comp). For every supported type: the texel product against the CPU reference
// (tensor::dequantizeRow, then a dot product in double), including matrices split across
// several bindings; and the other kernels (subgroup matvec, both matmul layouts, get-rows) on
// the same padded rows, since they all step between rows by the stride.
#include "gpu_test_util.h"
#include "quant_test_util.h"
#include "tensor/quant.h"
#include "vk/buffer.h"
#include "vk/quant_kernels.h"
#include "vk/recorder.h"

#include <QtTest>

#include <cmath>
#include <cstring>

using namespace agora;

Q_DECLARE_METATYPE(agora::TensorType)

namespace {

int childMain(const char*) { return 99; }

constexpr uint64_t kTexel = 16;

// A matrix quantized on the host with rows `stride` bytes apart (the gap filled with 0xA5, so a
// kernel that read it would be caught), and the dequantized values the reference sees.
struct PaddedMatrix {
    TensorType type;
    uint32_t rows;
    uint32_t cols;
    uint64_t stride;
    std::vector<std::byte> bytes;
    std::vector<float> values;
};

PaddedMatrix paddedMatrix(TensorType type, uint32_t rows, uint32_t cols, uint32_t seed)
{
    const uint64_t packed = rowBytes(type, cols).value();
    PaddedMatrix m{type, rows, cols, (packed + kTexel - 1) / kTexel * kTexel, {}, {}};
    m.bytes.assign(m.stride * rows + kTexel, std::byte{0xA5});
    m.values.resize(size_t(rows) * cols);
    const std::vector<float> source = gputest::randomFloats(size_t(rows) * cols, seed, 1.5f);
    for (uint32_t r = 0; r < rows; ++r) {
        std::byte* row = m.bytes.data() + r * m.stride;
        if (auto q = tensor::quantizeRow(type, source.data() + size_t(r) * cols, row, cols); !q)
            qFatal("quantizeRow: %s", q.error().message.c_str());
        if (auto d = tensor::dequantizeRow(type, row, m.values.data() + size_t(r) * cols, cols); !d)
            qFatal("dequantizeRow: %s", d.error().message.c_str());
    }
    return m;
}

using gputest::deviceBytes;
using gputest::readBack;

void reference(const PaddedMatrix& m, std::span<const float> x, std::vector<float>& expected,
               std::vector<float>& tolerance)
{
    gputest::referenceDotProducts(m.values, m.rows, m.cols, x, expected, tolerance);
}

const auto& kTypes = gputest::kAllWeightTypes;

std::string tag(const char* what) { return std::string(QTest::currentDataTag()) + " " + what; }

} // namespace

class TestVkTexelProducts : public QObject {
    Q_OBJECT

    std::shared_ptr<vk::Context> m_context;

private slots:
    void initTestCase()
    {
        m_context = gputest::openDevice();
        QVERIFY2(m_context, "the GPU tests need a Vulkan device (lavapipe in CI)");
    }
    void cleanupTestCase() { m_context.reset(); }

    void preferredStrideFollowsTheLayout()
    {
        const uint64_t packed = rowBytes(TensorType::Q8_0, 896).value(); // 952: not whole texels
        const uint64_t stride = vk::preferredRowStride(*m_context, TensorType::Q8_0, 896);
        if (vk::resolveLayout(*m_context, vk::ProductLayout::Auto) == vk::ProductLayout::RowPerInvocation)
            QCOMPARE(stride, uint64_t(960));
        else
            QCOMPARE(stride, packed);
        QCOMPARE(vk::preferredRowStride(*m_context, TensorType::Q4_K, 100), uint64_t(0)); // not whole blocks
    }

    void productsOnPaddedRows_data()
    {
        QTest::addColumn<TensorType>("type");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("cols");
        for (TensorType type : kTypes) {
            const std::string name(tensorTypeName(type));
            QTest::newRow((name + " 37x256").c_str()) << type << 37 << 256;
            if (traitsOf(type).blockElements <= 32)
                QTest::newRow((name + " 70x896").c_str()) << type << 70 << 896; // Qwen2.5-0.5B width
            else
                QTest::newRow((name + " 70x768").c_str()) << type << 70 << 768;
            QTest::newRow((name + " 9x4864").c_str()) << type << 9 << 4864;
            if (traitsOf(type).blockElements == 32)
                QTest::newRow((name + " 11x96").c_str()) << type << 11 << 96; // odd block count
            if (traitsOf(type).blockElements == 1) {
                QTest::newRow((name + " 13x100").c_str()) << type << 13 << 100;
                QTest::newRow((name + " 5x36").c_str()) << type << 5 << 36;
            }
        }
    }

    void productsOnPaddedRows()
    {
        QFETCH(TensorType, type);
        QFETCH(int, rows);
        QFETCH(int, cols);
        PaddedMatrix m = paddedMatrix(type, uint32_t(rows), uint32_t(cols), 500 + rows + cols);
        const uint32_t tokens = 11;
        std::vector<float> x = gputest::randomFloats(size_t(tokens) * cols, 21);
        auto ws = deviceBytes(m_context, m.bytes);
        auto xs = deviceBytes(m_context, std::as_bytes(std::span(x)));
        const vk::WeightMatrix w{ws.range(), type, uint32_t(rows), uint32_t(cols), uint32_t(m.stride)};
        QVERIFY(vk::texelProductApplies(*m_context, w, xs.range()));
        const vk::WeightMatrix unpadded{ws.range(), type, uint32_t(rows), uint32_t(cols)}; // rowStride 0
        QVERIFY(!vk::texelProductApplies(*m_context, unpadded, xs.range()));

        std::vector<float> expected, tolerance;
        reference(m, std::span(x).first(size_t(cols)), expected, tolerance);
        for (vk::ProductLayout layout : {vk::ProductLayout::RowPerInvocation, vk::ProductLayout::RowPerSubgroup}) {
            auto ys = vk::Buffer::create(m_context, rows * sizeof(float), vk::MemoryUse::DeviceLocal).value();
            auto recorder = vk::CommandRecorder::create(m_context).value();
            vk::recordMatVec(*recorder, *m_context, w, xs.range(), ys.range(), 0, layout);
            auto submitted = recorder->submit();
            QVERIFY2(submitted.ok(), submitted.ok() ? "" : submitted.error().message.c_str());
            const bool texel = layout == vk::ProductLayout::RowPerInvocation;
            QVERIFY(gputest::compareWithTolerance(tag(texel ? "texel matvec" : "subgroup matvec").c_str(), expected,
                                                  readBack(*m_context, ys, rows), tolerance));
        }

        // The batched products on the same rows, every token against the reference.
        std::vector<float> expectedAll, toleranceAll;
        for (uint32_t t = 0; t < tokens; ++t) {
            reference(m, std::span(x).subspan(size_t(t) * cols, cols), expected, tolerance);
            expectedAll.insert(expectedAll.end(), expected.begin(), expected.end());
            toleranceAll.insert(toleranceAll.end(), tolerance.begin(), tolerance.end());
        }
        for (vk::ProductLayout layout : {vk::ProductLayout::RowPerInvocation, vk::ProductLayout::RowPerSubgroup}) {
            auto ys = vk::Buffer::create(m_context, expectedAll.size() * sizeof(float), vk::MemoryUse::DeviceLocal)
                          .value();
            auto recorder = vk::CommandRecorder::create(m_context).value();
            vk::recordMatMul(*recorder, *m_context, w, xs.range(), ys.range(), vk::MatMulShape{tokens, 0, 0, 0}, 0,
                             layout);
            QVERIFY(recorder->submit().ok());
            QVERIFY(gputest::compareWithTolerance(tag("matmul").c_str(), expectedAll,
                                                  readBack(*m_context, ys, expectedAll.size()), toleranceAll));
        }

        // The embedding lookup steps between rows by the stride as well.
        const std::vector<uint32_t> ids{uint32_t(rows - 1), 0, uint32_t(rows / 2)};
        std::vector<float> expectedRows;
        for (uint32_t id : ids)
            expectedRows.insert(expectedRows.end(), m.values.begin() + size_t(id) * cols,
                                m.values.begin() + size_t(id + 1) * cols);
        auto idBuffer = deviceBytes(m_context, std::as_bytes(std::span(ids)));
        auto out = vk::Buffer::create(m_context, expectedRows.size() * sizeof(float), vk::MemoryUse::DeviceLocal)
                       .value();
        auto recorder = vk::CommandRecorder::create(m_context).value();
        vk::recordGetRows(*recorder, *m_context, w, idBuffer.range(), uint32_t(ids.size()), out.range());
        QVERIFY(recorder->submit().ok());
        std::vector<float> rowTolerance(expectedRows.size());
        for (size_t i = 0; i < expectedRows.size(); ++i)
            rowTolerance[i] = 2.5e-7f * (std::fabs(expectedRows[i]) + 1.0f);
        QVERIFY(gputest::compareWithTolerance(tag("get-rows").c_str(), expectedRows,
                                              readBack(*m_context, out, expectedRows.size()), rowTolerance));
    }

    void productPlusAddend_data()
    {
        QTest::addColumn<TensorType>("type");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("cols");
        QTest::addColumn<int>("bindingRows"); // rows per binding (0: one binding)
        QTest::newRow("Q5_0 200x896") << TensorType::Q5_0 << 200 << 896 << 0; // two rows per lane
        QTest::newRow("Q8_0 70x96") << TensorType::Q8_0 << 70 << 96 << 0;
        QTest::newRow("Q8_0 53x896 split") << TensorType::Q8_0 << 53 << 896 << 7;
        QTest::newRow("Q4_K 9x4864") << TensorType::Q4_K << 9 << 4864 << 0;
        QTest::newRow("Q6_K 37x256 split") << TensorType::Q6_K << 37 << 256 << 5;
        QTest::newRow("F16 13x100") << TensorType::F16 << 13 << 100 << 0;
    }

    void productPlusAddend()
    {
        // y = W x + b with b a separate vector (a bias), and y += W x with the addend y itself (the
        // residual stream): one dispatch each, against the reference plus the addend.
        QFETCH(TensorType, type);
        QFETCH(int, rows);
        QFETCH(int, cols);
        QFETCH(int, bindingRows);
        PaddedMatrix m = paddedMatrix(type, uint32_t(rows), uint32_t(cols), 31 + rows);
        const std::vector<float> x = gputest::randomFloats(size_t(cols), 5);
        const std::vector<float> addend = gputest::randomFloats(size_t(rows), 6, 4.0f);
        std::vector<float> expected, tolerance;
        reference(m, x, expected, tolerance);
        for (size_t r = 0; r < expected.size(); ++r)
            expected[r] += addend[r];
        auto ws = deviceBytes(m_context, m.bytes);
        auto xs = deviceBytes(m_context, std::as_bytes(std::span(x)));
        auto bs = deviceBytes(m_context, std::as_bytes(std::span(addend)));
        const vk::WeightMatrix w{ws.range(), type, uint32_t(rows), uint32_t(cols), uint32_t(m.stride)};
        const VkDeviceSize limit = bindingRows ? bindingRows * m.stride + kTexel + 4 : 0;

        auto ys = vk::Buffer::create(m_context, rows * sizeof(float), vk::MemoryUse::DeviceLocal).value();
        auto recorder = vk::CommandRecorder::create(m_context).value();
        QVERIFY(vk::recordMatVecAdd(*recorder, *m_context, w, xs.range(), ys.range(), bs.range(), limit));
        QCOMPARE(recorder->dispatchCount(), bindingRows ? uint32_t((rows + bindingRows - 1) / bindingRows) : 1u);
        QVERIFY(recorder->submit().ok());
        QVERIFY(gputest::compareWithTolerance(tag("bias").c_str(), expected, readBack(*m_context, ys, rows), tolerance));

        auto residual = deviceBytes(m_context, std::as_bytes(std::span(addend))); // y starts as the addend
        recorder = vk::CommandRecorder::create(m_context).value();
        QVERIFY(vk::recordMatVecAdd(*recorder, *m_context, w, xs.range(), residual.range(), residual.range(), limit));
        QVERIFY(recorder->submit().ok());
        QVERIFY(gputest::compareWithTolerance(tag("residual").c_str(), expected, readBack(*m_context, residual, rows),
                                              tolerance));

        // Rows not padded to texels: no fused product, nothing recorded (the caller adds apart).
        const vk::WeightMatrix unpadded{ws.range(), type, uint32_t(rows), uint32_t(cols)};
        recorder = vk::CommandRecorder::create(m_context).value();
        QVERIFY(!vk::recordMatVecAdd(*recorder, *m_context, unpadded, xs.range(), ys.range(), bs.range()));
        QCOMPARE(recorder->dispatchCount(), 0u);
    }

    // A gated feed-forward's input in one dispatch: gate rows then up rows in one matrix, y[r] =
    // act(gate_r . x) * (up_r . x), against the reference products through the same activation.
    void gatedProduct_data()
    {
        QTest::addColumn<TensorType>("type");
        QTest::addColumn<int>("rows"); // gate rows (the matrix has twice as many)
        QTest::addColumn<int>("cols");
        QTest::newRow("Q5_0 100x896") << TensorType::Q5_0 << 100 << 896;
        QTest::newRow("Q8_0 70x96") << TensorType::Q8_0 << 70 << 96;
        QTest::newRow("Q4_K 9x4864") << TensorType::Q4_K << 9 << 4864;
        QTest::newRow("Q6_K 37x256") << TensorType::Q6_K << 37 << 256;
    }

    void gatedProduct()
    {
        QFETCH(TensorType, type);
        QFETCH(int, rows);
        QFETCH(int, cols);
        PaddedMatrix m = paddedMatrix(type, uint32_t(2 * rows), uint32_t(cols), 57 + rows);
        const std::vector<float> x = gputest::randomFloats(size_t(cols), 8, 0.5f);
        std::vector<float> products, tolerance;
        reference(m, x, products, tolerance);
        auto ws = deviceBytes(m_context, m.bytes);
        auto xs = deviceBytes(m_context, std::as_bytes(std::span(x)));
        const vk::WeightMatrix w{ws.range(), type, uint32_t(2 * rows), uint32_t(cols), uint32_t(m.stride)};
        for (vk::Gate gate : {vk::Gate::Silu, vk::Gate::Gelu}) {
            std::vector<float> expected(static_cast<size_t>(rows)), bound(static_cast<size_t>(rows));
            for (int r = 0; r < rows; ++r) {
                const double g = products[size_t(r)], u = products[size_t(rows + r)];
                const double act = gate == vk::Gate::Silu
                                       ? g / (1.0 + std::exp(-g))
                                       : 0.5 * g * (1.0 + std::tanh(0.7978845608 * g * (1.0 + 0.044715 * g * g)));
                expected[size_t(r)] = float(act * u);
                // The activations' slopes stay below 1.2: the products' bounds carry through.
                bound[size_t(r)] = float(1.2 * tolerance[size_t(r)] * std::abs(u)
                                         + std::abs(act) * tolerance[size_t(rows + r)] + 1e-5 * std::abs(act * u) + 1e-6);
            }
            auto ys = vk::Buffer::create(m_context, rows * sizeof(float), vk::MemoryUse::DeviceLocal).value();
            auto recorder = vk::CommandRecorder::create(m_context).value();
            QVERIFY(vk::recordMatVecGated(*recorder, *m_context, w, xs.range(), ys.range(), gate, false));
            QCOMPARE(recorder->dispatchCount(), 1u);
            QVERIFY(recorder->submit().ok());
            QVERIFY(gputest::compareWithTolerance(tag(gate == vk::Gate::Silu ? "silu" : "gelu").c_str(), expected,
                                                  readBack(*m_context, ys, rows), bound));
        }
        // Where the kernel does not apply nothing is recorded: an odd row count, rows not padded
        // to texels.
        auto recorder = vk::CommandRecorder::create(m_context).value();
        const vk::WeightMatrix odd{ws.range(), type, uint32_t(2 * rows - 1), uint32_t(cols), uint32_t(m.stride)};
        const vk::WeightMatrix unpadded{ws.range(), type, uint32_t(2 * rows), uint32_t(cols)};
        auto ys = vk::Buffer::create(m_context, rows * sizeof(float), vk::MemoryUse::DeviceLocal).value();
        QVERIFY(!vk::recordMatVecGated(*recorder, *m_context, odd, xs.range(), ys.range(), vk::Gate::Silu, false));
        if (m.stride != rowBytes(type, uint32_t(cols)).value())
            QVERIFY(!vk::recordMatVecGated(*recorder, *m_context, unpadded, xs.range(), ys.range(), vk::Gate::Silu, false));
        QCOMPARE(recorder->dispatchCount(), 0u);
    }

    void texelProductSplitAcrossBindings_data()
    {
        QTest::addColumn<TensorType>("type");
        QTest::addColumn<int>("cols");
        for (TensorType type : {TensorType::Q8_0, TensorType::Q5_0, TensorType::F16})
            QTest::newRow(std::string(tensorTypeName(type)).c_str()) << type << 896;
        for (TensorType type : {TensorType::Q4_K, TensorType::Q6_K})
            QTest::newRow(std::string(tensorTypeName(type)).c_str()) << type << 4864;
    }

    void texelProductSplitAcrossBindings()
    {
        // A binding limit of a few rows forces many texel views, each at an aligned offset.
        QFETCH(TensorType, type);
        QFETCH(int, cols);
        const uint32_t rows = 53;
        PaddedMatrix m = paddedMatrix(type, rows, uint32_t(cols), 78);
        std::vector<float> x = gputest::randomFloats(size_t(cols), 9);
        std::vector<float> expected, tolerance;
        reference(m, x, expected, tolerance);
        auto ws = deviceBytes(m_context, m.bytes);
        auto xs = deviceBytes(m_context, std::as_bytes(std::span(x)));
        const vk::WeightMatrix w{ws.range(), type, rows, uint32_t(cols), uint32_t(m.stride)};
        QVERIFY(vk::texelProductApplies(*m_context, w, xs.range()));
        const VkDeviceSize limit = 7 * m.stride + kTexel + 4; // about 7 rows a binding (alignment permitting)
        auto ys = vk::Buffer::create(m_context, rows * sizeof(float), vk::MemoryUse::DeviceLocal).value();
        auto recorder = vk::CommandRecorder::create(m_context).value();
        vk::recordMatVec(*recorder, *m_context, w, xs.range(), ys.range(), limit, vk::ProductLayout::RowPerInvocation);
        QVERIFY(recorder->dispatchCount() > 1);
        QVERIFY(recorder->submit().ok());
        QVERIFY(gputest::compareWithTolerance(QTest::currentDataTag(), expected, readBack(*m_context, ys, rows),
                                              tolerance));
    }
};

AGORA_GPU_TEST_MAIN(TestVkTexelProducts, childMain)
#include "test_vk_texel_products.moc"
