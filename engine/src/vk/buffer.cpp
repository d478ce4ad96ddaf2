#include "vk/buffer.h"

#include "vk/context.h"
#include "vk/vk_error.h"
#include "vk/vk_struct.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <utility>

namespace agora::vk {
namespace {

constexpr VkDeviceSize kStagingChunkBytes = 32ull << 20;

// Non-coherent memory needs explicit flush/invalidate over ranges aligned to nonCoherentAtomSize.
VkMappedMemoryRange atomAlignedRange(const Context& context, const Allocation& a, VkDeviceSize offset,
                                     VkDeviceSize size)
{
    const VkDeviceSize atom = std::max<VkDeviceSize>(context.limits().nonCoherentAtomSize, 1);
    VkDeviceSize begin = (a.offset + offset) / atom * atom;
    VkDeviceSize end = (a.offset + offset + size + atom - 1) / atom * atom;
    auto range = vkStruct<VkMappedMemoryRange>(VK_STRUCTURE_TYPE_MAPPED_MEMORY_RANGE);
    range.memory = a.memory;
    range.offset = begin;
    range.size = end - begin;
    return range;
}

std::byte* directAccess(const Context& context, const Buffer& buffer)
{
    return context.options().forceStagingTransfers ? nullptr : buffer.mapped();
}

} // namespace

Result<Buffer> Buffer::create(std::shared_ptr<Context> context, VkDeviceSize bytes, MemoryUse use)
{
    if (bytes == 0)
        return makeError(ErrorCode::InvalidArgument, "a GPU buffer of 0 bytes was requested");
    Buffer buffer;
    buffer.m_context = std::move(context);
    buffer.m_size = bytes;
    auto info = vkStruct<VkBufferCreateInfo>(VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO);
    info.size = bytes;
    // Texel buffer use on CPU drivers: uniform texels for the weight reads of the matrix products
    // (quant_kernels.cpp), storage texels for the attention's caches and scores (split_attention.cpp).
    info.usage = VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | VK_BUFFER_USAGE_UNIFORM_TEXEL_BUFFER_BIT
                 | VK_BUFFER_USAGE_STORAGE_TEXEL_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_SRC_BIT
                 | VK_BUFFER_USAGE_TRANSFER_DST_BIT;
    info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
    VkDevice device = buffer.m_context->device();
    VkResult result = vkCreateBuffer(device, &info, nullptr, &buffer.m_buffer);
    if (result != VK_SUCCESS) {
        buffer.m_buffer = VK_NULL_HANDLE;
        return vulkanError(result, "creating a GPU buffer of " + std::to_string(bytes) + " bytes");
    }
    VkMemoryRequirements requirements{};
    vkGetBufferMemoryRequirements(device, buffer.m_buffer, &requirements);
    VkMemoryPropertyFlags required = 0;
    VkMemoryPropertyFlags preferred = 0;
    if (use == MemoryUse::DeviceLocal) {
        preferred = VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT;
    } else {
        required = VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT;
        preferred = VK_MEMORY_PROPERTY_HOST_COHERENT_BIT | VK_MEMORY_PROPERTY_HOST_CACHED_BIT;
    }
    auto allocation = buffer.m_context->allocator().allocate(requirements, required, preferred);
    if (!allocation)
        return allocation.error(); // ~Buffer destroys the VkBuffer
    buffer.m_allocation = *allocation;
    result = vkBindBufferMemory(device, buffer.m_buffer, buffer.m_allocation.memory, buffer.m_allocation.offset);
    if (result != VK_SUCCESS)
        return vulkanError(result, "binding GPU memory to a buffer");
    return buffer;
}

Buffer::~Buffer() { destroy(); }

Buffer::Buffer(Buffer&& other) noexcept
    : m_context(std::move(other.m_context))
    , m_buffer(std::exchange(other.m_buffer, VK_NULL_HANDLE))
    , m_size(std::exchange(other.m_size, 0))
    , m_allocation(std::exchange(other.m_allocation, Allocation{}))
{
}

Buffer& Buffer::operator=(Buffer&& other) noexcept
{
    if (this != &other) {
        destroy();
        m_context = std::move(other.m_context);
        m_buffer = std::exchange(other.m_buffer, VK_NULL_HANDLE);
        m_size = std::exchange(other.m_size, 0);
        m_allocation = std::exchange(other.m_allocation, Allocation{});
    }
    return *this;
}

void Buffer::destroy()
{
    if (!m_context)
        return;
    if (m_buffer != VK_NULL_HANDLE)
        vkDestroyBuffer(m_context->device(), m_buffer, nullptr);
    m_context->allocator().release(m_allocation);
    m_buffer = VK_NULL_HANDLE;
    m_allocation = Allocation{};
    m_context.reset();
}

BufferRange Buffer::range(VkDeviceSize offset, VkDeviceSize size) const
{
    AGORA_VK_REQUIRE(offset <= m_size, "range offset past the end of the buffer");
    if (size == 0)
        size = m_size - offset;
    AGORA_VK_REQUIRE(offset + size <= m_size, "range past the end of the buffer");
    return BufferRange{m_buffer, offset, size};
}

Result<void> upload(Context& context, const Buffer& destination, VkDeviceSize offset,
                    std::span<const std::byte> data, const std::function<void(uint64_t, uint64_t)>& progress)
{
    if (offset + data.size() > destination.size())
        return makeError(ErrorCode::InvalidArgument, "upload past the end of a GPU buffer");
    if (data.empty())
        return {};
    if (std::byte* target = directAccess(context, destination)) {
        std::memcpy(target + offset, data.data(), data.size());
        if (!destination.hostCoherent()) {
            VkMappedMemoryRange range = atomAlignedRange(context, destination.allocation(), offset, data.size());
            if (VkResult r = vkFlushMappedMemoryRanges(context.device(), 1, &range); r != VK_SUCCESS)
                return vulkanError(r, "flushing an upload");
        }
        if (progress)
            progress(data.size(), data.size());
        return {};
    }
    const VkDeviceSize chunk = std::min<VkDeviceSize>(kStagingChunkBytes, data.size());
    std::shared_ptr<Context> unowned(std::shared_ptr<Context>{}, &context); // staging dies before context
    auto staging = Buffer::create(unowned, chunk, MemoryUse::HostVisible);
    if (!staging)
        return staging.error();
    for (VkDeviceSize done = 0; done < data.size(); done += chunk) {
        const VkDeviceSize bytes = std::min<VkDeviceSize>(chunk, data.size() - done);
        std::memcpy(staging->mapped(), data.data() + done, bytes);
        if (!staging->hostCoherent()) {
            VkMappedMemoryRange range = atomAlignedRange(context, staging->allocation(), 0, bytes);
            vkFlushMappedMemoryRanges(context.device(), 1, &range);
        }
        auto copied = context.runOnce([&](VkCommandBuffer cb) {
            VkBufferCopy region{0, offset + done, bytes};
            vkCmdCopyBuffer(cb, staging->handle(), destination.handle(), 1, &region);
        });
        if (!copied)
            return copied;
        if (progress)
            progress(done + bytes, data.size());
    }
    return {};
}

Result<void> download(Context& context, const Buffer& source, VkDeviceSize offset, std::span<std::byte> out)
{
    if (offset + out.size() > source.size())
        return makeError(ErrorCode::InvalidArgument, "download past the end of a GPU buffer");
    if (out.empty())
        return {};
    if (const std::byte* from = directAccess(context, source)) {
        if (!source.hostCoherent()) {
            VkMappedMemoryRange range = atomAlignedRange(context, source.allocation(), offset, out.size());
            if (VkResult r = vkInvalidateMappedMemoryRanges(context.device(), 1, &range); r != VK_SUCCESS)
                return vulkanError(r, "invalidating a download");
        }
        std::memcpy(out.data(), from + offset, out.size());
        return {};
    }
    const VkDeviceSize chunk = std::min<VkDeviceSize>(kStagingChunkBytes, out.size());
    std::shared_ptr<Context> unowned(std::shared_ptr<Context>{}, &context);
    auto staging = Buffer::create(unowned, chunk, MemoryUse::HostVisible);
    if (!staging)
        return staging.error();
    for (VkDeviceSize done = 0; done < out.size(); done += chunk) {
        const VkDeviceSize bytes = std::min<VkDeviceSize>(chunk, out.size() - done);
        auto copied = context.runOnce([&](VkCommandBuffer cb) {
            VkBufferCopy region{offset + done, 0, bytes};
            vkCmdCopyBuffer(cb, source.handle(), staging->handle(), 1, &region);
            auto toHost = vkStruct<VkMemoryBarrier>(VK_STRUCTURE_TYPE_MEMORY_BARRIER);
            toHost.srcAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT;
            toHost.dstAccessMask = VK_ACCESS_HOST_READ_BIT;
            vkCmdPipelineBarrier(cb, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_HOST_BIT, 0, 1, &toHost, 0,
                                 nullptr, 0, nullptr);
        });
        if (!copied)
            return copied;
        if (!staging->hostCoherent()) {
            VkMappedMemoryRange range = atomAlignedRange(context, staging->allocation(), 0, bytes);
            vkInvalidateMappedMemoryRanges(context.device(), 1, &range);
        }
        std::memcpy(out.data() + done, staging->mapped(), bytes);
    }
    return {};
}

Result<void> uploadFloats(Context& context, const Buffer& destination, std::span<const float> values)
{
    return upload(context, destination, 0, std::as_bytes(values));
}

Result<void> downloadFloats(Context& context, const Buffer& source, std::span<float> out)
{
    return download(context, source, 0, std::as_writable_bytes(out));
}

} // namespace agora::vk
