#include "session/template_formatter.h"

#include "core/log.h"
#include "core/json.h"

namespace agora::session {

Result<std::string> TemplateFormatter::render(const std::vector<ChatMessage>& messages) const
{
    json::Array list;
    for (const ChatMessage& m : messages)
        list.push_back(json::Value(json::Object{{"role", json::Value(m.role)}, {"content", json::Value(m.content)}}));
    Result<chat::FormattedPrompt> prompt = m_formatter.format(json::Value(std::move(list)), true);
    if (!prompt)
        return prompt.error();
    if (!prompt->warning.empty())
        log::get("engine.session")->warn("{}", prompt->warning);
    return std::move(prompt->text);
}

} // namespace agora::session
