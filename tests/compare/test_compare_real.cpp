// The comparison runner over the real fixture models through Engine::create: two models
// answering together stream interleaved and give, under greedy sampling, exactly what each gives
// alone; a memory budget that holds only one model at a time switches to sequential mode with
// the same answers; follow-ups continue each model's own thread; a suite run reports progress,
// stops on cancel and exports.
#include "compare/comparer.h"
#include "compare/report.h"
#include "compare/suite_runner.h"

#include <QtTest>

#include <cstdlib>
#include <sys/stat.h>

using namespace agora;
using namespace agora::compare;

namespace {

const std::string kModels = std::string(AGORA_SHARED_DIR) + "/fixtures/models/";
const std::vector<std::string> kPair = {kModels + "stories260K.gguf", kModels + "stories260K-Q8_0.gguf"};
constexpr uint32_t kContext = 256;

CompareSettings greedy(int32_t maxTokens)
{
    CompareSettings s;
    SamplingParams p;
    p.temperature = 0.0f;
    s.sampling = p;
    s.maxTokens = maxTokens;
    return s;
}

std::unique_ptr<Engine> makeEngine(uint64_t budget = 0)
{
    EngineOptions o;
    o.deviceMemoryBudget = budget;
    auto e = Engine::create(o);
    if (!e)
        qFatal("Engine::create: %s", e.error().message.c_str());
    return std::move(*e);
}

std::string answerAlone(const std::string& path, const std::string& prompt, int32_t maxTokens)
{
    auto engine = makeEngine();
    Comparer c(*engine);
    auto loaded = c.load({path}, kContext);
    if (!loaded)
        qFatal("load: %s", loaded.error().message.c_str());
    auto answers = c.ask(prompt, greedy(maxTokens));
    if (!answers)
        qFatal("ask: %s", answers.error().message.c_str());
    return (*answers)[0].text;
}

} // namespace

class TestCompareReal : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        mkdir("/tmp/xdg", 0700);
        setenv("XDG_RUNTIME_DIR", "/tmp/xdg", 0);
    }

    void concurrentEqualsAlone()
    {
        const std::string prompt = "Once upon a time";
        auto engine = makeEngine();
        Comparer c(*engine);
        QVERIFY(c.load(kPair, kContext).ok());
        QVERIFY(!c.sequential());
        QVERIFY(c.notice().empty());
        std::vector<std::string> streamed(2);
        std::vector<size_t> order; // which model each delta came from
        auto answers = c.ask(prompt, greedy(48), [&](size_t m, DeltaKind, const std::string& text) {
            streamed[m] += text;
            order.push_back(m);
        });
        QVERIFY(answers.ok());
        QCOMPARE(answers->size(), size_t(2));
        for (size_t m = 0; m < 2; ++m) {
            const ModelAnswer& a = (*answers)[m];
            QVERIFY(!a.error);
            QCOMPARE(a.tokens, 48);
            QCOMPARE(a.stopReason, StopReason::MaxTokens);
            QVERIFY(a.text.size() > 40);
            QCOMPARE(streamed[m], a.text);
            QVERIFY(a.timeToFirstTokenMs > 0 && a.tokensPerSecond > 0 && a.wallMs > 0);
            qInfo("%s: %.0f ms to first token, %.0f tok/s: %.50s...", a.model.c_str(), a.timeToFirstTokenMs,
                  a.tokensPerSecond, a.text.c_str());
        }
        // Streaming side by side: the second model's first delta comes before the first one's last.
        const size_t firstOfB = size_t(std::find(order.begin(), order.end(), 1) - order.begin());
        const size_t lastOfA = size_t(order.rend() - std::find(order.rbegin(), order.rend(), 0)) - 1;
        QVERIFY2(firstOfB < lastOfA, "the two answers did not interleave");

        for (size_t m = 0; m < 2; ++m)
            QCOMPARE((*answers)[m].text, answerAlone(kPair[m], prompt, 48));

        // A follow-up continues each model's own thread.
        auto second = c.ask(" The end.", greedy(16));
        QVERIFY(second.ok());
        QCOMPARE(c.thread(0).size(), size_t(4));
        QCOMPARE(c.thread(1)[1].content, (*answers)[1].text);
        QCOMPARE((*second)[0].tokens, 16);
    }

    void perPaneOverrides()
    {
        auto engine = makeEngine();
        Comparer c(*engine);
        QVERIFY(c.load(kPair, kContext).ok());
        CompareSettings s = greedy(24);
        SamplingParams hot;
        hot.temperature = 1.5f;
        hot.topK = 0;
        hot.topP = 1.0f;
        hot.minP = 0.0f;
        hot.seed = 9;
        s.sampling = hot;                  // shared: hot sampling...
        s.panes.resize(2);
        s.panes[0].sampling = greedy(24).sampling; // ...but the left pane is greedy
        s.panes[1].maxTokens = 8;          // and the right pane stops after 8 tokens
        auto answers = c.ask("Once upon a time", s);
        QVERIFY(answers.ok());
        QCOMPARE((*answers)[0].tokens, 24);
        QCOMPARE((*answers)[1].tokens, 8);
        QCOMPARE((*answers)[0].text, answerAlone(kPair[0], "Once upon a time", 24));
    }

    void sequentialFallbackWhenTheyDoNotFit()
    {
        uint64_t largest = 0, total = 0;
        for (const std::string& p : kPair) {
            auto s = inspectModel(p, kContext);
            QVERIFY(s.ok());
            largest = std::max(largest, s->deviceBytes);
            total += s->deviceBytes;
        }
        const uint64_t budget = largest + (total - largest) / 2; // one fits, both do not
        auto engine = makeEngine(budget);
        Comparer c(*engine);
        QVERIFY(c.load(kPair, kContext).ok());
        QVERIFY(c.sequential());
        QVERIFY(c.notice().find("one after the other") != std::string::npos);
        auto answers = c.ask("Once upon a time", greedy(48));
        QVERIFY(answers.ok());
        for (size_t m = 0; m < 2; ++m) {
            QVERIFY(!(*answers)[m].error);
            QCOMPARE((*answers)[m].text, answerAlone(kPair[m], "Once upon a time", 48));
        }
        // Nothing fits at all: a clear error, not a hang.
        auto tiny = makeEngine(1024);
        Comparer none(*tiny);
        auto failed = none.load(kPair, kContext);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, ErrorCode::OutOfDeviceMemory);
        QVERIFY(failed.error().message.find("stories260K.gguf") != std::string::npos);
    }

    void suiteRunProgressCancelAndExport()
    {
        auto engine = makeEngine();
        Comparer c(*engine);
        QVERIFY(c.load(kPair, kContext).ok());
        Suite suite;
        suite.name = "tiny";
        suite.prompts = {{"a", "story", "en", {}, "Once upon a time"},
                         {"b", "story", "en", {}, "The little dog"},
                         {"c", "story", "en", {}, "Lily & Tom <3"}};
        std::vector<size_t> progress;
        auto result = runSuite(c, suite, greedy(20), [&](size_t done, size_t total) {
            QCOMPARE(total, size_t(3));
            progress.push_back(done);
        });
        QVERIFY(result.ok());
        QCOMPARE(progress, (std::vector<size_t>{0, 1, 2, 3}));
        QVERIFY(!result->cancelled);
        QCOMPARE(result->completedPrompts, size_t(3));
        QCOMPARE(result->models, (std::vector<std::string>{"stories260K.gguf", "stories260K-Q8_0.gguf"}));
        QCOMPARE(result->modelPaths, kPair);
        for (const auto& row : result->cells)
            for (const SuiteCell& cell : row) {
                QVERIFY(cell.ran && cell.error.empty());
                QCOMPARE(cell.tokens, 20);
                QVERIFY(cell.characters > 0 && !cell.refusal);
            }
        // Each prompt is its own conversation: the first row equals a fresh single answer.
        QCOMPARE(result->cells[0][0].answer, answerAlone(kPair[0], "Once upon a time", 20));
        const std::string html = toHtml(*result);
        QVERIFY(html.find("Lily &amp; Tom &lt;3") != std::string::npos);

        std::atomic<bool> cancel{false};
        auto stopped = runSuite(c, suite, greedy(20), [&](size_t done, size_t) {
            if (done == 1)
                cancel = true;
        }, &cancel);
        QVERIFY(stopped.ok());
        QVERIFY(stopped->cancelled);
        QCOMPARE(stopped->completedPrompts, size_t(1));
        QVERIFY(!stopped->cells[1][0].ran);
        QVERIFY(toMarkdown(*stopped).find("stopped after 1 of 3") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestCompareReal)
#include "test_compare_real.moc"
