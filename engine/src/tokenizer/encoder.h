// The common shape of the three tokenization algorithms: each turns one run of plain text (the
// pieces between special tokens) into token ids. Implementations are immutable after creation
// and may be used from several threads at once.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace agora::tokenizer {

class Encoder {
public:
    virtual ~Encoder() = default;
    // Appends the ids of `text` to `out`. Never fails: text the vocabulary cannot express becomes
    // byte tokens or the unknown token, as the model's own tokenizer would produce.
    virtual void encode(std::string_view text, std::vector<int32_t>& out) const = 0;
};

} // namespace agora::tokenizer
