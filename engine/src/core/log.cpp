#include "core/log.h"

#include "agora/engine.h"

#include <cstdlib>
#include <mutex>
#include <vector>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>

namespace agora::log {
namespace {

// The sinks every subsystem logger writes to. Guarded because loggers are created lazily from
// the engine thread and the GUI thread alike.
struct SinkSet {
    std::mutex mutex;
    std::vector<spdlog::sink_ptr> sinks;
    spdlog::level::level_enum level = spdlog::level::info;
};

SinkSet& sinkSet()
{
    static SinkSet set; // process-wide by nature: spdlog's own registry is process-wide too
    return set;
}

spdlog::level::level_enum levelFromEnvOr(const std::string& fallback)
{
    const char* env = std::getenv("AGORA_LOG");
    return spdlog::level::from_str(env && *env ? std::string(env) : fallback);
}

} // namespace

std::shared_ptr<spdlog::logger> get(const std::string& name)
{
    if (auto existing = spdlog::get(name))
        return existing;
    SinkSet& set = sinkSet();
    std::lock_guard lock(set.mutex);
    if (auto existing = spdlog::get(name))
        return existing;
    if (set.sinks.empty()) {
        set.sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
        set.level = levelFromEnvOr("warn");
    }
    auto logger = std::make_shared<spdlog::logger>(name, set.sinks.begin(), set.sinks.end());
    logger->set_level(set.level);
    spdlog::register_logger(logger);
    return logger;
}

} // namespace agora::log

namespace agora {

void configureLogging(const LogOptions& options)
{
    auto& set = log::sinkSet();
    std::lock_guard lock(set.mutex);
    set.sinks.clear();
    auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    console->set_level(spdlog::level::warn);
    set.sinks.push_back(console);
    if (!options.filePath.empty()) {
        try {
            set.sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                options.filePath, options.maxFileBytes, options.maxFiles));
        } catch (const spdlog::spdlog_ex& e) {
            // A read-only or full disk must not stop the app: keep logging to the console.
            console->log(spdlog::details::log_msg("log", spdlog::level::warn,
                                                  std::string("cannot open log file: ") + e.what()));
        }
    }
    set.level = log::levelFromEnvOr(options.level);
    // Re-point loggers created before this call at the new sinks.
    spdlog::apply_all([&](const std::shared_ptr<spdlog::logger>& logger) {
        logger->sinks() = set.sinks;
        logger->set_level(set.level);
    });
}

const char* errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Io: return "io";
    case ErrorCode::BadFormat: return "bad-format";
    case ErrorCode::Unsupported: return "unsupported";
    case ErrorCode::OutOfDeviceMemory: return "out-of-device-memory";
    case ErrorCode::DeviceLost: return "device-lost";
    case ErrorCode::NoDevice: return "no-device";
    case ErrorCode::Cancelled: return "cancelled";
    case ErrorCode::InvalidArgument: return "invalid-argument";
    case ErrorCode::Internal: return "internal";
    }
    return "unknown";
}

} // namespace agora
