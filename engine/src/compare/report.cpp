// CSV, Markdown and HTML writers for SuiteResult.
#include "compare/report.h"

#include <cstdio>

namespace agora::compare {
namespace {

std::string lower(std::string s)
{
    for (char& c : s)
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    return s;
}

std::string fixed(double v, int decimals)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string status(const SuiteCell& c)
{
    if (!c.ran)
        return "not run";
    if (!c.error.empty())
        return "error";
    return stopReasonName(c.stopReason);
}

// Markdown table cells: one line, pipes escaped, long answers shortened (the full text follows).
std::string markdownCell(const std::string& text, size_t maxPoints)
{
    std::string out;
    size_t points = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if ((uint8_t(c) & 0xC0) != 0x80 && ++points > maxPoints) {
            out += "…";
            break;
        }
        if (c == '\n' || c == '\r')
            out += ' ';
        else if (c == '|')
            out += "\\|";
        else
            out += c;
    }
    return out;
}

// Answers in Markdown: an indented block so that the model's own Markdown or HTML stays text.
std::string markdownBlock(const std::string& text)
{
    std::string out = "    ";
    for (char c : text) {
        out += c;
        if (c == '\n')
            out += "    ";
    }
    return out + "\n";
}

} // namespace

bool reportFormatForPath(const std::string& path, ReportFormat* format)
{
    const std::string ext = lower(path.substr(std::min(path.size(), path.find_last_of('.'))));
    if (ext == ".csv")
        *format = ReportFormat::Csv;
    else if (ext == ".md" || ext == ".markdown")
        *format = ReportFormat::Markdown;
    else if (ext == ".html" || ext == ".htm" || ext == ".xhtml")
        *format = ReportFormat::Html;
    else
        return false;
    return true;
}

std::string csvField(std::string_view value)
{
    if (value.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(value);
    std::string out = "\"";
    for (char c : value) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

std::string htmlEscape(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default:
            // Control characters other than tab/newline are not allowed in XML 1.0: drop them.
            if (uint8_t(c) < 0x20 && c != '\n' && c != '\t' && c != '\r')
                break;
            out += c;
        }
    }
    return out;
}

std::string toCsv(const SuiteResult& r)
{
    std::string out = "prompt_id,category,lang,prompt,model,answer,tokens,characters,time_ms,ttft_ms,tokens_per_s,"
                      "stop_reason,refusal,refusal_phrase,error\r\n";
    for (size_t p = 0; p < r.prompts.size(); ++p) {
        for (size_t m = 0; m < r.models.size(); ++m) {
            const SuiteCell& c = r.cells[p][m];
            const SuitePrompt& q = r.prompts[p];
            out += csvField(q.id) + "," + csvField(q.category) + "," + csvField(q.language) + "," + csvField(q.text) +
                   "," + csvField(r.models[m]) + "," + csvField(c.answer) + "," + std::to_string(c.tokens) + "," +
                   std::to_string(c.characters) + "," + fixed(c.wallMs, 1) + "," + fixed(c.timeToFirstTokenMs, 1) +
                   "," + fixed(c.tokensPerSecond, 2) + "," + status(c) + "," + (c.refusal ? "yes" : "no") + "," +
                   csvField(c.refusalPhrase) + "," + csvField(c.error) + "\r\n";
        }
    }
    return out;
}

std::string toMarkdown(const SuiteResult& r)
{
    std::string out = "# " + r.suiteName + ": " + std::to_string(r.models.size()) + " models compared\n\n";
    out += "Models: ";
    for (size_t m = 0; m < r.models.size(); ++m)
        out += (m ? ", " : "") + std::string("**") + markdownCell(r.models[m], 200) + "**";
    out += "  \nSettings: " + r.settingsText + "  \n";
    if (r.sequential)
        out += "Note: " + r.notice + "  \n";
    if (r.cancelled)
        out += "Note: the run was stopped after " + std::to_string(r.completedPrompts) + " of " +
               std::to_string(r.prompts.size()) + " prompts.  \n";
    out += "\n| Prompt |";
    for (const std::string& m : r.models)
        out += " " + markdownCell(m, 60) + " |";
    out += "\n|---|";
    for (size_t m = 0; m < r.models.size(); ++m)
        out += "---|";
    out += "\n";
    for (size_t p = 0; p < r.prompts.size(); ++p) {
        out += "| " + markdownCell(r.prompts[p].text, 80) + " |";
        for (size_t m = 0; m < r.models.size(); ++m) {
            const SuiteCell& c = r.cells[p][m];
            out += " " + (c.refusal ? std::string("**refused** ") : std::string()) + std::to_string(c.tokens) +
                   " tokens, " + fixed(c.wallMs / 1000.0, 2) + " s, " + status(c) + " |";
        }
        out += "\n";
    }
    for (size_t p = 0; p < r.prompts.size(); ++p) {
        out += "\n## " + markdownCell(r.prompts[p].id, 80) + ": " + markdownCell(r.prompts[p].text, 400) + "\n";
        for (size_t m = 0; m < r.models.size(); ++m) {
            const SuiteCell& c = r.cells[p][m];
            out += "\n### " + markdownCell(r.models[m], 200) + (c.refusal ? " (refused)" : "") + "\n\n";
            out += c.error.empty() ? markdownBlock(c.answer) : "Error: " + markdownCell(c.error, 400) + "\n";
        }
    }
    return out;
}

std::string toHtml(const SuiteResult& r)
{
    std::string out =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
        "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"UTF-8\"/>\n"
        "<title>" + htmlEscape(r.suiteName) + " - Agora comparison</title>\n<style>\n"
        "body{font-family:system-ui,sans-serif;margin:2em;color:#1d1d1f;background:#fafafa}\n"
        "table{border-collapse:collapse;width:100%;table-layout:fixed}\n"
        "th,td{border:1px solid #ccc;padding:.5em;vertical-align:top;text-align:left}\n"
        "th{background:#eef}\n.answer{white-space:pre-wrap;font-size:.92em}\n"
        ".meta{color:#666;font-size:.8em;margin-top:.4em}\n"
        ".refusal{background:#fde8e8}\n.refusal .flag{color:#b00020;font-weight:bold}\n"
        ".notice{background:#fff4ce;padding:.6em;border:1px solid #e0c060}\n"
        "</style>\n</head>\n<body>\n";
    out += "<h1>" + htmlEscape(r.suiteName) + "</h1>\n<p>Models: ";
    for (size_t m = 0; m < r.models.size(); ++m)
        out += (m ? ", " : "") + std::string("<strong>") + htmlEscape(r.models[m]) + "</strong>";
    out += "<br/>Settings: " + htmlEscape(r.settingsText) + "</p>\n";
    if (r.sequential)
        out += "<p class=\"notice\">" + htmlEscape(r.notice) + "</p>\n";
    if (r.cancelled)
        out += "<p class=\"notice\">The run was stopped after " + std::to_string(r.completedPrompts) + " of " +
               std::to_string(r.prompts.size()) + " prompts.</p>\n";
    out += "<table>\n<thead><tr><th>Prompt</th>";
    for (const std::string& m : r.models)
        out += "<th>" + htmlEscape(m) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (size_t p = 0; p < r.prompts.size(); ++p) {
        const SuitePrompt& q = r.prompts[p];
        out += "<tr id=\"prompt-" + htmlEscape(q.id) + "\"><td><div class=\"prompt\">" + htmlEscape(q.text) +
               "</div><div class=\"meta\">" + htmlEscape(q.id) +
               (q.category.empty() ? "" : " · " + htmlEscape(q.category)) +
               (q.language.empty() ? "" : " · " + htmlEscape(q.language)) + "</div></td>";
        for (size_t m = 0; m < r.models.size(); ++m) {
            const SuiteCell& c = r.cells[p][m];
            out += std::string("<td") + (c.refusal ? " class=\"refusal\"" : "") + ">";
            if (c.refusal)
                out += "<div class=\"flag\">refused</div>";
            out += "<div class=\"answer\">" + htmlEscape(c.error.empty() ? c.answer : "Error: " + c.error) + "</div>";
            out += "<div class=\"meta\">" + std::to_string(c.tokens) + " tokens · " + std::to_string(c.characters) +
                   " characters · " + fixed(c.wallMs / 1000.0, 2) + " s · first token " +
                   fixed(c.timeToFirstTokenMs, 0) + " ms · " + fixed(c.tokensPerSecond, 1) + " tok/s · " +
                   htmlEscape(status(c)) + "</div></td>";
        }
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n<p class=\"meta\">Made offline with Agora.</p>\n</body>\n</html>\n";
    return out;
}

std::string renderReport(const SuiteResult& result, ReportFormat format)
{
    switch (format) {
    case ReportFormat::Csv: return toCsv(result);
    case ReportFormat::Markdown: return toMarkdown(result);
    case ReportFormat::Html: return toHtml(result);
    }
    return {};
}

} // namespace agora::compare
