// What a physical device can do: the public DeviceInfo plus the limits a Context needs to
// dispatch correctly (queue family, alignments, workgroup counts, timestamp period).
#pragma once

#include "agora/engine.h"

#include <string>
#include <vector>

#include <vulkan/vulkan.h>

namespace agora::vk {

struct DeviceCapabilities {
    DeviceInfo info;
    VkPhysicalDevice physicalDevice = VK_NULL_HANDLE;
    uint32_t apiVersion = 0;          // VK_MAKE_API_VERSION form
    int32_t computeQueueFamily = -1;  // -1: none
    VkPhysicalDeviceLimits limits{};
    bool subgroupArithmetic = false;  // basic + arithmetic subgroup ops in compute shaders
    bool shaderInt16 = false;
    bool subgroupSizeControl = false; // can pin a pipeline's subgroup size (Vulkan 1.3)
    uint32_t timestampValidBits = 0;  // of the compute queue family
    std::vector<std::string> extensions;

    bool hasExtension(const char* name) const;
};

// Fills every field from the driver. `index` is the device's position in the enumeration.
DeviceCapabilities queryDevice(VkPhysicalDevice device, uint32_t index);

// "1.3.230" from a VK_MAKE_API_VERSION value.
std::string apiVersionString(uint32_t version);

// The vendor's name from the PCI vendor id (and the driver, for Mesa's software drivers).
std::string vendorName(uint32_t vendorId, VkDriverId driverId);

} // namespace agora::vk
