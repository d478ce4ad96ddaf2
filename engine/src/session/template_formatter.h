// PromptFormatter over a model's own Jinja chat template, and the built-in formats the session
// falls back to when a template uses something the interpreter cannot render.
#pragma once

#include "chat/chat_template.h"
#include "session/text_codec.h"

#include <optional>
#include <string>

namespace agora::session {

class TemplateFormatter final : public PromptFormatter {
public:
    TemplateFormatter(chat::ChatTemplate chatTemplate, std::string bosToken, std::string eosToken);
    Result<std::string> render(const std::vector<ChatMessage>& messages) const override;

private:
    chat::ChatTemplate m_template;
    std::string m_bos;
    std::string m_eos;
};

enum class BuiltinFormat { ChatMl, Llama3, Gemma, Plain };
const char* builtinFormatName(BuiltinFormat format);

// A hard-coded rendering of one well-known turn format; used only as a fallback.
class BuiltinFormatter final : public PromptFormatter {
public:
    BuiltinFormatter(BuiltinFormat format, std::string bosToken);
    Result<std::string> render(const std::vector<ChatMessage>& messages) const override;

private:
    BuiltinFormat m_format;
    std::string m_bos;
};

// Picks the family's format from the turn markers its vocabulary has (a token that encodes to
// exactly one id is present): <|im_start|> ChatML, <|start_header_id|> Llama 3,
// <start_of_turn> Gemma, otherwise a plain "User:/Assistant:" transcript.
BuiltinFormat guessBuiltinFormat(const Tokenizer& tokenizer);

} // namespace agora::session
