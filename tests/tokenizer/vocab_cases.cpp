#include "vocab_cases.h"

#include "gguf/gguf.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace agora::tokenizer::testing {

std::filesystem::path sharedDir() { return AGORA_SHARED_DIR; }

std::string readBytes(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> splitInputs(const std::string& inp)
{
    static const std::string kSeparator = "\n__ggml_vocab_test__\n";
    std::vector<std::string> cases;
    size_t start = 0;
    for (size_t pos = inp.find(kSeparator); pos != std::string::npos; pos = inp.find(kSeparator, start)) {
        cases.push_back(inp.substr(start, pos - start));
        start = pos + kSeparator.size();
    }
    if (start < inp.size()) // no trailing separator: the rest is the last case
        cases.push_back(inp.substr(start));
    return cases;
}

std::vector<std::vector<int32_t>> parseExpected(const std::string& out)
{
    std::vector<std::vector<int32_t>> lines;
    std::istringstream in(out);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::vector<int32_t> ids;
        long long id = 0;
        while (words >> id)
            ids.push_back(static_cast<int32_t>(id));
        lines.push_back(std::move(ids));
    }
    return lines;
}

std::vector<VocabCase> loadCases(const std::filesystem::path& inp, const std::filesystem::path& out, std::string* error)
{
    std::vector<std::string> inputs = splitInputs(readBytes(inp));
    std::vector<std::vector<int32_t>> expected = parseExpected(readBytes(out));
    if (inputs.size() != expected.size() || inputs.empty()) {
        *error = inp.filename().string() + " has " + std::to_string(inputs.size()) + " cases but " +
                 out.filename().string() + " has " + std::to_string(expected.size()) + " lines";
        return {};
    }
    std::vector<VocabCase> cases(inputs.size());
    for (size_t i = 0; i < inputs.size(); ++i)
        cases[i] = {std::move(inputs[i]), std::move(expected[i])};
    return cases;
}

std::unique_ptr<Tokenizer> loadTokenizer(const std::filesystem::path& path, std::string* error)
{
    gguf::OpenOptions options;
    options.requireTensorData = false;
    auto file = gguf::GgufFile::open(path.string(), options);
    if (!file) {
        *error = file.error().message;
        return nullptr;
    }
    auto tokenizer = Tokenizer::fromGguf(**file);
    if (!tokenizer) {
        *error = tokenizer.error().message;
        return nullptr;
    }
    return std::move(*tokenizer);
}

std::string idsToString(const std::vector<int32_t>& ids)
{
    std::string s;
    for (int32_t id : ids)
        s += (s.empty() ? "" : " ") + std::to_string(id);
    return s;
}

std::string printable(const std::string& text)
{
    std::string s;
    for (unsigned char c : text) {
        if (c == '\n') {
            s += "\\n";
        } else if (c == '\t') {
            s += "\\t";
        } else if (c < 0x20 || c == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof(buf), "\\x%02X", c);
            s += buf;
        } else {
            s += static_cast<char>(c);
        }
    }
    return s;
}

} // namespace agora::tokenizer::testing
