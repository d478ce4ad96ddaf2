// Incremental detokenization for streaming generation: push one token at a time and get back only
// complete UTF-8. A character split across tokens (byte tokens, or BPE pieces that end inside a
// multi-byte sequence) is held back until its last byte arrives; bytes that can never form a
// character become U+FFFD, so every returned string is valid UTF-8.
#pragma once

#include "tokenizer/tokenizer.h"

#include <string>

namespace agora::tokenizer {

struct StreamOptions {
    bool renderSpecial = false; // show control tokens ("<|im_end|>") instead of hiding them
    // Drop one leading space from the first piece: set it when the stream starts a text whose
    // SentencePiece dummy prefix should not show (decoding without a prompt). Generation that
    // continues a prompt keeps its spaces.
    bool stripLeadingSpace = false;
};

class StreamDecoder {
public:
    explicit StreamDecoder(const Tokenizer& tokenizer, StreamOptions options = {});

    // The text that became complete with this token (possibly empty).
    std::string push(int32_t token);
    // Whatever is still held back, with an unfinished character replaced by U+FFFD. The decoder
    // is then empty and can continue with a new stream.
    std::string flush();

    // Bytes held back waiting for the rest of a character.
    size_t pendingBytes() const { return m_pending.size(); }

private:
    // Moves the complete prefix of m_pending to the result, sanitising invalid bytes.
    std::string takeComplete(bool final);

    const Tokenizer& m_tokenizer;
    StreamOptions m_options;
    bool m_first = true;
    std::string m_pending;
};

} // namespace agora::tokenizer
