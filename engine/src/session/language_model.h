// The seam between sessions and whatever computes logits. The GPU model implements it through an
// adapter; tests implement it with deterministic fakes, so everything above it (sessions, the
// scheduler, the engine thread) is testable without a device.
#pragma once

#include "agora/engine.h"

#include <cstdint>
#include <span>
#include <vector>

namespace agora::session {

using SequenceId = uint32_t;

// What sessions need from a loaded model; implemented by the GPU model and by test fakes.
class LanguageModel {
public:
    virtual ~LanguageModel() = default;
    virtual int32_t vocabSize() const = 0;
    virtual uint32_t trainedContextLength() const = 0;
    virtual uint64_t deviceBytesPerToken() const = 0; // KV cache cost of one position (memory budgeting)
    // A sequence owns a KV cache of up to nCtx positions. OutOfDeviceMemory when it does not fit.
    virtual Result<SequenceId> createSequence(uint32_t nCtx) = 0;
    virtual void destroySequence(SequenceId id) = 0;
    // Evaluates tokens at positions [pos, pos + tokens.size()), replacing whatever the cache held from pos on,
    // and returns the logits (vocabSize floats) of the last token.
    virtual Result<std::vector<float>> evaluate(SequenceId id, uint32_t pos, std::span<const int32_t> tokens) = 0;
    // The earliest position evaluation may restart from after positions [0, cachedLength) were
    // evaluated: sliding-window caches keep only their last slots, so a restart far back finds
    // its window overwritten and must start over from 0. 0 for caches that keep every position.
    virtual uint32_t earliestRestart(SequenceId id, uint32_t cachedLength) const
    {
        (void)id;
        (void)cachedLength;
        return 0;
    }
};

} // namespace agora::session
