#include "suites/suite_results.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace agora::app {
namespace {

constexpr auto FormatName = "agora.suite-run";
constexpr int FormatVersion = 1;

QString translate(const char* text)
{
    return QCoreApplication::translate("SuiteResults", text);
}

QJsonObject promptToJson(const SuitePrompt& prompt)
{
    return {{QStringLiteral("id"), prompt.id},         {QStringLiteral("category"), prompt.category},
            {QStringLiteral("language"), prompt.language}, {QStringLiteral("system"), prompt.system},
            {QStringLiteral("text"), prompt.text}};
}

SuitePrompt promptFromJson(const QJsonObject& o)
{
    return {o.value(QStringLiteral("id")).toString(), o.value(QStringLiteral("category")).toString(),
            o.value(QStringLiteral("language")).toString(), o.value(QStringLiteral("system")).toString(),
            o.value(QStringLiteral("text")).toString()};
}

QJsonObject cellToJson(const SuiteCell& cell)
{
    QJsonObject o{{QStringLiteral("state"), suiteCellStateName(cell.state)}};
    if (cell.state == SuiteCell::State::Pending)
        return o;
    o.insert(QStringLiteral("answer"), cell.answer);
    if (!cell.reasoning.isEmpty())
        o.insert(QStringLiteral("reasoning"), cell.reasoning);
    o.insert(QStringLiteral("tokens"), cell.tokens);
    o.insert(QStringLiteral("characters"), cell.characters);
    o.insert(QStringLiteral("seconds"), cell.seconds);
    o.insert(QStringLiteral("tokensPerSecond"), cell.tokensPerSecond);
    o.insert(QStringLiteral("stopReason"), cell.stopReason);
    o.insert(QStringLiteral("refusal"), cell.refusal);
    if (!cell.refusalPhrase.isEmpty())
        o.insert(QStringLiteral("refusalPhrase"), cell.refusalPhrase);
    if (!cell.error.isEmpty())
        o.insert(QStringLiteral("error"), cell.error);
    return o;
}

SuiteCell cellFromJson(const QJsonObject& o)
{
    SuiteCell cell;
    cell.state = suiteCellStateFromName(o.value(QStringLiteral("state")).toString()).value_or(SuiteCell::State::Pending);
    // A run saved while a cell was being answered (the app closed) reopens with that cell cut off.
    if (cell.state == SuiteCell::State::Running)
        cell.state = SuiteCell::State::Cancelled;
    cell.answer = o.value(QStringLiteral("answer")).toString();
    cell.reasoning = o.value(QStringLiteral("reasoning")).toString();
    cell.tokens = o.value(QStringLiteral("tokens")).toInt();
    cell.characters = o.value(QStringLiteral("characters")).toInt(countCodePoints(cell.answer));
    cell.seconds = o.value(QStringLiteral("seconds")).toDouble();
    cell.tokensPerSecond = o.value(QStringLiteral("tokensPerSecond")).toDouble();
    cell.stopReason = o.value(QStringLiteral("stopReason")).toString();
    cell.refusal = o.value(QStringLiteral("refusal")).toBool();
    cell.refusalPhrase = o.value(QStringLiteral("refusalPhrase")).toString();
    cell.error = o.value(QStringLiteral("error")).toString();
    return cell;
}

} // namespace

QString suiteCellStateName(SuiteCell::State state)
{
    switch (state) {
    case SuiteCell::State::Pending: return QStringLiteral("pending");
    case SuiteCell::State::Running: return QStringLiteral("running");
    case SuiteCell::State::Done: return QStringLiteral("done");
    case SuiteCell::State::Failed: return QStringLiteral("failed");
    case SuiteCell::State::Cancelled: return QStringLiteral("cancelled");
    }
    return QStringLiteral("pending");
}

std::optional<SuiteCell::State> suiteCellStateFromName(const QString& name)
{
    for (SuiteCell::State state : {SuiteCell::State::Pending, SuiteCell::State::Running, SuiteCell::State::Done,
                                   SuiteCell::State::Failed, SuiteCell::State::Cancelled}) {
        if (suiteCellStateName(state) == name)
            return state;
    }
    return std::nullopt;
}

int countCodePoints(const QString& text)
{
    int count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!text.at(i).isLowSurrogate())
            ++count;
    }
    return count;
}

void SuiteResults::resetCells()
{
    cells.clear();
    for (qsizetype p = 0; p < prompts.size(); ++p)
        cells.append(QList<SuiteCell>(models.size()));
}

int SuiteResults::finishedCount() const
{
    int count = 0;
    for (const QList<SuiteCell>& row : cells) {
        for (const SuiteCell& cell : row)
            count += cell.finished();
    }
    return count;
}

SuiteModelSummary SuiteResults::summarize(int model) const
{
    SuiteModelSummary summary;
    if (model < 0 || model >= models.size())
        return summary;
    summary.model = models.at(model).name;
    double characters = 0.0, seconds = 0.0, rate = 0.0;
    for (const QList<SuiteCell>& row : cells) {
        if (model >= row.size())
            continue;
        const SuiteCell& cell = row.at(model);
        switch (cell.state) {
        case SuiteCell::State::Done:
            ++summary.answers;
            summary.refusals += cell.refusal;
            characters += cell.characters;
            seconds += cell.seconds;
            rate += cell.tokensPerSecond;
            break;
        case SuiteCell::State::Failed: ++summary.failures; break;
        case SuiteCell::State::Cancelled: ++summary.cancelled; break;
        case SuiteCell::State::Pending:
        case SuiteCell::State::Running: break;
        }
    }
    if (summary.answers > 0) {
        summary.meanCharacters = characters / summary.answers;
        summary.meanSeconds = seconds / summary.answers;
        summary.meanTokensPerSecond = rate / summary.answers;
    }
    return summary;
}

QJsonObject SuiteResults::toJson() const
{
    QJsonArray modelArray;
    for (const SuiteModelColumn& m : models)
        modelArray.append(QJsonObject{{QStringLiteral("name"), m.name}, {QStringLiteral("path"), m.path}});
    QJsonArray promptArray;
    for (const SuitePrompt& p : prompts)
        promptArray.append(promptToJson(p));
    QJsonArray rows;
    for (const QList<SuiteCell>& row : cells) {
        QJsonArray cellArray;
        for (const SuiteCell& cell : row)
            cellArray.append(cellToJson(cell));
        rows.append(cellArray);
    }
    return {{QStringLiteral("format"), QLatin1String(FormatName)},
            {QStringLiteral("formatVersion"), FormatVersion},
            {QStringLiteral("suiteName"), suiteName},
            {QStringLiteral("suiteSource"), suiteSource},
            {QStringLiteral("startedAt"), startedAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("finishedAt"), finishedAt.isValid() ? finishedAt.toString(Qt::ISODateWithMs) : QString()},
            {QStringLiteral("cancelled"), cancelled},
            {QStringLiteral("settings"), settingsText},
            {QStringLiteral("notice"), notice},
            {QStringLiteral("models"), modelArray},
            {QStringLiteral("prompts"), promptArray},
            {QStringLiteral("cells"), rows}};
}

std::optional<SuiteResults> SuiteResults::fromJson(const QJsonObject& object, QString* error)
{
    auto fail = [error](const char* reason) -> std::optional<SuiteResults> {
        if (error)
            *error = translate(reason);
        return std::nullopt;
    };
    if (object.value(QStringLiteral("format")).toString() != QLatin1String(FormatName))
        return fail(QT_TRANSLATE_NOOP("SuiteResults", "This file is not a saved suite run."));
    if (object.value(QStringLiteral("formatVersion")).toInt() > FormatVersion)
        return fail(QT_TRANSLATE_NOOP("SuiteResults", "This suite run was saved by a newer Agora; update Agora to open it."));

    SuiteResults results;
    results.suiteName = object.value(QStringLiteral("suiteName")).toString();
    results.suiteSource = object.value(QStringLiteral("suiteSource")).toString();
    results.startedAt = QDateTime::fromString(object.value(QStringLiteral("startedAt")).toString(), Qt::ISODateWithMs);
    results.finishedAt = QDateTime::fromString(object.value(QStringLiteral("finishedAt")).toString(), Qt::ISODateWithMs);
    results.cancelled = object.value(QStringLiteral("cancelled")).toBool();
    results.settingsText = object.value(QStringLiteral("settings")).toString();
    results.notice = object.value(QStringLiteral("notice")).toString();
    for (const QJsonValue& m : object.value(QStringLiteral("models")).toArray()) {
        const QJsonObject o = m.toObject();
        results.models.append({o.value(QStringLiteral("name")).toString(), o.value(QStringLiteral("path")).toString()});
    }
    for (const QJsonValue& p : object.value(QStringLiteral("prompts")).toArray())
        results.prompts.append(promptFromJson(p.toObject()));

    const QJsonArray rows = object.value(QStringLiteral("cells")).toArray();
    if (results.models.isEmpty() || results.prompts.isEmpty() || rows.size() != results.prompts.size())
        return fail(QT_TRANSLATE_NOOP("SuiteResults", "This saved suite run is damaged: its table does not match its prompts and models."));
    for (const QJsonValue& row : rows) {
        const QJsonArray cellArray = row.toArray();
        if (cellArray.size() != results.models.size())
            return fail(QT_TRANSLATE_NOOP("SuiteResults", "This saved suite run is damaged: its table does not match its prompts and models."));
        QList<SuiteCell> cellRow;
        for (const QJsonValue& cell : cellArray)
            cellRow.append(cellFromJson(cell.toObject()));
        results.cells.append(cellRow);
    }
    return results;
}

} // namespace agora::app
