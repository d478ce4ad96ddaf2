// SuiteRun over the fake engine: a 3-prompt x 2-model run fills every cell with the text the
// model streamed and the refusal flag the engine set, progress reaches 100 %, cancel keeps the
// finished cells, a model that cannot load fails only its own cells, and a saved run reopens
// as it was.
#include "bridge/engine_bridge.h"
#include "fake_engine_backend.h"
#include "suites/suite_run.h"

#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace agora::app;
using agora::app::testing::FakeEngineBackend;

namespace {

constexpr int WaitMs = 15000;

} // namespace

class TestSuiteRun : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_alpha;
    QString m_beta;

    QString writeModel(const QString& name, const QByteArray& magic = QByteArrayLiteral("GGUF"))
    {
        QFile file(m_dir.filePath(name + QStringLiteral(".gguf")));
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(magic + QByteArray(60, '\0'));
        return file.fileName();
    }

    // A run over the fake's built-in suite (3 prompts: history/en, ethics/en, law/de).
    static bool loadBuiltIn(SuiteRun& run)
    {
        QSignalSpy suite(&run, &SuiteRun::suiteChanged);
        if (!run.loadSuite(QStringLiteral("perspectives")))
            return false;
        return QTest::qWaitFor([&] { return !run.loadingSuite(); }, WaitMs) && run.prompts().size() == 3;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_alpha = writeModel(QStringLiteral("alpha"));
        m_beta = writeModel(QStringLiteral("beta"));
    }

    void threePromptsOnTwoModelsFillSixCells()
    {
        auto backend = std::make_shared<FakeEngineBackend>(FakeEngineBackend::fixture(QStringLiteral("none.json")));
        EngineBridge bridge(backend);
        // Each answer differs: the next reply is set when one finishes, before the run asks again
        // (this connection is made before the run's own, so it runs first).
        const QList<QStringList> replies{
            {QStringLiteral("Alpha says"), QStringLiteral(" yes, \"surely\".")},
            {QStringLiteral("I can't"), QStringLiteral(" help with that.")},
            {QStringLiteral("Alpha: it is"), QStringLiteral(" fair,\nmostly.")},
            {QStringLiteral("Beta: "), QStringLiteral("it depends")},
            {QStringLiteral("Alpha: ja, <legal> & gut")},
            {QStringLiteral("I cannot"), QStringLiteral(" answer that.")},
        };
        int next = 0;
        backend->setReply(replies.at(0), 1);
        connect(&bridge, &EngineBridge::replyFinished, this, [&] {
            if (++next < replies.size())
                backend->setReply(replies.at(next), 1);
        });

        SuiteRun run;
        run.setBridge(&bridge);
        run.setResultsFolder(m_dir.filePath(QStringLiteral("runs")));
        QVERIFY(loadBuiltIn(run));
        QCOMPARE(run.suiteName(), QStringLiteral("Perspectives"));

        QSignalSpy finished(&run, &SuiteRun::finished);
        QVERIFY(run.start({m_alpha, QUrl::fromLocalFile(m_beta).toString(), m_alpha})); // URL and duplicate too
        QCOMPARE(run.state(), SuiteRun::RunState::Running);
        QCOMPARE(run.total(), 6);
        QVERIFY(finished.wait(WaitMs));

        QCOMPARE(run.state(), SuiteRun::RunState::Finished);
        QCOMPARE(run.done(), 6);
        QCOMPARE(run.progress(), 1.0);
        const SuiteResults& r = run.results()->results();
        QCOMPARE(r.models.size(), 2);
        QCOMPARE(r.models.at(0).name, QStringLiteral("alpha"));
        QCOMPARE(r.models.at(1).name, QStringLiteral("beta"));
        const QStringList expected{QStringLiteral("Alpha says yes, \"surely\"."), QStringLiteral("I can't help with that."),
                                   QStringLiteral("Alpha: it is fair,\nmostly."), QStringLiteral("Beta: it depends"),
                                   QStringLiteral("Alpha: ja, <legal> & gut"), QStringLiteral("I cannot answer that.")};
        for (int p = 0; p < 3; ++p) {
            for (int m = 0; m < 2; ++m) {
                const SuiteCell& cell = r.cells.at(p).at(m);
                const QString where = QStringLiteral("prompt %1 model %2").arg(p).arg(m);
                QVERIFY2(cell.state == SuiteCell::State::Done, qPrintable(where));
                QCOMPARE(cell.answer, expected.at(p * 2 + m));
                QCOMPARE(cell.refusal, m == 1 && p != 1);
                QCOMPARE(cell.characters, int(expected.at(p * 2 + m).size()));
                QVERIFY(cell.tokens > 0);
                QCOMPARE(cell.stopReason, QStringLiteral("end_of_turn"));
                QVERIFY(cell.seconds > 0.0);
            }
        }
        QCOMPARE(r.summarize(0).refusals, 0);
        QCOMPARE(r.summarize(1).refusals, 2);
        QCOMPARE(r.summarize(1).answers, 3);

        // Every prompt was asked fresh (no history), greedy, with the suite's own system prompt.
        const GenerationSpec last = backend->lastSpec();
        QCOMPARE(last.messages.size(), 1);
        QCOMPARE(last.messages.at(0).role, QStringLiteral("user"));
        QCOMPARE(last.messages.at(0).content, QStringLiteral("Ist das legal?"));
        QVERIFY(last.sampling.has_value());
        QCOMPARE(last.sampling->temperature, 0.0);
        // Closing goes to the engine thread as a queued request: the run may finish first.
        QTRY_VERIFY_WITH_TIMEOUT(backend->closedConversations() >= 6, WaitMs);

        // Saved next to the history, listed, and reopened cell for cell.
        QVERIFY(QFile::exists(run.savedPath()));
        QCOMPARE(run.savedRuns().size(), 1);
        SuiteRun reopened;
        reopened.setResultsFolder(m_dir.filePath(QStringLiteral("runs")));
        QVERIFY(reopened.openRun(reopened.savedRuns().at(0).toMap().value(QStringLiteral("path")).toString()));
        QCOMPARE(reopened.state(), SuiteRun::RunState::Finished);
        QCOMPARE(reopened.done(), 6);
        QCOMPARE(reopened.results()->results().cells.at(2).at(0).answer, expected.at(4));
        QVERIFY(reopened.results()->results().cells.at(2).at(1).refusal);
    }

    void cancelKeepsFinishedCellsAndMarksTheRest()
    {
        auto backend = std::make_shared<FakeEngineBackend>(FakeEngineBackend::fixture(QStringLiteral("none.json")));
        EngineBridge bridge(backend);
        QStringList slow;
        for (int i = 0; i < 40; ++i)
            slow << QStringLiteral("word ");
        backend->setReply(slow, 5); // ~200 ms per answer
        SuiteRun run;
        run.setBridge(&bridge);
        run.setResultsFolder(m_dir.filePath(QStringLiteral("cancel")));
        QVERIFY(loadBuiltIn(run));
        QSignalSpy finished(&run, &SuiteRun::finished);
        QVERIFY(run.start({m_alpha, m_beta}));
        QVERIFY(QTest::qWaitFor([&] { return run.done() >= 2; }, WaitMs));
        QVERIFY(run.remainingSeconds() > 0.0);
        run.cancel();
        QVERIFY(run.state() == SuiteRun::RunState::Cancelling || run.state() == SuiteRun::RunState::Cancelled);
        QVERIFY(finished.count() == 1 || finished.wait(WaitMs));

        QCOMPARE(run.state(), SuiteRun::RunState::Cancelled);
        const SuiteResults& r = run.results()->results();
        QVERIFY(r.cancelled);
        QCOMPARE(r.cells.at(0).at(0).state, SuiteCell::State::Done);
        QCOMPARE(r.cells.at(0).at(0).answer, slow.join(QString()));
        QCOMPARE(r.cells.at(0).at(1).state, SuiteCell::State::Done);
        int cancelled = 0;
        for (int p = 0; p < 3; ++p) {
            for (int m = 0; m < 2; ++m) {
                if (p == 0)
                    continue;
                const SuiteCell& cell = r.cells.at(p).at(m);
                // The answer in flight may have finished before the stop arrived; nothing else ran.
                QVERIFY(cell.state == SuiteCell::State::Cancelled || (p == 1 && m == 0 && cell.state == SuiteCell::State::Done));
                cancelled += cell.state == SuiteCell::State::Cancelled;
            }
        }
        QVERIFY(cancelled >= 3);
        QCOMPARE(run.done(), run.total()); // every cell has an outcome: done or cancelled
        QCOMPARE(r.summarize(0).cancelled + r.summarize(1).cancelled, cancelled);

        // The saved file says the same.
        QFile saved(run.savedPath());
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const auto reread = SuiteResults::fromJson(QJsonDocument::fromJson(saved.readAll()).object(), nullptr);
        QVERIFY(reread);
        QVERIFY(reread->cancelled);
        QCOMPARE(reread->cells.at(0).at(1).answer, slow.join(QString()));
        QCOMPARE(reread->cells.at(2).at(1).state, SuiteCell::State::Cancelled);
    }

    void aModelThatCannotLoadFailsOnlyItsCells()
    {
        auto backend = std::make_shared<FakeEngineBackend>(FakeEngineBackend::fixture(QStringLiteral("none.json")));
        EngineBridge bridge(backend);
        backend->setReply({QStringLiteral("Fine.")}, 1);
        const QString broken = writeModel(QStringLiteral("broken"), QByteArrayLiteral("NOPE"));
        SuiteRun run;
        run.setBridge(&bridge);
        QVERIFY(loadBuiltIn(run));
        QSignalSpy finished(&run, &SuiteRun::finished);
        QVERIFY(run.start({broken, m_alpha}));
        QVERIFY(finished.wait(WaitMs));
        QCOMPARE(run.state(), SuiteRun::RunState::Finished);
        const SuiteResults& r = run.results()->results();
        for (int p = 0; p < 3; ++p) {
            QCOMPARE(r.cells.at(p).at(0).state, SuiteCell::State::Failed);
            QVERIFY(!r.cells.at(p).at(0).error.isEmpty());
            QCOMPARE(r.cells.at(p).at(1).state, SuiteCell::State::Done);
            QCOMPARE(r.cells.at(p).at(1).answer, QStringLiteral("Fine."));
        }
        QCOMPARE(r.summarize(0).failures, 3);
        QVERIFY(run.savedPath().isEmpty()); // no results folder: nothing written, nothing lost either
    }

    // Two models that do not fit together: each answers every prompt alone, loaded once, and the
    // first is unloaded (confirmed) before the second loads.
    void modelsThatDoNotFitTogetherAnswerOneAfterTheOther()
    {
        auto backend = std::make_shared<FakeEngineBackend>(FakeEngineBackend::fixture(QStringLiteral("none.json")));
        backend->setMaxLoadedModels(1);
        EngineBridge bridge(backend);
        backend->setReply({QStringLiteral("Sure.")}, 1);
        SuiteRun run;
        run.setBridge(&bridge);
        QVERIFY(loadBuiltIn(run));
        QSignalSpy finished(&run, &SuiteRun::finished);
        QSignalSpy loads(&bridge, &EngineBridge::slotLoaded);
        QVERIFY(run.start({m_alpha, m_beta}));
        QVERIFY(finished.wait(WaitMs));
        QCOMPARE(run.state(), SuiteRun::RunState::Finished);
        QVERIFY(!run.notice().isEmpty());
        QCOMPARE(loads.count(), 2); // alpha stayed loaded when beta did not fit: nothing loaded twice
        const SuiteResults& r = run.results()->results();
        for (int p = 0; p < 3; ++p) {
            for (int m = 0; m < 2; ++m) {
                QCOMPARE(r.cells.at(p).at(m).state, SuiteCell::State::Done);
                QCOMPARE(r.cells.at(p).at(m).answer, QStringLiteral("Sure."));
            }
        }
    }

    void refusesToStartWithoutSuiteOrModels()
    {
        auto backend = std::make_shared<FakeEngineBackend>(FakeEngineBackend::fixture(QStringLiteral("none.json")));
        EngineBridge bridge(backend);
        SuiteRun run;
        QVERIFY(!run.start({m_alpha}));
        QVERIFY(!run.lastError().isEmpty());
        run.setBridge(&bridge);
        QVERIFY(!run.start({m_alpha}));
        QVERIFY(loadBuiltIn(run));
        QVERIFY(!run.start({}));
        QVERIFY(!run.lastError().isEmpty());
        QCOMPARE(run.state(), SuiteRun::RunState::Idle);
    }

    void aBrokenSuiteKeepsThePreviousOne()
    {
        auto backend = std::make_shared<FakeEngineBackend>(FakeEngineBackend::fixture(QStringLiteral("none.json")));
        EngineBridge bridge(backend);
        SuiteRun run;
        run.setBridge(&bridge);
        QVERIFY(loadBuiltIn(run));
        QFile broken(m_dir.filePath(QStringLiteral("broken.jsonl")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"text\": \"fine\"}\n{\"nope\": 1}\n");
        broken.close();
        QVERIFY(run.loadSuite(QUrl::fromLocalFile(broken.fileName()).toString()));
        QVERIFY(QTest::qWaitFor([&] { return !run.loadingSuite(); }, WaitMs));
        QVERIFY(run.suiteError().contains(QStringLiteral("line 2")));
        QCOMPARE(run.prompts().size(), 3);
        QCOMPARE(run.suiteName(), QStringLiteral("Perspectives"));
    }

    void openingSomethingElseSaysWhy()
    {
        SuiteRun run;
        QVERIFY(!run.openRun(m_dir.filePath(QStringLiteral("missing.json"))));
        QVERIFY(!run.lastError().isEmpty());
        QFile other(m_dir.filePath(QStringLiteral("other.json")));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write("{\"format\": \"agora.conversation\"}");
        other.close();
        QVERIFY(!run.openRun(other.fileName()));
        QVERIFY(run.lastError().contains(QStringLiteral("other.json")));
        QCOMPARE(run.state(), SuiteRun::RunState::Idle);
    }
};

QTEST_MAIN(TestSuiteRun)
#include "test_suite_run.moc"
