// Synthetic models: the tensor-type mixture against files llama.cpp's quantizer wrote, the real
// shapes' plans against the mixtures and parameter counts of the real files, and a tiny model
// written end to end and read back through the GGUF reader and the model summary.
#include "gguf/gguf.h"
#include "tensor/quant.h"
#include "tensor/synth_plan.h"
#include "tensor/synth_vocab.h"
#include "tensor/synth_writer.h"
#include "tokenizer/tokenizer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>
#include <set>

using namespace agora;
using namespace agora::tensor;

namespace {

std::map<std::string, int> countTypes(const std::vector<PlannedTensor>& plan)
{
    std::map<std::string, int> counts;
    for (const auto& t : plan)
        ++counts[std::string(tensorTypeName(t.type))];
    return counts;
}

uint64_t parameterCount(const std::vector<PlannedTensor>& plan, bool includeRopeFreqs)
{
    uint64_t total = 0;
    for (const auto& t : plan) {
        if (!includeRopeFreqs && t.name == "rope_freqs.weight")
            continue;
        uint64_t n = 1;
        for (auto d : t.ne)
            n *= d;
        total += n;
    }
    return total;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestSynth : public QObject {
    Q_OBJECT

private slots:
    // Every 2-D weight of a Q4_K_M file written by llama-quantize gets the type our rule gives.
    void q4KMRuleMatchesLlamaQuantize_data()
    {
        QTest::addColumn<QString>("model");
        for (const char* m : {"syn-llama-spm4k-Q4_K_M.gguf", "syn-qwen2-4k-Q4_K_M.gguf",
                              "syn-llama-bpe4k-r500k-Q4_K_M.gguf", "syn-llama3-2k-Q4_K_M.gguf",
                              "syn-qwen3-2k-Q4_K_M.gguf"})
            QTest::newRow(m) << QString(m);
    }

    void q4KMRuleMatchesLlamaQuantize()
    {
        QFETCH(QString, model);
        auto file = gguf::GgufFile::open(QStringLiteral(AGORA_SHARED_DIR "/fixtures/models/synthetic/").toStdString()
                                         + model.toStdString());
        QVERIFY2(file.ok(), file.ok() ? "" : file.error().message.c_str());
        const auto& f = **file;
        const auto layers = f.getUInt(f.architecture() + ".block_count");
        QVERIFY(layers.has_value());
        const bool tied = f.findTensor("output.weight") == nullptr;
        int checked = 0;
        for (const auto& t : f.tensors()) {
            if (t.nDims < 2)
                continue;
            const TensorType expected = q4KMTypeFor(t.name, t.ne[0], uint32_t(*layers), tied);
            if (expected != t.type)
                QFAIL(qPrintable(QString("%1 (row %2): llama.cpp chose %3, our rule %4")
                                     .arg(QString::fromUtf8(t.name.data(), int(t.name.size()))).arg(t.ne[0])
                                     .arg(tensorTypeName(t.type).data()).arg(tensorTypeName(expected).data())));
            ++checked;
        }
        QVERIFY(checked >= 15); // 2-layer files: 7 matrices a layer + the embedding
    }

    void useMoreBitsLayers()
    {
        std::vector<uint32_t> picked;
        for (uint32_t i = 0; i < 24; ++i)
            if (useMoreBits(i, 24))
                picked.push_back(i);
        QCOMPARE(picked, (std::vector<uint32_t>{0, 1, 2, 5, 8, 11, 14, 17, 20, 21, 22, 23}));
    }

    // The mixtures of the real Q4_K_M files (issue 9) and the real parameter counts.
    void realShapePlans_data()
    {
        QTest::addColumn<QString>("shape");
        QTest::addColumn<QString>("mix");
        QTest::addColumn<QString>("expectedTypes");
        QTest::addColumn<qulonglong>("parameters");
        QTest::newRow("qwen2.5-0.5b q4_k_m") << "qwen2.5-0.5b" << "q4_k_m" << "F32:121 Q4_K:12 Q5_0:132 Q6_K:12 Q8_0:13"
                                              << qulonglong(494032768);
        QTest::newRow("llama3.2-1b q4_k_m") << "llama3.2-1b" << "q4_k_m" << "F32:34 Q4_K:96 Q6_K:17"
                                             << qulonglong(1235814400);
        QTest::newRow("qwen2.5-0.5b q8_0") << "qwen2.5-0.5b" << "q8_0" << "F32:121 Q8_0:169" << qulonglong(494032768);
        QTest::newRow("llama3.2-1b f16") << "llama3.2-1b" << "f16" << "F16:113 F32:34" << qulonglong(1235814400);
    }

    void realShapePlans()
    {
        QFETCH(QString, shape);
        QFETCH(QString, mix);
        QFETCH(QString, expectedTypes);
        QFETCH(qulonglong, parameters);
        const auto s = synthShape(shape.toStdString());
        QVERIFY(s.has_value());
        const auto plan = planTensors(*s, *synthMixFromName(mix.toStdString()));
        QString got;
        for (const auto& [type, count] : countTypes(plan))
            got += QString("%1%2:%3").arg(got.isEmpty() ? "" : " ").arg(type.c_str()).arg(count);
        QCOMPARE(got, expectedTypes);
        QCOMPARE(qulonglong(parameterCount(plan, false)), parameters);
        const auto embedding = std::find_if(plan.begin(), plan.end(), [](auto& t) { return t.name == "token_embd.weight"; });
        QVERIFY(embedding != plan.end());
        QCOMPARE(embedding->ne[1], uint64_t(s->vocabSize));
    }

    void vocabularies_data()
    {
        QTest::addColumn<QString>("shape");
        QTest::addColumn<int>("bosId");
        QTest::addColumn<QString>("bos");
        QTest::addColumn<int>("eosId");
        QTest::addColumn<QString>("eos");
        QTest::newRow("llama3.2-1b") << "llama3.2-1b" << 128000 << "<|begin_of_text|>" << 128009 << "<|eot_id|>";
        QTest::newRow("qwen2.5-0.5b") << "qwen2.5-0.5b" << 151643 << "<|endoftext|>" << 151645 << "<|im_end|>";
        QTest::newRow("tiny-llama") << "tiny-llama" << 768 << "<|begin_of_text|>" << 777 << "<|eot_id|>";
    }

    void vocabularies()
    {
        QFETCH(QString, shape);
        QFETCH(int, bosId);
        QFETCH(QString, bos);
        QFETCH(int, eosId);
        QFETCH(QString, eos);
        const auto s = synthShape(shape.toStdString());
        const SynthVocab v = makeSynthVocab(*s, 42);
        QCOMPARE(v.tokens.size(), size_t(s->vocabSize));
        QCOMPARE(v.tokenTypes.size(), v.tokens.size());
        QCOMPARE(v.bosId, bosId);
        QCOMPARE(QString::fromStdString(v.tokens[size_t(bosId)]), bos);
        QCOMPARE(v.eosId, eosId);
        QCOMPARE(QString::fromStdString(v.tokens[size_t(eosId)]), eos);
        QCOMPARE(v.tokenTypes[size_t(eosId)], int32_t(SynthTokenType::Control));

        // Unique tokens; every merge joins two earlier tokens into the next new one.
        std::map<std::string, size_t> ids;
        for (size_t i = 0; i < v.tokens.size(); ++i)
            QVERIFY2(ids.emplace(v.tokens[i], i).second, v.tokens[i].c_str());
        for (size_t m = 0; m < v.merges.size(); ++m) {
            const std::string& merge = v.merges[m];
            const size_t space = merge.find(' ');
            QVERIFY(space != std::string::npos && space > 0 && space + 1 < merge.size());
            const std::string left = merge.substr(0, space), right = merge.substr(space + 1);
            QVERIFY(ids.count(left) && ids.count(right));
            QCOMPARE(ids[left + right], 256 + m);
            QVERIFY(ids[left] < 256 + m && ids[right] < 256 + m);
        }
        QCOMPARE(v.merges.size() + 256, size_t(bosId));
        // The byte tokens are the 256 printable stand-ins of byte-level BPE.
        QCOMPARE(QString::fromStdString(v.tokens['A']), QString("A"));
        QCOMPARE(QString::fromStdString(v.tokens[' ']), QString::fromUtf8("\xC4\xA0"));   // U+0120
        QCOMPARE(QString::fromStdString(v.tokens['\n']), QString::fromUtf8("\xC4\x8A"));  // U+010A
        QCOMPARE(QString::fromStdString(v.tokens[0xAD]), QString::fromUtf8("\xC5\x83"));  // U+0143
    }

    // tiny-llama written and read back: shapes, types, metadata, statistics, quant label.
    void tinyModelRoundTrip_data()
    {
        QTest::addColumn<QString>("mix");
        QTest::addColumn<QString>("label");
        QTest::newRow("q4_k_m") << "q4_k_m" << "Q4_K_M";
        QTest::newRow("q8_0") << "q8_0" << "Q8_0";
        QTest::newRow("f16") << "f16" << "F16";
    }

    void tinyModelRoundTrip()
    {
        QFETCH(QString, mix);
        QFETCH(QString, label);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath("tiny.gguf").toStdString();

        SynthOptions options;
        options.shape = *synthShape("tiny-llama");
        options.mix = *synthMixFromName(mix.toStdString());
        options.seed = 7;
        options.threads = 2;
        size_t progressCalls = 0;
        options.progress = [&](size_t, size_t) { ++progressCalls; };
        auto report = writeSyntheticModel(options, path);
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
        const auto plan = planTensors(options.shape, options.mix);
        QCOMPARE(progressCalls, plan.size());

        auto opened = gguf::GgufFile::open(path);
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
        const gguf::GgufFile& f = **opened;
        QCOMPARE(f.architecture(), std::string("llama"));
        QCOMPARE(f.getUInt("llama.block_count"), std::optional<uint64_t>(4));
        QCOMPARE(f.getUInt("llama.embedding_length"), std::optional<uint64_t>(256));
        QCOMPARE(f.getUInt("llama.attention.head_count_kv"), std::optional<uint64_t>(2));
        QCOMPARE(f.getString("tokenizer.ggml.model"), std::optional<std::string_view>("gpt2"));
        QVERIFY(f.getArray("tokenizer.ggml.tokens") != nullptr);
        QCOMPARE(f.getArray("tokenizer.ggml.tokens")->items.size(), size_t(1024));
        QCOMPARE(f.getArray("tokenizer.ggml.merges")->items.size(), size_t(768 - 256));
        QCOMPARE(f.tensors().size(), plan.size());
        QCOMPARE(uint64_t(report->fileBytes), f.fileSize());

        for (size_t i = 0; i < plan.size(); ++i) {
            const gguf::TensorInfo& t = f.tensors()[i];
            QCOMPARE(std::string(t.name), plan[i].name);
            QCOMPARE(t.type, plan[i].type);
            QCOMPARE(uint64_t(t.nDims), uint64_t(plan[i].ne.size()));
            for (size_t d = 0; d < plan[i].ne.size(); ++d)
                QCOMPARE(t.ne[d], plan[i].ne[d]);

            // The stored weights have the planned distribution, and dequantize to the drawn
            // values within the format's error.
            std::vector<float> values(t.nElements), drawn(t.ne[0]);
            QVERIFY(dequantizeRow(t.type, t.data, values.data(), values.size()).ok());
            double sum = 0, sumSq = 0, errSq = 0, drawnSq = 0;
            for (float v : values) {
                sum += v;
                sumSq += double(v) * v;
            }
            for (uint64_t r = 0; r < t.rows(); r += 37) {
                drawSynthRow(plan[i], options.seed, i, r, drawn.data());
                for (uint64_t c = 0; c < t.ne[0]; ++c) {
                    const double e = double(values[r * t.ne[0] + c]) - drawn[c];
                    errSq += e * e;
                    drawnSq += double(drawn[c]) * drawn[c];
                }
            }
            const double mean = sum / double(values.size());
            const double stddev = std::sqrt(sumSq / double(values.size()) - mean * mean);
            QVERIFY2(std::sqrt(errSq / drawnSq) < 0.1, plan[i].name.c_str()); // Q4_K: ~0.07
            if (plan[i].init == WeightInit::NormWeight) {
                QVERIFY2(std::fabs(mean - 1.0) < 0.03 && std::fabs(stddev - 0.1) < 0.03, plan[i].name.c_str());
            } else if (plan[i].init == WeightInit::Normal) {
                QVERIFY2(std::fabs(mean) < 0.1 * plan[i].stddev, plan[i].name.c_str());
                QVERIFY2(std::fabs(stddev / plan[i].stddev - 1.0) < 0.06,
                         qPrintable(QString("%1: std %2, planned %3").arg(plan[i].name.c_str()).arg(stddev)
                                        .arg(double(plan[i].stddev))));
            }
        }

        // The synthetic vocabulary works with our byte-level BPE tokenizer: text round-trips,
        // BOS is added, and the merges shorten letter runs below one token per byte.
        auto tok = tokenizer::Tokenizer::fromGguf(f);
        QVERIFY2(tok.ok(), tok.ok() ? "" : tok.error().message.c_str());
        const std::string text = "Hello world, a synthetic model says hi! \xC3\xA9t\xC3\xA9 42";
        const std::vector<int32_t> ids = (*tok)->encode(text, true, false);
        QVERIFY(!ids.empty());
        QCOMPARE(ids.front(), int32_t(768));
        QVERIFY(ids.size() < text.size());
        QCOMPARE((*tok)->decode(ids, {false, true}), text);
        QCOMPARE((*tok)->eos(), int32_t(777));

        auto summary = inspectModel(path);
        QVERIFY2(summary.ok(), summary.ok() ? "" : summary.error().message.c_str());
        QCOMPARE(QString::fromStdString(summary->quantLabel), label);
        QCOMPARE(summary->layers, 4u);
        QCOMPARE(summary->vocabSize, 1024);
        QVERIFY(summary->hasChatTemplate);
        QVERIFY(summary->unsupportedTypes.empty());
    }

    void sameSeedSameFile()
    {
        QTemporaryDir dir;
        SynthOptions options;
        options.shape = *synthShape("tiny-llama");
        options.mix = SynthMix::Q4_K_M;
        options.seed = 3;
        options.threads = 1;
        QVERIFY(writeSyntheticModel(options, dir.filePath("a.gguf").toStdString()).ok());
        options.threads = 2; // threads split rows, never change values
        QVERIFY(writeSyntheticModel(options, dir.filePath("b.gguf").toStdString()).ok());
        options.seed = 4;
        QVERIFY(writeSyntheticModel(options, dir.filePath("c.gguf").toStdString()).ok());
        const QByteArray a = readAll(dir.filePath("a.gguf"));
        QVERIFY(a.size() > 1'000'000);
        QVERIFY(a == readAll(dir.filePath("b.gguf")));
        QVERIFY(a != readAll(dir.filePath("c.gguf")));
    }

    void llama3RopeFreqs()
    {
        // The Llama 3.2 shape carries rope_freqs: 1 for high frequencies, 32 for the lowest,
        // smoothly rising in between.
        const auto s = *synthShape("llama3.2-1b");
        const auto plan = planTensors(s, SynthMix::Q4_K_M);
        QCOMPARE(plan.front().name, std::string("rope_freqs.weight"));
        QCOMPARE(plan.front().ne[0], uint64_t(32));
        QTemporaryDir dir;
        // Only the header-side tensor matters here; the full model is too large for a unit
        // test, so check the factors through a tiny copy of the shape with the same rope.
        SynthShape small = *synthShape("tiny-llama");
        small.llama3RopeFreqs = true;
        small.headDim = s.headDim;
        small.heads = 4;
        small.kvHeads = 2;
        small.ropeFreqBase = s.ropeFreqBase;
        SynthOptions options;
        options.shape = small;
        options.mix = SynthMix::F16;
        const std::string path = dir.filePath("rope.gguf").toStdString();
        QVERIFY(writeSyntheticModel(options, path).ok());
        auto f = gguf::GgufFile::open(path);
        QVERIFY(f.ok());
        const gguf::TensorInfo* rope = (*f)->findTensor("rope_freqs.weight");
        QVERIFY(rope != nullptr);
        std::vector<float> factors(32);
        QVERIFY(dequantizeRow(rope->type, rope->data, factors.data(), 32).ok());
        QCOMPARE(factors.front(), 1.0f);
        QCOMPARE(factors.back(), 32.0f);
        for (size_t i = 1; i < factors.size(); ++i)
            QVERIFY(factors[i] >= factors[i - 1]);
        QVERIFY(std::count(factors.begin(), factors.end(), 1.0f) > 8);
        QVERIFY(std::count_if(factors.begin(), factors.end(), [](float x) { return x > 1 && x < 32; }) >= 2);
    }

    void badOutputPathIsAnIoError()
    {
        SynthOptions options;
        options.shape = *synthShape("tiny-llama");
        auto r = writeSyntheticModel(options, "/nonexistent-dir/x.gguf");
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Io);
        QVERIFY(!synthShape("llama-70b").has_value());
        QVERIFY(!synthMixFromName("q3_k_s").has_value());
    }
};

QTEST_GUILESS_MAIN(TestSynth)
#include "test_synth.moc"
