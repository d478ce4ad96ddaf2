// SentencePiece-style encoding (tokenizer.ggml.model "llama"): start from single characters and
// repeatedly merge the adjacent pair whose concatenation is the highest-scoring vocabulary token;
// characters that end up in no token fall back to byte tokens <0xXX>.
#pragma once

#include "tokenizer/encoder.h"
#include "tokenizer/vocab.h"

namespace agora::tokenizer {

class SpmEncoder final : public Encoder {
public:
    explicit SpmEncoder(const Vocab& vocab) : m_vocab(vocab) {}
    // `text` must already have its spaces replaced by U+2581 (the caller adds the dummy prefix).
    void encode(std::string_view text, std::vector<int32_t>& out) const override;

private:
    const Vocab& m_vocab;
};

// SentencePiece's visible space.
inline constexpr std::string_view kSpmSpace = "\xE2\x96\x81";

} // namespace agora::tokenizer
