// Suite exports read back: the CSV through an RFC 4180 reader (quotes, commas, line breaks,
// UTF-8), the HTML page through QXmlStreamReader (well-formed XHTML, every answer escaped and
// recovered verbatim, the refusal rule in a footnote), the Markdown table row by row; and the
// saved-run JSON round trip with its damaged-file errors.
#include "suites/suite_export.h"
#include "suites/suite_results.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace agora::app;

namespace {

// A small RFC 4180 reader: records of fields, "" inside quotes, CRLF or LF between records.
QList<QStringList> parseCsv(const QString& text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            record << field;
            field.clear();
        } else if (c == u'\r') {
            continue;
        } else if (c == u'\n') {
            record << field;
            records << record;
            record.clear();
            field.clear();
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !record.isEmpty())
        records << (record << field);
    return records;
}

SuiteResults sampleRun()
{
    SuiteResults r;
    r.suiteName = QStringLiteral("Perspectives <test>");
    r.suiteSource = QStringLiteral("perspectives");
    r.startedAt = QDateTime(QDate(2026, 11, 29), QTime(6, 0));
    r.finishedAt = r.startedAt.addSecs(42);
    r.settingsText = QStringLiteral("greedy, at most 64 tokens");
    r.models = {{QStringLiteral("Qwen & co"), QStringLiteral("/m/qwen.gguf")}, {QStringLiteral("Llama|3"), QStringLiteral("/m/llama.gguf")}};
    r.prompts = {{QStringLiteral("p1"), QStringLiteral("history"), QStringLiteral("en"), QString(), QStringLiteral("What happened, in short?")},
                 {QStringLiteral("p2"), QStringLiteral("law"), QStringLiteral("de"), QStringLiteral("Sei knapp."), QStringLiteral("Ist \"das\" legal?")}};
    r.resetCells();
    auto done = [](const QString& answer, bool refusal = false) {
        SuiteCell c;
        c.state = SuiteCell::State::Done;
        c.answer = answer;
        c.characters = countCodePoints(answer);
        c.tokens = 12;
        c.seconds = 1.5;
        c.tokensPerSecond = 8.0;
        c.stopReason = QStringLiteral("end_of_turn");
        c.refusal = refusal;
        c.refusalPhrase = refusal ? QStringLiteral("i can't") : QString();
        return c;
    };
    r.cells[0][0] = done(QStringLiteral("Line one, with a comma\nLine \"two\" | pipe & <b>bold</b>"));
    r.cells[0][1] = done(QStringLiteral("I can't help with that."), true);
    r.cells[1][0] = done(QStringLiteral("Ja — 合法 😀 'quoted' </td></tr></table><script>x</script>"));
    r.cells[1][1].state = SuiteCell::State::Failed;
    r.cells[1][1].error = QStringLiteral("The model ran out of memory.");
    return r;
}

} // namespace

class TestSuiteExport : public QObject {
    Q_OBJECT

private slots:
    void csvReadsBackFieldForField()
    {
        const SuiteResults r = sampleRun();
        const QList<QStringList> records = parseCsv(suiteToCsv(r));
        QCOMPARE(records.size(), 1 + 4);
        const QStringList header = records.at(0);
        const qsizetype answer = header.indexOf(QStringLiteral("answer"));
        const qsizetype refusal = header.indexOf(QStringLiteral("refusal"));
        const qsizetype model = header.indexOf(QStringLiteral("model"));
        const qsizetype prompt = header.indexOf(QStringLiteral("prompt"));
        const qsizetype status = header.indexOf(QStringLiteral("status"));
        const qsizetype error = header.indexOf(QStringLiteral("error"));
        QVERIFY(answer >= 0 && refusal >= 0 && model >= 0 && prompt >= 0 && status >= 0 && error >= 0);
        for (const QStringList& record : records)
            QCOMPARE(record.size(), header.size());
        QCOMPARE(records.at(1).at(answer), r.cells[0][0].answer);
        QCOMPARE(records.at(1).at(prompt), QStringLiteral("What happened, in short?"));
        QCOMPARE(records.at(1).at(model), QStringLiteral("Qwen & co"));
        QCOMPARE(records.at(2).at(refusal), QStringLiteral("yes"));
        QCOMPARE(records.at(3).at(answer), r.cells[1][0].answer);
        QCOMPARE(records.at(3).at(prompt), QStringLiteral("Ist \"das\" legal?"));
        QCOMPARE(records.at(4).at(status), QStringLiteral("failed"));
        QCOMPARE(records.at(4).at(error), QStringLiteral("The model ran out of memory."));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.csv"));
        QString why;
        QVERIFY(writeSuiteExport(r, SuiteExportFormat::Csv, path, &why));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(parseCsv(QString::fromUtf8(file.readAll())).at(3).at(answer), r.cells[1][0].answer); // UTF-8
        QVERIFY(!writeSuiteExport(r, SuiteExportFormat::Csv, dir.filePath(QStringLiteral("no/such/dir/out.csv")), &why));
        QVERIFY(why.contains(QStringLiteral("out.csv")));
    }

    void csvQuotesOnlyWhatNeedsIt()
    {
        QCOMPARE(csvField(QStringLiteral("plain")), QStringLiteral("plain"));
        QCOMPARE(csvField(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
        QCOMPARE(csvField(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
        QCOMPARE(csvField(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
    }

    void htmlIsWellFormedAndEveryAnswerEscaped()
    {
        SuiteResults r = sampleRun();
        r.cells[0][0].answer += QChar(0x01); // a control character XML forbids: dropped, not fatal
        const QString html = suiteToHtml(r);
        QVERIFY(!html.contains(QStringLiteral("<script>")));
        QVERIFY(!html.contains(QStringLiteral("<b>bold")));

        QXmlStreamReader xml(html);
        QStringList answers;
        QString footer;
        int depthInAnswer = 0, depthInFooter = 0;
        QString current;
        int tables = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement()) {
                if (xml.name() == u"table")
                    ++tables;
                if (xml.name() == u"footer")
                    depthInFooter = 1;
                else if (depthInFooter)
                    ++depthInFooter;
                if (xml.name() == u"div" && xml.attributes().value(QStringLiteral("class")) == u"answer") {
                    depthInAnswer = 1;
                    current.clear();
                } else if (depthInAnswer) {
                    ++depthInAnswer; // no markup may appear inside an answer
                    QFAIL("markup inside an answer");
                }
            } else if (xml.isCharacters()) {
                if (depthInAnswer)
                    current += xml.text();
                if (depthInFooter)
                    footer += xml.text();
            } else if (xml.isEndElement()) {
                if (depthInAnswer && --depthInAnswer == 0)
                    answers << current;
                if (depthInFooter)
                    --depthInFooter;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString() + QStringLiteral(" at line %1").arg(xml.lineNumber())));
        QCOMPARE(tables, 2);
        // Prompt texts and answers, in table order: prompt 1, its two answers, prompt 2, its one.
        QCOMPARE(answers.size(), 5);
        QCOMPARE(answers.at(0), r.prompts.at(0).text);
        QCOMPARE(answers.at(1), sampleRun().cells[0][0].answer);
        QCOMPARE(answers.at(2), r.cells[0][1].answer);
        QCOMPARE(answers.at(3), r.prompts.at(1).text);
        QCOMPARE(answers.at(4), r.cells[1][0].answer);
        QVERIFY(footer.contains(QStringLiteral("300")));
        QVERIFY(footer.contains(QStringLiteral("heuristic")));
        QVERIFY(html.contains(QStringLiteral("The model ran out of memory.")));
        QVERIFY(html.contains(QStringLiteral("<style>")));
        QVERIFY(!html.contains(QStringLiteral("http://"), Qt::CaseInsensitive)
                || html.count(QStringLiteral("http://")) == 1); // only the XHTML namespace: nothing to fetch
    }

    void markdownKeepsOneRowPerPrompt()
    {
        const SuiteResults r = sampleRun();
        const QString md = suiteToMarkdown(r);
        const QStringList lines = md.split(u'\n');
        QStringList answerRows;
        bool inAnswers = false;
        for (const QString& line : lines) {
            if (line.startsWith(QStringLiteral("## ")))
                inAnswers = line.contains(QStringLiteral("Answers"));
            else if (inAnswers && line.startsWith(u'|') && !line.startsWith(QStringLiteral("|---")))
                answerRows << line;
        }
        QCOMPARE(answerRows.size(), 1 + 2); // header + two prompts
        QVERIFY(answerRows.at(0).contains(QStringLiteral("Llama\\|3")));
        // Escaped pipes do not split cells: prompt + two models = 4 separators outside escapes.
        for (const QString& row : answerRows) {
            QString unescaped = row;
            unescaped.remove(QStringLiteral("\\|"));
            QCOMPARE(unescaped.count(u'|'), 4);
        }
        QVERIFY(answerRows.at(1).contains(QStringLiteral("Line one, with a comma<br>Line \"two\" \\| pipe &amp; &lt;b&gt;bold&lt;/b&gt;")));
        QVERIFY(answerRows.at(1).contains(QStringLiteral("[refusal] I can't help with that.")));
        QVERIFY(answerRows.at(2).contains(QStringLiteral("The model ran out of memory.")));
        QVERIFY(md.contains(QStringLiteral("| Qwen &amp; co | 2 | 0 | 0 |")));
        QVERIFY(md.contains(QStringLiteral("| Llama\\|3 | 1 | 1 | 1 |")));
    }

    void savedRunRoundTrips()
    {
        const SuiteResults r = sampleRun();
        QString why;
        const auto back = SuiteResults::fromJson(r.toJson(), &why);
        QVERIFY2(back, qPrintable(why));
        QCOMPARE(back->suiteName, r.suiteName);
        QCOMPARE(back->startedAt, r.startedAt);
        QCOMPARE(back->models.size(), 2);
        QCOMPARE(back->prompts.at(1).system, QStringLiteral("Sei knapp."));
        QCOMPARE(back->cells[0][0].answer, r.cells[0][0].answer);
        QVERIFY(back->cells[0][1].refusal);
        QCOMPARE(back->cells[0][1].refusalPhrase, QStringLiteral("i can't"));
        QCOMPARE(back->cells[1][1].state, SuiteCell::State::Failed);
        QCOMPARE(back->cells[1][1].error, r.cells[1][1].error);
        QCOMPARE(back->finishedCount(), 4);
    }

    void damagedRunsAreRefusedWithAReason()
    {
        QJsonObject json = sampleRun().toJson();
        QString why;
        QJsonObject wrong = json;
        wrong.insert(QStringLiteral("format"), QStringLiteral("agora.conversation"));
        QVERIFY(!SuiteResults::fromJson(wrong, &why));
        QVERIFY(!why.isEmpty());
        QJsonObject newer = json;
        newer.insert(QStringLiteral("formatVersion"), 99);
        QVERIFY(!SuiteResults::fromJson(newer, &why));
        QVERIFY(why.contains(QStringLiteral("newer")));
        QJsonObject cut = json;
        QJsonArray rows = cut.value(QStringLiteral("cells")).toArray();
        rows.removeLast();
        cut.insert(QStringLiteral("cells"), rows);
        QVERIFY(!SuiteResults::fromJson(cut, &why));
        QVERIFY(why.contains(QStringLiteral("damaged")));
    }
};

QTEST_GUILESS_MAIN(TestSuiteExport)
#include "test_suite_export.moc"
