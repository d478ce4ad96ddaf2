#include "session/template_formatter.h"

#include "core/json.h"

namespace agora::session {

TemplateFormatter::TemplateFormatter(chat::ChatTemplate chatTemplate, std::string bosToken, std::string eosToken)
    : m_template(std::move(chatTemplate)), m_bos(std::move(bosToken)), m_eos(std::move(eosToken))
{
}

Result<std::string> TemplateFormatter::render(const std::vector<ChatMessage>& messages) const
{
    json::Array list;
    for (const ChatMessage& m : messages)
        list.push_back(json::Value(json::Object{{"role", json::Value(m.role)}, {"content", json::Value(m.content)}}));
    chat::TemplateInputs inputs;
    inputs.messages = json::Value(std::move(list));
    inputs.addGenerationPrompt = true;
    inputs.bosToken = m_bos;
    inputs.eosToken = m_eos;
    // A template that ignores system messages would silently lose the user's instructions.
    inputs.polyfillSystemRole = !m_template.supportsSystemRole();
    return m_template.render(inputs);
}

const char* builtinFormatName(BuiltinFormat format)
{
    switch (format) {
    case BuiltinFormat::ChatMl: return "ChatML";
    case BuiltinFormat::Llama3: return "Llama 3";
    case BuiltinFormat::Gemma: return "Gemma";
    case BuiltinFormat::Plain: return "plain transcript";
    }
    return "unknown";
}

BuiltinFormatter::BuiltinFormatter(BuiltinFormat format, std::string bosToken)
    : m_format(format), m_bos(std::move(bosToken))
{
}

Result<std::string> BuiltinFormatter::render(const std::vector<ChatMessage>& messages) const
{
    std::string out;
    switch (m_format) {
    case BuiltinFormat::ChatMl:
        for (const ChatMessage& m : messages)
            out += "<|im_start|>" + m.role + "\n" + m.content + "<|im_end|>\n";
        return out + "<|im_start|>assistant\n";
    case BuiltinFormat::Llama3:
        out = m_bos;
        for (const ChatMessage& m : messages)
            out += "<|start_header_id|>" + m.role + "<|end_header_id|>\n\n" + m.content + "<|eot_id|>";
        return out + "<|start_header_id|>assistant<|end_header_id|>\n\n";
    case BuiltinFormat::Gemma: {
        out = m_bos;
        std::string pendingSystem; // Gemma has no system role: it prefixes the next user turn
        for (const ChatMessage& m : messages) {
            if (m.role == "system") {
                pendingSystem += m.content + "\n\n";
                continue;
            }
            const std::string role = m.role == "assistant" ? "model" : m.role;
            out += "<start_of_turn>" + role + "\n" + (role == "user" ? pendingSystem : "") + m.content + "<end_of_turn>\n";
            if (role == "user")
                pendingSystem.clear();
        }
        return out + "<start_of_turn>model\n";
    }
    case BuiltinFormat::Plain:
        for (const ChatMessage& m : messages) {
            const std::string who = m.role == "system" ? "System" : m.role == "assistant" ? "Assistant" : "User";
            out += who + ": " + m.content + "\n";
        }
        return out + "Assistant:";
    }
    return makeError(ErrorCode::Internal, "unknown built-in chat format");
}

BuiltinFormat guessBuiltinFormat(const Tokenizer& tokenizer)
{
    auto single = [&](const char* text) {
        Result<std::vector<int32_t>> ids = tokenizer.encode(text, true);
        return ids && ids->size() == 1;
    };
    if (single("<|im_start|>"))
        return BuiltinFormat::ChatMl;
    if (single("<|start_header_id|>"))
        return BuiltinFormat::Llama3;
    if (single("<start_of_turn>"))
        return BuiltinFormat::Gemma;
    return BuiltinFormat::Plain;
}

} // namespace agora::session
