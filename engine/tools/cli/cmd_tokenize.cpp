// agora-cli tokenize MODEL.gguf "text" [--ids] [--raw] [--file PATH]: the model's tokens for a text.
// Default: one line per token, "id -> 'piece'" with the bytes the token stands for (control
// characters and bytes of unfinished characters escaped). --ids: the ids on one line. --raw: no
// BOS/EOS and special-token text left as text, exactly the mode of the tokenizer test suite.
#include "cli.h"

#include "gguf/gguf.h"
#include "tokenizer/tokenizer.h"
#include "tokenizer/utf8.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

namespace agora::cli {
namespace {

// A piece shown on one line: printable UTF-8 as is, everything else escaped.
std::string escapePiece(const std::string& piece)
{
    std::string out;
    for (size_t i = 0; i < piece.size();) {
        auto d = tokenizer::utf8::decode(piece, i);
        const auto c = static_cast<unsigned char>(piece[i]);
        if (d.status == tokenizer::utf8::DecodeStatus::Ok && c >= 0x20 && c != 0x7F && c != '\\') {
            out.append(piece, i, d.length);
            i += d.length;
            continue;
        }
        if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\\') {
            out += "\\\\";
        } else {
            char buf[8];
            std::snprintf(buf, sizeof(buf), "\\x%02X", c);
            out += buf;
        }
        ++i;
    }
    return out;
}

} // namespace

int cmdTokenize(const std::vector<std::string>& argv)
{
    Args args(argv, {"ids", "raw"});
    if (auto bad = args.unknown({"ids", "raw", "file"}); !bad.empty())
        return usageError("tokenize: unknown option --" + bad.front());
    const auto& pos = args.positionals();
    const std::optional<std::string> file = args.value("file");
    if (pos.empty())
        return usageError("tokenize: expected MODEL.gguf and a text (or --file PATH)");
    if (file && pos.size() != 1)
        return usageError("tokenize: give the text either as an argument or with --file, not both");
    if (!file && pos.size() != 2)
        return usageError("tokenize: expected MODEL.gguf and exactly one text argument (quote it)");

    std::string text;
    if (file) {
        std::ifstream in(*file, std::ios::binary);
        if (!in)
            return failure("tokenize: cannot read " + *file);
        std::ostringstream s;
        s << in.rdbuf();
        text = s.str();
    } else {
        text = pos[1];
    }

    gguf::OpenOptions options;
    options.requireTensorData = false; // vocab-only files have no tensor data at all
    auto model = gguf::GgufFile::open(pos[0], options);
    if (!model)
        return failure(model.error().message);
    auto tok = tokenizer::Tokenizer::fromGguf(**model);
    if (!tok)
        return failure(tok.error().message);

    const bool raw = args.flag("raw");
    const std::vector<int32_t> ids = (*tok)->encode(text, !raw, !raw);
    if (args.flag("ids")) {
        std::string line;
        for (int32_t id : ids)
            line += (line.empty() ? "" : " ") + std::to_string(id);
        std::cout << line << "\n";
        return 0;
    }
    for (int32_t id : ids)
        std::cout << id << " -> '" << escapePiece((*tok)->piece(id, true)) << "'\n";
    return 0;
}

} // namespace agora::cli
