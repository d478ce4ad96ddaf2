#include "session/engine_thread.h"

#include "core/log.h"

#include <algorithm>
#include <limits>

namespace agora::session {

namespace {

std::string mib(uint64_t bytes)
{
    if (bytes < (1u << 20))
        return std::to_string(bytes) + " bytes";
    return std::to_string((bytes + (1u << 19)) >> 20) + " MiB";
}

} // namespace

EngineThread::EngineThread(EngineOptions options, ModelFactory factory)
    : m_options(options), m_factory(std::move(factory)), m_thread([this] { run(); })
{
}

EngineThread::~EngineThread()
{
    {
        std::lock_guard lock(m_inboxMutex);
        m_stopping = true;
    }
    m_cancelLoading = true;
    m_wake.notify_all();
    m_thread.join();
}

void EngineThread::setEventCallback(EventCallback callback)
{
    std::lock_guard lock(m_callbackMutex);
    m_callback = std::move(callback);
}

void EngineThread::emit(const EngineEvent& event)
{
    std::lock_guard lock(m_callbackMutex);
    if (m_callback)
        m_callback(event);
}

RequestId EngineThread::enqueue(Command command, RequestId id)
{
    {
        std::lock_guard lock(m_inboxMutex);
        m_inbox.push_back(std::move(command));
    }
    m_wake.notify_one();
    return id;
}

RequestId EngineThread::load(LoadRequest request)
{
    const RequestId id = m_nextId++;
    return enqueue(LoadCommand{id, std::move(request)}, id);
}

RequestId EngineThread::unload(ModelId model)
{
    const RequestId id = m_nextId++;
    return enqueue(UnloadCommand{id, model}, id);
}

RequestId EngineThread::generate(GenerateRequest request)
{
    const RequestId id = m_nextId++;
    return enqueue(GenerateCommand{id, std::move(request), Clock::now()}, id);
}

void EngineThread::cancel(RequestId request)
{
    // A load runs inside one handler, so its cancel cannot wait for the inbox.
    if (m_loading.load() == request)
        m_cancelLoading = true;
    enqueue(CancelCommand{request}, 0);
}

void EngineThread::closeConversation(ModelId model, ConversationId conversation)
{
    enqueue(CloseCommand{model, conversation}, 0);
}

void EngineThread::run()
{
    for (;;) {
        std::deque<Command> commands;
        {
            std::unique_lock lock(m_inboxMutex);
            m_wake.wait(lock, [&] { return m_stopping || !m_inbox.empty() || !m_active.empty(); });
            if (m_stopping)
                break;
            commands.swap(m_inbox);
        }
        for (Command& c : commands)
            std::visit([this](auto& command) { handle(command); }, c);

        if (m_active.empty())
            continue;
        // Round-robin: step the front generation, then move it to the back.
        std::unique_ptr<Generation> generation = std::move(m_active.front());
        m_active.pop_front();
        if (generation->step())
            m_active.push_back(std::move(generation));
        ++m_tick;
    }
    // Shutting down: generations end silently (the owner is going away); models free their caches.
    m_active.clear();
    m_models.clear();
}

uint64_t EngineThread::budget() const
{
    if (m_options.deviceMemoryBudget > 0)
        return m_options.deviceMemoryBudget;
    if (m_factory.deviceBudget)
        return m_factory.deviceBudget();
    return std::numeric_limits<uint64_t>::max();
}

uint64_t EngineThread::usedBytes() const
{
    uint64_t used = 0;
    for (const auto& [id, model] : m_models) {
        // A loaded model always keeps room for one conversation's cache, used or not.
        uint64_t caches = 0;
        for (const auto& [cid, conversation] : model->conversations)
            caches += conversation->hasCache() ? 1 : 0;
        used += model->footprint.weightBytes + std::max<uint64_t>(caches, 1) * model->cacheBytes();
    }
    return used;
}

uint32_t EngineThread::largestFittingContext(const ModelFootprint& footprint, uint32_t asked) const
{
    const uint64_t limit = budget();
    const uint64_t free = limit - std::min(limit, usedBytes());
    if (free <= footprint.weightBytes)
        return 0;
    if (footprint.kvBytesPerToken == 0)
        return asked;
    return uint32_t(std::min<uint64_t>(asked, (free - footprint.weightBytes) / footprint.kvBytesPerToken));
}

bool EngineThread::makeRoom(uint64_t bytes, const Conversation* keep)
{
    const uint64_t limit = budget();
    while (bytes > limit || usedBytes() > limit - bytes) {
        Conversation* oldest = nullptr;
        for (auto& [id, model] : m_models) {
            for (auto& [cid, conversation] : model->conversations) {
                if (conversation->hasCache() && !conversation->busy && conversation.get() != keep
                    && (!oldest || conversation->lastUsed < oldest->lastUsed))
                    oldest = conversation.get();
            }
        }
        if (!oldest)
            return false;
        oldest->release(); // its next turn re-reads the whole conversation
    }
    return true;
}

std::string EngineThread::loadedModelNames() const
{
    std::string names;
    for (const auto& [id, model] : m_models)
        names += (names.empty() ? "" : ", ") + model->summary.name + " (" + mib(model->footprint.weightBytes) + ")";
    return names;
}

void EngineThread::handle(LoadCommand& c)
{
    if (!m_factory.footprint || !m_factory.load) {
        emit(event::Failed{c.id, makeError(ErrorCode::Unsupported, "this engine has no model loader")});
        return;
    }
    Result<ModelFootprint> footprint = m_factory.footprint(c.request);
    if (!footprint) {
        emit(event::Failed{c.id, footprint.error()});
        return;
    }
    // The file's trained length unless the request says otherwise, capped by the longest cache
    // one GPU buffer per layer holds; when that does not fit next to the loaded models, the
    // largest context that does (makeRoom has then freed every idle cache).
    const uint32_t askedContext = c.request.contextLength ? c.request.contextLength
        : footprint->trainedContextLength                  ? footprint->trainedContextLength
                                                            : kFallbackContextLength;
    uint32_t contextLength = askedContext;
    std::string contextNote;
    if (footprint->maxContextLength > 0 && contextLength > footprint->maxContextLength) {
        contextLength = footprint->maxContextLength;
        contextNote = "a " + std::to_string(askedContext) + "-token KV cache does not fit one buffer of this device; "
            + "loaded with " + std::to_string(contextLength) + " tokens instead";
    }
    uint64_t needed = footprint->weightBytes + footprint->kvBytesPerToken * contextLength;
    bool fits = makeRoom(needed, nullptr);
    if (!fits) {
        const uint32_t fitting = largestFittingContext(*footprint, contextLength);
        if (fitting >= std::min(contextLength, kMinCappedContextLength)) {
            contextLength = fitting;
            needed = footprint->weightBytes + footprint->kvBytesPerToken * contextLength;
            fits = true;
            contextNote = "a " + std::to_string(askedContext) + "-token context does not fit in the free device memory ("
                + mib(budget() - std::min(budget(), usedBytes())) + "); loaded with " + std::to_string(contextLength)
                + " tokens instead";
        }
    }
    if (!contextNote.empty())
        log::get("engine.session")->warn("{}: {}", c.request.path, contextNote);
    if (!fits) {
        const uint64_t limit = budget();
        std::string message = c.request.path + " needs " + mib(needed) + " of device memory (weights and a "
            + std::to_string(contextLength) + "-token context) but ";
        message += m_models.empty() ? "the budget is " + mib(limit) + ". Try a smaller context or a smaller quantization."
                                    : "only " + mib(limit - std::min(limit, usedBytes())) + " of " + mib(limit)
                + " are free next to " + loadedModelNames()
                + ". Unload a model first, or run the models one after the other.";
        emit(event::Failed{c.id, makeError(ErrorCode::OutOfDeviceMemory, message)});
        return;
    }

    m_cancelLoading = false; // before m_loading: a cancel() in between must not be lost
    m_loading = c.id;
    const RequestId id = c.id;
    Result<LoadedModel> loaded = m_factory.load(c.request, [this, id](float fraction) {
        emit(event::LoadProgress{id, fraction});
        return !m_cancelLoading.load();
    });
    m_loading = 0;
    if (!loaded) {
        emit(event::Failed{c.id, loaded.error()});
        return;
    }
    if (m_cancelLoading) {
        emit(event::Failed{c.id, makeError(ErrorCode::Cancelled, "loading was cancelled")});
        return;
    }

    auto entry = std::make_unique<ModelEntry>();
    entry->id = c.id;
    entry->loaded = std::move(*loaded);
    entry->footprint = *footprint;
    entry->contextLength = contextLength;
    ModelSummary& s = entry->summary;
    s.name = entry->loaded.name;
    s.trainedContextLength = entry->loaded.model->trainedContextLength();
    s.contextLength = contextLength;
    s.vocabSize = entry->loaded.model->vocabSize();
    s.deviceBytes = needed;
    s.continuationMode = entry->loaded.formatter == nullptr;
    s.templateWarning = entry->loaded.templateWarning;
    s.contextNote = contextNote;
    s.samplingDefaults = entry->loaded.samplingDefaults;
    emit(event::Loaded{c.id, s});
    m_models.emplace(c.id, std::move(entry));
}

void EngineThread::handle(UnloadCommand& c)
{
    auto it = m_models.find(c.model);
    if (it == m_models.end()) {
        emit(event::Failed{c.id, makeError(ErrorCode::InvalidArgument, "no loaded model has id " + std::to_string(c.model))});
        return;
    }
    for (auto g = m_active.begin(); g != m_active.end();) {
        if ((*g)->modelId() == c.model) {
            (*g)->fail(makeError(ErrorCode::Cancelled, "the model was unloaded"));
            g = m_active.erase(g);
        } else {
            ++g;
        }
    }
    m_models.erase(it);
    emit(event::Unloaded{c.id, c.model});
}

void EngineThread::handle(GenerateCommand& c)
{
    auto it = m_models.find(c.request.model);
    if (it == m_models.end()) {
        emit(event::Failed{c.id, makeError(ErrorCode::InvalidArgument,
                                     "no loaded model has id " + std::to_string(c.request.model) + "; load it first")});
        return;
    }
    ModelEntry& model = *it->second;
    std::unique_ptr<Conversation>& slot = model.conversations[c.request.conversation];
    if (!slot)
        slot = std::make_unique<Conversation>(*model.loaded.model, model.contextLength);
    Conversation& conversation = *slot;
    if (conversation.busy) {
        emit(event::Failed{c.id, makeError(ErrorCode::InvalidArgument,
                                     "this conversation is already generating a reply; cancel it first")});
        return;
    }
    conversation.lastUsed = m_tick;
    size_t cachedConversations = 0;
    for (const auto& [cid, other] : model.conversations)
        cachedConversations += other->hasCache() ? 1 : 0;
    // The first cache of a model was reserved with its weights; further ones need room of their own.
    const uint64_t extra = cachedConversations > 0 ? model.cacheBytes() : 0;
    if (!conversation.hasCache() && !makeRoom(extra, &conversation)) {
        emit(event::Failed{c.id, makeError(ErrorCode::OutOfDeviceMemory,
                                     "no device memory left for another conversation's cache (" + mib(model.cacheBytes())
                                         + "); finish or close another conversation")});
        return;
    }
    auto generation = std::make_unique<Generation>(c.id, std::move(c.request), model, conversation,
        [this](const EngineEvent& e) { emit(e); }, m_options.prefillChunk, c.received);
    if (generation->start())
        m_active.push_back(std::move(generation));
}

void EngineThread::handle(CancelCommand& c)
{
    for (auto g = m_active.begin(); g != m_active.end(); ++g) {
        if ((*g)->id() == c.target) {
            (*g)->cancel();
            m_active.erase(g);
            return;
        }
    }
    // Finished already, or never existed: nothing to do, and nothing to report.
}

void EngineThread::handle(CloseCommand& c)
{
    auto it = m_models.find(c.model);
    if (it == m_models.end())
        return;
    auto conv = it->second->conversations.find(c.conversation);
    if (conv == it->second->conversations.end())
        return;
    // A running generation keeps its conversation; it is closed when asked again after it ends.
    if (!conv->second->busy)
        it->second->conversations.erase(conv);
}

Result<std::unique_ptr<Engine>> createEngine(EngineOptions options, ModelFactory factory)
{
    return std::unique_ptr<Engine>(std::make_unique<EngineThread>(options, std::move(factory)));
}

} // namespace agora::session
