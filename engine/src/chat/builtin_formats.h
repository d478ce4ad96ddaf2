// Built-in prompt formats per model family, used when a model's own chat template cannot be
// rendered (a construct we do not support, a template that needs inputs we do not have), and
// the detection of a family from template text or architecture. These approximate each
// family's official template for plain conversations (no tools).
#pragma once

#include "core/json.h"

#include <optional>
#include <string>
#include <string_view>

namespace agora::chat {

enum class ChatFamily { ChatML, Llama2, Llama3, Mistral, Gemma, Phi3, DeepSeek, Zephyr, Vicuna };

const char* chatFamilyName(ChatFamily family); // "chatml", "llama3", ...
std::optional<ChatFamily> chatFamilyFromName(std::string_view name);

// The family whose markers the template text uses, else the one the architecture implies,
// else ChatML (the most common format among instruction-tuned GGUF models).
ChatFamily detectChatFamily(std::string_view templateText, std::string_view architecture);
// Only the template-text markers; nullopt when none is recognised.
std::optional<ChatFamily> chatFamilyFromTemplate(std::string_view templateText);

struct BuiltinInputs {
    const json::Value* messages = nullptr; // [{"role", "content"}], roles system/user/assistant
    bool addGenerationPrompt = true;
    std::string bosToken;
    std::string eosToken;
};

std::string renderBuiltin(ChatFamily family, const BuiltinInputs& inputs);

} // namespace agora::chat
