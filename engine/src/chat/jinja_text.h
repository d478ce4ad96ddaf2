// Python-compatible text helpers shared by Jinja filters and str methods: whitespace as
// str.isspace() sees it, strip with a character set, split, case mapping (ASCII letters; other
// scripts pass through unchanged), code-point slicing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace agora::chat::jinja::text {

// Length in bytes of the whitespace code point at s[i], 0 when s[i] does not start one.
size_t whitespaceAt(std::string_view s, size_t i);
// Length in bytes of a whitespace code point that ends at s[end] (exclusive), 0 if none.
size_t whitespaceBefore(std::string_view s, size_t end);

enum class Side { Left, Right, Both };
// str.strip()/lstrip()/rstrip(): whitespace when chars is null, else any code point in *chars.
std::string strip(std::string_view s, Side side, const std::string* chars = nullptr);

// str.split(sep=None, maxsplit) / rsplit: sep null splits on runs of whitespace.
std::vector<std::string> split(std::string_view s, const std::string* sep, int64_t maxSplit, bool fromRight);
// str.splitlines(keepends)
std::vector<std::string> splitLines(std::string_view s, bool keepEnds);

std::string upper(std::string_view s);
std::string lower(std::string_view s);
std::string capitalize(std::string_view s); // first character upper, the rest lower
std::string title(std::string_view s);      // upper after every non-letter, lower elsewhere

std::string replace(std::string_view s, std::string_view from, std::string_view to, int64_t count);
int64_t countOf(std::string_view s, std::string_view sub);
// Byte offset to code point index (for str.find results).
int64_t codePointIndex(std::string_view s, size_t byteOffset);

std::string htmlEscape(std::string_view s);

} // namespace agora::chat::jinja::text
