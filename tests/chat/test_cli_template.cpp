// agora-cli template: exact bytes on stdout (no newline added), template errors on stderr with
// exit 1, usage errors with exit 2, bos/eos/template read from a GGUF with -m, --now pinning
// strftime_now.
#include "cli_run.h"

#include <QTemporaryDir>
#include <QtTest>

namespace {

using Run = agora::test::CliRun;

Run runCli(const QStringList& args)
{
    return agora::test::runProgram(AGORA_CLI_PATH, QStringList{"template"} + args, 30000);
}

QString shared(const QString& rel) { return QString(AGORA_SHARED_DIR) + "/" + rel; }

} // namespace

class TestCliTemplate : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_messages;
    QString m_withSystem;

    QString write(const QString& name, const QByteArray& content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(content);
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_messages = write("messages.json",
                           "[{\"role\": \"user\", \"content\": \"Hi\"}, {\"role\": \"assistant\", \"content\": \"Hello! How can I help?\"},"
                           " {\"role\": \"user\", \"content\": \"Tell me a joke.\"}]");
        m_withSystem = write("system.json",
                             "{\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, {\"role\": \"user\", \"content\": \"Hi\"}]}");
    }

    void rendersATemplateFileExactly()
    {
        const Run r = runCli({"--template", shared("fixtures/templates/Qwen-Qwen3-0.6B.jinja"), "--messages", m_messages});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello! How can I help?<|im_end|>\n"
                                   "<|im_start|>user\nTell me a joke.<|im_end|>\n<|im_start|>assistant\n"));
        QVERIFY(r.err.isEmpty());
    }

    void noGenerationPromptAndTokens()
    {
        const Run r = runCli({"--template", shared("fixtures/templates/google-gemma-2-2b-it.jinja"), "--messages", m_messages,
                              "--no-generation-prompt", "--bos", "<B>", "--eos", "<E>"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("<B><start_of_turn>user\nHi<end_of_turn>\n<start_of_turn>model\nHello! How can I help?<end_of_turn>\n"
                                   "<start_of_turn>user\nTell me a joke.<end_of_turn>\n"));
    }

    void templateErrorGoesToStderr()
    {
        const Run r = runCli({"--template", shared("fixtures/templates/google-gemma-2-2b-it.jinja"), "--messages", m_withSystem});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err, QByteArray("agora-cli: System role not supported\n"));
    }

    void nowPinsStrftime()
    {
        const Run r = runCli({"--template", shared("fixtures/templates/meta-llama-Llama-3.2-3B-Instruct.jinja"), "--messages",
                              m_withSystem, "--now", "2026-11-28T12:00:00"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("Today Date: 28 Nov 2026\n"), r.out.constData());
    }

    void readsTemplateAndTokensFromGguf()
    {
        // The synthetic Phi-3 model carries Phi-3's template and "<s>" as its BOS token text.
        const Run r = runCli({"-m", shared("fixtures/models/synthetic/syn-phi3-2k-F16.gguf"), "--messages", m_messages});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("<s><|user|>\nHi<|end|>\n<|assistant|>\nHello! How can I help?<|end|>\n<|user|>\nTell me a joke.<|end|>\n<|assistant|>\n"));
    }

    void baseModelHasNoTemplate()
    {
        const Run r = runCli({"-m", shared("fixtures/models/stories260K.gguf"), "--messages", m_messages});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("has no tokenizer.chat_template"));
    }

    void usageErrors()
    {
        QCOMPARE(runCli({"--messages", m_messages}).exitCode, 2);
        QCOMPARE(runCli({"--template", "x.jinja"}).exitCode, 2);
        QCOMPARE(runCli({"--template", "x", "--messages", m_messages, "--bogus", "1"}).exitCode, 2);
        QCOMPARE(runCli({"--template", shared("fixtures/templates/Qwen-Qwen3-0.6B.jinja"), "--messages", m_messages, "--now", "soon"}).exitCode, 2);
        const Run badJson = runCli({"--template", shared("fixtures/templates/Qwen-Qwen3-0.6B.jinja"), "--messages",
                                    write("bad.json", "[{\"role\": \"user\",]")});
        QCOMPARE(badJson.exitCode, 1);
        QVERIFY2(badJson.err.contains("line 1, column 18"), badJson.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliTemplate)
#include "test_cli_template.moc"
