#include "session/cpu_language_model.h"

#include <new>
#include <string>

namespace agora::session {

CpuLanguageModel::CpuLanguageModel(std::unique_ptr<model::Model> model) : m_model(std::move(model)) {}

CpuLanguageModel::~CpuLanguageModel() = default;

int32_t CpuLanguageModel::vocabSize() const { return static_cast<int32_t>(m_model->hparams().nVocab); }

uint32_t CpuLanguageModel::trainedContextLength() const { return m_model->hparams().nCtxTrain; }

uint64_t CpuLanguageModel::kvBytesPerToken(const model::HParams& hp)
{
    return uint64_t(hp.nLayer) * (uint64_t(hp.nHeadKv) * hp.headDimK + uint64_t(hp.nHeadKv) * hp.headDimV) * 2;
}

uint64_t CpuLanguageModel::deviceBytesPerToken() const { return kvBytesPerToken(m_model->hparams()); }

Result<SequenceId> CpuLanguageModel::createSequence(uint32_t nCtx)
{
    if (nCtx == 0)
        return makeError(ErrorCode::InvalidArgument, "a sequence needs at least one position");
    // The cache is ordinary memory here; a context too large for it is reported, not thrown.
    try {
        auto forward = std::make_unique<model::CpuForward>(*m_model, nCtx);
        const SequenceId id = m_nextSequence++;
        m_sequences.emplace(id, std::move(forward));
        return id;
    } catch (const std::bad_alloc&) {
        return makeError(ErrorCode::OutOfDeviceMemory,
            "not enough memory for a " + std::to_string(nCtx) + "-token KV cache; choose a smaller context");
    }
}

void CpuLanguageModel::destroySequence(SequenceId id) { m_sequences.erase(id); }

Result<std::vector<float>> CpuLanguageModel::evaluate(SequenceId id, uint32_t pos, std::span<const int32_t> tokens)
{
    auto it = m_sequences.find(id);
    if (it == m_sequences.end())
        return makeError(ErrorCode::Internal, "cpu model: unknown sequence " + std::to_string(id));
    return it->second->evaluate(tokens, pos, false);
}

} // namespace agora::session
