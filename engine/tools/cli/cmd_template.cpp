// agora-cli template (-m MODEL | --template FILE.jinja) --messages FILE.json
//   [--no-generation-prompt] [--bos S] [--eos S] [--now ISO-DATE]
// Renders a conversation through a chat template and prints the prompt exactly (no newline
// added), so anyone can check our interpreter against another renderer.
#include "cli.h"

#include "chat/chat_template.h"
#include "core/json.h"
#include "gguf/gguf.h"

#include <fstream>
#include <iostream>
#include <sstream>

namespace agora::cli {
namespace {

std::optional<std::string> readText(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The text of a special token (bos/eos) named by its id key, or "" when absent.
std::string tokenText(const gguf::GgufFile& file, const char* idKey)
{
    const auto id = file.getUInt(idKey);
    const gguf::ArrayValue* tokens = file.getArray("tokenizer.ggml.tokens");
    if (!id || !tokens || *id >= tokens->items.size())
        return {};
    const auto text = tokens->items[size_t(*id)].asString();
    return text ? std::string(*text) : std::string();
}

struct TemplateSource {
    std::string text;
    std::string bos;
    std::string eos;
};

std::optional<TemplateSource> loadFromModel(const std::string& path, std::string& error)
{
    gguf::OpenOptions options;
    options.requireTensorData = false; // only metadata is read
    auto file = gguf::GgufFile::open(path, options);
    if (!file) {
        error = file.error().message;
        return std::nullopt;
    }
    const auto text = (*file)->getString("tokenizer.chat_template");
    if (!text) {
        error = path + " has no tokenizer.chat_template (a base model: use plain continuation, or --template)";
        return std::nullopt;
    }
    return TemplateSource{std::string(*text), tokenText(**file, "tokenizer.ggml.bos_token_id"),
                          tokenText(**file, "tokenizer.ggml.eos_token_id")};
}

} // namespace

int cmdTemplate(const std::vector<std::string>& argv)
{
    Args args(argv, {"no-generation-prompt"});
    if (auto bad = args.unknown({"m", "model", "template", "messages", "no-generation-prompt", "bos", "eos", "now"});
        !bad.empty())
        return usageError("template: unknown option '" + bad.front() + "'");
    const auto model = args.value("m") ? args.value("m") : args.value("model");
    const auto templatePath = args.value("template");
    const auto messagesPath = args.value("messages");
    if (model.has_value() == templatePath.has_value())
        return usageError("template: give either -m MODEL or --template FILE.jinja");
    if (!messagesPath)
        return usageError("template: --messages FILE.json is required");

    TemplateSource source;
    if (model) {
        std::string error;
        auto loaded = loadFromModel(*model, error);
        if (!loaded)
            return failure(error);
        source = std::move(*loaded);
    } else {
        auto text = readText(*templatePath);
        if (!text)
            return failure("cannot read " + *templatePath);
        source.text = std::move(*text);
    }

    auto messagesText = readText(*messagesPath);
    if (!messagesText)
        return failure("cannot read " + *messagesPath);
    auto doc = json::parse(*messagesText);
    if (!doc)
        return failure(*messagesPath + ": " + doc.error().message);

    chat::TemplateInputs inputs;
    // Either a list of messages, or an object with "messages" plus extra template variables
    // (tools, enable_thinking, ...).
    if (doc->isArray()) {
        inputs.messages = *doc;
    } else if (doc->isObject() && doc->find("messages") && doc->find("messages")->isArray()) {
        for (const auto& [key, value] : doc->asObject()) {
            if (key == "messages")
                inputs.messages = value;
            else if (key == "add_generation_prompt" && value.isBool())
                inputs.addGenerationPrompt = value.asBool();
            else
                inputs.extra.set(key, value);
        }
    } else {
        return failure(*messagesPath + ": expected a JSON list of messages or an object with \"messages\"");
    }
    if (args.flag("no-generation-prompt"))
        inputs.addGenerationPrompt = false;
    inputs.bosToken = args.value("bos").value_or(source.bos);
    inputs.eosToken = args.value("eos").value_or(source.eos);
    if (const auto now = args.value("now")) {
        auto date = chat::parseIsoDate(*now);
        if (!date)
            return usageError("template: " + date.error().message);
        inputs.now = *date;
    }

    auto tmpl = chat::ChatTemplate::parse(source.text);
    if (!tmpl)
        return failure(tmpl.error().message);
    auto rendered = tmpl->render(inputs);
    if (!rendered)
        return failure(rendered.error().message);
    std::cout << *rendered << std::flush;
    return 0;
}

} // namespace agora::cli
