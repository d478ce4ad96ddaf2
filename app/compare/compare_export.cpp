#include "compare/compare_export.h"

#include <QCoreApplication>
#include <QStringList>
#include <QLocale>

#include <algorithm>

namespace agora::app {

namespace {

// The exports' sentences, translated under the context "CompareExport".
struct ExportText {
    Q_DECLARE_TR_FUNCTIONS(CompareExport)
};

// Text for HTML element content and attribute values: & < > " and ' escaped, so that nothing a
// model writes can open a tag or end an attribute.
QString escaped(const QString& text)
{
    QString out = text.toHtmlEscaped();
    out.replace(QLatin1Char('\''), QLatin1String("&#39;"));
    return out;
}

QString number(double value, int decimals)
{
    return QLocale().toString(value, 'f', decimals);
}

// A Markdown fence longer than any run of backticks inside the text, so the text cannot end it.
QString fenceFor(const QString& text)
{
    int longest = 0;
    int run = 0;
    for (const QChar c : text) {
        run = c == QLatin1Char('`') ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return QString(std::max(3, longest + 1), QLatin1Char('`'));
}

const char* const kStyle =
    "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em;color:#1f2933;background:#fff}"
    "h1{font-size:1.5em}h2{font-size:1.1em;margin-top:2em}"
    ".system{color:#52606d;font-style:italic}"
    ".prompt{background:#f0f4f8;border-radius:6px;padding:.6em .8em;white-space:pre-wrap}"
    "table{border-collapse:collapse;width:100%;table-layout:fixed}"
    "th{text-align:left;border-bottom:2px solid #0f766e;padding:.4em}"
    "td{vertical-align:top;border-right:1px solid #e4e7eb;padding:.6em}"
    ".answer{white-space:pre-wrap;overflow-wrap:anywhere}"
    ".reasoning{white-space:pre-wrap;color:#616e7c;font-size:.9em;border-left:3px solid #cbd2d9;padding-left:.6em}"
    ".stats{color:#52606d;font-size:.85em;margin-top:.6em}"
    ".refusal{display:inline-block;background:#fde8e8;color:#9b1c1c;border-radius:4px;padding:0 .4em;font-size:.85em}"
    ".error{color:#9b1c1c}";

} // namespace

QString compareStatsLine(const CompareAnswer& answer)
{
    QStringList parts;
    //: Speed of one answer in a comparison export.
    parts << ExportText::tr("%1 tokens/s").arg(number(answer.tokensPerSecond, 1));
    parts << (answer.generatedTokens == 1 ? ExportText::tr("1 token")
                                          : ExportText::tr("%1 tokens").arg(answer.generatedTokens));
    //: Time until the model wrote its first token.
    parts << ExportText::tr("first token after %1 ms").arg(number(answer.timeToFirstTokenMs, 0));
    if (!answer.stopReason.isEmpty())
        parts << answer.stopReason;
    return parts.join(QStringLiteral(" · "));
}

QString compareToMarkdown(const CompareTranscript& t)
{
    QString md;
    md += QStringLiteral("# %1\n\n").arg(t.title.isEmpty() ? ExportText::tr("Comparison") : t.title);
    QStringList names;
    for (const ComparePaneRecord& pane : t.panes)
        names << pane.modelName;
    md += ExportText::tr("Models: %1").arg(names.join(QStringLiteral(", "))) + QStringLiteral("\n\n");
    if (!t.systemPrompt.isEmpty())
        md += QStringLiteral("> **%1** %2\n\n").arg(ExportText::tr("System prompt:"), t.systemPrompt);
    for (int turn = 0; turn < t.prompts.size(); ++turn) {
        md += QStringLiteral("## %1\n\n").arg(ExportText::tr("Prompt %1").arg(turn + 1));
        const QString& prompt = t.prompts.at(turn);
        const QString fence = fenceFor(prompt);
        md += fence + QStringLiteral("\n") + prompt + QStringLiteral("\n") + fence + QStringLiteral("\n\n");
        for (const ComparePaneRecord& pane : t.panes) {
            md += QStringLiteral("### %1\n\n").arg(pane.modelName);
            if (turn >= pane.answers.size()) {
                md += QStringLiteral("_%1_\n\n").arg(ExportText::tr("No answer."));
                continue;
            }
            const CompareAnswer& a = pane.answers.at(turn);
            if (a.refusal)
                md += QStringLiteral("**%1**\n\n").arg(ExportText::tr("Refusal"));
            if (!a.reasoning.isEmpty()) {
                const QString reasoningFence = fenceFor(a.reasoning);
                md += QStringLiteral("<details><summary>%1</summary>\n\n").arg(ExportText::tr("Reasoning"));
                md += reasoningFence + QStringLiteral("\n") + a.reasoning + QStringLiteral("\n") + reasoningFence
                      + QStringLiteral("\n\n</details>\n\n");
            }
            md += a.text.trimmed().isEmpty() ? QStringLiteral("_%1_").arg(ExportText::tr("(empty answer)")) : a.text;
            md += QStringLiteral("\n\n");
            if (!a.error.isEmpty())
                md += QStringLiteral("**%1** %2\n\n").arg(ExportText::tr("Error:"), a.error);
            md += QStringLiteral("*%1*\n\n").arg(compareStatsLine(a));
        }
    }
    return md;
}

QString compareToHtml(const CompareTranscript& t)
{
    const QString title = t.title.isEmpty() ? ExportText::tr("Comparison") : t.title;
    QString h;
    h += QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n");
    h += QStringLiteral("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"%1\">\n<head>\n")
             .arg(escaped(QLocale().name().section(QLatin1Char('_'), 0, 0)));
    h += QStringLiteral("<meta charset=\"UTF-8\"/>\n<title>%1</title>\n").arg(escaped(title));
    h += QStringLiteral("<style>%1</style>\n</head>\n<body>\n").arg(QLatin1String(kStyle));
    h += QStringLiteral("<h1>%1</h1>\n").arg(escaped(title));
    if (!t.systemPrompt.isEmpty())
        h += QStringLiteral("<p class=\"system\">%1 %2</p>\n").arg(escaped(ExportText::tr("System prompt:")), escaped(t.systemPrompt));
    for (int turn = 0; turn < t.prompts.size(); ++turn) {
        h += QStringLiteral("<h2>%1</h2>\n").arg(escaped(ExportText::tr("Prompt %1").arg(turn + 1)));
        h += QStringLiteral("<div class=\"prompt\">%1</div>\n").arg(escaped(t.prompts.at(turn)));
        h += QStringLiteral("<table>\n<thead><tr>");
        for (const ComparePaneRecord& pane : t.panes)
            h += QStringLiteral("<th>%1</th>").arg(escaped(pane.modelName));
        h += QStringLiteral("</tr></thead>\n<tbody><tr>\n");
        for (const ComparePaneRecord& pane : t.panes) {
            h += QStringLiteral("<td>");
            if (turn >= pane.answers.size()) {
                h += QStringLiteral("<div class=\"answer\"><em>%1</em></div></td>\n").arg(escaped(ExportText::tr("No answer.")));
                continue;
            }
            const CompareAnswer& a = pane.answers.at(turn);
            if (a.refusal)
                h += QStringLiteral("<div><span class=\"refusal\">%1</span></div>").arg(escaped(ExportText::tr("Refusal")));
            if (!a.reasoning.isEmpty())
                h += QStringLiteral("<div class=\"reasoning\">%1</div>").arg(escaped(a.reasoning));
            h += QStringLiteral("<div class=\"answer\">%1</div>").arg(escaped(a.text));
            if (!a.error.isEmpty())
                h += QStringLiteral("<div class=\"error\">%1</div>").arg(escaped(a.error));
            h += QStringLiteral("<div class=\"stats\">%1</div></td>\n").arg(escaped(compareStatsLine(a)));
        }
        h += QStringLiteral("</tr></tbody>\n</table>\n");
    }
    h += QStringLiteral("</body>\n</html>\n");
    return h;
}

} // namespace agora::app
