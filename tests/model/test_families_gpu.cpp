// The newer families (issue 10) on the Vulkan path (lavapipe in CI) against llama.cpp, with the
// bounds of the CPU family test: all 15 syn-{llama3,qwen3,gemma2,gemma3,phi3}-2k files, the
// prompt as one batch (matmul path) and greedy steps one token per submission (matvec path).
// Prints the table: file, max |Δ|, top-1 agreement, greedy match.
#include "../gpu/gpu_test_util.h"

#include "family_reference.h"
#include "model/gpu_forward.h"
#include "model/model.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace agora;

namespace {

const QString kShared = QStringLiteral(AGORA_SHARED_DIR);

int childMain(const char*) { return 99; }

} // namespace

class TestFamiliesGpu : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_context = gputest::openDevice();
        QVERIFY2(m_context, "no Vulkan device (lavapipe expected)");
    }

    void matchesLlamaCppReference_data()
    {
        QTest::addColumn<QString>("refPath");
        const auto files = test::referenceFiles(kShared + "/reference/llama.cpp/architectures", "syn-*.cpu.json");
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
        auto model = model::Model::open(test::referenceModelPath(ref.model).toStdString());
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message.c_str());

        QElapsedTimer timer;
        timer.start();
        model::GpuForwardOptions options;
        options.nCtx = uint32_t(ref.tokens.size() + ref.greedyIds.size());
        auto forward = model::GpuForward::create(**model, m_context, options);
        QVERIFY2(forward.ok(), forward.ok() ? "" : forward.error().message.c_str());

        const test::Tolerance tol = test::familyTolerance(ref.model);
        const test::Comparison c = test::compareWithReference(
            ref, [&](std::span<const int32_t> t, uint32_t pos, bool all) { return (*forward)->evaluate(t, pos, all); },
            tol);
        QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
        const int robust = test::robustGreedyPrefix(ref, tol);

        const QString row = "GPU " + test::comparisonRow(ref.model, 26, ref, c, robust, tol.maxTop5) +
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
    std::shared_ptr<vk::Context> m_context;
    QStringList m_table;
};

AGORA_GPU_TEST_MAIN(TestFamiliesGpu, childMain)
#include "test_families_gpu.moc"
