#include "session/conversation.h"

#include <algorithm>
#include <string>

namespace agora::session {

Conversation::Conversation(LanguageModel& model, uint32_t contextLength)
    : m_model(model), m_contextLength(contextLength)
{
}

Conversation::~Conversation() { release(); }

Result<void> Conversation::ensureCache()
{
    if (m_hasSequence)
        return {};
    Result<SequenceId> created = m_model.createSequence(m_contextLength);
    if (!created)
        return created.error();
    m_sequence = *created;
    m_hasSequence = true;
    m_cached.clear();
    return {};
}

void Conversation::release()
{
    if (m_hasSequence)
        m_model.destroySequence(m_sequence);
    m_hasSequence = false;
    m_cached.clear();
}

size_t Conversation::reusablePrefix(std::span<const int32_t> tokens) const
{
    if (!m_hasSequence || tokens.empty())
        return 0;
    const auto [mismatch, unused] = std::mismatch(tokens.begin(), tokens.end(), m_cached.begin(), m_cached.end());
    (void)unused;
    const size_t common = std::min(static_cast<size_t>(mismatch - tokens.begin()), tokens.size() - 1);
    // A sliding-window cache may no longer hold the window a restart at `common` needs.
    if (common < m_model.earliestRestart(m_sequence, uint32_t(m_cached.size())))
        return 0;
    return common;
}

Result<std::vector<float>> Conversation::evaluate(uint32_t pos, std::span<const int32_t> tokens)
{
    if (!m_hasSequence)
        return makeError(ErrorCode::Internal, "conversation: evaluate without a KV cache");
    if (pos > m_cached.size() || pos + tokens.size() > m_contextLength)
        return makeError(ErrorCode::Internal,
            "conversation: evaluate at " + std::to_string(pos) + " with " + std::to_string(tokens.size())
                + " tokens does not fit a cache of " + std::to_string(m_cached.size()) + "/"
                + std::to_string(m_contextLength));
    // Forget what the model overwrites before calling it: if evaluation fails, the cache beyond
    // pos is in an unknown state and must not be reused.
    m_cached.resize(pos);
    Result<std::vector<float>> logits = m_model.evaluate(m_sequence, pos, tokens);
    if (logits)
        m_cached.insert(m_cached.end(), tokens.begin(), tokens.end());
    return logits;
}

} // namespace agora::session
