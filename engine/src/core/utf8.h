// UTF-8 encoding shared by the JSON parser and the Jinja lexer/filters, so that the byte layout
// of a code point is written down once.
#pragma once

#include <cstdint>
#include <string>

namespace agora::utf8 {

// Appends the UTF-8 encoding of code point cp (1 to 4 bytes) to out. The caller passes a value
// below 0x110000; surrogates are encoded as given because the callers have already paired them.
void append(std::string& out, uint32_t cp);

} // namespace agora::utf8
