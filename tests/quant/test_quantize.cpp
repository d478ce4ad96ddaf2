// quantizeRow: our own quantizers. They need not match ggml's bytes, but what they write must
// dequantize (through the bit-exact dequantizeRow) to values close to the input: the round
// trip error is bounded per type, relative to the data's RMS, for Gaussian weights like the
// synthetic models' and for weights with outliers.
#include "gguf/gguf.h"
#include "tensor/quant.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

using namespace agora;

namespace {

struct RoundTrip {
    double relativeRmse = 0; // RMS(error) / RMS(x)
    double worstBlockError = 0; // max over blocks of max|error| / max|x| in that block
};

std::vector<float> gaussian(size_t n, uint32_t seed, float stddev)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> dist(0.0f, stddev);
    std::vector<float> x(n);
    for (auto& v : x)
        v = dist(rng);
    return x;
}

RoundTrip roundTrip(TensorType type, const std::vector<float>& x, std::vector<float>& y, QString* error)
{
    const auto bytes = rowBytes(type, x.size());
    std::vector<uint8_t> q(bytes.value_or(0));
    y.assign(x.size(), std::nanf(""));
    auto quantized = tensor::quantizeRow(type, x.data(), q.data(), x.size());
    if (!quantized.ok()) {
        *error = QString::fromStdString(quantized.error().message);
        return {};
    }
    auto dequantized = tensor::dequantizeRow(type, q.data(), y.data(), x.size());
    if (!dequantized.ok()) {
        *error = QString::fromStdString(dequantized.error().message);
        return {};
    }
    RoundTrip r;
    double sumErr = 0, sumX = 0;
    // Groups of at least 32 so that plain types are judged like a 32-element block.
    const size_t block = std::max<size_t>(traitsOf(type).blockElements, 32);
    for (size_t b = 0; b < x.size(); b += block) {
        double peak = 0, worst = 0;
        for (size_t i = b; i < b + block; ++i) {
            const double e = double(y[i]) - double(x[i]);
            sumErr += e * e;
            sumX += double(x[i]) * x[i];
            peak = std::max(peak, std::fabs(double(x[i])));
            worst = std::max(worst, std::fabs(e));
        }
        if (peak > 0)
            r.worstBlockError = std::max(r.worstBlockError, worst / peak);
        else if (worst > 0)
            r.worstBlockError = INFINITY;
    }
    r.relativeRmse = sumX > 0 ? std::sqrt(sumErr / sumX) : std::sqrt(sumErr);
    return r;
}

} // namespace

class TestQuantize : public QObject {
    Q_OBJECT

private slots:
    // Bounds: relative RMSE on Gaussian weights (what this quantizer measured, about 20% above
    // the uniform-rounding ideal step/sqrt(12); Q8_0: 0.0050, Q4_0: 0.082, Q4_K: 0.072,
    // Q2_K: 0.268; plus ~20% slack), and the largest error within a group of 32 relative to
    // that group's largest weight (about one quantization step, which a clipped peak reaches).
    void roundTripErrorIsBounded_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<double>("maxRelativeRmse");
        QTest::addColumn<double>("maxBlockError");
        QTest::newRow("F16") << int(TensorType::F16) << 0.0003 << 0.001;
        QTest::newRow("BF16") << int(TensorType::BF16) << 0.002 << 0.005;
        QTest::newRow("Q8_0") << int(TensorType::Q8_0) << 0.006 << 0.006;
        QTest::newRow("Q6_K") << int(TensorType::Q6_K) << 0.02 << 0.03;
        QTest::newRow("Q5_0") << int(TensorType::Q5_0) << 0.048 << 0.075;
        QTest::newRow("Q5_1") << int(TensorType::Q5_1) << 0.042 << 0.08;
        QTest::newRow("Q5_K") << int(TensorType::Q5_K) << 0.044 << 0.07;
        QTest::newRow("Q4_0") << int(TensorType::Q4_0) << 0.098 << 0.18;
        QTest::newRow("Q4_1") << int(TensorType::Q4_1) << 0.085 << 0.15;
        QTest::newRow("Q4_K") << int(TensorType::Q4_K) << 0.086 << 0.12;
        QTest::newRow("IQ4_NL") << int(TensorType::IQ4_NL) << 0.09 << 0.13;
        QTest::newRow("IQ4_XS") << int(TensorType::IQ4_XS) << 0.09 << 0.12;
        QTest::newRow("Q3_K") << int(TensorType::Q3_K) << 0.175 << 0.28;
        QTest::newRow("Q2_K") << int(TensorType::Q2_K) << 0.32 << 0.47;
    }

    void roundTripErrorIsBounded()
    {
        QFETCH(int, type);
        QFETCH(double, maxRelativeRmse);
        QFETCH(double, maxBlockError);
        const auto t = TensorType(type);
        const size_t n = 64 * 256;
        for (const float stddev : {0.02f, 1.0f, 300.0f}) {
            const std::vector<float> x = gaussian(n, 1234, stddev);
            std::vector<float> y;
            QString error;
            const RoundTrip r = roundTrip(t, x, y, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            qInfo("%s std %g: relative RMSE %.5f, worst block error %.4f of the block peak",
                  tensorTypeName(t).data(), double(stddev), r.relativeRmse, r.worstBlockError);
            QVERIFY2(r.relativeRmse <= maxRelativeRmse,
                     qPrintable(QString("relative RMSE %1 > %2").arg(r.relativeRmse).arg(maxRelativeRmse)));
            QVERIFY2(r.worstBlockError <= maxBlockError,
                     qPrintable(QString("block error %1 > %2").arg(r.worstBlockError).arg(maxBlockError)));
        }
    }

    // Heavy tails (a few weights 20x the rest): the blocks holding them get a coarser step, but
    // the error stays within twice the Gaussian bound and the block bound holds.
    void outliersStayBounded_data() { roundTripErrorIsBounded_data(); }
    void outliersStayBounded()
    {
        QFETCH(int, type);
        QFETCH(double, maxRelativeRmse);
        QFETCH(double, maxBlockError);
        const auto t = TensorType(type);
        std::vector<float> x = gaussian(32 * 256, 99, 1.0f);
        for (size_t i = 17; i < x.size(); i += 997)
            x[i] *= 20.0f;
        std::vector<float> y;
        QString error;
        const RoundTrip r = roundTrip(t, x, y, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        qInfo("%s with outliers: relative RMSE %.5f, worst block error %.4f", tensorTypeName(t).data(),
              r.relativeRmse, r.worstBlockError);
        QVERIFY(r.relativeRmse <= 2 * maxRelativeRmse);
        QVERIFY(r.worstBlockError <= maxBlockError);
    }

    // On real weights: each tensor of the dequantization references, quantized by us from the
    // fixture's F32 original, against llama-quantize's own version of the same tensor. Our
    // error must stay within 5% of llama.cpp's (no imatrix on either side); measured: 0.905 (Q2_K,
    // Q4_1) to 1.012 (Q5_K) times llama.cpp's.
    void comparableToLlamaQuantize_data()
    {
        QTest::addColumn<QString>("quantized");
        QTest::addColumn<QString>("original");
        QTest::addColumn<QString>("tensor");
        QFile f(QStringLiteral(AGORA_SHARED_DIR "/reference/dequant/index.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QSet<QString> seen;
        for (const auto& entry : QJsonDocument::fromJson(f.readAll()).array()) {
            const QJsonObject e = entry.toObject();
            const QString model = e["model"].toString(), type = e["type"].toString();
            if (!model.startsWith("syn-") || type == "F16" || type == "BF16" || seen.contains(type))
                continue;
            seen.insert(type);
            const QString original = model.startsWith("syn-qwen2") ? "syn-qwen2-4k-F32.gguf" : "syn-llama-spm4k-F32.gguf";
            QTest::newRow(qPrintable(type)) << model << original << e["tensor"].toString();
        }
    }

    void comparableToLlamaQuantize()
    {
        QFETCH(QString, quantized);
        QFETCH(QString, original);
        QFETCH(QString, tensor);
        const QString dir = QStringLiteral(AGORA_SHARED_DIR "/fixtures/models/synthetic/");
        auto theirs = gguf::GgufFile::open((dir + quantized).toStdString());
        auto source = gguf::GgufFile::open((dir + original).toStdString());
        QVERIFY(theirs.ok() && source.ok());
        const gguf::TensorInfo* q = (*theirs)->findTensor(tensor.toStdString());
        const gguf::TensorInfo* x = (*source)->findTensor(tensor.toStdString());
        QVERIFY(q && x && x->type == TensorType::F32 && q->nElements == x->nElements);

        std::vector<float> truth(x->nElements), llama(x->nElements), ours;
        QVERIFY(tensor::dequantizeRow(TensorType::F32, x->data, truth.data(), truth.size()).ok());
        QVERIFY(tensor::dequantizeRow(q->type, q->data, llama.data(), llama.size()).ok());
        QString error;
        const double oursRmse = roundTrip(q->type, truth, ours, &error).relativeRmse;
        QVERIFY2(error.isEmpty(), qPrintable(error));
        double errSq = 0, sumSq = 0;
        for (size_t i = 0; i < truth.size(); ++i) {
            errSq += (double(llama[i]) - truth[i]) * (double(llama[i]) - truth[i]);
            sumSq += double(truth[i]) * truth[i];
        }
        const double llamaRmse = std::sqrt(errSq / sumSq);
        qInfo("%s %s: relative RMSE ours %.5f, llama-quantize %.5f (ratio %.3f)", tensorTypeName(q->type).data(),
              qPrintable(tensor), oursRmse, llamaRmse, oursRmse / llamaRmse);
        QVERIFY2(oursRmse <= 1.05 * llamaRmse,
                 qPrintable(QString("ours %1 vs llama.cpp %2").arg(oursRmse).arg(llamaRmse)));
    }

    void zerosAndConstantsAreExact_data() { roundTripErrorIsBounded_data(); }
    void zerosAndConstantsAreExact()
    {
        QFETCH(int, type);
        const auto t = TensorType(type);
        std::vector<float> y;
        QString error;
        const std::vector<float> zeros(512, 0.0f);
        const RoundTrip z = roundTrip(t, zeros, y, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(z.relativeRmse, 0.0);
        // A constant power of two is representable by every format (scale = value, code 1).
        for (float c : {0.25f, -0.25f}) {
            const std::vector<float> constant(512, c);
            roundTrip(t, constant, y, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            for (size_t i = 0; i < y.size(); ++i)
                QVERIFY2(std::fabs(y[i] - c) <= 0.02f * std::fabs(c),
                         qPrintable(QString("constant %1 came back as %2 at %3").arg(c).arg(y[i]).arg(i)));
        }
    }

    void representableValuesAreExact()
    {
        // Values already on a Q8_0 / Q4_0 grid (scale 1/4, each block using the widest code)
        // come back unchanged.
        std::vector<float> x(256), y;
        QString error;
        for (size_t i = 0; i < x.size(); ++i)
            x[i] = 0.25f * float(i % 32 == 0 ? -127 : int(i * 37 % 255) - 127);
        QCOMPARE(roundTrip(TensorType::Q8_0, x, y, &error).relativeRmse, 0.0);
        QVERIFY(x == y);
        for (size_t i = 0; i < x.size(); ++i)
            x[i] = 0.25f * float(i % 32 == 5 ? -8 : int(i * 7 % 16) - 8);
        QCOMPARE(roundTrip(TensorType::Q4_0, x, y, &error).relativeRmse, 0.0);
        QVERIFY(x == y);
        QVERIFY(error.isEmpty());
    }

    void deterministic_data() { roundTripErrorIsBounded_data(); }
    void deterministic()
    {
        QFETCH(int, type);
        const auto t = TensorType(type);
        const std::vector<float> x = gaussian(1024, 7, 0.5f);
        std::vector<uint8_t> a(*rowBytes(t, x.size())), b(a.size());
        QVERIFY(tensor::quantizeRow(t, x.data(), a.data(), x.size()).ok());
        QVERIFY(tensor::quantizeRow(t, x.data(), b.data(), x.size()).ok());
        QVERIFY(a == b);
        // Quantizing a row block by block gives the same bytes as all at once.
        const size_t blockElements = traitsOf(t).blockElements, blockBytes = traitsOf(t).blockBytes;
        for (size_t i = 0; i < x.size(); i += blockElements)
            QVERIFY(tensor::quantizeRow(t, x.data() + i, b.data() + i / blockElements * blockBytes, blockElements).ok());
        QVERIFY(a == b);
    }

    void badInputIsAnError()
    {
        std::vector<float> x(256, 1.0f);
        std::vector<uint8_t> q(1024);
        x[3] = std::numeric_limits<float>::quiet_NaN();
        auto r = tensor::quantizeRow(TensorType::Q4_K, x.data(), q.data(), x.size());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
        QVERIFY(QString::fromStdString(r.error().message).contains("index 3"));
        x[3] = 1e6f;
        QVERIFY(!tensor::quantizeRow(TensorType::Q8_0, x.data(), q.data(), x.size()).ok());
        x[3] = 1.0f;
        QCOMPARE(tensor::quantizeRow(TensorType::Q8_0, x.data(), q.data(), 100).error().code, ErrorCode::InvalidArgument);
        auto unsupported = tensor::quantizeRow(TensorType::IQ2_XS, x.data(), q.data(), x.size());
        QCOMPARE(unsupported.error().code, ErrorCode::Unsupported);
        QCOMPARE(unsupported.error().message, std::string("unsupported quantization IQ2_XS"));
        QVERIFY(!tensor::canQuantize(TensorType::Q8_K));
        QVERIFY(tensor::canQuantize(TensorType::IQ4_XS));
    }
};

QTEST_GUILESS_MAIN(TestQuantize)
#include "test_quantize.moc"
