// The newer families (issue 10) on the Vulkan path (lavapipe in CI) against llama.cpp, with the
// bounds of the CPU family test: all 15 syn-{llama3,qwen3,gemma2,gemma3,phi3}-2k files, the
// prompt as one batch (matmul path) and greedy steps one token per submission (matvec path).
// Prints the table: file, max |Δ|, top-1 agreement, greedy match.
#include "../gpu/gpu_test_util.h"

#include "family_reference.h"
#include "model/gpu_forward.h"
#include "model/model.h"

#include <QDir>
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
        const QDir dir(kShared + "/reference/llama.cpp/architectures");
        const QStringList files = dir.entryList({"syn-*.cpu.json"}, QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 15);
        for (const QString& f : files)
            QTest::newRow(qPrintable(f.chopped(QString(".cpu.json").size()))) << dir.filePath(f);
    }

    void matchesLlamaCppReference()
    {
        QFETCH(QString, refPath);
        test::RefDump ref;
        QString error;
        QVERIFY2(test::loadRefDump(refPath, &ref, &error), qPrintable(error));
        auto model = model::Model::open((kShared + "/fixtures/models/synthetic/" + ref.model).toStdString());
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

        const QString row = QString("GPU %1 | max|d| top5 %2 (bound %3) | mean|d| last %4 | top-1 %5/%6 (clear %7/%8) | "
                                    "greedy %9/%10 (robust %11) | %12 ms")
                                .arg(ref.model, -26)
                                .arg(double(c.maxTop5), 0, 'f', 4)
                                .arg(double(tol.maxTop5))
                                .arg(double(c.meanLast), 0, 'f', 4)
                                .arg(c.top1Agree)
                                .arg(ref.tokens.size())
                                .arg(c.top1ClearAgree)
                                .arg(c.top1Clear)
                                .arg(c.greedyMatch)
                                .arg(ref.greedyIds.size())
                                .arg(robust)
                                .arg(timer.elapsed());
        m_table << row;
        qInfo("%s", qPrintable(row));
        if (!c.firstMismatches.isEmpty())
            qInfo("first mismatches:\n%s", qPrintable(c.firstMismatches));

        QVERIFY2(c.maxTop5 <= tol.maxTop5, qPrintable(QString("max |d| %1 > %2").arg(c.maxTop5).arg(tol.maxTop5)));
        QVERIFY2(c.meanLast <= tol.meanLast,
                 qPrintable(QString("mean |d| %1 > %2").arg(c.meanLast).arg(tol.meanLast)));
        QCOMPARE(c.top1ClearAgree, c.top1Clear);
        QVERIFY2(c.greedyMatch >= robust,
                 qPrintable(QString("greedy diverged at step %1, robust up to %2").arg(c.greedyMatch).arg(robust)));
    }

    void cleanupTestCase() { qInfo("\n%s", qPrintable(m_table.join('\n'))); }

private:
    std::shared_ptr<vk::Context> m_context;
    QStringList m_table;
};

AGORA_GPU_TEST_MAIN(TestFamiliesGpu, childMain)
#include "test_families_gpu.moc"
