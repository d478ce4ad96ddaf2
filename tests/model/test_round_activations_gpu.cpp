// round_activations.comp on the Vulkan device (lavapipe in CI) against its CPU reference,
// cpu::roundActivationsLikeGgml: the copy a product with quantized weights reads must hold the
// values llama.cpp's CPU backend multiplies (Q8_0 blocks of 32 for the legacy quants, Q8_K blocks
// of 256 for the k-quants, f16 / bf16 for the float types), bit for bit. (The forward pass uses
// all but Q8_K for now; see GpuForward::multiply.) The input mixes
// magnitudes per block, an all-zero block, exact rounding ties, f16 subnormals and values past the
// f16 range, so every branch of the shader is exercised.
#include "../gpu/gpu_test_util.h"
#include "../gpu/quant_test_util.h"

#include "cpu/ggml_activation_rounding.h"
#include "model/gpu_kernels.h"
#include "tensor/quant.h"
#include "vk/quant_kernels.h"
#include "vk/basic_kernels.h"
#include "vk/buffer.h"
#include "vk/recorder.h"

#include <QtTest>

#include <bit>
#include <cmath>
#include <cstring>
#include <random>

using namespace agora;

namespace {

int childMain(const char*) { return 99; }

constexpr uint32_t kCols = 512; // two Q8_K blocks, sixteen Q8_0 blocks per row
constexpr uint32_t kRows = 5;

// Rows of activations with the awkward cases placed at known spots.
std::vector<float> makeInput()
{
    std::mt19937 rng(20261129);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::vector<float> x(size_t(kRows) * kCols);
    for (uint32_t r = 0; r < kRows; ++r) {
        for (uint32_t c = 0; c < kCols; ++c) {
            // A different magnitude every 32 values: scales from 1e-3 to ~1e3.
            const float magnitude = std::pow(10.0f, float((c / 32 + r) % 7) - 3.0f);
            x[size_t(r) * kCols + c] = normal(rng) * magnitude;
        }
    }
    // Row 1: the first 256 values are zero (an all-zero Q8_0 and Q8_K block).
    std::fill_n(x.begin() + kCols, 256, 0.0f);
    // Row 2: a block whose values sit exactly on Q8_0 rounding ties (amax 127: x * id = x).
    for (uint32_t c = 0; c < 32; ++c)
        x[size_t(2) * kCols + c] = c == 0 ? 127.0f : float(int(c) - 16) + 0.5f;
    // Row 3: f16 subnormals, f16 ties (1 + 2^-11 lies between two halves), and values past 65504.
    float* row3 = x.data() + size_t(3) * kCols;
    row3[0] = 3.0e-6f;
    row3[1] = -7.5e-8f;
    row3[2] = 1.0f + std::ldexp(1.0f, -11);
    row3[3] = 1.0f + 3.0f * std::ldexp(1.0f, -11);
    row3[4] = 70000.0f;
    row3[5] = -65520.0f;
    row3[6] = 65519.0f;
    // Row 4: a block whose largest magnitude is negative (Q8_K takes the signed maximum).
    x[size_t(4) * kCols + 300] = -5000.0f;
    return x;
}

struct Device {
    std::shared_ptr<vk::Context> context;
    std::unique_ptr<vk::CommandRecorder> recorder;
};

} // namespace

class TestRoundActivationsGpu : public QObject {
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

    void matchesCpuReference_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<bool>("rounds");
        QTest::newRow("Q8_0 weights (Q8_0 blocks)") << int(TensorType::Q8_0) << true;
        QTest::newRow("Q4_0 weights (Q8_0 blocks)") << int(TensorType::Q4_0) << true;
        QTest::newRow("Q4_K weights (Q8_K blocks)") << int(TensorType::Q4_K) << true;
        QTest::newRow("Q6_K weights (Q8_K blocks)") << int(TensorType::Q6_K) << true;
        QTest::newRow("F16 weights (f16)") << int(TensorType::F16) << true;
        QTest::newRow("BF16 weights (bf16)") << int(TensorType::BF16) << true;
        QTest::newRow("F32 weights (unrounded)") << int(TensorType::F32) << false;
    }

    void matchesCpuReference()
    {
        QFETCH(int, type);
        QFETCH(bool, rounds);
        const TensorType weightType = TensorType(type);
        const model::gpu::ActivationRounding rounding = model::gpu::activationRoundingFor(weightType);
        QCOMPARE(rounding != model::gpu::ActivationRounding::None, rounds);
        if (!rounds)
            return; // nothing is recorded; the product reads its input as it is

        const std::vector<float> input = makeInput();
        std::vector<float> expected = input;
        for (uint32_t r = 0; r < kRows; ++r)
            cpu::roundActivationsLikeGgml(weightType, std::span(expected).subspan(size_t(r) * kCols, kCols));

        const uint64_t bytes = input.size() * sizeof(float);
        auto x = vk::Buffer::create(m_device.context, bytes, vk::MemoryUse::DeviceLocal);
        auto y = vk::Buffer::create(m_device.context, bytes, vk::MemoryUse::DeviceLocal);
        QVERIFY(x.ok() && y.ok());
        QVERIFY(vk::uploadFloats(*m_device.context, *x, input).ok());
        model::gpu::recordRoundActivations(*m_device.recorder, *m_device.context, rounding, x->range(), y->range(),
                                           uint32_t(input.size()));
        const auto submitted = m_device.recorder->submit();
        m_device.recorder->reset();
        QVERIFY2(submitted.ok(), submitted.ok() ? "" : submitted.error().message.c_str());
        std::vector<float> got(input.size());
        QVERIFY(vk::downloadFloats(*m_device.context, *y, got).ok());

        size_t mismatches = 0;
        size_t changed = 0;
        for (size_t i = 0; i < got.size(); ++i) {
            changed += std::bit_cast<uint32_t>(expected[i]) != std::bit_cast<uint32_t>(input[i]);
            if (std::bit_cast<uint32_t>(got[i]) == std::bit_cast<uint32_t>(expected[i]))
                continue;
            if (++mismatches <= 8)
                qWarning("value %zu (row %zu col %zu): input %.9g, GPU %.9g, CPU %.9g", i, i / kCols, i % kCols,
                         double(input[i]), double(got[i]), double(expected[i]));
        }
        // The reference must really round (or the comparison proves nothing).
        QVERIFY2(changed > input.size() / 4, qPrintable(QString("only %1 values rounded").arg(changed)));
        QVERIFY2(mismatches == 0, qPrintable(QString("%1 of %2 values differ from the CPU reference")
                                                 .arg(mismatches)
                                                 .arg(got.size())));
    }

    // The integer decode product: x packed as Q8_0 codes (PACK_Q8_0), Q5_0/Q8_0 rows of padded
    // texels, against float64 dot products of the dequantized rows with x rounded by the CPU
    // reference (the values llama.cpp multiplies), with a bias, and adding into y itself.
    void packedProductMatchesRoundedProduct_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("cols");
        for (TensorType type : {TensorType::Q5_0, TensorType::Q8_0}) {
            const std::string name(tensorTypeName(type));
            QTest::newRow((name + " 200x896").c_str()) << int(type) << 200 << 896; // 3 groups + 2 pairs
            QTest::newRow((name + " 37x128").c_str()) << int(type) << 37 << 128;   // one partial group
            QTest::newRow((name + " 330x256").c_str()) << int(type) << 330 << 256; // gated: a partial workgroup
            QTest::newRow((name + " 9x4864").c_str()) << int(type) << 9 << 4864;
        }
        // The K-quants' integer decode products read the same Q8_0 packing (blocks of 32).
        for (TensorType type : {TensorType::Q4_K, TensorType::Q6_K}) {
            const std::string name(tensorTypeName(type));
            QTest::newRow((name + " 200x4864").c_str()) << int(type) << 200 << 4864;
            QTest::newRow((name + " 37x256").c_str()) << int(type) << 37 << 256;
            QTest::newRow((name + " 330x512").c_str()) << int(type) << 330 << 512;
        }
    }

    void packedProductMatchesRoundedProduct()
    {
        QFETCH(int, type);
        QFETCH(int, rows);
        QFETCH(int, cols);
        const TensorType weightType = TensorType(type);
        // Weights quantized on the host, rows padded to 16-byte texels (the 0xA5 gap is never read).
        const uint64_t packedRow = rowBytes(weightType, uint32_t(cols)).value();
        const uint64_t stride = (packedRow + 15) / 16 * 16;
        std::vector<std::byte> bytes(stride * rows + 16, std::byte{0xA5});
        std::vector<float> values(size_t(rows) * cols);
        const std::vector<float> source = gputest::randomFloats(values.size(), 77 + rows, 1.5f);
        for (int r = 0; r < rows; ++r) {
            std::byte* row = bytes.data() + stride * r;
            QVERIFY(tensor::quantizeRow(weightType, source.data() + size_t(r) * cols, row, cols).ok());
            QVERIFY(tensor::dequantizeRow(weightType, row, values.data() + size_t(r) * cols, cols).ok());
        }
        // x with a different magnitude every block (1e-3 .. 1e3) and an all-zero block.
        std::vector<float> x = gputest::randomFloats(size_t(cols), 12, 1.0f);
        for (int c = 0; c < cols; ++c)
            x[size_t(c)] *= std::pow(10.0f, float((c / 32) % 7) - 3.0f);
        for (size_t c = 32; c < 64 && c < x.size(); ++c)
            x[c] = 0.0f;
        // x as the packing rounds it: Q8_0 blocks of 32 (for the K-quants too, where llama.cpp's
        // Q8_K uses blocks of 256).
        const bool superBlocks = weightType == TensorType::Q4_K || weightType == TensorType::Q6_K;
        const TensorType rounding = superBlocks ? TensorType::Q8_0 : weightType;
        std::vector<float> rounded = x;
        cpu::roundActivationsLikeGgml(rounding, rounded);
        std::vector<float> expected, tolerance;
        gputest::referenceDotProducts(values, uint32_t(rows), uint32_t(cols), rounded, expected, tolerance);
        const std::vector<float> bias = gputest::randomFloats(size_t(rows), 3, 2.0f);

        auto ws = gputest::deviceBytes(m_device.context, bytes);
        auto xs = gputest::deviceBytes(m_device.context, std::as_bytes(std::span(x)));
        auto bs = gputest::deviceBytes(m_device.context, std::as_bytes(std::span(bias)));
        auto packed = vk::Buffer::create(m_device.context, vk::packedVectorBytes(uint32_t(cols)),
                                         vk::MemoryUse::DeviceLocal).value();
        auto ys = vk::Buffer::create(m_device.context, rows * sizeof(float), vk::MemoryUse::DeviceLocal).value();
        auto sums = gputest::deviceBytes(m_device.context, std::as_bytes(std::span(bias))); // y += W x
        const vk::WeightMatrix w{ws.range(), weightType, uint32_t(rows), uint32_t(cols), uint32_t(stride)};
        QVERIFY(vk::packedProductApplies(*m_device.context, w));
        const vk::WeightMatrix oddBlocks{ws.range(), weightType, uint32_t(rows), uint32_t(cols - 32), uint32_t(stride)};
        QVERIFY(!vk::packedProductApplies(*m_device.context, oddBlocks)); // rows of whole pairs (super-blocks) only

        model::gpu::recordPackActivations(*m_device.recorder, *m_device.context, xs.range(), packed.range(),
                                          uint32_t(cols));
        vk::recordMatVecPacked(*m_device.recorder, *m_device.context, w, packed.range(), ys.range(), nullptr);
        const vk::BufferRange sumsRange = sums.range();
        vk::recordMatVecPacked(*m_device.recorder, *m_device.context, w, packed.range(), sumsRange, &sumsRange);
        const auto submitted = m_device.recorder->submit();
        m_device.recorder->reset();
        QVERIFY2(submitted.ok(), submitted.ok() ? "" : submitted.error().message.c_str());
        QVERIFY(gputest::compareWithTolerance(QTest::currentDataTag(), expected,
                                              gputest::readBack(*m_device.context, ys, size_t(rows)), tolerance));
        for (int r = 0; r < rows; ++r)
            expected[size_t(r)] += bias[size_t(r)];
        QVERIFY(gputest::compareWithTolerance("plus y", expected,
                                              gputest::readBack(*m_device.context, sums, size_t(rows)), tolerance));

        // Gated (a feed-forward's gate rows then its up rows in one dispatch, the integer Q5_0 lanes
        // taking two of each) on the same packed x: y[r] = silu(gate_r . x) * (up_r . x).
        if (rows % 2 == 0) {
            std::vector<float> products, bounds;
            gputest::referenceDotProducts(values, uint32_t(rows), uint32_t(cols), rounded, products, bounds);
            const size_t half = size_t(rows / 2);
            std::vector<float> gated(half), gatedBound(half);
            for (size_t r = 0; r < half; ++r) {
                const double g = products[r], u = products[half + r], act = g / (1.0 + std::exp(-g));
                gated[r] = float(act * u);
                // SiLU's slope stays below 1.2: the products' bounds carry through.
                gatedBound[r] = float(1.2 * bounds[r] * std::abs(u) + std::abs(act) * bounds[half + r]
                                      + 1e-5 * std::abs(act * u) + 1e-6);
            }
            auto gy = vk::Buffer::create(m_device.context, half * sizeof(float), vk::MemoryUse::DeviceLocal).value();
            QVERIFY(vk::recordMatVecGated(*m_device.recorder, *m_device.context, w, packed.range(), gy.range(),
                                          vk::Gate::Silu, true));
            const auto gatedSubmitted = m_device.recorder->submit();
            m_device.recorder->reset();
            QVERIFY(gatedSubmitted.ok());
            QVERIFY(gputest::compareWithTolerance("gated", gated, gputest::readBack(*m_device.context, gy, half),
                                                  gatedBound));
        }

        if (superBlocks)
            return; // prompt batches of the K-quants stay in float
        // A batch: 11 token rows packed row by row, all of them, then only the last (the logits).
        const uint32_t tokens = 11;
        std::vector<float> batch = gputest::randomFloats(size_t(tokens) * cols, 19, 3.0f);
        std::vector<float> expectedAll, toleranceAll;
        for (uint32_t t = 0; t < tokens; ++t) {
            std::vector<float> row(batch.begin() + size_t(t) * cols, batch.begin() + size_t(t + 1) * cols);
            cpu::roundActivationsLikeGgml(rounding, row);
            gputest::referenceDotProducts(values, uint32_t(rows), uint32_t(cols), row, expected, tolerance);
            expectedAll.insert(expectedAll.end(), expected.begin(), expected.end());
            toleranceAll.insert(toleranceAll.end(), tolerance.begin(), tolerance.end());
        }
        auto batchIn = gputest::deviceBytes(m_device.context, std::as_bytes(std::span(batch)));
        auto batchPacked = vk::Buffer::create(m_device.context, tokens * vk::packedVectorBytes(uint32_t(cols)),
                                              vk::MemoryUse::DeviceLocal).value();
        auto batchOut = vk::Buffer::create(m_device.context, expectedAll.size() * sizeof(float),
                                           vk::MemoryUse::DeviceLocal).value();
        auto lastOut = vk::Buffer::create(m_device.context, rows * sizeof(float), vk::MemoryUse::DeviceLocal).value();
        model::gpu::recordPackActivations(*m_device.recorder, *m_device.context, batchIn.range(), batchPacked.range(),
                                          uint32_t(cols), tokens);
        vk::recordMatMulPacked(*m_device.recorder, *m_device.context, w, batchPacked.range(), batchOut.range(),
                               vk::MatMulShape{tokens, 0, 0, 0});
        vk::recordMatMulPacked(*m_device.recorder, *m_device.context, w, batchPacked.range(), lastOut.range(),
                               vk::MatMulShape{1, tokens - 1, 0, 0});
        const auto batchSubmitted = m_device.recorder->submit();
        m_device.recorder->reset();
        QVERIFY(batchSubmitted.ok());
        QVERIFY(gputest::compareWithTolerance("batch", expectedAll,
                                              gputest::readBack(*m_device.context, batchOut, expectedAll.size()),
                                              toleranceAll));
        QVERIFY(gputest::compareWithTolerance(
            "last row", std::span(expectedAll).subspan(size_t(tokens - 1) * rows, size_t(rows)),
            gputest::readBack(*m_device.context, lastOut, size_t(rows)),
            std::span(toleranceAll).subspan(size_t(tokens - 1) * rows, size_t(rows))));
    }

    // The RMSNorm that also packs its output (what a decoded token's norms run when integer
    // products read them) writes the same floats as the plain norm and the same words as packing
    // them afterwards, bit for bit.
    void normPackedEqualsNormThenPack_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("cols");
        QTest::newRow("1x896") << 1 << 896;   // a decoded token of the Qwen2.5-0.5B shape
        QTest::newRow("3x4864") << 3 << 4864; // more blocks than lanes
        QTest::newRow("7x64") << 7 << 64;     // fewer blocks than lanes, a batch
    }

    void normPackedEqualsNormThenPack()
    {
        QFETCH(int, rows);
        QFETCH(int, cols);
        std::vector<float> x = gputest::randomFloats(size_t(rows) * cols, 5 + cols, 2.0f);
        for (size_t i = 0; i < x.size(); ++i) // magnitudes that differ per block, so do the scales
            x[i] *= std::pow(10.0f, float((i / 32) % 5) - 2.0f);
        const std::vector<float> weight = gputest::randomFloats(size_t(cols), 6, 1.5f);
        const uint64_t packedBytes = uint64_t(rows) * vk::packedVectorBytes(uint32_t(cols));
        auto xs = gputest::deviceBytes(m_device.context, std::as_bytes(std::span(x)));
        auto ws = gputest::deviceBytes(m_device.context, std::as_bytes(std::span(weight)));
        auto make = [&](uint64_t bytes) { return vk::Buffer::create(m_device.context, bytes, vk::MemoryUse::DeviceLocal).value(); };
        vk::Buffer y1 = make(x.size() * sizeof(float)), y2 = make(x.size() * sizeof(float));
        vk::Buffer p1 = make(packedBytes), p2 = make(packedBytes);
        const float eps = 1e-6f;
        vk::recordRmsNorm(*m_device.recorder, *m_device.context, xs.range(), ws.range(), y1.range(), uint32_t(rows),
                          uint32_t(cols), eps);
        model::gpu::recordPackActivations(*m_device.recorder, *m_device.context, y1.range(), p1.range(), uint32_t(cols),
                                          uint32_t(rows));
        model::gpu::recordRmsNormPacked(*m_device.recorder, *m_device.context, xs.range(), ws.range(), y2.range(),
                                        p2.range(), uint32_t(rows), uint32_t(cols), eps);
        const auto submitted = m_device.recorder->submit();
        m_device.recorder->reset();
        QVERIFY(submitted.ok());
        auto bytesOf = [&](const vk::Buffer& b, uint64_t n) {
            std::vector<std::byte> out(n);
            QTest::qVerify(vk::download(*m_device.context, b, 0, out).ok(), "download", "", __FILE__, __LINE__);
            return out;
        };
        QVERIFY(bytesOf(y1, x.size() * sizeof(float)) == bytesOf(y2, x.size() * sizeof(float)));
        const std::vector<std::byte> packedSeparately = bytesOf(p1, packedBytes), packedTogether = bytesOf(p2, packedBytes);
        // Only the code and scale words are defined (each row is padded to whole texels).
        const uint32_t blocks = uint32_t(cols) / 32;
        const uint64_t rowBytes = vk::packedVectorBytes(uint32_t(cols)), usedBytes = uint64_t(blocks) * (64 + 8);
        for (int r = 0; r < rows; ++r)
            QVERIFY2(std::equal(packedSeparately.begin() + r * rowBytes, packedSeparately.begin() + r * rowBytes + usedBytes,
                                packedTogether.begin() + r * rowBytes),
                     qPrintable(QString("packed row %1 differs").arg(r)));
    }

    void cleanupTestCase()
    {
        m_device.recorder.reset();
        m_device.context.reset();
    }

private:
    Device m_device;
};

AGORA_GPU_TEST_MAIN(TestRoundActivationsGpu, childMain)
#include "test_round_activations_gpu.moc"
