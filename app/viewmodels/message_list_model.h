// The messages of one conversation, as the chat view shows them: user turns and assistant replies
// that grow while the engine streams, with each reply's model, speed and time. Sending, stop,
// regenerate and edit-and-resend go through the EngineBridge; every message and every growing
// reply is saved through the ConversationStore (the store writes deltas at least every 500 ms,
// so a crash loses under a second of an answer).
//
// It also holds the open conversation's own settings (title, system prompt, sampling JSON,
// context length, context-full policy): read from the store when the conversation opens, saved
// back when changed, and used for every reply (sampling_presets.h reads the sampling JSON).
#pragma once

#include "bridge/engine_bridge.h"
#include "persistence/conversation_store.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QSet>
#include <QtQml/qqmlregistration.h>

namespace agora::app {

class MessageListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(agora::app::EngineBridge* bridge READ bridge WRITE setBridge NOTIFY bridgeChanged)
    Q_PROPERTY(QObject* store READ storeObject WRITE setStoreObject NOTIFY storeChanged)
    Q_PROPERTY(qint64 conversationId READ conversationId WRITE setConversationId NOTIFY conversationIdChanged)
    Q_PROPERTY(QString title READ title NOTIFY conversationSettingsChanged)
    Q_PROPERTY(QString systemPrompt READ systemPrompt WRITE setSystemPrompt NOTIFY systemPromptChanged)
    // {"preset", "temperature", "topK", "topP", "minP", "repeatPenalty", "seed", "maxTokens"};
    // empty: the model's own sampling defaults and maxTokens below.
    Q_PROPERTY(QVariantMap sampling READ sampling WRITE setSampling NOTIFY conversationSettingsChanged)
    Q_PROPERTY(int contextLength READ contextLength WRITE setContextLength NOTIFY conversationSettingsChanged)
    // "stop" (stop and say so) or "drop-oldest" (forget the oldest turns); older files'
    // "truncate-middle" reads as drop-oldest.
    Q_PROPERTY(QString overflowPolicy READ overflowPolicy WRITE setOverflowPolicy NOTIFY conversationSettingsChanged)
    Q_PROPERTY(int maxTokens READ maxTokens WRITE setMaxTokens NOTIFY maxTokensChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool streaming READ streaming NOTIFY streamingChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    enum Role {
        MessageIdRole = Qt::UserRole + 1,
        MessageRoleRole, // "user", "assistant", "system"
        ContentRole,
        ReasoningRole,
        ModelNameRole,
        TokensPerSecondRole,
        SecondsRole,
        StatsTextRole,   // "stories260K · 812.4 tokens/s · 1.2 s", translated
        StreamingRole,
        ErrorRole,       // why the reply failed, translated; empty when it did not
        StopReasonRole,
        StopReasonTextRole, // "Stopped", "Context full", ... translated; empty for a normal end
        SegmentsRole,       // [{kind: "text"|"code", text, language, closed}] (message_segments.h)
        ReasoningSecondsRole, // how long the model thought before answering; 0 when unknown
        ContextNoticeRole,  // set when the oldest turns were left out to fit the context, translated
    };
    Q_ENUM(Role)

    explicit MessageListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    EngineBridge* bridge() const { return m_bridge; }
    void setBridge(EngineBridge* bridge);
    QObject* storeObject() const { return m_store; }
    void setStoreObject(QObject* store);
    qint64 conversationId() const { return m_conversationId; }
    // Shows another conversation: clears the list and loads its messages from the store.
    void setConversationId(qint64 id);
    QString title() const { return m_conversation.title; }
    QString systemPrompt() const { return m_conversation.systemPrompt; }
    void setSystemPrompt(const QString& prompt);
    QVariantMap sampling() const { return m_conversation.sampling.toVariantMap(); }
    void setSampling(const QVariantMap& sampling);
    int contextLength() const { return m_conversation.contextLength; }
    void setContextLength(int tokens);
    QString overflowPolicy() const;
    void setOverflowPolicy(const QString& policy);
    int maxTokens() const { return m_maxTokens; }
    void setMaxTokens(int tokens);
    bool streaming() const { return m_ticket != 0; }
    QString lastError() const { return m_lastError; }

    // Sends a user message and starts the reply; false (lastError says why) when the text is
    // empty, a reply is still streaming or no conversation is open.
    Q_INVOKABLE bool send(const QString& text);
    Q_INVOKABLE void stop();
    // Replaces the last reply with a new one for the same question.
    Q_INVOKABLE bool regenerate();
    // Changes a user message (any of them), deletes everything after it, here and in the
    // history, and asks again.
    Q_INVOKABLE bool editAndResend(int row, const QString& text);
    // Opens a conversation just created for the draft shown so far (conversationId 0): the
    // settings chosen on the draft are kept and saved into it, where setConversationId() would
    // read the stored ones.
    Q_INVOKABLE void adoptDraft(qint64 conversationId);
    Q_INVOKABLE QString textAt(int row) const;
    Q_INVOKABLE void copyToClipboard(int row) const;

signals:
    void bridgeChanged();
    void storeChanged();
    void conversationIdChanged();
    void systemPromptChanged();
    void conversationSettingsChanged();
    // The conversation's title changed here (first question) or its settings were saved.
    void conversationUpdated(qint64 conversationId);
    void maxTokensChanged();
    void countChanged();
    void streamingChanged();
    void lastErrorChanged();

private:
    struct Entry {
        store::Message message;
        bool streaming = false;
        QString error;
        qint64 startedMs = 0;        // when the reply was requested
        qint64 firstAnswerMs = 0;    // when its first non-reasoning text came
    };
    enum Setting : unsigned { SystemPrompt = 1, Sampling = 2, ContextLength = 4, OverflowPolicy = 8 };

    void onConversationLoaded(store::RequestId id, const store::Conversation& conversation);
    void onConversationSaved(store::RequestId id, const store::Conversation& conversation);
    void onStoreFailed(store::RequestId id, const QString& error);
    void changeSetting(Setting setting);
    void saveConversation();
    void nameAfterFirstQuestion(const QString& question);
    QString stopReasonText(const QString& reason) const;

    void onMessagesLoaded(store::RequestId id, qint64 conversationId, const QList<store::Message>& messages);
    void onMessageSaved(store::RequestId id, const store::Message& message);
    void onReplyDelta(quint64 ticket, const QString& text, const QString& reasoning);
    void onReplyFinished(quint64 ticket, const QVariantMap& stats);
    void onReplyFailed(quint64 ticket, const QString& message);
    void onContextOverflow(quint64 ticket, const QString& message);

    bool startReply(const store::Message& takeOver = {});
    void append(const Entry& entry);
    void removeFrom(int row);
    void saveEntry(int row);
    void setLastError(const QString& error);
    void endStream();
    int streamingRow() const;
    QString statsText(const store::Message& message) const;

    QPointer<EngineBridge> m_bridge;
    QPointer<store::ConversationStore> m_store;
    qint64 m_conversationId = 0;
    store::Conversation m_conversation;         // the open conversation's record (id 0: not loaded yet)
    unsigned m_editedBeforeLoad = 0;             // Settings set before the record arrived: kept over it
    store::RequestId m_conversationRequest = 0;
    QSet<store::RequestId> m_storeRequests;      // updates and deletions whose failure is shown
    int m_maxTokens = 512;
    QList<Entry> m_entries;
    store::RequestId m_loadRequest = 0;
    QHash<store::RequestId, int> m_pendingSaves; // saveMessage request -> row waiting for its id
    quint64 m_ticket = 0;                        // the bridge's ticket of the streaming reply
    store::RequestId m_stream = 0;               // the store's id of that reply's stream
    QString m_lastError;
};

} // namespace agora::app
