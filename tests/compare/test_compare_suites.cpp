// Prompt suites (built-in, JSONL, CSV, their errors) and the three report formats: the CSV is
// parsed back record by record, the HTML is read back with an XML parser (it is XHTML), so
// escaping mistakes break the test rather than the page.
#include "compare/report.h"
#include "compare/suite.h"

#include <QtTest>
#include <QXmlStreamReader>

#include <fstream>
#include <sstream>

using namespace agora::compare;

namespace {

// A result with every character that needs escaping somewhere.
SuiteResult trickyResult()
{
    SuiteResult r;
    r.suiteName = "Tricky <suite> & \"quotes\"";
    r.models = {"model <A>", "model, \"B\""};
    r.prompts = {{"p1", "history", "en", {}, "What is <b>bold</b> & 'quoted', \"twice\"?"},
                 {"p2", "law", "de", {}, "Zeile eins\nZeile zwei, mit Komma"}};
    r.cells.assign(2, std::vector<SuiteCell>(2));
    r.cells[0][0] = {"<script>alert('x')</script> & more", {}, 7, 35, 1234.5, 80, 12.5,
                     agora::StopReason::EndOfTurn, false, {}, {}, true};
    r.cells[0][1] = {"I'm sorry, but I can't help with that.", {}, 10, 38, 900, 50, 20,
                     agora::StopReason::EndOfTurn, true, "i'm sorry, but i can't", {}, true};
    r.cells[1][0] = {"Antwort mit \"Anführungszeichen\",\r\nund Zeilen | Pipe", {}, 12, 48, 1500, 70, 9,
                     agora::StopReason::MaxTokens, false, {}, {}, true};
    r.cells[1][1] = {{}, {}, 0, 0, 0, 0, 0, agora::StopReason::EndOfTurn, false, {}, "device <lost>", true};
    r.completedPrompts = 2;
    r.settingsText = "temperature 0";
    return r;
}

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace

class TestCompareSuites : public QObject {
    Q_OBJECT

private slots:
    void perspectivesSuiteIsBilingualAndMatchesItsFile()
    {
        const Suite s = perspectivesSuite();
        QCOMPARE(s.prompts.size(), size_t(20));
        int en = 0, de = 0;
        for (const SuitePrompt& p : s.prompts) {
            QVERIFY(!p.text.empty() && !p.id.empty() && !p.category.empty());
            (p.language == "en" ? en : de)++;
        }
        QCOMPARE(en, 10);
        QCOMPARE(de, 10);
        // resources/suites/perspectives.jsonl is the same suite for people who want to edit it.
        const std::string file = readFile(std::string(AGORA_SOURCE_DIR) + "/resources/suites/perspectives.jsonl");
        QCOMPARE(file, suiteToJsonl(s));
        auto parsed = parseJsonlSuite(file, "perspectives");
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->prompts.size(), s.prompts.size());
        QCOMPARE(parsed->prompts[3].text, s.prompts[3].text);
        QVERIFY(loadSuite("Perspectives").ok());
    }

    void jsonlSuite()
    {
        auto s = parseJsonlSuite("# my suite\n{\"prompt\": \"Hi\", \"lang\": \"en\"}\n\n"
                                 "{\"text\": \"Hallo\", \"id\": 7, \"category\": \"c\", \"system\": \"Be brief\"}\n",
                                 "mine");
        QVERIFY(s.ok());
        QCOMPARE(s->prompts.size(), size_t(2));
        QCOMPARE(s->prompts[0].id, std::string("1"));
        QCOMPARE(s->prompts[0].language, std::string("en"));
        QCOMPARE(s->prompts[1].id, std::string("7"));
        QCOMPARE(s->prompts[1].system, std::string("Be brief"));
        auto bad = parseJsonlSuite("{\"prompt\": \"ok\"}\n{\"prompt\": 3}\n", "bad");
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.find("line 2") != std::string::npos);
        auto broken = parseJsonlSuite("{\"prompt\": \"ok\"\n", "bad");
        QVERIFY(!broken.ok());
        QVERIFY(broken.error().message.find("line 1") != std::string::npos);
        QVERIFY(!parseJsonlSuite("\n# nothing\n", "empty").ok());
    }

    void csvSuite()
    {
        auto s = parseCsvSuite("\xEF\xBB\xBFid,Prompt,lang\r\na,\"Say \"\"hi\"\", then\nstop\",en\r\nb,plain,de\n", "csv");
        QVERIFY(s.ok());
        QCOMPARE(s->prompts.size(), size_t(2));
        QCOMPARE(s->prompts[0].text, std::string("Say \"hi\", then\nstop"));
        QCOMPARE(s->prompts[0].id, std::string("a"));
        QCOMPARE(s->prompts[1].language, std::string("de"));
        auto headerless = parseCsvSuite("first question\nsecond, with comma is two columns\n", "h");
        QVERIFY(headerless.ok());
        QCOMPARE(headerless->prompts.size(), size_t(2));
        QCOMPARE(headerless->prompts[1].text, std::string("second"));
        auto unterminated = parseCsvSuite("prompt\n\"never closed\n", "u");
        QVERIFY(!unterminated.ok());
        QVERIFY(unterminated.error().message.find("unterminated") != std::string::npos);
        QVERIFY(!parseCsvSuite("prompt\n", "only header").ok());
        QVERIFY(!parseCsv("\"a\"b\n").ok());
        QVERIFY(!loadSuite("/nonexistent/suite.csv").ok());
        QVERIFY(!loadSuite(std::string(AGORA_SOURCE_DIR) + "/CMakeLists.txt").ok());
    }

    void csvExportRoundTrips()
    {
        const SuiteResult r = trickyResult();
        QCOMPARE(csvField("plain"), std::string("plain"));
        QCOMPARE(csvField("a,b"), std::string("\"a,b\""));
        QCOMPARE(csvField("say \"x\""), std::string("\"say \"\"x\"\"\""));
        QCOMPARE(csvField("two\nlines"), std::string("\"two\nlines\""));
        auto records = parseCsv(toCsv(r));
        QVERIFY(records.ok());
        QCOMPARE(records->size(), size_t(5)); // header + 2 prompts x 2 models
        const auto& header = (*records)[0];
        const auto column = [&](const char* name) {
            return size_t(std::find(header.begin(), header.end(), name) - header.begin());
        };
        QCOMPARE((*records)[1][column("prompt")], r.prompts[0].text);
        QCOMPARE((*records)[1][column("answer")], r.cells[0][0].answer);
        QCOMPARE((*records)[2][column("model")], r.models[1]);
        QCOMPARE((*records)[2][column("refusal")], std::string("yes"));
        QCOMPARE((*records)[3][column("answer")], r.cells[1][0].answer);
        QCOMPARE((*records)[3][column("stop_reason")], std::string("max_tokens"));
        QCOMPARE((*records)[4][column("error")], std::string("device <lost>"));
        QCOMPARE((*records)[3][column("tokens")], std::string("12"));
    }

    void htmlExportParsesBack()
    {
        const SuiteResult r = trickyResult();
        const std::string html = toHtml(r);
        QVERIFY(html.find("<script>") == std::string::npos);
        QCOMPARE(QString::fromStdString(html).count("http"), 1); // only the XHTML namespace: nothing external
        QXmlStreamReader xml(QByteArray::fromStdString(html));
        QString title;
        QStringList headers, answers, prompts;
        int refusalCells = 0, rows = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            const QString cls = xml.attributes().value("class").toString();
            if (xml.name() == u"title")
                title = xml.readElementText();
            else if (xml.name() == u"th")
                headers << xml.readElementText();
            else if (xml.name() == u"tr" && xml.attributes().hasAttribute("id"))
                ++rows;
            else if (xml.name() == u"td" && cls == "refusal")
                ++refusalCells;
            else if (xml.name() == u"div" && cls == "answer")
                answers << xml.readElementText();
            else if (xml.name() == u"div" && cls == "prompt")
                prompts << xml.readElementText();
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString() + " at line " + QString::number(xml.lineNumber())));
        QCOMPARE(title, QString::fromStdString(r.suiteName) + " - Agora comparison");
        QCOMPARE(headers, (QStringList{"Prompt", "model <A>", "model, \"B\""}));
        QCOMPARE(rows, 2);
        QCOMPARE(refusalCells, 1);
        QCOMPARE(answers.size(), 4);
        QCOMPARE(answers[0], QString::fromStdString(r.cells[0][0].answer));
        QCOMPARE(answers[3], QString("Error: device <lost>"));
        // XML normalises CR LF to LF when reading; everything else comes back as written.
        QCOMPARE(answers[2], QString::fromStdString(r.cells[1][0].answer).replace("\r\n", "\n"));
        QCOMPARE(prompts[0], QString::fromStdString(r.prompts[0].text));
    }

    void markdownExport()
    {
        SuiteResult r = trickyResult();
        r.sequential = true;
        r.notice = "one after the other";
        const std::string md = toMarkdown(r);
        QVERIFY(md.find("| Prompt | model <A> | model, \"B\" |") != std::string::npos);
        QVERIFY(md.find("**refused**") != std::string::npos);
        QVERIFY(md.find("und Zeilen \\| Pipe") == std::string::npos); // the table only has the stats
        QVERIFY(md.find("    Antwort mit") != std::string::npos);   // full answers as indented blocks
        QVERIFY(md.find("Note: one after the other") != std::string::npos);
        QVERIFY(md.find("Zeile eins Zeile zwei") != std::string::npos); // table cells stay on one line
        ReportFormat f;
        QVERIFY(reportFormatForPath("x/report.HTML", &f) && f == ReportFormat::Html);
        QVERIFY(reportFormatForPath("r.md", &f) && f == ReportFormat::Markdown);
        QVERIFY(reportFormatForPath("r.csv", &f) && f == ReportFormat::Csv);
        QVERIFY(!reportFormatForPath("r.txt", &f));
    }
};

QTEST_GUILESS_MAIN(TestCompareSuites)
#include "test_compare_suites.moc"
