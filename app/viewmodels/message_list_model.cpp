#include "viewmodels/message_list_model.h"

#include "viewmodels/message_segments.h"
#include "viewmodels/sampling_presets.h"

#include <QClipboard>
#include <QDateTime>
#include <QGuiApplication>
#include <QJsonObject>
#include <QRandomGenerator>

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
        {StopReasonTextRole, "stopReasonText"},
        {SegmentsRole, "segments"},
        {ReasoningSecondsRole, "reasoningSeconds"},
        {ContextNoticeRole, "contextNotice"},
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
    case StopReasonTextRole: return stopReasonText(m.stats.value(QStringLiteral("stopReason")).toString());
    case SegmentsRole: return segmentsToVariantList(splitMessageSegments(m.content));
    case ReasoningSecondsRole: return m.stats.value(QStringLiteral("reasoningSeconds")).toDouble();
    case ContextNoticeRole:
        return m.stats.value(QStringLiteral("droppedOldestTurns")).toBool()
                   ? tr("The conversation no longer fits the model's context: its oldest messages were left out of this reply.")
                   : QString();
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

QString MessageListModel::stopReasonText(const QString& reason) const
{
    // end_of_turn and stop_string are the model ending its answer itself: nothing to say.
    if (reason == QLatin1String("cancelled"))
        return tr("Stopped");
    if (reason == QLatin1String("max_tokens"))
        return tr("Reached the reply length limit");
    if (reason == QLatin1String("context_full"))
        return tr("Context full: the conversation is too long for this model's context");
    return {};
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
        connect(bridge, &EngineBridge::contextOverflow, this, &MessageListModel::onContextOverflow);
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
        connect(store, &store::ConversationStore::conversationLoaded, this, &MessageListModel::onConversationLoaded);
        connect(store, &store::ConversationStore::conversationSaved, this, &MessageListModel::onConversationSaved);
        connect(store, &store::ConversationStore::failed, this, &MessageListModel::onStoreFailed);
        connect(store, &store::ConversationStore::messagesDeleted, this,
                [this](store::RequestId id, qint64, int) { m_storeRequests.remove(id); });
    }
    emit storeChanged();
    if (m_conversationId != 0 && m_store) {
        m_conversationRequest = m_store->loadConversation(m_conversationId);
        m_loadRequest = m_store->loadMessages(m_conversationId);
    }
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
    m_conversation = {};
    m_editedBeforeLoad = 0;
    emit conversationIdChanged();
    emit systemPromptChanged();
    emit conversationSettingsChanged();
    setLastError(QString());
    if (id != 0 && m_store) {
        m_conversationRequest = m_store->loadConversation(id);
        m_loadRequest = m_store->loadMessages(id);
    }
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
        loaded.append(Entry{message, false, {}, 0, 0});
    m_entries = loaded + m_entries;
    for (auto it = m_pendingSaves.begin(); it != m_pendingSaves.end(); ++it)
        it.value() += added;
    endInsertRows();
    emit countChanged();
}

void MessageListModel::onMessageSaved(store::RequestId id, const store::Message& message)
{
    int row = -1;
    if (auto found = m_pendingSaves.find(id); found != m_pendingSaves.end())
        row = m_pendingSaves.take(id); // a new message, or a reply's first save (even if it finished already)
    else if (id == m_stream && m_stream != 0)
        row = streamingRow();
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
    // Saves still on their way for removed rows must not land on rows added later in their place.
    m_pendingSaves.removeIf([row](const auto& pending) { return pending.value() >= row; });
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
    append(Entry{user, false, {}, 0, 0});
    saveEntry(static_cast<int>(m_entries.size()) - 1);
    nameAfterFirstQuestion(trimmed);
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
    const QJsonObject& sampling = m_conversation.sampling;
    spec.maxTokens = sampling.isEmpty() ? m_maxTokens : SamplingPresets::maxTokensFor(sampling);
    QJsonObject usedSampling; // what this reply is generated with, kept with it
    if (!sampling.isEmpty()) {
        spec.sampling = SamplingPresets::settingsFor(sampling, QRandomGenerator::global()->bounded(1u << 31));
        usedSampling = SamplingPresets::normalizedJson(sampling);
        usedSampling.insert(QStringLiteral("seed"), static_cast<double>(spec.sampling->seed));
    }
    spec.dropOldestTurns = overflowPolicy() == QLatin1String("drop-oldest");
    if (!m_conversation.systemPrompt.isEmpty())
        spec.messages.append({QStringLiteral("system"), m_conversation.systemPrompt});
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
    reply.sampling = usedSampling;
    append(Entry{reply, true, {}, QDateTime::currentMSecsSinceEpoch(), 0});
    m_stream = m_store ? m_store->beginReply(reply) : 0;
    if (m_stream != 0 && reply.id == 0)
        m_pendingSaves.insert(m_stream, static_cast<int>(m_entries.size()) - 1);
    m_ticket = bridge->generate(spec);
    emit streamingChanged();
    return true;
}

void MessageListModel::onReplyDelta(quint64 ticket, const QString& text, const QString& reasoning)
{
    const int row = streamingRow();
    if (ticket != m_ticket || row < 0)
        return;
    Entry& entry = m_entries[row];
    if (entry.firstAnswerMs == 0 && !text.isEmpty())
        entry.firstAnswerMs = QDateTime::currentMSecsSinceEpoch();
    store::Message& m = entry.message;
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
    if (entry.message.stats.value(QStringLiteral("droppedOldestTurns")).toBool())
        json.insert(QStringLiteral("droppedOldestTurns"), true);
    if (!entry.message.reasoning.isEmpty() && entry.startedMs != 0) {
        // "Thought for N s": from the request to the first words of the answer itself.
        const qint64 end = entry.firstAnswerMs != 0 ? entry.firstAnswerMs : QDateTime::currentMSecsSinceEpoch();
        json.insert(QStringLiteral("reasoningSeconds"), static_cast<double>(end - entry.startedMs) / 1000.0);
    }
    entry.message.stats = json;
    entry.message.modelName = stats.value(QStringLiteral("modelName")).toString();
    entry.streaming = false;
    if (m_store && m_stream != 0)
        m_store->finishReply(m_stream, json);
    endStream();
    const QModelIndex changed = index(row);
    emit dataChanged(changed, changed);
}

void MessageListModel::onContextOverflow(quint64 ticket, const QString& message)
{
    Q_UNUSED(message) // the engine's English detail; the user gets the translated sentence
    const int row = streamingRow();
    if (ticket != m_ticket || row < 0)
        return;
    // Kept in the reply's stats (saved with it) so the notice is still there after a restart.
    m_entries[row].message.stats.insert(QStringLiteral("droppedOldestTurns"), true);
    const QModelIndex changed = index(row);
    emit dataChanged(changed, changed, {ContextNoticeRole});
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
    // The new reply takes over the old row (same id and position) so that the history keeps
    // exactly one answer for the question, and no row is deleted and re-added.
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
    const store::Message question = m_entries.at(row).message;
    if (m_store && (question.id == 0 || question.position == 0)) {
        // Its first save has not come back yet: an update now would store it twice.
        setLastError(tr("This message is still being saved; try again in a moment."));
        return false;
    }
    m_entries[row].message.content = trimmed;
    const QModelIndex changed = index(row);
    emit dataChanged(changed, changed, {ContentRole, SegmentsRole, Qt::DisplayRole});
    saveEntry(row);
    // Everything after the question goes, in the history too (the store answers in order, so
    // the new reply is saved after the deletion and takes the next position).
    if (row + 1 < m_entries.size()) {
        if (m_store)
            m_storeRequests.insert(m_store->deleteMessagesFrom(m_conversationId, question.position + 1));
        removeFrom(row + 1);
    }
    return startReply();
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
