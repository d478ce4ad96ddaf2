// Storage buffers backed by sub-allocated device memory, and the ranges kernels bind.
// A buffer may be larger than maxStorageBufferRange; what is bound to one kernel binding may not,
// which the recorder checks.
#pragma once

#include "agora/engine.h"
#include "vk/allocator.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <span>

#include <vulkan/vulkan.h>

namespace agora::vk {

class Context;

enum class MemoryUse {
    DeviceLocal, // weights, activations, KV cache: fastest for the GPU
    HostVisible, // staging and read-back: mapped for the CPU
};

// A window of a buffer as one kernel binding sees it.
struct BufferRange {
    VkBuffer buffer = VK_NULL_HANDLE;
    VkDeviceSize offset = 0;
    VkDeviceSize size = 0;

    bool overlaps(const BufferRange& other) const
    {
        return buffer == other.buffer && offset < other.offset + other.size && other.offset < offset + size;
    }
};

class Buffer {
public:
    // OutOfDeviceMemory when it does not fit; the context stays usable.
    static Result<Buffer> create(std::shared_ptr<Context> context, VkDeviceSize bytes, MemoryUse use);

    Buffer() = default;
    ~Buffer();
    Buffer(Buffer&& other) noexcept;
    Buffer& operator=(Buffer&& other) noexcept;
    Buffer(const Buffer&) = delete;
    Buffer& operator=(const Buffer&) = delete;

    VkBuffer handle() const { return m_buffer; }
    VkDeviceSize size() const { return m_size; }
    bool valid() const { return m_buffer != VK_NULL_HANDLE; }
    // Host pointer when the memory is host-visible (always for HostVisible; on unified-memory
    // devices such as lavapipe also for DeviceLocal), else nullptr.
    std::byte* mapped() const { return static_cast<std::byte*>(m_allocation.mapped); }
    bool hostCoherent() const { return m_allocation.hostCoherent; }
    const Allocation& allocation() const { return m_allocation; }

    // The whole buffer, or `size` bytes from `offset` (size 0: to the end).
    BufferRange range(VkDeviceSize offset = 0, VkDeviceSize size = 0) const;

private:
    void destroy();

    std::shared_ptr<Context> m_context;
    VkBuffer m_buffer = VK_NULL_HANDLE;
    VkDeviceSize m_size = 0;
    Allocation m_allocation;
};

// Copies host data into a buffer: directly when it is mapped, else through a host-visible staging
// buffer in chunks. `progress(doneBytes, totalBytes)` is called after each chunk when given.
Result<void> upload(Context& context, const Buffer& destination, VkDeviceSize offset,
                    std::span<const std::byte> data,
                    const std::function<void(uint64_t, uint64_t)>& progress = {});
// Copies `out.size()` bytes from a buffer back to the host.
Result<void> download(Context& context, const Buffer& source, VkDeviceSize offset, std::span<std::byte> out);

// Typed conveniences for tests and small tensors.
Result<void> uploadFloats(Context& context, const Buffer& destination, std::span<const float> values);
Result<void> downloadFloats(Context& context, const Buffer& source, std::span<float> out);

} // namespace agora::vk
