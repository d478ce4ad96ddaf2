// Weight rows interleaved texel by texel in groups (WeightMatrix::rowInterleave), the layout
// GpuForward uploads Q8_0 / Q5_0 / Q4_K / Q6_K matrices in on CPU devices so that the lanes of
// a SIMD group read neighbouring texels. Every kernel that reads such a matrix must compute the
// same bits as on plain padded rows: the float and integer matrix-vector products, with an
// addend and gated, the float and integer batched products, get-rows, and all of them split
// across bindings; row counts that leave the last group partial. vk::layOutRows is checked
// against the placement formula, and the storage-buffer kernels refuse interleaved rows.
#include "../gpu/gpu_test_util.h"
#include "../gpu/quant_test_util.h"

#include "model/gpu_kernels.h"
#include "tensor/quant.h"
#include "vk/buffer.h"
#include "vk/quant_kernels.h"
#include "vk/recorder.h"

#include <QtTest>

#include <cstring>
#include <functional>

using namespace agora;

Q_DECLARE_METATYPE(agora::TensorType)

namespace {

constexpr uint64_t kTexel = 16;
constexpr uint32_t kGroup = 8; // the interleave under test (lavapipe's SIMD width)

// Both layouts of one random matrix: padded rows one after another, and the same rows
// interleaved by kGroup (with a texel of slack after each, as GpuForward allocates).
struct TwoLayouts {
    uint64_t stride = 0;
    std::vector<std::byte> plain;
    std::vector<std::byte> interleaved;
};

TwoLayouts twoLayouts(TensorType type, uint32_t rows, uint32_t cols, uint32_t seed)
{
    const uint64_t packed = rowBytes(type, cols).value();
    std::vector<std::byte> packedRows(size_t(packed * rows));
    const std::vector<float> source = gputest::randomFloats(size_t(rows) * cols, seed, 1.5f);
    for (uint32_t r = 0; r < rows; ++r) {
        if (auto q = tensor::quantizeRow(type, source.data() + size_t(r) * cols, packedRows.data() + r * packed, cols);
            !q)
            qFatal("quantizeRow: %s", q.error().message.c_str());
    }
    TwoLayouts m;
    m.stride = (packed + kTexel - 1) / kTexel * kTexel;
    m.plain.resize(size_t(vk::matrixBytes(rows, m.stride, 1)));
    vk::layOutRows(packedRows.data(), 0, rows, packed, m.stride, 1, m.plain);
    m.plain.resize(m.plain.size() + kTexel);
    m.interleaved.resize(size_t(vk::matrixBytes(rows, m.stride, kGroup)));
    vk::layOutRows(packedRows.data(), 0, rows, packed, m.stride, kGroup, m.interleaved);
    m.interleaved.resize(m.interleaved.size() + kTexel);
    return m;
}

bool sameBits(const std::vector<float>& a, const std::vector<float>& b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

using Record = std::function<void(vk::CommandRecorder&, const vk::WeightMatrix&, const vk::BufferRange& out)>;

// Runs `record` on a matrix's plain and interleaved layouts and returns both outputs.
std::pair<std::vector<float>, std::vector<float>> runBoth(const std::shared_ptr<vk::Context>& context,
                                                          const TwoLayouts& m, TensorType type, uint32_t rows,
                                                          uint32_t cols, size_t outFloats, const Record& record)
{
    std::pair<std::vector<float>, std::vector<float>> results;
    for (uint32_t interleave : {1u, kGroup}) {
        auto weights = gputest::deviceBytes(context, interleave == 1 ? m.plain : m.interleaved);
        const vk::WeightMatrix w{weights.range(), type, rows, cols, uint32_t(m.stride), interleave};
        auto out = vk::Buffer::create(context, outFloats * sizeof(float), vk::MemoryUse::DeviceLocal).value();
        auto recorder = vk::CommandRecorder::create(context).value();
        record(*recorder, w, out.range());
        if (auto submitted = recorder->submit(); !submitted)
            qFatal("submit: %s", submitted.error().message.c_str());
        (interleave == 1 ? results.first : results.second) = gputest::readBack(*context, out, outFloats);
    }
    return results;
}

// An interleaved matrix on the device, an x of `cols` values and room for `outRows` outputs: what
// the checks that only record need.
struct Recordable {
    vk::Buffer weights, x, y;
    vk::WeightMatrix w;
};

Recordable recordable(const std::shared_ptr<vk::Context>& context, TensorType type, uint32_t rows, uint32_t cols,
                      uint32_t outRows)
{
    const TwoLayouts m = twoLayouts(type, rows, cols, 5);
    const std::vector<float> x(cols, 0.5f);
    Recordable r;
    r.weights = gputest::deviceBytes(context, m.interleaved);
    r.x = gputest::deviceBytes(context, std::as_bytes(std::span(x)));
    r.y = vk::Buffer::create(context, outRows * sizeof(float), vk::MemoryUse::DeviceLocal).value();
    r.w = vk::WeightMatrix{r.weights.range(), type, rows, cols, uint32_t(m.stride), kGroup};
    return r;
}

// Child mode: a storage-buffer product on interleaved rows, which must stop at the contract check.
int childMain(const char* mode)
{
    if (std::string_view(mode) != "storage-product-on-interleaved-rows")
        return 99;
    auto context = gputest::openDevice();
    const Recordable r = recordable(context, TensorType::Q8_0, 16, 64, 16);
    auto recorder = vk::CommandRecorder::create(context).value();
    vk::recordMatVec(*recorder, *context, r.w, r.x.range(), r.y.range(), 0, vk::ProductLayout::RowPerSubgroup);
    return 0; // not reached when the check holds
}

} // namespace

class TestInterleavedRowsGpu : public QObject {
    Q_OBJECT

    std::shared_ptr<vk::Context> m_context;

private slots:
    void initTestCase()
    {
        m_context = gputest::openDevice();
        QVERIFY2(m_context, "the GPU tests need a Vulkan device (lavapipe in CI)");
    }
    void cleanupTestCase() { m_context.reset(); }

    void layOutRowsPlacesEveryTexel()
    {
        // 11 rows of 40 packed bytes (3 texels with padding) in groups of 4: row r texel t at
        // texel ((r / 4) * 3 + t) * 4 + r % 4, zeros in the padding and the missing row 11.
        const uint64_t packed = 40, stride = 48;
        const uint32_t rows = 11, group = 4;
        std::vector<std::byte> source(size_t(packed * rows));
        for (size_t i = 0; i < source.size(); ++i)
            source[i] = std::byte(1 + i % 251);
        std::vector<std::byte> out(size_t(vk::matrixBytes(rows, stride, group)));
        QCOMPARE(out.size(), size_t(12 * stride));
        vk::layOutRows(source.data(), 0, rows, packed, stride, group, out);
        for (uint32_t r = 0; r < 12; ++r) {
            for (uint64_t b = 0; b < stride; ++b) {
                const uint64_t t = b / kTexel;
                const uint64_t at = (((r / group) * (stride / kTexel) + t) * group + r % group) * kTexel + b % kTexel;
                const std::byte expected = r < rows && b < packed ? source[size_t(r * packed + b)] : std::byte{0};
                QCOMPARE(int(out[size_t(at)]), int(expected));
            }
        }
        // A piece starting at a later group (how GpuForward uploads in pieces) lands the same.
        std::vector<std::byte> piece(size_t(2 * group * stride));
        vk::layOutRows(source.data() + 4 * packed, 4, rows, packed, stride, group, piece);
        QVERIFY(std::memcmp(piece.data(), out.data() + group * stride, piece.size()) == 0);
    }

    void preferredInterleaveIsTheSimdWidth()
    {
        const bool rowsLayout =
            vk::resolveLayout(*m_context, vk::ProductLayout::Auto) == vk::ProductLayout::RowPerInvocation;
        for (TensorType type : {TensorType::Q8_0, TensorType::Q5_0, TensorType::Q4_K, TensorType::Q6_K})
            QCOMPARE(vk::preferredRowInterleave(*m_context, type, 4864), rowsLayout ? m_context->subgroupSize() : 1u);
        QCOMPARE(vk::preferredRowInterleave(*m_context, TensorType::Q4_0, 4864), 1u); // no row-per-lane texel kernel
        QCOMPARE(vk::preferredRowInterleave(*m_context, TensorType::Q4_K, 100), 1u);  // not whole blocks
    }

    void everyKernelReadsTheSameRows_data()
    {
        QTest::addColumn<TensorType>("type");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("cols");
        QTest::newRow("Q8_0 37x896") << TensorType::Q8_0 << 37 << 896; // a partial last group
        QTest::newRow("Q8_0 48x96") << TensorType::Q8_0 << 48 << 96;   // an odd block count
        QTest::newRow("Q5_0 70x896") << TensorType::Q5_0 << 70 << 896;
        QTest::newRow("Q5_0 16x4864") << TensorType::Q5_0 << 16 << 4864;
        QTest::newRow("Q4_K 37x4864") << TensorType::Q4_K << 37 << 4864;
        QTest::newRow("Q6_K 64x256") << TensorType::Q6_K << 64 << 256;
        QTest::newRow("Q6_K 19x768") << TensorType::Q6_K << 19 << 768;
        QTest::newRow("Q4_0 21x256") << TensorType::Q4_0 << 21 << 256; // the per-unit kernels' word reader
        QTest::newRow("F16 24x200") << TensorType::F16 << 24 << 200;
    }

    void everyKernelReadsTheSameRows()
    {
        QFETCH(TensorType, type);
        QFETCH(int, rows);
        QFETCH(int, cols);
        const uint32_t r = uint32_t(rows), c = uint32_t(cols);
        const TwoLayouts m = twoLayouts(type, r, c, 300 + r + c);
        const uint32_t tokens = 11;
        const std::vector<float> x = gputest::randomFloats(size_t(tokens) * c, 17);
        auto xs = gputest::deviceBytes(m_context, std::as_bytes(std::span(x)));
        const std::vector<float> addend = gputest::randomFloats(r, 18, 3.0f);
        auto bs = gputest::deviceBytes(m_context, std::as_bytes(std::span(addend)));
        const VkDeviceSize splitLimit = kGroup * m.stride + kTexel + 4; // a group a binding
        auto check = [&](const char* what, size_t outFloats, const Record& record) {
            const auto [plain, interleaved] = runBoth(m_context, m, type, r, c, outFloats, record);
            QVERIFY2(sameBits(plain, interleaved), (std::string(QTest::currentDataTag()) + ": " + what).c_str());
        };
        const auto layout = vk::ProductLayout::RowPerInvocation;

        check("matvec", r, [&](vk::CommandRecorder& rec, const vk::WeightMatrix& w, const vk::BufferRange& y) {
            QVERIFY(vk::texelProductApplies(*m_context, w, xs.range()));
            vk::recordMatVec(rec, *m_context, w, xs.range(), y, 0, layout);
        });
        check("matvec split", r, [&](vk::CommandRecorder& rec, const vk::WeightMatrix& w, const vk::BufferRange& y) {
            vk::recordMatVec(rec, *m_context, w, xs.range(), y, splitLimit, layout);
            QVERIFY(rec.dispatchCount() > 1);
        });
        check("matvec + addend", r, [&](vk::CommandRecorder& rec, const vk::WeightMatrix& w, const vk::BufferRange& y) {
            QVERIFY(vk::recordMatVecAdd(rec, *m_context, w, xs.range(), y, bs.range()));
        });
        check("matmul", size_t(tokens) * r,
              [&](vk::CommandRecorder& rec, const vk::WeightMatrix& w, const vk::BufferRange& y) {
                  vk::recordMatMul(rec, *m_context, w, xs.range(), y, vk::MatMulShape{tokens, 0, 0, 0}, 0, layout);
              });
        check("matmul split", size_t(tokens) * r,
              [&](vk::CommandRecorder& rec, const vk::WeightMatrix& w, const vk::BufferRange& y) {
                  vk::recordMatMul(rec, *m_context, w, xs.range(), y, vk::MatMulShape{tokens, 0, 0, 0}, splitLimit,
                                   layout);
              });
        const std::vector<uint32_t> ids{r - 1, 0, r / 2, r - 1 - r % kGroup};
        auto idBuffer = gputest::deviceBytes(m_context, std::as_bytes(std::span(ids)));
        for (VkDeviceSize limit : {VkDeviceSize(0), splitLimit}) {
            check(limit ? "get-rows split" : "get-rows", ids.size() * c,
                  [&](vk::CommandRecorder& rec, const vk::WeightMatrix& w, const vk::BufferRange& y) {
                      vk::recordGetRows(rec, *m_context, w, idBuffer.range(), uint32_t(ids.size()), y, limit);
                  });
        }

        // Gated: the matrix's first half of the rows as gate, the second as up, where the halves
        // are whole groups.
        if (r % (2 * kGroup) == 0 && (type == TensorType::Q8_0 || type == TensorType::Q5_0 || type == TensorType::Q4_K
                                      || type == TensorType::Q6_K)) {
            check("gated", r / 2, [&](vk::CommandRecorder& rec, const vk::WeightMatrix& w, const vk::BufferRange& y) {
                QVERIFY(vk::recordMatVecGated(rec, *m_context, w, xs.range(), y, vk::Gate::Silu, false));
            });
        }

        // The integer products against x packed as Q8_0 codes.
        const bool integerBatches = type == TensorType::Q8_0 || type == TensorType::Q5_0;
        const bool superBlocks = type == TensorType::Q4_K || type == TensorType::Q6_K;
        if ((integerBatches && c % 64 == 0) || (superBlocks && c % 256 == 0)) {
            auto packed = vk::Buffer::create(m_context, tokens * vk::packedVectorBytes(c), vk::MemoryUse::DeviceLocal)
                              .value();
            auto recorder = vk::CommandRecorder::create(m_context).value();
            model::gpu::recordPackActivations(*recorder, *m_context, xs.range(), packed.range(), c, tokens);
            QVERIFY(recorder->submit().ok());
            check("packed matvec", r, [&](vk::CommandRecorder& rec, const vk::WeightMatrix& w, const vk::BufferRange& y) {
                QVERIFY(vk::packedProductApplies(*m_context, w));
                vk::recordMatVecPacked(rec, *m_context, w, packed.range(), y, nullptr);
            });
            check("packed matvec split", r,
                  [&](vk::CommandRecorder& rec, const vk::WeightMatrix& w, const vk::BufferRange& y) {
                      vk::recordMatVecPacked(rec, *m_context, w, packed.range(), y, nullptr, splitLimit);
                      QVERIFY(rec.dispatchCount() > 1);
                  });
            if (integerBatches) { // the K-quants' prompt batches stay in float
                check("packed matmul", size_t(tokens) * r,
                      [&](vk::CommandRecorder& rec, const vk::WeightMatrix& w, const vk::BufferRange& y) {
                          vk::recordMatMulPacked(rec, *m_context, w, packed.range(), y,
                                                 vk::MatMulShape{tokens, 0, 0, 0});
                      });
            }
            if (r % (2 * kGroup) == 0) {
                check("packed gated", r / 2,
                      [&](vk::CommandRecorder& rec, const vk::WeightMatrix& w, const vk::BufferRange& y) {
                          QVERIFY(vk::recordMatVecGated(rec, *m_context, w, packed.range(), y, vk::Gate::Gelu, true));
                      });
            }
        }
    }

    void gatedHalvesMustStartAGroup()
    {
        // 24 rows interleaved by 8: the up half would start in the middle of a group.
        const Recordable r = recordable(m_context, TensorType::Q5_0, 24, 896, 12);
        auto recorder = vk::CommandRecorder::create(m_context).value();
        QVERIFY(!vk::recordMatVecGated(*recorder, *m_context, r.w, r.x.range(), r.y.range(), vk::Gate::Silu, false));
        QCOMPARE(recorder->dispatchCount(), 0u);
    }

    void storageKernelsRefuseInterleavedRows()
    {
        const auto child = gputest::runSelfAsChild("storage-product-on-interleaved-rows");
        QVERIFY(child.started);
        QVERIFY2(child.crashed || child.exitCode != 0, qPrintable(child.output));
        QVERIFY2(child.output.contains("interleaved rows are read by the texel kernels only"), qPrintable(child.output));
    }
};

AGORA_GPU_TEST_MAIN(TestInterleavedRowsGpu, childMain)

#include "test_interleaved_rows_gpu.moc"
