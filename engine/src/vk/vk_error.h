// Turning Vulkan results into agora::Error values, and the one way we stop on a programmer error
// (a dispatch that does not match its shader's declared interface): a message with file:line.
#pragma once

#include "agora/engine.h"

#include <source_location>
#include <string>
#include <string_view>

#include <vulkan/vulkan.h>

namespace agora::vk {

const char* resultName(VkResult result);

// OutOfDeviceMemory for the memory results, DeviceLost for a lost device, Internal otherwise.
Error vulkanError(VkResult result, std::string_view whatFailed);

// Prints "file:line: message" through the log and to stderr, then aborts. Only for bugs in
// Agora's own code, never for bad input or driver failures (those are Error values).
[[noreturn]] void contractViolation(const std::string& message,
                                    std::source_location where = std::source_location::current());

} // namespace agora::vk

#define AGORA_VK_REQUIRE(condition, message)                                                       \
    do {                                                                                           \
        if (!(condition))                                                                          \
            ::agora::vk::contractViolation(std::string("requirement failed: ") + #condition + ": " \
                                           + (message));                                           \
    } while (0)
