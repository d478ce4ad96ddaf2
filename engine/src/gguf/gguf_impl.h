// GgufFile's state, shared by the parser (gguf_parser.cpp) and the accessors (gguf_file.cpp).
#pragma once

#include "gguf/gguf.h"
#include "gguf/mapped_file.h"

#include <unordered_map>

namespace agora::gguf {

// Hard limits that keep a hostile file from driving allocations or recursion. Real models stay
// far below them: the largest vocabularies have ~260k tokens and ~300k merges.
inline constexpr uint32_t kMaxArrayDepth = 8;
inline constexpr uint64_t kMaxMetadataItems = uint64_t{1} << 24; // array items, all arrays together
inline constexpr uint64_t kMaxAlignment = uint64_t{1} << 30;
inline constexpr uint64_t kDefaultAlignment = 32;
inline constexpr uint32_t kMaxDims = 4;

struct GgufFile::Impl {
    std::unique_ptr<MappedFile> mapping; // null for fromMemory()
    std::span<const uint8_t> bytes;
    uint32_t version = 0;
    uint64_t alignment = kDefaultAlignment;
    uint64_t dataOffset = 0;
    std::vector<KeyValue> metadata;
    std::unordered_map<std::string_view, size_t> keyIndex;
    std::vector<TensorInfo> tensors;
    std::unordered_map<std::string_view, size_t> tensorIndex;
};

// Parses and validates impl.bytes into the rest of impl.
Result<void> parseGguf(GgufFile::Impl& impl, const OpenOptions& options);

} // namespace agora::gguf
