#include "session/generation.h"

#include "core/log.h"

#include <algorithm>

namespace agora::session {

namespace {

double seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

bool endsWithThinkOpen(std::string_view text)
{
    const size_t end = text.find_last_not_of(" \t\r\n");
    if (end == std::string_view::npos)
        return false;
    text = text.substr(0, end + 1);
    return text.size() >= 7 && text.substr(text.size() - 7) == "<think>";
}

bool isSystem(const ChatMessage& m) { return m.role == "system"; }

} // namespace

Generation::Generation(RequestId id, GenerateRequest request, ModelEntry& model, Conversation& conversation,
    EmitEvent emit, uint32_t prefillChunk, Clock::time_point received)
    : m_id(id)
    , m_request(std::move(request))
    , m_model(model)
    , m_conversation(conversation)
    , m_emit(std::move(emit))
    , m_prefillChunk(std::max<uint32_t>(1, prefillChunk))
    , m_sampler(m_request.sampling.value_or(model.loaded.samplingDefaults))
    , m_received(received)
{
    m_conversation.busy = true;
}

Generation::~Generation() { m_conversation.busy = false; }

Result<std::vector<int32_t>> Generation::tokenizePrompt(std::string* rendered) const
{
    const bool useTemplate = m_model.loaded.formatter && !m_request.messages.empty();
    std::string text;
    if (useTemplate) {
        Result<std::string> r = m_model.loaded.formatter->render(m_request.messages);
        if (!r)
            return r.error();
        text = std::move(*r);
    } else if (!m_request.rawPrompt.empty()) {
        text = m_request.rawPrompt;
    } else {
        // A base model has no turns: the conversation is continued as one text.
        for (const ChatMessage& m : m_request.messages)
            text += m.content;
    }
    Result<std::vector<int32_t>> tokens = m_model.loaded.tokenizer->encode(text, useTemplate);
    if (!tokens)
        return tokens.error();
    // Templates often write the BOS text themselves; never start a prompt with two.
    if (m_model.loaded.bosToken && (tokens->empty() || tokens->front() != *m_model.loaded.bosToken))
        tokens->insert(tokens->begin(), *m_model.loaded.bosToken);
    if (rendered)
        *rendered = std::move(text);
    return tokens;
}

// Removes the oldest turn after the system prompt: its first message and any replies up to the
// next user message. The message being answered (the last one) is never dropped.
bool Generation::dropOldestTurn()
{
    auto& messages = m_request.messages;
    auto first = std::find_if_not(messages.begin(), messages.end(), isSystem);
    if (first == messages.end() || first + 1 >= messages.end())
        return false;
    auto last = first + 1;
    while (last + 1 < messages.end() && last->role != "user")
        ++last;
    messages.erase(first, last);
    return true;
}

void Generation::reportOverflow(int32_t dropped, std::string message)
{
    m_emit(event::ContextOverflow{m_id, m_request.overflow, dropped, std::move(message)});
}

bool Generation::fitContext(size_t headroom)
{
    const size_t nCtx = m_conversation.contextLength();
    auto fits = [&](size_t n) { return n + headroom <= nCtx; };
    if (fits(m_tokens.size()))
        return true;
    if (m_request.overflow == ContextOverflowPolicy::StopGeneration) {
        reportOverflow(0, "The conversation no longer fits the model's context of " + std::to_string(nCtx)
                + " tokens. Start a new conversation, shorten it, or allow dropping old turns.");
        finish(StopReason::ContextFull);
        return false;
    }
    // Drop with room to spare, so the next overflow is not one token away.
    headroom = std::max<size_t>(headroom, nCtx / 4);
    int32_t dropped = 0;
    const bool turns = m_model.loaded.formatter && !m_request.messages.empty();
    while (!fits(m_tokens.size())) {
        if (turns && dropOldestTurn()) {
            Result<std::vector<int32_t>> prompt = tokenizePrompt(nullptr);
            if (!prompt) {
                fail(prompt.error());
                return false;
            }
            ++dropped;
            m_tokens = std::move(*prompt);
            m_tokens.insert(m_tokens.end(), m_generated.begin(), m_generated.end());
            continue;
        }
        if (!turns) { // continuation mode: forget the oldest text, keeping BOS
            const size_t keepFront = m_model.loaded.bosToken ? 1 : 0;
            const size_t excess = m_tokens.size() + headroom - nCtx;
            if (m_tokens.size() > keepFront + excess) {
                m_tokens.erase(m_tokens.begin() + static_cast<std::ptrdiff_t>(keepFront),
                    m_tokens.begin() + static_cast<std::ptrdiff_t>(keepFront + excess));
                reportOverflow(0, "The context is full: the oldest " + std::to_string(excess)
                        + " tokens of the text were dropped.");
                m_evaluated = m_conversation.reusablePrefix(m_tokens);
                return true;
            }
        }
        reportOverflow(dropped, "The latest message alone does not fit the model's context of "
                + std::to_string(nCtx) + " tokens.");
        finish(StopReason::ContextFull);
        return false;
    }
    reportOverflow(dropped, "The context was full: the oldest " + std::to_string(dropped)
            + (dropped == 1 ? " turn was" : " turns were") + " dropped (the system prompt is kept).");
    m_evaluated = m_conversation.reusablePrefix(m_tokens);
    return true;
}

bool Generation::start()
{
    std::string rendered;
    Result<std::vector<int32_t>> prompt = tokenizePrompt(&rendered);
    if (!prompt) {
        fail(prompt.error());
        return false;
    }
    if (prompt->empty()) {
        fail(makeError(ErrorCode::InvalidArgument, "nothing to generate from: the prompt is empty"));
        return false;
    }
    m_filter.emplace(m_request.stopStrings, endsWithThinkOpen(rendered));
    m_tokens = std::move(*prompt);
    m_stats.promptTokens = static_cast<int32_t>(m_tokens.size());
    if (Result<void> cache = m_conversation.ensureCache(); !cache) {
        fail(cache.error());
        return false;
    }
    if (!fitContext(1))
        return false;
    m_evaluated = m_conversation.reusablePrefix(m_tokens);
    log::get("engine.session")->debug("request {}: prompt {} tokens, {} reused from the cache", m_id,
        m_tokens.size(), m_evaluated);
    return true;
}

bool Generation::step()
{
    if (m_done)
        return false;
    if (m_evaluated < m_tokens.size()) { // prefill: one chunk per step
        const size_t n = std::min<size_t>(m_prefillChunk, m_tokens.size() - m_evaluated);
        const Clock::time_point t0 = Clock::now();
        Result<std::vector<float>> logits = m_conversation.evaluate(static_cast<uint32_t>(m_evaluated),
            std::span<const int32_t>(m_tokens).subspan(m_evaluated, n));
        if (!logits) {
            fail(logits.error());
            return false;
        }
        m_prefillTime += Clock::now() - t0;
        m_evaluated += n;
        m_stats.promptTokensEvaluated += static_cast<int32_t>(n);
        m_logits = std::move(*logits);
        return true;
    }
    return decodeStep();
}

bool Generation::decodeStep()
{
    const int32_t token = m_sampler.sample(m_logits, m_tokens);
    if (!m_haveFirstToken) {
        m_haveFirstToken = true;
        m_firstToken = Clock::now();
    }
    if (m_model.loaded.tokenizer->isEndOfGeneration(token)) {
        finish(StopReason::EndOfTurn);
        return false;
    }
    m_tokens.push_back(token);
    m_generated.push_back(token);
    emitDeltas(m_filter->push(m_model.loaded.tokenizer->tokenBytes(token)));
    if (m_filter->stopped()) {
        finish(StopReason::StopString);
        return false;
    }
    if (m_request.maxTokens > 0 && m_generated.size() >= static_cast<size_t>(m_request.maxTokens)) {
        finish(StopReason::MaxTokens);
        return false;
    }
    // The new token needs a position of its own before the next one can be predicted.
    if (!fitContext(0))
        return false;
    if (m_evaluated + 1 < m_tokens.size())
        return true; // turns were dropped: the next steps re-read the shortened prompt
    Result<std::vector<float>> logits = m_conversation.evaluate(static_cast<uint32_t>(m_evaluated),
        std::span<const int32_t>(m_tokens).subspan(m_evaluated, 1));
    if (!logits) {
        fail(logits.error());
        return false;
    }
    ++m_evaluated;
    m_logits = std::move(*logits);
    return true;
}

void Generation::emitDeltas(const std::vector<Delta>& deltas)
{
    for (const Delta& d : deltas) {
        (d.kind == DeltaKind::Reasoning ? m_reasoning : m_text) += d.text;
        m_emit(event::TokenDelta{m_id, d.kind, d.text});
    }
}

void Generation::finish(StopReason reason)
{
    if (m_done)
        return;
    m_done = true;
    if (m_filter)
        emitDeltas(m_filter->finish());
    const Clock::time_point now = Clock::now();
    m_stats.stopReason = reason;
    m_stats.generatedTokens = static_cast<int32_t>(m_generated.size());
    if (m_haveFirstToken) {
        m_stats.timeToFirstTokenMs = seconds(m_firstToken - m_received) * 1000.0;
        const double decodeSeconds = seconds(now - m_firstToken);
        if (m_generated.size() > 1 && decodeSeconds > 0.0)
            m_stats.generationTokensPerSecond = static_cast<double>(m_generated.size() - 1) / decodeSeconds;
    }
    if (m_stats.promptTokensEvaluated > 0 && seconds(m_prefillTime) > 0.0)
        m_stats.promptTokensPerSecond = m_stats.promptTokensEvaluated / seconds(m_prefillTime);
    m_emit(event::Finished{m_id, m_stats, m_text, m_reasoning});
}

void Generation::cancel() { finish(StopReason::Cancelled); }

void Generation::fail(Error error)
{
    if (m_done)
        return;
    m_done = true;
    log::get("engine.session")->warn("request {} failed: {}", m_id, error.message);
    m_emit(event::Failed{m_id, std::move(error)});
}

} // namespace agora::session
