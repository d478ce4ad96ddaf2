#include "viewmodels/conversation_list_model.h"

#include <QDateTime>

namespace agora::app {

ConversationListModel::ConversationListModel(QObject* parent) : QAbstractListModel(parent)
{
    m_undoTimer.setSingleShot(true);
    m_undoTimer.setInterval(5000);
    connect(&m_undoTimer, &QTimer::timeout, this, &ConversationListModel::commitPendingRemoval);
    m_refreshSoon.setSingleShot(true);
    m_refreshSoon.setInterval(150);
    connect(&m_refreshSoon, &QTimer::timeout, this, &ConversationListModel::refresh);
}

ConversationListModel::~ConversationListModel()
{
    commitPendingRemoval();
}

int ConversationListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant ConversationListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_rows.size())
        return {};
    const store::Conversation& c = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole: return c.title.isEmpty() ? tr("Untitled conversation") : c.title;
    case IdRole: return c.id;
    case UpdatedRole: return QDateTime::fromMSecsSinceEpoch(c.updatedMs);
    case KindRole: return c.kind;
    case SearchSnippetRole: return m_snippets.value(c.id);
    default: return {};
    }
}

QHash<int, QByteArray> ConversationListModel::roleNames() const
{
    return {{IdRole, "conversationId"},
            {TitleRole, "title"},
            {UpdatedRole, "updated"},
            {KindRole, "kind"},
            {SearchSnippetRole, "searchSnippet"}};
}

void ConversationListModel::setStoreObject(QObject* object)
{
    setStore(qobject_cast<store::ConversationStore*>(object));
}

void ConversationListModel::setStore(store::ConversationStore* newStore)
{
    if (m_store == newStore)
        return;
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = newStore;
    m_requests.clear();
    if (newStore) {
        connect(newStore, &store::ConversationStore::conversationsListed, this, &ConversationListModel::onListed);
        connect(newStore, &store::ConversationStore::conversationSaved, this, &ConversationListModel::onSaved);
        connect(newStore, &store::ConversationStore::searchFinished, this, &ConversationListModel::onSearched);
        connect(newStore, &store::ConversationStore::failed, this, &ConversationListModel::onFailed);
        connect(newStore, &store::ConversationStore::conversationDeleted, this,
                [this](store::RequestId id, qint64) { m_requests.remove(id); });
        connect(newStore, &store::ConversationStore::imported, this, [this] { refresh(); });
        // Others' changes: the chat's messages (last activity moves), its title, a deletion.
        connect(newStore, &store::ConversationStore::messageSaved, this, [this] { m_refreshSoon.start(); });
        connect(newStore, &store::ConversationStore::messagesDeleted, this, [this] { m_refreshSoon.start(); });
    }
    emit storeChanged();
    refresh();
}

void ConversationListModel::setSearchText(const QString& text)
{
    if (m_searchText == text)
        return;
    m_searchText = text;
    emit searchTextChanged();
    refresh();
}

void ConversationListModel::refresh()
{
    store::ConversationStore* s = m_store.data();
    if (s == nullptr)
        return;
    m_latestList = m_searchText.trimmed().isEmpty() ? s->listConversations() : s->search(m_searchText);
    m_requests.insert(m_latestList);
}

void ConversationListModel::createConversation(const QString& title)
{
    if (store::ConversationStore* s = m_store.data()) {
        store::Conversation c;
        c.title = title;
        const store::RequestId id = s->createConversation(c);
        m_requests.insert(id);
        m_creates.insert(id);
    }
}

void ConversationListModel::rename(qint64 conversationId, const QString& title)
{
    store::ConversationStore* s = m_store.data();
    const int row = rowOf(conversationId);
    if (s == nullptr || row < 0)
        return;
    // Title only: while searching, a row holds just the id and title, and a full update would
    // wipe the conversation's settings.
    m_requests.insert(s->renameConversation(conversationId, title.trimmed()));
}

void ConversationListModel::remove(qint64 conversationId)
{
    const int row = rowOf(conversationId);
    if (row < 0)
        return;
    commitPendingRemoval(); // one undo at a time, like a mail client
    beginRemoveRows({}, row, row);
    m_pendingRemoval = m_rows.takeAt(row);
    endRemoveRows();
    emit countChanged();
    emit canUndoRemoveChanged();
    m_undoTimer.start();
}

void ConversationListModel::undoRemove()
{
    if (m_pendingRemoval.id == 0)
        return;
    m_undoTimer.stop();
    const qint64 restored = m_pendingRemoval.id;
    m_pendingRemoval = {};
    emit canUndoRemoveChanged();
    emit removalUndone(restored);
    refresh(); // brings the row back where the store's order puts it
}

int ConversationListModel::rowOf(qint64 conversationId) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).id == conversationId)
            return row;
    return -1;
}

QString ConversationListModel::kindOf(qint64 conversationId) const
{
    const int row = rowOf(conversationId);
    return row < 0 ? QString() : m_rows.at(row).kind;
}

void ConversationListModel::commitPendingRemoval()
{
    m_undoTimer.stop();
    if (m_pendingRemoval.id == 0)
        return;
    if (store::ConversationStore* s = m_store.data())
        m_requests.insert(s->deleteConversation(m_pendingRemoval.id));
    m_pendingRemoval = {};
    emit canUndoRemoveChanged();
}

void ConversationListModel::onListed(store::RequestId id, const QList<store::Conversation>& list)
{
    if (!m_requests.remove(id) || id != m_latestList)
        return;
    m_snippets.clear();
    setRows(list);
}

void ConversationListModel::onSearched(store::RequestId id, const QString& text, const QList<store::SearchHit>& hits)
{
    if (!m_requests.remove(id) || id != m_latestList)
        return;
    Q_UNUSED(text)
    // One row per conversation, best match first, with that match's text.
    QList<store::Conversation> rows;
    m_snippets.clear();
    for (const store::SearchHit& hit : hits) {
        if (m_snippets.contains(hit.conversationId))
            continue;
        m_snippets.insert(hit.conversationId, hit.snippet);
        store::Conversation c;
        c.id = hit.conversationId;
        c.title = hit.conversationTitle;
        rows << c;
    }
    setRows(rows);
}

void ConversationListModel::onSaved(store::RequestId id, const store::Conversation& conversation)
{
    if (!m_requests.remove(id)) {
        m_refreshSoon.start(); // someone else's save (the chat naming its conversation)
        return;
    }
    if (m_creates.remove(id))
        emit conversationCreated(conversation.id);
    refresh();
}

void ConversationListModel::onFailed(store::RequestId id, const QString& error)
{
    m_creates.remove(id);
    if (m_requests.remove(id))
        setError(error);
}

void ConversationListModel::setRows(QList<store::Conversation> rows)
{
    rows.removeIf([this](const store::Conversation& c) { return c.id == m_pendingRemoval.id; });
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    emit countChanged();
}

void ConversationListModel::setError(const QString& error)
{
    m_lastError = error;
    emit lastErrorChanged();
}

} // namespace agora::app
