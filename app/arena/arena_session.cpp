#include "arena/arena_session.h"

#include <QDateTime>
#include <QFileInfo>

namespace agora::app {

namespace {
constexpr int kSideA = 0;
constexpr int kSideB = 1;

QString paneStateName(int state)
{
    switch (static_cast<CompareSession::PaneState>(state)) {
    case CompareSession::PaneState::Idle: return QStringLiteral("idle");
    case CompareSession::PaneState::Loading: return QStringLiteral("loading");
    case CompareSession::PaneState::Waiting: return QStringLiteral("waiting");
    case CompareSession::PaneState::Streaming: return QStringLiteral("streaming");
    case CompareSession::PaneState::Done: return QStringLiteral("done");
    case CompareSession::PaneState::Failed: return QStringLiteral("failed");
    }
    return QStringLiteral("idle");
}
} // namespace

ArenaSession::ArenaSession(QObject* parent) : QObject(parent)
{
    m_panes.setBlind(true);
    // Arena answers are judged on the spot; the vote (with its prompt) is what gets stored.
    m_panes.setStoreObject(nullptr);
    connect(&m_panes, &CompareSession::turnFinished, this, &ArenaSession::onTurnFinished);
    connect(&m_panes, &CompareSession::failed, this, &ArenaSession::onPanesFailed);
    connect(&m_panes, &CompareSession::maxTokensChanged, this, &ArenaSession::maxTokensChanged);
    connect(&m_panes, &CompareSession::noticeChanged, this, &ArenaSession::noticeChanged);
    connect(&m_panes, &CompareSession::dataChanged, this, &ArenaSession::answersChanged);
    connect(&m_panes, &CompareSession::modelReset, this, &ArenaSession::answersChanged);
}

ArenaSession::~ArenaSession() = default;

void ArenaSession::setBridge(EngineBridge* bridge)
{
    if (m_bridge == bridge)
        return;
    m_bridge = bridge;
    m_panes.setBridge(bridge);
    emit bridgeChanged();
    emit canStartChanged();
}

void ArenaSession::setStoreObject(QObject* storeObject)
{
    auto* store = qobject_cast<store::ConversationStore*>(storeObject);
    if (m_store == store)
        return;
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (store) {
        connect(store, &store::ConversationStore::arenaVoteSaved, this,
                [this](store::RequestId id, const store::ArenaVote&) { onVoteSaved(id); });
        connect(store, &store::ConversationStore::failed, this, &ArenaSession::onStoreFailed);
    }
    emit storeChanged();
}

void ArenaSession::setModels(const QStringList& paths)
{
    QStringList unique = paths;
    unique.removeDuplicates();
    unique.removeAll(QString());
    if (m_models == unique)
        return;
    m_models = unique;
    m_pairing.forgetLastPair();
    emit modelsChanged();
    emit canStartChanged();
}

void ArenaSession::setSeed(int seed)
{
    if (m_seed == seed)
        return;
    m_seed = seed;
    m_pairing.reseed(static_cast<quint32>(seed));
    emit seedChanged();
}

void ArenaSession::setMaxTokens(int tokens)
{
    m_panes.setMaxTokens(tokens);
}

bool ArenaSession::canStart() const
{
    return m_bridge && m_models.size() >= 2 && m_phase != Phase::Answering && m_phase != Phase::Voting;
}

bool ArenaSession::isOutcome(const QString& outcome)
{
    return outcome == u"a" || outcome == u"b" || outcome == u"tie" || outcome == u"both-bad";
}

bool ArenaSession::start(const QString& prompt)
{
    const QString text = prompt.trimmed();
    if (m_phase == Phase::Answering) {
        setError(tr("The two models are still answering. Wait for them or stop them first."));
        return false;
    }
    if (m_phase == Phase::Voting) {
        setError(tr("Vote on this round first, or skip it."));
        return false;
    }
    if (m_models.size() < 2) {
        setError(tr("Choose at least two models for the arena."));
        return false;
    }
    if (text.isEmpty()) {
        setError(tr("Type a question or a task for the two models first."));
        return false;
    }
    if (!m_bridge) {
        setError(tr("The engine is not available."));
        return false;
    }
    if (m_panes.state() == CompareSession::State::Running) {
        setError(tr("The previous answers are still stopping. Try again in a moment."));
        return false;
    }
    const std::optional<ArenaPairing::Pair> pair = m_pairing.next(m_models);
    if (!pair)
        return false;
    // The same two models again (possibly on swapped sides) keep their slots and only start a
    // fresh conversation, so no round sees another round's answers; a new pair loads anew.
    const QStringList loaded = m_panes.modelPaths();
    if (loaded.size() == 2 && loaded.contains(pair->left) && loaded.contains(pair->right)) {
        m_panes.reset();
    } else {
        m_panes.setModelPaths({pair->left, pair->right});
    }
    m_sidePane[kSideA] = static_cast<int>(m_panes.modelPaths().indexOf(pair->left));
    m_sidePane[kSideB] = static_cast<int>(m_panes.modelPaths().indexOf(pair->right));
    // Hidden again after the previous round's reveal.
    m_panes.setBlind(false);
    m_panes.setBlind(true);

    setError({});
    m_prompt = text;
    m_outcome.clear();
    m_revealedA.clear();
    m_revealedB.clear();
    ++m_round;
    emit roundChanged();
    setPhase(Phase::Answering);
    emit answersChanged();
    if (!m_panes.send(text)) {
        onPanesFailed(m_panes.error());
        return false;
    }
    return true;
}

void ArenaSession::stop()
{
    if (m_phase != Phase::Answering)
        return;
    // Stopped before the models even loaded: there is nothing to judge, so the round is dropped.
    if (m_panes.state() != CompareSession::State::Running) {
        skip();
        return;
    }
    m_panes.stop();
}

void ArenaSession::skip()
{
    if (m_phase == Phase::Answering)
        m_panes.stop();
    if (m_phase == Phase::Idle)
        return;
    m_outcome.clear();
    setError({});
    setPhase(Phase::Idle);
}

void ArenaSession::release()
{
    if (m_phase == Phase::Answering || m_phase == Phase::Voting)
        skip();
    m_panes.unload();
}

void ArenaSession::onTurnFinished()
{
    if (m_phase != Phase::Answering)
        return;
    // A reply that broke (device lost, context full before a word) says nothing about the model's
    // quality: such a round cannot be judged.
    for (int side : {kSideA, kSideB}) {
        if (sideValue(side, CompareSession::PaneStateRole).toInt() == static_cast<int>(CompareSession::PaneState::Failed)) {
            //: %1 is "Model A" or "Model B" (the names stay hidden), %2 what went wrong.
            onPanesFailed(tr("%1 could not answer: %2")
                              .arg(CompareSession::blindLabel(side), sideValue(side, CompareSession::ErrorRole).toString()));
            return;
        }
    }
    setPhase(Phase::Voting);
}

void ArenaSession::onPanesFailed(const QString& message)
{
    if (m_phase != Phase::Answering)
        return;
    setError(message.isEmpty() ? tr("The models could not answer.") : message);
    setPhase(Phase::Failed);
}

QVariant ArenaSession::sideValue(int side, int role) const
{
    return m_panes.data(m_panes.index(m_sidePane[side]), role);
}

QString ArenaSession::sidePath(int side) const
{
    return m_panes.modelPaths().value(m_sidePane[side]);
}

// The name a vote is stored under (the comparison must be revealed). Two files that call
// themselves the same (two quantisations of one model) get their file names added, so the
// leaderboard keeps them apart.
QString ArenaSession::sideName(int side) const
{
    const QString name = sideValue(side, CompareSession::ModelNameRole).toString();
    const QString other = sideValue(side == kSideA ? kSideB : kSideA, CompareSession::ModelNameRole).toString();
    if (name != other)
        return name;
    return QStringLiteral("%1 (%2)").arg(name, QFileInfo(sidePath(side)).completeBaseName());
}

QVariantMap ArenaSession::answer(int side) const
{
    if (m_round == 0 || m_panes.rowCount() < 2)
        return {{QStringLiteral("text"), QString()}, {QStringLiteral("state"), QStringLiteral("idle")}};
    QVariantMap map{
        {QStringLiteral("text"), sideValue(side, CompareSession::TextRole)},
        {QStringLiteral("reasoning"), sideValue(side, CompareSession::ReasoningRole)},
        {QStringLiteral("state"), paneStateName(sideValue(side, CompareSession::PaneStateRole).toInt())},
        {QStringLiteral("loadProgress"), sideValue(side, CompareSession::LoadProgressRole)},
        {QStringLiteral("stopReason"), sideValue(side, CompareSession::StopReasonRole)},
        {QStringLiteral("error"), sideValue(side, CompareSession::ErrorRole)},
        {QStringLiteral("refusal"), sideValue(side, CompareSession::RefusalRole)},
    };
    if (m_phase == Phase::Revealed) {
        map.insert(QStringLiteral("tokensPerSecond"), sideValue(side, CompareSession::TokensPerSecondRole));
        map.insert(QStringLiteral("generatedTokens"), sideValue(side, CompareSession::GeneratedTokensRole));
    }
    return map;
}

bool ArenaSession::vote(const QString& outcome)
{
    if (!isOutcome(outcome)) {
        setError(tr("Unknown vote: %1").arg(outcome));
        return false;
    }
    if (m_phase != Phase::Voting) {
        setError(m_phase == Phase::Answering ? tr("Wait until both answers are complete, or stop them, before you vote.")
                                             : tr("There is no round to vote on. Ask the models something first."));
        return false;
    }
    m_panes.reveal();
    m_revealedA = sideName(kSideA);
    m_revealedB = sideName(kSideB);
    m_outcome = outcome;

    store::ArenaVote record;
    record.modelA = m_revealedA;
    record.modelB = m_revealedB;
    record.modelAPath = sidePath(kSideA);
    record.modelBPath = sidePath(kSideB);
    record.outcome = outcome;
    record.prompt = m_prompt;
    record.createdMs = QDateTime::currentMSecsSinceEpoch();
    if (m_store) {
        m_saveRequest = m_store->saveArenaVote(record);
        setError({});
    } else {
        setError(tr("Your vote could not be kept: the history database is not open."));
    }
    setPhase(Phase::Revealed);
    return true;
}

QString ArenaSession::nameA() const
{
    return m_phase == Phase::Revealed ? m_revealedA : CompareSession::blindLabel(kSideA);
}

QString ArenaSession::nameB() const
{
    return m_phase == Phase::Revealed ? m_revealedB : CompareSession::blindLabel(kSideB);
}

QString ArenaSession::verdict() const
{
    if (m_phase != Phase::Revealed)
        return {};
    if (m_outcome == u"a")
        return tr("%1 won this round against %2.").arg(m_revealedA, m_revealedB);
    if (m_outcome == u"b")
        return tr("%1 won this round against %2.").arg(m_revealedB, m_revealedA);
    if (m_outcome == u"tie")
        return tr("A tie between %1 and %2.").arg(m_revealedA, m_revealedB);
    return tr("Neither %1 nor %2 gave a good answer.").arg(m_revealedA, m_revealedB);
}

void ArenaSession::onVoteSaved(store::RequestId id)
{
    if (id == 0 || id != m_saveRequest)
        return;
    m_saveRequest = 0;
    emit voteSaved();
}

void ArenaSession::onStoreFailed(store::RequestId id, const QString& error)
{
    if (id == 0 || id != m_saveRequest)
        return;
    m_saveRequest = 0;
    setError(tr("Your vote could not be saved: %1").arg(error));
}

void ArenaSession::setPhase(Phase phase)
{
    if (m_phase == phase)
        return;
    const bool couldStart = canStart();
    const bool wasRevealed = revealed();
    m_phase = phase;
    emit phaseChanged();
    if (couldStart != canStart())
        emit canStartChanged();
    // The names and the speed figures show exactly while the round is revealed.
    if (wasRevealed != revealed()) {
        emit namesChanged();
        emit answersChanged();
    }
}

void ArenaSession::setError(const QString& error)
{
    if (m_error == error)
        return;
    m_error = error;
    emit errorChanged();
}

} // namespace agora::app
