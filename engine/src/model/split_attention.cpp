#include "model/split_attention.h"

#include "vk/basic_kernels.h"
#include "vk/quant_kernels.h"
#include "vk/context.h"
#include "vk/recorder.h"
#include "vk/vk_error.h"

#include <algorithm>
#include <cstdlib>
#include <string_view>
#include <thread>

namespace agora::model::gpu {
namespace {

using shaders::KernelId;

constexpr uint64_t kFloat = sizeof(float);

// Workgroups worth having in flight for one attention dispatch on a GPU: enough to occupy every
// compute unit of a large one a few times over. Splitting further only adds merge work.
constexpr uint32_t kTargetWorkgroups = 256;
// A CPU device (lavapipe) runs one workgroup per host thread at a time, and each split adds
// fixed costs (4096 keys, 14 heads: 1.8 ms of CPU time in one split, 2.0-2.1 in four, 3.9-5.7 in
// 32): one workgroup per thread. On the Qwen2.5-0.5B shape (two KV heads, so no split on two
// threads) a decoded token at depth 4096 took 73.6-77.3 ms against 74.9-81.8 with four per thread
// (three interleaved runs each), depth 0 unchanged.
constexpr uint32_t kWorkgroupsPerCpuThread = 1;

uint32_t targetWorkgroups(const vk::Context& context)
{
    if (context.info().type != DeviceType::Cpu)
        return kTargetWorkgroups;
    return std::clamp<uint32_t>(kWorkgroupsPerCpuThread * std::thread::hardware_concurrency(), 1, kTargetWorkgroups);
}
// A split shorter than this spends more on its fixed costs (loading q, barriers, the merge) than
// on keys.
constexpr uint32_t kMinSplitPositions = 128;
// Scores kept in shared memory per round; more only helps when splits are long.
constexpr uint32_t kMaxBlock = 512;
// Scores kept in the scratch per round and workgroup: a decoded token's whole split in one round
// up to this (4096-key attention, CPU time, Llama-3.2-1B shape: blocks of 512 2.6 ms, 1024 2.4,
// 2048 2.3, 4096 2.3; Qwen2.5-0.5B shape 1.05, 0.95, 0.91, 0.85). Always this BLOCK (the kernel
// sizes its slot from the split), so a growing context builds no new pipeline.
constexpr uint32_t kScratchBlock = 4096;
// Query heads one workgroup serves (HEADS in attention_split.comp) and the head size bound.
constexpr uint32_t kMaxHeadsPerGroup = 8;
constexpr uint32_t kMaxHeadDim = 256;

struct SplitPush {
    uint32_t headDim, nHead, nKvHead, nTokens, firstPos;
    float scale;
    float softcap;
    uint32_t window, ringSize, splitLength, nSplits;
};
static_assert(sizeof(SplitPush) == 44);

// SplitPush, then RopeStorePush's rope fields (attention_split.comp ROPE_STORE).
struct RopeSplitPush {
    SplitPush split;
    uint32_t nDims;
    float freqBase;
    float freqScale;
    uint32_t flags;
};
static_assert(sizeof(RopeSplitPush) == 60);

struct MergePush {
    uint32_t headDim, nRows, nSplits;
};
static_assert(sizeof(MergePush) == 12);

uint32_t ceilDiv(uint64_t a, uint64_t b) { return uint32_t((a + b - 1) / b); }

// Shared memory of attention_split.comp besides the block's scores: the queries (for the largest
// head) and the reduction slots.
uint64_t fixedSharedBytes(uint32_t heads, uint32_t workgroup)
{
    return uint64_t(heads) * (kMaxHeadDim / 4) * 16 + uint64_t(heads) * workgroup * kFloat;
}

// The fewest positions per block (a multiple of the workgroup) whose scores array also holds the
// kernel's last step: two vec4 slice sums per (head, lane), then every head's output (packing).
uint64_t minimumBlock(uint32_t heads, uint32_t workgroup, uint32_t headDim)
{
    const uint64_t headVec4s = (uint64_t(heads) + 3) / 4; // a position's scores
    const uint64_t epilogueVec4s = 2 * uint64_t(heads) * workgroup + uint64_t(heads) * headDim / 4;
    return (epilogueVec4s + headVec4s * workgroup - 1) / (headVec4s * workgroup) * workgroup;
}

uint64_t blockBytes(uint32_t heads, uint64_t block) { return block * ((uint64_t(heads) + 3) / 4) * 16; }

// Shared memory of the last step when the scores live in the scratch (attention_split.comp
// SCORES_IN_SCRATCH: two vec4 slice sums per (head, lane), then every head's output).
uint64_t lastStepBytes(uint32_t heads, uint32_t workgroup, uint32_t headDim)
{
    return (2 * uint64_t(heads) * workgroup + uint64_t(heads) * headDim / 4) * 16;
}

uint64_t partialsBytes(const AttentionArgs& a, const SplitAttentionPlan& plan)
{
    return plan.nSplits > 1 ? uint64_t(a.nTokens) * a.nHead * plan.nSplits * (uint64_t(a.headDim) + 2) * kFloat : 0;
}

// Where the scores start in the scratch: after the partials, at an offset texel views may start at.
uint64_t scoresOffset(const vk::Context& context, const AttentionArgs& a, const SplitAttentionPlan& plan)
{
    const uint64_t align = std::max<uint64_t>(context.limits().minTexelBufferOffsetAlignment, 16);
    return (partialsBytes(a, plan) + align - 1) / align * align;
}

uint64_t maxTexelBytes(const vk::Context& context) { return uint64_t(context.limits().maxTexelBufferElements) * 16; }

// Whether `r` can be bound as a texel buffer view: whole 16-byte texels at an offset views may
// start at, within the device's texel limit.
bool fitsTexelView(const vk::Context& context, const vk::BufferRange& r)
{
    const VkDeviceSize align = std::max<VkDeviceSize>(context.limits().minTexelBufferOffsetAlignment, 16);
    return r.size % 16 == 0 && r.offset % align == 0 && r.size <= maxTexelBytes(context);
}

// AGORA_VK_SCRATCH_SCORES=off in the environment keeps Auto's scores in shared memory (A/B benchmarks).
bool scratchScoresSwitchedOff()
{
    static const bool off = [] {
        const char* value = std::getenv("AGORA_VK_SCRATCH_SCORES");
        return value && std::string_view(value) == "off";
    }();
    return off;
}

uint64_t workgroupsOf(const AttentionArgs& a, const SplitAttentionPlan& plan)
{
    return uint64_t(a.nTokens) * (a.nHead / plan.headsPerGroup) * plan.nSplits;
}

// Positions in one workgroup's slot of scores (attention_split.comp SCORES_IN_SCRATCH: slotPositions).
uint64_t slotPositions(uint32_t block, const SplitAttentionPlan& plan)
{
    return std::min<uint64_t>(block, uint64_t(ceilDiv(plan.splitLength, plan.workgroup)) * plan.workgroup);
}

} // namespace

bool splitAttentionSupports(uint32_t headDim) { return headDim % 8 == 0 && headDim <= kMaxHeadDim; }

uint64_t splitAttentionScratchBytes(uint32_t headDim)
{
    // A plan splits only when fewer than kTargetWorkgroups (token, head group) rows exist, into
    // at most ceil(kTargetWorkgroups / rows) splits: fewer than 2 * kTargetWorkgroups workgroups,
    // each writing a partial for up to kMaxHeadsPerGroup heads.
    return uint64_t(2) * kTargetWorkgroups * kMaxHeadsPerGroup * (uint64_t(headDim) + 2) * kFloat;
}

SplitAttentionPlan planSplitAttention(const vk::Context& context, const AttentionArgs& a, uint64_t scratchBytes,
                                      uint32_t forceSplits, AttentionReads reads)
{
    SplitAttentionPlan plan;
    // At least one lane per 8 dimensions of the head for the weighted sum of V.
    plan.workgroup = std::max({vk::rowWorkgroupSize(context), kMaxHeadDim / 8, a.headDim / 8});
    // The most heads of a GQA group (a divisor of the group) whose scores fit shared memory.
    const uint32_t group = a.nKvHead ? a.nHead / a.nKvHead : 1;
    const uint64_t shared = context.info().sharedMemoryBytes;
    plan.headsPerGroup = 1;
    for (uint32_t heads = std::min(group, kMaxHeadsPerGroup); heads > 1; --heads) {
        const uint64_t minimum = fixedSharedBytes(heads, plan.workgroup)
                                 + blockBytes(heads, minimumBlock(heads, plan.workgroup, a.headDim));
        if (group % heads == 0 && minimum <= shared) {
            plan.headsPerGroup = heads;
            break;
        }
    }
    const uint64_t fixed = fixedSharedBytes(plan.headsPerGroup, plan.workgroup);
    // The scores' slots: heads padded to whole vec4s (attention_split.comp: HEAD_VEC4).
    const uint64_t paddedHeads = (uint64_t(plan.headsPerGroup) + 3) / 4 * 4;
    const uint64_t room = shared > fixed ? (shared - fixed) / (paddedHeads * kFloat) : 0;
    const uint64_t block = std::min<uint64_t>(kMaxBlock, room) / plan.workgroup * plan.workgroup;
    plan.block = uint32_t(std::max<uint64_t>(block, minimumBlock(plan.headsPerGroup, plan.workgroup, a.headDim)));

    // The most keys any token of the batch sees (the last one, or a full window).
    uint64_t visible = uint64_t(a.firstPos) + a.nTokens;
    if (a.window > 0)
        visible = std::min<uint64_t>(visible, a.window);
    const uint64_t groups = uint64_t(a.nTokens) * (a.nHead / plan.headsPerGroup);
    const uint64_t partialBytes = uint64_t(a.nTokens) * a.nHead * (uint64_t(a.headDim) + 2) * kFloat;
    uint64_t splits = std::min<uint64_t>(ceilDiv(targetWorkgroups(context), groups), ceilDiv(visible, kMinSplitPositions));
    if (forceSplits > 0)
        splits = std::min<uint64_t>(forceSplits, visible);
    splits = std::min<uint64_t>(splits, partialBytes ? scratchBytes / partialBytes : 0);
    splits = std::max<uint64_t>(splits, 1);
    plan.splitLength = ceilDiv(visible, splits);
    plan.nSplits = ceilDiv(visible, plan.splitLength); // no split left empty for the last token

    // Texel reads keep the scores in the scratch when it has a slot for every workgroup (a decoded
    // token: its whole split up to 4096 positions).
    const bool scoresMayMove = reads == AttentionReads::TexelBuffers
                               || (reads == AttentionReads::Auto && context.info().type == DeviceType::Cpu
                                   && !scratchScoresSwitchedOff());
    const uint64_t offset = scoresOffset(context, a, plan);
    if (!scoresMayMove || scratchBytes <= offset
        || lastStepBytes(plan.headsPerGroup, plan.workgroup, a.headDim) + fixed > shared)
        return plan;
    // One texel view holds every slot: within the device's texel limit too.
    const uint64_t slots = workgroupsOf(a, plan) * blockBytes(plan.headsPerGroup, slotPositions(kScratchBlock, plan));
    if (slots <= scratchBytes - offset && slots <= maxTexelBytes(context)) {
        plan.block = kScratchBlock;
        plan.scoresInScratch = true;
    }
    return plan;
}

bool recordSplitAttention(vk::CommandRecorder& recorder, const vk::Context& context, const vk::BufferRange& q,
                          const vk::BufferRange& kCache, const vk::BufferRange& vCache, const vk::BufferRange& scratch,
                          const vk::BufferRange& out, const AttentionArgs& a, uint32_t forceSplits,
                          AttentionReads reads, const std::optional<vk::BufferRange>& packed)
{
    AGORA_VK_REQUIRE(a.nKvHead > 0 && a.nHead % a.nKvHead == 0, "query heads must be a multiple of KV heads");
    AGORA_VK_REQUIRE(splitAttentionSupports(a.headDim), "split attention needs a head size that is a multiple of 8, at most 256");
    AGORA_VK_REQUIRE(a.nTokens > 0, "attention of an empty batch");
    const uint64_t qBytes = uint64_t(a.nTokens) * a.nHead * a.headDim * kFloat;
    AGORA_VK_REQUIRE(q.size >= qBytes && out.size >= qBytes, "attention q/out too small");
    const uint32_t ringSize = a.ringSize ? a.ringSize : a.firstPos + a.nTokens;
    // A ring must hold every key any token of the batch sees plus the batch's own later rows,
    // which were stored before the attention ran.
    const uint64_t span = a.window > 0 ? uint64_t(a.window) + a.nTokens - 1 : uint64_t(a.firstPos) + a.nTokens;
    AGORA_VK_REQUIRE(ringSize >= std::min<uint64_t>(span, uint64_t(a.firstPos) + a.nTokens),
                     "the ring cache is smaller than the window plus the batch");
    const uint64_t cacheBytes = uint64_t(ringSize) * a.nKvHead * a.headDim * sizeof(uint16_t);
    AGORA_VK_REQUIRE(kCache.size >= cacheBytes && vCache.size >= cacheBytes, "attention reads past the KV cache");

    // Texel views need whole 16-byte texels at aligned offsets (8 halves: headDim % 8 == 0).
    const vk::BufferRange queries{q.buffer, q.offset, qBytes};
    const bool texelsFit = fitsTexelView(context, kCache) && fitsTexelView(context, vCache)
                           && fitsTexelView(context, queries);
    const bool texels = texelsFit && (reads == AttentionReads::TexelBuffers || reads == AttentionReads::TexelBuffersSharedScores
                                      || (reads == AttentionReads::Auto && context.info().type == DeviceType::Cpu));
    AttentionReads planReads = AttentionReads::StorageBuffers;
    if (texels)
        planReads = reads == AttentionReads::TexelBuffersSharedScores
                            || !fitsTexelView(context, vk::BufferRange{scratch.buffer, scratch.offset, 16})
                            || (reads == AttentionReads::Auto && scratchScoresSwitchedOff())
                        ? AttentionReads::TexelBuffersSharedScores
                        : AttentionReads::TexelBuffers;
    const SplitAttentionPlan plan = planSplitAttention(context, a, scratch.size, forceSplits, planReads);
    AGORA_VK_REQUIRE(plan.workgroup <= context.info().maxWorkgroupInvocations, "head size too large for this device");
    const uint64_t sharedBytes = fixedSharedBytes(plan.headsPerGroup, plan.workgroup)
                                 + (plan.scoresInScratch ? lastStepBytes(plan.headsPerGroup, plan.workgroup, a.headDim)
                                                         : blockBytes(plan.headsPerGroup, plan.block));
    AGORA_VK_REQUIRE(sharedBytes <= context.info().sharedMemoryBytes,
                     "split attention does not fit the device's shared memory");
    const uint64_t rows = uint64_t(a.nTokens) * a.nHead;
    const uint64_t groups = workgroupsOf(a, plan);
    const SplitPush push{a.headDim,  a.nHead,  a.nKvHead, a.nTokens,       a.firstPos,  a.scale,
                         a.softcap, a.window, ringSize,   plan.splitLength, plan.nSplits};
    const std::initializer_list<uint32_t> specs{plan.workgroup, plan.block, plan.headsPerGroup, a.headDim};
    const vk::BufferRange qBinding{q.buffer, q.offset, texels ? qBytes : q.size};
    const vk::BufferRange partials{scratch.buffer, scratch.offset, partialsBytes(a, plan)};
    // Every workgroup's slot of scores, after the partials.
    const vk::BufferRange scores{scratch.buffer, scratch.offset + scoresOffset(context, a, plan),
                                 groups * blockBytes(plan.headsPerGroup, slotPositions(plan.block, plan))};
    AGORA_VK_REQUIRE(!plan.scoresInScratch || scores.offset + scores.size <= scratch.offset + scratch.size,
                     "the scores do not fit the scratch");
    const bool pack = plan.nSplits == 1 && packed && a.headDim % 32 == 0;
    if (pack) {
        const uint32_t cols = a.nHead * a.headDim;
        AGORA_VK_REQUIRE(packed->size >= uint64_t(a.nTokens) * vk::packedVectorBytes(cols), "packing buffer too small");
    }
    const vk::BufferRange& output = plan.nSplits == 1 ? out : partials;
    const vk::Groups grid = vk::linearGroups(context, groups);
    if (plan.scoresInScratch && pack)
        recorder.dispatch(KernelId::AttentionSplitTexelScoresPack, specs, {qBinding, kCache, vCache, output, *packed, scores},
                          push, grid);
    else if (plan.scoresInScratch)
        recorder.dispatch(KernelId::AttentionSplitTexelScores, specs, {qBinding, kCache, vCache, output, scores}, push, grid);
    else if (pack)
        recorder.dispatch(texels ? KernelId::AttentionSplitTexelPack : KernelId::AttentionSplitPack, specs,
                          {qBinding, kCache, vCache, output, *packed}, push, grid);
    else
        recorder.dispatch(texels ? KernelId::AttentionSplitTexel : KernelId::AttentionSplit, specs,
                          {qBinding, kCache, vCache, output}, push, grid);
    if (plan.nSplits > 1)
        recorder.dispatch(KernelId::AttentionMerge, {vk::rowWorkgroupSize(context)}, {partials, out},
                          MergePush{a.headDim, uint32_t(rows), plan.nSplits}, vk::linearGroups(context, rows));
    return pack;
}

std::optional<bool> recordRopeStoreAttention(vk::CommandRecorder& recorder, const vk::Context& context,
                                             const vk::BufferRange& q, const vk::BufferRange& k,
                                             const vk::BufferRange& v, const vk::BufferRange& factors,
                                             const vk::BufferRange& kCache, const vk::BufferRange& vCache,
                                             const vk::BufferRange& scratch, const vk::BufferRange& out,
                                             const AttentionArgs& a, const RopeArgs& rope,
                                             const std::optional<vk::BufferRange>& packed)
{
    if (a.nTokens != 1 || rope.nTokens != 1 || rope.firstPos != a.firstPos || rope.headDim != a.headDim
        || rope.nHeads != a.nHead || a.nKvHead == 0 || a.nHead % a.nKvHead != 0 || !splitAttentionSupports(a.headDim)
        || rope.nDims == 0 || rope.nDims % 2 != 0 || rope.nDims > a.headDim
        || (rope.useFactors && factors.size < uint64_t(rope.nDims / 2) * kFloat))
        return std::nullopt;
    const uint64_t qBytes = uint64_t(a.nHead) * a.headDim * kFloat;
    const uint64_t kvRowBytes = uint64_t(a.nKvHead) * a.headDim * kFloat;
    const uint32_t ringSize = a.ringSize ? a.ringSize : a.firstPos + 1;
    const uint64_t cacheBytes = uint64_t(ringSize) * a.nKvHead * a.headDim * sizeof(uint16_t);
    const vk::BufferRange queries{q.buffer, q.offset, qBytes};
    if (context.info().type != DeviceType::Cpu || scratchScoresSwitchedOff() || q.size < qBytes || out.size < qBytes
        || k.size < kvRowBytes || v.size < kvRowBytes || kCache.size < cacheBytes || vCache.size < cacheBytes
        || !fitsTexelView(context, queries) || !fitsTexelView(context, kCache) || !fitsTexelView(context, vCache)
        || queries.overlaps(k) || queries.overlaps(v))
        return std::nullopt;
    const SplitAttentionPlan plan = planSplitAttention(context, a, scratch.size, 0, AttentionReads::TexelBuffers);
    if (!plan.scoresInScratch || plan.nSplits != 1 || plan.headsPerGroup != a.nHead / a.nKvHead)
        return std::nullopt;
    // A slot: the workgroup's rotated queries, then its scores.
    const uint64_t groups = workgroupsOf(a, plan);
    const uint64_t slotBytes = uint64_t(plan.headsPerGroup) * a.headDim * kFloat
                               + blockBytes(plan.headsPerGroup, slotPositions(plan.block, plan));
    const vk::BufferRange slots{scratch.buffer, scratch.offset, groups * slotBytes};
    if (slots.size > scratch.size || !fitsTexelView(context, slots)
        || fixedSharedBytes(plan.headsPerGroup, plan.workgroup) + lastStepBytes(plan.headsPerGroup, plan.workgroup, a.headDim)
               > context.info().sharedMemoryBytes)
        return std::nullopt;

    const RopeSplitPush push{{a.headDim, a.nHead, a.nKvHead, a.nTokens, a.firstPos, a.scale, a.softcap, a.window,
                              ringSize, plan.splitLength, plan.nSplits},
                             rope.nDims,
                             rope.freqBase,
                             rope.freqScale,
                             (rope.neox ? 1u : 0u) | (rope.useFactors ? 2u : 0u)};
    const std::initializer_list<uint32_t> specs{plan.workgroup, plan.block, plan.headsPerGroup, a.headDim};
    const vk::Groups grid = vk::linearGroups(context, groups);
    const bool pack = packed && a.headDim % 32 == 0;
    if (pack) {
        AGORA_VK_REQUIRE(packed->size >= vk::packedVectorBytes(a.nHead * a.headDim), "packing buffer too small");
        recorder.dispatch(KernelId::AttentionRopeStorePack, specs,
                          {queries, kCache, vCache, out, *packed, slots, k, v, factors}, push, grid);
    } else {
        recorder.dispatch(KernelId::AttentionRopeStore, specs, {queries, kCache, vCache, out, slots, k, v, factors},
                          push, grid);
    }
    return pack;
}

} // namespace agora::model::gpu
