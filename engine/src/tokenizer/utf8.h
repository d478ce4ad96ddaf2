// UTF-8 helpers shared by the tokenizers: sequence lengths, decoding with a clear notion of
// "incomplete" versus "invalid", encoding, and GPT-2's byte <-> printable-codepoint mapping.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace agora::tokenizer::utf8 {

// Length of the sequence announced by a lead byte (1 for ASCII and for bytes that cannot lead a
// sequence, so that callers always make progress over invalid input).
inline size_t sequenceLength(uint8_t lead)
{
    if (lead < 0x80) return 1;
    if ((lead & 0xE0) == 0xC0) return 2;
    if ((lead & 0xF0) == 0xE0) return 3;
    if ((lead & 0xF8) == 0xF0) return 4;
    return 1;
}

// Length of the character starting at text[offset], clipped to the end of the text.
inline size_t charLength(std::string_view text, size_t offset)
{
    size_t n = sequenceLength(static_cast<uint8_t>(text[offset]));
    return n < text.size() - offset ? n : text.size() - offset;
}

enum class DecodeStatus { Ok, Incomplete, Invalid };

struct Decoded {
    DecodeStatus status = DecodeStatus::Invalid;
    uint32_t codepoint = 0;
    size_t length = 1; // bytes consumed (1 for an invalid byte)
};

// Decodes one codepoint at text[offset]. Incomplete: a valid prefix cut by the end of text.
Decoded decode(std::string_view text, size_t offset);

// Appends the UTF-8 form of a codepoint (U+FFFD for values that are not scalar values).
void append(std::string& out, uint32_t codepoint);
std::string encode(uint32_t codepoint);

// Number of bytes at the end of text that form an incomplete (but so far valid) sequence.
size_t incompleteTailLength(std::string_view text);

// True when the whole text is well-formed UTF-8.
bool isValid(std::string_view text);

// GPT-2 byte-level BPE maps every byte to a printable codepoint so that token texts never hold
// raw control bytes or spaces: printable Latin-1 bytes map to themselves, the other 68 bytes to
// U+0100 upward in byte order.
uint32_t byteToCodepoint(uint8_t byte);
// The inverse; -1 for a codepoint that is not the image of any byte.
int codepointToByte(uint32_t codepoint);

} // namespace agora::tokenizer::utf8
