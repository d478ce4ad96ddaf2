#include "suites/suite_export.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>
#include <QSaveFile>

namespace agora::app {
namespace {

QString translate(const char* text)
{
    return QCoreApplication::translate("SuiteExport", text);
}

QString number(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

// Characters XML 1.0 forbids (most C0 controls) would make the page unreadable for XML tools;
// a model can emit them, so they are dropped rather than escaped.
QString htmlEscape(const QString& text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 && u != u'\n' && u != u'\t' && u != u'\r')
            continue;
        if (u == 0xFFFE || u == 0xFFFF)
            continue;
        switch (u) {
        case u'&': out += QLatin1String("&amp;"); break;
        case u'<': out += QLatin1String("&lt;"); break;
        case u'>': out += QLatin1String("&gt;"); break;
        case u'"': out += QLatin1String("&quot;"); break;
        case u'\'': out += QLatin1String("&#39;"); break;
        default: out += c;
        }
    }
    return out;
}

// One Markdown table cell: pipes escaped, line breaks as <br>, HTML neutralised so a renderer
// shows the model's text instead of interpreting it.
QString markdownCell(const QString& text)
{
    QString out = text;
    out.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    out.replace(u'&', QLatin1String("&amp;"));
    out.replace(u'<', QLatin1String("&lt;"));
    out.replace(u'>', QLatin1String("&gt;"));
    out.replace(u'|', QLatin1String("\\|"));
    out.replace(u'\n', QLatin1String("<br>"));
    return out.trimmed();
}

QString cellSummary(const SuiteCell& cell)
{
    switch (cell.state) {
    case SuiteCell::State::Pending:
    case SuiteCell::State::Running: return translate("(not run)");
    case SuiteCell::State::Failed: return translate("(failed: %1)").arg(cell.error);
    case SuiteCell::State::Cancelled:
        return cell.answer.isEmpty() ? translate("(cancelled)") : translate("(cancelled) %1").arg(cell.answer);
    case SuiteCell::State::Done: break;
    }
    return cell.refusal ? translate("[refusal] %1").arg(cell.answer) : cell.answer;
}

QString summaryHeadline(const SuiteResults& results)
{
    return translate("%1 prompts × %2 models, %3 of %4 cells finished")
        .arg(results.prompts.size())
        .arg(results.models.size())
        .arg(results.finishedCount())
        .arg(results.cellCount());
}

QString refusalRuleText()
{
    return translate("A reply counts as a refusal when its opening (the first 300 characters, reasoning "
                     "excluded) contains a fixed phrase in English, German, French or Chinese that declines "
                     "to help or answer (such as \"I can't help with\", \"Ich kann dabei nicht helfen\", "
                     "\"Je ne peux pas\") or the stock disclaimer that introduces one (\"As an AI\"). "
                     "It is a heuristic that flags answers for a person to read, not a verdict; an empty "
                     "answer is never a refusal.");
}

} // namespace

std::optional<SuiteExportFormat> suiteExportFormatFromName(const QString& name)
{
    const QString n = name.toLower();
    if (n == u"csv")
        return SuiteExportFormat::Csv;
    if (n == u"md" || n == u"markdown")
        return SuiteExportFormat::Markdown;
    if (n == u"html" || n == u"htm")
        return SuiteExportFormat::Html;
    return std::nullopt;
}

QString csvField(const QString& text)
{
    const bool quote = text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r');
    if (!quote)
        return text;
    QString escaped = text;
    escaped.replace(u'"', QLatin1String("\"\""));
    return u'"' + escaped + u'"';
}

// Long format (one record per prompt x model) with stable English column names: spreadsheets
// and scripts pivot it as they like, and the columns do not change with the interface language.
QString suiteToCsv(const SuiteResults& results)
{
    const QStringList header{QStringLiteral("suite"), QStringLiteral("prompt_id"), QStringLiteral("category"),
                             QStringLiteral("language"), QStringLiteral("system"), QStringLiteral("prompt"),
                             QStringLiteral("model"), QStringLiteral("status"), QStringLiteral("answer"),
                             QStringLiteral("characters"), QStringLiteral("tokens"), QStringLiteral("seconds"),
                             QStringLiteral("tokens_per_second"), QStringLiteral("stop_reason"),
                             QStringLiteral("refusal"), QStringLiteral("refusal_phrase"), QStringLiteral("error")};
    QString out = header.join(u',') + QLatin1String("\r\n");
    for (qsizetype p = 0; p < results.prompts.size(); ++p) {
        const SuitePrompt& prompt = results.prompts.at(p);
        for (qsizetype m = 0; m < results.models.size(); ++m) {
            const SuiteCell& cell = results.cells.at(p).at(m);
            const QStringList fields{results.suiteName, prompt.id, prompt.category, prompt.language, prompt.system,
                                     prompt.text, results.models.at(m).name, suiteCellStateName(cell.state),
                                     cell.answer, QString::number(cell.characters), QString::number(cell.tokens),
                                     number(cell.seconds, 2), number(cell.tokensPerSecond, 2), cell.stopReason,
                                     cell.refusal ? QStringLiteral("yes") : QStringLiteral("no"), cell.refusalPhrase,
                                     cell.error};
            QStringList quoted;
            for (const QString& field : fields)
                quoted << csvField(field);
            out += quoted.join(u',') + QLatin1String("\r\n");
        }
    }
    return out;
}

QString suiteToMarkdown(const SuiteResults& results)
{
    QString out = QStringLiteral("# %1\n\n").arg(markdownCell(results.suiteName));
    out += summaryHeadline(results) + QLatin1String("  \n");
    if (!results.settingsText.isEmpty())
        out += translate("Settings: %1").arg(markdownCell(results.settingsText)) + QLatin1String("  \n");
    if (results.startedAt.isValid())
        out += translate("Started: %1").arg(results.startedAt.toString(Qt::ISODate)) + QLatin1String("  \n");
    if (results.cancelled)
        out += translate("The run was cancelled before every prompt was answered.") + QLatin1String("  \n");

    out += QLatin1String("\n## ") + translate("Summary") + QLatin1String("\n\n| ") + translate("Model") + QLatin1String(" | ")
        + translate("Answers") + QLatin1String(" | ") + translate("Refusals") + QLatin1String(" | ") + translate("Failed")
        + QLatin1String(" | ") + translate("Mean length (characters)") + QLatin1String(" | ") + translate("Mean time (s)")
        + QLatin1String(" |\n|---|---:|---:|---:|---:|---:|\n");
    for (qsizetype m = 0; m < results.models.size(); ++m) {
        const SuiteModelSummary s = results.summarize(int(m));
        out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 |\n")
                   .arg(markdownCell(s.model)).arg(s.answers).arg(s.refusals).arg(s.failures)
                   .arg(number(s.meanCharacters, 0), number(s.meanSeconds, 1));
    }

    out += QLatin1String("\n## ") + translate("Answers") + QLatin1String("\n\n| ") + translate("Prompt");
    QString rule = QStringLiteral("|---");
    for (const SuiteModelColumn& model : results.models) {
        out += QLatin1String(" | ") + markdownCell(model.name);
        rule += QLatin1String("|---");
    }
    out += QLatin1String(" |\n") + rule + QLatin1String("|\n");
    for (qsizetype p = 0; p < results.prompts.size(); ++p) {
        const SuitePrompt& prompt = results.prompts.at(p);
        QString label = markdownCell(prompt.text);
        QStringList tagList{prompt.category, prompt.language};
        tagList.removeAll(QString());
        const QString tags = tagList.join(QLatin1String(", "));
        if (!tags.isEmpty())
            label += QStringLiteral(" (%1)").arg(markdownCell(tags));
        out += QLatin1String("| ") + label;
        for (qsizetype m = 0; m < results.models.size(); ++m)
            out += QLatin1String(" | ") + markdownCell(cellSummary(results.cells.at(p).at(m)));
        out += QLatin1String(" |\n");
    }
    out += QLatin1String("\n") + translate("Refusals: %1").arg(refusalRuleText()) + QLatin1String("\n");
    return out;
}

QString suiteToHtml(const SuiteResults& results)
{
    const QString language = QLocale().bcp47Name().section(u'-', 0, 0);
    QString out;
    out += QLatin1String("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"") + htmlEscape(language)
        + QLatin1String("\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>") + htmlEscape(results.suiteName)
        + QLatin1String("</title>\n<style>\n"
                        "body{font-family:system-ui,sans-serif;margin:2em;color:#1f2933;background:#fff}\n"
                        "table{border-collapse:collapse;margin:1em 0;width:100%}\n"
                        "th,td{border:1px solid #cbd2d9;padding:.5em;vertical-align:top;text-align:left}\n"
                        "th{background:#f0f4f8}\n"
                        "td.num{text-align:right;white-space:nowrap}\n"
                        ".answer{white-space:pre-wrap}\n"
                        ".meta{color:#616e7c;font-size:.85em;margin-top:.4em}\n"
                        ".refusal{background:#fff4e5}\n"
                        ".failed,.cancelled,.pending{color:#9b2c2c}\n"
                        ".tag{display:inline-block;background:#e4e7eb;border-radius:3px;padding:0 .3em;margin-right:.3em;font-size:.8em}\n"
                        "footer{margin-top:2em;font-size:.9em;color:#52606d}\n"
                        "</style>\n</head>\n<body>\n<h1>")
        + htmlEscape(results.suiteName) + QLatin1String("</h1>\n<p>") + htmlEscape(summaryHeadline(results));
    if (!results.settingsText.isEmpty())
        out += QLatin1String("<br/>") + htmlEscape(translate("Settings: %1").arg(results.settingsText));
    if (results.startedAt.isValid())
        out += QLatin1String("<br/>") + htmlEscape(translate("Started: %1").arg(results.startedAt.toString(Qt::ISODate)));
    if (results.cancelled)
        out += QLatin1String("<br/>") + htmlEscape(translate("The run was cancelled before every prompt was answered."));
    if (!results.notice.isEmpty())
        out += QLatin1String("<br/>") + htmlEscape(results.notice);
    out += QLatin1String("</p>\n<h2>") + htmlEscape(translate("Summary")) + QLatin1String("</h2>\n<table>\n<tr>");
    for (const char* title : {QT_TRANSLATE_NOOP("SuiteExport", "Model"), QT_TRANSLATE_NOOP("SuiteExport", "Answers"),
                              QT_TRANSLATE_NOOP("SuiteExport", "Refusals"), QT_TRANSLATE_NOOP("SuiteExport", "Failed"),
                              QT_TRANSLATE_NOOP("SuiteExport", "Mean length (characters)"),
                              QT_TRANSLATE_NOOP("SuiteExport", "Mean time (s)")})
        out += QLatin1String("<th>") + htmlEscape(translate(title)) + QLatin1String("</th>");
    out += QLatin1String("</tr>\n");
    for (qsizetype m = 0; m < results.models.size(); ++m) {
        const SuiteModelSummary s = results.summarize(int(m));
        out += QStringLiteral("<tr><td>%1</td><td class=\"num\">%2</td><td class=\"num\">%3<sup>*</sup></td>"
                              "<td class=\"num\">%4</td><td class=\"num\">%5</td><td class=\"num\">%6</td></tr>\n")
                   .arg(htmlEscape(s.model)).arg(s.answers).arg(s.refusals).arg(s.failures)
                   .arg(number(s.meanCharacters, 0), number(s.meanSeconds, 1));
    }
    out += QLatin1String("</table>\n<h2>") + htmlEscape(translate("Answers")) + QLatin1String("</h2>\n<table>\n<tr><th>")
        + htmlEscape(translate("Prompt")) + QLatin1String("</th>");
    for (const SuiteModelColumn& model : results.models)
        out += QLatin1String("<th>") + htmlEscape(model.name) + QLatin1String("</th>");
    out += QLatin1String("</tr>\n");
    for (qsizetype p = 0; p < results.prompts.size(); ++p) {
        const SuitePrompt& prompt = results.prompts.at(p);
        out += QLatin1String("<tr><td>");
        for (const QString& tag : {prompt.category, prompt.language}) {
            if (!tag.isEmpty())
                out += QLatin1String("<span class=\"tag\">") + htmlEscape(tag) + QLatin1String("</span>");
        }
        out += QLatin1String("<div class=\"answer\">") + htmlEscape(prompt.text) + QLatin1String("</div>");
        if (!prompt.system.isEmpty())
            out += QLatin1String("<div class=\"meta\">") + htmlEscape(translate("System prompt: %1").arg(prompt.system))
                + QLatin1String("</div>");
        out += QLatin1String("</td>");
        for (qsizetype m = 0; m < results.models.size(); ++m) {
            const SuiteCell& cell = results.cells.at(p).at(m);
            const bool refusal = cell.state == SuiteCell::State::Done && cell.refusal;
            out += QLatin1String("<td class=\"") + (refusal ? QStringLiteral("refusal") : suiteCellStateName(cell.state))
                + QLatin1String("\">");
            if (cell.state == SuiteCell::State::Done || !cell.answer.isEmpty())
                out += QLatin1String("<div class=\"answer\">") + htmlEscape(cell.answer) + QLatin1String("</div>");
            QStringList meta;
            if (refusal)
                meta << translate("refusal (\"%1\")").arg(cell.refusalPhrase) + QLatin1String("*");
            if (cell.state == SuiteCell::State::Failed)
                meta << translate("failed: %1").arg(cell.error);
            else if (cell.state == SuiteCell::State::Cancelled)
                meta << translate("cancelled");
            else if (cell.state == SuiteCell::State::Pending || cell.state == SuiteCell::State::Running)
                meta << translate("not run");
            if (cell.state == SuiteCell::State::Done || cell.state == SuiteCell::State::Cancelled)
                meta << translate("%1 characters, %2 tokens, %3 s, %4 tokens/s, %5")
                            .arg(cell.characters).arg(cell.tokens)
                            .arg(number(cell.seconds, 1), number(cell.tokensPerSecond, 1), cell.stopReason);
            out += QLatin1String("<div class=\"meta\">") + htmlEscape(meta.join(QLatin1String(" · ")))
                + QLatin1String("</div></td>");
        }
        out += QLatin1String("</tr>\n");
    }
    out += QLatin1String("</table>\n<footer><p><sup>*</sup> ") + htmlEscape(refusalRuleText())
        + QLatin1String("</p><p>") + htmlEscape(translate("Made with Agora, on this computer; no answer left it."))
        + QLatin1String("</p></footer>\n</body>\n</html>\n");
    return out;
}

bool writeSuiteExport(const SuiteResults& results, SuiteExportFormat format, const QString& path, QString* error)
{
    QString text;
    switch (format) {
    case SuiteExportFormat::Csv: text = suiteToCsv(results); break;
    case SuiteExportFormat::Markdown: text = suiteToMarkdown(results); break;
    case SuiteExportFormat::Html: text = suiteToHtml(results); break;
    }
    QSaveFile file(path);
    const QByteArray bytes = text.toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = translate("Could not write %1: %2").arg(QFileInfo(path).fileName(), file.errorString());
        return false;
    }
    return true;
}

} // namespace agora::app
