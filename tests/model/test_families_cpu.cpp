// The newer families (issue 10) on the CPU reference path against llama.cpp: for every file of
// syn-{llama3,qwen3,gemma2,gemma3,phi3}-2k-{F16,Q8_0,Q4_K_M}, teacher-forced logits at all 64
// positions within the tolerances of ../shared/reference/README.md ("More architectures"), top-1
// equal where the reference margin is clear, greedy ids equal up to the first fragile step. Also the
// family features read from the files and the per-feature checks that show each one matters.
// Prints the table: file, max |Δ|, top-1 agreement, greedy match.
#include "gguf/gguf.h"
#include "gguf/gguf_writer.h"
#include "model/cpu_forward.h"
#include "model/model.h"
#include "family_reference.h"

#include <QDir>
#include <QElapsedTimer>
#include <QtTest>

#include <cmath>

using namespace agora;

namespace {

const QString kShared = QStringLiteral(AGORA_SHARED_DIR);
const QString kArchDir = kShared + "/reference/llama.cpp/architectures";

Result<std::unique_ptr<model::Model>> openFixture(const QString& name)
{
    return model::Model::open((kShared + "/fixtures/models/synthetic/" + name).toStdString());
}

} // namespace

class TestFamiliesCpu : public QObject {
    Q_OBJECT
private slots:
    void familyFeaturesFromTheFiles()
    {
        auto gemma2 = openFixture("syn-gemma2-2k-F16.gguf");
        QVERIFY2(gemma2.ok(), gemma2.ok() ? "" : gemma2.error().message.c_str());
        const model::HParams& g2 = (*gemma2)->hparams();
        QCOMPARE(g2.arch, model::Architecture::Gemma2);
        QCOMPARE(g2.attnSoftcap, 50.0f);
        QCOMPARE(g2.finalSoftcap, 30.0f);
        QCOMPARE(g2.slidingWindow, 16u);
        QCOMPARE(g2.embedScale, 16.0f);
        QCOMPARE(g2.attnScale, 0.125f);
        QVERIFY(g2.isLocalLayer(0) && !g2.isLocalLayer(1));
        QCOMPARE(g2.ropeMode, cpu::RopeMode::Neox);
        QVERIFY((*gemma2)->weights().layers[1].postFfnNorm);

        auto gemma3 = openFixture("syn-gemma3-2k-Q8_0.gguf");
        QVERIFY2(gemma3.ok(), gemma3.ok() ? "" : gemma3.error().message.c_str());
        const model::HParams& g3 = (*gemma3)->hparams();
        for (uint32_t layer = 0; layer < 5; ++layer) {
            QVERIFY(g3.isLocalLayer(layer));
            QCOMPARE(g3.ropeBaseFor(layer), 10000.0f);
        }
        QVERIFY(!g3.isLocalLayer(5));
        QCOMPARE(g3.ropeBaseFor(5), 1e6f);
        QCOMPARE(g3.attnSoftcap, 0.0f);
        QCOMPARE(g3.finalSoftcap, 0.0f);
        QVERIFY((*gemma3)->weights().layers[5].qNorm && (*gemma3)->weights().layers[5].kNorm);

        auto qwen3 = openFixture("syn-qwen3-2k-Q4_K_M.gguf");
        QVERIFY2(qwen3.ok(), qwen3.ok() ? "" : qwen3.error().message.c_str());
        QVERIFY((*qwen3)->weights().layers[0].qNorm);
        QVERIFY(!(*qwen3)->weights().layers[0].bq);
        QVERIFY(!(*qwen3)->hparams().isLocalLayer(0));

        // phi3's fused matrices are bound as row views: Q|K|V = 256|128|128, gate|up = 512|512.
        auto phi3 = openFixture("syn-phi3-2k-F16.gguf");
        QVERIFY2(phi3.ok(), phi3.ok() ? "" : phi3.error().message.c_str());
        const model::LayerWeights& l = (*phi3)->weights().layers[1];
        QCOMPARE(l.wq.info, l.wv.info);
        QCOMPARE(l.wk.firstRow, 256ull);
        QCOMPARE(l.wv.firstRow, 384ull);
        QCOMPARE(l.wv.rows(), 128ull);
        QCOMPARE(l.wUp.firstRow, 512ull);
        QCOMPARE(l.wUp.rows(), 512ull);
        QCOMPARE(l.wGate.data() + 512 * 256 * 2, l.wUp.data()); // F16 rows of 256
        QCOMPARE(QString::fromStdString(l.wk.name()), QString("blk.1.attn_qkv.weight rows 256..384"));
    }

    // The 27B Gemmas scale queries by n_embd/n_head, the others by the head size (llama.cpp's rule;
    // the fixtures cannot show it because there both are 64). Read from header-only files.
    void gemma27BQueryScale_data()
    {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<int>("layers");
        QTest::addColumn<int>("nEmbd");
        QTest::addColumn<float>("scale");
        QTest::newRow("gemma2 27B") << "gemma2" << 46 << 4608 << 1.0f / std::sqrt(144.0f);
        QTest::newRow("gemma2 9B") << "gemma2" << 42 << 3584 << 1.0f / std::sqrt(256.0f);
        QTest::newRow("gemma3 27B") << "gemma3" << 62 << 5376 << 1.0f / std::sqrt(168.0f);
        QTest::newRow("gemma3 12B") << "gemma3" << 48 << 3840 << 1.0f / std::sqrt(256.0f);
    }

    void gemma27BQueryScale()
    {
        QFETCH(QString, arch);
        QFETCH(int, layers);
        QFETCH(int, nEmbd);
        QFETCH(float, scale);
        const std::string a = arch.toStdString();
        const uint32_t headDim = layers == 46 || layers == 62 ? 128 : 256;
        gguf::GgufWriter w;
        w.addString("general.architecture", a);
        w.addUInt32(a + ".block_count", uint32_t(layers));
        w.addUInt32(a + ".embedding_length", uint32_t(nEmbd));
        w.addUInt32(a + ".feed_forward_length", 4 * uint32_t(nEmbd));
        w.addUInt32(a + ".attention.head_count", 32);
        w.addUInt32(a + ".attention.head_count_kv", 16);
        w.addUInt32(a + ".attention.key_length", headDim);
        w.addUInt32(a + ".attention.value_length", headDim);
        w.addUInt32(a + ".attention.sliding_window", 4096);
        auto bytes = w.toBytes();
        QVERIFY(bytes.ok());
        auto file = gguf::GgufFile::fromMemory(*bytes);
        QVERIFY2(file.ok(), file.ok() ? "" : file.error().message.c_str());
        auto hp = model::readHParams(**file, 1000);
        QVERIFY2(hp.ok(), hp.ok() ? "" : hp.error().message.c_str());
        QCOMPARE(hp->attnScale, scale);
        QCOMPARE(hp->slidingWindow, 4096u);
    }

    // What `agora-cli inspect` reports for each family (ModelSummary::familyFeatures).
    void inspectReportsFamilyFeatures_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("features");
        QTest::newRow("llama3") << "syn-llama3-2k-F16.gguf" << QStringList{"rope factors"};
        QTest::newRow("qwen3") << "syn-qwen3-2k-Q8_0.gguf" << QStringList{"q/k norm"};
        QTest::newRow("gemma2") << "syn-gemma2-2k-F16.gguf"
                                << QStringList{"sliding window 16 (1 local : 1 global layer)", "attention softcap 50",
                                               "final softcap 30", "pre+post norms"};
        QTest::newRow("gemma3") << "syn-gemma3-2k-Q4_K_M.gguf"
                                << QStringList{"sliding window 16 (5 local : 1 global layers)", "local rope base 10000",
                                               "q/k norm", "pre+post norms"};
        QTest::newRow("phi3") << "syn-phi3-2k-F16.gguf" << QStringList{"fused QKV", "fused gate+up"};
        QTest::newRow("qwen2") << "syn-qwen2-4k-Q8_0.gguf" << QStringList{"QKV bias"};
    }

    void inspectReportsFamilyFeatures()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, features);
        auto summary = inspectModel((kShared + "/fixtures/models/synthetic/" + file).toStdString());
        QVERIFY2(summary.ok(), summary.ok() ? "" : summary.error().message.c_str());
        QStringList got;
        for (const std::string& f : summary->familyFeatures)
            got << QString::fromStdString(f);
        QCOMPARE(got, features);
    }

    void matchesLlamaCppReference_data()
    {
        QTest::addColumn<QString>("refPath");
        const auto files = test::referenceFiles(kArchDir, "syn-*.cpu.json");
        QCOMPARE(files.size(), size_t(15));
        for (const test::ReferenceFile& f : files)
            QTest::newRow(qPrintable(f.rowName)) << f.path;
    }

    void matchesLlamaCppReference()
    {
        QFETCH(QString, refPath);
        test::RefDump ref;
        QString error;
        QVERIFY2(test::loadRefDump(refPath, &ref, &error), qPrintable(error));
        auto model = openFixture(ref.model);
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message.c_str());

        QElapsedTimer timer;
        timer.start();
        model::CpuForward forward(**model, uint32_t(ref.tokens.size() + ref.greedyIds.size()));
        const test::Tolerance tol = test::familyTolerance(ref.model);
        const test::Comparison c = test::compareWithReference(
            ref, [&](std::span<const int32_t> t, uint32_t pos, bool all) { return forward.evaluate(t, pos, all); },
            tol);
        QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
        const int robust = test::robustGreedyPrefix(ref, tol);

        const QString row = test::comparisonRow(ref.model, 26, ref, c, robust, tol.maxTop5) +
                            QString(" | %1 ms").arg(timer.elapsed());
        m_table << row;
        qInfo("%s", qPrintable(row));
        if (!c.firstMismatches.isEmpty())
            qInfo("first mismatches:\n%s", qPrintable(c.firstMismatches));

        const QString violation = test::toleranceViolation(c, tol, robust);
        QVERIFY2(violation.isEmpty(), qPrintable(violation));
    }

    void cleanupTestCase() { qInfo("\n%s", qPrintable(m_table.join('\n'))); }

private:
    QStringList m_table;
};

QTEST_GUILESS_MAIN(TestFamiliesCpu)
#include "test_families_cpu.moc"
