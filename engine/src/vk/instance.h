// The Vulkan instance: created once per Context (and briefly for device listing), with the
// Khronos validation layer only when AGORA_VK_VALIDATE=1 is set.
#pragma once

#include "agora/engine.h"

#include <memory>
#include <vector>

#include <vulkan/vulkan.h>

namespace agora::vk {

class Instance {
public:
    // NoDevice when no loader/ICD answers or no physical device exists.
    static Result<std::shared_ptr<Instance>> create();
    ~Instance();
    Instance(const Instance&) = delete;
    Instance& operator=(const Instance&) = delete;

    VkInstance handle() const { return m_instance; }
    uint32_t apiVersion() const { return m_apiVersion; }
    const std::vector<VkPhysicalDevice>& physicalDevices() const { return m_physicalDevices; }

private:
    Instance() = default;

    VkInstance m_instance = VK_NULL_HANDLE;
    VkDebugUtilsMessengerEXT m_messenger = VK_NULL_HANDLE;
    uint32_t m_apiVersion = VK_API_VERSION_1_0;
    std::vector<VkPhysicalDevice> m_physicalDevices;
};

} // namespace agora::vk
