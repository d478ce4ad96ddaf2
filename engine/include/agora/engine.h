// The one public header of the Agora engine: everything the app (through its bridge) and
// agora-cli may use. Qt-free, exception-free across threads: every fallible call returns a
// Result<T> that holds either a value or an Error a user can read.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace agora {

// ---------------------------------------------------------------------------------------------
// Errors as values
// ---------------------------------------------------------------------------------------------

enum class ErrorCode {
    Io,                // file missing, unreadable, disk full
    BadFormat,         // corrupt or truncated file, malformed input
    Unsupported,       // valid input we cannot handle yet (quant type, architecture, template)
    OutOfDeviceMemory, // the GPU has no room; the engine stays usable
    DeviceLost,        // the driver gave up; reload needed
    NoDevice,          // no usable Vulkan device on this machine
    Cancelled,         // the caller asked us to stop
    InvalidArgument,   // a caller mistake (bad index, bad flag value)
    Internal,          // a bug in Agora; message says where
};

const char* errorCodeName(ErrorCode code);

struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message; // says what happened and, where possible, what the user can do
};

// A minimal expected<T, Error>: Debian 12's g++/clang do not both ship std::expected.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(m_v); }
    const T& value() const& { return std::get<0>(m_v); }
    T&& value() && { return std::get<0>(std::move(m_v)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

inline Error makeError(ErrorCode code, std::string message) { return Error{code, std::move(message)}; }

// ---------------------------------------------------------------------------------------------
// Logging
// ---------------------------------------------------------------------------------------------

struct LogOptions {
    std::string filePath;       // empty: console (stderr) only
    std::string level = "info"; // trace, debug, info, warn, error, off; AGORA_LOG overrides
    std::size_t maxFileBytes = 5 * 1024 * 1024;
    std::size_t maxFiles = 3;
};

// Sets up the named loggers (engine.gguf, engine.vk, engine.sched, ...). Safe to call again.
void configureLogging(const LogOptions& options);

// ---------------------------------------------------------------------------------------------
// Devices
// ---------------------------------------------------------------------------------------------

enum class DeviceType { Discrete, Integrated, Virtual, Cpu, Other };
const char* deviceTypeName(DeviceType type);

struct DeviceInfo {
    uint32_t index = 0; // position in the Vulkan enumeration
    std::string name;
    std::string vendor; // "NVIDIA", "AMD", "Intel", "Mesa (lavapipe)", ...
    uint32_t vendorId = 0;
    uint32_t deviceId = 0;
    DeviceType type = DeviceType::Other;
    std::string driverName;
    std::string driverInfo;
    std::string apiVersion; // "1.3.230"
    uint64_t deviceLocalBytes = 0;
    uint32_t subgroupSize = 0;
    uint64_t maxStorageBufferRange = 0;
    uint64_t maxMemoryAllocationSize = 0;
    uint32_t sharedMemoryBytes = 0; // maxComputeSharedMemorySize
    uint32_t maxWorkgroupInvocations = 0;
    bool fp16 = false;          // shaderFloat16
    bool int8 = false;          // shaderInt8
    bool storage16bit = false;  // storageBuffer16BitAccess
    bool storage8bit = false;   // storageBuffer8BitAccess
    bool integerDotProduct = false;
    bool cooperativeMatrix = false;
    bool timestampQueries = false;
    bool usable = false;
    std::string unusableReason; // why Agora cannot run on it (empty when usable)
};

// Enumerates every Vulkan physical device. An error (NoDevice) when no loader or ICD exists.
Result<std::vector<DeviceInfo>> listDevices();

// The default choice: discrete > integrated > virtual > CPU among usable devices.
std::optional<uint32_t> defaultDeviceIndex(const std::vector<DeviceInfo>& devices);

// Resolves a user's choice: empty = default, a number = index, otherwise a case-insensitive
// substring of the device name.
Result<uint32_t> selectDevice(const std::vector<DeviceInfo>& devices, const std::string& choice);

} // namespace agora
