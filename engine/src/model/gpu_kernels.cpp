#include "model/gpu_kernels.h"

#include "vk/basic_kernels.h"
#include "vk/context.h"
#include "vk/quant_kernels.h"
#include "vk/recorder.h"
#include "vk/vk_error.h"

#include <algorithm>

namespace agora::model::gpu {
namespace {

using shaders::KernelId;

// Element-wise kernels: a plain 1-D grid; 64 lanes (or the device's limit) per workgroup.
uint32_t elementWorkgroupSize(const vk::Context& context)
{
    return std::min<uint32_t>(64, context.info().maxWorkgroupInvocations);
}

uint64_t groupsFor(uint64_t items, uint32_t workgroup) { return (items + workgroup - 1) / workgroup; }

constexpr uint64_t kFloat = sizeof(float);

struct RopePush {
    uint32_t headDim, nHeads, nDims, nTokens, firstPos;
    float freqBase, freqScale;
    uint32_t flags;
};
static_assert(sizeof(RopePush) == 32);

struct RopeStorePush {
    uint32_t headDim, nHeadQ, nKvHead, nDims, nTokens, firstPos;
    float freqBase, freqScale;
    uint32_t flags, ringSize;
};
static_assert(sizeof(RopeStorePush) == 40);

struct KvStorePush {
    uint32_t pairsPerRow, nTokens, firstPos, ringSize;
};
static_assert(sizeof(KvStorePush) == 16);

struct AttentionPush {
    uint32_t headDim, nHead, nKvHead, nTokens, firstPos;
    float scale;
    float softcap;
    uint32_t window;
};
static_assert(sizeof(AttentionPush) == 32);

struct ParamElementPush {
    uint32_t count;
    float param;
};

struct ElementPush {
    uint32_t count, width;
};

struct MatMulPush {
    uint32_t rows, cols, nTokens, xFirstRow, outOffset, outStride;
};
static_assert(sizeof(MatMulPush) == 24);

// Tokens sharing one pass over a weight row in matmul_f32.comp (TOKENS_PER_TILE there).
constexpr uint32_t kMatMulTokensPerTile = 8;

struct SoftmaxPush {
    uint32_t cols, rows;
};

// The attention shader's per-lane accumulator bound (MAX_DIMS_PER_LANE in attention.comp).
constexpr uint32_t kAttentionDimsPerLane = 8;

void recordElementwise(vk::CommandRecorder& recorder, const vk::Context& context, KernelId kernel,
                       const vk::BufferRange& a, const vk::BufferRange& b, const vk::BufferRange& out, uint32_t count,
                       uint32_t width)
{
    const uint32_t workgroup = elementWorkgroupSize(context);
    recorder.dispatch(kernel, {workgroup}, {a, b, out}, ElementPush{count, width},
                      vk::linearGroups(context, groupsFor(count, workgroup)));
}

} // namespace

void recordRope(vk::CommandRecorder& recorder, const vk::Context& context, const vk::BufferRange& x,
                const vk::BufferRange& factors, const RopeArgs& a)
{
    AGORA_VK_REQUIRE(a.nDims % 2 == 0 && a.nDims <= a.headDim && a.nDims > 0, "rope dims must be even and fit the head");
    AGORA_VK_REQUIRE(x.size >= uint64_t(a.nTokens) * a.nHeads * a.headDim * kFloat, "rope input too small");
    AGORA_VK_REQUIRE(!a.useFactors || factors.size >= uint64_t(a.nDims / 2) * kFloat, "rope factors too short");
    const uint32_t workgroup = elementWorkgroupSize(context);
    const uint64_t pairs = uint64_t(a.nTokens) * a.nHeads * (a.nDims / 2);
    const uint32_t flags = (a.neox ? 1u : 0u) | (a.useFactors ? 2u : 0u);
    recorder.dispatch(KernelId::Rope, {workgroup}, {x, factors},
                      RopePush{a.headDim, a.nHeads, a.nDims, a.nTokens, a.firstPos, a.freqBase, a.freqScale, flags},
                      vk::linearGroups(context, groupsFor(pairs, workgroup)));
}

void recordKvStore(vk::CommandRecorder& recorder, const vk::Context& context, const vk::BufferRange& k,
                   const vk::BufferRange& v, const vk::BufferRange& kCache, const vk::BufferRange& vCache,
                   uint32_t kvRowSize, uint32_t nTokens, uint32_t firstPos, uint32_t ringSize)
{
    AGORA_VK_REQUIRE(kvRowSize % 2 == 0, "KV rows must have an even length (f16 pairs)");
    AGORA_VK_REQUIRE(k.size >= uint64_t(nTokens) * kvRowSize * kFloat && v.size >= k.size, "K/V input too small");
    if (ringSize == 0)
        ringSize = firstPos + nTokens; // every position has its own slot
    const uint64_t cacheBytes = uint64_t(ringSize) * kvRowSize * sizeof(uint16_t);
    AGORA_VK_REQUIRE(kCache.size >= cacheBytes && vCache.size >= cacheBytes, "the batch runs past the KV cache");
    const uint32_t workgroup = elementWorkgroupSize(context);
    const uint32_t pairsPerRow = kvRowSize / 2;
    recorder.dispatch(KernelId::KvStore, {workgroup}, {k, v, kCache, vCache},
                      KvStorePush{pairsPerRow, nTokens, firstPos, ringSize},
                      vk::linearGroups(context, groupsFor(uint64_t(nTokens) * pairsPerRow, workgroup)));
}

void recordRopeStore(vk::CommandRecorder& recorder, const vk::Context& context, const vk::BufferRange& q,
                     const vk::BufferRange& k, const vk::BufferRange& v, const vk::BufferRange& factors,
                     const vk::BufferRange& kCache, const vk::BufferRange& vCache, const RopeArgs& a,
                     uint32_t nKvHead, uint32_t ringSize)
{
    AGORA_VK_REQUIRE(a.nDims % 2 == 0 && a.nDims <= a.headDim && a.nDims > 0, "rope dims must be even and fit the head");
    AGORA_VK_REQUIRE(a.headDim % 2 == 0 && nKvHead > 0, "KV rows must have an even length (f16 pairs)");
    const uint64_t kvRow = uint64_t(nKvHead) * a.headDim;
    AGORA_VK_REQUIRE(q.size >= uint64_t(a.nTokens) * a.nHeads * a.headDim * kFloat, "rope q too small");
    AGORA_VK_REQUIRE(k.size >= a.nTokens * kvRow * kFloat && v.size >= a.nTokens * kvRow * kFloat, "K/V input too small");
    AGORA_VK_REQUIRE(!a.useFactors || factors.size >= uint64_t(a.nDims / 2) * kFloat, "rope factors too short");
    AGORA_VK_REQUIRE(!q.overlaps(k) && !q.overlaps(v), "q is rotated in place while k and v are read: no overlap");
    if (ringSize == 0)
        ringSize = a.firstPos + a.nTokens; // every position has its own slot
    const uint64_t cacheBytes = uint64_t(ringSize) * kvRow * sizeof(uint16_t);
    AGORA_VK_REQUIRE(kCache.size >= cacheBytes && vCache.size >= cacheBytes, "the batch runs past the KV cache");
    const uint32_t workgroup = elementWorkgroupSize(context);
    const uint64_t items = uint64_t(a.nTokens) * (uint64_t(a.nHeads) * (a.nDims / 2) + kvRow / 2);
    const uint32_t flags = (a.neox ? 1u : 0u) | (a.useFactors ? 2u : 0u);
    recorder.dispatch(KernelId::RopeStore, {workgroup}, {q, k, v, kCache, vCache, factors},
                      RopeStorePush{a.headDim, a.nHeads, nKvHead, a.nDims, a.nTokens, a.firstPos, a.freqBase,
                                    a.freqScale, flags, ringSize},
                      vk::linearGroups(context, groupsFor(items, workgroup)));
}

void recordAttention(vk::CommandRecorder& recorder, const vk::Context& context, const vk::BufferRange& q,
                     const vk::BufferRange& kCache, const vk::BufferRange& vCache, const vk::BufferRange& out,
                     const AttentionArgs& a)
{
    AGORA_VK_REQUIRE(a.nKvHead > 0 && a.nHead % a.nKvHead == 0, "query heads must be a multiple of KV heads");
    AGORA_VK_REQUIRE(a.headDim % 2 == 0, "the head size must be even (f16 pairs)");
    AGORA_VK_REQUIRE(a.ringSize == 0 || a.ringSize >= a.firstPos + a.nTokens, "this kernel reads no ring cache");
    const uint64_t qBytes = uint64_t(a.nTokens) * a.nHead * a.headDim * kFloat;
    AGORA_VK_REQUIRE(q.size >= qBytes && out.size >= qBytes, "attention q/out too small");
    const uint64_t cacheBytes = (uint64_t(a.firstPos) + a.nTokens) * a.nKvHead * a.headDim * sizeof(uint16_t);
    AGORA_VK_REQUIRE(kCache.size >= cacheBytes && vCache.size >= cacheBytes, "attention reads past the KV cache");
    // Enough lanes that every head dimension has an accumulator slot.
    const uint32_t needed = (a.headDim + kAttentionDimsPerLane - 1) / kAttentionDimsPerLane;
    const uint32_t workgroup = std::max(vk::rowWorkgroupSize(context), needed);
    AGORA_VK_REQUIRE(workgroup <= context.info().maxWorkgroupInvocations, "head size too large for this device");
    recorder.dispatch(KernelId::Attention, {workgroup}, {q, kCache, vCache, out},
                      AttentionPush{a.headDim, a.nHead, a.nKvHead, a.nTokens, a.firstPos, a.scale, a.softcap, a.window},
                      vk::linearGroups(context, uint64_t(a.nTokens) * a.nHead));
}

void recordSiluGate(vk::CommandRecorder& recorder, const vk::Context& context, const vk::BufferRange& gate,
                    const vk::BufferRange& up, const vk::BufferRange& out, uint32_t count)
{
    AGORA_VK_REQUIRE(gate.size >= count * kFloat && up.size >= count * kFloat && out.size >= count * kFloat,
                     "silu-gate buffers too small");
    recordElementwise(recorder, context, KernelId::SiluGate, gate, up, out, count, 1);
}

void recordGeluGate(vk::CommandRecorder& recorder, const vk::Context& context, const vk::BufferRange& gate,
                    const vk::BufferRange& up, const vk::BufferRange& out, uint32_t count)
{
    AGORA_VK_REQUIRE(gate.size >= count * kFloat && up.size >= count * kFloat && out.size >= count * kFloat,
                     "gelu-gate buffers too small");
    const uint32_t workgroup = elementWorkgroupSize(context);
    recorder.dispatch(KernelId::GeluGate, {workgroup}, {gate, up, out}, ParamElementPush{count, 0.0f},
                      vk::linearGroups(context, groupsFor(count, workgroup)));
}

void recordSoftcap(vk::CommandRecorder& recorder, const vk::Context& context, const vk::BufferRange& x,
                   uint32_t count, float cap)
{
    AGORA_VK_REQUIRE(x.size >= count * kFloat && cap > 0.0f, "softcap buffer too small or cap not positive");
    const uint32_t workgroup = elementWorkgroupSize(context);
    recorder.dispatch(KernelId::Softcap, {workgroup}, {x, x, x}, ParamElementPush{count, cap},
                      vk::linearGroups(context, groupsFor(count, workgroup)));
}

void recordScale(vk::CommandRecorder& recorder, const vk::Context& context, const vk::BufferRange& x,
                 uint32_t count, float factor)
{
    AGORA_VK_REQUIRE(x.size >= count * kFloat, "scale buffer too small");
    const uint32_t workgroup = elementWorkgroupSize(context);
    recorder.dispatch(KernelId::Scale, {workgroup}, {x, x, x}, ParamElementPush{count, factor},
                      vk::linearGroups(context, groupsFor(count, workgroup)));
}

void recordAdd(vk::CommandRecorder& recorder, const vk::Context& context, const vk::BufferRange& a,
               const vk::BufferRange& b, const vk::BufferRange& out, uint32_t count)
{
    AGORA_VK_REQUIRE(a.size >= count * kFloat && b.size >= count * kFloat && out.size >= count * kFloat,
                     "add buffers too small");
    recordElementwise(recorder, context, KernelId::Add, a, b, out, count, 1);
}

void recordBiasAdd(vk::CommandRecorder& recorder, const vk::Context& context, const vk::BufferRange& x,
                   const vk::BufferRange& bias, const vk::BufferRange& out, uint32_t count, uint32_t width)
{
    AGORA_VK_REQUIRE(width > 0 && count % width == 0, "bias-add count must be whole rows");
    AGORA_VK_REQUIRE(x.size >= count * kFloat && out.size >= count * kFloat && bias.size >= width * kFloat,
                     "bias-add buffers too small");
    recordElementwise(recorder, context, KernelId::BiasAdd, x, bias, out, count, width);
}

void recordMatMulF32(vk::CommandRecorder& recorder, const vk::Context& context, const vk::BufferRange& w,
                     uint32_t rows, uint32_t cols, const vk::BufferRange& x, const vk::BufferRange& y,
                     const MatMulArgs& a)
{
    const uint32_t outStride = a.outStride ? a.outStride : rows;
    AGORA_VK_REQUIRE(w.size >= uint64_t(rows) * cols * kFloat, "matmul matrix smaller than rows*cols");
    AGORA_VK_REQUIRE(x.size >= (uint64_t(a.xFirstRow) + a.nTokens) * cols * kFloat, "matmul input too small");
    AGORA_VK_REQUIRE(a.outOffset + rows <= outStride, "matmul rows overflow the output row");
    AGORA_VK_REQUIRE(y.size >= uint64_t(a.nTokens) * outStride * kFloat, "matmul output too small");
    const uint32_t workgroup = vk::rowWorkgroupSize(context);
    const uint32_t rowsPerWorkgroup = std::max<uint32_t>(workgroup / std::max<uint32_t>(context.subgroupSize(), 1), 1);
    const uint64_t rowGroups = (uint64_t(rows) + rowsPerWorkgroup - 1) / rowsPerWorkgroup;
    const uint64_t tiles = (uint64_t(a.nTokens) + kMatMulTokensPerTile - 1) / kMatMulTokensPerTile;
    recorder.dispatch(KernelId::MatMulF32, {workgroup, rowsPerWorkgroup}, {w, x, y},
                      MatMulPush{rows, cols, a.nTokens, a.xFirstRow, a.outOffset, outStride},
                      vk::linearGroups(context, rowGroups * tiles));
}

ActivationRounding activationRoundingFor(TensorType type)
{
    switch (type) {
    case TensorType::F16: return ActivationRounding::F16;
    case TensorType::BF16: return ActivationRounding::BF16;
    case TensorType::Q4_0:
    case TensorType::Q4_1:
    case TensorType::Q5_0:
    case TensorType::Q5_1:
    case TensorType::Q8_0:
    case TensorType::IQ4_NL: return ActivationRounding::Q8_0; // Q8_1 (Q4_1, Q5_1) rounds values alike
    case TensorType::Q2_K:
    case TensorType::Q3_K:
    case TensorType::Q4_K:
    case TensorType::Q5_K:
    case TensorType::Q6_K:
    case TensorType::IQ4_XS: return ActivationRounding::Q8_K;
    default: return ActivationRounding::None;
    }
}

void recordRoundActivations(vk::CommandRecorder& recorder, const vk::Context& context, ActivationRounding rounding,
                            const vk::BufferRange& x, const vk::BufferRange& y, uint32_t count)
{
    // The round_activations.comp variant and the values one invocation rounds (a block, or one value).
    KernelId kernel = KernelId::RoundF16;
    uint32_t block = 1;
    switch (rounding) {
    case ActivationRounding::None: return;
    case ActivationRounding::F16: break;
    case ActivationRounding::BF16: kernel = KernelId::RoundBF16; break;
    case ActivationRounding::Q8_0:
        kernel = KernelId::RoundQ8_0;
        block = 32;
        break;
    case ActivationRounding::Q8_K:
        kernel = KernelId::RoundQ8_K;
        block = 256;
        break;
    }
    AGORA_VK_REQUIRE(count % block == 0, "rounded activations must be whole blocks");
    AGORA_VK_REQUIRE(x.size >= count * kFloat && y.size >= count * kFloat, "rounding buffers too small");
    const uint32_t workgroup = elementWorkgroupSize(context);
    const uint32_t items = count / block;
    recorder.dispatch(kernel, {workgroup}, {x, y}, items, vk::linearGroups(context, groupsFor(items, workgroup)));
}

void recordPackActivations(vk::CommandRecorder& recorder, const vk::Context& context, const vk::BufferRange& x,
                           const vk::BufferRange& packed, uint32_t cols, uint32_t rows)
{
    AGORA_VK_REQUIRE(cols % 32 == 0 && rows > 0, "packed activations must be whole blocks of 32");
    AGORA_VK_REQUIRE(x.size >= uint64_t(rows) * cols * kFloat && packed.size >= rows * vk::packedVectorBytes(cols),
                     "packing buffers too small");
    const uint32_t workgroup = elementWorkgroupSize(context);
    struct {
        uint32_t items;
        uint32_t rowBlocks;
    } push{rows * (cols / 32), cols / 32};
    recorder.dispatch(KernelId::PackQ8_0, {workgroup}, {x, packed}, push,
                      vk::linearGroups(context, groupsFor(push.items, workgroup)));
}

void recordRmsNormPacked(vk::CommandRecorder& recorder, const vk::Context& context, const vk::BufferRange& x,
                         const vk::BufferRange& weight, const vk::BufferRange& y, const vk::BufferRange& packed,
                         uint32_t rows, uint32_t cols, float eps)
{
    AGORA_VK_REQUIRE(cols % 32 == 0 && rows > 0, "packed activations must be whole blocks of 32");
    AGORA_VK_REQUIRE(x.size >= uint64_t(rows) * cols * kFloat && y.size >= uint64_t(rows) * cols * kFloat
                         && weight.size >= uint64_t(cols) * kFloat,
                     "rmsnorm buffers too small");
    AGORA_VK_REQUIRE(packed.size >= rows * vk::packedVectorBytes(cols), "packing buffer too small");
    AGORA_VK_REQUIRE(!x.overlaps(y), "the packing rmsnorm reads x after writing y: they must not overlap");
    struct {
        uint32_t cols;
        float eps;
        uint32_t rows;
    } push{cols, eps, rows};
    recorder.dispatch(KernelId::RmsNormPackQ8_0, {vk::rowWorkgroupSize(context)}, {x, weight, y, packed}, push,
                      vk::linearGroups(context, rows));
}

void recordSoftmax(vk::CommandRecorder& recorder, const vk::Context& context, const vk::BufferRange& x,
                   uint32_t rows, uint32_t cols)
{
    AGORA_VK_REQUIRE(x.size >= uint64_t(rows) * cols * kFloat, "softmax input too small");
    const uint32_t workgroup = vk::rowWorkgroupSize(context);
    recorder.dispatch(KernelId::Softmax, {workgroup}, {x}, SoftmaxPush{cols, rows}, vk::linearGroups(context, rows));
}

} // namespace agora::model::gpu
