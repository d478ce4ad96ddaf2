#include "tokenizer/pretokenizer.h"

#include "core/log.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

namespace agora::tokenizer {
namespace {

// The GPT-2 split: contractions, letters, digits, other symbols, whitespace not before a word.
constexpr const char* kGpt2 = R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S))";

// Llama 3 (and Qwen 2 with single digits): case-insensitive contractions written out so that
// only ASCII letters fold, a non-letter may lead a word, digit groups, newline runs kept apart.
constexpr const char* kLlama3 =
    R"((?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";
constexpr const char* kQwen2 =
    R"((?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";

// DeepSeek LLM splits on an explicit set of cased-letter ranges (from its tokenizer.json), then
// ASCII/full-width punctuation, trailing whitespace, CJK runs and digit runs.
constexpr const char* kDeepseekLetters =
    R"(\s?[A-Za-z\x{B5}\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{1BA}\x{1BC}-\x{1BF}\x{1C4}-\x{293}\x{295}-\x{2AF})"
    R"(\x{370}-\x{373}\x{376}\x{377}\x{37B}-\x{37D}\x{37F}\x{386}\x{388}-\x{38A}\x{38C}\x{38E}-\x{3A1})"
    R"(\x{3A3}-\x{3F5}\x{3F7}-\x{481}\x{48A}-\x{52F}\x{531}-\x{556}\x{10A0}-\x{10C5}\x{13A0}-\x{13F5})"
    R"(\x{13F8}-\x{13FD}\x{1C90}-\x{1CBA}\x{1CBD}-\x{1CBF}\x{1D00}-\x{1D2B}\x{1D6B}-\x{1D77}\x{1D79}-\x{1D9A})"
    R"(\x{1E00}-\x{1F15}\x{1F18}-\x{1F1D}\x{1F20}-\x{1F45}\x{1F48}-\x{1F4D}\x{1F50}-\x{1F57}\x{1F59}\x{1F5B})"
    R"(\x{1F5D}\x{1F5F}-\x{1F7D}\x{1F80}-\x{1FB4}\x{1FB6}-\x{1FBC}\x{1FBE}\x{1FC2}-\x{1FC4}\x{1FC6}-\x{1FCC})"
    R"(\x{1FD0}-\x{1FD3}\x{1FD6}-\x{1FDB}\x{1FE0}-\x{1FEC}\x{1FF2}-\x{1FF4}\x{1FF6}-\x{1FFC}\x{2102}\x{2107})"
    R"(\x{210A}-\x{2113}\x{2115}\x{2119}-\x{211D}\x{2124}\x{2126}\x{2128}\x{212A}-\x{212D}\x{212F}-\x{2134})"
    R"(\x{2139}\x{213C}-\x{213F}\x{2145}-\x{2149}\x{214E}\x{2183}\x{2184}\x{2C00}-\x{2C7B}\x{2C7E}-\x{2CE4})"
    R"(\x{2CEB}-\x{2CEE}\x{2CF2}\x{2CF3}\x{A640}-\x{A66D}\x{A680}-\x{A69B}\x{A722}-\x{A76F}\x{A771}-\x{A787})"
    R"(\x{A78B}-\x{A78E}\x{AB70}-\x{ABBF}\x{FB00}-\x{FB06}\x{FB13}-\x{FB17}\x{FF21}-\x{FF3A}\x{FF41}-\x{FF5A})"
    R"(\x{10400}-\x{1044F}\x{104B0}-\x{104D3}\x{104D8}-\x{104FB}\x{10C80}-\x{10CB2}\x{10CC0}-\x{10CF2})"
    R"(\x{118A0}-\x{118DF}\x{1E900}-\x{1E943}]+)";
constexpr const char* kDeepseekPunct = R"(\s?[!-/:-~\x{FF01}-\x{FF0F}\x{FF1A}-\x{FF5E}\x{2018}-\x{201F}\x{3000}-\x{3002}]+)";
constexpr const char* kCjk = R"([\x{4E00}-\x{9FA5}\x{800}-\x{4E00}\x{AC00}-\x{D7FF}]+)";

struct Family {
    const char* names[8];
    std::vector<std::string> regexes;
};

const std::vector<Family>& families()
{
    static const std::vector<Family> table = {
        {{"default"},
         {R"([\p{P}\$\+<=>\^~\|]+)", kGpt2, R"(\p{N}+)", "[0-9][0-9][0-9]"}},
        {{"llama3", "llama-v3", "llama-bpe", "falcon3", "pixtral", "dbrx", "smaug-bpe"}, {kLlama3}},
        {{"qwen2", "deepseek-r1-qwen", "stablelm2", "megrez", "hunyuan"}, {kQwen2}},
        {{"deepseek-llm"},
         {"[\\r\\n]", kDeepseekLetters, kDeepseekPunct, R"(\s+$)", kCjk, R"(\p{N}+)"}},
        {{"deepseek-coder"}, {"[\\r\\n]", R"(\s?\p{L}+)", R"(\s?\p{P}+)", kCjk, R"(\p{N})"}},
        {{"falcon"}, {R"([\p{P}\$\+<=>\^~\|`]+)", kGpt2, "[0-9][0-9][0-9]"}},
        {{"starcoder", "refact", "command-r", "smollm", "codeshell", "exaone", "minerva-7b"},
         {R"(\p{N})", kGpt2}},
        {{"gpt-2", "phi-2", "mpt", "olmo", "jais", "roberta-bpe", "jina-v1-en", "gpt3-finnish"}, {kGpt2}},
        {{"poro-chat", "bloom"}, {R"( ?[^(\s|.,!?…。，、।۔،)]+)"}},
        {{"chatglm-bpe", "glm4"}, {kLlama3}},
        {{"viking"}, {R"( ?[^(\s|.,!?…。，、।۔،)]+)", R"(\p{N})"}},
        {{"gpt-4o", "llama4"},
         {R"([^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?)"
          R"(|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?)"
          R"(|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+)"}},
    };
    return table;
}

} // namespace

struct PreTokenizer::Compiled {
    pcre2_code* code = nullptr;
    ~Compiled() { pcre2_code_free(code); }
};

Result<std::vector<std::string>> preTokenizerRegexes(const std::string& preName)
{
    for (const Family& f : families()) {
        for (const char* name : f.names) {
            if (name && preName == name)
                return f.regexes;
        }
    }
    return makeError(ErrorCode::Unsupported, "pre-tokenizer '" + preName +
                                                 "' (tokenizer.ggml.pre) is not supported; this model's "
                                                 "tokenizer cannot be reproduced exactly");
}

std::vector<std::string> knownPreTokenizers()
{
    std::vector<std::string> names;
    for (const Family& f : families()) {
        for (const char* name : f.names) {
            if (name)
                names.emplace_back(name);
        }
    }
    return names;
}

Result<std::unique_ptr<PreTokenizer>> PreTokenizer::create(const std::string& preName)
{
    auto regexes = preTokenizerRegexes(preName);
    if (!regexes)
        return regexes.error();
    return fromRegexes(*regexes);
}

Result<std::unique_ptr<PreTokenizer>> PreTokenizer::fromRegexes(const std::vector<std::string>& regexes)
{
    std::unique_ptr<PreTokenizer> p(new PreTokenizer());
    for (const std::string& pattern : regexes) {
        auto c = std::make_unique<Compiled>();
        int errorCode = 0;
        PCRE2_SIZE errorOffset = 0;
        // MATCH_INVALID_UTF: user text may hold broken UTF-8; such bytes then match nothing and
        // end up in the gaps between matches instead of making the match call fail.
        c->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF, &errorCode, &errorOffset, nullptr);
        if (!c->code) {
            PCRE2_UCHAR message[256];
            pcre2_get_error_message(errorCode, message, sizeof(message));
            return makeError(ErrorCode::Internal, "pre-tokenizer regex does not compile at offset " +
                                                      std::to_string(errorOffset) + ": " +
                                                      reinterpret_cast<const char*>(message));
        }
        // JIT is an optimisation: without it pcre2_match interprets the same pattern.
        pcre2_jit_compile(c->code, PCRE2_JIT_COMPLETE);
        p->m_regexes.push_back(std::move(c));
    }
    return p;
}

PreTokenizer::~PreTokenizer() = default;

std::vector<Piece> PreTokenizer::split(std::string_view text) const
{
    std::vector<Piece> pieces;
    if (text.empty())
        return pieces;
    pieces.push_back({0, text.size()});
    std::vector<Piece> next;
    for (const auto& regex : m_regexes) {
        pcre2_match_data* match = pcre2_match_data_create_from_pattern(regex->code, nullptr);
        next.clear();
        next.reserve(pieces.size() * 2);
        for (const Piece& piece : pieces) {
            // Each piece is its own subject, so anchors and lookaheads stop at its edges.
            const auto* subject = reinterpret_cast<PCRE2_SPTR>(text.data() + piece.offset);
            size_t start = 0;
            size_t gapStart = 0;
            while (start < piece.length) {
                int rc = pcre2_match(regex->code, subject, piece.length, start, 0, match, nullptr);
                if (rc == PCRE2_ERROR_JIT_STACKLIMIT)
                    rc = pcre2_match(regex->code, subject, piece.length, start, PCRE2_NO_JIT, match, nullptr);
                if (rc == PCRE2_ERROR_NOMATCH)
                    break;
                if (rc < 0) {
                    log::get("engine.tokenizer")->warn("pre-tokenizer regex failed ({}); keeping the rest of a "
                                                       "{}-byte piece whole", rc, piece.length);
                    break;
                }
                const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(match);
                size_t matchStart = ov[0];
                size_t matchEnd = ov[1];
                if (matchEnd == matchStart) { // an empty match: step over one character
                    start = matchEnd + 1;
                    while (start < piece.length && (static_cast<uint8_t>(text[piece.offset + start]) & 0xC0) == 0x80)
                        ++start;
                    continue;
                }
                if (matchStart > gapStart)
                    next.push_back({piece.offset + gapStart, matchStart - gapStart});
                next.push_back({piece.offset + matchStart, matchEnd - matchStart});
                gapStart = start = matchEnd;
            }
            if (gapStart < piece.length)
                next.push_back({piece.offset + gapStart, piece.length - gapStart});
        }
        pcre2_match_data_free(match);
        pieces.swap(next);
    }
    return pieces;
}

} // namespace agora::tokenizer
