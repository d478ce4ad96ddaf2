// The conversation store's thread-side half: owns the database connection and the replies
// being streamed, and answers every request with a signal. Created and driven only by
// ConversationStore; every public function runs on the store thread.
#pragma once

#include "persistence/store_database.h"
#include "persistence/store_types.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace agora::app::store {

using RequestId = quint64;

class StoreWorker : public QObject {
    Q_OBJECT
public:
    explicit StoreWorker(int flushIntervalMs);

    void open(RequestId id, const QString& folder);
    void shutdown(); // flushes streaming replies, closes the database

    void createConversation(RequestId id, const Conversation& conversation);
    void updateConversation(RequestId id, const Conversation& conversation);
    void deleteConversation(RequestId id, qint64 conversationId);
    void renameConversation(RequestId id, qint64 conversationId, const QString& title);
    void listConversations(RequestId id);
    void loadConversation(RequestId id, qint64 conversationId);
    void loadMessages(RequestId id, qint64 conversationId);
    void saveMessage(RequestId id, const Message& message);
    void search(RequestId id, const QString& text);
    void exportConversation(RequestId id, qint64 conversationId, ExportFormat format);
    void importConversation(RequestId id, const QByteArray& json);
    void deleteMessagesFrom(RequestId id, qint64 conversationId, int position);
    void saveArenaVote(RequestId id, const ArenaVote& vote);
    void listArenaVotes(RequestId id);
    void clearArenaVotes(RequestId id);

    void beginReply(RequestId stream, const Message& initial);
    void appendReply(RequestId stream, const QString& contentDelta, const QString& reasoningDelta);
    void finishReply(RequestId stream, const QJsonObject& stats);
    void setFlushInterval(int ms);

signals:
    void opened(agora::app::store::RequestId id, bool ok, const QString& error, bool fullTextSearch);
    void conversationSaved(agora::app::store::RequestId id, const agora::app::store::Conversation& conversation);
    void conversationLoaded(agora::app::store::RequestId id, const agora::app::store::Conversation& conversation);
    void conversationDeleted(agora::app::store::RequestId id, qint64 conversationId);
    void conversationsListed(agora::app::store::RequestId id, const QList<agora::app::store::Conversation>& list);
    void messagesLoaded(agora::app::store::RequestId id, qint64 conversationId,
                        const QList<agora::app::store::Message>& messages);
    void messageSaved(agora::app::store::RequestId id, const agora::app::store::Message& message);
    void searchFinished(agora::app::store::RequestId id, const QString& text,
                        const QList<agora::app::store::SearchHit>& hits);
    void exported(agora::app::store::RequestId id, qint64 conversationId, agora::app::store::ExportFormat format,
                  const QByteArray& data);
    void imported(agora::app::store::RequestId id, const agora::app::store::Conversation& conversation);
    void messagesDeleted(agora::app::store::RequestId id, qint64 conversationId, int position);
    void arenaVoteSaved(agora::app::store::RequestId id, const agora::app::store::ArenaVote& vote);
    void arenaVotesListed(agora::app::store::RequestId id, const QList<agora::app::store::ArenaVote>& votes);
    void arenaVotesCleared(agora::app::store::RequestId id);
    void failed(agora::app::store::RequestId id, const QString& error);

private:
    struct StreamingReply {
        Message message;
        bool dirty = false;
    };

    bool requireOpen(RequestId id);
    void flushDirtyReplies();

    StoreDatabase m_db;
    QHash<RequestId, StreamingReply> m_streams;
    QSet<RequestId> m_discardedStreams; // their rows were deleted mid-stream: later calls are no-ops
    QTimer m_flushTimer;
};

} // namespace agora::app::store
