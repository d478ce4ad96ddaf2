#include "session/stream_filter.h"

#include <algorithm>

namespace agora::session {

namespace {

constexpr std::string_view kThinkOpen = "<think>";
constexpr std::string_view kThinkClose = "</think>";

bool isContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the UTF-8 sequence a lead byte announces; 0 for bytes that cannot start one.
size_t sequenceLength(unsigned char c)
{
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return 2;
    if (c >= 0xE0 && c <= 0xEF)
        return 3;
    if (c >= 0xF0 && c <= 0xF4)
        return 4;
    return 0;
}

// Where an incomplete character at the end of `s` starts, or s.size() when it ends cleanly.
size_t incompleteTailStart(std::string_view s)
{
    const size_t lookBack = std::min<size_t>(3, s.size());
    for (size_t back = 1; back <= lookBack; ++back) {
        const size_t i = s.size() - back;
        const auto c = static_cast<unsigned char>(s[i]);
        if (isContinuation(c))
            continue;
        const size_t need = sequenceLength(c);
        return need > back ? i : s.size();
    }
    return s.size();
}

bool isPrefixOf(std::string_view candidate, std::string_view whole)
{
    return candidate.size() < whole.size() && whole.substr(0, candidate.size()) == candidate;
}

} // namespace

std::string sanitizeUtf8(std::string_view bytes)
{
    std::string out;
    out.reserve(bytes.size());
    size_t i = 0;
    while (i < bytes.size()) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        size_t len = sequenceLength(c);
        bool valid = len > 0 && i + len <= bytes.size();
        for (size_t k = 1; valid && k < len; ++k)
            valid = isContinuation(static_cast<unsigned char>(bytes[i + k]));
        if (valid && len >= 3) { // overlong forms and surrogates are not characters either
            const auto c1 = static_cast<unsigned char>(bytes[i + 1]);
            valid = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0) && !(c == 0xF0 && c1 < 0x90)
                && !(c == 0xF4 && c1 >= 0x90);
        }
        if (valid) {
            out.append(bytes.substr(i, len));
            i += len;
        } else {
            out.append("\xEF\xBF\xBD");
            ++i;
        }
    }
    return out;
}

StreamFilter::StreamFilter(std::vector<std::string> stopStrings, bool startInReasoning)
    : m_inReasoning(startInReasoning), m_trimLeadingSpace(startInReasoning)
{
    for (std::string& s : stopStrings) {
        if (!s.empty())
            m_stopStrings.push_back(std::move(s));
    }
}

// The longest prefix of m_pending that no later byte can change: cut before any tail that is a
// proper prefix of a stop string or a think tag, and before an unfinished character.
size_t StreamFilter::safeLength() const
{
    const std::string_view pending = m_pending;
    size_t safe = incompleteTailStart(pending);
    for (size_t start = 0; start < safe; ++start) {
        const std::string_view tail = pending.substr(start);
        bool couldGrow = isPrefixOf(tail, kThinkOpen) || isPrefixOf(tail, kThinkClose);
        for (const std::string& stop : m_stopStrings)
            couldGrow = couldGrow || isPrefixOf(tail, stop);
        if (couldGrow)
            return start;
    }
    return safe;
}

std::vector<Delta> StreamFilter::push(std::string_view bytes)
{
    std::vector<Delta> out;
    if (m_stopped)
        return out;
    m_pending.append(bytes);

    // A complete stop string: release what precedes the earliest one, drop the rest.
    size_t earliest = std::string::npos;
    for (const std::string& stop : m_stopStrings)
        earliest = std::min(earliest, m_pending.find(stop));
    if (earliest != std::string::npos) {
        m_stopped = true;
        release(std::string_view(m_pending).substr(0, earliest), out);
        m_pending.clear();
        return out;
    }

    const size_t safe = safeLength();
    release(std::string_view(m_pending).substr(0, safe), out);
    m_pending.erase(0, safe);
    return out;
}

std::vector<Delta> StreamFilter::finish()
{
    std::vector<Delta> out;
    if (!m_stopped)
        release(m_pending, out);
    m_pending.clear();
    return out;
}

// Splits released text at think tags. safeLength() guarantees a tag is never cut in two here.
void StreamFilter::release(std::string_view text, std::vector<Delta>& out)
{
    while (!text.empty()) {
        const std::string_view tag = m_inReasoning ? kThinkClose : kThinkOpen;
        const size_t at = text.find(tag);
        if (at == std::string_view::npos) {
            emit(m_inReasoning ? DeltaKind::Reasoning : DeltaKind::Text, text, out);
            return;
        }
        emit(m_inReasoning ? DeltaKind::Reasoning : DeltaKind::Text, text.substr(0, at), out);
        m_inReasoning = !m_inReasoning;
        m_trimLeadingSpace = true;
        text.remove_prefix(at + tag.size());
    }
}

void StreamFilter::emit(DeltaKind kind, std::string_view text, std::vector<Delta>& out)
{
    if (m_trimLeadingSpace) {
        const size_t first = text.find_first_not_of(" \t\r\n");
        if (first == std::string_view::npos)
            return; // still only layout whitespace: keep trimming with the next piece
        text.remove_prefix(first);
        m_trimLeadingSpace = false;
    }
    if (text.empty())
        return;
    std::string clean = sanitizeUtf8(text);
    if (!out.empty() && out.back().kind == kind)
        out.back().text += clean;
    else
        out.push_back(Delta{kind, std::move(clean)});
}

} // namespace agora::session
