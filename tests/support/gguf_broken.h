// Malformed GGUF files, one named case each, built field by field in memory: the inputs of the
// reader's error tests and part of the fuzz seed corpus. Qt-free (the fuzz build has no Qt).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agora::testsupport {

// A small valid GGUF v3 file (4 metadata keys, tensors "a" F32 [8,2] and "b" Q8_0 [32,2]) that
// every broken case starts from.
std::vector<uint8_t> validGgufBytes();

// The names of every broken case, e.g. "bad_magic", "truncated_tensor_data", "array_count_2_60".
std::vector<std::string> brokenGgufCaseNames();

// The bytes of one case; nullopt for an unknown name.
std::optional<std::vector<uint8_t>> brokenGguf(std::string_view name);

} // namespace agora::testsupport
