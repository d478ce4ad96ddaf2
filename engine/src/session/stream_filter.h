// Turns the bytes of generated tokens into deltas a user may see. It holds back whatever could
// still turn out to be (a) the start of a stop string, (b) part of a <think> / </think> tag, or
// (c) an incomplete multi-byte UTF-8 character, and releases it as soon as it cannot. Text inside
// <think>...</think> comes out as Reasoning deltas, the rest as Text; the tags themselves do not.
#pragma once

#include "agora/engine.h"

#include <string>
#include <string_view>
#include <vector>

namespace agora::session {

struct Delta {
    DeltaKind kind = DeltaKind::Text;
    std::string text;
};

class StreamFilter {
public:
    // startInReasoning: the prompt already opened a <think> block (templates of reasoning models
    // often end the generation prompt with "<think>\n").
    StreamFilter(std::vector<std::string> stopStrings, bool startInReasoning);

    // Appends the bytes of one token; returns the deltas that became safe to show.
    std::vector<Delta> push(std::string_view bytes);
    // True once a stop string appeared: it and everything after it are dropped, push() is a no-op.
    bool stopped() const { return m_stopped; }
    // End of the reply: releases what was held back (an unfinished stop string was not one).
    std::vector<Delta> finish();

    // Bytes pushed but not yet released (tests use it to prove the hold-back is minimal).
    size_t heldBytes() const { return m_pending.size(); }

private:
    void release(std::string_view text, std::vector<Delta>& out);
    void emit(DeltaKind kind, std::string_view text, std::vector<Delta>& out);
    size_t safeLength() const;

    std::vector<std::string> m_stopStrings;
    std::string m_pending;          // received, not yet released
    bool m_stopped = false;
    bool m_inReasoning = false;
    bool m_trimLeadingSpace = false; // just crossed a think tag: the newline after it is layout
};

// Replaces every invalid UTF-8 sequence with U+FFFD so the app never receives broken text.
std::string sanitizeUtf8(std::string_view bytes);

} // namespace agora::session
