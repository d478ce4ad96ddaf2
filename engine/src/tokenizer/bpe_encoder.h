// Byte-level BPE encoding (tokenizer.ggml.model "gpt2"): the pre-tokenizer cuts text into words,
// each word's bytes are mapped to GPT-2's printable characters, and adjacent symbols are merged
// in merge-rank order until no ranked pair remains.
#pragma once

#include "tokenizer/encoder.h"
#include "tokenizer/flat_index.h"
#include "tokenizer/pretokenizer.h"
#include "tokenizer/vocab.h"

#include <array>
#include <memory>
#include <string>

namespace agora::tokenizer {

class BpeEncoder final : public Encoder {
public:
    // Builds the merge table once (interning both sides of every merge). Errors: Unsupported for
    // an unknown pre-tokenizer.
    static Result<std::unique_ptr<BpeEncoder>> create(const Vocab& vocab);
    void encode(std::string_view text, std::vector<int32_t>& out) const override;

private:
    explicit BpeEncoder(const Vocab& vocab) : m_vocab(vocab) {}

    // Symbols are token ids where the text is a token, and ids past the vocabulary for merge
    // pieces that are not tokens themselves; kNoToken for text no merge can involve.
    int32_t symbolOf(std::string_view text) const;
    void encodeWord(std::string_view encodedWord, std::vector<int32_t>& out) const;

    static uint64_t pairKey(int32_t left, int32_t right)
    {
        return (static_cast<uint64_t>(static_cast<uint32_t>(left)) << 32) | static_cast<uint32_t>(right);
    }

    const Vocab& m_vocab;
    std::unique_ptr<PreTokenizer> m_preTokenizer;
    std::vector<std::string> m_extraTexts; // merge pieces that are not tokens, symbol = size + index
    TextIndex m_extraIndex;
    PairIndex m_merges; // (left symbol, right symbol) -> (rank, symbol of the merged text)
    std::array<std::string, 256> m_byteText; // GPT-2 printable form of each byte
    std::array<int32_t, 256> m_byteSymbol{};
};

} // namespace agora::tokenizer
