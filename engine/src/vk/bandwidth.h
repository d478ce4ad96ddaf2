// The device's copy bandwidth, measured: the yardstick for how close a memory-bound kernel (a
// matrix-vector product reads every weight once) comes to what the memory can deliver.
#pragma once

#include "agora/engine.h"

#include <cstdint>
#include <memory>

namespace agora::vk {

class Context;

struct CopyBandwidth {
    double kernelReadGBps = 0; // bytes read per second by copy_vec4.comp (each byte also written)
    double transferReadGBps = 0; // the same for vkCmdCopyBuffer
    uint64_t bytes = 0;        // bytes copied per run
    double best() const { return kernelReadGBps > transferReadGBps ? kernelReadGBps : transferReadGBps; }
};

// Copies `bytes` (rounded down to 16) between two device-local buffers `repetitions` times each
// way (kernel and transfer) and keeps the fastest run of each. GPU timestamps when the device has
// them, else the wall clock around each submission.
Result<CopyBandwidth> measureCopyBandwidth(std::shared_ptr<Context> context, uint64_t bytes, int repetitions);

} // namespace agora::vk
