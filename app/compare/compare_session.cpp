// A comparison's panes as a list model, its settings, and loading the models into bridge slots
// (with the fall-back to one model at a time). Turns and streaming are in
// compare_session_turns.cpp, the store side in compare_session_history.cpp, exports in
// compare_session_export.cpp.
#include "compare/compare_session.h"

#include <QFileInfo>

namespace agora::app {

namespace {

const QString kOutOfMemory = QStringLiteral("out-of-device-memory");

} // namespace

CompareSession::CompareSession(QObject* parent) : QAbstractListModel(parent) {}

CompareSession::~CompareSession()
{
    // Slots are the bridge's; leaving them loaded would hold device memory for nothing.
    if (EngineBridge* bridge = m_bridge.data()) {
        for (const Pane& pane : std::as_const(m_panes)) {
            if (pane.ticket != 0)
                bridge->stop(pane.ticket);
            if (pane.slot != 0)
                bridge->unloadSlot(pane.slot);
        }
    }
    finishOpenStreams(QStringLiteral("cancelled"));
}

int CompareSession::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_panes.size());
}

QHash<int, QByteArray> CompareSession::roleNames() const
{
    return {
        {PaneIndexRole, "paneIndex"},
        {ModelNameRole, "modelName"},
        {ModelPathRole, "modelPath"},
        {TextRole, "text"},
        {ReasoningRole, "reasoning"},
        {StreamingRole, "streaming"},
        {LoadProgressRole, "loadProgress"},
        {TimeToFirstTokenMsRole, "timeToFirstTokenMs"},
        {TokensPerSecondRole, "tokensPerSecond"},
        {GeneratedTokensRole, "generatedTokens"},
        {StopReasonRole, "stopReason"},
        {RefusalRole, "refusal"},
        {ErrorRole, "error"},
        {PaneStateRole, "paneState"},
        {PromptRole, "prompt"},
        {EarlierTurnsRole, "earlierTurns"},
    };
}

QVariant CompareSession::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const Pane& pane = m_panes.at(row);
    const CompareAnswer& a = pane.current;
    switch (role) {
    case PaneIndexRole: return row;
    case Qt::DisplayRole:
    case ModelNameRole: return displayName(row);
    case ModelPathRole: return m_blind && !m_revealed ? QString() : pane.path;
    case TextRole: return a.text;
    case ReasoningRole: return a.reasoning;
    case StreamingRole: return pane.state == PaneState::Streaming;
    case LoadProgressRole: return pane.loadProgress;
    case TimeToFirstTokenMsRole: return a.timeToFirstTokenMs;
    case TokensPerSecondRole: return a.tokensPerSecond;
    case GeneratedTokensRole: return a.generatedTokens;
    case StopReasonRole: return a.stopReason;
    case RefusalRole: return a.refusal;
    case ErrorRole: return a.error;
    case PaneStateRole: return QVariant::fromValue(static_cast<int>(pane.state));
    case PromptRole: return a.prompt;
    case EarlierTurnsRole: {
        QVariantList turns;
        for (const CompareAnswer& earlier : pane.earlier)
            turns.append(earlier.toVariantMap());
        return turns;
    }
    default: return {};
    }
}

QString CompareSession::blindLabel(int paneIndex)
{
    //: A model's name hidden in a blind comparison: "Model A", "Model B", ...
    return tr("Model %1").arg(QChar(u'A' + paneIndex));
}

QString CompareSession::displayName(int pane) const
{
    if (m_blind && !m_revealed)
        return blindLabel(pane);
    // Two models that call themselves the same (many say just "llama") are told apart by file.
    const Pane& own = m_panes.at(pane);
    for (int other = 0; other < m_panes.size(); ++other) {
        if (other != pane && m_panes.at(other).name == own.name && m_panes.at(other).path != own.path)
            return QStringLiteral("%1 (%2)").arg(own.name, QFileInfo(own.path).completeBaseName());
    }
    return own.name;
}

void CompareSession::changed(int pane, const QList<int>& roles)
{
    const QModelIndex at = index(pane);
    emit dataChanged(at, at, roles);
}

// --- properties --------------------------------------------------------------------------------

void CompareSession::setBridge(EngineBridge* bridge)
{
    if (m_bridge == bridge)
        return;
    if (m_bridge) {
        unload();
        disconnect(m_bridge, nullptr, this, nullptr);
    }
    m_bridge = bridge;
    if (bridge) {
        connect(bridge, &EngineBridge::slotLoadProgress, this, &CompareSession::onSlotLoadProgress);
        connect(bridge, &EngineBridge::slotLoaded, this, &CompareSession::onSlotLoaded);
        connect(bridge, &EngineBridge::slotLoadFailed, this, &CompareSession::onSlotLoadFailed);
        connect(bridge, &EngineBridge::slotUnloaded, this, &CompareSession::onSlotUnloaded);
        connect(bridge, &EngineBridge::replyDelta, this, &CompareSession::onReplyDelta);
        connect(bridge, &EngineBridge::replyFinished, this, &CompareSession::onReplyFinished);
        connect(bridge, &EngineBridge::replyFailed, this, &CompareSession::onReplyFailed);
    }
    emit bridgeChanged();
}

QStringList CompareSession::modelPaths() const
{
    QStringList paths;
    for (const Pane& pane : m_panes)
        paths.append(pane.path);
    return paths;
}

void CompareSession::setModelPaths(const QStringList& paths)
{
    if (paths == modelPaths())
        return;
    unload();
    if (m_sequentialAfterOutOfMemory) {
        m_sequentialAfterOutOfMemory = false;
        m_sequential = false;
        emit sequentialChanged();
        setNotice(QString());
    }
    clearPanes(paths);
    m_prompts.clear();
    m_title.clear();
    if (m_conversationId != 0) {
        m_conversationId = 0;
        emit conversationIdChanged();
    }
    emit turnCountChanged();
    emit modelPathsChanged();
}

void CompareSession::clearPanes(const QStringList& paths)
{
    beginResetModel();
    m_panes.clear();
    for (const QString& path : paths) {
        Pane pane;
        pane.path = path;
        pane.name = QFileInfo(path).completeBaseName();
        m_panes.append(pane);
    }
    endResetModel();
    emit countChanged();
}

void CompareSession::setSystemPrompt(const QString& prompt)
{
    if (m_systemPrompt == prompt)
        return;
    m_systemPrompt = prompt;
    emit systemPromptChanged();
}

void CompareSession::setSampling(const QVariantMap& sampling)
{
    if (m_sampling == sampling)
        return;
    m_sampling = sampling;
    emit samplingChanged();
}

void CompareSession::setMaxTokens(int tokens)
{
    if (m_maxTokens == tokens || tokens <= 0)
        return;
    m_maxTokens = tokens;
    emit maxTokensChanged();
}

void CompareSession::setBlind(bool blind)
{
    if (m_blind == blind)
        return;
    m_blind = blind;
    m_revealed = false;
    emit blindChanged();
    if (!m_panes.isEmpty())
        emit dataChanged(index(0), index(static_cast<int>(m_panes.size()) - 1), {ModelNameRole, ModelPathRole, Qt::DisplayRole});
}

void CompareSession::reveal()
{
    if (!m_blind || m_revealed)
        return;
    m_revealed = true;
    emit blindChanged();
    if (!m_panes.isEmpty())
        emit dataChanged(index(0), index(static_cast<int>(m_panes.size()) - 1), {ModelNameRole, ModelPathRole, Qt::DisplayRole});
}

void CompareSession::setSequential(bool sequential)
{
    if (m_sequential == sequential || busy())
        return;
    // Switching modes starts from nothing loaded; the next load() or send() sets it up again.
    unload();
    m_sequential = sequential;
    m_sequentialAfterOutOfMemory = false;
    emit sequentialChanged();
    setNotice(sequential ? sequentialNotice() : QString());
}

QString CompareSession::sequentialNotice() const
{
    return tr("These models do not fit into the graphics memory together, so they answer one after "
              "another: each model is loaded, answers and is unloaded before the next one starts.");
}

void CompareSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged();
}

void CompareSession::setError(const QString& error)
{
    if (m_error == error)
        return;
    m_error = error;
    emit errorChanged();
}

void CompareSession::setNotice(const QString& notice)
{
    if (m_notice == notice)
        return;
    m_notice = notice;
    emit noticeChanged();
}

void CompareSession::setPaneSampling(int index, const QVariantMap& sampling)
{
    if (index < 0 || index >= m_panes.size())
        return;
    m_panes[index].samplingOverride = sampling;
}

QVariantMap CompareSession::paneSampling(int index) const
{
    return index >= 0 && index < m_panes.size() ? m_panes.at(index).samplingOverride : QVariantMap();
}

QString CompareSession::paneText(int index) const
{
    return index >= 0 && index < m_panes.size() ? m_panes.at(index).current.text : QString();
}

int CompareSession::paneOfSlot(quint64 slot) const
{
    for (int i = 0; i < m_panes.size(); ++i) {
        if (slot != 0 && m_panes.at(i).slot == slot)
            return i;
    }
    return -1;
}

int CompareSession::paneOfTicket(quint64 ticket) const
{
    for (int i = 0; i < m_panes.size(); ++i) {
        if (ticket != 0 && m_panes.at(i).ticket == ticket)
            return i;
    }
    return -1;
}

// --- generation specs --------------------------------------------------------------------------

std::optional<SamplingSettings> CompareSession::samplingFor(const Pane& pane) const
{
    QVariantMap merged = m_sampling;
    for (auto it = pane.samplingOverride.cbegin(); it != pane.samplingOverride.cend(); ++it)
        merged.insert(it.key(), it.value());
    if (merged.isEmpty())
        return std::nullopt;
    SamplingSettings s;
    auto read = [&merged](const char* key, auto& target) {
        const QVariant value = merged.value(QLatin1String(key));
        if (value.isValid() && value.canConvert<double>())
            target = static_cast<std::remove_reference_t<decltype(target)>>(value.toDouble());
    };
    read("temperature", s.temperature);
    read("topK", s.topK);
    read("topP", s.topP);
    read("minP", s.minP);
    read("repeatPenalty", s.repeatPenalty);
    if (const QVariant seed = merged.value(QStringLiteral("seed")); seed.isValid())
        s.seed = seed.toULongLong();
    return s;
}

GenerationSpec CompareSession::specFor(const Pane& pane, const QString& prompt) const
{
    GenerationSpec spec;
    spec.conversation = pane.engineConversation;
    spec.maxTokens = m_maxTokens;
    spec.sampling = samplingFor(pane);
    if (!m_systemPrompt.isEmpty())
        spec.messages.append({QStringLiteral("system"), m_systemPrompt});
    spec.messages.append(pane.thread);
    spec.messages.append({QStringLiteral("user"), prompt});
    // A base model has no chat format: it continues the text it is given, as in the chat view.
    if (pane.continuationMode)
        spec.rawPrompt = prompt;
    return spec;
}

// --- loading -----------------------------------------------------------------------------------

bool CompareSession::load()
{
    if (!m_bridge) {
        setError(tr("The engine is not available."));
        return false;
    }
    if (m_panes.size() < kMinimumPanes || m_panes.size() > kMaximumPanes) {
        setError(tr("Choose between two and four models to compare."));
        return false;
    }
    if (busy())
        return false;
    if (m_prepared) {
        if (!m_pendingPrompt.isEmpty())
            startTurn(std::exchange(m_pendingPrompt, QString()));
        return true;
    }
    setError(QString());
    if (m_sequential) {
        // Nothing loads now: every turn loads each model in its turn.
        m_prepared = true;
        setNotice(sequentialNotice());
        setState(State::Ready);
        emit loaded();
        if (!m_pendingPrompt.isEmpty())
            startTurn(std::exchange(m_pendingPrompt, QString()));
        return true;
    }
    startConcurrentLoad();
    return true;
}

void CompareSession::startConcurrentLoad()
{
    EngineBridge* bridge = m_bridge.data();
    setNotice(QString());
    setState(State::Loading);
    for (int i = 0; i < m_panes.size(); ++i) {
        Pane& pane = m_panes[i];
        if (pane.slot != 0)
            continue;
        pane.slotReady = false;
        pane.loadProgress = 0.0;
        pane.state = PaneState::Loading;
        pane.engineConversation = m_nextEngineConversation++;
        pane.slot = bridge->loadSlot(pane.path);
        changed(i, {LoadProgressRole, PaneStateRole});
    }
}

void CompareSession::onSlotLoadProgress(quint64 slot, double fraction)
{
    const int i = paneOfSlot(slot);
    if (i < 0)
        return;
    m_panes[i].loadProgress = fraction;
    changed(i, {LoadProgressRole});
}

void CompareSession::onSlotLoaded(quint64 slot, const QVariantMap& info)
{
    const int i = paneOfSlot(slot);
    if (i < 0)
        return;
    Pane& pane = m_panes[i];
    pane.slotReady = true;
    pane.loadProgress = 1.0;
    if (const QString name = info.value(QStringLiteral("name")).toString(); !name.isEmpty())
        pane.name = name;
    pane.continuationMode = info.value(QStringLiteral("continuationMode")).toBool();
    changed(i, {LoadProgressRole});
    emit dataChanged(index(0), index(static_cast<int>(m_panes.size()) - 1), {ModelNameRole, Qt::DisplayRole});
    if (m_sequential) {
        if (m_state == State::Running && i == m_sequentialPane)
            startPaneReply(i);
        else if (EngineBridge* bridge = m_bridge.data())
            bridge->unloadSlot(slot); // a load the turn no longer wants (stopped, reset): free it
        return;
    }
    pane.state = PaneState::Idle;
    changed(i, {PaneStateRole});
    for (const Pane& other : std::as_const(m_panes)) {
        if (!other.slotReady)
            return;
    }
    m_prepared = true;
    setState(State::Ready);
    emit loaded();
    if (!m_pendingPrompt.isEmpty())
        startTurn(std::exchange(m_pendingPrompt, QString()));
}

void CompareSession::onSlotLoadFailed(quint64 slot, const QString& message, const QString& code)
{
    const int i = paneOfSlot(slot);
    if (i < 0)
        return;
    Pane& pane = m_panes[i];
    pane.slot = 0;
    pane.slotReady = false;
    pane.loadProgress = 0.0;
    if (m_fallingBack) {
        if (allSlotsGone())
            fallBackToSequential();
        return;
    }
    if (m_sequential) {
        // One model that cannot load spoils only its own answer; the others still answer.
        if (m_state == State::Running && i == m_sequentialPane) {
            pane.current.error = message;
            pane.state = PaneState::Failed;
            changed(i);
            finishStoredAnswer(i);
            startNextSequentialPane();
        }
        return;
    }
    if (code == kOutOfMemory) {
        m_fallingBack = true;
        unloadAllSlots();
        if (allSlotsGone())
            fallBackToSequential();
        return;
    }
    pane.state = PaneState::Failed;
    pane.current.error = message;
    changed(i);
    unloadAllSlots();
    m_pendingPrompt.clear();
    for (int p = 0; p < m_panes.size(); ++p) {
        if (m_panes.at(p).state == PaneState::Waiting || m_panes.at(p).state == PaneState::Loading) {
            m_panes[p].state = PaneState::Idle;
            changed(p, {PaneStateRole});
        }
    }
    //: %1 is a model's name, %2 why it could not be loaded.
    const QString sentence = tr("%1 could not be loaded: %2").arg(pane.name, message);
    setError(sentence);
    setState(State::Failed);
    emit failed(sentence);
}

// Every slot is gone after an out-of-memory load: from now on each turn loads one model at a time.
void CompareSession::fallBackToSequential()
{
    if (!m_fallingBack || !allSlotsGone())
        return;
    m_fallingBack = false;
    if (!m_sequential) {
        m_sequential = true;
        m_sequentialAfterOutOfMemory = true;
        emit sequentialChanged();
    }
    for (int i = 0; i < m_panes.size(); ++i) {
        Pane& pane = m_panes[i];
        pane.loadProgress = 0.0;
        if (pane.state == PaneState::Loading)
            pane.state = m_pendingPrompt.isEmpty() ? PaneState::Idle : PaneState::Waiting;
        changed(i, {LoadProgressRole, PaneStateRole});
    }
    setState(State::Idle);
    load();
}

void CompareSession::unloadAllSlots()
{
    EngineBridge* bridge = m_bridge.data();
    for (Pane& pane : m_panes) {
        if (pane.slot != 0 && bridge != nullptr)
            bridge->unloadSlot(pane.slot);
        pane.slotReady = false;
    }
}

bool CompareSession::allSlotsGone() const
{
    for (const Pane& pane : m_panes) {
        if (pane.slot != 0)
            return false;
    }
    return true;
}

void CompareSession::onSlotUnloaded(quint64 slot)
{
    const int i = paneOfSlot(slot);
    if (i < 0)
        return;
    m_panes[i].slot = 0;
    m_panes[i].slotReady = false;
    m_panes[i].loadProgress = 0.0;
    changed(i, {LoadProgressRole});
    if (m_fallingBack) {
        fallBackToSequential();
        return;
    }
    if (m_sequential && m_state == State::Running && i == m_sequentialPane)
        startNextSequentialPane();
}

void CompareSession::unload()
{
    stop();
    finishOpenStreams(QStringLiteral("cancelled"));
    unloadAllSlots();
    for (int i = 0; i < m_panes.size(); ++i) {
        Pane& pane = m_panes[i];
        pane.ticket = 0;
        if (pane.state != PaneState::Done && pane.state != PaneState::Failed)
            pane.state = PaneState::Idle;
        changed(i);
    }
    m_fallingBack = false;
    m_prepared = false;
    m_pendingPrompt.clear();
    m_sequentialPane = -1;
    m_stopRequested = false;
    setState(State::Idle);
}

} // namespace agora::app
