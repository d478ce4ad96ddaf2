// agora-cli bench-streams: throughput of N concurrent generations against one, through the engine
// thread (the path the app's compare view uses). Each stream generates the same greedy
// continuation, so interleaving must not change the text; the JSON reports each stream's share of
// the single-stream tokens/s (issue goal: each of two streams keeps at least 45%).
#include "cli.h"

#include "agora/engine.h"

#include <condition_variable>
#include <iostream>
#include <map>
#include <mutex>
#include <sstream>

namespace agora::cli {
namespace {

// Collects the engine's events and lets the CLI thread wait for one request's outcome.
class Waiter {
public:
    EventCallback callback()
    {
        return [this](const EngineEvent& e) {
            std::lock_guard lock(m_mutex);
            if (const auto* f = std::get_if<event::Finished>(&e))
                m_finished[f->request] = *f;
            else if (const auto* x = std::get_if<event::Failed>(&e))
                m_failed[x->request] = x->error;
            else if (const auto* l = std::get_if<event::Loaded>(&e))
                m_loaded[l->request] = true;
            m_changed.notify_all();
        };
    }

    // The load's outcome: nullopt when it succeeded, else its error.
    std::optional<Error> waitLoaded(RequestId id)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_loaded.count(id) || m_failed.count(id); });
        if (m_failed.count(id))
            return m_failed[id];
        return std::nullopt;
    }

    Result<event::Finished> waitFinished(RequestId id)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_finished.count(id) || m_failed.count(id); });
        if (m_failed.count(id))
            return m_failed[id];
        return m_finished[id];
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::map<RequestId, event::Finished> m_finished;
    std::map<RequestId, Error> m_failed;
    std::map<RequestId, bool> m_loaded;
};

GenerateRequest greedyRequest(ModelId model, ConversationId conversation, int64_t nGen)
{
    GenerateRequest r;
    r.model = model;
    r.conversation = conversation;
    r.messages = {{"user", "Once upon a time"}};
    r.rawPrompt = "Once upon a time";
    SamplingParams greedy;
    greedy.temperature = 0.0f;
    r.sampling = greedy;
    r.maxTokens = int32_t(nGen);
    return r;
}

} // namespace

int cmdBenchStreams(const std::vector<std::string>& argv)
{
    Args args(argv, {"json"});
    if (auto bad = args.unknown({"json", "m", "model", "n", "streams", "device", "ctx"}); !bad.empty())
        return usageError("bench-streams: unknown option --" + bad.front());
    const std::optional<std::string> path = args.value("m") ? args.value("m") : args.value("model");
    if (!path)
        return usageError("bench-streams: -m MODEL is required");
    std::string error;
    const int64_t nGen = args.intValue("n", &error).value_or(128);
    const int64_t streams = args.intValue("streams", &error).value_or(2);
    const int64_t ctx = args.intValue("ctx", &error).value_or(0);
    if (!error.empty())
        return usageError("bench-streams: " + error);
    if (nGen < 1 || nGen > 65536 || streams < 2 || streams > 8 || ctx < 0 || ctx > 1 << 20)
        return usageError("bench-streams: -n must be 1..65536, --streams 2..8, --ctx >= 0");

    auto created = Engine::create();
    if (!created)
        return failure(created.error().message);
    Engine& engine = **created;
    Waiter waiter;
    engine.setEventCallback(waiter.callback());
    const RequestId load = engine.load(LoadRequest{*path, uint32_t(ctx), args.value("device").value_or("")});
    if (auto failed = waiter.waitLoaded(load))
        return failure(failed->message);
    const ModelId model = load;

    // One stream alone, then `streams` at once on separate conversations of the same model.
    auto alone = waiter.waitFinished(engine.generate(greedyRequest(model, 1, nGen)));
    if (!alone)
        return failure(alone.error().message);
    std::vector<RequestId> ids;
    for (int64_t i = 0; i < streams; ++i)
        ids.push_back(engine.generate(greedyRequest(model, ConversationId(2 + i), nGen)));
    std::vector<event::Finished> together;
    for (RequestId id : ids) {
        auto f = waiter.waitFinished(id);
        if (!f)
            return failure(f.error().message);
        together.push_back(*f);
    }

    const double single = alone->stats.generationTokensPerSecond;
    bool sameText = true;
    double minShare = 1e9;
    for (const auto& f : together) {
        sameText = sameText && f.text == alone->text;
        minShare = std::min(minShare, single > 0 ? f.stats.generationTokensPerSecond / single : 0.0);
    }
    if (args.flag("json")) {
        std::cout << "{\"model\": \"" << jsonEscape(*path) << "\", \"tokens\": " << nGen << ", \"streams\": " << streams
                  << ", \"single_tps\": " << jsonFloat(float(single)) << ", \"stream_tps\": [";
        for (size_t i = 0; i < together.size(); ++i)
            std::cout << (i ? ", " : "") << jsonFloat(float(together[i].stats.generationTokensPerSecond));
        std::cout << "], \"min_share\": " << jsonFloat(float(minShare))
                  << ", \"same_text\": " << (sameText ? "true" : "false") << "}\n";
    } else {
        std::cout << "one stream: " << single << " tok/s\n";
        for (size_t i = 0; i < together.size(); ++i)
            std::cout << "stream " << i + 1 << " of " << streams << ": " << together[i].stats.generationTokensPerSecond
                      << " tok/s (" << int(100.0 * together[i].stats.generationTokensPerSecond / (single > 0 ? single : 1))
                      << "% of one)\n";
        std::cout << (sameText ? "every stream generated the same text as the single stream\n"
                               : "WARNING: a stream's text differs from the single stream's\n");
    }
    return sameText ? 0 : 1;
}

} // namespace agora::cli
