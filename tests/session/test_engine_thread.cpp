// The engine thread with fake models: KV reuse across turns, edit and regenerate, stop strings,
// context overflow under both policies, cancel latency, fair interleaving of two models with
// results identical to running each alone, UTF-8-safe streaming, reasoning deltas, the device
// memory budget, and seeded sampling through the whole path.
#include "event_log.h"
#include "fakes.h"
#include "session/stream_filter.h"

#include <optional>
#include <QtTest>

using namespace agora;

namespace {

struct Harness {
    fake::Factory factory;
    EventLog events;
    std::unique_ptr<Engine> engine;

    void start(EngineOptions options = {})
    {
        auto created = session::createEngine(options, factory.make());
        QVERIFY(created.ok());
        engine = std::move(*created);
        engine->setEventCallback(events.callback());
    }

    ModelId load(const std::string& path, uint32_t contextLength = 0)
    {
        const RequestId id = engine->load(LoadRequest{path, contextLength, {}});
        if (auto error = events.failure(id)) {
            qWarning("load %s failed: %s", path.c_str(), error->message.c_str());
            return 0;
        }
        return id;
    }

    event::Finished chat(ModelId model, ConversationId conversation, std::vector<ChatMessage> messages,
        int32_t maxTokens = 200, std::vector<std::string> stops = {})
    {
        GenerateRequest r;
        r.model = model;
        r.conversation = conversation;
        r.messages = std::move(messages);
        r.maxTokens = maxTokens;
        r.stopStrings = std::move(stops);
        return events.finished(engine->generate(std::move(r)));
    }
};

GenerateRequest request(ModelId model, ConversationId conversation, std::vector<ChatMessage> messages)
{
    GenerateRequest r;
    r.model = model;
    r.conversation = conversation;
    r.messages = std::move(messages);
    return r;
}

std::vector<int32_t> tokensOf(const std::string& text)
{
    return *fake::Tokenizer().encode(text, true);
}

} // namespace

class TestEngineThread : public QObject {
    Q_OBJECT

private slots:
    void loadReportsProgressAndSummary()
    {
        Harness h;
        h.factory.add("a", {});
        h.start();
        const RequestId id = h.engine->load(LoadRequest{"a", 128, {}});
        QVERIFY(!h.events.failure(id));
        const auto loaded = h.events.all<event::Loaded>(id);
        QCOMPARE(loaded.size(), size_t(1));
        QCOMPARE(loaded[0].summary.contextLength, 128u);
        QCOMPARE(loaded[0].summary.vocabSize, int32_t(fake::VocabSize));
        QCOMPARE(loaded[0].summary.deviceBytes, uint64_t(1000 + 128));
        QCOMPARE(h.events.all<event::LoadProgress>(id).size(), size_t(2));
        const auto missing = h.events.failure(h.engine->load(LoadRequest{"nope", 0, {}}));
        QVERIFY(missing && missing->code == ErrorCode::Io);
        const auto badModel = h.events.finished(h.engine->generate(request(999, 0, {})));
        QVERIFY(badModel.text.find("no loaded model") != std::string::npos);
    }

    void secondTurnEvaluatesOnlyNewTokens()
    {
        Harness h;
        fake::ModelProbe& probe = h.factory.add("a", fake::ModelSpec().setReply("Hi there"));
        h.start();
        const ModelId m = h.load("a");
        std::vector<ChatMessage> conv{{"system", "Be brief."}, {"user", "Hello"}};
        const auto t1 = h.chat(m, 1, conv);
        QCOMPARE(t1.text, std::string("Hi there"));
        QCOMPARE(t1.stats.stopReason, StopReason::EndOfTurn);
        const std::string prompt1 = "<s><|system|>Be brief.<|end|><|user|>Hello<|end|><|assistant|>";
        QCOMPARE(t1.stats.promptTokens, int32_t(tokensOf(prompt1).size()));
        QCOMPARE(t1.stats.promptTokensEvaluated, t1.stats.promptTokens);

        conv.push_back({"assistant", t1.text});
        conv.push_back({"user", "And you?"});
        const int64_t before = probe.evaluatedTokens;
        const auto t2 = h.chat(m, 1, conv);
        QCOMPARE(t2.text, std::string("Hi there"));
        // The cache holds prompt 1 and the reply; only "<|end|><|user|>And you?<|end|><|assistant|>" is new.
        const int32_t newTokens = int32_t(tokensOf("<|end|><|user|>And you?<|end|><|assistant|>").size());
        qInfo("turn 2: %d prompt tokens, %d evaluated", t2.stats.promptTokens, t2.stats.promptTokensEvaluated);
        QCOMPARE(t2.stats.promptTokensEvaluated, newTokens);
        // Model-side count: the new prompt tokens plus one evaluation per reply token but the last.
        QCOMPARE(probe.evaluatedTokens - before, int64_t(newTokens + int32_t(t2.text.size())));
        // Another conversation on the same model does not share the cache.
        const auto other = h.chat(m, 2, {{"user", "Hello"}});
        QCOMPARE(other.stats.promptTokensEvaluated, other.stats.promptTokens);
    }

    void editAndRegenerateReevaluateFromTheFirstChange()
    {
        Harness h;
        h.factory.add("a", fake::ModelSpec().setReply("OK"));
        h.start();
        const ModelId m = h.load("a");
        const auto t1 = h.chat(m, 7, {{"system", "S"}, {"user", "What is two plus two?"}});
        QCOMPARE(t1.stats.promptTokensEvaluated, t1.stats.promptTokens);

        // Regenerate: the same prompt again; only the last prompt token is re-read for its logits.
        const auto again = h.chat(m, 7, {{"system", "S"}, {"user", "What is two plus two?"}});
        QCOMPARE(again.text, std::string("OK"));
        QCOMPARE(again.stats.promptTokensEvaluated, 1);

        // Edit the user message at "three": everything from the first changed byte is re-read.
        const std::string head = "<s><|system|>S<|end|><|user|>What is t";
        const auto edited = h.chat(m, 7, {{"system", "S"}, {"user", "What is three plus two?"}});
        const int32_t changedAt = int32_t(tokensOf(head).size());
        QCOMPARE(edited.stats.promptTokensEvaluated, edited.stats.promptTokens - changedAt);
    }

    // A sliding-window cache that no longer holds the window of the first changed position:
    // the regenerated prompt is read again from the start; a plain next turn still reuses it.
    void restartBeyondARingReevaluatesEverything()
    {
        Harness h;
        h.factory.add("a", fake::ModelSpec().setReply("Sure, four.").setRingSlack(4));
        h.start();
        const ModelId m = h.load("a");
        const std::vector<ChatMessage> turn{{"system", "S"}, {"user", "What is two plus two?"}};
        const auto t1 = h.chat(m, 7, turn);
        const auto again = h.chat(m, 7, turn); // 11+ reply tokens back: past the ring's reach
        QCOMPARE(again.stats.promptTokensEvaluated, again.stats.promptTokens);
        const auto next = h.chat(m, 7, {turn[0], turn[1], {"assistant", again.text}, {"user", "And 3+3?"}});
        QVERIFY(next.stats.promptTokensEvaluated < next.stats.promptTokens);
        QCOMPARE(t1.text, again.text);
    }

    void stopStringsAcrossTokens()
    {
        Harness h;
        h.factory.add("a", fake::ModelSpec().setReply("Answer: 42\nUser: more"));
        h.start();
        const ModelId m = h.load("a");
        GenerateRequest r = request(m, 1, {{"user", "q"}});
        r.stopStrings = {"\nUser:"};
        const RequestId id = h.engine->generate(r);
        const auto done = h.events.finished(id);
        QCOMPARE(done.text, std::string("Answer: 42"));
        QCOMPARE(done.stats.stopReason, StopReason::StopString);
        std::string streamed;
        for (const auto& d : h.events.all<event::TokenDelta>(id)) {
            QVERIFY(d.text.find('\n') == std::string::npos); // the held-back newline never leaked
            streamed += d.text;
        }
        QCOMPARE(streamed, done.text);
    }

    void maxTokensStops()
    {
        Harness h;
        h.factory.add("a", fake::ModelSpec().setReply("abcdefgh"));
        h.start();
        const auto done = h.chat(h.load("a"), 1, {{"user", "q"}}, 3);
        QCOMPARE(done.text, std::string("abc"));
        QCOMPARE(done.stats.stopReason, StopReason::MaxTokens);
        QCOMPARE(done.stats.generatedTokens, 3);
    }

    void contextFullStopsWithAMessage()
    {
        Harness h;
        h.factory.add("a", fake::ModelSpec().setReply("xyz").setLoop(true));
        h.start();
        const ModelId m = h.load("a", 48);
        GenerateRequest r = request(m, 1, {{"user", "Tell me everything"}});
        r.maxTokens = 0;
        const RequestId id = h.engine->generate(r);
        const auto done = h.events.finished(id);
        QCOMPARE(done.stats.stopReason, StopReason::ContextFull);
        // Every position was used: the last token is shown but had no room to be evaluated.
        QCOMPARE(done.stats.promptTokens + done.stats.generatedTokens, 49);
        const auto overflow = h.events.all<event::ContextOverflow>(id);
        QCOMPARE(overflow.size(), size_t(1));
        QCOMPARE(overflow[0].policy, ContextOverflowPolicy::StopGeneration);
        QVERIFY(!overflow[0].message.empty());

        // A prompt that alone exceeds the context stops before generating anything.
        const auto tooLong = h.chat(m, 2, {{"user", std::string(60, 'q')}});
        QCOMPARE(tooLong.stats.stopReason, StopReason::ContextFull);
        QCOMPARE(tooLong.stats.generatedTokens, 0);
    }

    void contextFullDropsOldestTurnsKeepingTheSystemPrompt()
    {
        Harness h;
        fake::ModelProbe& probe = h.factory.add("a", fake::ModelSpec().setReply("fine"));
        h.start();
        const ModelId m = h.load("a", 64);
        std::vector<ChatMessage> conv{{"system", "SYS"}, {"user", "first question here"},
            {"assistant", "first answer"}, {"user", "second question"}, {"assistant", "second answer"},
            {"user", "third"}};
        GenerateRequest r = request(m, 1, conv);
        r.overflow = ContextOverflowPolicy::DropOldestTurns;
        const RequestId id = h.engine->generate(r);
        const auto done = h.events.finished(id);
        QCOMPARE(done.text, std::string("fine"));
        QCOMPARE(done.stats.stopReason, StopReason::EndOfTurn);
        const auto overflow = h.events.all<event::ContextOverflow>(id);
        QCOMPARE(overflow.size(), size_t(1));
        QVERIFY(overflow[0].droppedMessages >= 1);
        std::vector<int32_t> history;
        {
            std::lock_guard lock(probe.mutex);
            history = probe.lastHistory.back();
        }
        std::string seen = fake::Tokenizer().tokenBytes(history[0]);
        for (size_t i = 1; i < history.size(); ++i)
            seen += fake::Tokenizer().tokenBytes(history[i]);
        qInfo("kept: %s", seen.c_str());
        QVERIFY(seen.rfind("<s><|system|>SYS<|end|>", 0) == 0);
        QVERIFY(seen.find("first question") == std::string::npos);
        QVERIFY(seen.find("third") != std::string::npos);
        QVERIFY(history.size() <= 64);
    }

    void droppingTurnsMidReplyKeepsGenerating()
    {
        Harness h;
        h.factory.add("a", fake::ModelSpec().setReply("la").setLoop(true));
        h.start();
        const ModelId m = h.load("a", 40);
        GenerateRequest r = request(m, 1, {{"system", "S"}, {"user", "old turn"}, {"assistant", "old reply"}, {"user", "sing"}});
        r.overflow = ContextOverflowPolicy::DropOldestTurns;
        r.maxTokens = 30;
        const RequestId id = h.engine->generate(r);
        const auto done = h.events.finished(id);
        QCOMPARE(done.stats.stopReason, StopReason::MaxTokens);
        QCOMPARE(done.stats.generatedTokens, 30);
        QVERIFY(!h.events.all<event::ContextOverflow>(id).empty());
        std::string expected;
        for (int i = 0; i < 15; ++i)
            expected += "la";
        QCOMPARE(done.text, expected); // the reply carried on unbroken across the drop
    }

    void cancelTakesEffectWithinOneStep()
    {
        Harness h;
        fake::ModelProbe& probe = h.factory.add("a", fake::ModelSpec().setReply("spam ").setLoop(true).setEvalDelay(std::chrono::milliseconds(3)));
        h.start();
        const ModelId m = h.load("a", 4096);
        GenerateRequest r = request(m, 1, {{"user", "go"}});
        r.maxTokens = 0;
        const RequestId id = h.engine->generate(r);
        QVERIFY(h.events.waitDeltas(id, 5));
        const int64_t callsAtCancel = probe.evaluateCalls;
        const auto t0 = std::chrono::steady_clock::now();
        h.engine->cancel(id);
        const auto done = h.events.finished(id);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        QCOMPARE(done.stats.stopReason, StopReason::Cancelled);
        const int64_t extraSteps = probe.evaluateCalls - callsAtCancel;
        qInfo("cancel: %lld step(s) after the request, %.1f ms", static_cast<long long>(extraSteps), ms);
        QVERIFY(extraSteps <= 1);
        // The conversation is free again: a new generation on it works.
        const auto next = h.chat(m, 1, {{"user", "go"}}, 3);
        QCOMPARE(next.stats.generatedTokens, 3);
    }

    void busyConversationIsRefused()
    {
        Harness h;
        h.factory.add("a", fake::ModelSpec().setReply("z").setLoop(true).setEvalDelay(std::chrono::milliseconds(2)));
        h.start();
        const ModelId m = h.load("a", 4096);
        GenerateRequest r = request(m, 1, {{"user", "go"}});
        r.maxTokens = 0;
        const RequestId first = h.engine->generate(r);
        const auto refused = h.events.failure(h.engine->generate(r));
        QVERIFY(refused && refused->code == ErrorCode::InvalidArgument);
        h.engine->cancel(first);
        QCOMPARE(h.events.finished(first).stats.stopReason, StopReason::Cancelled);
    }

    void twoModelsInterleaveAndMatchRunningAlone()
    {
        const fake::ModelSpec specA = fake::ModelSpec().setReply("The quick brown fox jumps over the lazy dog.");
        const fake::ModelSpec specB = fake::ModelSpec().setReply("Pack my box with five dozen liquor jugs!!");
        const std::vector<ChatMessage> prompt{{"system", "You are terse."}, {"user", "Say a pangram."}};

        std::string aloneA, aloneB;
        {
            Harness h;
            h.factory.add("A", specA);
            h.factory.add("B", specB);
            h.start();
            aloneA = h.chat(h.load("A"), 1, prompt).text;
            aloneB = h.chat(h.load("B"), 1, prompt).text;
        }
        // Each step takes a little time, so that B's request arrives while A is still running even
        // when the test thread is descheduled between the two generate() calls.
        Harness h;
        h.factory.add("A", fake::ModelSpec(specA).setEvalDelay(std::chrono::milliseconds(2)));
        h.factory.add("B", fake::ModelSpec(specB).setEvalDelay(std::chrono::milliseconds(2)));
        EngineOptions options;
        options.prefillChunk = 8;
        h.start(options);
        const ModelId a = h.load("A"), b = h.load("B");
        const RequestId ra = h.engine->generate(request(a, 1, prompt));
        const RequestId rb = h.engine->generate(request(b, 1, prompt));
        const auto da = h.events.finished(ra), db = h.events.finished(rb);
        QCOMPARE(da.text, aloneA);
        QCOMPARE(db.text, aloneB);
        QCOMPARE(da.text, specA.reply);

        // Fair: while both run, neither model gets two steps in a row.
        // The window where both generations are active starts at the second model's first step.
        const std::vector<std::string> calls = h.factory.globalCalls();
        size_t lastA = 0, lastB = 0;
        std::optional<size_t> firstA, firstB;
        for (size_t i = 0; i < calls.size(); ++i) {
            const bool isA = calls[i] == "A";
            (isA ? lastA : lastB) = i;
            std::optional<size_t>& first = isA ? firstA : firstB;
            if (!first)
                first = i;
        }
        QVERIFY(firstA && firstB);
        const size_t bothFrom = std::max(*firstA, *firstB);
        const size_t bothUntil = std::min(lastA, lastB);
        QVERIFY2(bothUntil > bothFrom + 40, "the two generations barely overlapped");
        int longestRun = 1, run = 1;
        for (size_t i = bothFrom + 1; i <= bothUntil; ++i) {
            run = calls[i] == calls[i - 1] ? run + 1 : 1;
            longestRun = std::max(longestRun, run);
        }
        qInfo("%zu evaluate calls, both active for %zu, longest run of one model %d", calls.size(),
              bothUntil - bothFrom + 1, longestRun);
        QCOMPARE(longestRun, 1);
    }

    void multiByteTextStreamsWhole()
    {
        Harness h;
        const std::string reply = "Caf\xC3\xA9 \xE2\x98\x95, \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E \xF0\x9F\x98\x80!";
        h.factory.add("a", fake::ModelSpec().setReply(reply));
        h.start();
        const RequestId id = h.engine->generate(request(h.load("a"), 1, {{"user", "hi"}}));
        const auto done = h.events.finished(id);
        QCOMPARE(done.text, reply);
        std::string streamed;
        const auto deltas = h.events.all<event::TokenDelta>(id);
        for (const auto& d : deltas) {
            QVERIFY2(session::sanitizeUtf8(d.text) == d.text, "a delta is not valid UTF-8");
            streamed += d.text;
        }
        QCOMPARE(streamed, reply);
        QVERIFY(deltas.size() >= 10);
    }

    void reasoningStreamsSeparately()
    {
        Harness h;
        h.factory.add("r1", fake::ModelSpec().setReply("\nWeigh it.\n</think>\n\nTwelve.").setGenerationSuffix("<think>"));
        h.factory.add("plain", fake::ModelSpec().setReply("<think>hmm</think>Yes."));
        h.start();
        const RequestId id = h.engine->generate(request(h.load("r1"), 1, {{"user", "?"}}));
        const auto done = h.events.finished(id);
        QCOMPARE(done.reasoning, std::string("Weigh it.\n"));
        QCOMPARE(done.text, std::string("Twelve."));
        bool sawReasoningDelta = false;
        for (const auto& d : h.events.all<event::TokenDelta>(id))
            sawReasoningDelta |= d.kind == DeltaKind::Reasoning;
        QVERIFY(sawReasoningDelta);
        const auto plain = h.chat(h.load("plain"), 1, {{"user", "?"}});
        QCOMPARE(plain.reasoning, std::string("hmm"));
        QCOMPARE(plain.text, std::string("Yes."));
    }

    void continuationModeWithoutTemplate()
    {
        Harness h;
        h.factory.add("base", fake::ModelSpec().setReply("once upon a time ").setLoop(true).setChatTemplate(false));
        h.start();
        const RequestId load = h.engine->load(LoadRequest{"base", 32, {}});
        QVERIFY(!h.events.failure(load));
        QVERIFY(h.events.all<event::Loaded>(load)[0].summary.continuationMode);
        GenerateRequest r = request(load, 1, {});
        r.rawPrompt = "It was";
        r.maxTokens = 60;
        r.overflow = ContextOverflowPolicy::DropOldestTurns;
        const auto done = h.events.finished(h.engine->generate(r));
        QCOMPARE(done.stats.stopReason, StopReason::MaxTokens);
        QCOMPARE(done.stats.generatedTokens, 60); // went past the 32-token context by dropping old text
    }

    void budgetRefusesASecondModelThatDoesNotFit()
    {
        Harness h;
        h.factory.add("big1", fake::ModelSpec().setWeightBytes(600).setKvBytesPerToken(1));
        h.factory.add("big2", fake::ModelSpec().setWeightBytes(600).setKvBytesPerToken(1));
        h.factory.add("small", fake::ModelSpec().setWeightBytes(100).setKvBytesPerToken(1));
        EngineOptions options;
        options.deviceMemoryBudget = 1000;
        h.start(options);
        const ModelId one = h.load("big1", 100);
        QVERIFY(one != 0);
        const RequestId second = h.engine->load(LoadRequest{"big2", 100, {}});
        const auto error = h.events.failure(second);
        QVERIFY(error.has_value());
        QCOMPARE(error->code, ErrorCode::OutOfDeviceMemory);
        qInfo("%s", error->message.c_str());
        QVERIFY(error->message.find("big1") != std::string::npos);
        QVERIFY(h.load("small", 100) != 0); // 700 + 200 fits

        // One after the other: unload the first, then the second loads.
        const RequestId unload = h.engine->unload(one);
        QVERIFY(!h.events.failure(unload));
        QVERIFY(h.load("big2", 100) != 0);
    }

    // A context that does not fit loads with the largest one that does, and the summary says so;
    // a fit below the minimum still fails.
    void loadCapsTheContextToWhatFits()
    {
        Harness h;
        h.factory.add("a", fake::ModelSpec().setWeightBytes(100).setKvBytesPerToken(2).setReply("ok"));
        EngineOptions options;
        options.deviceMemoryBudget = 100 + 2 * 300;
        h.start(options);
        const RequestId id = h.engine->load(LoadRequest{"a", 1000, {}});
        QVERIFY(!h.events.failure(id));
        const auto loaded = h.events.all<event::Loaded>(id);
        QCOMPARE(loaded.size(), size_t(1));
        QCOMPARE(loaded[0].summary.contextLength, 300u);
        qInfo("%s", loaded[0].summary.contextNote.c_str());
        QVERIFY(loaded[0].summary.contextNote.find("1000") != std::string::npos);
        QVERIFY(loaded[0].summary.contextNote.find("300") != std::string::npos);
        QCOMPARE(h.chat(id, 1, {{"user", "hi"}}).text, std::string("ok"));
        QVERIFY(!h.events.failure(h.engine->unload(id)));

        // The trained length (256) fits: no note.
        const RequestId trained = h.engine->load(LoadRequest{"a", 0, {}});
        QVERIFY(!h.events.failure(trained));
        const auto summary = h.events.all<event::Loaded>(trained).at(0).summary;
        QCOMPARE(summary.contextLength, 256u);
        QVERIFY(summary.contextNote.empty());
        QVERIFY(!h.events.failure(h.engine->unload(trained)));

        // The device's largest buffer holds 200 positions of this model's cache per layer.
        Harness buffer;
        buffer.factory.add("a", fake::ModelSpec().setWeightBytes(100).setKvBytesPerToken(2).setMaxContext(200));
        buffer.start();
        const RequestId capped = buffer.engine->load(LoadRequest{"a", 1000, {}});
        QVERIFY(!buffer.events.failure(capped));
        const auto cappedSummary = buffer.events.all<event::Loaded>(capped).at(0).summary;
        QCOMPARE(cappedSummary.contextLength, 200u);
        QVERIFY(cappedSummary.contextNote.find("buffer") != std::string::npos);

        Harness tight;
        tight.factory.add("a", fake::ModelSpec().setWeightBytes(100).setKvBytesPerToken(2));
        options.deviceMemoryBudget = 100 + 2 * 100; // 100 positions: below the 256 worth loading
        tight.start(options);
        const auto error = tight.events.failure(tight.engine->load(LoadRequest{"a", 1000, {}}));
        QVERIFY(error.has_value());
        QCOMPARE(error->code, ErrorCode::OutOfDeviceMemory);
    }

    void extraConversationsEvictIdleCaches()
    {
        Harness h;
        fake::ModelProbe& probe = h.factory.add("a", fake::ModelSpec().setWeightBytes(100).setKvBytesPerToken(1).setReply("ok"));
        EngineOptions options;
        options.deviceMemoryBudget = 100 + 2 * 64; // room for two conversation caches
        h.start(options);
        const ModelId m = h.load("a", 64);
        for (ConversationId c = 1; c <= 3; ++c)
            QCOMPARE(h.chat(m, c, {{"user", "hi"}}).text, std::string("ok"));
        QCOMPARE(probe.liveSequences.load(), 2); // the least recently used one was freed
        const auto again = h.chat(m, 1, {{"user", "hi"}, {"assistant", "ok"}, {"user", "more"}});
        QCOMPARE(again.stats.promptTokensEvaluated, again.stats.promptTokens); // its cache was gone
        QCOMPARE(probe.liveSequences.load(), 2); // 1 came back and pushed out 2
        h.engine->closeConversation(m, 1);
        h.engine->closeConversation(m, 3);
        QCOMPARE(h.chat(m, 4, {{"user", "x"}}).text, std::string("ok"));
        QCOMPARE(probe.liveSequences.load(), 1); // only 4: 2 was evicted, 1 and 3 closed
    }

    void seededSamplingIsReproducible()
    {
        Harness h;
        h.factory.add("a", fake::ModelSpec().setReply("").setLoop(true));
        h.start();
        const ModelId m = h.load("a");
        auto sampleWith = [&](uint64_t seed, ConversationId c) {
            GenerateRequest r = request(m, c, {{"user", "w"}});
            SamplingParams p;
            p.temperature = 1.5f;
            p.topK = 0;
            p.topP = 1.0f;
            p.minP = 0.0f;
            p.seed = seed;
            r.sampling = p;
            r.maxTokens = 40;
            const auto done = h.events.finished(h.engine->generate(r));
            return done.stats.generatedTokens == 40 ? done.text : std::string("<wrong length>");
        };
        const std::string a = sampleWith(5, 1), b = sampleWith(5, 2), c = sampleWith(6, 3);
        QVERIFY(a != "<wrong length>");
        QCOMPARE(a, b);
        QVERIFY(a != c);
    }

    void unloadEndsItsGenerations()
    {
        Harness h;
        h.factory.add("a", fake::ModelSpec().setReply("z").setLoop(true).setEvalDelay(std::chrono::milliseconds(2)));
        h.start();
        const ModelId m = h.load("a", 4096);
        GenerateRequest r = request(m, 1, {{"user", "go"}});
        r.maxTokens = 0;
        const RequestId gen = h.engine->generate(r);
        QVERIFY(h.events.waitDeltas(gen, 2));
        const RequestId unload = h.engine->unload(m);
        const auto failed = h.events.failure(gen);
        QVERIFY(failed && failed->code == ErrorCode::Cancelled);
        QVERIFY(!h.events.failure(unload));
        const auto after = h.events.failure(h.engine->generate(r));
        QVERIFY(after && after->code == ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestEngineThread)
#include "test_engine_thread.moc"
