// The engine thread over real GGUF files through Engine::create (the default factory: CPU
// reference model, the GGUF tokenizer, the Jinja chat template): stories260K greedy from BOS
// must reproduce llama2.c's text, and a templated model must reuse its cache across turns.
#include "event_log.h"

#include <QtTest>

#include <cmath>
#include <fstream>
#include <sstream>

using namespace agora;

namespace {

const std::string kModels = std::string(AGORA_SHARED_DIR) + "/fixtures/models/";

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

struct RealEngine {
    EventLog events;
    std::unique_ptr<Engine> engine;
    ModelSummary summary;

    bool start(const std::string& path, uint32_t contextLength)
    {
        auto created = Engine::create();
        if (!created)
            return false;
        engine = std::move(*created);
        engine->setEventCallback(events.callback());
        const RequestId id = engine->load(LoadRequest{path, contextLength, {}});
        if (auto error = events.failure(id)) {
            qWarning("load failed: %s", error->message.c_str());
            return false;
        }
        const auto loaded = events.all<event::Loaded>(id);
        if (loaded.empty())
            return false;
        summary = loaded[0].summary;
        return true;
    }
    ModelId model() const { return 1; } // the first request of a fresh engine
};

} // namespace

class TestEngineReal : public QObject {
    Q_OBJECT

private slots:
    void stories260KGreedyMatchesLlama2c()
    {
        RealEngine e;
        QVERIFY(e.start(kModels + "stories260K.gguf", 256));
        QVERIFY(e.summary.continuationMode); // a base model has no chat template
        GenerateRequest r;
        r.model = e.model();
        r.conversation = 1;
        SamplingParams greedy;
        greedy.temperature = 0.0f;
        r.sampling = greedy;
        r.maxTokens = 120;
        const RequestId id = e.engine->generate(r); // empty prompt: generation from BOS alone
        const auto done = e.events.finished(id);
        QCOMPARE(done.stats.generatedTokens, 120);
        std::string text = done.text;
        if (!text.empty() && text.front() == ' ')
            text.erase(0, 1); // llama2.c strips the space SentencePiece puts before the first word
        const std::string expected = readFile(std::string(AGORA_SHARED_DIR) + "/fixtures/llama2c/stories260K.run-c.t0.n200.expected.txt");
        QVERIFY(text.size() > 200);
        qInfo("%zu bytes, %.0f tok/s: %.60s...", text.size(), done.stats.generationTokensPerSecond, text.c_str());
        QCOMPARE(expected.substr(0, text.size()), text);
    }

    // The bench the issue asks for: two concurrent generations against one. The engine thread
    // interleaves them step by step, so each should keep about half of the single-stream rate
    // (goal: at least 45%); the numbers are printed.
    void twoConcurrentStreamsKeepTheirShare()
    {
        RealEngine e;
        QVERIFY(e.start(kModels + "stories260K.gguf", 256));
        GenerateRequest r;
        r.model = e.model();
        SamplingParams greedy;
        greedy.temperature = 0.0f;
        r.sampling = greedy;
        r.maxTokens = 200;
        r.conversation = 1;
        const auto alone = e.events.finished(e.engine->generate(r));
        r.conversation = 2;
        const RequestId a = e.engine->generate(r);
        r.conversation = 3;
        const RequestId b = e.engine->generate(r);
        const auto da = e.events.finished(a), db = e.events.finished(b);
        QCOMPARE(da.text, alone.text); // interleaving changes nothing in what is generated
        QCOMPARE(db.text, alone.text);
        const double single = alone.stats.generationTokensPerSecond;
        const double shareA = da.stats.generationTokensPerSecond / single;
        const double shareB = db.stats.generationTokensPerSecond / single;
        qInfo("bench: one stream %.1f tok/s; two streams %.1f + %.1f tok/s (%.0f%% and %.0f%% of one, goal >= 45%%)",
            single, da.stats.generationTokensPerSecond, db.stats.generationTokensPerSecond, shareA * 100, shareB * 100);
        // Absolute rates depend on what else runs on the machine (a shared CI box), so only
        // fairness is asserted: the two streams run at nearly the same rate.
        QVERIFY(std::abs(shareA - shareB) < 0.25 * std::max(shareA, shareB));
    }

    void badFilesFailWithClearErrors()
    {
        auto created = Engine::create();
        QVERIFY(created.ok());
        EventLog events;
        (*created)->setEventCallback(events.callback());
        const auto missing = events.failure((*created)->load(LoadRequest{kModels + "no-such-model.gguf", 0, {}}));
        QVERIFY(missing.has_value());
        QCOMPARE(missing->code, ErrorCode::Io);
        // A tokenizer-only file has no weights to run.
        const std::string vocabOnly = std::string(AGORA_SHARED_DIR) + "/fixtures/vocab/ggml-vocab-llama-spm.gguf";
        const auto noWeights = events.failure((*created)->load(LoadRequest{vocabOnly, 0, {}}));
        QVERIFY(noWeights.has_value());
        qInfo("missing: %s | vocab-only: %s", missing->message.c_str(), noWeights->message.c_str());
        QVERIFY(!noWeights->message.empty());
        // Not a GGUF at all.
        const auto notGguf = events.failure((*created)->load(LoadRequest{std::string(AGORA_SOURCE_DIR) + "/CMakeLists.txt", 0, {}}));
        QVERIFY(notGguf.has_value());
        QCOMPARE(notGguf->code, ErrorCode::BadFormat);
    }

    void templatedModelReusesItsCacheAcrossTurns()
    {
        RealEngine e;
        QVERIFY(e.start(kModels + "synthetic/syn-qwen2-4k-F32.gguf", 512));
        QVERIFY(!e.summary.continuationMode);
        qInfo("template warning: '%s'", e.summary.templateWarning.c_str());
        SamplingParams greedy;
        greedy.temperature = 0.0f;
        std::vector<ChatMessage> conv{{"system", "You are terse."}, {"user", "Hello there"}};
        GenerateRequest r;
        r.model = e.model();
        r.conversation = 1;
        r.sampling = greedy;
        r.maxTokens = 8;
        r.messages = conv;
        const auto t1 = e.events.finished(e.engine->generate(r));
        QCOMPARE(t1.stats.stopReason == StopReason::MaxTokens || t1.stats.stopReason == StopReason::EndOfTurn, true);
        QCOMPARE(t1.stats.promptTokensEvaluated, t1.stats.promptTokens);

        conv.push_back({"assistant", t1.text});
        conv.push_back({"user", "Again"});
        r.messages = conv;
        const auto t2 = e.events.finished(e.engine->generate(r));
        qInfo("turn 1: %d prompt tokens; turn 2: %d prompt tokens, %d evaluated", t1.stats.promptTokens,
            t2.stats.promptTokens, t2.stats.promptTokensEvaluated);
        QVERIFY(t2.stats.promptTokens > t1.stats.promptTokens);
        // Everything up to the end of turn 1's prompt is reused at the very least.
        QVERIFY(t2.stats.promptTokensEvaluated <= t2.stats.promptTokens - t1.stats.promptTokens);
        QVERIFY(t2.stats.promptTokensEvaluated >= 1);
    }
};

QTEST_GUILESS_MAIN(TestEngineReal)
#include "test_engine_real.moc"
