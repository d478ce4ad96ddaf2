// Unicode properties for WordPiece normalisation (BERT): character classes, white space, CJK
// ideographs, canonical decomposition (NFD) and lower-casing. Backed by generated tables.
#pragma once

#include "tokenizer/unicode_tables.h"

#include <cstdint>
#include <vector>

namespace agora::tokenizer::unicode {

CharClass charClass(uint32_t cp);
// The White_Space property (plus nothing else): what BERT splits words on.
bool isWhitespace(uint32_t cp);
// CJK ideographs, which BERT treats as one-character words.
bool isCjkIdeograph(uint32_t cp);
// Appends the full canonical decomposition of cp (Hangul syllables included).
void appendNfd(uint32_t cp, std::vector<uint32_t>& out);
// Appends the lower-case form of cp (one or more codepoints).
void appendLowercase(uint32_t cp, std::vector<uint32_t>& out);

} // namespace agora::tokenizer::unicode
