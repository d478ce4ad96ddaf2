// The command recorder: records a whole sequence of kernel dispatches (a forward pass) into one
// command buffer and submits it once, with a fence. Every dispatch is checked against the
// kernel's declared interface (binding count, push-constant size, specialization count, binding
// ranges within the device's limits); a mismatch is a programmer error and aborts with the
// caller's file:line. Barriers are placed automatically: a dispatch that reads or writes memory
// an earlier, not yet fenced-off dispatch wrote (or writes what one read) gets a compute barrier
// first, so independent dispatches (Q, K and V projections) run without one.
//
// Driver failures while recording (a pipeline that cannot be built) are remembered and returned
// by submit(); recording continues as a no-op so call sites stay free of error plumbing.
#pragma once

#include "agora/engine.h"
#include "agora_shaders/kernels.h"
#include "vk/buffer.h"

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <optional>
#include <source_location>
#include <span>
#include <string>
#include <vector>

#include <vulkan/vulkan.h>

namespace agora::vk {

class Context;

struct Groups {
    uint32_t x = 1;
    uint32_t y = 1;
    uint32_t z = 1;
};

// `count` workgroups as a 2D grid within the device's maxComputeWorkGroupCount; the shaders fold
// it back with linearWorkgroupIndex() (shaders/common/common.glsl) and skip the overhang.
Groups linearGroups(const Context& context, uint64_t count);

struct TimestampSample {
    std::string label;
    double milliseconds = 0; // since the first timestamp of the submission
};

class CommandRecorder {
public:
    static Result<std::unique_ptr<CommandRecorder>> create(std::shared_ptr<Context> context,
                                                           uint32_t maxTimestamps = 64);
    ~CommandRecorder();
    CommandRecorder(const CommandRecorder&) = delete;
    CommandRecorder& operator=(const CommandRecorder&) = delete;

    // Forgets everything recorded; the next command starts a new recording.
    void reset();

    void dispatch(shaders::KernelId kernel, std::span<const uint32_t> specs, std::span<const BufferRange> bindings,
                  std::span<const std::byte> push, Groups groups,
                  std::source_location where = std::source_location::current());

    template <typename Push>
    void dispatch(shaders::KernelId kernel, std::initializer_list<uint32_t> specs,
                  std::initializer_list<BufferRange> bindings, const Push& push, Groups groups,
                  std::source_location where = std::source_location::current())
    {
        dispatch(kernel, std::span<const uint32_t>(specs.begin(), specs.size()),
                 std::span<const BufferRange>(bindings.begin(), bindings.size()),
                 std::as_bytes(std::span<const Push>(&push, 1)), groups, where);
    }

    void copy(const BufferRange& from, const BufferRange& to,
              std::source_location where = std::source_location::current());
    // A full compute/transfer barrier, for dependencies the recorder cannot see.
    void barrier();
    // Records the GPU time at this point (ignored when the device has no timestamps or the
    // recorder's capacity is used up).
    void timestamp(std::string label);

    // Ends the recording (if still open), submits it and waits. Can be called again to re-run
    // the same recorded work, e.g. with new input data in the same buffers.
    Result<void> submit();

    // The timestamps of the last submission.
    std::vector<TimestampSample> timings() const;
    // When on, every dispatch is followed by a timestamp labelled with its kernel's name (and a
    // recording starts with one labelled "start"), so timings() gives each dispatch's time as the
    // difference to the sample before it: what `agora-cli bench --profile` reports per kernel.
    // Needs a recorder created with room for the dispatches it will record.
    void timeEveryDispatch(bool on) { m_timeDispatches = on; }
    uint32_t dispatchCount() const { return m_dispatches; }
    uint32_t barrierCount() const { return m_barriers; }

private:
    explicit CommandRecorder(std::shared_ptr<Context> context);
    bool ensureRecording(std::source_location where);
    std::optional<VkDescriptorSet> allocateSet(VkDescriptorSetLayout layout);
    std::optional<VkBufferView> texelView(const BufferRange& range);
    void trackHazards(std::span<const BufferRange> reads, std::span<const BufferRange> writes);
    void fail(Error error);

    std::shared_ptr<Context> m_context;
    VkCommandPool m_pool = VK_NULL_HANDLE;
    VkCommandBuffer m_commandBuffer = VK_NULL_HANDLE;
    std::vector<VkDescriptorPool> m_descriptorPools;
    std::vector<VkBufferView> m_views; // of 't' bindings, alive until reset() re-records
    size_t m_currentPool = 0;
    VkQueryPool m_queryPool = VK_NULL_HANDLE;
    uint32_t m_maxTimestamps = 0;
    std::vector<std::string> m_timestampLabels;
    bool m_timeDispatches = false;

    enum class State { Empty, Recording, Ended };
    State m_state = State::Empty;
    std::optional<Error> m_error;
    std::vector<BufferRange> m_pendingWrites; // written since the last barrier
    std::vector<BufferRange> m_pendingReads;  // read since the last barrier
    uint32_t m_dispatches = 0;
    uint32_t m_barriers = 0;
};

} // namespace agora::vk
