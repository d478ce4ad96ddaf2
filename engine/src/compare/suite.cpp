// Reading and writing prompt suites (JSONL, CSV) and the CSV record parser they share.
#include "compare/suite.h"

#include "core/json.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace agora::compare {
namespace {

std::string lower(std::string s)
{
    for (char& c : s)
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    return s;
}

std::string trim(std::string_view s)
{
    size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n'))
        ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n'))
        --e;
    return std::string(s.substr(b, e - b));
}

std::string_view withoutBom(std::string_view text)
{
    return text.substr(0, 3) == "\xEF\xBB\xBF" ? text.substr(3) : text;
}

void numberMissingIds(Suite& suite)
{
    for (size_t i = 0; i < suite.prompts.size(); ++i)
        if (suite.prompts[i].id.empty())
            suite.prompts[i].id = std::to_string(i + 1);
}

} // namespace

Result<Suite> parseJsonlSuite(std::string_view text, std::string name)
{
    Suite suite;
    suite.name = std::move(name);
    std::istringstream in{std::string(withoutBom(text))};
    std::string line;
    for (int lineNo = 1; std::getline(in, line); ++lineNo) {
        const std::string t = trim(line);
        if (t.empty() || t[0] == '#' || t.rfind("//", 0) == 0)
            continue;
        auto doc = json::parse(t);
        if (!doc)
            return makeError(ErrorCode::BadFormat, "suite line " + std::to_string(lineNo) + ": " + doc.error().message);
        if (!doc->isObject())
            return makeError(ErrorCode::BadFormat, "suite line " + std::to_string(lineNo) + ": expected a JSON object");
        SuitePrompt p;
        p.text = doc->stringOr("prompt", doc->stringOr("text"));
        if (trim(p.text).empty())
            return makeError(ErrorCode::BadFormat,
                             "suite line " + std::to_string(lineNo) + ": no \"prompt\" (a non-empty string)");
        p.id = doc->stringOr("id");
        if (const json::Value* id = doc->find("id"); id && id->isInt())
            p.id = std::to_string(id->asInt());
        p.category = doc->stringOr("category");
        p.language = doc->stringOr("lang", doc->stringOr("language"));
        p.system = doc->stringOr("system");
        suite.prompts.push_back(std::move(p));
    }
    if (suite.prompts.empty())
        return makeError(ErrorCode::BadFormat, "the suite has no prompts");
    numberMissingIds(suite);
    return suite;
}

Result<std::vector<std::vector<std::string>>> parseCsv(std::string_view text)
{
    text = withoutBom(text);
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> record;
    std::string field;
    bool quoted = false, fieldStarted = false;
    size_t recordStartLine = 1, line = 1;
    auto endField = [&] {
        record.push_back(std::move(field));
        field.clear();
        fieldStarted = false;
    };
    auto endRecord = [&] {
        endField();
        if (!(record.size() == 1 && record[0].empty())) // blank lines are no records
            records.push_back(std::move(record));
        record.clear();
        recordStartLine = line;
    };
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                    if (i + 1 < text.size() && text[i + 1] != ',' && text[i + 1] != '\n' && text[i + 1] != '\r')
                        return makeError(ErrorCode::BadFormat, "CSV line " + std::to_string(line) +
                                                                   ": text after a closing quote");
                }
            } else {
                if (c == '\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == '"' && !fieldStarted && field.empty()) {
            quoted = fieldStarted = true;
        } else if (c == ',') {
            endField();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            ++line;
            endRecord();
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted)
        return makeError(ErrorCode::BadFormat,
                         "CSV record starting on line " + std::to_string(recordStartLine) + ": unterminated quote");
    if (fieldStarted || !field.empty() || !record.empty())
        endRecord();
    return records;
}

Result<Suite> parseCsvSuite(std::string_view text, std::string name)
{
    auto records = parseCsv(text);
    if (!records)
        return records.error();
    Suite suite;
    suite.name = std::move(name);
    if (records->empty())
        return makeError(ErrorCode::BadFormat, "the suite has no prompts");
    const std::vector<std::string>& header = records->front();
    auto column = [&](std::initializer_list<const char*> names) -> int {
        for (size_t i = 0; i < header.size(); ++i)
            for (const char* n : names)
                if (lower(trim(header[i])) == n)
                    return int(i);
        return -1;
    };
    const int promptCol = column({"prompt", "text"});
    const int idCol = column({"id"}), categoryCol = column({"category"}), langCol = column({"lang", "language"}),
              systemCol = column({"system"});
    const bool hasHeader = promptCol >= 0;
    for (size_t r = hasHeader ? 1 : 0; r < records->size(); ++r) {
        const std::vector<std::string>& rec = (*records)[r];
        auto cell = [&](int col) { return col >= 0 && size_t(col) < rec.size() ? rec[size_t(col)] : std::string(); };
        SuitePrompt p;
        p.text = cell(hasHeader ? promptCol : 0);
        if (trim(p.text).empty())
            return makeError(ErrorCode::BadFormat, "CSV record " + std::to_string(r + 1) + ": the prompt is empty");
        p.id = trim(cell(idCol));
        p.category = trim(cell(categoryCol));
        p.language = trim(cell(langCol));
        p.system = cell(systemCol);
        suite.prompts.push_back(std::move(p));
    }
    if (suite.prompts.empty())
        return makeError(ErrorCode::BadFormat, "the suite has no prompts (only a header)");
    numberMissingIds(suite);
    return suite;
}

Result<Suite> loadSuite(const std::string& nameOrPath)
{
    if (lower(nameOrPath) == "perspectives")
        return perspectivesSuite();
    std::ifstream in(nameOrPath, std::ios::binary);
    if (!in)
        return makeError(ErrorCode::Io, "cannot open the suite file " + nameOrPath);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string base = nameOrPath.substr(nameOrPath.find_last_of('/') + 1);
    const std::string ext = lower(base.substr(std::min(base.size(), base.find_last_of('.'))));
    base = base.substr(0, base.find_last_of('.'));
    if (ext == ".jsonl" || ext == ".json")
        return parseJsonlSuite(ss.str(), base);
    if (ext == ".csv")
        return parseCsvSuite(ss.str(), base);
    return makeError(ErrorCode::InvalidArgument,
                     "suite " + nameOrPath + ": expected 'perspectives', a .jsonl or a .csv file");
}

std::string suiteToJsonl(const Suite& suite)
{
    std::string out;
    for (const SuitePrompt& p : suite.prompts) {
        json::Object o;
        o.emplace_back("id", p.id);
        if (!p.category.empty())
            o.emplace_back("category", p.category);
        if (!p.language.empty())
            o.emplace_back("lang", p.language);
        if (!p.system.empty())
            o.emplace_back("system", p.system);
        o.emplace_back("prompt", p.text);
        json::WriteOptions w;
        w.keySeparator = ": ";
        w.itemSeparator = ", ";
        out += json::write(json::Value(std::move(o)), w) + "\n";
    }
    return out;
}

} // namespace agora::compare
