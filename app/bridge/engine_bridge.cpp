#include "bridge/engine_bridge.h"

#include <QCoreApplication>

namespace agora::app {
namespace {

constexpr int CoalesceIntervalMs = 30;

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

quint64 requestOf(const BackendEvent& event)
{
    return std::visit([](const auto& e) { return e.request; }, event);
}

bool endsRequest(const BackendEvent& event)
{
    return std::holds_alternative<backend_event::Loaded>(event) || std::holds_alternative<backend_event::Unloaded>(event)
        || std::holds_alternative<backend_event::Finished>(event) || std::holds_alternative<backend_event::Failed>(event);
}

} // namespace

// --- worker thread ------------------------------------------------------------------------------

EngineWorker::EngineWorker(std::shared_ptr<EngineBackend> backend, Deliver deliver)
    : m_backend(std::move(backend)), m_deliver(std::move(deliver))
{
}

EngineWorker::~EngineWorker()
{
    // After this returns the backend calls no sink that points at this object any more.
    if (m_sinkAttached)
        m_backend->setEventSink({});
}

void EngineWorker::attachSink()
{
    if (m_sinkAttached)
        return;
    m_sinkAttached = true;
    // Backend events come from its own thread; hop onto this one, where the id map lives and
    // where the request that caused the event has already been recorded.
    m_backend->setEventSink([this](const BackendEvent& event) {
        QMetaObject::invokeMethod(this, [this, event] { route(event); }, Qt::QueuedConnection);
    });
}

void EngineWorker::route(const BackendEvent& event)
{
    const quint64 request = requestOf(event);
    const auto found = m_ticketByRequest.constFind(request);
    if (found == m_ticketByRequest.constEnd())
        return; // a request from before a restart of the sink, or a duplicate terminal event
    const quint64 ticket = found.value();
    if (const auto* loaded = std::get_if<backend_event::Loaded>(&event))
        m_modelByTicket.insert(ticket, loaded->request);
    if (endsRequest(event))
        m_ticketByRequest.remove(request);
    m_deliver(ticket, event);
}

void EngineWorker::scanDevices()
{
    emit devicesScanned(m_backend->scanDevices());
}

void EngineWorker::inspectModel(quint64 ticket, const QString& path, int contextLength)
{
    emit modelInspected(ticket, path, m_backend->inspectModel(path, contextLength));
}

void EngineWorker::computeLeaderboard(quint64 ticket, const QList<ArenaVoteRecord>& votes, quint64 seed)
{
    emit leaderboardComputed(ticket, m_backend->arenaLeaderboard(votes, seed));
}

void EngineWorker::loadPromptSuite(quint64 ticket, const QString& nameOrPath)
{
    emit promptSuiteLoaded(ticket, m_backend->loadPromptSuite(nameOrPath));
}

void EngineWorker::loadModel(quint64 ticket, const QString& path, int contextLength, const QString& device)
{
    attachSink();
    m_ticketByRequest.insert(m_backend->loadModel(path, contextLength, device), ticket);
}

void EngineWorker::unloadModel(quint64 ticket, quint64 model)
{
    attachSink();
    const quint64 backendModel = m_modelByTicket.take(model);
    m_ticketByRequest.insert(m_backend->unloadModel(backendModel), ticket);
}

void EngineWorker::generate(quint64 ticket, const GenerationSpec& spec)
{
    attachSink();
    GenerationSpec backendSpec = spec;
    backendSpec.model = m_modelByTicket.value(spec.model);
    m_ticketByRequest.insert(m_backend->generate(backendSpec), ticket);
}

void EngineWorker::cancel(quint64 ticket)
{
    for (auto it = m_ticketByRequest.cbegin(); it != m_ticketByRequest.cend(); ++it) {
        if (it.value() == ticket) {
            m_backend->cancel(it.key());
            return;
        }
    }
}

void EngineWorker::closeConversation(quint64 model, quint64 conversation)
{
    if (const auto found = m_modelByTicket.constFind(model); found != m_modelByTicket.constEnd())
        m_backend->closeConversation(found.value(), conversation);
}

// --- GUI thread ---------------------------------------------------------------------------------

EngineBridge::EngineBridge(std::shared_ptr<EngineBackend> backend, QObject* parent) : QObject(parent)
{
    m_worker = new EngineWorker(std::move(backend), [this](quint64 ticket, const BackendEvent& event) {
        QMetaObject::invokeMethod(this, [this, ticket, event] { onEvent(ticket, event); }, Qt::QueuedConnection);
    });
    m_thread.setObjectName(QStringLiteral("agora-engine-bridge"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // Both directions are queued: the GUI never blocks on the worker and vice versa.
    connect(this, &EngineBridge::scanRequested, m_worker, &EngineWorker::scanDevices, Qt::QueuedConnection);
    connect(m_worker, &EngineWorker::devicesScanned, this, &EngineBridge::onDevicesScanned, Qt::QueuedConnection);
    connect(this, &EngineBridge::inspectRequested, m_worker, &EngineWorker::inspectModel, Qt::QueuedConnection);
    connect(m_worker, &EngineWorker::modelInspected, this, &EngineBridge::onInspected, Qt::QueuedConnection);
    connect(this, &EngineBridge::leaderboardRequested, m_worker, &EngineWorker::computeLeaderboard, Qt::QueuedConnection);
    connect(m_worker, &EngineWorker::leaderboardComputed, this, [this](quint64 ticket, const QList<ArenaStandingRecord>& table) {
        QVariantList rows;
        for (const ArenaStandingRecord& s : table) {
            rows.append(QVariantMap{{QStringLiteral("model"), s.model}, {QStringLiteral("rating"), s.rating},
                                    {QStringLiteral("ciLow"), s.ciLow}, {QStringLiteral("ciHigh"), s.ciHigh},
                                    {QStringLiteral("votes"), s.votes}, {QStringLiteral("wins"), s.wins},
                                    {QStringLiteral("losses"), s.losses}, {QStringLiteral("ties"), s.ties},
                                    {QStringLiteral("bothBad"), s.bothBad}, {QStringLiteral("winRate"), s.winRate}});
        }
        emit leaderboardComputed(ticket, rows);
    }, Qt::QueuedConnection);
    connect(this, &EngineBridge::suiteRequested, m_worker, &EngineWorker::loadPromptSuite, Qt::QueuedConnection);
    connect(m_worker, &EngineWorker::promptSuiteLoaded, this, [this](quint64 ticket, const SuiteLoadResult& result) {
        QVariantList prompts;
        for (const SuitePrompt& p : result.prompts) {
            prompts.append(QVariantMap{{QStringLiteral("id"), p.id}, {QStringLiteral("category"), p.category},
                                       {QStringLiteral("language"), p.language}, {QStringLiteral("system"), p.system},
                                       {QStringLiteral("text"), p.text}});
        }
        emit promptSuiteLoaded(ticket, prompts, result.error ? describeError(*result.error) : QString());
    }, Qt::QueuedConnection);
    connect(this, &EngineBridge::loadRequested, m_worker, &EngineWorker::loadModel, Qt::QueuedConnection);
    connect(this, &EngineBridge::unloadRequested, m_worker, &EngineWorker::unloadModel, Qt::QueuedConnection);
    connect(this, &EngineBridge::generateRequested, m_worker, &EngineWorker::generate, Qt::QueuedConnection);
    connect(this, &EngineBridge::cancelRequested, m_worker, &EngineWorker::cancel, Qt::QueuedConnection);
    connect(this, &EngineBridge::closeRequested, m_worker, &EngineWorker::closeConversation, Qt::QueuedConnection);
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(CoalesceIntervalMs);
    connect(&m_coalesce, &QTimer::timeout, this, &EngineBridge::flushDeltas);
    m_thread.start();
}

EngineBridge::~EngineBridge()
{
    // Replies in flight are cancelled so the engine does not keep computing for nobody; a scan
    // in progress finishes first (a driver call cannot be interrupted). Results still queued
    // for this object are dropped with it.
    stopAll();
    m_thread.quit();
    m_thread.wait(); // the worker was deleted on the thread's way out (deleteLater on finished)
}

void EngineBridge::refreshDevices()
{
    if (m_scanning)
        return;
    m_scanning = true;
    emit scanningChanged();
    emit scanRequested();
}

void EngineBridge::onDevicesScanned(const DeviceScan& scan)
{
    m_lastScan = scan;
    m_hasScan = true;
    m_scanning = false;
    emit devicesScanned(m_lastScan);
    emit scanningChanged();
}

bool EngineBridge::loadModel(const QString& path, int contextLength, const QString& device)
{
    if (m_modelState == ModelState::Loading || m_modelState == ModelState::Ready || m_modelState == ModelState::Unloading)
        return false;
    m_loadTicket = m_nextTicket++;
    m_model = LoadedModelInfo{};
    m_model.path = path;
    m_modelError.clear();
    m_loadProgress = 0.0;
    emit loadProgressChanged();
    setModelState(ModelState::Loading);
    emit loadRequested(m_loadTicket, path, contextLength, device);
    return true;
}

void EngineBridge::unloadModel()
{
    if (m_modelState != ModelState::Ready)
        return;
    stopAll();
    m_unloadTicket = m_nextTicket++;
    setModelState(ModelState::Unloading);
    emit unloadRequested(m_unloadTicket, m_loadTicket);
}

quint64 EngineBridge::generate(GenerationSpec spec)
{
    const quint64 ticket = m_nextTicket++;
    if (m_modelState != ModelState::Ready) {
        const QString reason = tr("Load a model before sending a message.");
        QMetaObject::invokeMethod(this, [this, ticket, reason] { emit replyFailed(ticket, reason); }, Qt::QueuedConnection);
        return ticket;
    }
    spec.model = m_loadTicket;
    PendingReply& reply = m_replies[ticket];
    reply.clock.start();
    reply.modelName = m_model.name;
    if (m_replies.size() == 1)
        emit generatingChanged();
    emit generateRequested(ticket, spec);
    return ticket;
}

quint64 EngineBridge::inspectModel(const QString& path, int contextLength)
{
    const quint64 ticket = m_nextTicket++;
    emit inspectRequested(ticket, path, contextLength);
    return ticket;
}

void EngineBridge::onInspected(quint64 ticket, const QString& path, const InspectResult& result)
{
    emit modelInspected(ticket, path, result.card, result.error ? describeError(*result.error) : QString());
}

quint64 EngineBridge::computeLeaderboard(const QVariantList& votes, quint64 seed)
{
    const quint64 ticket = m_nextTicket++;
    QList<ArenaVoteRecord> records;
    for (const QVariant& vote : votes) {
        const QVariantMap v = vote.toMap();
        records.append(ArenaVoteRecord{v.value(QStringLiteral("modelA")).toString(),
                                       v.value(QStringLiteral("modelB")).toString(),
                                       v.value(QStringLiteral("outcome")).toString()});
    }
    emit leaderboardRequested(ticket, records, seed);
    return ticket;
}

quint64 EngineBridge::loadPromptSuite(const QString& nameOrPath)
{
    const quint64 ticket = m_nextTicket++;
    emit suiteRequested(ticket, nameOrPath);
    return ticket;
}

quint64 EngineBridge::loadSlot(const QString& path, int contextLength, const QString& device)
{
    const quint64 slot = m_nextTicket++;
    Slot& entry = m_slots[slot];
    entry.info.path = path;
    emit loadRequested(slot, path, contextLength, device);
    return slot;
}

void EngineBridge::unloadSlot(quint64 slot)
{
    auto found = m_slots.find(slot);
    if (found == m_slots.end() || found->unloadTicket != 0)
        return;
    for (auto it = m_replies.cbegin(); it != m_replies.cend(); ++it) {
        if (it->slot == slot)
            emit cancelRequested(it.key());
    }
    found->unloadTicket = m_nextTicket++;
    m_slotByUnload.insert(found->unloadTicket, slot);
    // A slot still loading is unloaded once its Loaded arrives (the worker knows no model yet).
    if (found->loaded)
        emit unloadRequested(found->unloadTicket, slot);
}

quint64 EngineBridge::generateOn(quint64 slot, GenerationSpec spec)
{
    const quint64 ticket = m_nextTicket++;
    const auto found = m_slots.constFind(slot);
    if (found == m_slots.constEnd() || !found->loaded || found->unloadTicket != 0) {
        const QString reason = tr("This model is not loaded.");
        QMetaObject::invokeMethod(this, [this, ticket, reason] { emit replyFailed(ticket, reason); }, Qt::QueuedConnection);
        return ticket;
    }
    spec.model = slot;
    PendingReply& reply = m_replies[ticket];
    reply.clock.start();
    reply.modelName = found->info.name;
    reply.slot = slot;
    if (m_replies.size() == 1)
        emit generatingChanged();
    emit generateRequested(ticket, spec);
    return ticket;
}

QVariantMap EngineBridge::slotInfo(quint64 slot) const
{
    const auto found = m_slots.constFind(slot);
    if (found == m_slots.constEnd() || !found->loaded)
        return {};
    return {{QStringLiteral("name"), found->info.name},
            {QStringLiteral("path"), found->info.path},
            {QStringLiteral("contextLength"), found->info.contextLength},
            {QStringLiteral("deviceBytes"), found->info.deviceBytes},
            {QStringLiteral("continuationMode"), found->info.continuationMode},
            {QStringLiteral("templateWarning"), found->info.templateWarning}};
}

void EngineBridge::closeSlotConversation(quint64 slot, quint64 conversation)
{
    const auto found = m_slots.constFind(slot);
    if (found != m_slots.constEnd() && found->loaded)
        emit closeRequested(slot, conversation);
}

// Events of slot loads and unloads; false when the ticket is not a slot's.
bool EngineBridge::onSlotEvent(quint64 ticket, const BackendEvent& event)
{
    if (const auto unload = m_slotByUnload.constFind(ticket); unload != m_slotByUnload.constEnd()) {
        const quint64 slot = unload.value();
        if (std::holds_alternative<backend_event::Unloaded>(event) || std::holds_alternative<backend_event::Failed>(event)) {
            m_slotByUnload.remove(ticket);
            m_slots.remove(slot);
            emit slotUnloaded(slot);
        }
        return true;
    }
    auto found = m_slots.find(ticket);
    if (found == m_slots.end())
        return false;
    if (const auto* progress = std::get_if<backend_event::LoadProgress>(&event)) {
        emit slotLoadProgress(ticket, progress->fraction);
    } else if (const auto* loaded = std::get_if<backend_event::Loaded>(&event)) {
        found->loaded = true;
        const QString requestedPath = found->info.path;
        found->info = loaded->info;
        if (found->info.path.isEmpty())
            found->info.path = requestedPath;
        if (found->unloadTicket != 0) { // unloaded while it was loading
            emit unloadRequested(found->unloadTicket, ticket);
            return true;
        }
        emit slotLoaded(ticket, slotInfo(ticket));
    } else if (const auto* failed = std::get_if<backend_event::Failed>(&event)) {
        const bool unloading = found->unloadTicket != 0;
        if (unloading)
            m_slotByUnload.remove(found->unloadTicket);
        m_slots.erase(found);
        if (unloading)
            emit slotUnloaded(ticket);
        else
            emit slotLoadFailed(ticket, describeError(failed->error), failed->error.code);
    }
    return true;
}

void EngineBridge::stop(quint64 ticket)
{
    if (m_replies.contains(ticket))
        emit cancelRequested(ticket);
}

void EngineBridge::stopAll()
{
    for (auto it = m_replies.cbegin(); it != m_replies.cend(); ++it)
        emit cancelRequested(it.key());
}

void EngineBridge::closeConversation(quint64 conversation)
{
    if (m_modelState == ModelState::Ready)
        emit closeRequested(m_loadTicket, conversation);
}

void EngineBridge::setModelState(ModelState state)
{
    if (m_modelState == state)
        return;
    m_modelState = state;
    emit modelStateChanged();
}

void EngineBridge::flushReply(quint64 ticket, PendingReply& reply)
{
    if (reply.text.isEmpty() && reply.reasoning.isEmpty())
        return;
    const QString text = std::exchange(reply.text, QString());
    const QString reasoning = std::exchange(reply.reasoning, QString());
    emit replyDelta(ticket, text, reasoning);
}

void EngineBridge::flushDeltas()
{
    for (auto it = m_replies.begin(); it != m_replies.end(); ++it)
        flushReply(it.key(), it.value());
}

void EngineBridge::finishReply(quint64 ticket)
{
    m_replies.remove(ticket);
    if (m_replies.isEmpty())
        emit generatingChanged();
}

void EngineBridge::onEvent(quint64 ticket, const BackendEvent& event)
{
    if (onSlotEvent(ticket, event))
        return;
    std::visit(Overloaded{
        [&](const backend_event::LoadProgress& e) {
            if (ticket != m_loadTicket || m_modelState != ModelState::Loading)
                return;
            m_loadProgress = e.fraction;
            emit loadProgressChanged();
        },
        [&](const backend_event::Loaded& e) {
            if (ticket != m_loadTicket)
                return;
            const QString requestedPath = m_model.path;
            m_model = e.info;
            if (m_model.path.isEmpty()) // the engine's summary of a loaded model may not carry the path
                m_model.path = requestedPath;
            m_loadProgress = 1.0;
            emit loadProgressChanged();
            setModelState(ModelState::Ready);
        },
        [&](const backend_event::Unloaded&) {
            if (ticket != m_unloadTicket)
                return;
            m_model = LoadedModelInfo{};
            m_loadTicket = 0;
            m_loadProgress = 0.0;
            emit loadProgressChanged();
            setModelState(ModelState::NoModel);
        },
        [&](const backend_event::Delta& e) {
            auto found = m_replies.find(ticket);
            if (found == m_replies.end())
                return;
            (e.reasoning ? found->reasoning : found->text) += e.text;
            if (!m_coalesce.isActive())
                m_coalesce.start();
        },
        [&](const backend_event::Overflow& e) { emit contextOverflow(ticket, e.message); },
        [&](const backend_event::Finished& e) {
            auto found = m_replies.find(ticket);
            if (found == m_replies.end())
                return;
            flushReply(ticket, *found);
            const double seconds = found->clock.elapsed() / 1000.0;
            QVariantMap stats{
                {QStringLiteral("modelName"), found->modelName},
                {QStringLiteral("tokensPerSecond"), e.outcome.tokensPerSecond},
                {QStringLiteral("seconds"), seconds},
                {QStringLiteral("generatedTokens"), e.outcome.generatedTokens},
                {QStringLiteral("promptTokens"), e.outcome.promptTokens},
                {QStringLiteral("timeToFirstTokenMs"), e.outcome.timeToFirstTokenMs},
                {QStringLiteral("stopReason"), e.outcome.stopReason},
                {QStringLiteral("text"), e.outcome.text},
                {QStringLiteral("reasoning"), e.outcome.reasoning},
                {QStringLiteral("refusal"), e.outcome.refusal},
                {QStringLiteral("refusalPhrase"), e.outcome.refusalPhrase},
            };
            finishReply(ticket);
            emit replyFinished(ticket, stats);
        },
        [&](const backend_event::Failed& e) {
            const QString message = describeError(e.error);
            if (ticket == m_loadTicket && m_modelState == ModelState::Loading) {
                m_modelError = message;
                m_loadTicket = 0;
                setModelState(ModelState::Failed);
                emit modelLoadFailed(message);
                return;
            }
            if (ticket == m_unloadTicket) {
                m_modelError = message;
                setModelState(ModelState::Failed);
                return;
            }
            auto found = m_replies.find(ticket);
            if (found == m_replies.end())
                return;
            flushReply(ticket, *found);
            finishReply(ticket);
            emit replyFailed(ticket, message);
        },
    }, event);
}

QString EngineBridge::describeError(const BackendError& error)
{
    QString sentence;
    if (error.code == QLatin1String("io"))
        sentence = tr("The file could not be read.");
    else if (error.code == QLatin1String("bad-format"))
        sentence = tr("The file is damaged or is not a GGUF model.");
    else if (error.code == QLatin1String("unsupported"))
        sentence = tr("Agora cannot run this model yet.");
    else if (error.code == QLatin1String("out-of-device-memory"))
        sentence = tr("The model does not fit into the graphics card's memory.");
    else if (error.code == QLatin1String("device-lost"))
        sentence = tr("The graphics driver stopped working. Load the model again.");
    else if (error.code == QLatin1String("no-device"))
        sentence = tr("No graphics card that Agora can use was found.");
    else if (error.code == QLatin1String("cancelled"))
        sentence = tr("Stopped.");
    else
        sentence = tr("Something went wrong inside Agora.");
    if (error.message.isEmpty())
        return sentence;
    return sentence + u'\n' + error.message;
}

} // namespace agora::app
