// Named spdlog loggers per subsystem ("engine.gguf", "engine.vk", ...). Loggers share the sinks
// set up by agora::configureLogging(); before that call they write to stderr at "info".
#pragma once

#include <memory>
#include <string>

#include <spdlog/spdlog.h>

namespace agora::log {

// Returns the logger of a subsystem, creating it with the current sinks on first use.
std::shared_ptr<spdlog::logger> get(const std::string& name);

} // namespace agora::log
