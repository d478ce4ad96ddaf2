// Prompt suites: a named list of prompts run across models unattended. Built in: "perspectives"
// (questions on history, politics, ethics, law and culture whose answers are known to differ
// with a model's origin, in English and German). User suites come from JSONL or CSV files:
//   JSONL: one object per line: {"prompt": "...", "id": "...", "category": "...", "lang": "en",
//          "system": "..."}; only "prompt" (or "text") is required; blank lines and lines
//          starting with '#' or "//" are skipped.
//   CSV:   RFC 4180 (quoted fields, "" for a quote, newlines inside quotes), a header row naming
//          the columns; a "prompt" (or "text") column is required, id/category/lang/system are
//          optional. Without a recognised header, the first column of every row is the prompt.
// Errors name the line (JSONL) or record (CSV) that is wrong.
#pragma once

#include "agora/engine.h"

#include <string>
#include <string_view>
#include <vector>

namespace agora::compare {

struct SuitePrompt {
    std::string id;       // "p01"; filled in ("1", "2", ...) when the file has none
    std::string category; // "history", "politics", ...
    std::string language; // "en", "de", ...
    std::string system;   // optional system prompt for this prompt alone
    std::string text;
};

struct Suite {
    std::string name;
    std::vector<SuitePrompt> prompts;
};

Suite perspectivesSuite();

Result<Suite> parseJsonlSuite(std::string_view text, std::string name);
Result<Suite> parseCsvSuite(std::string_view text, std::string name);
// "perspectives" (case-insensitive) or a .jsonl / .csv file by extension.
Result<Suite> loadSuite(const std::string& nameOrPath);

// The suite as JSONL, one prompt per line (what resources/suites/perspectives.jsonl holds).
std::string suiteToJsonl(const Suite& suite);

// RFC 4180 records (for CSV suites and tests of our own CSV export).
Result<std::vector<std::vector<std::string>>> parseCsv(std::string_view text);

} // namespace agora::compare
