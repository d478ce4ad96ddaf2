// Human-readable byte sizes for messages ("1.2 GB", "512 KB"): decimal units, as download
// pages and file managers show them.
#pragma once

#include <cstdint>
#include <string>

namespace agora::gguf {

std::string formatByteSize(uint64_t bytes);

} // namespace agora::gguf
