// A Context is one opened Vulkan device: logical device, compute queue, memory allocator and
// pipeline cache. It is shared (std::shared_ptr) by every model loaded onto that device and by
// the buffers and recorders made from it, which keep it alive. Queue submission is serialized
// here so that several models can submit from different threads.
#pragma once

#include "agora/engine.h"
#include "vk/allocator.h"
#include "vk/device_query.h"

#include <memory>
#include <mutex>

#include <vulkan/vulkan.h>

namespace agora::vk {

class Instance;
class PipelineCache;

struct ContextOptions {
    AllocatorOptions memory;
    // Move data through staging buffers even when device memory is host-visible (as on
    // lavapipe and integrated GPUs): how discrete GPUs work, so tests can cover that path.
    bool forceStagingTransfers = false;
};

class Context {
public:
    // Opens device `deviceIndex` of the enumeration; NoDevice / Unsupported with the reason.
    static Result<std::shared_ptr<Context>> create(uint32_t deviceIndex, ContextOptions options = {});
    // Opens the default device (discrete > integrated > virtual > CPU).
    static Result<std::shared_ptr<Context>> createDefault(ContextOptions options = {});
    ~Context();
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;

    VkDevice device() const { return m_device; }
    VkPhysicalDevice physicalDevice() const { return m_caps.physicalDevice; }
    uint32_t queueFamily() const { return static_cast<uint32_t>(m_caps.computeQueueFamily); }
    const DeviceCapabilities& capabilities() const { return m_caps; }
    const ContextOptions& options() const { return m_options; }
    const DeviceInfo& info() const { return m_caps.info; }
    const VkPhysicalDeviceLimits& limits() const { return m_caps.limits; }
    uint32_t subgroupSize() const { return m_caps.info.subgroupSize; }
    VkDeviceSize maxStorageBufferRange() const { return m_caps.limits.maxStorageBufferRange; }
    VkDeviceSize storageOffsetAlignment() const { return m_caps.limits.minStorageBufferOffsetAlignment; }

    DeviceAllocator& allocator() { return *m_allocator; }
    PipelineCache& pipelines() { return *m_pipelines; }

    // Submits one command buffer and waits for it with a fence (serialized across threads).
    Result<void> submitAndWait(VkCommandBuffer commandBuffer);

    // Runs `record` on a one-off command buffer from the context's own pool and waits for it.
    template <typename Fn>
    Result<void> runOnce(Fn&& record);

private:
    Context() = default;
    Result<VkCommandBuffer> beginOneOff();
    Result<void> endOneOff(VkCommandBuffer commandBuffer);

    std::shared_ptr<Instance> m_instance;
    ContextOptions m_options;
    DeviceCapabilities m_caps;
    VkDevice m_device = VK_NULL_HANDLE;
    VkQueue m_queue = VK_NULL_HANDLE;
    VkFence m_fence = VK_NULL_HANDLE;
    std::mutex m_queueMutex;
    VkCommandPool m_oneOffPool = VK_NULL_HANDLE;
    std::mutex m_oneOffMutex;
    std::unique_ptr<DeviceAllocator> m_allocator;
    std::unique_ptr<PipelineCache> m_pipelines;
};

template <typename Fn>
Result<void> Context::runOnce(Fn&& record)
{
    std::lock_guard lock(m_oneOffMutex);
    auto commandBuffer = beginOneOff();
    if (!commandBuffer)
        return commandBuffer.error();
    record(*commandBuffer);
    return endOneOff(*commandBuffer);
}

} // namespace agora::vk
