// The pre-tokenizer of byte-level BPE vocabularies: a family-specific list of regexes that cut
// text into words before merges run. Each regex is applied to every piece produced by the one
// before it, and both its matches and the text between them become pieces (Hugging Face's
// "isolated" split), so a list behaves like the tokenizer.json Sequence it was taken from.
// Regexes run with PCRE2 in UTF + Unicode-property mode, compiled (and JIT-compiled) once.
#pragma once

#include "agora/engine.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace agora::tokenizer {

// The regexes of a tokenizer.ggml.pre family; an Unsupported error names an unknown one.
Result<std::vector<std::string>> preTokenizerRegexes(const std::string& preName);
// Every tokenizer.ggml.pre value we reproduce.
std::vector<std::string> knownPreTokenizers();

struct Piece {
    size_t offset = 0; // bytes into the text given to split()
    size_t length = 0;
};

class PreTokenizer {
public:
    static Result<std::unique_ptr<PreTokenizer>> create(const std::string& preName);
    static Result<std::unique_ptr<PreTokenizer>> fromRegexes(const std::vector<std::string>& regexes);
    ~PreTokenizer();
    PreTokenizer(const PreTokenizer&) = delete;
    PreTokenizer& operator=(const PreTokenizer&) = delete;

    // Splits text into consecutive pieces covering it exactly. Safe to call from several threads.
    std::vector<Piece> split(std::string_view text) const;

private:
    struct Compiled;
    PreTokenizer() = default;
    std::vector<std::unique_ptr<Compiled>> m_regexes;
};

} // namespace agora::tokenizer
