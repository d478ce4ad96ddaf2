#include "viewmodels/message_list_model.h"

#include <QClipboard>
#include <QDateTime>
#include <QGuiApplication>
#include <QJsonObject>

namespace agora::app {

MessageListModel::MessageListModel(QObject* parent) : QAbstractListModel(parent) {}

int MessageListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    return {
        {MessageIdRole, "messageId"},
        {MessageRoleRole, "messageRole"},
        {ContentRole, "content"},
        {ReasoningRole, "reasoning"},
        {ModelNameRole, "modelName"},
        {TokensPerSecondRole, "tokensPerSecond"},
        {SecondsRole, "seconds"},
        {StatsTextRole, "statsText"},
        {StreamingRole, "streaming"},
        {ErrorRole, "error"},
        {StopReasonRole, "stopReason"},
    };
}

QVariant MessageListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry& entry = m_entries.at(index.row());
    const store::Message& m = entry.message;
    switch (role) {
    case MessageIdRole: return m.id;
    case MessageRoleRole: return m.role;
    case Qt::DisplayRole:
    case ContentRole: return m.content;
    case ReasoningRole: return m.reasoning;
    case ModelNameRole: return m.modelName;
    case TokensPerSecondRole: return m.stats.value(QStringLiteral("tokensPerSecond")).toDouble();
    case SecondsRole: return m.stats.value(QStringLiteral("seconds")).toDouble();
    case StatsTextRole: return statsText(m);
    case StreamingRole: return entry.streaming;
    case ErrorRole: return entry.error;
    case StopReasonRole: return m.stats.value(QStringLiteral("stopReason")).toString();
    default: return {};
    }
}

QString MessageListModel::statsText(const store::Message& m) const
{
    if (m.role != QLatin1String("assistant") || m.stats.isEmpty())
        return {};
    const double rate = m.stats.value(QStringLiteral("tokensPerSecond")).toDouble();
    const double seconds = m.stats.value(QStringLiteral("seconds")).toDouble();
    //: One assistant message's footer: model name, generation speed, wall time.
    return tr("%1 · %2 tokens/s · %3 s")
        .arg(m.modelName, QLocale().toString(rate, 'f', 1), QLocale().toString(seconds, 'f', 1));
}

void MessageListModel::setBridge(EngineBridge* bridge)
{
    if (m_bridge == bridge)
        return;
    if (m_bridge)
        disconnect(m_bridge, nullptr, this, nullptr);
    m_bridge = bridge;
    if (bridge) {
        connect(bridge, &EngineBridge::replyDelta, this, &MessageListModel::onReplyDelta);
        connect(bridge, &EngineBridge::replyFinished, this, &MessageListModel::onReplyFinished);
        connect(bridge, &EngineBridge::replyFailed, this, &MessageListModel::onReplyFailed);
    }
    emit bridgeChanged();
}

void MessageListModel::setStoreObject(QObject* object)
{
    auto* store = qobject_cast<store::ConversationStore*>(object);
    if (m_store == store)
        return;
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (store) {
        connect(store, &store::ConversationStore::messagesLoaded, this, &MessageListModel::onMessagesLoaded);
        connect(store, &store::ConversationStore::messageSaved, this, &MessageListModel::onMessageSaved);
    }
    emit storeChanged();
    if (m_conversationId != 0 && m_store)
        m_loadRequest = m_store->loadMessages(m_conversationId);
}

void MessageListModel::setConversationId(qint64 id)
{
    if (m_conversationId == id)
        return;
    stop();
    endStream();
    beginResetModel();
    m_entries.clear();
    m_pendingSaves.clear();
    endResetModel();
    emit countChanged();
    m_conversationId = id;
    emit conversationIdChanged();
    if (id != 0 && m_store)
        m_loadRequest = m_store->loadMessages(id);
}

void MessageListModel::setSystemPrompt(const QString& prompt)
{
    if (m_systemPrompt == prompt)
        return;
    m_systemPrompt = prompt;
    emit systemPromptChanged();
}

void MessageListModel::setMaxTokens(int tokens)
{
    if (m_maxTokens == tokens)
        return;
    m_maxTokens = tokens;
    emit maxTokensChanged();
}

void MessageListModel::setLastError(const QString& error)
{
    if (m_lastError == error)
        return;
    m_lastError = error;
    emit lastErrorChanged();
}

void MessageListModel::onMessagesLoaded(store::RequestId id, qint64 conversationId, const QList<store::Message>& messages)
{
    if (id != m_loadRequest || conversationId != m_conversationId || messages.isEmpty())
        return;
    // Whatever was sent while the history loaded is newer than this snapshot (the store answers
    // in order), so the loaded messages go in front of it.
    const int added = static_cast<int>(messages.size());
    beginInsertRows(QModelIndex(), 0, added - 1);
    QList<Entry> loaded;
    for (const store::Message& message : messages)
        loaded.append(Entry{message, false, {}});
    m_entries = loaded + m_entries;
    for (auto it = m_pendingSaves.begin(); it != m_pendingSaves.end(); ++it)
        it.value() += added;
    endInsertRows();
    emit countChanged();
}

void MessageListModel::onMessageSaved(store::RequestId id, const store::Message& message)
{
    int row = -1;
    if (id == m_stream && m_stream != 0)
        row = streamingRow();
    else if (auto found = m_pendingSaves.find(id); found != m_pendingSaves.end())
        row = m_pendingSaves.take(id);
    if (row < 0 || row >= m_entries.size() || m_entries[row].message.id != 0)
        return;
    m_entries[row].message.id = message.id;
    m_entries[row].message.position = message.position;
    const QModelIndex changed = index(row);
    emit dataChanged(changed, changed, {MessageIdRole});
}

void MessageListModel::append(const Entry& entry)
{
    const int row = static_cast<int>(m_entries.size());
    beginInsertRows(QModelIndex(), row, row);
    m_entries.append(entry);
    endInsertRows();
    emit countChanged();
}

void MessageListModel::removeFrom(int row)
{
    if (row >= m_entries.size())
        return;
    beginRemoveRows(QModelIndex(), row, static_cast<int>(m_entries.size()) - 1);
    m_entries.erase(m_entries.begin() + row, m_entries.end());
    endRemoveRows();
    emit countChanged();
}

void MessageListModel::saveEntry(int row)
{
    if (!m_store)
        return;
    const store::RequestId id = m_store->saveMessage(m_entries.at(row).message);
    if (m_entries.at(row).message.id == 0)
        m_pendingSaves.insert(id, row);
}

int MessageListModel::streamingRow() const
{
    for (int row = static_cast<int>(m_entries.size()) - 1; row >= 0; --row) {
        if (m_entries.at(row).streaming)
            return row;
    }
    return -1;
}

bool MessageListModel::send(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return false;
    if (streaming()) {
        setLastError(tr("Wait for the answer to finish or stop it first."));
        return false;
    }
    if (m_conversationId == 0) {
        setLastError(tr("Open or start a conversation first."));
        return false;
    }
    store::Message user;
    user.conversationId = m_conversationId;
    user.role = QStringLiteral("user");
    user.content = trimmed;
    append(Entry{user, false, {}});
    saveEntry(static_cast<int>(m_entries.size()) - 1);
    return startReply();
}

bool MessageListModel::startReply(const store::Message& takeOver)
{
    EngineBridge* bridge = m_bridge.data(); // one read: GCC cannot see a QPointer stay non-null
    if (bridge == nullptr) {
        setLastError(tr("The engine is not available."));
        return false;
    }
    setLastError(QString());
    GenerationSpec spec;
    spec.conversation = static_cast<quint64>(m_conversationId);
    spec.maxTokens = m_maxTokens;
    if (!m_systemPrompt.isEmpty())
        spec.messages.append({QStringLiteral("system"), m_systemPrompt});
    for (const Entry& entry : std::as_const(m_entries)) {
        if (!entry.error.isEmpty())
            continue; // a failed reply is not part of the conversation the model sees
        spec.messages.append({entry.message.role, entry.message.content});
    }
    // A base model has no chat format: it continues the last thing the user wrote.
    if (bridge->continuationMode() && !spec.messages.isEmpty())
        spec.rawPrompt = spec.messages.constLast().content;

    store::Message reply;
    reply.conversationId = m_conversationId;
    reply.role = QStringLiteral("assistant");
    reply.modelName = bridge->modelName();
    reply.id = takeOver.id; // non-zero: this reply overwrites an earlier one in the history
    reply.position = takeOver.position;
    reply.createdMs = takeOver.createdMs;
    append(Entry{reply, true, {}});
    m_stream = m_store ? m_store->beginReply(reply) : 0;
    m_ticket = bridge->generate(spec);
    emit streamingChanged();
    return true;
}

void MessageListModel::onReplyDelta(quint64 ticket, const QString& text, const QString& reasoning)
{
    const int row = streamingRow();
    if (ticket != m_ticket || row < 0)
        return;
    store::Message& m = m_entries[row].message;
    m.content += text;
    m.reasoning += reasoning;
    if (m_store && m_stream != 0)
        m_store->appendReply(m_stream, text, reasoning);
    const QModelIndex changed = index(row);
    emit dataChanged(changed, changed, {ContentRole, ReasoningRole, Qt::DisplayRole});
}

void MessageListModel::onReplyFinished(quint64 ticket, const QVariantMap& stats)
{
    const int row = streamingRow();
    if (ticket != m_ticket || row < 0)
        return;
    Entry& entry = m_entries[row];
    QJsonObject json = QJsonObject::fromVariantMap(stats);
    json.remove(QStringLiteral("text"));      // already the message's content
    json.remove(QStringLiteral("reasoning"));
    entry.message.stats = json;
    entry.message.modelName = stats.value(QStringLiteral("modelName")).toString();
    entry.streaming = false;
    if (m_store && m_stream != 0)
        m_store->finishReply(m_stream, json);
    endStream();
    const QModelIndex changed = index(row);
    emit dataChanged(changed, changed);
}

void MessageListModel::onReplyFailed(quint64 ticket, const QString& message)
{
    const int row = streamingRow();
    if (ticket != m_ticket || row < 0)
        return;
    Entry& entry = m_entries[row];
    entry.streaming = false;
    entry.error = message;
    if (m_store && m_stream != 0)
        m_store->finishReply(m_stream, QJsonObject{{QStringLiteral("error"), message}});
    endStream();
    setLastError(message);
    const QModelIndex changed = index(row);
    emit dataChanged(changed, changed);
}

void MessageListModel::endStream()
{
    if (m_ticket == 0 && m_stream == 0)
        return;
    m_ticket = 0;
    m_stream = 0;
    emit streamingChanged();
}

void MessageListModel::stop()
{
    if (m_bridge && m_ticket != 0)
        m_bridge->stop(m_ticket);
}

bool MessageListModel::regenerate()
{
    if (streaming() || m_entries.isEmpty() || m_entries.constLast().message.role != QLatin1String("assistant"))
        return false;
    // The store has no message deletion: the new reply takes over the old row (same id) so
    // that the history keeps exactly one answer for the question.
    const store::Message old = m_entries.constLast().message;
    removeFrom(static_cast<int>(m_entries.size()) - 1);
    return startReply(old);
}

bool MessageListModel::editAndResend(int row, const QString& text)
{
    const QString trimmed = text.trimmed();
    if (streaming() || trimmed.isEmpty() || row < 0 || row >= m_entries.size()
        || m_entries.at(row).message.role != QLatin1String("user"))
        return false;
    // Only the last question can be edited: what came after an earlier one cannot be deleted
    // from the history yet, and a conversation must read the same after a restart.
    const int lastUser = [this] {
        for (int r = static_cast<int>(m_entries.size()) - 1; r >= 0; --r) {
            if (m_entries.at(r).message.role == QLatin1String("user"))
                return r;
        }
        return -1;
    }();
    if (row != lastUser) {
        setLastError(tr("Only the last question can be edited."));
        return false;
    }
    m_entries[row].message.content = trimmed;
    const QModelIndex changed = index(row);
    emit dataChanged(changed, changed, {ContentRole, Qt::DisplayRole});
    saveEntry(row);
    store::Message previousReply;
    if (row + 1 < m_entries.size())
        previousReply = m_entries.at(row + 1).message;
    removeFrom(row + 1);
    return startReply(previousReply);
}

QString MessageListModel::textAt(int row) const
{
    if (row < 0 || row >= m_entries.size())
        return {};
    return m_entries.at(row).message.content;
}

void MessageListModel::copyToClipboard(int row) const
{
    if (QClipboard* clipboard = QGuiApplication::clipboard())
        clipboard->setText(textAt(row));
}

} // namespace agora::app
