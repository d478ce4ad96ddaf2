// Chat sessions on the Vulkan forward pass (lavapipe here): the engine thread over the default
// factory, which now loads GpuLanguageModel. Every sequence of one loaded model shares the
// uploaded weights and owns only its KV cache; these tests check the llama2.c greedy ids, that
// concurrent conversations change nothing, that turns and regenerations evaluate exactly what
// they must, that GPU and CPU logits agree, and that a full device is reported, not fatal.
#include "event_log.h"

#include "gguf/gguf.h"
#include "model/model.h"
#include "session/cpu_language_model.h"
#include "session/gpu_language_model.h"
#include "session/model_factory.h"
#include "vk/context.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <mutex>
#include <numeric>
#include <sstream>

using namespace agora;
using namespace agora::session;

namespace {

const std::string kModels = std::string(AGORA_SHARED_DIR) + "/fixtures/models/";

std::vector<int32_t> readIds(const std::string& path)
{
    std::ifstream in(path);
    std::vector<int32_t> ids;
    int32_t id = 0;
    while (in >> id)
        ids.push_back(id);
    return ids;
}

// One evaluate call as the engine made it.
struct EvalCall {
    SequenceId sequence = 0;
    uint32_t pos = 0;
    size_t count = 0;
};

// Wraps the loaded model to record every evaluate and to sample the argmax of what it returns.
class RecordingModel final : public LanguageModel {
public:
    explicit RecordingModel(std::unique_ptr<LanguageModel> inner) : m_inner(std::move(inner)) {}
    int32_t vocabSize() const override { return m_inner->vocabSize(); }
    uint32_t trainedContextLength() const override { return m_inner->trainedContextLength(); }
    uint64_t deviceBytesPerToken() const override { return m_inner->deviceBytesPerToken(); }
    Result<SequenceId> createSequence(uint32_t nCtx) override { return m_inner->createSequence(nCtx); }
    void destroySequence(SequenceId id) override { m_inner->destroySequence(id); }
    Result<std::vector<float>> evaluate(SequenceId id, uint32_t pos, std::span<const int32_t> tokens) override
    {
        {
            std::lock_guard lock(m_mutex);
            m_calls.push_back({id, pos, tokens.size()});
        }
        return m_inner->evaluate(id, pos, tokens);
    }
    std::vector<EvalCall> calls()
    {
        std::lock_guard lock(m_mutex);
        return m_calls;
    }
    LanguageModel& inner() { return *m_inner; }

private:
    std::unique_ptr<LanguageModel> m_inner;
    std::mutex m_mutex;
    std::vector<EvalCall> m_calls;
};

// The engine over the default factory, with each loaded model wrapped in a RecordingModel.
struct GpuEngine {
    EventLog events;
    std::unique_ptr<Engine> engine;
    RecordingModel* recorder = nullptr;
    ModelSummary summary;

    GpuLanguageModel* gpu() const { return dynamic_cast<GpuLanguageModel*>(&recorder->inner()); }

    bool start(const std::string& path, uint32_t contextLength)
    {
        ModelFactory factory = defaultModelFactory();
        auto load = factory.load;
        factory.load = [this, load](const LoadRequest& request, const LoadProgress& progress) -> Result<LoadedModel> {
            Result<LoadedModel> loaded = load(request, progress);
            if (!loaded)
                return loaded;
            auto wrapped = std::make_unique<RecordingModel>(std::move(loaded->model));
            recorder = wrapped.get();
            loaded->model = std::move(wrapped);
            return loaded;
        };
        auto created = createEngine(EngineOptions{}, std::move(factory));
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
    ModelId model() const { return 1; }

    event::Finished generate(ConversationId conversation, std::vector<ChatMessage> messages, std::string raw,
        int32_t maxTokens)
    {
        GenerateRequest r;
        r.model = model();
        r.conversation = conversation;
        SamplingParams greedy;
        greedy.temperature = 0.0f;
        r.sampling = greedy;
        r.maxTokens = maxTokens;
        r.messages = std::move(messages);
        r.rawPrompt = std::move(raw);
        return events.finished(engine->generate(r));
    }
};

std::unique_ptr<model::Model> openModel(const std::string& path)
{
    auto file = gguf::GgufFile::open(path);
    if (!file)
        return nullptr;
    auto m = model::Model::fromFile(std::move(*file));
    return m ? std::move(*m) : nullptr;
}

std::shared_ptr<vk::Context> openDevice(uint64_t budgetBytes = 0)
{
    vk::ContextOptions options;
    options.memory.budgetBytes = budgetBytes;
    if (budgetBytes > 0)
        options.memory.blockBytes = 64u << 10; // small blocks, so that the budget is what limits
    auto context = vk::Context::createDefault(options);
    return context ? *context : nullptr;
}

// Agreement of GPU logits with the CPU reference's, by the F32 rules of reference/README.md.
struct Agreement {
    double maxTop5 = 0.0;
    double meanAll = 0.0;
    bool top1Agrees = true;
};

Agreement compare(const std::vector<float>& cpu, const std::vector<float>& gpu)
{
    Agreement a;
    std::vector<size_t> order(cpu.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::partial_sort(order.begin(), order.begin() + 5, order.end(), [&](size_t x, size_t y) { return cpu[x] > cpu[y]; });
    for (size_t i = 0; i < 5; ++i)
        a.maxTop5 = std::max(a.maxTop5, std::abs(double(cpu[order[i]]) - gpu[order[i]]));
    double sum = 0.0;
    for (size_t i = 0; i < cpu.size(); ++i)
        sum += std::abs(double(cpu[i]) - gpu[i]);
    a.meanAll = sum / double(cpu.size());
    const size_t gpuTop = size_t(std::max_element(gpu.begin(), gpu.end()) - gpu.begin());
    if (cpu[order[0]] - cpu[order[1]] > 0.1f)
        a.top1Agrees = gpuTop == order[0];
    return a;
}

} // namespace

class TestEngineGpu : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        qputenv("XDG_RUNTIME_DIR", "/tmp/xdg");
        if (!openDevice())
            QSKIP("no usable Vulkan device");
    }

    // Greedy from BOS through the engine thread, compared as token ids with llama2.c's 200.
    void stories260KGreedyIdsFromBos()
    {
        GpuEngine e;
        QVERIFY(e.start(kModels + "stories260K.gguf", 256));
        QVERIFY(e.gpu() != nullptr); // the default factory chose the GPU
        QVERIFY(e.summary.templateWarning.find("no usable GPU") == std::string::npos);
        const auto done = e.generate(1, {}, {}, 200);
        QCOMPARE(done.stats.generatedTokens, 200);
        // The engine's reply is text; the ids are checked below on the very model object the
        // engine loaded, through a sequence of its own (which also exercises sharing).
        const std::vector<int32_t> expected = readIds(std::string(AGORA_SHARED_DIR)
            + "/fixtures/llama2c/stories260K.greedy.ids.derived.txt");
        QCOMPARE(expected.size(), size_t(200));
        // Direct id check on the same model object the engine uses (sequence of its own).
        GpuLanguageModel& gpu = *e.gpu();
        auto seq = gpu.createSequence(256);
        QVERIFY(seq.ok());
        std::vector<int32_t> ids{1}; // BOS
        size_t matching = 0;
        bool diverged = false;
        for (size_t step = 0; step < expected.size(); ++step) {
            auto logits = gpu.evaluate(*seq, uint32_t(ids.size() - 1), std::span(ids).last(1));
            QVERIFY2(logits.ok(), logits ? "" : logits.error().message.c_str());
            const int32_t next = int32_t(std::max_element(logits->begin(), logits->end()) - logits->begin());
            if (!diverged && next == expected[step])
                ++matching;
            else
                diverged = true;
            ids.push_back(next);
        }
        gpu.destroySequence(*seq);
        qInfo("stories260K on the GPU: %zu of 200 greedy ids equal llama2.c's; engine %.0f tok/s", matching,
            done.stats.generationTokensPerSecond);
        QVERIFY(matching >= 185);
        if (matching < expected.size())
            return; // past the reference's near-tie the text may differ
        const std::string text = done.text.substr(done.text.front() == ' ' ? 1 : 0);
        std::ifstream in(std::string(AGORA_SHARED_DIR) + "/fixtures/llama2c/stories260K.run-c.t0.n200.expected.txt");
        std::stringstream ss;
        ss << in.rdbuf();
        QVERIFY(text.size() > 200);
        QCOMPARE(ss.str().substr(0, std::min(text.size(), size_t(600))), text.substr(0, 600));
    }

    // Two conversations at once on one loaded model generate exactly what each does alone, and
    // the second costs device memory for its cache only.
    void twoConversationsShareTheWeights()
    {
        GpuEngine e;
        QVERIFY(e.start(kModels + "stories260K.gguf", 256));
        GpuLanguageModel& gpu = *e.gpu();
        const uint64_t weights = gpu.weightBytes();
        const auto aloneA = e.generate(1, {}, "Once upon a time", 40);
        const auto aloneB = e.generate(2, {}, "The little dog", 40);
        QCOMPARE(gpu.sequenceCount(), size_t(2));
        const uint64_t withTwo = gpu.deviceBytes();

        GenerateRequest r;
        r.model = e.model();
        SamplingParams greedy;
        greedy.temperature = 0.0f;
        r.sampling = greedy;
        r.maxTokens = 40;
        r.conversation = 3;
        r.rawPrompt = "Once upon a time";
        const RequestId a = e.engine->generate(r);
        r.conversation = 4;
        r.rawPrompt = "The little dog";
        const RequestId b = e.engine->generate(r);
        const auto da = e.events.finished(a), db = e.events.finished(b);
        QCOMPARE(da.text, aloneA.text);
        QCOMPARE(db.text, aloneB.text);
        QVERIFY(da.text != db.text);

        QCOMPARE(gpu.sequenceCount(), size_t(4));
        QCOMPARE(gpu.weightBytes(), weights); // uploaded once
        const uint64_t perSequence = (gpu.deviceBytes() - withTwo) / 2;
        const uint64_t kv = gpu.deviceBytesPerToken() * 256;
        qInfo("weights %.1f KiB; each conversation adds %.1f KiB (KV cache %.1f KiB + batch scratch)",
            double(weights) / 1024, double(perSequence) / 1024, double(kv) / 1024);
        QVERIFY(perSequence >= kv);
        QVERIFY(perSequence < weights); // no weight copy per conversation
    }

    // Turn 2 evaluates only the new tokens; regenerating turn 2 evaluates again from the first
    // token after the shared prefix and, greedy, gives the same reply; an edited turn gives what
    // a fresh conversation with that text gives.
    void turnsAndRegenerateEvaluateFromTheRightPosition()
    {
        GpuEngine e;
        QVERIFY(e.start(kModels + "synthetic/syn-qwen2-4k-F32.gguf", 512));
        QVERIFY(e.gpu() != nullptr);
        std::vector<ChatMessage> conv{{"system", "You are terse."}, {"user", "Hello there"}};
        const auto t1 = e.generate(1, conv, {}, 8);
        QCOMPARE(t1.stats.promptTokensEvaluated, t1.stats.promptTokens);

        conv.push_back({"assistant", t1.text});
        conv.push_back({"user", "Again"});
        size_t before = e.recorder->calls().size();
        const auto t2 = e.generate(1, conv, {}, 8);
        auto calls = e.recorder->calls();
        QVERIFY(calls.size() > before);
        const EvalCall firstOfTurn2 = calls[before];
        qInfo("turn 2: %d prompt tokens, %d evaluated from position %u", t2.stats.promptTokens,
            t2.stats.promptTokensEvaluated, firstOfTurn2.pos);
        QVERIFY(t2.stats.promptTokensEvaluated <= t2.stats.promptTokens - t1.stats.promptTokens);
        QCOMPARE(firstOfTurn2.pos, uint32_t(t2.stats.promptTokens - t2.stats.promptTokensEvaluated));

        // Regenerate: the same messages again; the cache holds turn 2's reply past the prompt.
        before = calls.size();
        const auto again = e.generate(1, conv, {}, 8);
        calls = e.recorder->calls();
        const EvalCall firstOfRegen = calls[before];
        qInfo("regenerate: %d evaluated from position %u", again.stats.promptTokensEvaluated, firstOfRegen.pos);
        QCOMPARE(firstOfRegen.pos, uint32_t(again.stats.promptTokens - again.stats.promptTokensEvaluated));
        QVERIFY(firstOfRegen.pos < uint32_t(again.stats.promptTokens));
        QCOMPARE(again.text, t2.text);

        // Edit turn 2: evaluated from where it differs, same reply as a fresh conversation.
        conv.back().content = "Tell me more";
        const auto edited = e.generate(1, conv, {}, 8);
        const auto fresh = e.generate(2, conv, {}, 8);
        QCOMPARE(fresh.stats.promptTokensEvaluated, fresh.stats.promptTokens);
        QVERIFY(edited.stats.promptTokensEvaluated < edited.stats.promptTokens);
        QCOMPARE(edited.text, fresh.text);
    }

    // The same token stream through the CPU reference and the GPU model: prompt batch, decode
    // steps and a re-evaluation from an earlier position, within the F32 tolerances.
    void gpuLogitsAgreeWithCpuOnQwen2()
    {
        const std::string path = kModels + "synthetic/syn-qwen2-4k-F32.gguf";
        auto cpuModel = openModel(path), gpuModel = openModel(path);
        QVERIFY(cpuModel && gpuModel);
        CpuLanguageModel cpu(std::move(cpuModel));
        auto created = GpuLanguageModel::create(std::move(gpuModel), openDevice());
        QVERIFY2(created.ok(), created ? "" : created.error().message.c_str());
        GpuLanguageModel& gpu = **created;
        QCOMPARE(gpu.deviceBytesPerToken(), cpu.deviceBytesPerToken());
        auto cs = cpu.createSequence(128), gs = gpu.createSequence(128);
        QVERIFY(cs.ok() && gs.ok());

        std::vector<int32_t> tokens;
        for (int i = 0; i < 40; ++i)
            tokens.push_back(int32_t((i * 977 + 13) % cpu.vocabSize()));
        Agreement worst;
        auto check = [&](uint32_t pos, std::span<const int32_t> batch) {
            auto c = cpu.evaluate(*cs, pos, batch);
            auto g = gpu.evaluate(*gs, pos, batch);
            QVERIFY(c.ok() && g.ok());
            const Agreement a = compare(*c, *g);
            worst.maxTop5 = std::max(worst.maxTop5, a.maxTop5);
            worst.meanAll = std::max(worst.meanAll, a.meanAll);
            worst.top1Agrees = worst.top1Agrees && a.top1Agrees;
        };
        check(0, std::span(tokens).first(24)); // a prompt batch
        for (uint32_t p = 24; p < 32; ++p)     // decode steps
            check(p, std::span(tokens).subspan(p, 1));
        // Regenerate/edit: back to position 20 with different tokens, then decode on.
        std::vector<int32_t> edit{7, 99, 1234, 42};
        check(20, edit);
        for (uint32_t p = 24; p < 30; ++p)
            check(p, std::span(tokens).subspan(p + 5, 1));
        qInfo("qwen2 F32, GPU vs CPU: max |d| over top-5 %.4f, worst mean |d| %.5f, top-1 %s", worst.maxTop5,
            worst.meanAll, worst.top1Agrees ? "equal" : "DIFFERS");
        QVERIFY(worst.maxTop5 <= 0.05);
        QVERIFY(worst.meanAll <= 0.01);
        QVERIFY(worst.top1Agrees);
    }

    // A device with little room: sequences are refused with OutOfDeviceMemory, the model stays
    // usable, and a closed sequence's room can be used again.
    void fullDeviceRefusesSequencesCleanly()
    {
        auto probe = GpuLanguageModel::create(openModel(kModels + "stories260K.gguf"), openDevice());
        QVERIFY(probe.ok());
        const uint64_t weights = (*probe)->deviceBytes();
        auto one = (*probe)->createSequence(256);
        QVERIFY(one.ok());
        const uint64_t perSequence = (*probe)->deviceBytes() - weights;
        probe->reset();

        // Room for the weights and about two and a half sequences (the allocator reserves blocks,
        // so the exact count may differ; what matters is the clean refusal).
        auto context = openDevice(weights + perSequence * 5 / 2 + (256u << 10));
        QVERIFY(context);
        auto created = GpuLanguageModel::create(openModel(kModels + "stories260K.gguf"), context);
        QVERIFY2(created.ok(), created ? "" : created.error().message.c_str());
        GpuLanguageModel& gpu = **created;
        std::vector<SequenceId> held;
        std::optional<Error> refusal;
        for (int i = 0; i < 64 && !refusal; ++i) {
            auto seq = gpu.createSequence(256);
            if (seq)
                held.push_back(*seq);
            else
                refusal = seq.error();
        }
        QVERIFY(refusal.has_value());
        qInfo("%zu sequences fit; then: %s", held.size(), refusal->message.c_str());
        QCOMPARE(refusal->code, ErrorCode::OutOfDeviceMemory);
        QVERIFY(!held.empty());
        const std::vector<int32_t> bos{1};
        QVERIFY(gpu.evaluate(held.front(), 0, bos).ok());
        gpu.destroySequence(held.back());
        auto reused = gpu.createSequence(256);
        QVERIFY(reused.ok());
        QVERIFY(gpu.evaluate(*reused, 0, bos).ok());
    }

    // With the Vulkan drivers hidden (the loader finds no ICD), loading still works on the CPU
    // reference path and says so where the app shows model warnings. Runs last: it changes the
    // environment the Vulkan loader reads, and restores it.
    void noVulkanDeviceFallsBackToTheCpuWithAWarning()
    {
        const QByteArray icd = qgetenv("VK_ICD_FILENAMES"), drivers = qgetenv("VK_DRIVER_FILES");
        qputenv("VK_ICD_FILENAMES", "/nonexistent/agora-no-driver.json");
        qputenv("VK_DRIVER_FILES", "/nonexistent/agora-no-driver.json");
        GpuEngine e;
        const bool started = e.start(kModels + "stories260K.gguf", 256);
        auto restore = [](const char* name, const QByteArray& value) {
            if (value.isNull())
                qunsetenv(name);
            else
                qputenv(name, value);
        };
        restore("VK_ICD_FILENAMES", icd);
        restore("VK_DRIVER_FILES", drivers);
        QVERIFY(started);
        QVERIFY(e.gpu() == nullptr);
        QVERIFY(dynamic_cast<CpuLanguageModel*>(&e.recorder->inner()) != nullptr);
        qInfo("warning: %s", e.summary.templateWarning.c_str());
        QVERIFY(e.summary.templateWarning.find("no usable GPU: running on the CPU reference path, slow")
            != std::string::npos);
        const auto done = e.generate(1, {}, {}, 20);
        QCOMPARE(done.stats.generatedTokens, 20);
        QVERIFY(done.text.find("Once upon a time") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestEngineGpu)
#include "test_engine_gpu.moc"
