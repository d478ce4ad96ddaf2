#include "tokenizer/utf8.h"

namespace agora::tokenizer::utf8 {
namespace {

bool isContinuation(uint8_t b) { return (b & 0xC0) == 0x80; }

// Bytes that GPT-2 considers printable and keeps as themselves: '!'..'~', U+00A1..U+00AC and
// U+00AE..U+00FF. Everything else (controls, space, DEL, NBSP, soft hyphen) is shifted.
bool keepsItsValue(uint8_t b)
{
    return (b >= 0x21 && b <= 0x7E) || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE);
}

struct ByteTables {
    std::array<uint32_t, 256> toCodepoint{};
    std::array<int16_t, 324> fromCodepoint{}; // every image lies below U+0144
    ByteTables()
    {
        fromCodepoint.fill(-1);
        uint32_t next = 256;
        for (int b = 0; b < 256; ++b) {
            uint32_t cp = keepsItsValue(static_cast<uint8_t>(b)) ? static_cast<uint32_t>(b) : next++;
            toCodepoint[static_cast<size_t>(b)] = cp;
            fromCodepoint[cp] = static_cast<int16_t>(b);
        }
    }
};

const ByteTables& byteTables()
{
    static const ByteTables tables;
    return tables;
}

} // namespace

Decoded decode(std::string_view text, size_t offset)
{
    Decoded d;
    const auto lead = static_cast<uint8_t>(text[offset]);
    if (lead < 0x80) {
        d.status = DecodeStatus::Ok;
        d.codepoint = lead;
        return d;
    }
    size_t need = sequenceLength(lead);
    if (need == 1) // stray continuation byte or 0xF8..0xFF
        return d;
    uint32_t cp = lead & (need == 2 ? 0x1Fu : need == 3 ? 0x0Fu : 0x07u);
    size_t available = text.size() - offset;
    for (size_t i = 1; i < need; ++i) {
        if (i >= available) {
            d.status = DecodeStatus::Incomplete;
            d.length = available;
            return d;
        }
        const auto b = static_cast<uint8_t>(text[offset + i]);
        if (!isContinuation(b))
            return d;
        cp = (cp << 6) | (b & 0x3Fu);
    }
    // Reject overlong forms, surrogates and values past U+10FFFF.
    static constexpr uint32_t kMinimum[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMinimum[need] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return d;
    d.status = DecodeStatus::Ok;
    d.codepoint = cp;
    d.length = need;
    return d;
}

void append(std::string& out, uint32_t cp)
{
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string encode(uint32_t codepoint)
{
    std::string s;
    append(s, codepoint);
    return s;
}

size_t incompleteTailLength(std::string_view text)
{
    // A sequence is at most 4 bytes, so only the last 3 bytes can start an unfinished one.
    size_t start = text.size() > 3 ? text.size() - 3 : 0;
    for (size_t i = start; i < text.size(); ++i) {
        const auto b = static_cast<uint8_t>(text[i]);
        if (isContinuation(b))
            continue;
        Decoded d = decode(text, i);
        if (d.status == DecodeStatus::Incomplete)
            return text.size() - i;
    }
    return 0;
}

bool isValid(std::string_view text)
{
    for (size_t i = 0; i < text.size();) {
        Decoded d = decode(text, i);
        if (d.status != DecodeStatus::Ok)
            return false;
        i += d.length;
    }
    return true;
}

uint32_t byteToCodepoint(uint8_t byte) { return byteTables().toCodepoint[byte]; }

int codepointToByte(uint32_t codepoint)
{
    const auto& t = byteTables().fromCodepoint;
    return codepoint < t.size() ? t[codepoint] : -1;
}

} // namespace agora::tokenizer::utf8
