// The vocabulary of a model as stored in a GGUF file (tokenizer.ggml.*): token texts, scores and
// types, BPE merges, special token ids and the flags that steer encoding. Loaded once, validated
// (array lengths, id ranges, merge syntax) and then read-only, so one Vocab serves every thread.
#pragma once

#include "agora/engine.h"
#include "tokenizer/flat_index.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace agora::gguf {
class GgufFile;
}

namespace agora::tokenizer {

// Values of tokenizer.ggml.token_type (the GGUF convention).
enum class TokenType : uint8_t {
    Undefined = 0,
    Normal = 1,
    Unknown = 2,
    Control = 3,
    UserDefined = 4,
    Unused = 5,
    Byte = 6,
};
const char* tokenTypeName(TokenType type);

// tokenizer.ggml.model: which algorithm splits text into tokens.
enum class VocabKind {
    Spm, // "llama": SentencePiece-style score merges with byte fallback (llama 2, mistral, gemma, phi-3)
    Bpe, // "gpt2": byte-level BPE with merge ranks and a pre-tokenizer regex (llama 3, qwen, deepseek, ...)
    Wpm, // "bert": WordPiece, greedy longest match per word
};
const char* vocabKindName(VocabKind kind);

constexpr int32_t kNoToken = -1;

struct TokenData {
    std::string text;
    float score = 0.0f;
    TokenType type = TokenType::Normal;
    // Special tokens that swallow whitespace next to them when they are found in text
    // (Phi-3's chat tokens eat the spaces that follow them, as its Hugging Face tokenizer does).
    bool stripLeft = false;
    bool stripRight = false;
};

struct SpecialIds {
    int32_t bos = kNoToken;
    int32_t eos = kNoToken;
    int32_t eot = kNoToken; // end of turn (chat models), found by name when the file has no key
    int32_t eom = kNoToken; // end of message (Llama 3.1 tool calls)
    int32_t unk = kNoToken;
    int32_t pad = kNoToken;
    int32_t sep = kNoToken;
    int32_t cls = kNoToken;
    int32_t mask = kNoToken;
};

class Vocab {
public:
    // Reads and validates tokenizer.ggml.* of a file. Errors: BadFormat (missing or inconsistent
    // arrays, ids out of range, malformed merges) and Unsupported (an unknown tokenizer model).
    static Result<Vocab> fromGguf(const gguf::GgufFile& file);

    VocabKind kind() const { return m_kind; }
    const std::string& modelName() const { return m_modelName; } // tokenizer.ggml.model
    const std::string& preName() const { return m_preName; }     // tokenizer.ggml.pre ("default" when absent)

    int32_t size() const { return static_cast<int32_t>(m_tokens.size()); }
    bool contains(int32_t id) const { return id >= 0 && id < size(); }
    const TokenData& token(int32_t id) const { return m_tokens[static_cast<size_t>(id)]; }
    const std::string& text(int32_t id) const { return token(id).text; }
    float score(int32_t id) const { return token(id).score; }
    TokenType type(int32_t id) const { return token(id).type; }
    // Token id of an exact text, kNoToken when absent.
    int32_t find(std::string_view text) const;

    // BPE merges in rank order (rank = index): the left and right piece of each.
    const std::vector<std::pair<std::string, std::string>>& merges() const { return m_merges; }

    const SpecialIds& special() const { return m_special; }
    bool addBos() const { return m_addBos; }
    bool addEos() const { return m_addEos; }
    bool addSep() const { return m_addSep; }
    bool addSpacePrefix() const { return m_addSpacePrefix; }
    // Llama 3 style: a pre-tokenized word that is itself a token is taken whole, skipping merges.
    bool ignoreMerges() const { return m_ignoreMerges; }

    // End-of-generation tokens: eos, eot, eom and the chat-end tokens found by name.
    const std::vector<int32_t>& endOfGeneration() const { return m_endOfGeneration; }
    bool isEndOfGeneration(int32_t id) const;

    // Control, user-defined and unknown tokens, longest text first: the ones that are matched in
    // raw text before the tokenizer proper runs (user-defined always, the others on request).
    const std::vector<int32_t>& textMatchedTokens() const { return m_textMatchedTokens; }

    // The byte value of an SPM byte token "<0xAB>", -1 for other tokens.
    int byteValue(int32_t id) const;
    // The token of a raw byte: "<0xAB>" for SPM, the byte as text otherwise; kNoToken if absent.
    int32_t byteToken(uint8_t byte) const;

    // Longest token text in bytes (WordPiece bounds its search with it).
    size_t maxTokenLength() const { return m_maxTokenLength; }

    Vocab() = default;
    Vocab(Vocab&&) = default;
    Vocab& operator=(Vocab&&) = default;
    Vocab(const Vocab&) = delete;
    Vocab& operator=(const Vocab&) = delete;

private:
    Result<void> finish(); // indexes, special-token tables, validation shared by every source

    VocabKind m_kind = VocabKind::Spm;
    std::string m_modelName;
    std::string m_preName = "default";
    std::vector<TokenData> m_tokens;
    TextIndex m_idOfText; // text -> id over m_tokens
    std::vector<std::pair<std::string, std::string>> m_merges;
    SpecialIds m_special;
    bool m_addBos = false;
    bool m_addEos = false;
    bool m_addSep = false;
    bool m_addSpacePrefix = false;
    bool m_ignoreMerges = false;
    std::vector<int32_t> m_endOfGeneration;
    std::vector<int32_t> m_textMatchedTokens;
    size_t m_maxTokenLength = 0;
    std::string m_generalName; // lower-cased general.name: a few per-model quirks key on it
};

} // namespace agora::tokenizer
