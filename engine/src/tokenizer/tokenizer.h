// Text <-> token ids for a loaded model, exactly as the model was trained: SentencePiece, byte-level
// BPE or WordPiece chosen from tokenizer.ggml.model, special tokens matched in text only on
// request, and decoding that restores spaces and bytes. Immutable after creation: one Tokenizer
// may serve several threads; streaming decode state lives in StreamDecoder.
#pragma once

#include "agora/engine.h"
#include "tokenizer/encoder.h"
#include "tokenizer/vocab.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace agora::gguf {
class GgufFile;
}

namespace agora::tokenizer {

struct DecodeOptions {
    bool renderSpecial = false; // control/unknown tokens as their text ("<|im_end|>") or as nothing
    bool removeSpecial = false; // drop a leading BOS / trailing EOS the vocabulary adds itself
    // Hugging Face's clean_up_tokenization_spaces: " ." -> ".", " n't" -> "n't", ... Lossy, so
    // off unless a caller must reproduce that library's decode output.
    bool cleanUpSpaces = false;
};

class Tokenizer {
public:
    // Reads tokenizer.ggml.* (works on vocab-only files). Errors: BadFormat, Unsupported.
    static Result<std::unique_ptr<Tokenizer>> fromGguf(const gguf::GgufFile& file);
    static Result<std::unique_ptr<Tokenizer>> fromVocab(Vocab vocab);
    ~Tokenizer();
    Tokenizer(const Tokenizer&) = delete;
    Tokenizer& operator=(const Tokenizer&) = delete;

    // addSpecial: add BOS/EOS (and BERT's SEP) as the vocabulary's flags ask.
    // parseSpecial: recognise control-token text such as "<|im_start|>" in `text`. Leave it off for
    // anything a user typed, so that they cannot forge turn markers. User-defined tokens are
    // always recognised: they are ordinary vocabulary that the model's tokenizer matches first.
    std::vector<int32_t> encode(std::string_view text, bool addSpecial, bool parseSpecial) const;

    // The bytes one token stands for: spaces restored, byte tokens as their byte, BPE bytes
    // decoded. May be a fragment of a UTF-8 character; StreamDecoder reassembles those.
    // Control/unknown tokens yield their text only with renderSpecial.
    std::string piece(int32_t id, bool renderSpecial) const;

    // Whole-sequence decoding. Drops the dummy space SentencePiece put in front of the text,
    // except after a leading BOS (matching llama.cpp's detokenizer). Invalid ids are skipped.
    std::string decode(std::span<const int32_t> ids, DecodeOptions options = {}) const;

    const std::string& tokenText(int32_t id) const { return m_vocab.text(id); } // raw vocabulary text
    const Vocab& vocab() const { return m_vocab; }
    int32_t vocabSize() const { return m_vocab.size(); }
    int32_t bos() const { return m_vocab.special().bos; }
    int32_t eos() const { return m_vocab.special().eos; }
    int32_t eot() const { return m_vocab.special().eot; }
    bool isEndOfGeneration(int32_t id) const { return m_vocab.isEndOfGeneration(id); }
    bool isControl(int32_t id) const;

private:
    struct Fragment {
        int32_t token = kNoToken; // a matched special token, or kNoToken for a run of text
        size_t offset = 0;
        size_t length = 0;
    };
    explicit Tokenizer(Vocab vocab);
    std::vector<Fragment> partition(std::string_view text, bool parseSpecial) const;
    // The piece of a token with at most `stripSpaces` leading spaces removed.
    void appendPiece(int32_t id, bool renderSpecial, bool stripLeadingSpace, std::string& out) const;

    Vocab m_vocab;
    std::unique_ptr<Encoder> m_encoder;
};

} // namespace agora::tokenizer
