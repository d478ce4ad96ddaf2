// Built-in family formats against the real templates of those families, family detection on
// the fixture templates, and ChatFormatter's fallback / plain-continuation behaviour.
#include "chat/builtin_formats.h"
#include "chat/chat_formatter.h"
#include "core/json.h"

#include <QtTest>

#include <fstream>
#include <sstream>

using namespace agora::chat;
using agora::json::Value;

namespace {

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string fixtureTemplate(const std::string& name)
{
    return readFile(std::string(AGORA_SHARED_DIR) + "/fixtures/templates/" + name);
}

std::string llamaCppTemplate(const std::string& caseName)
{
    auto doc = agora::json::parse(readFile(std::string(AGORA_SHARED_DIR) +
                                           "/fixtures/chat-template-cases/llama.cpp-test-chat-template.cases.json"));
    if (!doc)
        return {};
    for (const auto& c : doc->find("cases")->asArray())
        if (c.stringOr("name") == caseName)
            return c.stringOr("template");
    return {};
}

Value message(const char* role, const char* content)
{
    Value m;
    m.set("role", role);
    m.set("content", content);
    return m;
}

Value conversation(bool withSystem)
{
    agora::json::Array list;
    if (withSystem)
        list.push_back(message("system", "You are terse."));
    list.push_back(message("user", "Hello"));
    list.push_back(message("assistant", "Hi there"));
    list.push_back(message("user", "Who are you?"));
    return Value(std::move(list));
}

std::string renderTemplate(const std::string& source, const Value& messages, const std::string& bos, const std::string& eos)
{
    auto t = ChatTemplate::parse(source);
    if (!t)
        return "parse error: " + t.error().message;
    TemplateInputs in;
    in.messages = messages;
    in.bosToken = bos;
    in.eosToken = eos;
    auto out = t->render(in);
    return out ? *out : "render error: " + out.error().message;
}

} // namespace

class TestChatFormats : public QObject {
    Q_OBJECT

private slots:
    // Each built-in format must produce what the family's real template produces.
    void builtinMatchesFamilyTemplate_data()
    {
        QTest::addColumn<QString>("family");
        QTest::addColumn<QString>("source");
        QTest::addColumn<bool>("withSystem");
        QTest::addColumn<QString>("bos");
        QTest::addColumn<QString>("eos");
        const auto q = [](const std::string& s) { return QString::fromStdString(s); };
        QTest::newRow("chatml/qwen2.5") << "chatml" << q(fixtureTemplate("Qwen-Qwen2.5-7B-Instruct.jinja")) << true << "" << "";
        QTest::newRow("chatml/openhermes") << "chatml" << q(llamaCppTemplate("teknium/OpenHermes-2.5-Mistral-7B")) << true << "" << "";
        QTest::newRow("llama3") << "llama3" << q(llamaCppTemplate("Llama-3")) << true << "<|begin_of_text|>" << "<|eot_id|>";
        QTest::newRow("gemma/gemma-2") << "gemma" << q(fixtureTemplate("google-gemma-2-2b-it.jinja")) << false << "<bos>" << "<eos>";
        QTest::newRow("phi3/phi-3.5") << "phi3" << q(fixtureTemplate("microsoft-Phi-3.5-mini-instruct.jinja")) << true << "<s>" << "<|endoftext|>";
        QTest::newRow("mistral/v0.2") << "mistral" << q(llamaCppTemplate("mistralai/Mistral-7B-Instruct-v0.2 (NOTE: Old pre-v1 without a system prompt)")) << false << "<s>" << "</s>";
        QTest::newRow("vicuna") << "vicuna" << q(llamaCppTemplate("eachadea/vicuna-13b-1.1")) << true << "" << "</s>";
    }

    void builtinMatchesFamilyTemplate()
    {
        QFETCH(QString, family);
        QFETCH(QString, source);
        QFETCH(bool, withSystem);
        QFETCH(QString, bos);
        QFETCH(QString, eos);
        QVERIFY(!source.isEmpty());
        const Value messages = conversation(withSystem);
        const std::string expected = renderTemplate(source.toStdString(), messages, bos.toStdString(), eos.toStdString());
        auto f = chatFamilyFromName(family.toStdString());
        QVERIFY(f.has_value());
        BuiltinInputs in;
        in.messages = &messages;
        in.bosToken = bos.toStdString();
        in.eosToken = eos.toStdString();
        QCOMPARE(QString::fromStdString(renderBuiltin(*f, in)), QString::fromStdString(expected));
        QCOMPARE(chatFamilyFromTemplate(source.toStdString()), f);
    }

    void builtinFormatsWithoutTemplateReference()
    {
        const Value messages = conversation(true);
        BuiltinInputs in;
        in.messages = &messages;
        in.bosToken = "<s>";
        in.eosToken = "</s>";
        QCOMPARE(renderBuiltin(ChatFamily::Llama2, in),
                 std::string("<s>[INST] <<SYS>>\nYou are terse.\n<</SYS>>\n\nHello [/INST] Hi there </s><s>[INST] Who are you? [/INST]"));
        QCOMPARE(renderBuiltin(ChatFamily::Zephyr, in),
                 std::string("<|system|>\nYou are terse.</s>\n<|user|>\nHello</s>\n<|assistant|>\nHi there</s>\n<|user|>\nWho are you?</s>\n<|assistant|>\n"));
        QCOMPARE(renderBuiltin(ChatFamily::DeepSeek, in),
                 std::string("<s>You are terse.<\xEF\xBD\x9C" "User\xEF\xBD\x9C>Hello<\xEF\xBD\x9C" "Assistant\xEF\xBD\x9C>Hi there</s><\xEF\xBD\x9C"
                             "User\xEF\xBD\x9C>Who are you?<\xEF\xBD\x9C" "Assistant\xEF\xBD\x9C>"));
        in.addGenerationPrompt = false;
        QCOMPARE(renderBuiltin(ChatFamily::ChatML, in).substr(0, 20), std::string("<|im_start|>system\nY"));
        QVERIFY(!QString::fromStdString(renderBuiltin(ChatFamily::ChatML, in)).endsWith("<|im_start|>assistant\n"));
    }

    void detectsFamiliesOfFixtureTemplates_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("family");
        QTest::newRow("qwen3") << "Qwen-Qwen3-0.6B.jinja" << "chatml";
        QTest::newRow("qwq") << "Qwen-QwQ-32B.jinja" << "chatml";
        QTest::newRow("llama3.1") << "meta-llama-Llama-3.1-8B-Instruct.jinja" << "llama3";
        QTest::newRow("llama3.3") << "meta-llama-Llama-3.3-70B-Instruct.jinja" << "llama3";
        QTest::newRow("gemma2") << "google-gemma-2-2b-it.jinja" << "gemma";
        QTest::newRow("phi3.5") << "microsoft-Phi-3.5-mini-instruct.jinja" << "phi3";
        QTest::newRow("nemo") << "mistralai-Mistral-Nemo-Instruct-2407.jinja" << "mistral";
        QTest::newRow("r1-distill") << "deepseek-ai-DeepSeek-R1-Distill-Qwen-32B.jinja" << "deepseek";
        QTest::newRow("hermes") << "NousResearch-Hermes-2-Pro-Llama-3-8B-tool_use.jinja" << "chatml";
    }

    void detectsFamiliesOfFixtureTemplates()
    {
        QFETCH(QString, file);
        QFETCH(QString, family);
        const std::string text = fixtureTemplate(file.toStdString());
        QVERIFY(!text.empty());
        QCOMPARE(QString(chatFamilyName(detectChatFamily(text, "llama"))), family);
    }

    void detectsFamilyFromArchitecture()
    {
        QCOMPARE(detectChatFamily("", "gemma3"), ChatFamily::Gemma);
        QCOMPARE(detectChatFamily("", "phi3"), ChatFamily::Phi3);
        QCOMPARE(detectChatFamily("", "qwen2"), ChatFamily::ChatML);
        QCOMPARE(detectChatFamily("{{ messages }}", "llama"), ChatFamily::ChatML);
    }

    void formatterUsesTheTemplate()
    {
        auto f = ChatFormatter::create(fixtureTemplate("Qwen-Qwen3-0.6B.jinja"), "qwen3", "", "<|im_end|>");
        QCOMPARE(f.mode(), PromptMode::Template);
        auto out = f.format(conversation(true));
        QVERIFY(out.ok());
        QCOMPARE(out->mode, PromptMode::Template);
        QVERIFY(out->warning.empty());
        QVERIFY(QString::fromStdString(out->text).endsWith("<|im_start|>assistant\n"));
    }

    void formatterFoldsSystemForTemplatesWithoutSystemRole()
    {
        // gemma-2's template raises "System role not supported": the system text leads the
        // first user turn instead, the way llama.cpp renders it.
        auto f = ChatFormatter::create(fixtureTemplate("google-gemma-2-2b-it.jinja"), "gemma2", "<bos>", "<eos>");
        auto out = f.format(conversation(true));
        QVERIFY2(out.ok(), out.ok() ? "" : out.error().message.c_str());
        QCOMPARE(out->mode, PromptMode::Template);
        QVERIFY2(out->text.rfind("<bos><start_of_turn>user\nYou are terse.\nHello<end_of_turn>", 0) == 0, out->text.c_str());
    }

    void formatterReportsTemplateRules()
    {
        auto f = ChatFormatter::create(fixtureTemplate("google-gemma-2-2b-it.jinja"), "gemma2", "<bos>", "<eos>");
        agora::json::Array twoUsers{message("user", "a"), message("user", "b")};
        auto out = f.format(Value(std::move(twoUsers)));
        QVERIFY(!out.ok());
        QCOMPARE(out.error().code, agora::ErrorCode::InvalidArgument);
        QCOMPARE(out.error().message, std::string("Conversation roles must alternate user/assistant/user/assistant/..."));
    }

    void formatterFallsBackOnUnsupportedParse()
    {
        const std::string source = "{% include 'chatml.jinja' %}<|im_start|>";
        auto f = ChatFormatter::create(source, "llama", "", "");
        QCOMPARE(f.mode(), PromptMode::BuiltinFallback);
        QCOMPARE(f.family(), ChatFamily::ChatML);
        QVERIFY(f.warning().find("unsupported tag 'include' at line 1") != std::string::npos);
        auto out = f.format(conversation(true));
        QVERIFY(out.ok());
        QCOMPARE(out->mode, PromptMode::BuiltinFallback);
        QCOMPARE(out->formatName, std::string("chatml"));
        QVERIFY(out->warning.find("built-in chatml format") != std::string::npos);
        const Value messages = conversation(true);
        BuiltinInputs in;
        in.messages = &messages;
        QCOMPARE(out->text, renderBuiltin(ChatFamily::ChatML, in));
    }

    void formatterFallsBackOnUnsupportedRender()
    {
        // Parses fine, fails when rendering reaches an unknown filter: falls back per call.
        const std::string source =
            "{% for m in messages %}<start_of_turn>{{ m.role }}\n{{ m.content|frobnicate }}<end_of_turn>\n{% endfor %}";
        auto f = ChatFormatter::create(source, "gemma", "<bos>", "<eos>");
        QCOMPARE(f.mode(), PromptMode::Template);
        auto out = f.format(conversation(false));
        QVERIFY(out.ok());
        QCOMPARE(out->mode, PromptMode::BuiltinFallback);
        QCOMPARE(out->formatName, std::string("gemma"));
        QVERIFY(out->warning.find("unsupported filter 'frobnicate' at line 2") != std::string::npos);
        QVERIFY(out->text.rfind("<bos><start_of_turn>user\nHello<end_of_turn>\n", 0) == 0);
    }

    void plainContinuationWithoutTemplate()
    {
        auto f = ChatFormatter::create("", "llama", "<s>", "</s>");
        QCOMPARE(f.mode(), PromptMode::PlainContinuation);
        agora::json::Array story{message("user", "Once upon a time"), message("assistant", ", there was a cat."),
                                 message("user", " The cat")};
        auto out = f.format(Value(std::move(story)));
        QVERIFY(out.ok());
        QCOMPARE(out->mode, PromptMode::PlainContinuation);
        QCOMPARE(QString(promptModeName(out->mode)), QString("plain"));
        QCOMPARE(out->text, std::string("Once upon a time, there was a cat. The cat"));
    }
};

QTEST_GUILESS_MAIN(TestChatFormats)
#include "test_chat_formats.moc"
