// The Vulkan forward pass: the family graph (model/graph.h) recorded as kernel dispatches into
// one command buffer per evaluated batch and submitted once; only the logits come back.
//
// Weights are uploaded once from the mapped file (through vk::upload, which stages them when the
// device memory is not host-visible) with a progress callback, and stay in their GGUF type: the
// vk layer's matvec (decode), matmul (prompt batches) and get-rows (embedding) kernels read them
// as stored and split matrices beyond maxStorageBufferRange into several bindings. Only the
// batch's token ids go up and only the logits come back. The KV cache is f16, per layer.
// Types without GPU kernels (and the dequantizeWeights option, for diagnosis) use f32 copies
// multiplied by matmul_f32.comp instead.
#pragma once

#include "agora/engine.h"
#include "model/forward.h"
#include "model/gpu_kernels.h"
#include "model/graph.h"
#include "model/model.h"
#include "vk/buffer.h"
#include "vk/quant_kernels.h"

#include <algorithm>
#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace agora::vk {
class CommandRecorder;
class Context;
}

namespace agora::model {

struct GpuForwardOptions {
    uint32_t nCtx = 512;      // KV cache capacity in positions
    uint32_t maxBatch = 64;   // tokens per submission; longer batches are split
    // Tokens per submission when every token's logits are asked for (allLogits). The logits
    // buffer holds this many rows of the vocabulary, not maxBatch: 64 rows of a 152k vocabulary
    // would be 39 MB (10% of a 0.5B model) that generation, which reads one row, never needs.
    uint32_t maxLogitRows = 8;
    std::function<void(uint64_t done, uint64_t total)> progress; // weight upload, in bytes
    bool dequantizeWeights = false; // f32 copies of every matrix instead of the GGUF types
    // Largest weight binding (0: the device's maxStorageBufferRange). Tests lower it to force the
    // row splits a 128k-vocabulary matrix needs on a 128 MiB device.
    uint64_t maxBindingBytes = 0;
    // A decoded token's q/k/v and gate/up each as one product over matrices uploaded into one
    // buffer (gpu_forward_groups.cpp), and every batch's q and k rotated and k and v stored in the
    // KV cache in one pass (gpu::recordRopeStore): fewer dispatches, the same arithmetic. Off only
    // to compare against (tests, A/B measurements).
    bool fuseDecodeProducts = true;
};

class GpuForward final : public Forward, private GraphOps {
public:
    // Uploads the weights and allocates activations and the KV cache. OutOfDeviceMemory when the
    // model does not fit; the context stays usable.
    static Result<std::unique_ptr<GpuForward>> create(const Model& model, std::shared_ptr<vk::Context> context,
                                                      const GpuForwardOptions& options);
    // Another KV cache (and activations) over the weights `loaded` uploaded: several sequences of
    // one model share the weights and pay only for their own state. nCtx, maxBatch and maxLogitRows come from
    // `options`; the weight layout options (dequantizeWeights, maxBindingBytes) stay `loaded`'s.
    static Result<std::unique_ptr<GpuForward>> createSharingWeights(const GpuForward& loaded,
                                                                    const GpuForwardOptions& options);
    ~GpuForward() override;

    // As CpuForward::evaluate: logits of every token (allLogits) or of the last one.
    Result<std::vector<float>> evaluate(std::span<const int32_t> tokens, uint32_t firstPos, bool allLogits) override;

    uint32_t contextSize() const override { return m_options.nCtx; }
    // Device memory this instance allocated: weights (unless shared) + KV cache + activations.
    uint64_t deviceBytes() const { return m_deviceBytes; }
    uint64_t weightBytes() const { return m_weightBytes; }
    // Kernel dispatches of the last evaluated chunk (bench: dispatches per decoded token).
    uint32_t lastDispatchCount() const { return m_lastDispatches; }

    // Per-kernel timing (agora-cli bench --profile): while on, every dispatch is timed with
    // timestamp queries and the times add up per kernel name over the evaluations, until cleared.
    // Timing costs a query per dispatch, so it is off unless asked for.
    struct KernelTime {
        std::string kernel;
        double milliseconds = 0;
        uint32_t dispatches = 0;
    };
    Result<void> setKernelTiming(bool on);
    const std::vector<KernelTime>& kernelTimes() const { return m_kernelTimes; }
    void clearKernelTimes() { m_kernelTimes.clear(); }
    // The f16 KV cache of every layer for nCtx positions and batches of maxBatch tokens: full
    // layers hold nCtx positions, sliding-window layers a ring of window + maxBatch - 1 slots.
    static uint64_t kvCacheBytes(const HParams& hp, uint32_t nCtx, uint32_t maxBatch);
    // Cache slots of one layer (ring size; nCtx for full-context layers).
    static uint32_t cacheSlots(const HParams& hp, uint32_t layer, uint32_t nCtx, uint32_t maxBatch);
    // After positions [0, evaluatedLength) were evaluated, the earliest position evaluation can
    // restart from: a sliding-window ring keeps only its last slots, and a restart at p needs
    // positions p-window+1..p-1. 0 when every layer keeps every position.
    uint32_t earliestRestart(uint32_t evaluatedLength) const;

private:
    // A matrix on the device: in its GGUF type (one buffer, read by the vk quant kernels), or as
    // f32 split by rows so that each part fits one binding (matmul_f32.comp).
    struct DeviceMatrix {
        bool quantized = false;
        vk::Buffer buffer;
        vk::WeightMatrix weights;
        std::vector<vk::Buffer> parts;
        std::vector<uint32_t> partRows;
        uint32_t rows = 0;
        uint32_t cols = 0;
        TensorType sourceType = TensorType::F32; // the GGUF type, which decides the input rounding
    };

    GpuForward(const Model& model, std::shared_ptr<vk::Context> context, const GpuForwardOptions& options);
    GpuForward(const GpuForward& loaded, const GpuForwardOptions& options); // shares loaded's weights
    Result<void> createRecorder();
    Result<void> uploadWeights();
    Result<void> uploadMatrix(const Tensor& t, DeviceMatrix& m, uint64_t& done, uint64_t total);
    static Result<void> uploadRows(vk::Context& context, vk::Buffer& buffer, uint64_t offset, const Tensor& t,
                                   uint64_t packedRow, uint64_t stride, uint32_t interleave,
                                   const std::function<void(uint64_t, uint64_t)>& report);
    // Products of one input that a decoded token runs as one dispatch (gpu_forward_groups.cpp):
    // q/k/v (or q/k) and gate/up of a layer, when their rows can share one buffer.
    std::vector<std::vector<Tensor>> productGroups() const;
    Result<void> uploadGroup(const std::vector<Tensor>& members, uint64_t& done, uint64_t total);
    Result<void> uploadGroupBiases();
    Result<void> allocateDecodeActs();
    Result<void> allocateState();
    Result<vk::Buffer> makeBuffer(uint64_t bytes);
    Result<void> evaluateChunk(std::span<const int32_t> tokens, uint32_t firstPos, bool allLogits, float* logitsOut);

    void embed(const Tensor& table, Act out) override;
    void rmsNorm(Act in, const Tensor& weight, Act out) override;
    void linear(const Tensor& w, Act in, Act out) override;
    void addBias(const Tensor& bias, Act inout) override;
    void rope(Act inout, uint32_t nHeads) override;
    void attention(uint32_t layer, Act q, Act k, Act v, Act out) override;
    void siluGate(Act gate, Act up, Act out) override;
    void add(Act in, Act inout) override;
    void linearBias(const Tensor& w, const Tensor& bias, Act in, Act out) override;
    bool fusesBias() const override;
    void linearAccumulate(const Tensor& w, Act in, Act scratch, Act inout) override;
    void linearGroup(std::initializer_list<Projection> products, Act in) override;
    void ropePair(Act q, uint32_t nHeadsQ, Act k, uint32_t nHeadsK) override;
    void linearGated(const Tensor& gate, const Tensor& up, Act in, Act out, GateActivation act) override;
    void ropeAttention(uint32_t layer, Act q, uint32_t nHeadsQ, Act k, uint32_t nHeadsK, Act v, Act out) override;
    gpu::RopeArgs ropeArgs(uint32_t nHeads, float freqBase, float freqScale) const;
    void ropeRange(const vk::BufferRange& x, uint32_t nHeads, float freqBase, float freqScale);
    void logits(const Tensor& output, Act in) override;
    // The family operations (qwen3, gemma2, gemma3).
    void scale(Act inout, float factor) override;
    void rmsNormHeads(Act inout, const Tensor& weight, uint32_t nHeads) override;
    void ropeWithBase(Act inout, uint32_t nHeads, float freqBase, float freqScale) override;
    void attentionWith(uint32_t layer, Act q, Act k, Act v, Act out, const AttentionOptions& options) override;
    // The attention of q over the layer's cache, which already holds the batch's k and v.
    void attend(uint32_t layer, Act q, Act out, const AttentionOptions& options);
    // The attention's arguments for `layer`, and where it packs its output for the next product.
    gpu::AttentionArgs attentionArgs(uint32_t layer, const AttentionOptions& options) const;
    std::optional<vk::BufferRange> attentionPacking(Act q, Act out) const;
    void geluGate(Act gate, Act up, Act out) override;
    void softcap(Act inout, float cap) override;
    // Matrices are keyed by their first byte in the mapped file, so that the row views of phi3's
    // fused matrices are separate device matrices while a tied output shares the embedding's.
    static const void* key(const Tensor& t) { return t.data(); }

    vk::BufferRange range(Act act) const;
    const vk::Buffer& ropeFactorBuffer() const; // the factors this context rotates with
    uint32_t width(Act act) const { return activationWidth(m_hp, act); }
    // Rows of the logits buffer: tokens per allLogits submission (at least 1, at most maxBatch).
    uint32_t logitRows() const { return std::clamp<uint32_t>(m_options.maxLogitRows, 1u, m_options.maxBatch); }
    void multiply(const DeviceMatrix& w, Act in, Act out, uint32_t nRows, uint32_t xFirstRow);
    // The product into an explicit range y (a group's adjacent outputs); inputKept: y is not `in`.
    void multiplyInto(const DeviceMatrix& w, Act in, const vk::BufferRange& y, bool inputKept, uint32_t nRows,
                      uint32_t xFirstRow);
    // out = w . in + addend in one dispatch (decode on texel-product devices); false, recording
    // nothing but perhaps the rounded input, where that does not apply.
    bool multiplyAdd(const DeviceMatrix& w, Act in, Act out, const vk::BufferRange& addend);
    bool multiplyAddInto(const DeviceMatrix& w, Act in, const vk::BufferRange& y, bool inputKept,
                         const vk::BufferRange& addend);
    // The input a product of w reads: `in`, or its rounded copy (recorded unless still valid).
    vk::BufferRange productInput(const DeviceMatrix& w, Act in);
    void productRecorded(bool inputKept);
    // The integer decode product (vk::recordMatVecPacked) and its packed copy of `in`.
    bool packedApplies(const DeviceMatrix& w, Act in) const;
    // Whether some product of this model reads an input of `cols` packed (decode: one token), so
    // a norm producing such an input packs it in the same dispatch.
    bool packsProductInputs(uint32_t cols, bool decode) const;
    mutable std::unordered_map<uint32_t, bool> m_packsForDecode, m_packsForBatch; // by cols
    vk::BufferRange packedInput(const DeviceMatrix& w, Act in);
    void packedRecorded(bool inputKept);
    struct PackedInput {
        Act in;
        uint32_t cols;
        uint32_t dispatchesAfter;
        bool operator==(const PackedInput&) const = default;
    };
    std::optional<PackedInput> m_lastPacked;
    // What m_roundedInput holds: `in` rounded for `rounding`, valid while the recorder's dispatch
    // count is still `dispatchesAfter` (the product that read it was the last dispatch).
    struct RoundedInput {
        Act in;
        gpu::ActivationRounding rounding;
        uint64_t bytes;
        uint32_t dispatchesAfter;
        bool operator==(const RoundedInput&) const = default;
    };
    uint32_t m_lastDispatches = 0;
    bool m_timeKernels = false;
    std::vector<KernelTime> m_kernelTimes;
    void addKernelTimes();
    std::optional<RoundedInput> m_lastRounded;
    void fail(Error error);

    const Model& m_model;
    const HParams m_hp;
    std::shared_ptr<vk::Context> m_context;
    GpuForwardOptions m_options;
    std::unique_ptr<vk::CommandRecorder> m_recorder;

    // The uploaded weights, shared by every GpuForward over them (createSharingWeights); the
    // members below name its parts so that the graph operations read them directly.
    struct SharedWeights {
        std::unordered_map<const void*, DeviceMatrix> matrices; // by key()
        std::unordered_map<const void*, vk::Buffer> vectors;    // norms, biases
        vk::Buffer ropeFactors;     // the factors (Phi-3: the short ones), or a small placeholder binding
        vk::Buffer ropeFactorsLong; // Phi-3 LongRoPE's long factors, or a placeholder
        uint64_t weightBytes = 0;
        // Matrices uploaded into one buffer, row after row, by the key of the first: the members'
        // DeviceMatrix entries are views of it (owning nothing), `matrix` covers all their rows.
        struct Group {
            DeviceMatrix matrix;
            std::vector<const void*> members; // keys, in order
            std::vector<uint32_t> memberRows;
            vk::Buffer bias; // the members' biases one after the other, where every member has one
        };
        std::unordered_map<const void*, Group> groups;
    };
    std::shared_ptr<SharedWeights> m_shared = std::make_shared<SharedWeights>();
    std::unordered_map<const void*, DeviceMatrix>& m_matrices = m_shared->matrices;
    std::unordered_map<const void*, vk::Buffer>& m_vectors = m_shared->vectors;
    vk::Buffer& m_ropeFactors = m_shared->ropeFactors;
    uint64_t& m_weightBytes = m_shared->weightBytes;
    std::vector<vk::Buffer> m_kCache; // per layer: (kvSize, cacheSlots) f16, position p in slot p % slots
    std::vector<vk::Buffer> m_vCache;
    std::vector<uint32_t> m_cacheSlots; // per layer
    vk::Buffer m_attentionScratch;      // split attention's partial results
    std::array<vk::Buffer, kActCount> m_acts;
    // A decoded token's q|k|v and gate|up, each set adjacent in one buffer so that a group's one
    // product writes them all (range() returns these while the batch is one token).
    vk::Buffer m_decodeActs;
    std::array<std::optional<vk::BufferRange>, kActCount> m_decodeRanges;
    vk::Buffer m_roundedInput; // a product's input rounded like llama.cpp (gpu::recordRoundActivations)
    vk::Buffer m_packedInput;  // one token's input as packed Q8_0 codes (gpu::recordPackActivations)
    vk::Buffer m_tokenIds; // the batch's token ids (uint32) for the embedding lookup
    uint64_t m_deviceBytes = 0;

    // The batch being recorded.
    std::span<const int32_t> m_tokens;
    uint32_t m_firstPos = 0;
    bool m_allLogits = false;
    std::optional<Error> m_error;
};

} // namespace agora::model
