// Host side of the model-graph kernels written for the forward pass (shaders/rope.comp,
// kv_store.comp, rope_store.comp, attention.comp, elementwise.comp, softmax.comp): checks the
// arguments, picks workgroup shapes from the device and records the dispatch with the push
// constants the shader expects. Each kernel's CPU reference is in engine/src/cpu; tests/model/test_gpu_kernels.cpp
// compares them on lavapipe.
#pragma once

#include "core/tensor_type.h"
#include "vk/buffer.h"

#include <cstdint>

namespace agora::vk {
class CommandRecorder;
class Context;
}

namespace agora::model::gpu {

struct RopeArgs {
    uint32_t headDim = 0;
    uint32_t nHeads = 0;
    uint32_t nDims = 0;    // rotated dims per head, even, <= headDim
    uint32_t nTokens = 0;  // rows of nHeads*headDim
    uint32_t firstPos = 0; // position of row 0; row t is at firstPos + t
    float freqBase = 10000.0f;
    float freqScale = 1.0f;
    bool neox = false;
    bool useFactors = false; // divide pair i's angle by factors[i] (Llama-3 rope_freqs)
};
// x is rotated in place; factors must be a valid binding even when unused.
void recordRope(vk::CommandRecorder& recorder, const vk::Context& context, const vk::BufferRange& x,
                const vk::BufferRange& factors, const RopeArgs& args);

// Appends nTokens rows of kvRowSize f32 values from k and v to the f16 caches at firstPos: row t
// lands in slot (firstPos + t) % ringSize. ringSize 0: the cache holds every position (no wrap).
void recordKvStore(vk::CommandRecorder& recorder, const vk::Context& context, const vk::BufferRange& k,
                   const vk::BufferRange& v, const vk::BufferRange& kCache, const vk::BufferRange& vCache,
                   uint32_t kvRowSize, uint32_t nTokens, uint32_t firstPos, uint32_t ringSize = 0);

// recordRope of q (args.nHeads heads) and of k (nKvHead heads, same positions and angles), then
// recordKvStore of the rotated k and of v, in one dispatch; k itself is left as it was (the
// rotated rows go only to the cache). Same results as those two.
void recordRopeStore(vk::CommandRecorder& recorder, const vk::Context& context, const vk::BufferRange& q,
                     const vk::BufferRange& k, const vk::BufferRange& v, const vk::BufferRange& factors,
                     const vk::BufferRange& kCache, const vk::BufferRange& vCache, const RopeArgs& args,
                     uint32_t nKvHead, uint32_t ringSize = 0);

struct AttentionArgs {
    uint32_t headDim = 0;
    uint32_t nHead = 0;
    uint32_t nKvHead = 0;
    uint32_t nTokens = 0;
    uint32_t firstPos = 0;
    float scale = 1.0f;
    float softcap = 0.0f; // cap * tanh(score / cap) before the softmax; 0 = off
    uint32_t window = 0;  // sliding window in positions, the query's own included; 0 = all
    uint32_t ringSize = 0; // cache slots, position p in slot p % ringSize (split kernel only); 0 = no wrap
};
// Causal GQA attention of nTokens query rows over the f16 caches (already holding positions
// 0..firstPos+nTokens-1); out has the shape of q. One workgroup per (token, head): the simple
// kernel, kept as a second reference for the split-KV one (model/split_attention.h).
void recordAttention(vk::CommandRecorder& recorder, const vk::Context& context, const vk::BufferRange& q,
                     const vk::BufferRange& kCache, const vk::BufferRange& vCache, const vk::BufferRange& out,
                     const AttentionArgs& args);

// out = silu(gate) * up, element-wise over count floats (out may alias gate or up).
void recordSiluGate(vk::CommandRecorder& recorder, const vk::Context& context, const vk::BufferRange& gate,
                    const vk::BufferRange& up, const vk::BufferRange& out, uint32_t count);
// out = gelu_tanh(gate) * up over count floats (out may alias gate or up).
void recordGeluGate(vk::CommandRecorder& recorder, const vk::Context& context, const vk::BufferRange& gate,
                    const vk::BufferRange& up, const vk::BufferRange& out, uint32_t count);
// x = cap * tanh(x / cap) over count floats, in place.
void recordSoftcap(vk::CommandRecorder& recorder, const vk::Context& context, const vk::BufferRange& x,
                   uint32_t count, float cap);
// x *= factor over count floats, in place.
void recordScale(vk::CommandRecorder& recorder, const vk::Context& context, const vk::BufferRange& x,
                 uint32_t count, float factor);
// out = a + b over count floats (out may alias a or b).
void recordAdd(vk::CommandRecorder& recorder, const vk::Context& context, const vk::BufferRange& a,
               const vk::BufferRange& b, const vk::BufferRange& out, uint32_t count);
// out = x + bias repeated over rows of `width` (count a multiple of width; out may alias x).
void recordBiasAdd(vk::CommandRecorder& recorder, const vk::Context& context, const vk::BufferRange& x,
                   const vk::BufferRange& bias, const vk::BufferRange& out, uint32_t count, uint32_t width);
struct MatMulArgs {
    uint32_t nTokens = 1;   // rows of x used
    uint32_t xFirstRow = 0; // first row of x used
    uint32_t outOffset = 0; // where row 0 of this part of w lands within a row of y
    uint32_t outStride = 0; // floats per row of y (0: rows)
};
// y[t, outOffset + r] = dot(w[r, :], x[xFirstRow + t, :]) for an f32 row-major w of (rows, cols)
// bound whole; x rows of cols floats. The batched (matrix-matrix) product of prompt processing.
void recordMatMulF32(vk::CommandRecorder& recorder, const vk::Context& context, const vk::BufferRange& w,
                     uint32_t rows, uint32_t cols, const vk::BufferRange& x, const vk::BufferRange& y,
                     const MatMulArgs& args);

// The form llama.cpp's CPU backend converts a product's inputs to for a given weight type (its
// "vec_dot" partner): f16, bf16, Q8_0 blocks of 32 or Q8_K blocks of 256; None for f32 weights.
enum class ActivationRounding { None, F16, BF16, Q8_0, Q8_K };
ActivationRounding activationRoundingFor(TensorType weightType);
// y = x rounded to `rounding` and back (cpu::roundActivationsLikeGgml, on the device), over count
// floats made of whole rows (count a multiple of the block: 32 for Q8_0, 256 for Q8_K). Records
// nothing for None.
void recordRoundActivations(vk::CommandRecorder& recorder, const vk::Context& context, ActivationRounding rounding,
                            const vk::BufferRange& x, const vk::BufferRange& y, uint32_t count);
// `rows` rows of x (cols floats each, whole blocks of 32) as Q8_0 codes packed for
// vk::recordMatVecPacked / recordMatMulPacked (the codes and scales ROUND_Q8_0 rounds to); row r
// at r * vk::packedVectorBytes(cols) in packed.
void recordPackActivations(vk::CommandRecorder& recorder, const vk::Context& context, const vk::BufferRange& x,
                           const vk::BufferRange& packed, uint32_t cols, uint32_t rows = 1);
// vk::recordRmsNorm into y and, in the same dispatch, y packed as recordPackActivations packs it
// (cols whole blocks of 32; x and y must not overlap).
void recordRmsNormPacked(vk::CommandRecorder& recorder, const vk::Context& context, const vk::BufferRange& x,
                         const vk::BufferRange& weight, const vk::BufferRange& y, const vk::BufferRange& packed,
                         uint32_t rows, uint32_t cols, float eps);

// Softmax of each of `rows` rows of `cols` floats, in place.
void recordSoftmax(vk::CommandRecorder& recorder, const vk::Context& context, const vk::BufferRange& x,
                   uint32_t rows, uint32_t cols);

} // namespace agora::model::gpu
