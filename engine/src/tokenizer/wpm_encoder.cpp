#include "tokenizer/wpm_encoder.h"

#include "tokenizer/spm_encoder.h"
#include "tokenizer/unicode_props.h"
#include "tokenizer/utf8.h"

#include <algorithm>

namespace agora::tokenizer {
namespace {

// BERT's reference implementation gives up on words longer than this and emits [UNK].
constexpr size_t kMaxCharsPerWord = 100;

bool isBertPunctuation(uint32_t cp)
{
    // ASCII symbols such as '$' or '+' count as punctuation for BERT, other symbols do not.
    const unicode::CharClass c = unicode::charClass(cp);
    return c == unicode::CharClass::Punctuation || (cp < 0x80 && c == unicode::CharClass::Symbol);
}

} // namespace

std::vector<std::string> WpmEncoder::words(std::string_view text)
{
    // Normalise: decode (invalid bytes dropped), remove NUL/U+FFFD/controls, NFD, remove
    // non-spacing marks, lower-case.
    std::vector<uint32_t> decomposed;
    std::vector<uint32_t> normalised;
    for (size_t i = 0; i < text.size();) {
        utf8::Decoded d = utf8::decode(text, i);
        i += d.length;
        if (d.status != utf8::DecodeStatus::Ok)
            continue;
        decomposed.clear();
        unicode::appendNfd(d.codepoint, decomposed);
        for (uint32_t cp : decomposed) {
            if (unicode::isWhitespace(cp)) {
                normalised.push_back(' ');
                continue;
            }
            const unicode::CharClass c = unicode::charClass(cp);
            if (cp == 0 || cp == 0xFFFD || c == unicode::CharClass::Other || c == unicode::CharClass::NonspacingMark)
                continue;
            unicode::appendLowercase(cp, normalised);
        }
    }

    std::vector<std::string> result;
    std::string current;
    auto endWord = [&] {
        if (!current.empty())
            result.push_back(std::move(current));
        current.clear();
    };
    for (uint32_t cp : normalised) {
        if (unicode::isWhitespace(cp)) {
            endWord();
        } else if (isBertPunctuation(cp) || unicode::isCjkIdeograph(cp)) {
            endWord();
            utf8::append(current, cp);
            endWord();
        } else {
            utf8::append(current, cp);
        }
    }
    endWord();
    return result;
}

void WpmEncoder::encode(std::string_view text, std::vector<int32_t>& out) const
{
    const int32_t unk = m_vocab.special().unk;
    std::string word;
    for (const std::string& w : words(text)) {
        word.assign(kSpmSpace);
        word += w;
        const size_t before = out.size();
        size_t chars = 0;
        for (size_t i = 0; i < w.size(); i += utf8::charLength(w, i))
            ++chars;
        bool spelled = chars <= kMaxCharsPerWord;
        for (size_t start = 0; spelled && start < word.size();) {
            // The longest vocabulary entry that starts here.
            size_t end = std::min(word.size(), start + m_vocab.maxTokenLength());
            int32_t id = kNoToken;
            for (; end > start; --end) {
                id = m_vocab.find(std::string_view(word).substr(start, end - start));
                if (id != kNoToken)
                    break;
            }
            if (id == kNoToken) {
                spelled = false;
                break;
            }
            out.push_back(id);
            start = end;
        }
        if (!spelled) {
            out.resize(before);
            if (unk != kNoToken)
                out.push_back(unk);
        }
    }
}

} // namespace agora::tokenizer
