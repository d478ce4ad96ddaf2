#include "gguf/mapped_file.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace agora::gguf {
namespace {

Error ioError(const std::string& path, const char* what, int err)
{
    return makeError(ErrorCode::Io, "cannot " + std::string(what) + " '" + path + "': " + std::strerror(err));
}

// Closes the descriptor on every path out of open(); the mapping stays valid without it.
struct FdGuard {
    int fd;
    ~FdGuard() { if (fd >= 0) ::close(fd); }
};

} // namespace

Result<std::unique_ptr<MappedFile>> MappedFile::open(const std::string& path)
{
    FdGuard guard{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
    if (guard.fd < 0)
        return ioError(path, "open", errno);
    struct stat st {};
    if (::fstat(guard.fd, &st) != 0)
        return ioError(path, "stat", errno);
    if (!S_ISREG(st.st_mode))
        return makeError(ErrorCode::Io, "'" + path + "' is not a regular file");
    auto size = static_cast<uint64_t>(st.st_size);
    if (size == 0) // mmap of zero bytes fails; an empty file is still a (bad) file
        return std::unique_ptr<MappedFile>(new MappedFile(nullptr, 0));
    void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, guard.fd, 0);
    if (p == MAP_FAILED)
        return ioError(path, "map", errno);
    return std::unique_ptr<MappedFile>(new MappedFile(static_cast<const uint8_t*>(p), size));
}

MappedFile::~MappedFile()
{
    if (m_data)
        ::munmap(const_cast<uint8_t*>(m_data), m_size);
}

} // namespace agora::gguf
