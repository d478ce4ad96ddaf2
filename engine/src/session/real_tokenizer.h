// session::Tokenizer over the tokenizer subsystem (SentencePiece / BPE / WordPiece from the GGUF).
#pragma once

#include "session/text_codec.h"
#include "tokenizer/tokenizer.h"

#include <memory>

namespace agora::session {

class RealTokenizer final : public Tokenizer {
public:
    explicit RealTokenizer(std::unique_ptr<tokenizer::Tokenizer> tokenizer) : m_tokenizer(std::move(tokenizer)) {}

    Result<std::vector<int32_t>> encode(std::string_view text, bool parseSpecial) const override
    {
        return m_tokenizer->encode(text, /*addSpecial=*/false, parseSpecial);
    }
    // The model's output row may be padded past the vocabulary (Qwen2: 151,936 rows for 151,646
    // tokens); such ids have no text and end nothing.
    std::string tokenBytes(int32_t id) const override
    {
        return inVocabulary(id) ? m_tokenizer->piece(id, /*renderSpecial=*/false) : std::string();
    }
    bool isEndOfGeneration(int32_t id) const override { return inVocabulary(id) && m_tokenizer->isEndOfGeneration(id); }

    const tokenizer::Tokenizer& tokenizer() const { return *m_tokenizer; }

private:
    bool inVocabulary(int32_t id) const { return id >= 0 && id < m_tokenizer->vocabSize(); }

    std::unique_ptr<tokenizer::Tokenizer> m_tokenizer;
};

} // namespace agora::session
