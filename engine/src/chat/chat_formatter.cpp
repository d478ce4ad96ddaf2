#include "chat/chat_formatter.h"

#include "core/log.h"

namespace agora::chat {

const char* promptModeName(PromptMode mode)
{
    switch (mode) {
    case PromptMode::Template: return "template";
    case PromptMode::BuiltinFallback: return "builtin";
    case PromptMode::PlainContinuation: return "plain";
    }
    return "template";
}

namespace {

std::string fallbackWarning(const std::string& reason, ChatFamily family)
{
    return "The model's chat template cannot be used (" + reason + "); using Agora's built-in " +
           chatFamilyName(family) + " format instead, which may differ slightly from the model's own.";
}

} // namespace

ChatFormatter ChatFormatter::create(std::string_view templateText, std::string_view architecture, std::string bosToken,
                                    std::string eosToken)
{
    ChatFormatter f;
    f.m_bos = std::move(bosToken);
    f.m_eos = std::move(eosToken);
    f.m_family = detectChatFamily(templateText, architecture);
    if (templateText.empty()) {
        f.m_mode = PromptMode::PlainContinuation;
        return f;
    }
    auto parsed = ChatTemplate::parse(templateText);
    if (!parsed) {
        f.m_mode = PromptMode::BuiltinFallback;
        f.m_warning = fallbackWarning(parsed.error().message, f.m_family);
        log::get("engine.chat")->warn("{}", f.m_warning);
        return f;
    }
    f.m_template = std::move(parsed.value());
    f.m_mode = PromptMode::Template;
    return f;
}

FormattedPrompt ChatFormatter::builtin(const json::Value& messages, bool addGenerationPrompt, std::string warning) const
{
    BuiltinInputs in;
    in.messages = &messages;
    in.addGenerationPrompt = addGenerationPrompt;
    in.bosToken = m_bos;
    in.eosToken = m_eos;
    return FormattedPrompt{renderBuiltin(m_family, in), PromptMode::BuiltinFallback, chatFamilyName(m_family),
                           std::move(warning)};
}

Result<FormattedPrompt> ChatFormatter::format(const json::Value& messages, bool addGenerationPrompt,
                                              const json::Value& extra, std::optional<std::tm> now) const
{
    if (!messages.isArray())
        return makeError(ErrorCode::InvalidArgument, "messages must be a list of {role, content} objects");
    if (m_mode == PromptMode::PlainContinuation) {
        // A base model continues text: the conversation is one running text.
        std::string text;
        for (const auto& m : messages.asArray())
            text += m.stringOr("content");
        return FormattedPrompt{std::move(text), PromptMode::PlainContinuation, "plain", {}};
    }
    if (!m_template)
        return builtin(messages, addGenerationPrompt, m_warning);

    TemplateInputs in;
    in.messages = messages;
    in.addGenerationPrompt = addGenerationPrompt;
    in.bosToken = m_bos;
    in.eosToken = m_eos;
    in.extra = extra;
    in.now = now;
    in.polyfillSystemRole = true;
    auto rendered = m_template->render(in);
    if (rendered)
        return FormattedPrompt{std::move(rendered.value()), PromptMode::Template, "template", {}};
    if (rendered.error().code == ErrorCode::InvalidArgument)
        return rendered.error(); // the template's own rule (e.g. roles must alternate): tell the user
    std::string warning = fallbackWarning(rendered.error().message, m_family);
    if (!m_loggedRenderFallback->exchange(true))
        log::get("engine.chat")->warn("{}", warning);
    return builtin(messages, addGenerationPrompt, std::move(warning));
}

} // namespace agora::chat
