// The GPU dequantization against llama.cpp's own: for every tensor listed in
// ../shared/reference/dequant/index.json (real rows quantized by llama.cpp, every supported type),
// the get-rows kernel must reproduce llama.cpp's dequantized floats and the matvec kernel must
// match a double-precision dot product over them. This covers bit patterns Agora's own quantizer
// may never produce (high scale bits, negative scales, extreme codes).
#include "gguf/gguf.h"
#include "gpu_test_util.h"
#include "vk/buffer.h"
#include "vk/quant_kernels.h"
#include "vk/recorder.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>
#include <cstring>

using namespace agora;

namespace {

int childMain(const char*) { return 99; }

QString sharedPath(const QString& relative) { return QStringLiteral(AGORA_SHARED_DIR "/") + relative; }

QString modelPath(const QString& model)
{
    for (const QString& dir : {QStringLiteral("fixtures/models/"), QStringLiteral("fixtures/models/synthetic/")}) {
        if (QFile::exists(sharedPath(dir + model)))
            return sharedPath(dir + model);
    }
    return {};
}

} // namespace

class TestVkReferenceRows : public QObject {
    Q_OBJECT

    std::shared_ptr<vk::Context> m_context;

private slots:
    void initTestCase()
    {
        m_context = gputest::openDevice();
        QVERIFY2(m_context, "the GPU tests need a Vulkan device (lavapipe in CI)");
    }
    void cleanupTestCase() { m_context.reset(); }

    void matchesLlamaCppDequantization_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("tensor");
        QTest::addColumn<QString>("rowsFile");
        QTest::addColumn<int>("rows");
        QFile index(sharedPath("reference/dequant/index.json"));
        QVERIFY2(index.open(QIODevice::ReadOnly), "reference/dequant/index.json is missing");
        const QJsonArray entries = QJsonDocument::fromJson(index.readAll()).array();
        QVERIFY(entries.size() >= 30);
        for (const QJsonValue& v : entries) {
            const QJsonObject e = v.toObject();
            const QString tag = e["model"].toString() + " " + e["tensor"].toString() + " " + e["type"].toString();
            QTest::newRow(qPrintable(tag)) << e["model"].toString() << e["tensor"].toString()
                                           << e["file"].toString() << e["rows"].toInt();
        }
    }

    void matchesLlamaCppDequantization()
    {
        QFETCH(QString, model);
        QFETCH(QString, tensor);
        QFETCH(QString, rowsFile);
        QFETCH(int, rows);
        const QString path = modelPath(model);
        QVERIFY2(!path.isEmpty(), qPrintable("fixture model missing: " + model));
        auto file = gguf::GgufFile::open(path.toStdString());
        QVERIFY2(file.ok(), file.ok() ? "" : file.error().message.c_str());
        const gguf::TensorInfo* info = (*file)->findTensor(tensor.toStdString());
        QVERIFY(info);
        QVERIFY(vk::hasQuantKernels(info->type));
        const uint32_t cols = uint32_t(info->ne[0]);
        const uint64_t rowBytes = agora::rowBytes(info->type, cols).value();
        QVERIFY(uint64_t(rows) <= info->rows());

        QFile reference(sharedPath("reference/dequant/" + rowsFile));
        QVERIFY(reference.open(QIODevice::ReadOnly));
        const QByteArray raw = reference.readAll();
        QCOMPARE(qsizetype(raw.size()), qsizetype(size_t(rows) * cols * sizeof(float)));
        std::vector<float> expected(size_t(rows) * cols);
        std::memcpy(expected.data(), raw.data(), raw.size());

        // The rows' bytes exactly as in the file, padded to a whole word.
        std::vector<std::byte> bytes(rows * rowBytes + 4);
        std::memcpy(bytes.data(), info->data, rows * rowBytes);
        auto table = vk::Buffer::create(m_context, bytes.size(), vk::MemoryUse::DeviceLocal).value();
        QVERIFY(vk::upload(*m_context, table, 0, bytes).ok());
        std::vector<uint32_t> ids(rows);
        for (int i = 0; i < rows; ++i)
            ids[i] = uint32_t(rows - 1 - i); // reversed, so a lookup cannot pass by accident
        auto idBuffer = vk::Buffer::create(m_context, ids.size() * 4, vk::MemoryUse::DeviceLocal).value();
        QVERIFY(vk::upload(*m_context, idBuffer, 0, std::as_bytes(std::span(ids))).ok());
        std::vector<float> x = gputest::randomFloats(cols, 5);
        auto xs = vk::Buffer::create(m_context, cols * sizeof(float), vk::MemoryUse::DeviceLocal).value();
        QVERIFY(vk::uploadFloats(*m_context, xs, x).ok());
        auto out = vk::Buffer::create(m_context, expected.size() * sizeof(float), vk::MemoryUse::DeviceLocal).value();
        auto ys = vk::Buffer::create(m_context, rows * sizeof(float), vk::MemoryUse::DeviceLocal).value();

        auto recorder = vk::CommandRecorder::create(m_context).value();
        const vk::WeightMatrix w{table.range(), info->type, uint32_t(rows), cols};
        vk::recordGetRows(*recorder, *m_context, w, idBuffer.range(), uint32_t(rows), out.range());
        vk::recordMatVec(*recorder, *m_context, w, xs.range(), ys.range());
        auto submitted = recorder->submit();
        QVERIFY2(submitted.ok(), submitted.ok() ? "" : submitted.error().message.c_str());

        std::vector<float> looked(expected.size());
        QVERIFY(vk::downloadFloats(*m_context, out, looked).ok());
        std::vector<float> expectedLooked(expected.size()), rowTolerance(expected.size());
        for (int i = 0; i < rows; ++i)
            std::copy_n(expected.begin() + size_t(ids[i]) * cols, cols, expectedLooked.begin() + size_t(i) * cols);
        for (size_t i = 0; i < expected.size(); ++i)
            rowTolerance[i] = 2.5e-7f * (std::fabs(expectedLooked[i]) + 1e-3f);
        QVERIFY(gputest::compareWithTolerance("get-rows", expectedLooked, looked, rowTolerance));

        std::vector<float> dots(rows), dotTolerance(rows), actualDots(rows);
        for (int r = 0; r < rows; ++r) {
            double sum = 0, magnitude = 0;
            for (uint32_t c = 0; c < cols; ++c) {
                const double p = double(expected[size_t(r) * cols + c]) * x[c];
                sum += p;
                magnitude += std::fabs(p);
            }
            dots[r] = float(sum);
            dotTolerance[r] = float(1e-6 * std::sqrt(double(cols)) * magnitude + 1e-6);
        }
        QVERIFY(vk::downloadFloats(*m_context, ys, actualDots).ok());
        QVERIFY(gputest::compareWithTolerance("matvec", dots, actualDots, dotTolerance));
    }
};

AGORA_GPU_TEST_MAIN(TestVkReferenceRows, childMain)
#include "test_vk_reference_rows.moc"
