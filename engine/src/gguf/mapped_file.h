// A read-only memory mapping of a whole file (POSIX mmap), released on destruction.
#pragma once

#include "agora/engine.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>

namespace agora::gguf {

class MappedFile {
public:
    // Io error when the file is missing, unreadable or not a regular file.
    static Result<std::unique_ptr<MappedFile>> open(const std::string& path);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    std::span<const uint8_t> bytes() const { return {m_data, m_size}; }

private:
    MappedFile(const uint8_t* data, uint64_t size) : m_data(data), m_size(size) {}
    const uint8_t* m_data = nullptr;
    uint64_t m_size = 0;
};

} // namespace agora::gguf
