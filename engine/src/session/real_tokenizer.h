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
    std::string tokenBytes(int32_t id) const override { return m_tokenizer->piece(id, /*renderSpecial=*/false); }
    bool isEndOfGeneration(int32_t id) const override { return m_tokenizer->isEndOfGeneration(id); }

    const tokenizer::Tokenizer& tokenizer() const { return *m_tokenizer; }

private:
    std::unique_ptr<tokenizer::Tokenizer> m_tokenizer;
};

} // namespace agora::session
