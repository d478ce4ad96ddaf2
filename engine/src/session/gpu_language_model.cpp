#include "session/gpu_language_model.h"

#include "core/log.h"
#include "vk/context.h"

#include <string>

namespace agora::session {

GpuLanguageModel::GpuLanguageModel(std::unique_ptr<model::Model> model, std::shared_ptr<vk::Context> context)
    : m_model(std::move(model)), m_context(std::move(context))
{
}

GpuLanguageModel::~GpuLanguageModel()
{
    // Sequences before the weights they read; both before the model (member order guarantees
    // the latter, this makes the former explicit).
    m_sequences.clear();
}

Result<std::unique_ptr<GpuLanguageModel>> GpuLanguageModel::create(std::unique_ptr<model::Model> model,
    std::shared_ptr<vk::Context> context, const GpuLanguageModelOptions& options)
{
    if (!model || !context)
        return makeError(ErrorCode::InvalidArgument, "gpu model: a model and a Vulkan context are required");
    std::unique_ptr<GpuLanguageModel> gpu(new GpuLanguageModel(std::move(model), std::move(context)));
    // The weight owner needs no real cache: sequences bring their own. One position and a
    // one-token batch keep its state negligible.
    model::GpuForwardOptions forwardOptions;
    forwardOptions.nCtx = 1;
    forwardOptions.maxBatch = 1;
    forwardOptions.progress = options.progress;
    forwardOptions.maxBindingBytes = options.maxBindingBytes;
    auto forward = model::GpuForward::create(*gpu->m_model, gpu->m_context, forwardOptions);
    if (!forward)
        return forward.error();
    gpu->m_weights = std::move(*forward);
    gpu->m_maxBatch = options.maxBatch == 0 ? 1 : options.maxBatch;
    return gpu;
}

int32_t GpuLanguageModel::vocabSize() const { return static_cast<int32_t>(m_model->hparams().nVocab); }

uint32_t GpuLanguageModel::trainedContextLength() const { return m_model->hparams().nCtxTrain; }

uint64_t GpuLanguageModel::kvBytesPerToken(const model::HParams& hp)
{
    return uint64_t(hp.nLayer) * 2 * hp.kvSize() * sizeof(uint16_t);
}

uint64_t GpuLanguageModel::deviceBytesPerToken() const { return kvBytesPerToken(m_model->hparams()); }

uint64_t GpuLanguageModel::weightBytes() const { return m_weights->weightBytes(); }

uint64_t GpuLanguageModel::deviceBytes() const
{
    uint64_t total = m_weights->deviceBytes();
    for (const auto& [id, forward] : m_sequences)
        total += forward->deviceBytes();
    return total;
}

Result<SequenceId> GpuLanguageModel::createSequence(uint32_t nCtx)
{
    if (nCtx == 0)
        return makeError(ErrorCode::InvalidArgument, "a sequence needs at least one position");
    model::GpuForwardOptions options;
    options.nCtx = nCtx;
    options.maxBatch = std::min(m_maxBatch, nCtx);
    auto forward = model::GpuForward::createSharingWeights(*m_weights, options);
    if (!forward) {
        if (forward.error().code == ErrorCode::OutOfDeviceMemory)
            return makeError(ErrorCode::OutOfDeviceMemory, "the GPU has no room for a " + std::to_string(nCtx)
                    + "-token KV cache (" + forward.error().message + "); close a conversation or choose a smaller context");
        return forward.error();
    }
    const SequenceId id = m_nextSequence++;
    m_sequences.emplace(id, std::move(*forward));
    return id;
}

void GpuLanguageModel::destroySequence(SequenceId id) { m_sequences.erase(id); }

uint32_t GpuLanguageModel::earliestRestart(SequenceId id, uint32_t cachedLength) const
{
    auto it = m_sequences.find(id);
    return it == m_sequences.end() ? 0 : it->second->earliestRestart(cachedLength);
}

Result<std::vector<float>> GpuLanguageModel::evaluate(SequenceId id, uint32_t pos, std::span<const int32_t> tokens)
{
    auto it = m_sequences.find(id);
    if (it == m_sequences.end())
        return makeError(ErrorCode::Internal, "gpu model: unknown sequence " + std::to_string(id));
    // The forward pass overwrites the cache from pos on and attends only to positions before the
    // batch's end, so an edit or a regenerate simply evaluates again from the first changed token.
    return it->second->evaluate(tokens, pos, false);
}

} // namespace agora::session
