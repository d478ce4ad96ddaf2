// One reply being generated: formats and tokenizes the conversation, reuses the cached prefix,
// then advances in small steps (one prefill chunk or one token per step) so the engine thread can
// interleave several generations and apply a cancel between any two steps.
#pragma once

#include "sampler/sampler.h"
#include "session/model_entry.h"
#include "session/stream_filter.h"

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace agora::session {

using EmitEvent = std::function<void(const EngineEvent&)>;
using Clock = std::chrono::steady_clock;

class Generation {
public:
    Generation(RequestId id, GenerateRequest request, ModelEntry& model, Conversation& conversation,
        EmitEvent emit, uint32_t prefillChunk, Clock::time_point received);
    ~Generation();
    Generation(const Generation&) = delete;
    Generation& operator=(const Generation&) = delete;

    RequestId id() const { return m_id; }
    ModelId modelId() const { return m_model.id; }
    bool done() const { return m_done; }

    // Prepares the prompt. False when the generation already ended (its final event is out).
    bool start();
    // One scheduler step. False once the generation has ended.
    bool step();
    // Ends it now: Finished with StopReason::Cancelled.
    void cancel();
    // Ends it now with a Failed event.
    void fail(Error error);

private:
    Result<std::vector<int32_t>> tokenizePrompt(std::string* rendered) const;
    bool dropOldestTurn();
    // Makes prompt + generated tokens fit the context with `headroom` free positions, applying
    // the overflow policy. False when it cannot (the generation has then ended).
    bool fitContext(size_t headroom);
    bool decodeStep();
    void emitDeltas(const std::vector<Delta>& deltas);
    void finish(StopReason reason);
    void reportOverflow(int32_t dropped, std::string message);

    RequestId m_id;
    GenerateRequest m_request;
    ModelEntry& m_model;
    Conversation& m_conversation;
    EmitEvent m_emit;
    uint32_t m_prefillChunk;
    sampler::Sampler m_sampler;
    std::optional<StreamFilter> m_filter; // made in start(): the prompt decides the initial mode

    std::vector<int32_t> m_tokens;    // prompt, then the reply as it grows
    std::vector<int32_t> m_generated; // the reply's tokens
    size_t m_evaluated = 0;           // leading m_tokens already in the cache
    std::vector<float> m_logits;      // of m_tokens[m_evaluated - 1]
    bool m_done = false;

    std::string m_text;
    std::string m_reasoning;
    GenerationStats m_stats;
    Clock::time_point m_received;
    Clock::time_point m_firstToken;
    Clock::duration m_prefillTime{};
    bool m_haveFirstToken = false;
};

} // namespace agora::session
