// Turns a conversation into prompt text for one model: through the model's own chat template
// when we can render it, else through the built-in format of its family (with a warning the
// app can show), or, for base models without a template, as plain text to continue.
#pragma once

#include "chat/builtin_formats.h"
#include "chat/chat_template.h"

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace agora::chat {

enum class PromptMode {
    Template,          // the model's own chat template
    BuiltinFallback,   // the template could not be used; a built-in format of the same family
    PlainContinuation, // no template (a base model): the text is continued as it is
};
const char* promptModeName(PromptMode mode);

struct FormattedPrompt {
    std::string text;
    PromptMode mode = PromptMode::Template;
    std::string formatName; // "template", a family name ("chatml", ...) or "plain"
    std::string warning;    // non-empty when a fallback happened: for the user, names the cause
};

class ChatFormatter {
public:
    // templateText empty: plain continuation. architecture ("llama", "qwen2", ...) helps pick a
    // fallback family when the template's markers do not tell. bos/eos: token texts.
    static ChatFormatter create(std::string_view templateText, std::string_view architecture, std::string bosToken,
                                std::string eosToken);

    PromptMode mode() const { return m_mode; } // as far as known before rendering
    ChatFamily family() const { return m_family; }
    const std::string& warning() const { return m_warning; }

    // Renders messages ([{"role", "content"}]). With a template, a conversation that breaks the
    // template's own rules (raise_exception) is an InvalidArgument error carrying its message;
    // a template that fails for other reasons falls back to the family format for this call.
    // System messages are folded into the next user turn for templates that drop them.
    Result<FormattedPrompt> format(const json::Value& messages, bool addGenerationPrompt = true,
                                   const json::Value& extra = json::Value(json::Object{}),
                                   std::optional<std::tm> now = std::nullopt) const;

private:
    FormattedPrompt builtin(const json::Value& messages, bool addGenerationPrompt, std::string warning) const;

    PromptMode m_mode = PromptMode::PlainContinuation;
    ChatFamily m_family = ChatFamily::ChatML;
    std::optional<ChatTemplate> m_template;
    std::string m_bos;
    std::string m_eos;
    std::string m_warning; // parse-time fallback reason
    // Render-time fallbacks are logged once per formatter, not once per turn.
    std::shared_ptr<std::atomic<bool>> m_loggedRenderFallback = std::make_shared<std::atomic<bool>>(false);
};

} // namespace agora::chat
