// The CPU reference forward pass against llama.cpp: teacher-forced logits at all 64 positions and
// greedy continuations for every fixture model with a reference dump, and stories260K's 200-step
// greedy story from BOS. Prints a table: model, type, max |Δ|, mean |Δ|, top-1, greedy.
#include "model/cpu_forward.h"
#include "model/model.h"
#include "reference_check.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace agora;

namespace {

const QString kShared = QStringLiteral(AGORA_SHARED_DIR);

} // namespace

class TestCpuForward : public QObject {
    Q_OBJECT
private slots:
    void matchesLlamaCppReference_data()
    {
        QTest::addColumn<QString>("refPath");
        const auto files = test::referenceFiles(kShared + "/reference/llama.cpp/cpu", "*.cpu.json");
        QVERIFY2(files.size() >= 27, "the reference dumps are missing");
        for (const test::ReferenceFile& f : files)
            QTest::newRow(qPrintable(f.rowName)) << f.path;
        // Llama-3 features: rope_freqs factors, head dim 96 != n_embd/n_head, untied output.
        const auto llama3 = test::referenceFiles(kShared + "/reference/llama.cpp/architectures", "syn-llama3-*.cpu.json");
        QCOMPARE(llama3.size(), size_t(3));
        for (const test::ReferenceFile& f : llama3)
            QTest::newRow(qPrintable(f.rowName)) << f.path;
    }

    void matchesLlamaCppReference()
    {
        QFETCH(QString, refPath);
        test::RefDump ref;
        QString error;
        QVERIFY2(test::loadRefDump(refPath, &ref, &error), qPrintable(error));
        auto model = model::Model::open(test::referenceModelPath(ref.model).toStdString());
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message.c_str());

        QElapsedTimer timer;
        timer.start();
        model::CpuForward forward(**model, uint32_t(ref.tokens.size() + ref.greedyIds.size()));
        const test::Tolerance tol = test::toleranceFor(ref.model);
        const test::Comparison c = test::compareWithReference(
            ref, [&](std::span<const int32_t> t, uint32_t pos, bool all) { return forward.evaluate(t, pos, all); },
            tol);
        QVERIFY2(c.error.isEmpty(), qPrintable(c.error));

        const QString row = test::comparisonRow(ref.model, 36, ref, c, c.greedyRobust) +
                            QString(" | %1 ms").arg(timer.elapsed());
        m_table << row;
        qInfo("%s", qPrintable(row));
        if (!c.firstMismatches.isEmpty())
            qInfo("first mismatches:\n%s", qPrintable(c.firstMismatches));

        const QString violation = test::toleranceViolation(c, tol, c.greedyRobust);
        QVERIFY2(violation.isEmpty(), qPrintable(violation));
    }

    void stories260KGreedyStoryFromBos()
    {
        const std::vector<int32_t> expected = test::storiesGreedyIds();
        QCOMPARE(expected.size(), size_t(200));

        auto model = model::Model::open((kShared + "/fixtures/models/stories260K.gguf").toStdString());
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message.c_str());
        model::CpuForward forward(**model, 256);
        int32_t token = 1; // BOS
        size_t matched = 0;
        for (size_t step = 0; step < expected.size(); ++step) {
            auto logits = forward.evaluate(std::span(&token, 1), uint32_t(step), false);
            QVERIFY2(logits.ok(), logits.ok() ? "" : logits.error().message.c_str());
            token = test::argmax(*logits);
            if (token != expected[step])
                break;
            ++matched;
        }
        const QString row = QString("stories260K greedy from BOS: %1/200 ids equal to llama2.c").arg(matched);
        m_table << row;
        qInfo("%s", qPrintable(row));
        QVERIFY2(matched >= 185, qPrintable(row));
    }

    void badBatchesAreErrors()
    {
        auto model = model::Model::open((kShared + "/fixtures/models/stories260K.gguf").toStdString());
        QVERIFY(model.ok());
        model::CpuForward forward(**model, 8);
        const std::vector<int32_t> outside{1, 512};
        auto r = forward.evaluate(outside, 0, true);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
        QVERIFY(r.error().message.find("outside the vocabulary") != std::string::npos);
        const std::vector<int32_t> tooLong(9, 1);
        QVERIFY(!forward.evaluate(tooLong, 0, true).ok());
        QVERIFY(!forward.evaluate({}, 0, true).ok());
    }

    void cleanupTestCase()
    {
        qInfo("\n%s", qPrintable(m_table.join('\n')));
    }

private:
    QStringList m_table;
};

QTEST_GUILESS_MAIN(TestCpuForward)
#include "test_cpu_forward.moc"
