#include "vk/bandwidth.h"

#include "vk/buffer.h"
#include "vk/context.h"
#include "vk/recorder.h"

#include <algorithm>
#include <chrono>
#include <functional>

namespace agora::vk {
namespace {

constexpr uint32_t kCopyWorkgroup = 64;

struct CopyPush {
    uint32_t count;
};

// Seconds of the recorded work between the "start" and "end" timestamps, or of the whole
// submission when the device has no timestamps.
Result<double> timedSubmit(CommandRecorder& recorder)
{
    const auto start = std::chrono::steady_clock::now();
    if (auto submitted = recorder.submit(); !submitted)
        return submitted.error();
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const auto samples = recorder.timings();
    if (samples.size() == 2 && samples[1].milliseconds > samples[0].milliseconds)
        return (samples[1].milliseconds - samples[0].milliseconds) / 1000.0;
    return wall;
}

Result<double> fastestRun(const std::shared_ptr<Context>& context, int repetitions,
                          const std::function<void(CommandRecorder&)>& record)
{
    auto recorder = CommandRecorder::create(context, 4);
    if (!recorder)
        return recorder.error();
    (*recorder)->timestamp("start");
    record(**recorder);
    (*recorder)->timestamp("end");
    double best = 0;
    for (int i = 0; i < std::max(repetitions, 1); ++i) {
        auto seconds = timedSubmit(**recorder);
        if (!seconds)
            return seconds.error();
        best = i == 0 ? *seconds : std::min(best, *seconds);
    }
    return best;
}

} // namespace

Result<CopyBandwidth> measureCopyBandwidth(std::shared_ptr<Context> context, uint64_t bytes, int repetitions)
{
    bytes = std::min<uint64_t>(bytes, context->maxStorageBufferRange()) / 16 * 16;
    if (bytes == 0)
        return Error{ErrorCode::InvalidArgument, "copy bandwidth: nothing to copy"};
    auto source = Buffer::create(context, bytes, MemoryUse::DeviceLocal);
    if (!source)
        return source.error();
    auto destination = Buffer::create(context, bytes, MemoryUse::DeviceLocal);
    if (!destination)
        return destination.error();
    CopyBandwidth result;
    result.bytes = bytes;

    const uint32_t vec4s = static_cast<uint32_t>(bytes / 16);
    const uint32_t workgroup = std::min(kCopyWorkgroup, context->info().maxWorkgroupInvocations);
    auto kernel = fastestRun(context, repetitions, [&](CommandRecorder& recorder) {
        recorder.dispatch(shaders::KernelId::CopyVec4, {workgroup}, {source->range(), destination->range()},
                          CopyPush{vec4s}, linearGroups(*context, (uint64_t(vec4s) + workgroup - 1) / workgroup));
    });
    if (!kernel)
        return kernel.error();
    auto transfer = fastestRun(context, repetitions, [&](CommandRecorder& recorder) {
        recorder.copy(source->range(), destination->range());
    });
    if (!transfer)
        return transfer.error();
    result.kernelReadGBps = double(bytes) / *kernel / 1e9;
    result.transferReadGBps = double(bytes) / *transfer / 1e9;
    return result;
}

} // namespace agora::vk
