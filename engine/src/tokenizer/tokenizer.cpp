#include "tokenizer/tokenizer.h"

#include "core/log.h"
#include "gguf/gguf.h"
#include "tokenizer/bpe_encoder.h"
#include "tokenizer/spm_encoder.h"
#include "tokenizer/utf8.h"
#include "tokenizer/wpm_encoder.h"

#include <cctype>

namespace agora::tokenizer {
namespace {

bool isAsciiSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// SentencePiece writes spaces as U+2581; decoding turns them back.
void appendUnescapedSpm(std::string_view text, std::string& out)
{
    for (size_t i = 0; i < text.size();) {
        if (text.substr(i, kSpmSpace.size()) == kSpmSpace) {
            out += ' ';
            i += kSpmSpace.size();
        } else {
            out += text[i++];
        }
    }
}

// Byte-level BPE token texts spell bytes with printable stand-ins; map them back. A character
// that stands for no byte (a hand-added token) is kept as it is.
void appendByteDecoded(std::string_view text, std::string& out)
{
    for (size_t i = 0; i < text.size();) {
        utf8::Decoded d = utf8::decode(text, i);
        int byte = d.status == utf8::DecodeStatus::Ok ? utf8::codepointToByte(d.codepoint) : -1;
        if (byte >= 0)
            out += static_cast<char>(byte);
        else
            out.append(text.substr(i, d.length));
        i += d.length;
    }
}

void replaceAll(std::string& s, std::string_view from, std::string_view to)
{
    std::string out;
    size_t start = 0;
    for (size_t hit = s.find(from); hit != std::string::npos; hit = s.find(from, start)) {
        out.append(s, start, hit - start);
        out += to;
        start = hit + from.size();
    }
    if (start == 0)
        return;
    out.append(s, start, std::string::npos);
    s.swap(out);
}

// The replacements of Hugging Face's clean_up_tokenization, applied in its order.
void cleanUpTokenizationSpaces(std::string& s)
{
    static const std::pair<std::string_view, std::string_view> kRules[] = {
        {" .", "."}, {" ?", "?"}, {" !", "!"}, {" ,", ","}, {" ' ", "'"},
        {" n't", "n't"}, {" 'm", "'m"}, {" 's", "'s"}, {" 've", "'ve"}, {" 're", "'re"},
    };
    for (const auto& [from, to] : kRules)
        replaceAll(s, from, to);
}

} // namespace

Tokenizer::Tokenizer(Vocab vocab) : m_vocab(std::move(vocab)) {}
Tokenizer::~Tokenizer() = default;

Result<std::unique_ptr<Tokenizer>> Tokenizer::fromGguf(const gguf::GgufFile& file)
{
    auto vocab = Vocab::fromGguf(file);
    if (!vocab)
        return vocab.error();
    return fromVocab(std::move(*vocab));
}

Result<std::unique_ptr<Tokenizer>> Tokenizer::fromVocab(Vocab vocab)
{
    std::unique_ptr<Tokenizer> t(new Tokenizer(std::move(vocab)));
    switch (t->m_vocab.kind()) {
    case VocabKind::Spm:
        t->m_encoder = std::make_unique<SpmEncoder>(t->m_vocab);
        break;
    case VocabKind::Bpe: {
        auto bpe = BpeEncoder::create(t->m_vocab);
        if (!bpe)
            return bpe.error();
        t->m_encoder = std::move(*bpe);
        break;
    }
    case VocabKind::Wpm:
        t->m_encoder = std::make_unique<WpmEncoder>(t->m_vocab);
        break;
    }
    log::get("engine.tokenizer")->debug("tokenizer: {} with {} tokens, pre '{}'", vocabKindName(t->m_vocab.kind()),
                                        t->m_vocab.size(), t->m_vocab.preName());
    return t;
}

bool Tokenizer::isControl(int32_t id) const
{
    return m_vocab.contains(id) && m_vocab.type(id) == TokenType::Control;
}

std::vector<Tokenizer::Fragment> Tokenizer::partition(std::string_view text, bool parseSpecial) const
{
    std::vector<Fragment> fragments;
    if (text.empty())
        return fragments;
    fragments.push_back({kNoToken, 0, text.size()});
    std::vector<Fragment> next;
    for (int32_t id : m_vocab.textMatchedTokens()) {
        const TokenData& token = m_vocab.token(id);
        if (!parseSpecial && (token.type == TokenType::Control || token.type == TokenType::Unknown))
            continue;
        const std::string& needle = token.text;
        bool found = false;
        next.clear();
        for (const Fragment& f : fragments) {
            if (f.token != kNoToken || f.length < needle.size()) {
                next.push_back(f);
                continue;
            }
            std::string_view run = text.substr(f.offset, f.length);
            size_t cursor = 0;
            for (size_t hit = run.find(needle); hit != std::string_view::npos; hit = run.find(needle, cursor)) {
                found = true;
                size_t leftEnd = hit;
                if (token.stripLeft) {
                    while (leftEnd > cursor && isAsciiSpace(run[leftEnd - 1]))
                        --leftEnd;
                }
                if (leftEnd > cursor)
                    next.push_back({kNoToken, f.offset + cursor, leftEnd - cursor});
                next.push_back({id, f.offset + hit, needle.size()});
                cursor = hit + needle.size();
                if (token.stripRight) {
                    while (cursor < run.size() && isAsciiSpace(run[cursor]))
                        ++cursor;
                }
            }
            if (cursor < run.size())
                next.push_back({kNoToken, f.offset + cursor, run.size() - cursor});
        }
        if (found)
            fragments.swap(next);
    }
    return fragments;
}

std::vector<int32_t> Tokenizer::encode(std::string_view text, bool addSpecial, bool parseSpecial) const
{
    std::vector<int32_t> out;
    const SpecialIds& sp = m_vocab.special();
    if (addSpecial && m_vocab.addBos())
        out.push_back(sp.bos);

    const std::vector<Fragment> fragments = partition(text, parseSpecial);
    if (m_vocab.kind() == VocabKind::Spm) {
        // The dummy prefix goes in front of the text and of every run that follows a special
        // token, as SentencePiece sees each run as a separate sentence.
        bool afterSpecial = true;
        std::string escaped;
        for (const Fragment& f : fragments) {
            if (f.token != kNoToken) {
                out.push_back(f.token);
                afterSpecial = true;
                continue;
            }
            escaped.clear();
            if (m_vocab.addSpacePrefix() && afterSpecial)
                escaped += kSpmSpace;
            for (char c : text.substr(f.offset, f.length)) {
                if (c == ' ')
                    escaped += kSpmSpace;
                else
                    escaped += c;
            }
            m_encoder->encode(escaped, out);
            afterSpecial = false;
        }
    } else {
        for (const Fragment& f : fragments) {
            if (f.token != kNoToken)
                out.push_back(f.token);
            else
                m_encoder->encode(text.substr(f.offset, f.length), out);
        }
    }

    if (addSpecial && m_vocab.addSep() && sp.sep != kNoToken)
        out.push_back(sp.sep);
    if (addSpecial && m_vocab.addEos())
        out.push_back(sp.eos);
    return out;
}

void Tokenizer::appendPiece(int32_t id, bool renderSpecial, bool stripLeadingSpace, std::string& out) const
{
    if (!m_vocab.contains(id))
        return;
    const size_t start = out.size();
    const TokenData& t = m_vocab.token(id);
    switch (t.type) {
    case TokenType::Control:
    case TokenType::Unknown:
        if (renderSpecial)
            out += t.text;
        break;
    case TokenType::UserDefined:
        out += t.text;
        break;
    case TokenType::Byte:
        if (int b = m_vocab.byteValue(id); b >= 0)
            out += static_cast<char>(b);
        break;
    case TokenType::Normal:
        if (m_vocab.kind() == VocabKind::Bpe)
            appendByteDecoded(t.text, out);
        else
            appendUnescapedSpm(t.text, out);
        break;
    case TokenType::Unused:
    case TokenType::Undefined:
        break; // never produced by encoding; shown as nothing, like control tokens
    }
    if (stripLeadingSpace && out.size() > start && out[start] == ' ')
        out.erase(start, 1);
}

std::string Tokenizer::piece(int32_t id, bool renderSpecial) const
{
    std::string out;
    appendPiece(id, renderSpecial, false, out);
    return out;
}

std::string Tokenizer::decode(std::span<const int32_t> ids, DecodeOptions options) const
{
    const SpecialIds& sp = m_vocab.special();
    bool stripSpace = m_vocab.addSpacePrefix();
    if (options.removeSpecial && m_vocab.addBos() && !ids.empty() && ids.front() == sp.bos) {
        stripSpace = false; // "<s> Hello" decodes to " Hello": the space was not a dummy prefix
        ids = ids.subspan(1);
    }
    if (options.removeSpecial && m_vocab.addEos() && !ids.empty() && ids.back() == sp.eos)
        ids = ids.first(ids.size() - 1);
    std::string out;
    for (int32_t id : ids) {
        appendPiece(id, options.renderSpecial, stripSpace, out);
        stripSpace = false;
    }
    if (options.cleanUpSpaces)
        cleanUpTokenizationSpaces(out);
    return out;
}

} // namespace agora::tokenizer
