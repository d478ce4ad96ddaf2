// dequantizeRow against llama.cpp: every row listed in ../shared/reference/dequant/index.json was
// produced by ggml's own dequantization of a tensor in a fixture model. We read the same tensor
// through our GGUF reader, dequantize the same rows and require identical bits (memcmp).
#include "gguf/gguf.h"
#include "tensor/quant.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <cstring>
#include <vector>

using namespace agora;

namespace {

QString referenceDir() { return QStringLiteral(AGORA_SHARED_DIR "/reference/dequant"); }

// The fixture models live in fixtures/models or fixtures/models/synthetic.
QString modelPath(const QString& model)
{
    const QString base = QStringLiteral(AGORA_SHARED_DIR "/fixtures/models/");
    if (QFile::exists(base + model))
        return base + model;
    return base + "synthetic/" + model;
}

QJsonArray loadIndex()
{
    QFile f(referenceDir() + "/index.json");
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).array();
}

// Describes the first differing element of two float rows.
QString firstMismatches(const std::vector<float>& got, const std::vector<float>& want, size_t ne0)
{
    QString out;
    int shown = 0;
    for (size_t i = 0; i < got.size() && shown < 5; ++i) {
        if (std::memcmp(&got[i], &want[i], sizeof(float)) != 0) {
            out += QString("  row %1 col %2: got %3 want %4\n")
                       .arg(i / ne0).arg(i % ne0).arg(double(got[i]), 0, 'g', 9).arg(double(want[i]), 0, 'g', 9);
            ++shown;
        }
    }
    return out;
}

} // namespace

class TestDequantize : public QObject {
    Q_OBJECT

private slots:
    void indexCoversEveryQuantizedType()
    {
        const QJsonArray index = loadIndex();
        QVERIFY2(!index.isEmpty(), "reference/dequant/index.json missing or empty");
        QSet<QString> types;
        for (const auto& e : index)
            types.insert(e.toObject()["type"].toString());
        for (const char* t : {"F16", "BF16", "Q8_0", "Q4_0", "Q4_1", "Q5_0", "Q5_1", "Q2_K", "Q3_K", "Q4_K", "Q5_K",
                              "Q6_K", "IQ4_NL", "IQ4_XS"})
            QVERIFY2(types.contains(t), t);
    }

    void matchesReference_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("tensor");
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("ne0");
        QTest::addColumn<int>("rows");
        QTest::addColumn<QString>("file");
        for (const auto& entry : loadIndex()) {
            const QJsonObject e = entry.toObject();
            const QString tag = e["type"].toString() + " " + e["model"].toString() + " " + e["tensor"].toString();
            QTest::newRow(qPrintable(tag)) << e["model"].toString() << e["tensor"].toString() << e["type"].toString()
                                           << e["ne0"].toInt() << e["rows"].toInt() << e["file"].toString();
        }
    }

    void matchesReference()
    {
        QFETCH(QString, model);
        QFETCH(QString, tensor);
        QFETCH(QString, type);
        QFETCH(int, ne0);
        QFETCH(int, rows);
        QFETCH(QString, file);

        auto opened = gguf::GgufFile::open(modelPath(model).toStdString());
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
        const gguf::TensorInfo* info = (*opened)->findTensor(tensor.toStdString());
        QVERIFY(info != nullptr);
        QCOMPARE(QString::fromStdString(std::string(tensorTypeName(info->type))), type);
        QCOMPARE(info->ne[0], uint64_t(ne0));
        QVERIFY(info->rows() >= uint64_t(rows));

        QFile ref(referenceDir() + "/" + file);
        QVERIFY(ref.open(QIODevice::ReadOnly));
        const QByteArray refBytes = ref.readAll();
        const size_t count = size_t(ne0) * size_t(rows);
        QCOMPARE(size_t(refBytes.size()), count * sizeof(float));
        std::vector<float> want(count);
        std::memcpy(want.data(), refBytes.constData(), refBytes.size());

        // Row by row, as the engine will call it, each row at its own byte offset.
        const uint64_t bytesPerRow = *rowBytes(info->type, info->ne[0]);
        std::vector<float> got(count, std::nanf(""));
        for (int r = 0; r < rows; ++r) {
            auto done = tensor::dequantizeRow(info->type, info->data + r * bytesPerRow, got.data() + size_t(r) * ne0,
                                              size_t(ne0));
            QVERIFY2(done.ok(), done.ok() ? "" : done.error().message.c_str());
        }
        if (std::memcmp(got.data(), want.data(), count * sizeof(float)) != 0)
            QFAIL(qPrintable("dequantized rows differ from llama.cpp:\n" + firstMismatches(got, want, size_t(ne0))));

        // All rows in one call give the same bits as row by row.
        std::vector<float> whole(count);
        QVERIFY(tensor::dequantizeRow(info->type, info->data, whole.data(), count).ok());
        QVERIFY(std::memcmp(whole.data(), want.data(), count * sizeof(float)) == 0);
    }

    void f32IsCopied()
    {
        const float src[3] = {1.5f, -0.0f, std::ldexp(1.0f, -140)};
        float dst[3] = {};
        QVERIFY(tensor::dequantizeRow(TensorType::F32, src, dst, 3).ok());
        QVERIFY(std::memcmp(src, dst, sizeof src) == 0);
    }

    void unalignedSourceGivesSameBits()
    {
        // A row at an odd address (a caller's slice of a byte buffer) must not change results
        // nor trip UBSan's alignment checks.
        std::vector<uint8_t> block(1 + 210);
        for (size_t i = 0; i < block.size(); ++i)
            block[i] = uint8_t(i * 37 + 11);
        block[1 + 208] = 0x00; // d = 0x3C00 = 1.0, a finite scale
        block[1 + 209] = 0x3C;
        std::vector<uint8_t> aligned(block.begin() + 1, block.end());
        float a[256], b[256];
        QVERIFY(tensor::dequantizeRow(TensorType::Q6_K, aligned.data(), a, 256).ok());
        QVERIFY(tensor::dequantizeRow(TensorType::Q6_K, block.data() + 1, b, 256).ok());
        QVERIFY(std::memcmp(a, b, sizeof a) == 0);
    }

    void unsupportedTypeIsAnError_data()
    {
        QTest::addColumn<int>("type");
        QTest::newRow("IQ2_XXS") << int(TensorType::IQ2_XXS);
        QTest::newRow("Q8_K") << int(TensorType::Q8_K);
        QTest::newRow("MXFP4") << int(TensorType::MXFP4);
        QTest::newRow("I32") << int(TensorType::I32);
    }

    void unsupportedTypeIsAnError()
    {
        QFETCH(int, type);
        const auto t = TensorType(type);
        std::vector<uint8_t> src(1024);
        std::vector<float> dst(256);
        auto r = tensor::dequantizeRow(t, src.data(), dst.data(), 256);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Unsupported);
        QCOMPARE(QString::fromStdString(r.error().message),
                 "unsupported quantization " + QString::fromStdString(std::string(tensorTypeName(t))));
        QVERIFY(!tensor::canDequantize(t));
    }

    void partialBlockIsAnError()
    {
        std::vector<uint8_t> src(144);
        std::vector<float> dst(256);
        auto r = tensor::dequantizeRow(TensorType::Q4_K, src.data(), dst.data(), 100);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
        QVERIFY(tensor::dequantizeRow(TensorType::Q4_K, src.data(), dst.data(), 0).ok());
    }
};

QTEST_GUILESS_MAIN(TestDequantize)
#include "test_dequantize.moc"
