// Zero-initialized Vulkan info structs with their sType set: `Type x{SType}` would trip
// -Wmissing-field-initializers, and forgetting the sType is a classic silent bug.
#pragma once

#include <vulkan/vulkan.h>

namespace agora::vk {

template <typename T>
T vkStruct(VkStructureType type)
{
    T value{};
    value.sType = type;
    return value;
}

} // namespace agora::vk
