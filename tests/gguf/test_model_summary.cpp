// ModelSummary against what the reference implementation reported for every fixture model
// (parameter count, weight bytes, file type, vocabulary size in the llama.cpp dumps) and against
// the hyperparameters the fixture READMEs document.
#include "agora/engine.h"
#include "gguf/gguf.h"
#include "gguf/gguf_writer.h"
#include "gguf/model_summary.h"

#include <QtTest>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <filesystem>

using namespace agora;
namespace fs = std::filesystem;

namespace {

const fs::path kShared = AGORA_SHARED_DIR;

fs::path modelPath(const std::string& name)
{
    for (const char* dir : {"fixtures/models", "fixtures/models/synthetic", "fixtures/vocab"})
        if (fs::exists(kShared / dir / name))
            return kShared / dir / name;
    return {};
}

// llama.cpp's model description ("llama ?B Q4_K - Medium") names the file type our label names.
QString labelFromDescription(const QString& desc)
{
    static const QList<QPair<QString, QString>> kMap = {
        {"all F32", "F32"}, {"Q4_K - Medium", "Q4_K_M"}, {"Q5_K - Medium", "Q5_K_M"},
        {"Q3_K - Medium", "Q3_K_M"}, {"Q2_K - Medium", "Q2_K"}, {"IQ4_NL - 4.5 bpw", "IQ4_NL"},
        {"IQ4_XS - 4.25 bpw", "IQ4_XS"}, {"Q4_0", "Q4_0"}, {"Q4_1", "Q4_1"}, {"Q5_0", "Q5_0"},
        {"Q5_1", "Q5_1"}, {"Q6_K", "Q6_K"}, {"Q8_0", "Q8_0"}, {"BF16", "BF16"}, {"F16", "F16"},
    };
    for (const auto& [suffix, label] : kMap)
        if (desc.endsWith(suffix))
            return label;
    return {};
}

} // namespace

class TestModelSummary : public QObject {
    Q_OBJECT
private slots:
    void matchesReferenceDumps_data()
    {
        QTest::addColumn<QString>("dump");
        int n = 0;
        for (const char* dir : {"reference/llama.cpp/cpu", "reference/llama.cpp/architectures"})
            for (const auto& e : fs::directory_iterator(kShared / dir)) {
                std::string name = e.path().filename().string();
                if (name.size() > 9 && name.ends_with(".cpu.json")) {
                    QTest::newRow(name.c_str()) << QString::fromStdString(e.path().string());
                    ++n;
                }
            }
        QVERIFY2(n >= 40, "expected a llama.cpp dump for every fixture model");
    }

    void matchesReferenceDumps()
    {
        QFETCH(QString, dump);
        QFile f(dump);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject ref = QJsonDocument::fromJson(f.readAll()).object();
        std::string model = ref["model"].toString().toStdString();
        if (model == "stories260K-F32.gguf")
            model = "stories260K.gguf"; // the dumps' name for the F32 fixture
        const fs::path path = modelPath(model);
        QVERIFY2(!path.empty(), model.c_str());
        auto s = inspectModel(path.string(), 64);
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().message.c_str());
        QCOMPARE(qint64(s->parameterCount), qint64(ref["model_n_params"].toDouble()));
        QCOMPARE(qint64(s->weightsBytes), qint64(ref["model_size_bytes"].toDouble()));
        QCOMPARE(s->vocabSize, ref["n_vocab"].toInt());
        QCOMPARE(QString::fromStdString(s->quantLabel), labelFromDescription(ref["model_desc"].toString()));
        QCOMPARE(QString::fromStdString(s->architecture), ref["model_desc"].toString().section(' ', 0, 0));
        QCOMPARE(s->path, path.string());
        QCOMPARE(s->fileBytes, uint64_t(fs::file_size(path)));
        QVERIFY(!s->vocabOnly);
        QVERIFY(s->unsupportedTypes.empty());
        QCOMPARE(s->contextLength, 64u);
        // f16 K and V per layer: layers x positions x kv heads x (key + value dims) x 2 bytes.
        QCOMPARE(s->kvCacheBytes, uint64_t(s->layers) * 64 * s->kvHeads * (s->keyLength + s->valueLength) * 2);
        QCOMPARE(s->deviceBytes, s->weightsBytes + s->kvCacheBytes);
        uint64_t typeBytes = 0;
        uint32_t typeTensors = 0;
        for (const auto& t : s->tensorTypes) {
            typeBytes += t.bytes;
            typeTensors += t.tensors;
        }
        QCOMPARE(typeBytes, s->weightsBytes);
        QCOMPARE(typeTensors, s->tensorCount);
        for (size_t i = 1; i < s->tensorTypes.size(); ++i)
            QVERIFY(s->tensorTypes[i - 1].bytes >= s->tensorTypes[i].bytes);
    }

    void hyperparameters_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("arch");
        QTest::addColumn<int>("ctx");
        QTest::addColumn<int>("layers");
        QTest::addColumn<int>("heads");
        QTest::addColumn<int>("kvHeads");
        QTest::addColumn<int>("embd");
        QTest::addColumn<int>("ffn");
        QTest::addColumn<int>("headDim");
        QTest::addColumn<double>("ropeBase");
        QTest::addColumn<int>("slidingWindow");
        QTest::addColumn<QString>("tokenizer");
        QTest::addColumn<bool>("chatTemplate");
        // From ../shared/reference/llama.cpp/README.md §2.3 and architectures/README.md.
        QTest::newRow("spm4k") << "syn-llama-spm4k-Q4_K_M.gguf" << "llama" << 2048 << 4 << 8 << 2 << 256 << 768 << 32
                               << 10000.0 << 0 << "llama" << false;
        QTest::newRow("qwen2") << "syn-qwen2-4k-Q8_0.gguf" << "qwen2" << 2048 << 4 << 8 << 2 << 256 << 768 << 32
                               << 1000000.0 << 0 << "gpt2" << true;
        QTest::newRow("bpe4k-r500k") << "syn-llama-bpe4k-r500k-F16.gguf" << "llama" << 2048 << 4 << 8 << 2 << 256 << 768
                                     << 32 << 500000.0 << 0 << "gpt2" << true;
        QTest::newRow("stories260K") << "stories260K.gguf" << "llama" << 2048 << 5 << 8 << 4 << 64 << 172 << 8
                                     << 10000.0 << 0 << "llama" << false;
        QTest::newRow("llama3") << "syn-llama3-2k-F16.gguf" << "llama" << 131072 << 2 << 4 << 2 << 256 << 256 << 96
                                << 500000.0 << 0 << "gpt2" << false;
        QTest::newRow("qwen3") << "syn-qwen3-2k-Q8_0.gguf" << "qwen3" << 40960 << 2 << 4 << 2 << 256 << 256 << 64
                               << 1000000.0 << 0 << "gpt2" << true;
        QTest::newRow("gemma2") << "syn-gemma2-2k-F16.gguf" << "gemma2" << 8192 << 2 << 4 << 2 << 256 << 256 << 64
                                << 10000.0 << 16 << "llama" << false;
        QTest::newRow("gemma3") << "syn-gemma3-2k-Q4_K_M.gguf" << "gemma3" << 32768 << 6 << 4 << 2 << 256 << 256 << 64
                                << 1000000.0 << 16 << "llama" << false;
        QTest::newRow("phi3") << "syn-phi3-2k-F16.gguf" << "phi3" << 4096 << 2 << 4 << 2 << 256 << 512 << 64
                              << 10000.0 << 0 << "llama" << true;
    }

    void hyperparameters()
    {
        QFETCH(QString, file);
        QFETCH(QString, arch);
        QFETCH(int, ctx);
        QFETCH(int, layers);
        QFETCH(int, heads);
        QFETCH(int, kvHeads);
        QFETCH(int, embd);
        QFETCH(int, ffn);
        QFETCH(int, headDim);
        QFETCH(double, ropeBase);
        QFETCH(int, slidingWindow);
        QFETCH(QString, tokenizer);
        QFETCH(bool, chatTemplate);
        auto s = inspectModel(modelPath(file.toStdString()).string());
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().message.c_str());
        QCOMPARE(QString::fromStdString(s->architecture), arch);
        QCOMPARE(int(s->trainedContextLength), ctx);
        QCOMPARE(int(s->contextLength), ctx); // 0 asks for the trained length
        QCOMPARE(int(s->layers), layers);
        QCOMPARE(int(s->heads), heads);
        QCOMPARE(int(s->kvHeads), kvHeads);
        QCOMPARE(int(s->embeddingLength), embd);
        QCOMPARE(int(s->ffnLength), ffn);
        QCOMPARE(int(s->keyLength), headDim);
        QCOMPARE(int(s->valueLength), headDim);
        QCOMPARE(int(s->ropeDims), headDim);
        QCOMPARE(s->ropeFreqBase, ropeBase);
        QCOMPARE(int(s->slidingWindow), slidingWindow);
        QCOMPARE(QString::fromStdString(s->tokenizerModel), tokenizer);
        QCOMPARE(s->hasChatTemplate, chatTemplate);
        QCOMPARE(s->continuationMode, !chatTemplate);
        QCOMPARE(s->ropeScalingType == "freq_factors", file.startsWith("syn-llama3"));
    }

    void vocabOnlyFiles()
    {
        auto s = inspectModel((kShared / "fixtures/vocab/ggml-vocab-qwen2.gguf").string());
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().message.c_str());
        QVERIFY(s->vocabOnly);
        QCOMPARE(s->vocabSize, 151936);
        QCOMPARE(s->tokenizerModel, std::string("gpt2"));
        QCOMPARE(s->tokenizerPre, std::string("qwen2"));
        QVERIFY(s->hasChatTemplate);
        QCOMPARE(s->parameterCount, 0ull);
        QCOMPARE(s->weightsBytes, 0ull);
        QCOMPARE(s->kvCacheBytes, 0ull);
        QVERIFY(s->quantLabel.empty());
        QCOMPARE(s->tensorCount, 0u);
        for (const auto& e : fs::directory_iterator(kShared / "fixtures/vocab"))
            if (e.path().extension() == ".gguf") {
                auto v = inspectModel(e.path().string());
                QVERIFY2(v.ok(), e.path().c_str());
                QVERIFY(v->vocabOnly && v->vocabSize > 0 && !v->tokenizerModel.empty());
            }
    }

    void fileTypeLabels()
    {
        QCOMPARE(gguf::fileTypeLabel(15).value_or(""), std::string_view("Q4_K_M"));
        QCOMPARE(gguf::fileTypeLabel(0).value_or(""), std::string_view("F32"));
        QCOMPARE(gguf::fileTypeLabel(30).value_or(""), std::string_view("IQ4_XS"));
        QVERIFY(!gguf::fileTypeLabel(4)); // Q4_1_SOME_F16: retired
        QVERIFY(!gguf::fileTypeLabel(999));
    }

    void perLayerKvHeadsAndHostileLayerCount()
    {
        // Per-layer KV head counts (an array) and a block_count of 4 billion: the estimate sums
        // the listed layers and repeats the last for the rest, without looping 4 billion times.
        gguf::GgufWriter w;
        w.addString("general.architecture", "llama");
        w.addUInt32("llama.block_count", 4000000000u);
        w.addUInt32("llama.embedding_length", 256);
        w.addUInt32("llama.attention.head_count", 8);
        const int32_t kvHeads[] = {2, 4, 1};
        w.addInt32Array("llama.attention.head_count_kv", kvHeads);
        auto bytes = w.toBytes();
        QVERIFY(bytes.ok());
        auto f = gguf::GgufFile::fromMemory(*bytes);
        QVERIFY2(f.ok(), f.ok() ? "" : f.error().message.c_str());
        const uint64_t perHeadPerPosition = (32 + 32) * 2;
        QCOMPARE(gguf::kvCacheBytes(**f, 10), (2 + 4 + 1 + (4000000000ull - 3) * 1) * 10 * perHeadPerPosition);
        const ModelSummary s = gguf::summarize(**f, 10);
        QCOMPARE(s.kvHeads, 4u); // the largest
        QCOMPARE(s.keyLength, 32u);
        QVERIFY(s.vocabOnly);
        QCOMPARE(gguf::kvCacheBytes(**f, ~0ull), ~0ull); // saturates instead of wrapping
    }

    void knownButUnsupportedType()
    {
        // The reader accepts every type whose block geometry it knows (so inspect can describe
        // the file); the loader's check names the quantization Agora cannot run.
        gguf::GgufWriter w;
        w.addString("general.architecture", "llama");
        w.addUInt32("general.file_type", 19); // IQ2_XXS
        w.addTensor("token_embd.weight", TensorType::IQ2_XXS, {256, 2}, std::vector<uint8_t>(2 * 66, 0));
        w.addTensor("output_norm.weight", TensorType::F32, {256}, std::vector<uint8_t>(256 * 4, 0));
        auto bytes = w.toBytes();
        QVERIFY2(bytes.ok(), bytes.ok() ? "" : bytes.error().message.c_str());
        auto f = gguf::GgufFile::fromMemory(*bytes);
        QVERIFY2(f.ok(), f.ok() ? "" : f.error().message.c_str());
        const ModelSummary s = gguf::summarize(**f);
        QCOMPARE(s.quantLabel, std::string("IQ2_XXS"));
        QCOMPARE(s.unsupportedTypes, std::vector<std::string>{"IQ2_XXS"});
        QCOMPARE(s.parameterCount, 768ull);
        QCOMPARE(s.weightsBytes, 132ull + 1024ull);
        auto check = gguf::checkSupportedTypes(**f);
        QVERIFY(!check.ok());
        QCOMPARE(check.error().code, ErrorCode::Unsupported);
        QCOMPARE(check.error().message, std::string("unsupported quantization IQ2_XXS (tensor 'token_embd.weight')"));
        auto fixture = gguf::GgufFile::open(modelPath("syn-llama-spm4k-IQ4_XS.gguf").string());
        QVERIFY(fixture.ok());
        QVERIFY(gguf::checkSupportedTypes(**fixture).ok());
    }

    void quantLabelFallsBackToDominantType()
    {
        gguf::GgufWriter w; // no general.file_type
        w.addString("general.architecture", "llama");
        w.addTensor("big", TensorType::Q4_K, {256, 4}, std::vector<uint8_t>(4 * 144, 0));
        w.addTensor("norm", TensorType::F32, {1024}, std::vector<uint8_t>(4096, 0)); // larger, but F32
        w.addTensor("small", TensorType::Q6_K, {256}, std::vector<uint8_t>(210, 0));
        auto bytes = w.toBytes();
        QVERIFY(bytes.ok());
        auto f = gguf::GgufFile::fromMemory(*bytes);
        QVERIFY(f.ok());
        QCOMPARE(gguf::summarize(**f).quantLabel, std::string("Q4_K"));
    }

    void missingFile()
    {
        auto s = inspectModel("/nonexistent.gguf");
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, ErrorCode::Io);
    }
};

QTEST_GUILESS_MAIN(TestModelSummary)
#include "test_model_summary.moc"
