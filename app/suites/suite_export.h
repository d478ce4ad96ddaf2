// A suite run written out for people who work with it elsewhere: CSV for spreadsheets (one row per
// prompt x model, RFC 4180, UTF-8), a Markdown table for notes and issues, and a self-contained
// HTML page (inline CSS, every text escaped, well-formed XHTML) to share or print.
#pragma once

#include "suites/suite_results.h"

#include <QString>

namespace agora::app {

enum class SuiteExportFormat { Csv, Markdown, Html };

// "csv", "md"/"markdown", "html"/"htm"; nullopt for anything else.
std::optional<SuiteExportFormat> suiteExportFormatFromName(const QString& name);

QString suiteToCsv(const SuiteResults& results);
QString suiteToMarkdown(const SuiteResults& results);
QString suiteToHtml(const SuiteResults& results);

// Writes atomically (QSaveFile) as UTF-8; false with a translated reason in *error.
bool writeSuiteExport(const SuiteResults& results, SuiteExportFormat format, const QString& path, QString* error);

// RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled.
QString csvField(const QString& text);

} // namespace agora::app
