#include "persistence/store_worker.h"

#include "persistence/conversation_codec.h"

namespace agora::app::store {

StoreWorker::StoreWorker(int flushIntervalMs)
{
    // Parented so that moveToThread() takes the timer along to the store thread.
    m_flushTimer.setParent(this);
    m_flushTimer.setInterval(flushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &StoreWorker::flushDirtyReplies);
}

bool StoreWorker::requireOpen(RequestId id)
{
    if (m_db.isOpen())
        return true;
    emit failed(id, QStringLiteral("the history database is not open"));
    return false;
}

void StoreWorker::open(RequestId id, const QString& folder)
{
    const StoreResult<bool> result = m_db.open(folder);
    emit opened(id, result.ok(), result.error, m_db.hasFullTextSearch());
}

void StoreWorker::shutdown()
{
    flushDirtyReplies();
    m_flushTimer.stop();
    m_db.close();
}

void StoreWorker::createConversation(RequestId id, const Conversation& conversation)
{
    if (!requireOpen(id))
        return;
    const auto result = m_db.createConversation(conversation);
    result.ok() ? emit conversationSaved(id, result.value) : emit failed(id, result.error);
}

void StoreWorker::updateConversation(RequestId id, const Conversation& conversation)
{
    if (!requireOpen(id))
        return;
    if (const auto result = m_db.updateConversation(conversation); !result.ok())
        return emit failed(id, result.error);
    const auto stored = m_db.conversation(conversation.id);
    stored.ok() ? emit conversationSaved(id, stored.value) : emit failed(id, stored.error);
}

void StoreWorker::renameConversation(RequestId id, qint64 conversationId, const QString& title)
{
    if (!requireOpen(id))
        return;
    if (const auto result = m_db.renameConversation(conversationId, title); !result.ok())
        return emit failed(id, result.error);
    const auto stored = m_db.conversation(conversationId);
    stored.ok() ? emit conversationSaved(id, stored.value) : emit failed(id, stored.error);
}

void StoreWorker::deleteConversation(RequestId id, qint64 conversationId)
{
    if (!requireOpen(id))
        return;
    const auto result = m_db.deleteConversation(conversationId);
    result.ok() ? emit conversationDeleted(id, conversationId) : emit failed(id, result.error);
}

void StoreWorker::listConversations(RequestId id)
{
    if (!requireOpen(id))
        return;
    const auto result = m_db.conversations();
    result.ok() ? emit conversationsListed(id, result.value) : emit failed(id, result.error);
}

void StoreWorker::loadConversation(RequestId id, qint64 conversationId)
{
    if (!requireOpen(id))
        return;
    const auto result = m_db.conversation(conversationId);
    result.ok() ? emit conversationLoaded(id, result.value) : emit failed(id, result.error);
}

void StoreWorker::loadMessages(RequestId id, qint64 conversationId)
{
    if (!requireOpen(id))
        return;
    flushDirtyReplies(); // a reader sees what has streamed so far
    const auto result = m_db.messages(conversationId);
    result.ok() ? emit messagesLoaded(id, conversationId, result.value) : emit failed(id, result.error);
}

void StoreWorker::saveMessage(RequestId id, const Message& message)
{
    if (!requireOpen(id))
        return;
    const auto result = m_db.saveMessage(message);
    result.ok() ? emit messageSaved(id, result.value) : emit failed(id, result.error);
}

void StoreWorker::search(RequestId id, const QString& text)
{
    if (!requireOpen(id))
        return;
    flushDirtyReplies();
    const auto result = m_db.search(text);
    result.ok() ? emit searchFinished(id, text, result.value) : emit failed(id, result.error);
}

void StoreWorker::exportConversation(RequestId id, qint64 conversationId, ExportFormat format)
{
    if (!requireOpen(id))
        return;
    flushDirtyReplies();
    const auto conversation = m_db.conversation(conversationId);
    if (!conversation.ok())
        return emit failed(id, conversation.error);
    const auto messages = m_db.messages(conversationId);
    if (!messages.ok())
        return emit failed(id, messages.error);
    const QByteArray data = format == ExportFormat::Json ? exportJson(conversation.value, messages.value)
                                                         : exportMarkdown(conversation.value, messages.value).toUtf8();
    emit exported(id, conversationId, format, data);
}

void StoreWorker::importConversation(RequestId id, const QByteArray& json)
{
    if (!requireOpen(id))
        return;
    const auto parsed = parseConversationJson(json);
    if (!parsed.ok())
        return emit failed(id, parsed.error);
    const auto stored = m_db.insertConversationFile(parsed.value);
    stored.ok() ? emit imported(id, stored.value) : emit failed(id, stored.error);
}

void StoreWorker::deleteMessagesFrom(RequestId id, qint64 conversationId, int position)
{
    if (!requireOpen(id))
        return;
    // A reply still streaming into a deleted row would otherwise come back on the next flush
    // as an error (its row is gone); it is dropped quietly instead.
    for (auto it = m_streams.begin(); it != m_streams.end();) {
        if (it->message.conversationId == conversationId && it->message.position >= position) {
            m_discardedStreams.insert(it.key());
            it = m_streams.erase(it);
        } else {
            ++it;
        }
    }
    const auto result = m_db.deleteMessagesFrom(conversationId, position);
    result.ok() ? emit messagesDeleted(id, conversationId, position) : emit failed(id, result.error);
}

void StoreWorker::saveArenaVote(RequestId id, const ArenaVote& vote)
{
    if (!requireOpen(id))
        return;
    const auto result = m_db.saveArenaVote(vote);
    result.ok() ? emit arenaVoteSaved(id, result.value) : emit failed(id, result.error);
}

void StoreWorker::listArenaVotes(RequestId id)
{
    if (!requireOpen(id))
        return;
    const auto result = m_db.arenaVotes();
    result.ok() ? emit arenaVotesListed(id, result.value) : emit failed(id, result.error);
}

void StoreWorker::clearArenaVotes(RequestId id)
{
    if (!requireOpen(id))
        return;
    const auto result = m_db.clearArenaVotes();
    result.ok() ? emit arenaVotesCleared(id) : emit failed(id, result.error);
}

void StoreWorker::beginReply(RequestId stream, const Message& initial)
{
    if (!requireOpen(stream))
        return;
    const auto result = m_db.saveMessage(initial);
    if (!result.ok())
        return emit failed(stream, result.error);
    m_streams.insert(stream, StreamingReply{result.value, false});
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
    emit messageSaved(stream, result.value);
}

void StoreWorker::appendReply(RequestId stream, const QString& contentDelta, const QString& reasoningDelta)
{
    auto it = m_streams.find(stream);
    if (it == m_streams.end())
        return; // its begin failed and was reported already
    it->message.content += contentDelta;
    it->message.reasoning += reasoningDelta;
    it->dirty = true;
}

void StoreWorker::finishReply(RequestId stream, const QJsonObject& stats)
{
    if (m_discardedStreams.remove(stream))
        return; // its message was deleted while it streamed
    auto it = m_streams.find(stream);
    if (it == m_streams.end())
        return emit failed(stream, QStringLiteral("no reply is streaming under request %1").arg(stream));
    Message message = it->message;
    message.stats = stats;
    m_streams.erase(it);
    if (m_streams.isEmpty())
        m_flushTimer.stop();
    const auto result = m_db.saveMessage(message);
    result.ok() ? emit messageSaved(stream, result.value) : emit failed(stream, result.error);
}

void StoreWorker::setFlushInterval(int ms)
{
    m_flushTimer.setInterval(ms);
}

void StoreWorker::flushDirtyReplies()
{
    for (auto it = m_streams.begin(); it != m_streams.end(); ++it) {
        if (!it->dirty)
            continue;
        const auto result = m_db.saveMessage(it->message);
        if (!result.ok()) {
            emit failed(it.key(), result.error);
            continue; // stays dirty: the next tick retries (a busy disk can recover)
        }
        it->message.updatedMs = result.value.updatedMs;
        it->dirty = false;
    }
}

} // namespace agora::app::store
