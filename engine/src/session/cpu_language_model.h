// LanguageModel over the model subsystem's CPU reference forward pass: one CpuForward (and so
// one f16 KV cache) per sequence. Slow but exact; it lets sessions, the engine thread and
// agora-cli chat run real GGUF models end to end before (and without) the GPU path.
#pragma once

#include "model/cpu_forward.h"
#include "model/model.h"
#include "session/language_model.h"

#include <map>
#include <memory>

namespace agora::session {

class CpuLanguageModel final : public LanguageModel {
public:
    explicit CpuLanguageModel(std::unique_ptr<model::Model> model);
    ~CpuLanguageModel() override;

    int32_t vocabSize() const override;
    uint32_t trainedContextLength() const override;
    uint64_t deviceBytesPerToken() const override;
    Result<SequenceId> createSequence(uint32_t nCtx) override;
    void destroySequence(SequenceId id) override;
    Result<std::vector<float>> evaluate(SequenceId id, uint32_t pos, std::span<const int32_t> tokens) override;

    const model::Model& model() const { return *m_model; }

    // f16 K and V rows of every layer: what one position of a sequence costs.
    static uint64_t kvBytesPerToken(const model::HParams& hp);

private:
    std::unique_ptr<model::Model> m_model;
    std::map<SequenceId, std::unique_ptr<model::CpuForward>> m_sequences;
    SequenceId m_nextSequence = 1;
};

} // namespace agora::session
