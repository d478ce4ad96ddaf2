// Reading the tokenizer test-suite files of ../shared: ".inp" strings separated by
// "\n__ggml_vocab_test__\n" and ".out" lines of expected ids (PROVENANCE.md, "Formats").
#pragma once

#include "tokenizer/tokenizer.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace agora::tokenizer::testing {

struct VocabCase {
    std::string text;
    std::vector<int32_t> expected;
};

std::filesystem::path sharedDir();
std::string readBytes(const std::filesystem::path& path);
std::vector<std::string> splitInputs(const std::string& inp);
std::vector<std::vector<int32_t>> parseExpected(const std::string& out);

// Pairs inputs and expected ids; an error message (and no cases) when the counts disagree.
std::vector<VocabCase> loadCases(const std::filesystem::path& inp, const std::filesystem::path& out, std::string* error);

// Opens a GGUF (vocab-only files welcome) and builds its tokenizer; nullptr with a message.
std::unique_ptr<Tokenizer> loadTokenizer(const std::filesystem::path& gguf, std::string* error);

std::string idsToString(const std::vector<int32_t>& ids);
// The text with control characters and non-ASCII escaped, for failure messages.
std::string printable(const std::string& text);

} // namespace agora::tokenizer::testing
