// PromptFormatter over the chat subsystem's ChatFormatter: the model's own Jinja template, or the
// built-in format of its family when the template cannot be rendered (with a warning).
#pragma once

#include "chat/chat_formatter.h"
#include "session/text_codec.h"

namespace agora::session {

class TemplateFormatter final : public PromptFormatter {
public:
    explicit TemplateFormatter(chat::ChatFormatter formatter) : m_formatter(std::move(formatter)) {}
    Result<std::string> render(const std::vector<ChatMessage>& messages) const override;

private:
    chat::ChatFormatter m_formatter;
};

} // namespace agora::session
