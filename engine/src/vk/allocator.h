// Device memory: a few large VkDeviceMemory blocks per memory type, sub-allocated here (drivers
// limit the number of allocations, often to 4096, and each one is slow). Allocations larger than
// half a block get a dedicated VkDeviceMemory of their own. A budget caps the total we reserve
// so that running out is an OutOfDeviceMemory value, never a driver crash; freeing makes room
// again. Thread-safe: several models may share one device.
#pragma once

#include "agora/engine.h"

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include <vulkan/vulkan.h>

namespace agora::vk {

struct AllocatorOptions {
    VkDeviceSize blockBytes = 256ull << 20; // clamped to maxMemoryAllocationSize
    VkDeviceSize budgetBytes = 0;           // 0: the heap sizes reported by the driver
};

struct Allocation {
    VkDeviceMemory memory = VK_NULL_HANDLE;
    VkDeviceSize offset = 0;
    VkDeviceSize size = 0;
    void* mapped = nullptr;  // host pointer to `offset` when the memory is host-visible
    bool hostCoherent = false;
    uint32_t blockId = 0;    // internal: which block to return it to
    bool valid() const { return memory != VK_NULL_HANDLE; }
};

struct AllocatorStats {
    VkDeviceSize reservedBytes = 0; // VkDeviceMemory we hold
    VkDeviceSize usedBytes = 0;     // handed out to buffers
    uint32_t blockCount = 0;
    uint32_t dedicatedCount = 0;
};

class DeviceAllocator {
public:
    DeviceAllocator(VkDevice device, VkPhysicalDevice physical, VkDeviceSize maxAllocationBytes,
                    AllocatorOptions options);
    ~DeviceAllocator();
    DeviceAllocator(const DeviceAllocator&) = delete;
    DeviceAllocator& operator=(const DeviceAllocator&) = delete;

    // `required` flags must all be present; `preferred` ones are taken when some type has them.
    Result<Allocation> allocate(const VkMemoryRequirements& requirements, VkMemoryPropertyFlags required,
                                VkMemoryPropertyFlags preferred);
    void release(const Allocation& allocation);

    AllocatorStats stats() const;
    VkDeviceSize blockBytes() const { return m_options.blockBytes; }

private:
    struct Block {
        VkDeviceMemory memory = VK_NULL_HANDLE;
        VkDeviceSize size = 0;
        uint32_t memoryType = 0;
        void* mapped = nullptr;
        bool dedicated = false;
        VkDeviceSize used = 0;
        std::map<VkDeviceSize, VkDeviceSize> freeRanges; // offset -> size, never adjacent
    };

    std::optional<uint32_t> findMemoryType(uint32_t typeBits, VkMemoryPropertyFlags flags) const;
    Result<uint32_t> createBlock(uint32_t memoryType, VkDeviceSize size, bool dedicated);
    std::optional<VkDeviceSize> carve(Block& block, VkDeviceSize size, VkDeviceSize alignment);
    Allocation describe(uint32_t blockId, VkDeviceSize offset, VkDeviceSize size) const;
    void destroyBlock(uint32_t blockId);

    VkDevice m_device;
    VkPhysicalDeviceMemoryProperties m_memory{};
    AllocatorOptions m_options;
    std::vector<VkDeviceSize> m_heapReserved; // per heap
    std::vector<VkDeviceSize> m_heapBudget;   // per heap
    mutable std::mutex m_mutex;
    std::map<uint32_t, Block> m_blocks;
    uint32_t m_nextBlockId = 1;
};

} // namespace agora::vk
