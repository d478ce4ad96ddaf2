// A comparison: the same prompt goes to 2-4 models ("panes") that answer side by side, each
// keeping its own thread of turns so follow-ups continue every model's own conversation. The
// compare view shows it; the arena (blind pairwise) and the prompt suites drive it from code.
//
// Life of a session (QML or C++):
//   CompareSession { bridge: ...; store: ...; modelPaths: [a, b] }
//   load()          every pane's model goes into a bridge slot, all at once. When a slot answers
//                   "out-of-device-memory" the loaded ones are unloaded and the session turns
//                   `sequential`: each turn loads pane 1's model, answers, unloads, then pane 2's...
//                   (`notice` says so). loaded() or failed(message) follows.
//   send(prompt)    the prompt, system prompt and sampling go to every pane (per-pane overrides
//                   with setPaneSampling); rows stream; turnFinished() once every pane is done.
//                   Sending before load() loads first (a reopened comparison continues this way).
//   stop(), reset() (new comparison, models stay loaded), unload(), reveal() (blind mode).
//   exportMarkdown()/exportHtml() give the whole comparison; saveExport(url, "markdown"|"html").
//
// History: with a store, the first send creates a conversation of kind "compare" (title from the
// prompt); each user turn is saved once, each answer as an assistant message with modelName and
// stats {"pane": i, "turn": n, "modelPath": ..., tokensPerSecond, timeToFirstTokenMs, ...}.
// open(id) rebuilds the panes from those messages; `history` lists the saved comparisons.
//
// Blind mode shows "Model A", "Model B", ... in `modelName` (and in exports) until reveal(); the
// order of the panes is the order of modelPaths (a caller that wants a random order shuffles it).
#pragma once

#include "bridge/engine_bridge.h"
#include "compare/compare_transcript.h"
#include "persistence/conversation_store.h"

#include <QAbstractListModel>
#include <QHash>
#include <QPointer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace agora::app {

class CompareSession : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    // State and PaneState share value names (Idle, Failed): QML reads them scoped,
    // CompareSession.State.Ready and CompareSession.PaneState.Done.
    Q_CLASSINFO("RegisterEnumClassesUnscoped", "false")
    Q_PROPERTY(agora::app::EngineBridge* bridge READ bridge WRITE setBridge NOTIFY bridgeChanged)
    Q_PROPERTY(QObject* store READ storeObject WRITE setStoreObject NOTIFY storeChanged)
    Q_PROPERTY(QStringList modelPaths READ modelPaths WRITE setModelPaths NOTIFY modelPathsChanged)
    Q_PROPERTY(QString systemPrompt READ systemPrompt WRITE setSystemPrompt NOTIFY systemPromptChanged)
    Q_PROPERTY(QVariantMap sampling READ sampling WRITE setSampling NOTIFY samplingChanged)
    Q_PROPERTY(int maxTokens READ maxTokens WRITE setMaxTokens NOTIFY maxTokensChanged)
    Q_PROPERTY(bool blind READ blind WRITE setBlind NOTIFY blindChanged)
    Q_PROPERTY(bool revealed READ revealed NOTIFY blindChanged)
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    // Writable: a caller that knows the models cannot share the device may ask for it up front.
    Q_PROPERTY(bool sequential READ sequential WRITE setSequential NOTIFY sequentialChanged)
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
    Q_PROPERTY(qint64 conversationId READ conversationId NOTIFY conversationIdChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int turnCount READ turnCount NOTIFY turnCountChanged)
    // Saved comparisons, newest first: [{conversationId, title, updatedMs}].
    Q_PROPERTY(QVariantList history READ history NOTIFY historyChanged)

public:
    enum class State { Idle, Loading, Ready, Running, Failed };
    Q_ENUM(State)
    enum class PaneState { Idle, Loading, Waiting, Streaming, Done, Failed };
    Q_ENUM(PaneState)

    enum Role {
        PaneIndexRole = Qt::UserRole + 1,
        ModelNameRole,       // the model's name, or "Model A" while blind
        ModelPathRole,
        TextRole,            // this turn's answer so far (Markdown)
        ReasoningRole,
        StreamingRole,
        LoadProgressRole,    // 0..1 while its model loads
        TimeToFirstTokenMsRole,
        TokensPerSecondRole,
        GeneratedTokensRole,
        StopReasonRole,      // the engine's name: end_of_turn, max_tokens, cancelled, ...
        RefusalRole,
        ErrorRole,           // translated; empty when the pane is fine
        PaneStateRole,       // PaneState
        PromptRole,          // this turn's prompt
        EarlierTurnsRole,    // [{prompt, text, reasoning, tokensPerSecond, timeToFirstTokenMs,
                             //   generatedTokens, stopReason, refusal, error}] before this turn
    };
    Q_ENUM(Role)

    static constexpr int kMinimumPanes = 2;
    static constexpr int kMaximumPanes = 4;

    explicit CompareSession(QObject* parent = nullptr);
    ~CompareSession() override;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    EngineBridge* bridge() const { return m_bridge; }
    void setBridge(EngineBridge* bridge);
    QObject* storeObject() const { return m_store; }
    void setStoreObject(QObject* store);
    QStringList modelPaths() const;
    // 2-4 paths; changing them ends the current comparison (its models are unloaded).
    void setModelPaths(const QStringList& paths);
    QString systemPrompt() const { return m_systemPrompt; }
    void setSystemPrompt(const QString& prompt);
    QVariantMap sampling() const { return m_sampling; }
    void setSampling(const QVariantMap& sampling);
    int maxTokens() const { return m_maxTokens; }
    void setMaxTokens(int tokens);
    bool blind() const { return m_blind; }
    void setBlind(bool blind);
    bool revealed() const { return m_revealed; }
    State state() const { return m_state; }
    bool sequential() const { return m_sequential; }
    void setSequential(bool sequential);
    QString notice() const { return m_notice; }
    qint64 conversationId() const { return m_conversationId; }
    bool busy() const { return m_state == State::Loading || m_state == State::Running; }
    QString error() const { return m_error; }
    int turnCount() const { return static_cast<int>(m_prompts.size()); }
    QVariantList history() const { return m_history; }

    // The label a blind pane shows: "Model A", "Model B", ...
    static QString blindLabel(int paneIndex);

    Q_INVOKABLE bool load();
    Q_INVOKABLE bool send(const QString& prompt);
    Q_INVOKABLE void stop();
    Q_INVOKABLE void reset();
    Q_INVOKABLE void unload();
    Q_INVOKABLE void reveal();
    // Sampling for one pane on top of `sampling` (same keys); an empty map removes the override.
    Q_INVOKABLE void setPaneSampling(int index, const QVariantMap& sampling);
    Q_INVOKABLE QVariantMap paneSampling(int index) const;
    // The answer text of a pane's current turn (for copy buttons and tests).
    Q_INVOKABLE QString paneText(int index) const;
    Q_INVOKABLE QString exportMarkdown() const;
    Q_INVOKABLE QString exportHtml() const;
    // format "markdown" or "html"; false (error says why) when the file cannot be written.
    Q_INVOKABLE bool saveExport(const QUrl& url, const QString& format);
    // Reopens a saved comparison: panes rebuilt from its messages; models load on the next send.
    Q_INVOKABLE void open(qint64 conversationId);
    Q_INVOKABLE void refreshHistory();
    Q_INVOKABLE void deleteComparison(qint64 conversationId);

    // The whole comparison as plain values (what exports are made of).
    CompareTranscript transcript() const;

signals:
    void bridgeChanged();
    void storeChanged();
    void modelPathsChanged();
    void systemPromptChanged();
    void samplingChanged();
    void maxTokensChanged();
    void blindChanged();
    void stateChanged();
    void sequentialChanged();
    void noticeChanged();
    void conversationIdChanged();
    void errorChanged();
    void countChanged();
    void turnCountChanged();
    void historyChanged();

    void loaded();
    void failed(const QString& message);
    void turnFinished();
    // open(id) has rebuilt the panes (or could not: error says why).
    void opened(qint64 conversationId);

private:
    struct Pane {
        QString path;
        QString name;               // from the loaded model, else the file's base name
        quint64 slot = 0;           // bridge slot ticket; 0: not loaded
        bool slotReady = false;
        bool continuationMode = false;
        double loadProgress = 0.0;
        PaneState state = PaneState::Idle;
        QVariantMap samplingOverride;
        QList<ChatTurn> thread;     // this model's own conversation so far (user/assistant)
        QList<CompareAnswer> earlier;
        CompareAnswer current;
        quint64 ticket = 0;         // reply in flight
        store::RequestId stream = 0;
        bool answerRecorded = false; // this turn's answer has (or will get) its row in the store
        quint64 engineConversation = 0;
    };

    void setState(State state);
    void setError(const QString& error);
    void setNotice(const QString& notice);
    void changed(int pane, const QList<int>& roles = {});
    int paneOfSlot(quint64 slot) const;
    int paneOfTicket(quint64 ticket) const;
    GenerationSpec specFor(const Pane& pane, const QString& prompt) const;
    QString sequentialNotice() const;
    void finishOpenStreams(const QString& stopReason);
    std::optional<SamplingSettings> samplingFor(const Pane& pane) const;
    QString displayName(int pane) const;

    void startConcurrentLoad();
    void startTurn(const QString& prompt);
    void startPaneReply(int pane);
    void startNextSequentialPane();
    void finishPane(int pane);
    void fallBackToSequential();
    void unloadAllSlots();
    bool allSlotsGone() const;
    void maybeFinishTurn();

    void onSlotLoadProgress(quint64 slot, double fraction);
    void onSlotLoaded(quint64 slot, const QVariantMap& info);
    void onSlotLoadFailed(quint64 slot, const QString& message, const QString& code);
    void onSlotUnloaded(quint64 slot);
    void onReplyDelta(quint64 ticket, const QString& text, const QString& reasoning);
    void onReplyFinished(quint64 ticket, const QVariantMap& stats);
    void onReplyFailed(quint64 ticket, const QString& message);

    // Store side (compare_session_history.cpp).
    void withConversation(std::function<void(qint64)> job);
    void saveUserTurn(const QString& prompt, int turn);
    void beginStoredAnswer(int pane);
    void finishStoredAnswer(int pane);
    void onConversationSaved(store::RequestId id, const store::Conversation& conversation);
    void onConversationsListed(store::RequestId id, const QList<store::Conversation>& list);
    void onMessagesLoaded(store::RequestId id, qint64 conversationId, const QList<store::Message>& messages);
    void onStoreFailed(store::RequestId id, const QString& error);
    void clearPanes(const QStringList& paths);
    QJsonObject answerStats(int pane) const;

    QPointer<EngineBridge> m_bridge;
    QPointer<store::ConversationStore> m_store;
    QList<Pane> m_panes;
    QString m_systemPrompt;
    QVariantMap m_sampling;
    int m_maxTokens = 512;
    bool m_blind = false;
    bool m_revealed = false;
    State m_state = State::Idle;
    bool m_sequential = false;
    bool m_fallingBack = false;      // unloading after an out-of-memory load, then sequential
    bool m_sequentialAfterOutOfMemory = false; // not asked for: other models may fit together again
    QString m_notice;
    QString m_error;
    QString m_pendingPrompt;         // sent before the models were loaded
    int m_sequentialPane = -1;       // the pane whose model is loaded in sequential mode
    bool m_stopRequested = false;
    QStringList m_prompts;          // every turn's prompt, in order
    bool m_prepared = false;         // load() done: slots ready, or sequential and set up
    quint64 m_epoch = 0;             // bumped by reset/open/unload: late store jobs of an old comparison do nothing
    quint64 m_nextEngineConversation = 1;
    QList<store::Conversation> m_historyRecords;

    qint64 m_conversationId = 0;
    QString m_title;
    store::RequestId m_createRequest = 0;
    QList<std::function<void(qint64)>> m_afterCreate;
    store::RequestId m_listRequest = 0;
    store::RequestId m_openRequest = 0;
    qint64 m_opening = 0;
    QVariantList m_history;
};

} // namespace agora::app
