#include "gguf/byte_size.h"

#include <cstdio>

namespace agora::gguf {

std::string formatByteSize(uint64_t bytes)
{
    static const char* const kUnits[] = {"bytes", "KB", "MB", "GB", "TB", "PB", "EB"};
    if (bytes < 1000)
        return std::to_string(bytes) + " bytes";
    double v = static_cast<double>(bytes);
    int unit = 0;
    while (v >= 1000.0 && unit < 6) {
        v /= 1000.0;
        ++unit;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, v < 10.0 ? "%.2f %s" : v < 100.0 ? "%.1f %s" : "%.0f %s", v, kUnits[unit]);
    return buf;
}

} // namespace agora::gguf
