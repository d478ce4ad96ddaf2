// A comparison written out for people: Markdown (one section per turn, one subsection per model)
// and a self-contained HTML page (inline CSS, one column per model, stats under every answer).
// The HTML is well-formed XHTML so that it can be read back by any XML parser; every piece of
// text from a model or a user is escaped.
#pragma once

#include "compare/compare_transcript.h"

#include <QString>

namespace agora::app {

QString compareToMarkdown(const CompareTranscript& transcript);
QString compareToHtml(const CompareTranscript& transcript);

// "12.3 tokens/s · 40 tokens · first token 120 ms · end_of_turn", translated.
QString compareStatsLine(const CompareAnswer& answer);

} // namespace agora::app
