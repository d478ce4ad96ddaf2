// The store side of a comparison: the conversation of kind "compare" created on the first send,
// user turns and streamed answers saved as they come, the list of saved comparisons, and
// reopening one from its messages. The store answers asynchronously and in order, so anything
// that needs the conversation's id waits in m_afterCreate until the store has created it.
#include "compare/compare_session.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <map>

namespace agora::app {

void CompareSession::setStoreObject(QObject* object)
{
    auto* store = qobject_cast<store::ConversationStore*>(object);
    if (m_store == store)
        return;
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    m_createRequest = 0;
    m_afterCreate.clear();
    if (store) {
        connect(store, &store::ConversationStore::conversationSaved, this, &CompareSession::onConversationSaved);
        connect(store, &store::ConversationStore::conversationsListed, this, &CompareSession::onConversationsListed);
        connect(store, &store::ConversationStore::messagesLoaded, this, &CompareSession::onMessagesLoaded);
        connect(store, &store::ConversationStore::conversationDeleted, this, [this] { refreshHistory(); });
        connect(store, &store::ConversationStore::failed, this, &CompareSession::onStoreFailed);
    }
    emit storeChanged();
    refreshHistory();
}

void CompareSession::withConversation(std::function<void(qint64)> job)
{
    if (!m_store)
        return;
    if (m_conversationId != 0) {
        job(m_conversationId);
        return;
    }
    const quint64 epoch = m_epoch;
    m_afterCreate.append([this, epoch, job = std::move(job)](qint64 id) {
        if (epoch == m_epoch)
            job(id);
    });
    if (m_createRequest != 0)
        return;
    store::Conversation conversation;
    conversation.kind = QStringLiteral("compare");
    conversation.title = m_title.isEmpty() ? tr("Comparison") : m_title;
    conversation.systemPrompt = m_systemPrompt;
    conversation.sampling = QJsonObject::fromVariantMap(m_sampling);
    m_createRequest = m_store->createConversation(conversation);
}

void CompareSession::onConversationSaved(store::RequestId id, const store::Conversation& conversation)
{
    if (id == 0 || id != m_createRequest)
        return;
    m_createRequest = 0;
    m_conversationId = conversation.id;
    emit conversationIdChanged();
    const auto jobs = std::exchange(m_afterCreate, {});
    for (const auto& job : jobs)
        job(conversation.id);
    refreshHistory();
}

void CompareSession::onStoreFailed(store::RequestId id, const QString& error)
{
    if (id == 0)
        return;
    if (id == m_createRequest) {
        m_createRequest = 0;
        m_afterCreate.clear();
        //: %1: the database's reason.
        setError(tr("This comparison could not be saved to the history: %1").arg(error));
    } else if (id == m_openRequest) {
        m_openRequest = 0;
        setError(tr("This comparison could not be opened: %1").arg(error));
        emit opened(0);
    }
}

void CompareSession::saveUserTurn(const QString& prompt, int turn)
{
    withConversation([this, prompt, turn](qint64 conversationId) {
        store::Message message;
        message.conversationId = conversationId;
        message.role = QStringLiteral("user");
        message.content = prompt;
        message.stats = QJsonObject{{QStringLiteral("turn"), turn}};
        m_store->saveMessage(message);
    });
}

QJsonObject CompareSession::answerStats(int i) const
{
    const Pane& pane = m_panes.at(i);
    const CompareAnswer& a = pane.current;
    QJsonObject stats{{QStringLiteral("pane"), i},
                      {QStringLiteral("turn"), static_cast<int>(pane.earlier.size())},
                      {QStringLiteral("modelPath"), pane.path},
                      {QStringLiteral("tokensPerSecond"), a.tokensPerSecond},
                      {QStringLiteral("timeToFirstTokenMs"), a.timeToFirstTokenMs},
                      {QStringLiteral("seconds"), a.seconds},
                      {QStringLiteral("generatedTokens"), a.generatedTokens},
                      {QStringLiteral("stopReason"), a.stopReason},
                      {QStringLiteral("refusal"), a.refusal}};
    if (!a.error.isEmpty())
        stats.insert(QStringLiteral("error"), a.error);
    if (m_blind)
        stats.insert(QStringLiteral("blindLabel"), blindLabel(i));
    return stats;
}

// The answer's row is written when it starts (so a crash keeps what streamed, as in the chat);
// deltas follow through appendReply, the stats with finishReply.
void CompareSession::beginStoredAnswer(int i)
{
    const int turn = static_cast<int>(m_panes.at(i).earlier.size());
    if (!m_store || std::exchange(m_panes[i].answerRecorded, true))
        return;
    withConversation([this, i, turn](qint64 conversationId) {
        if (i >= m_panes.size() || m_panes.at(i).earlier.size() != turn)
            return; // the pane has moved on (or the comparison changed) since
        Pane& pane = m_panes[i];
        store::Message message;
        message.conversationId = conversationId;
        message.role = QStringLiteral("assistant");
        message.content = pane.current.text;
        message.reasoning = pane.current.reasoning;
        message.modelName = pane.name;
        message.stats = answerStats(i);
        if (pane.state == PaneState::Streaming)
            pane.stream = m_store->beginReply(message);
        else
            m_store->saveMessage(message); // finished before the conversation existed
    });
}

void CompareSession::finishStoredAnswer(int i)
{
    Pane& pane = m_panes[i];
    if (pane.stream != 0 && m_store)
        m_store->finishReply(pane.stream, answerStats(i));
    else if (!pane.answerRecorded)
        beginStoredAnswer(i); // never started (its model failed to load, or it was stopped): save that
    pane.stream = 0;
}

void CompareSession::finishOpenStreams(const QString& stopReason)
{
    for (int i = 0; i < m_panes.size(); ++i) {
        Pane& pane = m_panes[i];
        if (pane.stream == 0)
            continue;
        if (pane.current.stopReason.isEmpty())
            pane.current.stopReason = stopReason;
        if (m_store)
            m_store->finishReply(pane.stream, answerStats(i));
        pane.stream = 0;
    }
}

void CompareSession::refreshHistory()
{
    if (m_store)
        m_listRequest = m_store->listConversations();
}

void CompareSession::onConversationsListed(store::RequestId id, const QList<store::Conversation>& list)
{
    if (id != m_listRequest)
        return;
    m_historyRecords.clear();
    for (const store::Conversation& c : list) {
        if (c.kind == QLatin1String("compare"))
            m_historyRecords.append(c);
    }
    std::stable_sort(m_historyRecords.begin(), m_historyRecords.end(),
                     [](const auto& a, const auto& b) { return a.updatedMs > b.updatedMs; });
    m_history.clear();
    for (const store::Conversation& c : std::as_const(m_historyRecords)) {
        m_history.append(QVariantMap{{QStringLiteral("conversationId"), c.id},
                                     {QStringLiteral("title"), c.title},
                                     {QStringLiteral("updatedMs"), c.updatedMs},
                                     {QStringLiteral("updated"), QLocale().toString(
                                          QDateTime::fromMSecsSinceEpoch(c.updatedMs), QLocale::ShortFormat)}});
    }
    emit historyChanged();
}

void CompareSession::deleteComparison(qint64 conversationId)
{
    if (!m_store || conversationId <= 0)
        return;
    if (conversationId == m_conversationId)
        reset();
    m_store->deleteConversation(conversationId);
}

void CompareSession::open(qint64 conversationId)
{
    if (!m_store || conversationId <= 0)
        return;
    unload();
    ++m_epoch;
    m_afterCreate.clear();
    m_createRequest = 0;
    m_opening = conversationId;
    refreshHistory(); // answered first: the record (system prompt, title) is known when the messages come
    m_openRequest = m_store->loadMessages(conversationId);
}

// Rebuilds the panes: user messages are the turns in order; each answer names its pane, turn and
// model file in its stats. Models are not loaded: the next send loads them.
void CompareSession::onMessagesLoaded(store::RequestId id, qint64 conversationId, const QList<store::Message>& messages)
{
    if (id != m_openRequest || conversationId != m_opening)
        return;
    m_openRequest = 0;
    m_opening = 0;
    QStringList prompts;
    struct Rebuilt {
        QString path, name;
        std::map<int, CompareAnswer> answers;
    };
    std::map<int, Rebuilt> panes;
    for (const store::Message& m : messages) {
        if (m.role == QLatin1String("user")) {
            prompts.append(m.content);
            continue;
        }
        if (m.role != QLatin1String("assistant") || !m.stats.contains(QStringLiteral("pane")))
            continue;
        const int pane = m.stats.value(QStringLiteral("pane")).toInt();
        if (pane < 0 || pane >= kMaximumPanes)
            continue;
        const int turn = m.stats.value(QStringLiteral("turn")).toInt(static_cast<int>(prompts.size()) - 1);
        Rebuilt& r = panes[pane];
        r.path = m.stats.value(QStringLiteral("modelPath")).toString(r.path);
        r.name = m.modelName.isEmpty() ? r.name : m.modelName;
        CompareAnswer a;
        a.text = m.content;
        a.reasoning = m.reasoning;
        a.tokensPerSecond = m.stats.value(QStringLiteral("tokensPerSecond")).toDouble();
        a.timeToFirstTokenMs = m.stats.value(QStringLiteral("timeToFirstTokenMs")).toDouble();
        a.seconds = m.stats.value(QStringLiteral("seconds")).toDouble();
        a.generatedTokens = m.stats.value(QStringLiteral("generatedTokens")).toInt();
        a.stopReason = m.stats.value(QStringLiteral("stopReason")).toString();
        a.refusal = m.stats.value(QStringLiteral("refusal")).toBool();
        a.error = m.stats.value(QStringLiteral("error")).toString();
        r.answers[turn] = a;
    }
    if (panes.empty() || prompts.isEmpty()) {
        setError(tr("This comparison has no answers to show."));
        emit opened(0);
        return;
    }
    const int paneCount = panes.rbegin()->first + 1;
    beginResetModel();
    m_panes.clear();
    for (int p = 0; p < paneCount; ++p) {
        const Rebuilt& r = panes[p];
        Pane pane;
        pane.path = r.path;
        pane.name = r.name.isEmpty() ? QFileInfo(r.path).completeBaseName() : r.name;
        for (int turn = 0; turn < prompts.size(); ++turn) {
            const auto found = r.answers.find(turn);
            CompareAnswer a = found != r.answers.end() ? found->second : CompareAnswer{};
            a.prompt = prompts.at(turn);
            if (a.error.isEmpty()) {
                pane.thread.append({QStringLiteral("user"), a.prompt});
                pane.thread.append({QStringLiteral("assistant"), a.text});
            }
            if (turn + 1 < prompts.size())
                pane.earlier.append(a);
            else
                pane.current = a;
        }
        pane.state = PaneState::Done;
        m_panes.append(pane);
    }
    endResetModel();
    m_prompts = prompts;
    m_title = prompts.constFirst().section(QLatin1Char('\n'), 0, 0).left(80);
    for (const store::Conversation& c : std::as_const(m_historyRecords)) {
        if (c.id == conversationId) {
            m_title = c.title;
            setSystemPrompt(c.systemPrompt);
            setSampling(c.sampling.toVariantMap());
        }
    }
    m_conversationId = conversationId;
    m_revealed = m_blind ? false : m_revealed;
    setError(QString());
    emit countChanged();
    emit turnCountChanged();
    emit modelPathsChanged();
    emit conversationIdChanged();
    emit opened(conversationId);
}

} // namespace agora::app
