// A comparison's turns: one prompt to every pane (all at once, or one model after another in
// sequential mode), the streamed answers, stop and reset.
#include "compare/compare_session.h"

namespace agora::app {

bool CompareSession::send(const QString& prompt)
{
    const QString trimmed = prompt.trimmed();
    if (trimmed.isEmpty())
        return false;
    if (busy() && (m_state == State::Running || !m_pendingPrompt.isEmpty())) {
        setError(tr("Wait for the answers to finish or stop them first."));
        return false;
    }
    if (!m_bridge) {
        setError(tr("The engine is not available."));
        return false;
    }
    if (m_panes.size() < kMinimumPanes || m_panes.size() > kMaximumPanes) {
        setError(tr("Choose between two and four models to compare."));
        return false;
    }
    setError(QString());
    for (int i = 0; i < m_panes.size(); ++i) {
        Pane& pane = m_panes[i];
        if (!pane.current.prompt.isEmpty())
            pane.earlier.append(pane.current);
        pane.current = CompareAnswer{};
        pane.current.prompt = trimmed;
        pane.answerRecorded = false;
        pane.state = pane.state == PaneState::Loading ? PaneState::Loading : PaneState::Waiting;
        changed(i);
    }
    if (m_prompts.isEmpty())
        m_title = trimmed.section(QLatin1Char('\n'), 0, 0).left(80);
    m_prompts.append(trimmed);
    emit turnCountChanged();
    saveUserTurn(trimmed, static_cast<int>(m_prompts.size()) - 1);
    if (m_prepared && m_state == State::Ready) {
        startTurn(trimmed);
        return true;
    }
    m_pendingPrompt = trimmed;
    if (m_state == State::Loading)
        return true; // the turn starts once every model is in
    if (!load()) {
        m_pendingPrompt.clear();
        return false;
    }
    return true;
}

void CompareSession::startTurn(const QString& prompt)
{
    m_stopRequested = false;
    setState(State::Running);
    for (int i = 0; i < m_panes.size(); ++i) {
        Pane& pane = m_panes[i];
        pane.current.prompt = prompt;
        pane.state = PaneState::Waiting;
        changed(i, {PaneStateRole, PromptRole});
    }
    if (m_sequential) {
        m_sequentialPane = -1;
        startNextSequentialPane();
        return;
    }
    for (int i = 0; i < m_panes.size(); ++i)
        startPaneReply(i);
}

void CompareSession::startPaneReply(int i)
{
    EngineBridge* bridge = m_bridge.data();
    Pane& pane = m_panes[i];
    if (bridge == nullptr)
        return;
    pane.state = PaneState::Streaming;
    if (pane.engineConversation == 0)
        pane.engineConversation = m_nextEngineConversation++;
    pane.ticket = bridge->generateOn(pane.slot, specFor(pane, pane.current.prompt));
    changed(i, {PaneStateRole, StreamingRole});
    beginStoredAnswer(i);
}

void CompareSession::startNextSequentialPane()
{
    EngineBridge* bridge = m_bridge.data();
    const int next = m_sequentialPane + 1;
    if (m_stopRequested || bridge == nullptr) {
        for (int i = std::max(0, next); i < m_panes.size(); ++i) {
            if (m_panes.at(i).state == PaneState::Waiting) {
                m_panes[i].current.stopReason = QStringLiteral("cancelled");
                m_panes[i].state = PaneState::Done;
                changed(i);
            }
        }
        m_sequentialPane = -1;
        maybeFinishTurn();
        return;
    }
    if (next >= m_panes.size()) {
        m_sequentialPane = -1;
        maybeFinishTurn();
        return;
    }
    m_sequentialPane = next;
    Pane& pane = m_panes[next];
    pane.state = PaneState::Loading;
    pane.loadProgress = 0.0;
    pane.slotReady = false;
    // A fresh model each turn: no cached conversation to continue, a new id keeps that obvious.
    pane.engineConversation = m_nextEngineConversation++;
    pane.slot = bridge->loadSlot(pane.path);
    changed(next, {PaneStateRole, LoadProgressRole});
}

void CompareSession::onReplyDelta(quint64 ticket, const QString& text, const QString& reasoning)
{
    const int i = paneOfTicket(ticket);
    if (i < 0)
        return;
    Pane& pane = m_panes[i];
    pane.current.text += text;
    pane.current.reasoning += reasoning;
    if (m_store && pane.stream != 0)
        m_store->appendReply(pane.stream, text, reasoning);
    changed(i, {TextRole, ReasoningRole});
}

void CompareSession::onReplyFinished(quint64 ticket, const QVariantMap& stats)
{
    const int i = paneOfTicket(ticket);
    if (i < 0)
        return;
    Pane& pane = m_panes[i];
    CompareAnswer& a = pane.current;
    pane.ticket = 0;
    // The finished text is authoritative: deltas are coalesced and may lag behind it.
    if (const QString text = stats.value(QStringLiteral("text")).toString(); !text.isEmpty() && text != a.text) {
        const QString missing = text.startsWith(a.text) ? text.mid(a.text.size()) : QString();
        if (m_store && pane.stream != 0 && !missing.isEmpty())
            m_store->appendReply(pane.stream, missing);
        a.text = text;
    }
    a.tokensPerSecond = stats.value(QStringLiteral("tokensPerSecond")).toDouble();
    a.timeToFirstTokenMs = stats.value(QStringLiteral("timeToFirstTokenMs")).toDouble();
    a.seconds = stats.value(QStringLiteral("seconds")).toDouble();
    a.generatedTokens = stats.value(QStringLiteral("generatedTokens")).toInt();
    a.stopReason = stats.value(QStringLiteral("stopReason")).toString();
    a.refusal = stats.value(QStringLiteral("refusal")).toBool();
    if (const QString name = stats.value(QStringLiteral("modelName")).toString(); !name.isEmpty())
        pane.name = name;
    pane.state = PaneState::Done;
    // What the model said is part of its own thread, even when stopped early (as in the chat).
    pane.thread.append({QStringLiteral("user"), a.prompt});
    pane.thread.append({QStringLiteral("assistant"), a.text});
    changed(i);
    finishStoredAnswer(i);
    if (m_sequential && pane.slot != 0 && m_bridge)
        m_bridge->unloadSlot(pane.slot); // onSlotUnloaded starts the next pane
    else
        maybeFinishTurn();
}

void CompareSession::onReplyFailed(quint64 ticket, const QString& message)
{
    const int i = paneOfTicket(ticket);
    if (i < 0)
        return;
    Pane& pane = m_panes[i];
    pane.ticket = 0;
    pane.current.error = message;
    pane.state = PaneState::Failed;
    changed(i);
    finishStoredAnswer(i);
    if (m_sequential && pane.slot != 0 && m_bridge)
        m_bridge->unloadSlot(pane.slot);
    else if (m_sequential)
        startNextSequentialPane();
    else
        maybeFinishTurn();
}

void CompareSession::maybeFinishTurn()
{
    if (m_state != State::Running)
        return;
    for (const Pane& pane : std::as_const(m_panes)) {
        if (pane.state == PaneState::Loading || pane.state == PaneState::Waiting || pane.state == PaneState::Streaming)
            return;
    }
    if (m_sequential && m_sequentialPane >= 0)
        return; // the last model is still being unloaded
    m_stopRequested = false;
    setState(State::Ready);
    refreshHistory();
    emit turnFinished();
}

void CompareSession::stop()
{
    EngineBridge* bridge = m_bridge.data();
    if (!m_pendingPrompt.isEmpty()) {
        // Asked before the models were in: that turn will not run.
        m_pendingPrompt.clear();
        for (int i = 0; i < m_panes.size(); ++i) {
            Pane& pane = m_panes[i];
            if (pane.current.stopReason.isEmpty() && pane.state != PaneState::Failed)
                pane.current.stopReason = QStringLiteral("cancelled");
            if (pane.state == PaneState::Waiting)
                pane.state = PaneState::Done;
            changed(i);
        }
    }
    if (m_state != State::Running)
        return;
    m_stopRequested = true;
    for (int i = 0; i < m_panes.size(); ++i) {
        Pane& pane = m_panes[i];
        if (pane.ticket != 0 && bridge != nullptr)
            bridge->stop(pane.ticket);
        if (m_sequential && pane.state == PaneState::Loading && i == m_sequentialPane) {
            // Its model is still loading: unload it; onSlotUnloaded moves on (and finds the stop).
            pane.current.stopReason = QStringLiteral("cancelled");
            pane.state = PaneState::Done;
            finishStoredAnswer(i);
            if (pane.slot != 0 && bridge != nullptr)
                bridge->unloadSlot(pane.slot);
            changed(i);
        }
    }
}

void CompareSession::reset()
{
    stop();
    finishOpenStreams(QStringLiteral("cancelled"));
    ++m_epoch;
    m_afterCreate.clear();
    m_createRequest = 0;
    EngineBridge* bridge = m_bridge.data();
    beginResetModel();
    for (Pane& pane : m_panes) {
        pane.ticket = 0; // a late finish of the stopped reply belongs to the old comparison
        if (bridge != nullptr && pane.slot != 0 && pane.engineConversation != 0 && !m_sequential)
            bridge->closeSlotConversation(pane.slot, pane.engineConversation);
        pane.engineConversation = m_nextEngineConversation++;
        pane.thread.clear();
        pane.earlier.clear();
        pane.current = CompareAnswer{};
        if (m_sequential && pane.slot != 0 && bridge != nullptr)
            bridge->unloadSlot(pane.slot);
        if (pane.state != PaneState::Loading || m_sequential)
            pane.state = PaneState::Idle;
    }
    endResetModel();
    m_sequentialPane = -1;
    m_stopRequested = false;
    m_prompts.clear();
    m_title.clear();
    emit turnCountChanged();
    if (m_conversationId != 0) {
        m_conversationId = 0;
        emit conversationIdChanged();
    }
    setError(QString());
    if (m_state == State::Running)
        setState(m_prepared ? State::Ready : State::Idle);
}

} // namespace agora::app
