// agora-cli chat -m MODEL [--system TEXT] [--ctx N] [--max-tokens N] [--temp T] [--seed S]
//   [--drop-old-turns]
// An interactive terminal chat through the engine thread: the model's chat template is applied,
// replies stream as they are generated (reasoning dimmed), Ctrl+C stops the reply and not the
// program, and Ctrl+D or /exit ends the chat. Models without a template continue the text.
#include "cli.h"

#include "agora/engine.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <deque>
#include <iostream>
#include <mutex>
#include <unistd.h>

namespace agora::cli {
namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int) { g_interrupted = true; }

// Events from the engine thread, handed to the terminal thread.
class EventQueue {
public:
    void push(const EngineEvent& e)
    {
        {
            std::lock_guard lock(m_mutex);
            m_events.push_back(e);
        }
        m_ready.notify_one();
    }
    // Waits up to `timeout` for the next event.
    std::optional<EngineEvent> pop(std::chrono::milliseconds timeout)
    {
        std::unique_lock lock(m_mutex);
        if (!m_ready.wait_for(lock, timeout, [&] { return !m_events.empty(); }))
            return std::nullopt;
        EngineEvent e = std::move(m_events.front());
        m_events.pop_front();
        return e;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<EngineEvent> m_events;
};

// Waits for the end of `request`, streaming its deltas; Ctrl+C cancels it (once).
std::optional<EngineEvent> follow(Engine& engine, EventQueue& queue, RequestId request, bool color)
{
    bool cancelled = false;
    DeltaKind lastKind = DeltaKind::Text;
    for (;;) {
        if (g_interrupted.exchange(false) && !cancelled) {
            engine.cancel(request);
            cancelled = true;
        }
        std::optional<EngineEvent> e = queue.pop(std::chrono::milliseconds(50));
        if (!e)
            continue;
        if (auto* p = std::get_if<event::LoadProgress>(&*e)) {
            if (isatty(STDERR_FILENO))
                std::cerr << "\rloading " << int(p->fraction * 100.0f) << "%" << std::flush;
        } else if (auto* d = std::get_if<event::TokenDelta>(&*e)) {
            if (color && d->kind != lastKind)
                std::cout << (d->kind == DeltaKind::Reasoning ? "\x1b[2m" : "\x1b[0m");
            lastKind = d->kind;
            std::cout << d->text << std::flush;
        } else if (auto* o = std::get_if<event::ContextOverflow>(&*e)) {
            std::cerr << "\n[" << o->message << "]\n";
        } else if (auto* f = std::get_if<event::Finished>(&*e); f && f->request == request) {
            if (color && lastKind != DeltaKind::Text)
                std::cout << "\x1b[0m";
            return e;
        } else if (auto* x = std::get_if<event::Failed>(&*e); x && x->request == request) {
            return e;
        } else if (auto* l = std::get_if<event::Loaded>(&*e); l && l->request == request) {
            std::cerr << "\r";
            return e;
        }
    }
}

void printStats(const GenerationStats& s)
{
    char line[256];
    std::snprintf(line, sizeof line,
        "[%d tokens, %.1f tok/s; prompt %d tokens (%d new) at %.1f tok/s; first token after %.0f ms; %s]",
        s.generatedTokens, s.generationTokensPerSecond, s.promptTokens, s.promptTokensEvaluated,
        s.promptTokensPerSecond, s.timeToFirstTokenMs, stopReasonName(s.stopReason));
    std::cerr << "\n" << line << "\n";
}

} // namespace

int cmdChat(const std::vector<std::string>& argv)
{
    Args args(argv, {"drop-old-turns"});
    if (auto bad = args.unknown({"m", "model", "system", "ctx", "max-tokens", "temp", "seed", "drop-old-turns"});
        !bad.empty())
        return usageError("chat: unknown option --" + bad.front());
    const std::optional<std::string> path = args.value("m") ? args.value("m") : args.value("model");
    if (!path)
        return usageError("chat: -m MODEL is required");
    std::string error;
    const int64_t ctx = args.intValue("ctx", &error).value_or(0);
    const int64_t maxTokens = args.intValue("max-tokens", &error).value_or(1024);
    const std::optional<double> temperature = args.doubleValue("temp", &error);
    const std::optional<int64_t> seed = args.intValue("seed", &error);
    if (!error.empty())
        return usageError("chat: " + error);
    if (ctx < 0 || ctx > 1'000'000)
        return usageError("chat: --ctx must be between 0 (the model's default) and 1000000");

    Result<std::unique_ptr<Engine>> created = Engine::create();
    if (!created)
        return failure("chat: " + created.error().message);
    Engine& engine = **created;
    EventQueue queue;
    engine.setEventCallback([&queue](const EngineEvent& e) { queue.push(e); });

    struct sigaction action {};
    action.sa_handler = onInterrupt;
    action.sa_flags = SA_RESTART; // Ctrl+C at the prompt must not break the line reader
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);

    const RequestId load = engine.load(LoadRequest{*path, uint32_t(ctx), {}});
    const std::optional<EngineEvent> loaded = follow(engine, queue, load, false);
    if (auto* f = std::get_if<event::Failed>(&*loaded))
        return failure("chat: " + f->error.message);
    const ModelSummary summary = std::get<event::Loaded>(*loaded).summary;
    std::cerr << summary.name << " (" << summary.contextLength << "-token context)"
              << (summary.continuationMode ? " has no chat template: continuation mode, each line continues the text" : "")
              << "\n";
    if (!summary.templateWarning.empty())
        std::cerr << "warning: " << summary.templateWarning << "\n";
    std::cerr << "Ctrl+C stops a reply; Ctrl+D or /exit quits.\n";

    SamplingParams sampling = summary.samplingDefaults;
    if (temperature)
        sampling.temperature = float(*temperature);
    if (seed)
        sampling.seed = uint64_t(*seed);
    else
        sampling.seed = uint64_t(std::chrono::steady_clock::now().time_since_epoch().count());

    const bool color = isatty(STDOUT_FILENO) != 0;
    std::vector<ChatMessage> messages;
    if (auto system = args.value("system"))
        messages.push_back({"system", *system});
    std::string continuation;
    for (;;) {
        std::cerr << "> " << std::flush;
        g_interrupted = false;
        std::string line;
        if (!std::getline(std::cin, line) || line == "/exit")
            break;
        if (line.empty())
            continue;
        GenerateRequest request;
        request.model = load;
        request.conversation = 1;
        request.sampling = sampling;
        request.maxTokens = int32_t(maxTokens);
        request.overflow = args.flag("drop-old-turns") ? ContextOverflowPolicy::DropOldestTurns
                                                       : ContextOverflowPolicy::StopGeneration;
        if (summary.continuationMode) {
            continuation += line;
            request.rawPrompt = continuation;
        } else {
            messages.push_back({"user", line});
            request.messages = messages;
        }
        const std::optional<EngineEvent> end = follow(engine, queue, engine.generate(std::move(request)), color);
        if (auto* f = std::get_if<event::Failed>(&*end)) {
            std::cerr << "\nerror: " << f->error.message << "\n";
            if (!summary.continuationMode)
                messages.pop_back();
            continue;
        }
        const auto& finished = std::get<event::Finished>(*end);
        if (summary.continuationMode)
            continuation += finished.text;
        else
            messages.push_back({"assistant", finished.text});
        printStats(finished.stats);
        ++sampling.seed; // the next reply draws fresh numbers
    }
    std::cerr << "\n";
    return 0;
}

} // namespace agora::cli
