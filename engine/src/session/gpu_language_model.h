// LanguageModel over the Vulkan forward pass. The weights are uploaded once, into a GpuForward
// that serves only as their owner; every sequence is a GpuForward sharing those weights with its
// own f16 KV cache and batch scratch (GpuForward::createSharingWeights), so a second
// conversation costs its cache, never another copy of the model.
#pragma once

#include "model/gpu_forward.h"
#include "model/model.h"
#include "session/language_model.h"

#include <algorithm>
#include <functional>
#include <map>
#include <memory>

namespace agora::vk {
class Context;
}

namespace agora::session {

struct GpuLanguageModelOptions {
    uint32_t maxBatch = 64; // tokens per submission (longer prompt chunks are split)
    std::function<void(uint64_t done, uint64_t total)> progress; // weight upload, in bytes
    uint64_t maxBindingBytes = 0; // as GpuForwardOptions (0: the device's limit)
};

class GpuLanguageModel final : public LanguageModel {
public:
    // Uploads the weights. OutOfDeviceMemory when they do not fit; Unsupported for what the
    // Vulkan path cannot run.
    static Result<std::unique_ptr<GpuLanguageModel>> create(std::unique_ptr<model::Model> model,
        std::shared_ptr<vk::Context> context, const GpuLanguageModelOptions& options = {});
    ~GpuLanguageModel() override;

    int32_t vocabSize() const override;
    uint32_t trainedContextLength() const override;
    uint64_t deviceBytesPerToken() const override;
    Result<SequenceId> createSequence(uint32_t nCtx) override;
    void destroySequence(SequenceId id) override;
    Result<std::vector<float>> evaluate(SequenceId id, uint32_t pos, std::span<const int32_t> tokens) override;
    uint32_t earliestRestart(SequenceId id, uint32_t cachedLength) const override;

    const model::Model& model() const { return *m_model; }
    const std::shared_ptr<vk::Context>& context() const { return m_context; }
    // Device memory of the uploaded weights (held once, whatever the number of sequences).
    uint64_t weightBytes() const;
    // Device memory held in total: the weights plus every sequence's cache and scratch.
    uint64_t deviceBytes() const;
    size_t sequenceCount() const { return m_sequences.size(); }

    // f16 K and V rows of every layer, as GpuForward lays out its cache.
    static uint64_t kvBytesPerToken(const model::HParams& hp);

private:
    GpuLanguageModel(std::unique_ptr<model::Model> model, std::shared_ptr<vk::Context> context);

    // Declared first so that it outlives every forward pass reading its mapped file.
    std::unique_ptr<model::Model> m_model;
    std::shared_ptr<vk::Context> m_context;
    std::unique_ptr<model::GpuForward> m_weights; // owns the uploaded weights; its own cache is one position
    std::map<SequenceId, std::unique_ptr<model::GpuForward>> m_sequences;
    SequenceId m_nextSequence = 1;
    uint32_t m_maxBatch = 64;
};

} // namespace agora::session
