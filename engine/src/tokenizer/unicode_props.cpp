#include "tokenizer/unicode_props.h"

#include <algorithm>

namespace agora::tokenizer::unicode {
namespace {

const tables::Mapping* findMapping(const tables::Mapping* table, size_t count, uint32_t cp)
{
    const tables::Mapping* end = table + count;
    const tables::Mapping* it =
        std::lower_bound(table, end, cp, [](const tables::Mapping& m, uint32_t v) { return m.codepoint < v; });
    return it != end && it->codepoint == cp ? it : nullptr;
}

} // namespace

CharClass charClass(uint32_t cp)
{
    const tables::ClassRange* begin = tables::kClassRanges;
    const tables::ClassRange* end = begin + tables::kClassRangeCount;
    // The first range whose last codepoint is >= cp; it holds cp if it starts at or before it.
    const tables::ClassRange* it =
        std::lower_bound(begin, end, cp, [](const tables::ClassRange& r, uint32_t v) { return r.last < v; });
    return it != end && it->first <= cp ? it->cls : CharClass::None;
}

bool isWhitespace(uint32_t cp)
{
    return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
           cp == 0x3000;
}

bool isCjkIdeograph(uint32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF) ||
           (cp >= 0x2A700 && cp <= 0x2B73F) || (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B820 && cp <= 0x2CEAF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
}

void appendNfd(uint32_t cp, std::vector<uint32_t>& out)
{
    // Hangul syllables decompose arithmetically into leading consonant, vowel and optional
    // trailing consonant jamo.
    constexpr uint32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
    constexpr uint32_t kVCount = 21, kTCount = 28, kSCount = 11172;
    if (cp >= kSBase && cp < kSBase + kSCount) {
        const uint32_t s = cp - kSBase;
        out.push_back(kLBase + s / (kVCount * kTCount));
        out.push_back(kVBase + (s % (kVCount * kTCount)) / kTCount);
        if (s % kTCount != 0)
            out.push_back(kTBase + s % kTCount);
        return;
    }
    const tables::Mapping* m = findMapping(tables::kDecomposition, tables::kDecompositionCount, cp);
    if (!m) {
        out.push_back(cp);
        return;
    }
    out.insert(out.end(), tables::kDecompositionPool + m->offset, tables::kDecompositionPool + m->offset + m->length);
}

void appendLowercase(uint32_t cp, std::vector<uint32_t>& out)
{
    const tables::Mapping* m = findMapping(tables::kLowercase, tables::kLowercaseCount, cp);
    if (!m) {
        out.push_back(cp);
        return;
    }
    out.insert(out.end(), tables::kLowercasePool + m->offset, tables::kLowercasePool + m->offset + m->length);
}

} // namespace agora::tokenizer::unicode
