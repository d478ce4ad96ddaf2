// Exports of a comparison or suite run: CSV (RFC 4180, one row per prompt x model), Markdown (a
// summary table, then every answer in full) and one self-contained HTML page (inline CSS, no
// scripts, no external resources). The HTML is well-formed XHTML (every text and attribute
// escaped, every element closed) so that it can be read back by an XML parser, which the tests do.
#pragma once

#include "compare/suite_runner.h"

#include <string>
#include <string_view>

namespace agora::compare {

enum class ReportFormat { Csv, Markdown, Html };
// By the file name's extension: .csv, .md/.markdown, .html/.htm/.xhtml; false when none fits.
bool reportFormatForPath(const std::string& path, ReportFormat* format);

std::string csvField(std::string_view value);   // quoted when it holds , " CR or LF
std::string htmlEscape(std::string_view text);  // & < > " '

std::string toCsv(const SuiteResult& result);
std::string toMarkdown(const SuiteResult& result);
std::string toHtml(const SuiteResult& result);
std::string renderReport(const SuiteResult& result, ReportFormat format);

} // namespace agora::compare
