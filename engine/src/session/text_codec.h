// What a session needs from a tokenizer and a chat template, as two small interfaces: the real
// tokenizer and Jinja template engine plug in through adapters, tests through fakes.
#pragma once

#include "agora/engine.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace agora::session {

class Tokenizer {
public:
    virtual ~Tokenizer() = default;
    // parseSpecial: special-token text in `text` ("<|im_end|>") becomes that token's id, as a
    // rendered chat template needs. No BOS is added here (see LoadedModel::bosToken).
    virtual Result<std::vector<int32_t>> encode(std::string_view text, bool parseSpecial) const = 0;
    // The bytes a token stands for in the output; may be part of a multi-byte character.
    virtual std::string tokenBytes(int32_t id) const = 0;
    // EOS, EOT and end-of-turn tokens: the reply ends there and the token is not shown.
    virtual bool isEndOfGeneration(int32_t id) const = 0;
};

class PromptFormatter {
public:
    virtual ~PromptFormatter() = default;
    // The conversation as the text the model was trained on, ending with the assistant's header
    // (the generation prompt). An error names what in the template could not be rendered.
    virtual Result<std::string> render(const std::vector<ChatMessage>& messages) const = 0;
};

} // namespace agora::session
