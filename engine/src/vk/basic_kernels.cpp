#include "vk/basic_kernels.h"

#include "vk/context.h"
#include "vk/recorder.h"
#include "vk/vk_error.h"

#include <algorithm>

namespace agora::vk {
namespace {

// Subgroups per workgroup in the row-per-subgroup kernels. A few subgroups per workgroup keep a
// GPU's compute units busy with enough rows in flight; on lavapipe each workgroup runs on one
// CPU thread, so several rows per workgroup also amortize its per-workgroup overhead.
constexpr uint32_t kSubgroupsPerWorkgroup = 4;

struct RmsNormPush {
    uint32_t cols;
    float eps;
    uint32_t rows;
};

struct MatVecPush {
    uint32_t rows;
    uint32_t cols;
    uint32_t outOffset;
};

} // namespace

uint32_t rowWorkgroupSize(const Context& context)
{
    const uint32_t subgroup = std::max<uint32_t>(context.subgroupSize(), 1);
    return std::min(subgroup * kSubgroupsPerWorkgroup, context.info().maxWorkgroupInvocations);
}

void recordRmsNorm(CommandRecorder& recorder, const Context& context, const BufferRange& x,
                   const BufferRange& weight, const BufferRange& y, uint32_t rows, uint32_t cols, float eps)
{
    AGORA_VK_REQUIRE(x.size >= uint64_t(rows) * cols * sizeof(float), "rmsnorm input smaller than rows*cols");
    AGORA_VK_REQUIRE(y.size >= uint64_t(rows) * cols * sizeof(float), "rmsnorm output smaller than rows*cols");
    AGORA_VK_REQUIRE(weight.size >= uint64_t(cols) * sizeof(float), "rmsnorm weight shorter than cols");
    const uint32_t workgroup = rowWorkgroupSize(context);
    recorder.dispatch(shaders::KernelId::RmsNorm, {workgroup}, {x, weight, y}, RmsNormPush{cols, eps, rows},
                      linearGroups(context, rows));
}

void recordMatVecF32(CommandRecorder& recorder, const Context& context, const BufferRange& w, uint32_t rows,
                     uint32_t cols, const BufferRange& x, const BufferRange& y, uint32_t outOffset)
{
    AGORA_VK_REQUIRE(w.size >= uint64_t(rows) * cols * sizeof(float), "matvec matrix smaller than rows*cols");
    AGORA_VK_REQUIRE(x.size >= uint64_t(cols) * sizeof(float), "matvec vector shorter than cols");
    AGORA_VK_REQUIRE(y.size >= (uint64_t(outOffset) + rows) * sizeof(float), "matvec output too short");
    const uint32_t workgroup = rowWorkgroupSize(context);
    const uint32_t rowsPerWorkgroup = std::max<uint32_t>(workgroup / std::max<uint32_t>(context.subgroupSize(), 1), 1);
    const uint64_t workgroups = (uint64_t(rows) + rowsPerWorkgroup - 1) / rowsPerWorkgroup;
    recorder.dispatch(shaders::KernelId::MatVecF32, {workgroup, rowsPerWorkgroup}, {w, x, y},
                      MatVecPush{rows, cols, outOffset}, linearGroups(context, workgroups));
}

} // namespace agora::vk
