// One blind arena: the person picks two or more models; every round two of them, drawn at random
// and placed on random sides, answer the same prompt under the names "Model A" and "Model B".
// Once both answers are complete (or stopped) the person votes: A better, B better, a tie, or both
// bad. The vote is stored, the names are revealed, and the next round starts with a new prompt.
//
// The answering itself is a CompareSession in blind mode: it owns the model slots, streams both
// answers and falls back to one model at a time when the two do not fit on the device together.
// Which side a model sits on is the arena's business: when the next round draws the same two
// models, only the sides are dealt again and the loaded models stay. The page reads each side
// through `answerA`/`answerB`. Arena rounds are not saved as comparisons: the vote keeps the
// prompt, both models and the outcome, which is what the leaderboard needs.
//
// Phases: Idle (waiting for a prompt) -> Answering -> Voting -> Revealed -> (next prompt) ...
// Failed when a model cannot load or answer; a new prompt tries again.
#pragma once

#include "arena/arena_pairing.h"
#include "bridge/engine_bridge.h"
#include "compare/compare_session.h"
#include "persistence/conversation_store.h"

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace agora::app {

class ArenaSession : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(agora::app::EngineBridge* bridge READ bridge WRITE setBridge NOTIFY bridgeChanged)
    Q_PROPERTY(QObject* store READ storeObject WRITE setStoreObject NOTIFY storeChanged)
    // The GGUF files taking part; a round needs two. Changes apply from the next round.
    Q_PROPERTY(QStringList models READ models WRITE setModels NOTIFY modelsChanged)
    // 0: random rounds; anything else: the same draws every time (tests, demonstrations).
    Q_PROPERTY(int seed READ seed WRITE setSeed NOTIFY seedChanged)
    Q_PROPERTY(int maxTokens READ maxTokens WRITE setMaxTokens NOTIFY maxTokensChanged)
    // Each side's answer: {text, reasoning, state ("idle", "loading", "waiting", "streaming",
    // "done", "failed"), loadProgress, stopReason, error, refusal (the answer opens by declining),
    // tokensPerSecond, generatedTokens}; the speed figures stay out until the vote (a model's
    // speed would give it away).
    Q_PROPERTY(QVariantMap answerA READ answerA NOTIFY answersChanged)
    Q_PROPERTY(QVariantMap answerB READ answerB NOTIFY answersChanged)
    // CompareSession's notice, e.g. that the two models take turns because they do not fit together.
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
    Q_PROPERTY(Phase phase READ phase NOTIFY phaseChanged)
    Q_PROPERTY(int round READ round NOTIFY roundChanged)
    Q_PROPERTY(QString prompt READ prompt NOTIFY roundChanged)
    Q_PROPERTY(bool canStart READ canStart NOTIFY canStartChanged)
    Q_PROPERTY(bool canVote READ canVote NOTIFY phaseChanged)
    Q_PROPERTY(bool revealed READ revealed NOTIFY phaseChanged)
    // "Model A"/"Model B" until the vote, then the models' names.
    Q_PROPERTY(QString nameA READ nameA NOTIFY namesChanged)
    Q_PROPERTY(QString nameB READ nameB NOTIFY namesChanged)
    // After the vote: "a", "b", "tie" or "both-bad"; empty before.
    Q_PROPERTY(QString outcome READ outcome NOTIFY phaseChanged)
    // After the vote: who won, as a sentence ("Qwen 2.5 won this round."), translated.
    Q_PROPERTY(QString verdict READ verdict NOTIFY phaseChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    enum class Phase { Idle, Answering, Voting, Revealed, Failed };
    Q_ENUM(Phase)

    explicit ArenaSession(QObject* parent = nullptr);
    ~ArenaSession() override;

    EngineBridge* bridge() const { return m_bridge; }
    void setBridge(EngineBridge* bridge);
    QObject* storeObject() const { return m_store; }
    void setStoreObject(QObject* store);
    QStringList models() const { return m_models; }
    void setModels(const QStringList& paths);
    int seed() const { return m_seed; }
    void setSeed(int seed);
    int maxTokens() const { return m_panes.maxTokens(); }
    void setMaxTokens(int tokens);
    // The comparison answering the rounds, and its row for each side (C++ callers and tests).
    CompareSession* panes() { return &m_panes; }
    int paneOfSide(int side) const { return m_sidePane[side == 0 ? 0 : 1]; }
    QVariantMap answerA() const { return answer(0); }
    QVariantMap answerB() const { return answer(1); }
    QString notice() const { return m_panes.notice(); }
    Phase phase() const { return m_phase; }
    int round() const { return m_round; }
    QString prompt() const { return m_prompt; }
    bool canStart() const;
    bool canVote() const { return m_phase == Phase::Voting; }
    bool revealed() const { return m_phase == Phase::Revealed; }
    QString nameA() const;
    QString nameB() const;
    QString outcome() const { return m_outcome; }
    QString verdict() const;
    QString error() const { return m_error; }

    // Starts a round: draws two models, sends them the prompt. False (error says why) with fewer
    // than two models, an empty prompt, or while a round is still being answered or voted on.
    Q_INVOKABLE bool start(const QString& prompt);
    // Stops both answers; the vote opens once both have stopped.
    Q_INVOKABLE void stop();
    // outcome: "a", "b", "tie" or "both-bad". False (error says why) before both answers are in.
    Q_INVOKABLE bool vote(const QString& outcome);
    // Abandons the current round without a vote (nothing is stored) and waits for a prompt.
    Q_INVOKABLE void skip();
    // Unloads the models (leaving the arena for good, or freeing the device for chat).
    Q_INVOKABLE void release();

    static bool isOutcome(const QString& outcome);

signals:
    void bridgeChanged();
    void storeChanged();
    void modelsChanged();
    void seedChanged();
    void maxTokensChanged();
    void phaseChanged();
    void roundChanged();
    void canStartChanged();
    void namesChanged();
    void errorChanged();
    void answersChanged();
    void noticeChanged();
    // The vote reached the database (the leaderboard refreshes on it).
    void voteSaved();

private:
    void setPhase(Phase phase);
    void setError(const QString& error);
    QVariantMap answer(int side) const;
    QString sideName(int side) const;
    QString sidePath(int side) const;
    QVariant sideValue(int side, int role) const;
    void onTurnFinished();
    void onPanesFailed(const QString& message);
    void onVoteSaved(store::RequestId id);
    void onStoreFailed(store::RequestId id, const QString& error);

    CompareSession m_panes;
    int m_sidePane[2] = {0, 1}; // the comparison's row shown as "Model A" and as "Model B"
    QPointer<EngineBridge> m_bridge;
    QPointer<store::ConversationStore> m_store;
    QStringList m_models;
    int m_seed = 0;
    ArenaPairing m_pairing;
    Phase m_phase = Phase::Idle;
    int m_round = 0;
    QString m_prompt;
    QString m_outcome;
    QString m_revealedA, m_revealedB; // names as stored with the vote
    QString m_error;
    store::RequestId m_saveRequest = 0;
};

} // namespace agora::app
