#include "vk/allocator.h"

#include "core/log.h"
#include "vk/vk_error.h"
#include "vk/vk_struct.h"

#include <algorithm>
#include <string>

namespace agora::vk {
namespace {

VkDeviceSize alignUp(VkDeviceSize value, VkDeviceSize alignment)
{
    return alignment <= 1 ? value : (value + alignment - 1) / alignment * alignment;
}

std::string mib(VkDeviceSize bytes)
{
    return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MiB";
}

} // namespace

DeviceAllocator::DeviceAllocator(VkDevice device, VkPhysicalDevice physical, VkDeviceSize maxAllocationBytes,
                                 AllocatorOptions options)
    : m_device(device)
    , m_options(options)
{
    vkGetPhysicalDeviceMemoryProperties(physical, &m_memory);
    if (maxAllocationBytes > 0)
        m_options.blockBytes = std::min(m_options.blockBytes, maxAllocationBytes);
    m_heapReserved.assign(m_memory.memoryHeapCount, 0);
    m_heapBudget.resize(m_memory.memoryHeapCount);
    for (uint32_t h = 0; h < m_memory.memoryHeapCount; ++h) {
        VkDeviceSize heap = m_memory.memoryHeaps[h].size;
        m_heapBudget[h] = m_options.budgetBytes ? std::min(heap, m_options.budgetBytes) : heap;
    }
}

DeviceAllocator::~DeviceAllocator()
{
    for (auto& [id, block] : m_blocks) {
        if (block.used > 0)
            log::get("engine.vk")->warn("device memory block {} destroyed with {} bytes still in use", id, block.used);
        vkFreeMemory(m_device, block.memory, nullptr);
    }
}

std::optional<uint32_t> DeviceAllocator::findMemoryType(uint32_t typeBits, VkMemoryPropertyFlags flags) const
{
    for (uint32_t t = 0; t < m_memory.memoryTypeCount; ++t) {
        if ((typeBits & (1u << t)) && (m_memory.memoryTypes[t].propertyFlags & flags) == flags)
            return t;
    }
    return std::nullopt;
}

Result<uint32_t> DeviceAllocator::createBlock(uint32_t memoryType, VkDeviceSize size, bool dedicated)
{
    const uint32_t heap = m_memory.memoryTypes[memoryType].heapIndex;
    if (m_heapReserved[heap] + size > m_heapBudget[heap]) {
        return makeError(ErrorCode::OutOfDeviceMemory,
                         "not enough GPU memory: " + mib(size) + " more needed, " + mib(m_heapReserved[heap])
                             + " of " + mib(m_heapBudget[heap]) + " already in use; unload a model, "
                             "reduce the context size, or pick a smaller model");
    }
    auto info = vkStruct<VkMemoryAllocateInfo>(VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO);
    info.allocationSize = size;
    info.memoryTypeIndex = memoryType;
    Block block;
    VkResult result = vkAllocateMemory(m_device, &info, nullptr, &block.memory);
    if (result != VK_SUCCESS)
        return vulkanError(result, "allocating " + mib(size) + " of GPU memory");
    if (m_memory.memoryTypes[memoryType].propertyFlags & VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT) {
        // Persistently mapped: uploads and readbacks are then plain memcpy.
        result = vkMapMemory(m_device, block.memory, 0, VK_WHOLE_SIZE, 0, &block.mapped);
        if (result != VK_SUCCESS) {
            vkFreeMemory(m_device, block.memory, nullptr);
            return vulkanError(result, "mapping GPU memory");
        }
    }
    block.size = size;
    block.memoryType = memoryType;
    block.dedicated = dedicated;
    block.freeRanges[0] = size;
    m_heapReserved[heap] += size;
    const uint32_t id = m_nextBlockId++;
    m_blocks.emplace(id, std::move(block));
    log::get("engine.vk")->debug("new {} memory block {}: {} in type {}", dedicated ? "dedicated" : "shared", id,
                                 mib(size), memoryType);
    return id;
}

std::optional<VkDeviceSize> DeviceAllocator::carve(Block& block, VkDeviceSize size, VkDeviceSize alignment)
{
    // First fit over the free ranges in address order keeps the block's tail free for big tensors.
    for (auto it = block.freeRanges.begin(); it != block.freeRanges.end(); ++it) {
        const VkDeviceSize start = it->first;
        const VkDeviceSize end = start + it->second;
        const VkDeviceSize aligned = alignUp(start, alignment);
        if (aligned + size > end)
            continue;
        block.freeRanges.erase(it);
        if (aligned > start)
            block.freeRanges[start] = aligned - start;
        if (aligned + size < end)
            block.freeRanges[aligned + size] = end - (aligned + size);
        block.used += size;
        return aligned;
    }
    return std::nullopt;
}

Allocation DeviceAllocator::describe(uint32_t blockId, VkDeviceSize offset, VkDeviceSize size) const
{
    const Block& block = m_blocks.at(blockId);
    Allocation a;
    a.memory = block.memory;
    a.offset = offset;
    a.size = size;
    a.blockId = blockId;
    a.mapped = block.mapped ? static_cast<char*>(block.mapped) + offset : nullptr;
    a.hostCoherent = m_memory.memoryTypes[block.memoryType].propertyFlags & VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
    return a;
}

Result<Allocation> DeviceAllocator::allocate(const VkMemoryRequirements& requirements,
                                             VkMemoryPropertyFlags required, VkMemoryPropertyFlags preferred)
{
    std::optional<uint32_t> type = findMemoryType(requirements.memoryTypeBits, required | preferred);
    if (!type)
        type = findMemoryType(requirements.memoryTypeBits, required);
    if (!type)
        return makeError(ErrorCode::Unsupported, "the GPU offers no memory type suitable for this buffer");

    std::lock_guard lock(m_mutex);
    const VkDeviceSize size = std::max<VkDeviceSize>(requirements.size, 1);
    if (size > m_options.blockBytes / 2) {
        auto id = createBlock(*type, size, true);
        if (!id)
            return id.error();
        Block& block = m_blocks.at(*id);
        block.freeRanges.clear();
        block.used = size;
        return describe(*id, 0, size);
    }
    for (auto& [id, block] : m_blocks) {
        if (block.dedicated || block.memoryType != *type)
            continue;
        if (auto offset = carve(block, size, requirements.alignment))
            return describe(id, *offset, size);
    }
    auto id = createBlock(*type, m_options.blockBytes, false);
    if (!id)
        return id.error();
    auto offset = carve(m_blocks.at(*id), size, requirements.alignment);
    return describe(*id, offset.value(), size);
}

void DeviceAllocator::release(const Allocation& allocation)
{
    if (!allocation.valid())
        return;
    std::lock_guard lock(m_mutex);
    auto it = m_blocks.find(allocation.blockId);
    AGORA_VK_REQUIRE(it != m_blocks.end() && it->second.memory == allocation.memory,
                     "releasing an allocation this allocator does not own");
    Block& block = it->second;
    block.used -= allocation.size;
    if (block.dedicated || block.used == 0) {
        // An empty block goes back to the driver so another model (or process) can use it.
        destroyBlock(allocation.blockId);
        return;
    }
    VkDeviceSize start = allocation.offset;
    VkDeviceSize size = allocation.size;
    auto next = block.freeRanges.lower_bound(start);
    if (next != block.freeRanges.end() && next->first == start + size) {
        size += next->second;
        next = block.freeRanges.erase(next);
    }
    if (next != block.freeRanges.begin()) {
        auto previous = std::prev(next);
        if (previous->first + previous->second == start) {
            start = previous->first;
            size += previous->second;
            block.freeRanges.erase(previous);
        }
    }
    block.freeRanges[start] = size;
}

void DeviceAllocator::destroyBlock(uint32_t blockId)
{
    Block& block = m_blocks.at(blockId);
    m_heapReserved[m_memory.memoryTypes[block.memoryType].heapIndex] -= block.size;
    vkFreeMemory(m_device, block.memory, nullptr);
    m_blocks.erase(blockId);
}

AllocatorStats DeviceAllocator::stats() const
{
    std::lock_guard lock(m_mutex);
    AllocatorStats s;
    for (const auto& [id, block] : m_blocks) {
        s.reservedBytes += block.size;
        s.usedBytes += block.used;
        if (block.dedicated)
            ++s.dedicatedCount;
        else
            ++s.blockCount;
    }
    return s;
}

} // namespace agora::vk
