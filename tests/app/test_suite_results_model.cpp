// SuiteResultsModel under QAbstractItemModelTester: the prompt column and one column per model,
// cells updated while a run streams, filters by category and language, the per-model summary
// over the whole run, and model names arriving once the models are loaded.
#include "suites/suite_results_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace agora::app;

namespace {

SuiteResults threeByTwo()
{
    SuiteResults r;
    r.suiteName = QStringLiteral("Test");
    r.models = {{QStringLiteral("a"), QStringLiteral("/a.gguf")}, {QStringLiteral("b"), QStringLiteral("/b.gguf")}};
    r.prompts = {{QStringLiteral("1"), QStringLiteral("history"), QStringLiteral("en"), {}, QStringLiteral("Who?")},
                 {QStringLiteral("2"), QStringLiteral("law"), QStringLiteral("en"), {}, QStringLiteral("Legal?")},
                 {QStringLiteral("3"), QStringLiteral("law"), QStringLiteral("de"), QStringLiteral("Kurz."), QStringLiteral("Legal auf Deutsch?")}};
    r.resetCells();
    return r;
}

SuiteCell answered(const QString& text, double seconds, bool refusal = false)
{
    SuiteCell c;
    c.state = SuiteCell::State::Done;
    c.answer = text;
    c.characters = countCodePoints(text);
    c.seconds = seconds;
    c.refusal = refusal;
    return c;
}

} // namespace

class TestSuiteResultsModel : public QObject {
    Q_OBJECT

private slots:
    void tableShapeAndRoles()
    {
        SuiteResultsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), 0);
        QVERIFY(!model.hasResults());

        model.setResults(threeByTwo());
        QVERIFY(model.hasResults());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), 3);
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("a"));
        QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("b"));
        QVERIFY(model.data(model.index(0, 0), SuiteResultsModel::IsPromptRole).toBool());
        QCOMPARE(model.data(model.index(2, 0), SuiteResultsModel::SystemPromptRole).toString(), QStringLiteral("Kurz."));
        QCOMPARE(model.data(model.index(1, 2), SuiteResultsModel::StateRole).toString(), QStringLiteral("pending"));
        QCOMPARE(model.data(model.index(1, 2), SuiteResultsModel::ModelNameRole).toString(), QStringLiteral("b"));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy summary(&model, &SuiteResultsModel::summaryChanged);
        model.setCell(1, 1, answered(QStringLiteral("I cannot."), 2.0, true));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex(), model.index(1, 2));
        QCOMPARE(summary.count(), 1);
        QCOMPARE(model.data(model.index(1, 2), SuiteResultsModel::AnswerRole).toString(), QStringLiteral("I cannot."));
        QVERIFY(model.data(model.index(1, 2), SuiteResultsModel::RefusalRole).toBool());
        const QVariantMap cell = model.cellAt(1, 2);
        QCOMPARE(cell.value(QStringLiteral("promptText")).toString(), QStringLiteral("Legal?"));
        QCOMPARE(cell.value(QStringLiteral("cellState")).toString(), QStringLiteral("done"));
        QVERIFY(model.cellAt(9, 9).isEmpty());

        // Out-of-range updates are ignored, not crashes.
        model.setCell(7, 0, answered(QStringLiteral("x"), 1.0));
        model.setCell(0, 5, answered(QStringLiteral("x"), 1.0));
        QCOMPARE(changed.count(), 1);
    }

    void filtersAndSummary()
    {
        SuiteResultsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResults(threeByTwo());
        model.setCell(0, 0, answered(QStringLiteral("Caesar"), 1.0));
        model.setCell(1, 0, answered(QStringLiteral("Yes, it is."), 3.0));
        model.setCell(2, 0, answered(QStringLiteral("Ich kann dabei nicht helfen."), 2.0, true));
        SuiteCell failed;
        failed.state = SuiteCell::State::Failed;
        failed.error = QStringLiteral("boom");
        model.setCell(2, 1, failed);

        QCOMPARE(model.categories(), (QStringList{QStringLiteral("history"), QStringLiteral("law")}));
        QCOMPARE(model.languages(), (QStringList{QStringLiteral("en"), QStringLiteral("de")}));

        model.setCategoryFilter(QStringLiteral("law"));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(0, 0), SuiteResultsModel::PromptIdRole).toString(), QStringLiteral("2"));
        model.setLanguageFilter(QStringLiteral("de"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0, 2), Qt::DisplayRole).toString(), QStringLiteral("boom"));
        // A filtered-out row's cell changes without a signal for a row that is not there.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setCell(0, 1, answered(QStringLiteral("hidden"), 1.0));
        QCOMPARE(changed.count(), 0);

        // The summary covers the whole run whatever the filter.
        const QVariantList summary = model.summary();
        QCOMPARE(summary.size(), 2);
        const QVariantMap a = summary.at(0).toMap();
        QCOMPARE(a.value(QStringLiteral("answers")).toInt(), 3);
        QCOMPARE(a.value(QStringLiteral("refusals")).toInt(), 1);
        QCOMPARE(a.value(QStringLiteral("meanSeconds")).toDouble(), 2.0);
        QCOMPARE(a.value(QStringLiteral("meanCharacters")).toDouble(), (6 + 11 + 28) / 3.0);
        const QVariantMap b = summary.at(1).toMap();
        QCOMPARE(b.value(QStringLiteral("answers")).toInt(), 1);
        QCOMPARE(b.value(QStringLiteral("failures")).toInt(), 1);

        model.setCategoryFilter(QString());
        model.setLanguageFilter(QString());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.data(model.index(0, 2), SuiteResultsModel::AnswerRole).toString(), QStringLiteral("hidden"));
    }

    void modelNamesArriveWhenLoaded()
    {
        SuiteResultsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResults(threeByTwo());
        QSignalSpy header(&model, &QAbstractItemModel::headerDataChanged);
        model.setModelName(1, QStringLiteral("Llama 3.2 1B Instruct"));
        QCOMPARE(header.count(), 1);
        QCOMPARE(model.modelNames(), (QStringList{QStringLiteral("a"), QStringLiteral("Llama 3.2 1B Instruct")}));
        QCOMPARE(model.data(model.index(0, 2), SuiteResultsModel::ModelNameRole).toString(), QStringLiteral("Llama 3.2 1B Instruct"));
        model.setModelName(1, QStringLiteral("Llama 3.2 1B Instruct"));
        QCOMPARE(header.count(), 1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.summary().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSuiteResultsModel)
#include "test_suite_results_model.moc"
