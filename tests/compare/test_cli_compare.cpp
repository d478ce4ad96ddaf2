// agora-cli compare end to end: two fixture models answer one prompt together and each answer
// equals the model's answer alone (greedy); --memory-budget forces the sequential mode with the
// same answers; a suite run writes CSV, Markdown and HTML reports; bad flags and files give
// clear messages and exit 2 / 1.
#include "cli_run.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <QXmlStreamReader>

namespace {

const QString kModels = QString(AGORA_SHARED_DIR) + "/fixtures/models/";

using Run = agora::test::CliRun;

Run cli(const QStringList& args)
{
    return agora::test::runProgram(AGORA_CLI_PATH, QStringList{"compare"} + args, 120000);
}

QStringList answerTexts(const QByteArray& json, int prompt = 0)
{
    QStringList texts;
    const QJsonObject doc = QJsonDocument::fromJson(json).object();
    for (const QJsonValue& a : doc["prompts"].toArray()[prompt].toObject()["answers"].toArray())
        texts << a.toObject()["text"].toString();
    return texts;
}

} // namespace

class TestCliCompare : public QObject {
    Q_OBJECT

private slots:
    void twoModelsTogetherEqualEachAlone()
    {
        const QStringList common{"--prompt", "Once upon a time", "--temp", "0", "-n", "32", "--ctx", "256", "--json"};
        const Run both = cli(QStringList{"-m", kModels + "stories260K.gguf", "-m", kModels + "stories260K-Q8_0.gguf"} + common);
        QVERIFY2(both.exitCode == 0, both.err.constData());
        const QJsonObject doc = QJsonDocument::fromJson(both.out).object();
        QCOMPARE(doc["sequential"].toBool(true), false);
        QCOMPARE(doc["models"].toArray().size(), 2);
        const QJsonObject first = doc["prompts"].toArray()[0].toObject()["answers"].toArray()[0].toObject();
        QCOMPARE(first["tokens"].toInt(), 32);
        QCOMPARE(first["stop_reason"].toString(), QString("max_tokens"));
        QVERIFY(first["ttft_ms"].toDouble() > 0 && first["tokens_per_s"].toDouble() > 0);
        const QStringList together = answerTexts(both.out);
        QCOMPARE(together.size(), 2);
        QVERIFY(together[0].size() > 30);
        const Run a = cli(QStringList{"-m", kModels + "stories260K.gguf"} + common);
        const Run b = cli(QStringList{"-m", kModels + "stories260K-Q8_0.gguf"} + common);
        QCOMPARE(answerTexts(a.out).value(0), together[0]);
        QCOMPARE(answerTexts(b.out).value(0), together[1]);

        // A budget below the two models together (1.34 MB and 0.53 MB with a 256-position KV cache).
        const Run seq = cli(QStringList{"-m", kModels + "stories260K.gguf", "-m", kModels + "stories260K-Q8_0.gguf",
                                        "--memory-budget", "1600000"} + common);
        QVERIFY2(seq.exitCode == 0, seq.err.constData());
        QCOMPARE(QJsonDocument::fromJson(seq.out).object()["sequential"].toBool(false), true);
        QVERIFY(seq.err.contains("one after the other"));
        QCOMPARE(answerTexts(seq.out), together);
    }

    void suiteWritesReports()
    {
        QTemporaryDir dir;
        QFile suite(dir.filePath("mine.csv"));
        QVERIFY(suite.open(QIODevice::WriteOnly));
        suite.write("id,prompt\nx,\"Once upon a time, \"\"Tom\"\" said\"\ny,The little <cat>\n");
        suite.close();
        for (const QString ext : {"html", "md", "csv"}) {
            const QString out = dir.filePath("report." + ext);
            const Run r = cli({"-m", kModels + "stories260K.gguf", "-m", kModels + "stories260K-Q8_0.gguf", "--suite",
                               suite.fileName(), "--temp", "0", "-n", "12", "--out", out});
            QVERIFY2(r.exitCode == 0, r.err.constData());
            QFile f(out);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray body = f.readAll();
            if (ext == "html") {
                QXmlStreamReader xml(body);
                int cells = 0;
                while (!xml.atEnd())
                    if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"div" &&
                        xml.attributes().value("class") == u"answer")
                        ++cells;
                QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
                QCOMPARE(cells, 4);
                QVERIFY(body.contains("The little &lt;cat&gt;"));
            } else if (ext == "csv") {
                QVERIFY(body.startsWith("prompt_id,category,lang,prompt,model,answer,"));
                QVERIFY(body.contains("\"Once upon a time, \"\"Tom\"\" said\""));
                QCOMPARE(body.count("\r\n"), 5); // header + 2 prompts x 2 models
            } else {
                QVERIFY(body.contains("| Prompt | stories260K.gguf | stories260K-Q8_0.gguf |"));
            }
        }
    }

    void errors()
    {
        Run r = cli({"--prompt", "x"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("-m MODEL"));
        r = cli({"-m", kModels + "stories260K.gguf"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--prompt TEXT or --suite"));
        r = cli({"-m", kModels + "stories260K.gguf", "--prompt", "x", "--out", "report.pdf"});
        QCOMPARE(r.exitCode, 2);
        r = cli({"-m", kModels + "stories260K.gguf", "--suite", "/nonexistent.jsonl"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("cannot open the suite file"));
        r = cli({"-m", "/nonexistent.gguf", "-m", kModels + "stories260K.gguf", "--prompt", "x"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("nonexistent.gguf"));
        r = cli({"--suite", "perspectives", "--print-suite"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.count('\n'), 20);
    }
};

QTEST_GUILESS_MAIN(TestCliCompare)
#include "test_cli_compare.moc"
