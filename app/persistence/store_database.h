// Synchronous access to the history database. Used only on the store's own thread (through
// StoreWorker); a QSqlDatabase connection must stay on the thread that opened it.
#pragma once

#include "persistence/store_types.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace agora::app::store {

// A value or the reason there is none, as a user-readable English sentence.
template <typename T>
struct StoreResult {
    T value{};
    QString error;
    bool ok() const { return error.isEmpty(); }
};

class StoreDatabase {
public:
    StoreDatabase();
    ~StoreDatabase();
    StoreDatabase(const StoreDatabase&) = delete;
    StoreDatabase& operator=(const StoreDatabase&) = delete;

    // Opens (creating if needed) <folder>/history.sqlite in WAL mode and migrates it.
    StoreResult<bool> open(const QString& folder);
    void close();
    bool isOpen() const { return m_db.isOpen(); }
    bool hasFullTextSearch() const { return m_fullText; }
    QString filePath() const { return m_db.databaseName(); }

    StoreResult<Conversation> createConversation(Conversation conversation);
    StoreResult<bool> updateConversation(const Conversation& conversation);
    StoreResult<bool> deleteConversation(qint64 id);
    // Only the title: a rename is not activity (the order stays) and keeps every setting.
    StoreResult<bool> renameConversation(qint64 id, const QString& title);
    StoreResult<Conversation> conversation(qint64 id);
    StoreResult<QList<Conversation>> conversations(); // last activity first

    // Inserts when message.id is 0 (position appended when 0 too), updates otherwise; either
    // way the conversation's last activity moves to now. Returns the stored message.
    StoreResult<Message> saveMessage(Message message);
    StoreResult<QList<Message>> messages(qint64 conversationId);

    // Stores a whole conversation (an import) in one transaction, keeping its timestamps.
    StoreResult<Conversation> insertConversationFile(const ConversationFile& file);

    // Deletes the message at `position` and every later one (edit-and-resend of an earlier
    // question); the full-text index follows through its trigger. Returns how many went.
    StoreResult<int> deleteMessagesFrom(qint64 conversationId, int position);

    // Arena votes (store_database_votes.cpp), oldest first when listed.
    StoreResult<ArenaVote> saveArenaVote(ArenaVote vote);
    StoreResult<QList<ArenaVote>> arenaVotes();
    StoreResult<bool> clearArenaVotes();

    // Words the user typed; every word must occur (prefix match on the last one).
    StoreResult<QList<SearchHit>> search(const QString& text, int limit = 50);

private:
    StoreResult<bool> exec(const QString& sql);

    QString m_connectionName;
    QSqlDatabase m_db;
    bool m_fullText = false;
};

qint64 nowMs();

} // namespace agora::app::store
