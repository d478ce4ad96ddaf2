#include "chat/builtin_formats.h"

#include <vector>

namespace agora::chat {
namespace {

struct Turn {
    std::string role; // system, user, assistant (other roles are passed through by name)
    std::string content;
};

std::vector<Turn> turnsOf(const json::Value* messages)
{
    std::vector<Turn> turns;
    if (!messages || !messages->isArray())
        return turns;
    for (const auto& m : messages->asArray())
        turns.push_back(Turn{m.stringOr("role"), m.stringOr("content")});
    return turns;
}

std::string trimmed(const std::string& s)
{
    const size_t begin = s.find_first_not_of(" \t\r\n");
    if (begin == std::string::npos)
        return {};
    const size_t end = s.find_last_not_of(" \t\r\n");
    return s.substr(begin, end - begin + 1);
}

// Families without a system turn: the system text leads the first user message.
std::vector<Turn> foldSystem(std::vector<Turn> turns, const std::string& separator)
{
    std::string system;
    std::vector<Turn> out;
    for (auto& t : turns) {
        if (t.role == "system") {
            system += (system.empty() ? "" : separator) + t.content;
            continue;
        }
        if (t.role == "user" && !system.empty()) {
            t.content = system + separator + t.content;
            system.clear();
        }
        out.push_back(std::move(t));
    }
    if (!system.empty())
        out.push_back(Turn{"user", system});
    return out;
}

std::string renderChatML(const std::vector<Turn>& turns, const BuiltinInputs& in)
{
    std::string out;
    for (const auto& t : turns)
        out += "<|im_start|>" + t.role + "\n" + t.content + "<|im_end|>\n";
    if (in.addGenerationPrompt)
        out += "<|im_start|>assistant\n";
    return out;
}

std::string renderLlama3(const std::vector<Turn>& turns, const BuiltinInputs& in)
{
    std::string out = in.bosToken;
    for (const auto& t : turns)
        out += "<|start_header_id|>" + t.role + "<|end_header_id|>\n\n" + trimmed(t.content) + "<|eot_id|>";
    if (in.addGenerationPrompt)
        out += "<|start_header_id|>assistant<|end_header_id|>\n\n";
    return out;
}

std::string renderLlama2(const std::vector<Turn>& turns, const BuiltinInputs& in)
{
    std::string out;
    std::string system;
    for (const auto& t : turns) {
        if (t.role == "system") {
            system = t.content;
        } else if (t.role == "assistant") {
            out += " " + trimmed(t.content) + " " + in.eosToken;
        } else {
            out += in.bosToken + "[INST] ";
            if (!system.empty()) {
                out += "<<SYS>>\n" + system + "\n<</SYS>>\n\n";
                system.clear();
            }
            out += trimmed(t.content) + " [/INST]";
        }
    }
    return out;
}

std::string renderMistral(const std::vector<Turn>& turns, const BuiltinInputs& in)
{
    std::string out = in.bosToken;
    for (const auto& t : foldSystem(turns, "\n\n")) {
        if (t.role == "assistant")
            out += t.content + in.eosToken; // Mistral-7B-Instruct-v0.2: no space after [/INST]
        else
            out += "[INST] " + t.content + " [/INST]";
    }
    return out;
}

std::string renderGemma(const std::vector<Turn>& turns, const BuiltinInputs& in)
{
    std::string out = in.bosToken;
    for (const auto& t : foldSystem(turns, "\n\n"))
        out += "<start_of_turn>" + std::string(t.role == "assistant" ? "model" : t.role) + "\n" + trimmed(t.content) +
               "<end_of_turn>\n";
    if (in.addGenerationPrompt)
        out += "<start_of_turn>model\n";
    return out;
}

std::string renderPhi3(const std::vector<Turn>& turns, const BuiltinInputs& in)
{
    std::string out;
    for (const auto& t : turns)
        out += "<|" + t.role + "|>\n" + t.content + "<|end|>\n";
    if (in.addGenerationPrompt)
        out += "<|assistant|>\n";
    return out;
}

std::string renderDeepSeek(const std::vector<Turn>& turns, const BuiltinInputs& in)
{
    std::string out = in.bosToken;
    for (const auto& t : turns) {
        if (t.role == "system")
            out += t.content;
        else if (t.role == "assistant")
            out += "<\xEF\xBD\x9C" "Assistant\xEF\xBD\x9C>" + t.content + in.eosToken;
        else
            out += "<\xEF\xBD\x9C" "User\xEF\xBD\x9C>" + t.content;
    }
    if (in.addGenerationPrompt)
        out += "<\xEF\xBD\x9C" "Assistant\xEF\xBD\x9C>";
    return out;
}

std::string renderZephyr(const std::vector<Turn>& turns, const BuiltinInputs& in)
{
    std::string out;
    for (const auto& t : turns)
        out += "<|" + t.role + "|>\n" + t.content + in.eosToken + "\n";
    if (in.addGenerationPrompt)
        out += "<|assistant|>\n";
    return out;
}

std::string renderVicuna(const std::vector<Turn>& turns, const BuiltinInputs& in)
{
    std::string out;
    for (const auto& t : turns) {
        if (t.role == "system")
            out += t.content + "\n\n";
        else if (t.role == "assistant")
            out += "ASSISTANT: " + t.content + in.eosToken + "\n";
        else
            out += "USER: " + t.content + "\n";
    }
    if (in.addGenerationPrompt)
        out += "ASSISTANT:";
    return out;
}

bool contains(std::string_view text, std::string_view needle) { return text.find(needle) != std::string_view::npos; }

} // namespace

const char* chatFamilyName(ChatFamily family)
{
    switch (family) {
    case ChatFamily::ChatML: return "chatml";
    case ChatFamily::Llama2: return "llama2";
    case ChatFamily::Llama3: return "llama3";
    case ChatFamily::Mistral: return "mistral";
    case ChatFamily::Gemma: return "gemma";
    case ChatFamily::Phi3: return "phi3";
    case ChatFamily::DeepSeek: return "deepseek";
    case ChatFamily::Zephyr: return "zephyr";
    case ChatFamily::Vicuna: return "vicuna";
    }
    return "chatml";
}

std::optional<ChatFamily> chatFamilyFromName(std::string_view name)
{
    for (ChatFamily f : {ChatFamily::ChatML, ChatFamily::Llama2, ChatFamily::Llama3, ChatFamily::Mistral, ChatFamily::Gemma,
                         ChatFamily::Phi3, ChatFamily::DeepSeek, ChatFamily::Zephyr, ChatFamily::Vicuna})
        if (name == chatFamilyName(f))
            return f;
    return std::nullopt;
}

std::optional<ChatFamily> chatFamilyFromTemplate(std::string_view t)
{
    // Most specific markers first: several families share "[INST]" or "<|user|>".
    if (contains(t, "<|im_start|>"))
        return ChatFamily::ChatML;
    if (contains(t, "<|start_header_id|>"))
        return ChatFamily::Llama3;
    if (contains(t, "<start_of_turn>"))
        return ChatFamily::Gemma;
    if (contains(t, "<\xEF\xBD\x9C" "User\xEF\xBD\x9C>") || contains(t, "<\xEF\xBD\x9C" "Assistant\xEF\xBD\x9C>"))
        return ChatFamily::DeepSeek;
    if (contains(t, "<|user|>") && contains(t, "<|end|>"))
        return ChatFamily::Phi3;
    if (contains(t, "<|user|>"))
        return ChatFamily::Zephyr;
    if (contains(t, "<<SYS>>"))
        return ChatFamily::Llama2;
    if (contains(t, "[INST]"))
        return ChatFamily::Mistral;
    if (contains(t, "USER:") && contains(t, "ASSISTANT:"))
        return ChatFamily::Vicuna;
    return std::nullopt;
}

ChatFamily detectChatFamily(std::string_view templateText, std::string_view architecture)
{
    if (auto f = chatFamilyFromTemplate(templateText))
        return *f;
    const auto startsWith = [&](std::string_view p) { return architecture.substr(0, p.size()) == p; };
    if (startsWith("gemma"))
        return ChatFamily::Gemma;
    if (startsWith("phi3"))
        return ChatFamily::Phi3;
    if (startsWith("deepseek"))
        return ChatFamily::DeepSeek;
    return ChatFamily::ChatML; // qwen*, and the safest default elsewhere
}

std::string renderBuiltin(ChatFamily family, const BuiltinInputs& inputs)
{
    const std::vector<Turn> turns = turnsOf(inputs.messages);
    switch (family) {
    case ChatFamily::ChatML: return renderChatML(turns, inputs);
    case ChatFamily::Llama2: return renderLlama2(turns, inputs);
    case ChatFamily::Llama3: return renderLlama3(turns, inputs);
    case ChatFamily::Mistral: return renderMistral(turns, inputs);
    case ChatFamily::Gemma: return renderGemma(turns, inputs);
    case ChatFamily::Phi3: return renderPhi3(turns, inputs);
    case ChatFamily::DeepSeek: return renderDeepSeek(turns, inputs);
    case ChatFamily::Zephyr: return renderZephyr(turns, inputs);
    case ChatFamily::Vicuna: return renderVicuna(turns, inputs);
    }
    return renderChatML(turns, inputs);
}

} // namespace agora::chat
