#include "vk/context.h"

#include "core/log.h"
#include "vk/instance.h"
#include "vk/pipeline_cache.h"
#include "vk/vk_error.h"
#include "vk/vk_struct.h"

#include <vector>

namespace agora::vk {
namespace {

constexpr uint64_t kFenceTimeoutNs = 120ull * 1000 * 1000 * 1000; // a stuck GPU, not a slow one

} // namespace

Result<std::shared_ptr<Context>> Context::createDefault(ContextOptions options)
{
    auto devices = listDevices();
    if (!devices)
        return devices.error();
    auto index = selectDevice(*devices, "");
    if (!index)
        return index.error();
    return create(*index, options);
}

Result<std::shared_ptr<Context>> Context::create(uint32_t deviceIndex, ContextOptions options)
{
    auto instance = Instance::create();
    if (!instance)
        return instance.error();
    const auto& physical = (*instance)->physicalDevices();
    if (deviceIndex >= physical.size())
        return makeError(ErrorCode::InvalidArgument, "there is no Vulkan device " + std::to_string(deviceIndex));

    std::shared_ptr<Context> context(new Context());
    context->m_instance = *instance;
    context->m_options = options;
    context->m_caps = queryDevice(physical[deviceIndex], deviceIndex);
    const DeviceCapabilities& caps = context->m_caps;
    if (!caps.info.usable)
        return makeError(ErrorCode::Unsupported, caps.info.name + " cannot run Agora: " + caps.info.unusableReason);

    // Enable exactly what the kernels may use and the device has.
    auto f11 = vkStruct<VkPhysicalDeviceVulkan11Features>(VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_1_FEATURES);
    auto f12 = vkStruct<VkPhysicalDeviceVulkan12Features>(VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_2_FEATURES);
    auto f13 = vkStruct<VkPhysicalDeviceVulkan13Features>(VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_3_FEATURES);
    auto features = vkStruct<VkPhysicalDeviceFeatures2>(VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2);
    features.pNext = &f11;
    f11.pNext = &f12;
    f11.storageBuffer16BitAccess = VK_TRUE;
    f12.storageBuffer8BitAccess = caps.info.storage8bit;
    f12.shaderFloat16 = caps.info.fp16;
    f12.shaderInt8 = caps.info.int8;
    features.features.shaderInt16 = caps.shaderInt16;
    if (caps.apiVersion >= VK_API_VERSION_1_3) {
        f12.pNext = &f13;
        f13.subgroupSizeControl = caps.subgroupSizeControl;
        f13.computeFullSubgroups = caps.subgroupSizeControl;
        f13.shaderIntegerDotProduct = caps.info.integerDotProduct;
    }

    const float priority = 1.0f;
    auto queue = vkStruct<VkDeviceQueueCreateInfo>(VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO);
    queue.queueFamilyIndex = context->queueFamily();
    queue.queueCount = 1;
    queue.pQueuePriorities = &priority;

    auto info = vkStruct<VkDeviceCreateInfo>(VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO);
    info.pNext = &features;
    info.queueCreateInfoCount = 1;
    info.pQueueCreateInfos = &queue;
    VkResult result = vkCreateDevice(caps.physicalDevice, &info, nullptr, &context->m_device);
    if (result != VK_SUCCESS) {
        context->m_device = VK_NULL_HANDLE;
        return vulkanError(result, "opening " + caps.info.name);
    }
    vkGetDeviceQueue(context->m_device, context->queueFamily(), 0, &context->m_queue);

    auto fenceInfo = vkStruct<VkFenceCreateInfo>(VK_STRUCTURE_TYPE_FENCE_CREATE_INFO);
    if ((result = vkCreateFence(context->m_device, &fenceInfo, nullptr, &context->m_fence)) != VK_SUCCESS)
        return vulkanError(result, "creating a fence");
    auto poolInfo = vkStruct<VkCommandPoolCreateInfo>(VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO);
    poolInfo.flags = VK_COMMAND_POOL_CREATE_TRANSIENT_BIT | VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
    poolInfo.queueFamilyIndex = context->queueFamily();
    if ((result = vkCreateCommandPool(context->m_device, &poolInfo, nullptr, &context->m_oneOffPool)) != VK_SUCCESS)
        return vulkanError(result, "creating a command pool");

    context->m_allocator = std::make_unique<DeviceAllocator>(context->m_device, caps.physicalDevice,
                                                             caps.info.maxMemoryAllocationSize, options.memory);
    context->m_pipelines = std::make_unique<PipelineCache>(*context);
    log::get("engine.vk")->info("opened {} ({}, {} {}), subgroup {}", caps.info.name, deviceTypeName(caps.info.type),
                                caps.info.driverName, caps.info.driverInfo, caps.info.subgroupSize);
    return context;
}

Context::~Context()
{
    if (m_device != VK_NULL_HANDLE)
        vkDeviceWaitIdle(m_device);
    m_pipelines.reset();
    m_allocator.reset();
    if (m_oneOffPool != VK_NULL_HANDLE)
        vkDestroyCommandPool(m_device, m_oneOffPool, nullptr);
    if (m_fence != VK_NULL_HANDLE)
        vkDestroyFence(m_device, m_fence, nullptr);
    if (m_device != VK_NULL_HANDLE)
        vkDestroyDevice(m_device, nullptr);
}

Result<void> Context::submitAndWait(VkCommandBuffer commandBuffer)
{
    std::lock_guard lock(m_queueMutex);
    auto submit = vkStruct<VkSubmitInfo>(VK_STRUCTURE_TYPE_SUBMIT_INFO);
    submit.commandBufferCount = 1;
    submit.pCommandBuffers = &commandBuffer;
    VkResult result = vkQueueSubmit(m_queue, 1, &submit, m_fence);
    if (result != VK_SUCCESS)
        return vulkanError(result, "submitting GPU work");
    result = vkWaitForFences(m_device, 1, &m_fence, VK_TRUE, kFenceTimeoutNs);
    VkResult reset = vkResetFences(m_device, 1, &m_fence);
    if (result == VK_TIMEOUT)
        return makeError(ErrorCode::DeviceLost, "the GPU did not finish within two minutes; reload the model");
    if (result != VK_SUCCESS)
        return vulkanError(result, "waiting for the GPU");
    if (reset != VK_SUCCESS)
        return vulkanError(reset, "resetting a fence");
    return {};
}

Result<VkCommandBuffer> Context::beginOneOff()
{
    auto allocate = vkStruct<VkCommandBufferAllocateInfo>(VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO);
    allocate.commandPool = m_oneOffPool;
    allocate.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
    allocate.commandBufferCount = 1;
    VkCommandBuffer commandBuffer = VK_NULL_HANDLE;
    VkResult result = vkAllocateCommandBuffers(m_device, &allocate, &commandBuffer);
    if (result != VK_SUCCESS)
        return vulkanError(result, "allocating a command buffer");
    auto begin = vkStruct<VkCommandBufferBeginInfo>(VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO);
    begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    vkBeginCommandBuffer(commandBuffer, &begin);
    return commandBuffer;
}

Result<void> Context::endOneOff(VkCommandBuffer commandBuffer)
{
    Result<void> outcome;
    VkResult result = vkEndCommandBuffer(commandBuffer);
    if (result != VK_SUCCESS)
        outcome = vulkanError(result, "recording a command buffer");
    else
        outcome = submitAndWait(commandBuffer);
    vkFreeCommandBuffers(m_device, m_oneOffPool, 1, &commandBuffer);
    return outcome;
}

} // namespace agora::vk
