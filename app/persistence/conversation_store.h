// Conversation history in SQLite, on its own thread. Every call returns at once with a request
// id; the answer arrives later as a signal carrying that id (or `failed`). The GUI never waits on
// the database, and nothing here blocks on the other thread except the final flush on exit.
//
// Streaming replies: beginReply() stores the message at once; appendReply() deltas collect on
// the store thread and are written every flushInterval (500 ms by default), so a killed app
// loses at most that much of an answer; finishReply() writes the rest with its stats.
#pragma once

#include "persistence/store_types.h"
#include "persistence/store_worker.h"

#include <QObject>
#include <QThread>

namespace agora::app::store {

class ConversationStore : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultFlushIntervalMs = 500;

    explicit ConversationStore(QObject* parent = nullptr);
    ~ConversationStore() override; // flushes streaming replies, then stops the thread

    // Opens <folder>/history.sqlite (the app passes its data folder; tests a temporary one).
    RequestId open(const QString& folder);

    RequestId createConversation(const Conversation& conversation);
    RequestId updateConversation(const Conversation& conversation);
    RequestId deleteConversation(qint64 conversationId);
    // Changes the title only (-> conversationSaved); the order by activity stays as it was.
    RequestId renameConversation(qint64 conversationId, const QString& title);
    RequestId listConversations();
    RequestId loadConversation(qint64 conversationId); // -> conversationLoaded
    RequestId loadMessages(qint64 conversationId);
    RequestId saveMessage(const Message& message);
    RequestId search(const QString& text);
    RequestId exportConversation(qint64 conversationId, ExportFormat format);
    RequestId importConversation(const QByteArray& json);
    // Deletes the message at `position` (Message::position) and every later one in that
    // conversation, e.g. before an earlier question is edited and sent again. A reply still
    // streaming into a deleted row is dropped (its later appends/finish do nothing).
    RequestId deleteMessagesFrom(qint64 conversationId, int position);

    // Blind arena votes: saved one by one, listed oldest first, cleared all at once.
    RequestId saveArenaVote(const ArenaVote& vote);
    RequestId listArenaVotes();
    RequestId clearArenaVotes();

    // Returns the stream's id; messageSaved(stream, ...) reports the stored row (with its id).
    RequestId beginReply(const Message& initial);
    void appendReply(RequestId stream, const QString& contentDelta, const QString& reasoningDelta = {});
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
    // Queues `job` to run on the store thread, after every request made before it.
    template <typename Job>
    void post(Job&& job);
    RequestId nextId() { return ++m_lastId; }

    QThread m_thread;
    StoreWorker* m_worker = nullptr; // lives on m_thread, deleted when it finishes
    RequestId m_lastId = 0;
};

} // namespace agora::app::store
