// WordPiece encoding (tokenizer.ggml.model "bert"): BERT's normaliser (drop controls, split CJK
// ideographs, strip accents through NFD, lower-case), split into words at white space and
// punctuation, then greedy longest-match per word. GGUF spells word starts with a leading U+2581
// instead of marking continuations with "##". A word that cannot be spelled becomes [UNK].
#pragma once

#include "tokenizer/encoder.h"
#include "tokenizer/vocab.h"

#include <string>

namespace agora::tokenizer {

class WpmEncoder final : public Encoder {
public:
    explicit WpmEncoder(const Vocab& vocab) : m_vocab(vocab) {}
    void encode(std::string_view text, std::vector<int32_t>& out) const override;

    // The normalised words of a text (exposed for tests).
    static std::vector<std::string> words(std::string_view text);

private:
    const Vocab& m_vocab;
};

} // namespace agora::tokenizer
