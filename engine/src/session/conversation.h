// One conversation's KV cache on one model, and the tokens it holds, so a new turn evaluates only
// what differs from what the cache already saw (the longest common prefix is reused).
#pragma once

#include "session/language_model.h"

#include <cstdint>
#include <span>
#include <vector>

namespace agora::session {

class Conversation {
public:
    Conversation(LanguageModel& model, uint32_t contextLength);
    ~Conversation();
    Conversation(const Conversation&) = delete;
    Conversation& operator=(const Conversation&) = delete;

    uint32_t contextLength() const { return m_contextLength; }
    bool hasCache() const { return m_hasSequence; }
    const std::vector<int32_t>& cachedTokens() const { return m_cached; }

    // Creates the KV sequence if the conversation has none (first use, or after release()).
    Result<void> ensureCache();
    // Frees the device cache; the next turn evaluates everything again.
    void release();

    // How many leading tokens of `tokens` need no evaluation. Always leaves at least one token to
    // evaluate, because the logits of the last prompt token are needed to start the reply.
    size_t reusablePrefix(std::span<const int32_t> tokens) const;

    // Evaluates tokens at [pos, pos + n); the cache then holds cachedTokens()[0, pos) + tokens.
    Result<std::vector<float>> evaluate(uint32_t pos, std::span<const int32_t> tokens);

    bool busy = false;      // a generation is running on it
    uint64_t lastUsed = 0;  // scheduler tick, for evicting the least recently used cache

private:
    LanguageModel& m_model;
    uint32_t m_contextLength;
    SequenceId m_sequence = 0;
    bool m_hasSequence = false;
    std::vector<int32_t> m_cached;
};

} // namespace agora::session
