// A model's chat template (the GGUF's tokenizer.chat_template, Jinja): parsed once, rendered
// for each conversation into the exact prompt text the model was trained on.
#pragma once

#include "agora/engine.h"
#include "core/json.h"

#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace agora::chat {

namespace jinja {
struct Template;
}

struct TemplateInputs {
    json::Value messages = json::Value(json::Array{}); // [{"role": ..., "content": ...}, ...]
    bool addGenerationPrompt = true;
    std::string bosToken;
    std::string eosToken;
    // Extra variables (tools, documents, enable_thinking, ...). tools and documents default to
    // None, as transformers passes them when a caller gives none.
    json::Value extra = json::Value(json::Object{});
    // What strftime_now() formats; the current local time when absent.
    std::optional<std::tm> now;
    // For templates that reject or drop system messages (supportsSystemRole() false): fold the
    // system text into the next user message ("system\nuser"), as llama.cpp does, instead of
    // losing it or failing. Off by default: Jinja2/transformers render messages as given.
    bool polyfillSystemRole = false;
};

// "2026-11-28" or "2026-11-28T12:00:00" (also with a space); weekday and yearday filled in.
Result<std::tm> parseIsoDate(std::string_view text);

class ChatTemplate {
public:
    // Errors: BadFormat for malformed templates and Unsupported for constructs the interpreter
    // does not implement, each with the line ("unsupported tag 'include' at line 3").
    static Result<ChatTemplate> parse(std::string_view source);

    // Errors: InvalidArgument carrying exactly the template's raise_exception() message (the
    // conversation breaks the template's rules); Unsupported when rendering reaches a filter,
    // test or method we lack; BadFormat for other render failures (Jinja2 would fail too).
    Result<std::string> render(const TemplateInputs& inputs) const;

    const std::string& source() const { return m_source; }
    // Whether a system message reaches the output (probed once with a marker conversation).
    bool supportsSystemRole() const { return m_supportsSystemRole; }

private:
    bool probeSystemRole() const;
    Result<std::string> renderMessages(const TemplateInputs& inputs, const json::Value& messages) const;

    std::string m_source;
    bool m_supportsSystemRole = true;
    std::shared_ptr<const jinja::Template> m_template;
};

} // namespace agora::chat
