// Host side of split-KV attention (shaders/attention_split.comp + attention_merge.comp), the
// attention the forward pass records. Decoding one token over a long context with one workgroup
// per head leaves a GPU nearly idle and walks thousands of keys serially; here the visible keys
// of each (token, head) are cut into splits that separate workgroups score in parallel, and a
// small merge kernel combines their partial softmax results (log-sum-exp). Prompt batches already
// have enough (token, head) rows to fill the device and run as one split, without the merge.
#pragma once

#include "model/gpu_kernels.h"

#include <cstdint>
#include <optional>

namespace agora::model::gpu {

// How one dispatch divides the work; chosen from the context length and the device.
struct SplitAttentionPlan {
    uint32_t nSplits = 1;     // workgroups per (token, head)
    uint32_t splitLength = 0; // key positions per split
    uint32_t workgroup = 0;   // lanes per workgroup (from the subgroup size)
    uint32_t block = 0;       // positions scored per round (from the shared memory size, or the scratch's)
    uint32_t headsPerGroup = 1; // query heads per workgroup, sharing one KV head (each key read once for all)
    // The scores live in a slot of the scratch per workgroup, not in shared memory (texel reads,
    // when the scratch left after the partials holds a slot for every workgroup; block is then
    // the most positions a slot holds, a constant).
    bool scoresInScratch = false;
};

// Whether the kernel serves this head size (a multiple of 8, at most 256).
bool splitAttentionSupports(uint32_t headDim);

// How the kernel reads q and the caches: storage buffers (GPUs), or storage texel buffers, which
// llvmpipe gathers far faster than it loops over lanes for storage and shared memory (Auto: texels
// on CPU devices). With texels the scores go to the scratch when it has room (the same reason);
// TexelBuffersSharedScores keeps them in shared memory. Tests run every variant on lavapipe.
enum class AttentionReads { Auto, StorageBuffers, TexelBuffers, TexelBuffersSharedScores };

// The plan recordSplitAttention uses for `args` with `scratchBytes` of room for partials (and
// scores). forceSplits > 0 asks for that many splits (as far as the keys and the scratch allow):
// tests run one split, or many, whatever the device would choose.
SplitAttentionPlan planSplitAttention(const vk::Context& context, const AttentionArgs& args, uint64_t scratchBytes,
                                      uint32_t forceSplits = 0, AttentionReads reads = AttentionReads::Auto);

// Scratch a forward pass needs for the partials of any batch (independent of the context); a
// decoded token's scores fit in it too.
uint64_t splitAttentionScratchBytes(uint32_t headDim);

// Causal GQA attention of args.nTokens query rows over the f16 ring caches (args.ringSize slots,
// 0: one per position); out has the shape of q. scratch holds the partials when the plan splits,
// and the scores when the plan keeps them there.
// packed: also write out packed as recordPackActivations would (rows of nHead * headDim, whole
// blocks of 32), in the same dispatch, when the plan has one split; returns whether it did (if
// not, the caller packs out itself).
bool recordSplitAttention(vk::CommandRecorder& recorder, const vk::Context& context, const vk::BufferRange& q,
                          const vk::BufferRange& kCache, const vk::BufferRange& vCache, const vk::BufferRange& scratch,
                          const vk::BufferRange& out, const AttentionArgs& args, uint32_t forceSplits = 0,
                          AttentionReads reads = AttentionReads::Auto,
                          const std::optional<vk::BufferRange>& packed = std::nullopt);

// recordRopeStore (q and k rotated by `rope`, k and v stored into the caches' slot of the
// position) and recordSplitAttention with Auto reads, in one dispatch, for one decoded token on a
// device and plan that run the scores in the scratch with one split and one workgroup per KV
// head (CPU drivers). q itself is left unrotated (the rotated queries go to the scratch). Records
// nothing and returns nullopt when that does not apply (the caller then records the two);
// otherwise returns whether it also packed the output (as recordSplitAttention's return).
std::optional<bool> recordRopeStoreAttention(vk::CommandRecorder& recorder, const vk::Context& context,
                                             const vk::BufferRange& q, const vk::BufferRange& k,
                                             const vk::BufferRange& v, const vk::BufferRange& factors,
                                             const vk::BufferRange& kCache, const vk::BufferRange& vCache,
                                             const vk::BufferRange& scratch, const vk::BufferRange& out,
                                             const AttentionArgs& args, const RopeArgs& rope,
                                             const std::optional<vk::BufferRange>& packed = std::nullopt);

} // namespace agora::model::gpu
