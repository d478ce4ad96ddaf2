#include "vk/recorder.h"

#include "vk/context.h"
#include "vk/pipeline_cache.h"
#include "vk/vk_error.h"
#include "vk/vk_struct.h"

#include <algorithm>

namespace agora::vk {
namespace {

constexpr uint32_t kSetsPerDescriptorPool = 512;
constexpr uint32_t kDescriptorsPerSet = 8; // pool sizing only; kernels may bind more
// What a texel binding ('t', 'i', 'I') holds: 16-byte texels (uvec4 in the shader).
constexpr VkFormat kTexelFormat = VK_FORMAT_R32G32B32A32_UINT;
constexpr VkDeviceSize kTexelBytes = 16;

bool anyOverlap(std::span<const BufferRange> a, std::span<const BufferRange> b)
{
    for (const BufferRange& x : a) {
        for (const BufferRange& y : b) {
            if (x.overlaps(y))
                return true;
        }
    }
    return false;
}

void fullBarrier(VkCommandBuffer cb, VkPipelineStageFlags dstStages, VkAccessFlags dstAccess)
{
    auto barrier = vkStruct<VkMemoryBarrier>(VK_STRUCTURE_TYPE_MEMORY_BARRIER);
    barrier.srcAccessMask = VK_ACCESS_SHADER_WRITE_BIT | VK_ACCESS_TRANSFER_WRITE_BIT;
    barrier.dstAccessMask = dstAccess;
    vkCmdPipelineBarrier(cb, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT | VK_PIPELINE_STAGE_TRANSFER_BIT, dstStages, 0, 1,
                         &barrier, 0, nullptr, 0, nullptr);
}

} // namespace

Groups linearGroups(const Context& context, uint64_t count)
{
    const uint64_t maxX = context.limits().maxComputeWorkGroupCount[0];
    if (count <= maxX)
        return Groups{static_cast<uint32_t>(std::max<uint64_t>(count, 1)), 1, 1};
    const uint64_t y = (count + maxX - 1) / maxX;
    AGORA_VK_REQUIRE(y <= context.limits().maxComputeWorkGroupCount[1], "dispatch too large for the device");
    // Balance the grid so the overhang (workgroups that do nothing) stays below one row.
    const uint64_t x = (count + y - 1) / y;
    return Groups{static_cast<uint32_t>(x), static_cast<uint32_t>(y), 1};
}

CommandRecorder::CommandRecorder(std::shared_ptr<Context> context)
    : m_context(std::move(context))
{
}

Result<std::unique_ptr<CommandRecorder>> CommandRecorder::create(std::shared_ptr<Context> context,
                                                                 uint32_t maxTimestamps)
{
    std::unique_ptr<CommandRecorder> r(new CommandRecorder(std::move(context)));
    VkDevice device = r->m_context->device();
    auto poolInfo = vkStruct<VkCommandPoolCreateInfo>(VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO);
    poolInfo.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
    poolInfo.queueFamilyIndex = r->m_context->queueFamily();
    if (VkResult res = vkCreateCommandPool(device, &poolInfo, nullptr, &r->m_pool); res != VK_SUCCESS)
        return vulkanError(res, "creating a command pool");
    auto allocate = vkStruct<VkCommandBufferAllocateInfo>(VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO);
    allocate.commandPool = r->m_pool;
    allocate.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
    allocate.commandBufferCount = 1;
    if (VkResult res = vkAllocateCommandBuffers(device, &allocate, &r->m_commandBuffer); res != VK_SUCCESS)
        return vulkanError(res, "allocating a command buffer");
    if (r->m_context->info().timestampQueries && maxTimestamps > 0) {
        auto queryInfo = vkStruct<VkQueryPoolCreateInfo>(VK_STRUCTURE_TYPE_QUERY_POOL_CREATE_INFO);
        queryInfo.queryType = VK_QUERY_TYPE_TIMESTAMP;
        queryInfo.queryCount = maxTimestamps;
        if (vkCreateQueryPool(device, &queryInfo, nullptr, &r->m_queryPool) == VK_SUCCESS)
            r->m_maxTimestamps = maxTimestamps;
        else
            r->m_queryPool = VK_NULL_HANDLE; // timings are optional
    }
    return r;
}

CommandRecorder::~CommandRecorder()
{
    VkDevice device = m_context->device();
    for (VkBufferView view : m_views)
        vkDestroyBufferView(device, view, nullptr);
    for (VkDescriptorPool pool : m_descriptorPools)
        vkDestroyDescriptorPool(device, pool, nullptr);
    if (m_queryPool != VK_NULL_HANDLE)
        vkDestroyQueryPool(device, m_queryPool, nullptr);
    if (m_pool != VK_NULL_HANDLE)
        vkDestroyCommandPool(device, m_pool, nullptr);
}

void CommandRecorder::reset()
{
    if (m_state == State::Recording)
        vkEndCommandBuffer(m_commandBuffer);
    vkResetCommandBuffer(m_commandBuffer, 0);
    for (VkDescriptorPool pool : m_descriptorPools)
        vkResetDescriptorPool(m_context->device(), pool, 0);
    m_currentPool = 0;
    for (VkBufferView view : m_views)
        vkDestroyBufferView(m_context->device(), view, nullptr);
    m_views.clear();
    m_timestampLabels.clear();
    m_pendingReads.clear();
    m_pendingWrites.clear();
    m_error.reset();
    m_dispatches = 0;
    m_barriers = 0;
    m_state = State::Empty;
}

void CommandRecorder::fail(Error error)
{
    if (!m_error)
        m_error = std::move(error);
}

bool CommandRecorder::ensureRecording(std::source_location where)
{
    if (m_state == State::Ended)
        contractViolation("recording into a submitted command buffer; call reset() first", where);
    if (m_state == State::Empty) {
        auto begin = vkStruct<VkCommandBufferBeginInfo>(VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO);
        if (VkResult r = vkBeginCommandBuffer(m_commandBuffer, &begin); r != VK_SUCCESS) {
            fail(vulkanError(r, "starting a command buffer"));
            return false;
        }
        if (m_queryPool != VK_NULL_HANDLE)
            vkCmdResetQueryPool(m_commandBuffer, m_queryPool, 0, m_maxTimestamps);
        m_state = State::Recording;
        if (m_timeDispatches)
            timestamp("start");
    }
    return !m_error;
}

std::optional<VkDescriptorSet> CommandRecorder::allocateSet(VkDescriptorSetLayout layout)
{
    VkDevice device = m_context->device();
    while (true) {
        if (m_currentPool == m_descriptorPools.size()) {
            const VkDescriptorPoolSize sizes[] = {
                {VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, kSetsPerDescriptorPool * kDescriptorsPerSet},
                {VK_DESCRIPTOR_TYPE_UNIFORM_TEXEL_BUFFER, kSetsPerDescriptorPool * kDescriptorsPerSet},
                {VK_DESCRIPTOR_TYPE_STORAGE_TEXEL_BUFFER, kSetsPerDescriptorPool * kDescriptorsPerSet}};
            auto info = vkStruct<VkDescriptorPoolCreateInfo>(VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO);
            info.maxSets = kSetsPerDescriptorPool;
            info.poolSizeCount = 3;
            info.pPoolSizes = sizes;
            VkDescriptorPool pool = VK_NULL_HANDLE;
            if (VkResult r = vkCreateDescriptorPool(device, &info, nullptr, &pool); r != VK_SUCCESS) {
                fail(vulkanError(r, "creating a descriptor pool"));
                return std::nullopt;
            }
            m_descriptorPools.push_back(pool);
        }
        auto info = vkStruct<VkDescriptorSetAllocateInfo>(VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO);
        info.descriptorPool = m_descriptorPools[m_currentPool];
        info.descriptorSetCount = 1;
        info.pSetLayouts = &layout;
        VkDescriptorSet set = VK_NULL_HANDLE;
        VkResult r = vkAllocateDescriptorSets(device, &info, &set);
        if (r == VK_SUCCESS)
            return set;
        if (r != VK_ERROR_OUT_OF_POOL_MEMORY && r != VK_ERROR_FRAGMENTED_POOL) {
            fail(vulkanError(r, "allocating a descriptor set"));
            return std::nullopt;
        }
        ++m_currentPool; // this pool is full: move on to the next (or a new) one
    }
}

std::optional<VkBufferView> CommandRecorder::texelView(const BufferRange& range)
{
    auto info = vkStruct<VkBufferViewCreateInfo>(VK_STRUCTURE_TYPE_BUFFER_VIEW_CREATE_INFO);
    info.buffer = range.buffer;
    info.format = kTexelFormat;
    info.offset = range.offset;
    info.range = range.size;
    VkBufferView view = VK_NULL_HANDLE;
    if (VkResult r = vkCreateBufferView(m_context->device(), &info, nullptr, &view); r != VK_SUCCESS) {
        fail(vulkanError(r, "creating a texel buffer view"));
        return std::nullopt;
    }
    m_views.push_back(view);
    return view;
}

void CommandRecorder::trackHazards(std::span<const BufferRange> reads, std::span<const BufferRange> writes)
{
    const bool hazard = anyOverlap(reads, m_pendingWrites) || anyOverlap(writes, m_pendingWrites)
                        || anyOverlap(writes, m_pendingReads);
    if (hazard)
        barrier();
    m_pendingReads.insert(m_pendingReads.end(), reads.begin(), reads.end());
    m_pendingWrites.insert(m_pendingWrites.end(), writes.begin(), writes.end());
}

void CommandRecorder::barrier()
{
    if (m_state != State::Recording)
        return;
    fullBarrier(m_commandBuffer, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT | VK_PIPELINE_STAGE_TRANSFER_BIT,
                VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_SHADER_WRITE_BIT | VK_ACCESS_TRANSFER_READ_BIT
                    | VK_ACCESS_TRANSFER_WRITE_BIT);
    m_pendingReads.clear();
    m_pendingWrites.clear();
    ++m_barriers;
}

void CommandRecorder::dispatch(shaders::KernelId kernel, std::span<const uint32_t> specs,
                               std::span<const BufferRange> bindings, std::span<const std::byte> push, Groups groups,
                               std::source_location where)
{
    const shaders::KernelInfo& info = shaders::kernelInfo(kernel);
    const std::string name(info.name);
    // The interface contract: programmer errors, reported at the caller's line.
    if (bindings.size() != info.bindingCount)
        contractViolation(name + " declares " + std::to_string(info.bindingCount) + " bindings, dispatched with "
                              + std::to_string(bindings.size()),
                          where);
    if (push.size() != info.pushConstantBytes)
        contractViolation(name + " declares " + std::to_string(info.pushConstantBytes)
                              + " push-constant bytes, dispatched with " + std::to_string(push.size()),
                          where);
    if (specs.size() != info.specializationCount)
        contractViolation(name + " declares " + std::to_string(info.specializationCount)
                              + " specialization constants, dispatched with " + std::to_string(specs.size()),
                          where);
    const VkPhysicalDeviceLimits& limits = m_context->limits();
    for (size_t b = 0; b < bindings.size(); ++b) {
        const BufferRange& r = bindings[b];
        const std::string which = name + " binding " + std::to_string(b);
        if (r.buffer == VK_NULL_HANDLE || r.size == 0)
            contractViolation(which + " is empty", where);
        if (isTexelBinding(info.bindingAccess[b])) {
            if (r.size % kTexelBytes != 0 || r.size / kTexelBytes > limits.maxTexelBufferElements
                || r.offset % limits.minTexelBufferOffsetAlignment != 0)
                contractViolation(which + " (a texel buffer) must be whole 16-byte texels, at most "
                                      + std::to_string(limits.maxTexelBufferElements) + " of them, at an offset that is a multiple of "
                                      + std::to_string(limits.minTexelBufferOffsetAlignment),
                                  where);
            continue;
        }
        if (r.size > limits.maxStorageBufferRange)
            contractViolation(which + " spans " + std::to_string(r.size) + " bytes, more than maxStorageBufferRange "
                                  + std::to_string(limits.maxStorageBufferRange) + "; split it",
                              where);
        if (r.offset % limits.minStorageBufferOffsetAlignment != 0)
            contractViolation(which + " offset " + std::to_string(r.offset) + " is not a multiple of "
                                  + std::to_string(limits.minStorageBufferOffsetAlignment),
                              where);
    }
    if (groups.x == 0 || groups.y == 0 || groups.z == 0 || groups.x > limits.maxComputeWorkGroupCount[0]
        || groups.y > limits.maxComputeWorkGroupCount[1] || groups.z > limits.maxComputeWorkGroupCount[2])
        contractViolation(name + " dispatched with an empty or oversized grid; use linearGroups()", where);

    if (!ensureRecording(where))
        return;
    auto pipeline = m_context->pipelines().get(kernel, specs);
    if (!pipeline) {
        fail(pipeline.error());
        return;
    }
    auto set = allocateSet((*pipeline)->setLayout);
    if (!set)
        return;

    std::vector<VkDescriptorBufferInfo> buffers(bindings.size());
    std::vector<VkBufferView> views(bindings.size(), VK_NULL_HANDLE);
    std::vector<VkWriteDescriptorSet> writes(bindings.size());
    std::vector<BufferRange> reads;
    std::vector<BufferRange> written;
    for (size_t b = 0; b < bindings.size(); ++b) {
        buffers[b] = VkDescriptorBufferInfo{bindings[b].buffer, bindings[b].offset, bindings[b].size};
        writes[b] = vkStruct<VkWriteDescriptorSet>(VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET);
        writes[b].dstSet = *set;
        writes[b].dstBinding = static_cast<uint32_t>(b);
        writes[b].descriptorCount = 1;
        if (isTexelBinding(info.bindingAccess[b])) {
            auto view = texelView(bindings[b]);
            if (!view)
                return;
            views[b] = *view;
            writes[b].descriptorType = descriptorTypeOf(info.bindingAccess[b]);
            writes[b].pTexelBufferView = &views[b];
        } else {
            writes[b].descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
            writes[b].pBufferInfo = &buffers[b];
        }
        (isWrittenBinding(info.bindingAccess[b]) ? written : reads).push_back(bindings[b]);
    }
    vkUpdateDescriptorSets(m_context->device(), static_cast<uint32_t>(writes.size()), writes.data(), 0, nullptr);

    trackHazards(reads, written);
    vkCmdBindPipeline(m_commandBuffer, VK_PIPELINE_BIND_POINT_COMPUTE, (*pipeline)->pipeline);
    vkCmdBindDescriptorSets(m_commandBuffer, VK_PIPELINE_BIND_POINT_COMPUTE, (*pipeline)->layout, 0, 1, &*set, 0,
                            nullptr);
    if (!push.empty())
        vkCmdPushConstants(m_commandBuffer, (*pipeline)->layout, VK_SHADER_STAGE_COMPUTE_BIT, 0,
                           static_cast<uint32_t>(push.size()), push.data());
    vkCmdDispatch(m_commandBuffer, groups.x, groups.y, groups.z);
    ++m_dispatches;
    if (m_timeDispatches)
        timestamp(std::string(shaders::kernelName(kernel)));
}

void CommandRecorder::copy(const BufferRange& from, const BufferRange& to, std::source_location where)
{
    if (from.size != to.size || from.size == 0)
        contractViolation("copy between ranges of different or zero sizes", where);
    if (!ensureRecording(where))
        return;
    trackHazards(std::span(&from, 1), std::span(&to, 1));
    VkBufferCopy region{from.offset, to.offset, from.size};
    vkCmdCopyBuffer(m_commandBuffer, from.buffer, to.buffer, 1, &region);
}

void CommandRecorder::timestamp(std::string label)
{
    if (m_queryPool == VK_NULL_HANDLE || m_timestampLabels.size() >= m_maxTimestamps)
        return;
    if (!ensureRecording(std::source_location::current()))
        return;
    vkCmdWriteTimestamp(m_commandBuffer, VK_PIPELINE_STAGE_BOTTOM_OF_PIPE_BIT, m_queryPool,
                        static_cast<uint32_t>(m_timestampLabels.size()));
    m_timestampLabels.push_back(std::move(label));
}

Result<void> CommandRecorder::submit()
{
    if (m_error)
        return *m_error;
    if (m_state == State::Empty)
        return {};
    if (m_state == State::Recording) {
        // Make every result visible to the host (mapped read-back) once the fence signals.
        fullBarrier(m_commandBuffer, VK_PIPELINE_STAGE_HOST_BIT, VK_ACCESS_HOST_READ_BIT);
        if (VkResult r = vkEndCommandBuffer(m_commandBuffer); r != VK_SUCCESS) {
            fail(vulkanError(r, "finishing a command buffer"));
            return *m_error;
        }
        m_state = State::Ended;
    }
    return m_context->submitAndWait(m_commandBuffer);
}

std::vector<TimestampSample> CommandRecorder::timings() const
{
    std::vector<TimestampSample> samples;
    const uint32_t count = static_cast<uint32_t>(m_timestampLabels.size());
    if (count == 0 || m_state != State::Ended)
        return samples;
    std::vector<uint64_t> ticks(count);
    VkResult r = vkGetQueryPoolResults(m_context->device(), m_queryPool, 0, count, ticks.size() * sizeof(uint64_t),
                                       ticks.data(), sizeof(uint64_t), VK_QUERY_RESULT_64_BIT);
    if (r != VK_SUCCESS)
        return samples;
    const uint32_t bits = m_context->capabilities().timestampValidBits;
    const uint64_t mask = bits == 0 || bits >= 64 ? ~0ull : (1ull << bits) - 1;
    const double period = m_context->limits().timestampPeriod; // ns per tick
    for (uint32_t i = 0; i < count; ++i) {
        const uint64_t delta = (ticks[i] - ticks[0]) & mask;
        samples.push_back({m_timestampLabels[i], static_cast<double>(delta) * period / 1e6});
    }
    return samples;
}

} // namespace agora::vk
