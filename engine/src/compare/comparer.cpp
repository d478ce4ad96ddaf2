// Loading, the fit check that picks concurrent or sequential mode, and one turn of a comparison.
#include "compare/comparer.h"

#include "core/log.h"

#include <chrono>

namespace agora::compare {
namespace {

using Clock = std::chrono::steady_clock;

std::string fileName(const std::string& path) { return path.substr(path.find_last_of('/') + 1); }

} // namespace

Comparer::Comparer(Engine& engine) : m_engine(engine)
{
    m_engine.setEventCallback([this](const EngineEvent& e) {
        {
            std::lock_guard lock(m_mutex);
            m_events.push_back(e);
        }
        m_ready.notify_one();
    });
}

Comparer::~Comparer()
{
    unloadAll();
    m_engine.setEventCallback({});
}

std::optional<EngineEvent> Comparer::waitEvent(std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    if (!m_ready.wait_for(lock, timeout, [&] { return !m_events.empty(); }))
        return std::nullopt;
    EngineEvent e = std::move(m_events.front());
    m_events.pop_front();
    return e;
}

EngineEvent Comparer::waitEvent()
{
    for (;;)
        if (auto e = waitEvent(std::chrono::milliseconds(1000)))
            return std::move(*e);
}

Result<ModelId> Comparer::loadOne(size_t index, uint32_t contextLength, const LoadProgressCallback& progress)
{
    const RequestId id = m_engine.load(LoadRequest{m_models[index].path, contextLength, {}});
    for (;;) {
        const EngineEvent e = waitEvent();
        if (auto* p = std::get_if<event::LoadProgress>(&e); p && p->request == id && progress)
            progress(index, p->fraction);
        if (auto* l = std::get_if<event::Loaded>(&e); l && l->request == id) {
            m_models[index].summary = l->summary;
            m_models[index].id = id;
            return ModelId(id);
        }
        if (auto* f = std::get_if<event::Failed>(&e); f && f->request == id)
            return f->error;
    }
}

void Comparer::unloadOne(size_t index)
{
    Slot& slot = m_models[index];
    if (!slot.id)
        return;
    const RequestId id = m_engine.unload(slot.id);
    slot.id = 0;
    for (;;) {
        const EngineEvent e = waitEvent();
        if (auto* u = std::get_if<event::Unloaded>(&e); u && u->request == id)
            return;
        if (auto* f = std::get_if<event::Failed>(&e); f && f->request == id)
            return; // already gone: nothing left to free
    }
}

void Comparer::unloadAll()
{
    for (size_t i = 0; i < m_models.size(); ++i)
        unloadOne(i);
}

Result<void> Comparer::load(const std::vector<std::string>& paths, uint32_t contextLength,
                            LoadProgressCallback progress)
{
    unloadAll();
    m_models.clear();
    m_sequential = false;
    m_notice.clear();
    m_contextLength = contextLength;
    if (paths.empty())
        return makeError(ErrorCode::InvalidArgument, "choose at least one model to compare");
    for (const std::string& p : paths)
        m_models.push_back(Slot{p, {}, 0, {}, {}});

    for (size_t i = 0; i < m_models.size(); ++i) {
        auto loaded = loadOne(i, contextLength, progress);
        if (loaded)
            continue;
        if (loaded.error().code != ErrorCode::OutOfDeviceMemory || i == 0)
            return makeError(loaded.error().code, fileName(paths[i]) + ": " + loaded.error().message);
        // Does not fit next to the others: check that each fits on its own, then take turns.
        log::get("engine.compare")->info("{} does not fit next to the other models: sequential mode", paths[i]);
        unloadAll();
        for (size_t j = 0; j < m_models.size(); ++j) {
            auto alone = loadOne(j, contextLength, progress);
            if (!alone)
                return makeError(alone.error().code, fileName(paths[j]) + ": " + alone.error().message);
            unloadOne(j);
        }
        m_sequential = true;
        m_notice = "These models do not fit in device memory together, so they answer one after the other "
                   "(each is loaded for its turn).";
        return {};
    }
    return {};
}

std::string Comparer::displayName(size_t model) const
{
    const std::string& name = m_models[model].summary.name;
    for (size_t i = 0; i < m_models.size(); ++i)
        if (i != model && m_models[i].summary.name == name)
            return fileName(m_models[model].path);
    return name.empty() ? fileName(m_models[model].path) : name;
}

void Comparer::resetThreads()
{
    for (Slot& slot : m_models) {
        if (slot.id)
            m_engine.closeConversation(slot.id, m_conversation);
        slot.thread.clear();
        slot.continuation.clear();
    }
    ++m_conversation;
}

GenerateRequest Comparer::requestFor(size_t index, const std::string& userText, const CompareSettings& settings) const
{
    const Slot& slot = m_models[index];
    const PaneOverrides pane = index < settings.panes.size() ? settings.panes[index] : PaneOverrides{};
    GenerateRequest r;
    r.model = slot.id;
    r.conversation = m_conversation;
    r.sampling = pane.sampling ? pane.sampling : settings.sampling;
    r.maxTokens = pane.maxTokens.value_or(settings.maxTokens);
    const std::string system = pane.system.value_or(settings.system);
    if (slot.summary.continuationMode) {
        // No chat template: the model continues the running text (system prompt as its preface).
        r.rawPrompt = (slot.continuation.empty() && !system.empty() ? system + "\n\n" : std::string()) +
                      slot.continuation + userText;
    } else {
        if (!system.empty())
            r.messages.push_back({"system", system});
        r.messages.insert(r.messages.end(), slot.thread.begin(), slot.thread.end());
        r.messages.push_back({"user", userText});
    }
    return r;
}

void Comparer::runTogether(const std::vector<size_t>& slots, const std::string& userText,
                           const CompareSettings& settings, const DeltaCallback& onDelta,
                           const std::atomic<bool>* cancel, std::vector<ModelAnswer>& answers)
{
    struct Pending {
        size_t slot;
        RequestId request;
        Clock::time_point start;
        bool done = false;
    };
    std::vector<Pending> pending;
    for (size_t s : slots) {
        const Clock::time_point start = Clock::now();
        pending.push_back({s, m_engine.generate(requestFor(s, userText, settings)), start});
    }
    bool cancelSent = false;
    size_t open = pending.size();
    while (open > 0) {
        if (cancel && *cancel && !cancelSent) {
            for (const Pending& p : pending)
                if (!p.done)
                    m_engine.cancel(p.request);
            cancelSent = true;
        }
        std::optional<EngineEvent> e = waitEvent(std::chrono::milliseconds(50));
        if (!e)
            continue;
        auto find = [&](RequestId id) -> Pending* {
            for (Pending& p : pending)
                if (p.request == id && !p.done)
                    return &p;
            return nullptr;
        };
        if (auto* d = std::get_if<event::TokenDelta>(&*e)) {
            if (Pending* p = find(d->request); p && onDelta)
                onDelta(p->slot, d->kind, d->text);
        } else if (auto* f = std::get_if<event::Finished>(&*e)) {
            if (Pending* p = find(f->request)) {
                ModelAnswer& a = answers[p->slot];
                a.text = f->text;
                a.reasoning = f->reasoning;
                a.timeToFirstTokenMs = f->stats.timeToFirstTokenMs;
                a.tokensPerSecond = f->stats.generationTokensPerSecond;
                a.tokens = f->stats.generatedTokens;
                a.stopReason = f->stats.stopReason;
                a.wallMs = std::chrono::duration<double, std::milli>(Clock::now() - p->start).count();
                p->done = true;
                --open;
            }
        } else if (auto* x = std::get_if<event::Failed>(&*e)) {
            if (Pending* p = find(x->request)) {
                answers[p->slot].error = x->error;
                answers[p->slot].wallMs = std::chrono::duration<double, std::milli>(Clock::now() - p->start).count();
                p->done = true;
                --open;
            }
        }
    }
}

Result<std::vector<ModelAnswer>> Comparer::ask(const std::string& userText, const CompareSettings& settings,
                                               DeltaCallback onDelta, const std::atomic<bool>* cancel)
{
    if (m_models.empty())
        return makeError(ErrorCode::InvalidArgument, "no models loaded for the comparison");
    std::vector<ModelAnswer> answers(m_models.size());
    for (size_t i = 0; i < m_models.size(); ++i) {
        answers[i].model = displayName(i);
        answers[i].path = m_models[i].path;
    }
    if (!m_sequential) {
        std::vector<size_t> all;
        for (size_t i = 0; i < m_models.size(); ++i)
            all.push_back(i);
        runTogether(all, userText, settings, onDelta, cancel, answers);
    } else {
        for (size_t i = 0; i < m_models.size(); ++i) {
            if (cancel && *cancel) {
                answers[i].stopReason = StopReason::Cancelled;
                continue;
            }
            auto loaded = loadOne(i, m_contextLength, {});
            if (!loaded) {
                answers[i].error = loaded.error();
                continue;
            }
            runTogether({i}, userText, settings, onDelta, cancel, answers);
            unloadOne(i);
        }
    }
    for (size_t i = 0; i < m_models.size(); ++i) {
        if (answers[i].error)
            continue;
        Slot& slot = m_models[i];
        slot.thread.push_back({"user", userText});
        slot.thread.push_back({"assistant", answers[i].text});
        slot.continuation += userText + answers[i].text;
    }
    if (cancel && *cancel)
        return makeError(ErrorCode::Cancelled, "the comparison was stopped");
    return answers;
}

} // namespace agora::compare
