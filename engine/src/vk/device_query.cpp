#include "vk/device_query.h"
#include "vk/vk_struct.h"

#include <cstdio>
#include <cstring>

namespace agora::vk {
namespace {

DeviceType toDeviceType(VkPhysicalDeviceType type)
{
    switch (type) {
    case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: return DeviceType::Discrete;
    case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: return DeviceType::Integrated;
    case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU: return DeviceType::Virtual;
    case VK_PHYSICAL_DEVICE_TYPE_CPU: return DeviceType::Cpu;
    default: return DeviceType::Other;
    }
}

std::vector<std::string> deviceExtensions(VkPhysicalDevice device)
{
    uint32_t count = 0;
    std::vector<std::string> names;
    if (vkEnumerateDeviceExtensionProperties(device, nullptr, &count, nullptr) != VK_SUCCESS)
        return names;
    std::vector<VkExtensionProperties> props(count);
    if (vkEnumerateDeviceExtensionProperties(device, nullptr, &count, props.data()) != VK_SUCCESS)
        return names;
    for (uint32_t i = 0; i < count; ++i)
        names.emplace_back(props[i].extensionName);
    return names;
}

void findComputeQueue(VkPhysicalDevice device, DeviceCapabilities& caps)
{
    uint32_t count = 0;
    vkGetPhysicalDeviceQueueFamilyProperties(device, &count, nullptr);
    std::vector<VkQueueFamilyProperties> families(count);
    vkGetPhysicalDeviceQueueFamilyProperties(device, &count, families.data());
    // Prefer a compute-only family (async compute on discrete GPUs), else any compute family.
    for (int pass = 0; pass < 2 && caps.computeQueueFamily < 0; ++pass) {
        for (uint32_t i = 0; i < count; ++i) {
            bool compute = families[i].queueFlags & VK_QUEUE_COMPUTE_BIT;
            bool graphics = families[i].queueFlags & VK_QUEUE_GRAPHICS_BIT;
            if (compute && families[i].queueCount > 0 && (pass == 1 || !graphics)) {
                caps.computeQueueFamily = static_cast<int32_t>(i);
                caps.timestampValidBits = families[i].timestampValidBits;
                break;
            }
        }
    }
}

void appendReason(std::string& reasons, const std::string& reason)
{
    if (!reasons.empty())
        reasons += "; ";
    reasons += reason;
}

} // namespace

bool DeviceCapabilities::hasExtension(const char* name) const
{
    for (const std::string& e : extensions) {
        if (e == name)
            return true;
    }
    return false;
}

std::string apiVersionString(uint32_t version)
{
    return std::to_string(VK_API_VERSION_MAJOR(version)) + "." + std::to_string(VK_API_VERSION_MINOR(version)) + "."
           + std::to_string(VK_API_VERSION_PATCH(version));
}

std::string vendorName(uint32_t vendorId, VkDriverId driverId)
{
    switch (vendorId) {
    case 0x10DE: return "NVIDIA";
    case 0x1002: return "AMD";
    case 0x1022: return "AMD";
    case 0x8086: return "Intel";
    case 0x13B5: return "ARM";
    case 0x5143: return "Qualcomm";
    case 0x1010: return "Imagination";
    case 0x106B: return "Apple";
    case 0x14E4: return "Broadcom";
    case 0x1AE0: return "Google (SwiftShader)";
    case 0x10005: // VK_VENDOR_ID_MESA: Mesa's own software drivers
        if (driverId == VK_DRIVER_ID_MESA_LLVMPIPE)
            return "Mesa (lavapipe)";
        return "Mesa";
    default: {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "vendor 0x%04X", vendorId);
        return buffer;
    }
    }
}

DeviceCapabilities queryDevice(VkPhysicalDevice device, uint32_t index)
{
    DeviceCapabilities caps;
    caps.physicalDevice = device;
    caps.extensions = deviceExtensions(device);
    findComputeQueue(device, caps);

    VkPhysicalDeviceProperties basic{};
    vkGetPhysicalDeviceProperties(device, &basic);
    caps.apiVersion = basic.apiVersion;
    caps.limits = basic.limits;
    const bool vulkan12 = basic.apiVersion >= VK_API_VERSION_1_2;
    const bool vulkan13 = basic.apiVersion >= VK_API_VERSION_1_3;

    // Properties: the subgroup block is core 1.1; the driver block is core 1.2.
    auto subgroup = vkStruct<VkPhysicalDeviceSubgroupProperties>(VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SUBGROUP_PROPERTIES);
    auto driver = vkStruct<VkPhysicalDeviceDriverProperties>(VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_DRIVER_PROPERTIES);
    auto props2 = vkStruct<VkPhysicalDeviceProperties2>(VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PROPERTIES_2);
    props2.pNext = &subgroup;
    if (vulkan12)
        subgroup.pNext = &driver;
    vkGetPhysicalDeviceProperties2(device, &props2);

    // Features through the per-version blocks, chained only as far as the device's version goes.
    auto f11 = vkStruct<VkPhysicalDeviceVulkan11Features>(VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_1_FEATURES);
    auto f12 = vkStruct<VkPhysicalDeviceVulkan12Features>(VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_2_FEATURES);
    auto f13 = vkStruct<VkPhysicalDeviceVulkan13Features>(VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_3_FEATURES);
    auto dotKhr = vkStruct<VkPhysicalDeviceShaderIntegerDotProductFeatures>(
        VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SHADER_INTEGER_DOT_PRODUCT_FEATURES);
    auto features2 = vkStruct<VkPhysicalDeviceFeatures2>(VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2);
    if (vulkan12) {
        features2.pNext = &f11;
        f11.pNext = &f12;
        if (vulkan13)
            f12.pNext = &f13;
        else if (caps.hasExtension(VK_KHR_SHADER_INTEGER_DOT_PRODUCT_EXTENSION_NAME))
            f12.pNext = &dotKhr;
    }
    vkGetPhysicalDeviceFeatures2(device, &features2);

    VkPhysicalDeviceMemoryProperties memory{};
    vkGetPhysicalDeviceMemoryProperties(device, &memory);

    DeviceInfo& info = caps.info;
    info.index = index;
    info.name = basic.deviceName;
    info.vendorId = basic.vendorID;
    info.deviceId = basic.deviceID;
    info.vendor = vendorName(basic.vendorID, vulkan12 ? driver.driverID : VkDriverId{});
    info.type = toDeviceType(basic.deviceType);
    if (vulkan12) {
        info.driverName = driver.driverName;
        info.driverInfo = driver.driverInfo;
    }
    info.apiVersion = apiVersionString(basic.apiVersion);
    for (uint32_t h = 0; h < memory.memoryHeapCount; ++h) {
        if (memory.memoryHeaps[h].flags & VK_MEMORY_HEAP_DEVICE_LOCAL_BIT)
            info.deviceLocalBytes += memory.memoryHeaps[h].size;
    }
    info.subgroupSize = subgroup.subgroupSize;
    info.maxStorageBufferRange = basic.limits.maxStorageBufferRange;
    info.maxMemoryAllocationSize = 0;
    {
        auto m3 = vkStruct<VkPhysicalDeviceMaintenance3Properties>(VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_MAINTENANCE_3_PROPERTIES);
        auto p = vkStruct<VkPhysicalDeviceProperties2>(VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PROPERTIES_2);
        p.pNext = &m3;
        vkGetPhysicalDeviceProperties2(device, &p);
        info.maxMemoryAllocationSize = m3.maxMemoryAllocationSize;
    }
    info.sharedMemoryBytes = basic.limits.maxComputeSharedMemorySize;
    info.maxWorkgroupInvocations = basic.limits.maxComputeWorkGroupInvocations;
    if (vulkan12) {
        info.fp16 = f12.shaderFloat16;
        info.int8 = f12.shaderInt8;
        info.storage16bit = f11.storageBuffer16BitAccess;
        info.storage8bit = f12.storageBuffer8BitAccess;
    }
    info.integerDotProduct = (vulkan13 && f13.shaderIntegerDotProduct) || dotKhr.shaderIntegerDotProduct;
    info.cooperativeMatrix = caps.hasExtension("VK_KHR_cooperative_matrix");
    info.timestampQueries = basic.limits.timestampComputeAndGraphics || caps.timestampValidBits > 0;

    caps.shaderInt16 = features2.features.shaderInt16;
    caps.subgroupSizeControl = vulkan13 && f13.subgroupSizeControl && f13.computeFullSubgroups;
    const VkSubgroupFeatureFlags neededOps = VK_SUBGROUP_FEATURE_BASIC_BIT | VK_SUBGROUP_FEATURE_ARITHMETIC_BIT;
    caps.subgroupArithmetic = (subgroup.supportedStages & VK_SHADER_STAGE_COMPUTE_BIT)
                              && (subgroup.supportedOperations & neededOps) == neededOps;

    // What every Agora kernel relies on; anything missing makes the device unusable, with the
    // reason shown to the user (the app lists it next to the device).
    std::string reasons;
    if (caps.computeQueueFamily < 0)
        appendReason(reasons, "no compute queue");
    if (!vulkan12)
        appendReason(reasons, "Vulkan " + info.apiVersion + " is older than the 1.2 Agora needs");
    if (!info.storage16bit)
        appendReason(reasons, "no 16-bit storage buffer access");
    if (!caps.subgroupArithmetic)
        appendReason(reasons, "no subgroup arithmetic in compute shaders");
    if (info.subgroupSize == 0)
        appendReason(reasons, "reports a subgroup size of 0");
    info.usable = reasons.empty();
    info.unusableReason = reasons;
    return caps;
}

} // namespace agora::vk
