#include "persistence/conversation_store.h"

#include <QMetaObject>

namespace agora::app::store {

ConversationStore::ConversationStore(QObject* parent)
    : QObject(parent), m_worker(new StoreWorker(kDefaultFlushIntervalMs))
{
    qRegisterMetaType<RequestId>("agora::app::store::RequestId");
    qRegisterMetaType<Conversation>();
    qRegisterMetaType<Message>();
    qRegisterMetaType<QList<Conversation>>();
    qRegisterMetaType<QList<Message>>();
    qRegisterMetaType<QList<SearchHit>>();
    qRegisterMetaType<ExportFormat>();
    qRegisterMetaType<ArenaVote>();
    qRegisterMetaType<QList<ArenaVote>>();

    m_thread.setObjectName(QStringLiteral("agora-history"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // Answers cross back as queued signals; a store destroyed first simply never sees them.
    connect(m_worker, &StoreWorker::opened, this, &ConversationStore::opened, Qt::QueuedConnection);
    connect(m_worker, &StoreWorker::conversationSaved, this, &ConversationStore::conversationSaved, Qt::QueuedConnection);
    connect(m_worker, &StoreWorker::conversationLoaded, this, &ConversationStore::conversationLoaded,
            Qt::QueuedConnection);
    connect(m_worker, &StoreWorker::conversationDeleted, this, &ConversationStore::conversationDeleted,
            Qt::QueuedConnection);
    connect(m_worker, &StoreWorker::conversationsListed, this, &ConversationStore::conversationsListed,
            Qt::QueuedConnection);
    connect(m_worker, &StoreWorker::messagesLoaded, this, &ConversationStore::messagesLoaded, Qt::QueuedConnection);
    connect(m_worker, &StoreWorker::messageSaved, this, &ConversationStore::messageSaved, Qt::QueuedConnection);
    connect(m_worker, &StoreWorker::searchFinished, this, &ConversationStore::searchFinished, Qt::QueuedConnection);
    connect(m_worker, &StoreWorker::exported, this, &ConversationStore::exported, Qt::QueuedConnection);
    connect(m_worker, &StoreWorker::imported, this, &ConversationStore::imported, Qt::QueuedConnection);
    connect(m_worker, &StoreWorker::messagesDeleted, this, &ConversationStore::messagesDeleted, Qt::QueuedConnection);
    connect(m_worker, &StoreWorker::arenaVoteSaved, this, &ConversationStore::arenaVoteSaved, Qt::QueuedConnection);
    connect(m_worker, &StoreWorker::arenaVotesListed, this, &ConversationStore::arenaVotesListed, Qt::QueuedConnection);
    connect(m_worker, &StoreWorker::arenaVotesCleared, this, &ConversationStore::arenaVotesCleared,
            Qt::QueuedConnection);
    connect(m_worker, &StoreWorker::failed, this, &ConversationStore::failed, Qt::QueuedConnection);
    m_thread.start();
}

ConversationStore::~ConversationStore()
{
    // Queued behind every earlier request, so all of them (and the last reply deltas) are
    // written before the database closes and the thread ends.
    StoreWorker* worker = m_worker;
    post([worker] {
        worker->shutdown();
        QThread::currentThread()->quit();
    });
    m_thread.wait();
}

template <typename Job>
void ConversationStore::post(Job&& job)
{
    QMetaObject::invokeMethod(m_worker, std::forward<Job>(job), Qt::QueuedConnection);
}

RequestId ConversationStore::open(const QString& folder)
{
    const RequestId id = nextId();
    post([w = m_worker, id, folder] { w->open(id, folder); });
    return id;
}

RequestId ConversationStore::createConversation(const Conversation& conversation)
{
    const RequestId id = nextId();
    post([w = m_worker, id, conversation] { w->createConversation(id, conversation); });
    return id;
}

RequestId ConversationStore::updateConversation(const Conversation& conversation)
{
    const RequestId id = nextId();
    post([w = m_worker, id, conversation] { w->updateConversation(id, conversation); });
    return id;
}

RequestId ConversationStore::renameConversation(qint64 conversationId, const QString& title)
{
    const RequestId id = nextId();
    post([w = m_worker, id, conversationId, title] { w->renameConversation(id, conversationId, title); });
    return id;
}

RequestId ConversationStore::deleteConversation(qint64 conversationId)
{
    const RequestId id = nextId();
    post([w = m_worker, id, conversationId] { w->deleteConversation(id, conversationId); });
    return id;
}

RequestId ConversationStore::listConversations()
{
    const RequestId id = nextId();
    post([w = m_worker, id] { w->listConversations(id); });
    return id;
}

RequestId ConversationStore::loadConversation(qint64 conversationId)
{
    const RequestId id = nextId();
    post([w = m_worker, id, conversationId] { w->loadConversation(id, conversationId); });
    return id;
}

RequestId ConversationStore::loadMessages(qint64 conversationId)
{
    const RequestId id = nextId();
    post([w = m_worker, id, conversationId] { w->loadMessages(id, conversationId); });
    return id;
}

RequestId ConversationStore::saveMessage(const Message& message)
{
    const RequestId id = nextId();
    post([w = m_worker, id, message] { w->saveMessage(id, message); });
    return id;
}

RequestId ConversationStore::search(const QString& text)
{
    const RequestId id = nextId();
    post([w = m_worker, id, text] { w->search(id, text); });
    return id;
}

RequestId ConversationStore::exportConversation(qint64 conversationId, ExportFormat format)
{
    const RequestId id = nextId();
    post([w = m_worker, id, conversationId, format] { w->exportConversation(id, conversationId, format); });
    return id;
}

RequestId ConversationStore::importConversation(const QByteArray& json)
{
    const RequestId id = nextId();
    post([w = m_worker, id, json] { w->importConversation(id, json); });
    return id;
}

RequestId ConversationStore::deleteMessagesFrom(qint64 conversationId, int position)
{
    const RequestId id = nextId();
    post([w = m_worker, id, conversationId, position] { w->deleteMessagesFrom(id, conversationId, position); });
    return id;
}

RequestId ConversationStore::saveArenaVote(const ArenaVote& vote)
{
    const RequestId id = nextId();
    post([w = m_worker, id, vote] { w->saveArenaVote(id, vote); });
    return id;
}

RequestId ConversationStore::listArenaVotes()
{
    const RequestId id = nextId();
    post([w = m_worker, id] { w->listArenaVotes(id); });
    return id;
}

RequestId ConversationStore::clearArenaVotes()
{
    const RequestId id = nextId();
    post([w = m_worker, id] { w->clearArenaVotes(id); });
    return id;
}

RequestId ConversationStore::beginReply(const Message& initial)
{
    const RequestId id = nextId();
    post([w = m_worker, id, initial] { w->beginReply(id, initial); });
    return id;
}

void ConversationStore::appendReply(RequestId stream, const QString& contentDelta, const QString& reasoningDelta)
{
    post([w = m_worker, stream, contentDelta, reasoningDelta] { w->appendReply(stream, contentDelta, reasoningDelta); });
}

void ConversationStore::finishReply(RequestId stream, const QJsonObject& stats)
{
    post([w = m_worker, stream, stats] { w->finishReply(stream, stats); });
}

void ConversationStore::setFlushInterval(int ms)
{
    post([w = m_worker, ms] { w->setFlushInterval(ms); });
}

} // namespace agora::app::store
