#include "chat/jinja_text.h"

#include "chat/jinja_value.h"
#include "core/utf8.h"

namespace agora::chat::jinja::text {
namespace {

uint32_t decodeAt(std::string_view s, size_t i, size_t& len)
{
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
        len = 1;
        return c;
    }
    const int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if (extra == 0 || i + size_t(extra) >= s.size()) {
        len = 1;
        return 0xFFFD;
    }
    uint32_t cp = c & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + size_t(k)]) & 0x3F);
    len = size_t(extra) + 1;
    return cp;
}

bool isWhitespaceCodePoint(uint32_t cp)
{
    return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20) || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
           cp == 0x3000;
}


} // namespace

size_t whitespaceAt(std::string_view s, size_t i)
{
    size_t len = 0;
    const uint32_t cp = decodeAt(s, i, len);
    return isWhitespaceCodePoint(cp) ? len : 0;
}

size_t whitespaceBefore(std::string_view s, size_t end)
{
    if (end == 0)
        return 0;
    size_t start = end - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
        --start;
    size_t len = 0;
    const uint32_t cp = decodeAt(s, start, len);
    return (start + len == end && isWhitespaceCodePoint(cp)) ? len : 0;
}

std::string strip(std::string_view s, Side side, const std::string* chars)
{
    std::vector<std::string> set;
    if (chars)
        set = splitCodePoints(*chars);
    const auto matchAt = [&](size_t i) -> size_t {
        if (!chars)
            return whitespaceAt(s, i);
        for (const auto& c : set)
            if (s.substr(i, c.size()) == c)
                return c.size();
        return 0;
    };
    const auto matchBefore = [&](size_t end) -> size_t {
        if (!chars)
            return whitespaceBefore(s, end);
        for (const auto& c : set)
            if (end >= c.size() && s.substr(end - c.size(), c.size()) == c)
                return c.size();
        return 0;
    };
    size_t begin = 0, end = s.size();
    if (side != Side::Right)
        while (begin < end) {
            const size_t n = matchAt(begin);
            if (!n)
                break;
            begin += n;
        }
    if (side != Side::Left)
        while (end > begin) {
            const size_t n = matchBefore(end);
            if (!n)
                break;
            end -= n;
        }
    return std::string(s.substr(begin, end - begin));
}

std::vector<std::string> split(std::string_view s, const std::string* sep, int64_t maxSplit, bool fromRight)
{
    std::vector<std::string> parts;
    if (sep) {
        if (sep->empty())
            raiseRender("ValueError: empty separator");
        if (!fromRight) {
            size_t pos = 0;
            while (maxSplit < 0 || int64_t(parts.size()) < maxSplit) {
                const size_t found = s.find(*sep, pos);
                if (found == std::string_view::npos)
                    break;
                parts.emplace_back(s.substr(pos, found - pos));
                pos = found + sep->size();
            }
            parts.emplace_back(s.substr(pos));
            return parts;
        }
        size_t end = s.size();
        std::vector<std::string> reversed;
        while (maxSplit < 0 || int64_t(reversed.size()) < maxSplit) {
            if (end < sep->size())
                break;
            const size_t found = s.rfind(*sep, end - sep->size());
            if (found == std::string_view::npos)
                break;
            reversed.emplace_back(s.substr(found + sep->size(), end - found - sep->size()));
            end = found;
        }
        reversed.emplace_back(s.substr(0, end));
        parts.assign(reversed.rbegin(), reversed.rend());
        return parts;
    }
    // Whitespace runs; leading/trailing whitespace yields no empty parts.
    std::vector<std::pair<size_t, size_t>> words;
    size_t i = 0;
    while (i < s.size()) {
        size_t n;
        while (i < s.size() && (n = whitespaceAt(s, i)) > 0)
            i += n;
        if (i >= s.size())
            break;
        const size_t start = i;
        while (i < s.size() && whitespaceAt(s, i) == 0)
            ++i;
        words.emplace_back(start, i);
    }
    if (maxSplit < 0 || int64_t(words.size()) <= maxSplit + 1) {
        for (auto [a, b] : words)
            parts.emplace_back(s.substr(a, b - a));
        return parts;
    }
    if (!fromRight) {
        for (int64_t k = 0; k < maxSplit; ++k)
            parts.emplace_back(s.substr(words[size_t(k)].first, words[size_t(k)].second - words[size_t(k)].first));
        parts.push_back(strip(s.substr(words[size_t(maxSplit)].first), Side::Right));
        return parts;
    }
    const size_t firstKept = words.size() - size_t(maxSplit);
    parts.push_back(strip(s.substr(0, words[firstKept - 1].second), Side::Left));
    for (size_t k = firstKept; k < words.size(); ++k)
        parts.emplace_back(s.substr(words[k].first, words[k].second - words[k].first));
    return parts;
}

std::vector<std::string> splitLines(std::string_view s, bool keepEnds)
{
    std::vector<std::string> lines;
    size_t start = 0, i = 0;
    while (i < s.size()) {
        size_t breakLen = 0;
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == '\r')
            breakLen = (i + 1 < s.size() && s[i + 1] == '\n') ? 2 : 1;
        else if (c == '\n' || c == '\v' || c == '\f' || (c >= 0x1C && c <= 0x1E))
            breakLen = 1;
        else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x85)
            breakLen = 2;
        else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                 (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9))
            breakLen = 3;
        if (breakLen) {
            lines.emplace_back(s.substr(start, (keepEnds ? i + breakLen : i) - start));
            i += breakLen;
            start = i;
        } else {
            ++i;
        }
    }
    if (start < s.size())
        lines.emplace_back(s.substr(start));
    return lines;
}

namespace {

// Simple case mapping for the scripts whose letters pair up one-to-one: ASCII, Latin-1,
// Latin Extended-A, Greek and Cyrillic. Other characters pass through unchanged.
uint32_t upperOf(uint32_t c)
{
    if (c >= 'a' && c <= 'z') return c - 32;
    if ((c >= 0xE0 && c <= 0xFE && c != 0xF7)) return c - 0x20;
    if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 && c != 0x17F) {
        const bool oddPairs = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
        if (oddPairs ? (c % 2 == 0) : (c % 2 == 1)) return c - 1;
        return c;
    }
    if (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) return c - 0x20;
    if (c >= 0x430 && c <= 0x44F) return c - 0x20;
    if (c >= 0x450 && c <= 0x45F) return c - 0x50;
    return c;
}

uint32_t lowerOf(uint32_t c)
{
    if (c >= 'A' && c <= 'Z') return c + 32;
    if ((c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 0x20;
    if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 && c != 0x17F) {
        const bool oddPairs = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
        if (oddPairs ? (c % 2 == 1) : (c % 2 == 0)) return c + 1;
        return c;
    }
    if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 0x20;
    if (c >= 0x410 && c <= 0x42F) return c + 0x20;
    if (c >= 0x400 && c <= 0x40F) return c + 0x50;
    return c;
}

template <typename Map>
std::string mapCase(std::string_view s, Map map)
{
    std::string out;
    out.reserve(s.size());
    size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out += char(map(c));
            ++i;
            continue;
        }
        size_t len = 0;
        const uint32_t cp = decodeAt(s, i, len);
        if (cp == 0xFFFD) // not valid UTF-8: copy the byte as it is
            out += s[i];
        else
            utf8::append(out, map(cp));
        i += len;
    }
    return out;
}

bool isCasedLetter(uint32_t c) { return upperOf(c) != c || lowerOf(c) != c; }

} // namespace

std::string upper(std::string_view s)
{
    std::string out = mapCase(s, upperOf);
    if (out.find("\xC3\x9F") != std::string::npos) // German sharp s has no single capital: "SS"
        out = replace(out, "\xC3\x9F", "SS", -1);
    return out;
}

std::string lower(std::string_view s) { return mapCase(s, lowerOf); }

std::string capitalize(std::string_view s)
{
    std::string out = lower(s);
    if (out.empty())
        return out;
    size_t len = 0;
    const uint32_t first = decodeAt(out, 0, len);
    std::string head;
    utf8::append(head, upperOf(first));
    return head + out.substr(len);
}

std::string title(std::string_view s)
{
    // Python: a cased letter after a cased letter is lowered, any other cased letter raised.
    std::string out;
    bool previousCased = false;
    size_t i = 0;
    while (i < s.size()) {
        size_t len = 0;
        const uint32_t cp = decodeAt(s, i, len);
        if (cp == 0xFFFD && static_cast<unsigned char>(s[i]) >= 0x80) {
            out += s[i];
            i += 1;
            previousCased = false;
            continue;
        }
        const bool cased = isCasedLetter(cp);
        utf8::append(out, cased ? (previousCased ? lowerOf(cp) : upperOf(cp)) : cp);
        previousCased = cased;
        i += len;
    }
    return out;
}

std::string replace(std::string_view s, std::string_view from, std::string_view to, int64_t count)
{
    std::string out;
    if (from.empty()) {
        // Python inserts `to` between every code point (and at both ends).
        const auto cps = splitCodePoints(s);
        int64_t done = 0;
        for (const auto& cp : cps) {
            if (count < 0 || done < count) {
                out += to;
                ++done;
            }
            out += cp;
        }
        if (count < 0 || done < count)
            out += to;
        return out;
    }
    size_t pos = 0;
    int64_t done = 0;
    while (count < 0 || done < count) {
        const size_t found = s.find(from, pos);
        if (found == std::string_view::npos)
            break;
        out.append(s.substr(pos, found - pos));
        out.append(to);
        pos = found + from.size();
        ++done;
    }
    out.append(s.substr(pos));
    return out;
}

int64_t countOf(std::string_view s, std::string_view sub)
{
    if (sub.empty())
        return int64_t(splitCodePoints(s).size()) + 1;
    int64_t n = 0;
    size_t pos = 0;
    while ((pos = s.find(sub, pos)) != std::string_view::npos) {
        ++n;
        pos += sub.size();
    }
    return n;
}

int64_t codePointIndex(std::string_view s, size_t byteOffset)
{
    int64_t n = 0;
    for (size_t i = 0; i < byteOffset && i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80)
            ++n;
    return n;
}

std::string htmlEscape(std::string_view s)
{
    std::string out;
    for (const char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&#34;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

} // namespace agora::chat::jinja::text
