// Host side of the f32 building-block kernels: picks workgroup shapes from the device (its
// subgroup size) and records the dispatch with the push constants the shader expects.
#pragma once

#include "vk/buffer.h"

#include <cstdint>

namespace agora::vk {

class CommandRecorder;
class Context;

// y[r, :] = x[r, :] / sqrt(mean(x[r, :]^2) + eps) * weight, for `rows` rows of `cols` floats.
void recordRmsNorm(CommandRecorder& recorder, const Context& context, const BufferRange& x,
                   const BufferRange& weight, const BufferRange& y, uint32_t rows, uint32_t cols, float eps);

// y[outOffset + r] = dot(w[r, :], x) for an f32 row-major w of (rows, cols) in one binding.
void recordMatVecF32(CommandRecorder& recorder, const Context& context, const BufferRange& w, uint32_t rows,
                     uint32_t cols, const BufferRange& x, const BufferRange& y, uint32_t outOffset = 0);

// The workgroup size used for one-row-per-workgroup kernels: a few subgroups, within the limit.
uint32_t rowWorkgroupSize(const Context& context);

} // namespace agora::vk
