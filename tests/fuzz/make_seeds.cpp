// Writes the fuzz seed corpus: the valid base file and every named broken case of
// tests/support/gguf_broken (the fixture files are added by run.sh).
#include "gguf_broken.h"

#include <cstdio>
#include <string>

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_seeds OUT_DIR\n");
        return 2;
    }
    const std::string dir = argv[1];
    auto write = [&](const std::string& name, const std::vector<uint8_t>& bytes) {
        std::FILE* f = std::fopen((dir + "/" + name + ".gguf").c_str(), "wb");
        if (!f || std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size()) {
            std::fprintf(stderr, "make_seeds: cannot write %s\n", name.c_str());
            return false;
        }
        return std::fclose(f) == 0;
    };
    if (!write("valid-base", agora::testsupport::validGgufBytes()))
        return 1;
    for (const std::string& name : agora::testsupport::brokenGgufCaseNames())
        if (!write("broken-" + name, *agora::testsupport::brokenGguf(name)))
            return 1;
    return 0;
}
