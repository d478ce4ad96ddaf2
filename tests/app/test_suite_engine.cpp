// Prompt suites through the real engine: the built-in Perspectives suite, imported JSONL and CSV
// files (system prompts, comments, RFC 4180 quoting), broken files named by line or record with
// the previous suite kept, and a real run of two stories260K files (F32 and Q8_0, base models:
// the prompts are continued) filling every cell.
#include "bridge/engine_bridge.h"
#include "bridge/vulkan_engine_backend.h"
#include "suites/suite_run.h"

#include <QFile>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace agora::app;

namespace {

constexpr int SuiteWaitMs = 20000;

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return file.fileName();
}

} // namespace

class TestSuiteEngine : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<EngineBridge> m_bridge;

    bool load(SuiteRun& run, const QString& source)
    {
        if (!run.loadSuite(source))
            return false;
        return QTest::qWaitFor([&] { return !run.loadingSuite(); }, SuiteWaitMs);
    }

    static QVariantMap prompt(const SuiteRun& run, int index) { return run.prompts().at(index).toMap(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_bridge = std::make_unique<EngineBridge>(std::make_shared<VulkanEngineBackend>());
    }

    void cleanupTestCase() { m_bridge.reset(); }

    void perspectivesAsksTheSameQuestionsInTwoLanguages()
    {
        SuiteRun run;
        run.setBridge(m_bridge.get());
        QVERIFY(load(run, QStringLiteral("Perspectives")));
        QVERIFY2(run.suiteError().isEmpty(), qPrintable(run.suiteError()));
        QCOMPARE(run.prompts().size(), 20);
        QSet<QString> languages, categories;
        for (const QVariant& p : run.prompts()) {
            languages.insert(p.toMap().value(QStringLiteral("language")).toString());
            categories.insert(p.toMap().value(QStringLiteral("category")).toString());
            QVERIFY(!p.toMap().value(QStringLiteral("text")).toString().isEmpty());
        }
        QCOMPARE(languages, (QSet<QString>{QStringLiteral("en"), QStringLiteral("de")}));
        for (const char* category : {"history", "politics", "ethics", "law", "culture"})
            QVERIFY2(categories.contains(QString::fromLatin1(category)), category);
    }

    void importsJsonlWithSystemPromptsAndComments()
    {
        const QString path = writeFile(m_dir, QStringLiteral("mine.jsonl"),
            "# my questions\n"
            "{\"id\": \"q1\", \"category\": \"law\", \"lang\": \"en\", \"prompt\": \"Is jaywalking a crime?\"}\n"
            "\n"
            "// German, answered briefly\n"
            "{\"id\": \"q2\", \"lang\": \"de\", \"system\": \"Antworte kurz.\", \"text\": \"Ist Schwarzfahren strafbar?\"}\n");
        SuiteRun run;
        run.setBridge(m_bridge.get());
        QVERIFY(load(run, QUrl::fromLocalFile(path).toString()));
        QVERIFY2(run.suiteError().isEmpty(), qPrintable(run.suiteError()));
        QCOMPARE(run.suiteName(), QStringLiteral("mine"));
        QCOMPARE(run.prompts().size(), 2);
        QCOMPARE(prompt(run, 0).value(QStringLiteral("category")).toString(), QStringLiteral("law"));
        QCOMPARE(prompt(run, 1).value(QStringLiteral("language")).toString(), QStringLiteral("de"));
        QCOMPARE(prompt(run, 1).value(QStringLiteral("system")).toString(), QStringLiteral("Antworte kurz."));
        QCOMPARE(prompt(run, 1).value(QStringLiteral("text")).toString(), QStringLiteral("Ist Schwarzfahren strafbar?"));
    }

    void importsCsvWithQuotedFields()
    {
        const QString path = writeFile(m_dir, QStringLiteral("table.csv"),
            "id,category,lang,prompt\r\n"
            "c1,ethics,en,\"Is it fair, on balance, to say \"\"yes\"\"?\"\r\n"
            "c2,culture,fr,\"Deux lignes:\nla seconde\"\r\n");
        SuiteRun run;
        run.setBridge(m_bridge.get());
        QVERIFY(load(run, path));
        QVERIFY2(run.suiteError().isEmpty(), qPrintable(run.suiteError()));
        QCOMPARE(run.prompts().size(), 2);
        QCOMPARE(prompt(run, 0).value(QStringLiteral("text")).toString(), QStringLiteral("Is it fair, on balance, to say \"yes\"?"));
        QCOMPARE(prompt(run, 1).value(QStringLiteral("text")).toString(), QStringLiteral("Deux lignes:\nla seconde"));
        QCOMPARE(prompt(run, 1).value(QStringLiteral("language")).toString(), QStringLiteral("fr"));
    }

    void brokenFilesSayWhereAndKeepThePreviousSuite()
    {
        SuiteRun run;
        run.setBridge(m_bridge.get());
        QVERIFY(load(run, QStringLiteral("perspectives")));
        const QString jsonl = writeFile(m_dir, QStringLiteral("broken.jsonl"),
                                        "{\"prompt\": \"fine\"}\n{\"prompt\": \"fine too\"}\n{\"prompt\": oops}\n");
        QVERIFY(load(run, jsonl));
        QVERIFY2(run.suiteError().contains(QStringLiteral("3")), qPrintable(run.suiteError()));
        QCOMPARE(run.prompts().size(), 20);
        QCOMPARE(run.suiteName(), QStringLiteral("Perspectives"));

        const QString csv = writeFile(m_dir, QStringLiteral("broken.csv"), "prompt\n\"never closed\n");
        QVERIFY(load(run, csv));
        QVERIFY2(run.suiteError().contains(QStringLiteral("quote")), qPrintable(run.suiteError()));
        QVERIFY(load(run, m_dir.filePath(QStringLiteral("missing.jsonl"))));
        QVERIFY(!run.suiteError().isEmpty());
        QCOMPARE(run.prompts().size(), 20);
    }

    void realRunOnTwoStoriesModels()
    {
        const QString models = QStringLiteral(AGORA_SHARED_DIR "/fixtures/models/");
        if (!QFile::exists(models + QStringLiteral("stories260K.gguf")))
            QSKIP("stories260K fixture not present");
        const QString path = writeFile(m_dir, QStringLiteral("stories.jsonl"),
            "{\"id\": \"s1\", \"category\": \"story\", \"lang\": \"en\", \"prompt\": \"Once upon a time\"}\n"
            "{\"id\": \"s2\", \"category\": \"story\", \"lang\": \"en\", \"system\": \"A tale.\", \"prompt\": \"The little dog\"}\n");
        SuiteRun run;
        run.setBridge(m_bridge.get());
        run.setMaxTokens(24);
        run.setResultsFolder(m_dir.filePath(QStringLiteral("runs")));
        QVERIFY(load(run, path));
        QVERIFY2(run.suiteError().isEmpty(), qPrintable(run.suiteError()));
        QSignalSpy finished(&run, &SuiteRun::finished);
        QVERIFY(run.start({models + QStringLiteral("stories260K.gguf"), models + QStringLiteral("stories260K-Q8_0.gguf")}));
        QVERIFY(finished.wait(180000));
        QCOMPARE(run.state(), SuiteRun::RunState::Finished);
        const SuiteResults& r = run.results()->results();
        for (int p = 0; p < 2; ++p) {
            for (int m = 0; m < 2; ++m) {
                const SuiteCell& cell = r.cells.at(p).at(m);
                QVERIFY2(cell.state == SuiteCell::State::Done, qPrintable(cell.error));
                QVERIFY(!cell.answer.trimmed().isEmpty());
                QVERIFY(cell.tokens > 0 && cell.tokens <= 24);
                QVERIFY(cell.tokensPerSecond > 0.0);
                QVERIFY(!cell.stopReason.isEmpty());
                QVERIFY(!cell.refusal); // children's stories do not decline
            }
        }
        QCOMPARE(run.progress(), 1.0);
        QVERIFY(QFile::exists(run.savedPath()));
        // Greedy decoding: the F32 model answers the same prompt the same way in a second run.
        const QString first = r.cells.at(0).at(0).answer;
        QVERIFY(run.start({models + QStringLiteral("stories260K.gguf")}));
        QVERIFY(finished.wait(180000));
        QCOMPARE(run.results()->results().cells.at(0).at(0).answer, first);
    }
};

QTEST_MAIN(TestSuiteEngine)
#include "test_suite_engine.moc"
