// MessageListModel, the open conversation's own record: its title (from the first question
// unless renamed), system prompt, sampling JSON, context length and context-full policy, read
// from the store when the conversation opens and saved back whenever one changes. Values set
// before the record arrives (a draft's, or the page's defaults) win over the stored ones.
#include "viewmodels/message_list_model.h"

#include "viewmodels/sampling_presets.h"

#include <QRegularExpression>

namespace agora::app {

void MessageListModel::setSystemPrompt(const QString& prompt)
{
    if (m_conversation.systemPrompt == prompt)
        return;
    m_conversation.systemPrompt = prompt;
    emit systemPromptChanged();
    changeSetting(SystemPrompt);
}

void MessageListModel::setSampling(const QVariantMap& sampling)
{
    const QJsonObject normalized = sampling.isEmpty() ? QJsonObject()
                                                      : SamplingPresets::normalizedJson(QJsonObject::fromVariantMap(sampling));
    if (m_conversation.sampling == normalized)
        return;
    m_conversation.sampling = normalized;
    changeSetting(Sampling);
}

void MessageListModel::setContextLength(int tokens)
{
    tokens = std::max(0, tokens);
    if (m_conversation.contextLength == tokens)
        return;
    m_conversation.contextLength = tokens;
    changeSetting(ContextLength);
}

QString MessageListModel::overflowPolicy() const
{
    return m_conversation.overflowPolicy == QLatin1String("stop") ? QStringLiteral("stop")
                                                                  : QStringLiteral("drop-oldest");
}

void MessageListModel::setOverflowPolicy(const QString& policy)
{
    const QString known = policy == QLatin1String("stop") ? QStringLiteral("stop") : QStringLiteral("drop-oldest");
    if (m_conversation.overflowPolicy == known)
        return;
    m_conversation.overflowPolicy = known;
    changeSetting(OverflowPolicy);
}

void MessageListModel::changeSetting(Setting setting)
{
    emit conversationSettingsChanged();
    if (m_conversation.id == 0) {
        m_editedBeforeLoad |= setting; // the record is on its way: this value wins over it
        return;
    }
    saveConversation();
}

void MessageListModel::saveConversation()
{
    if (m_store && m_conversation.id != 0 && m_conversation.id == m_conversationId)
        m_storeRequests.insert(m_store->updateConversation(m_conversation));
}

void MessageListModel::onConversationLoaded(store::RequestId id, const store::Conversation& conversation)
{
    if (id != m_conversationRequest || conversation.id != m_conversationId)
        return;
    const store::Conversation local = m_conversation;
    m_conversation = conversation;
    if (m_editedBeforeLoad & SystemPrompt)
        m_conversation.systemPrompt = local.systemPrompt;
    if (m_editedBeforeLoad & Sampling)
        m_conversation.sampling = local.sampling;
    if (m_editedBeforeLoad & ContextLength)
        m_conversation.contextLength = local.contextLength;
    if (m_editedBeforeLoad & OverflowPolicy)
        m_conversation.overflowPolicy = local.overflowPolicy;
    if (!local.title.isEmpty() && m_conversation.title.isEmpty())
        m_conversation.title = local.title; // named by a first question sent before the record came
    const bool changedHere = m_editedBeforeLoad != 0 || m_conversation.title != conversation.title;
    m_editedBeforeLoad = 0;
    emit systemPromptChanged();
    emit conversationSettingsChanged();
    if (changedHere)
        saveConversation();
}

void MessageListModel::onConversationSaved(store::RequestId id, const store::Conversation& conversation)
{
    const bool ours = m_storeRequests.remove(id);
    if (conversation.id != m_conversationId || m_conversation.id == 0)
        return;
    // Someone else (the sidebar's rename) saved it: take their title, keep our settings.
    if (!ours && conversation.title != m_conversation.title) {
        m_conversation.title = conversation.title;
        emit conversationSettingsChanged();
    }
    if (ours)
        emit conversationUpdated(conversation.id);
}

void MessageListModel::onStoreFailed(store::RequestId id, const QString& error)
{
    if (id == m_conversationRequest || m_storeRequests.remove(id))
        //: %1: the database's reason, in English
        setLastError(tr("The conversation could not be saved or read: %1").arg(error));
}

void MessageListModel::nameAfterFirstQuestion(const QString& question)
{
    if (!m_conversation.title.isEmpty())
        return;
    // The first words, on one line, short enough for the sidebar.
    const QStringList words = QString(question).replace(QRegularExpression(QStringLiteral("[#*_`>\\[\\]]")), QString())
                                  .simplified()
                                  .split(u' ', Qt::SkipEmptyParts);
    QString title;
    for (const QString& word : words) {
        if (!title.isEmpty() && title.size() + 1 + word.size() > 48)
            break;
        title += (title.isEmpty() ? QString() : QStringLiteral(" ")) + word;
        if (title.size() >= 48)
            break;
    }
    if (title.size() > 48)
        title = title.left(47) + u'…';
    if (title.isEmpty())
        return;
    m_conversation.title = title;
    emit conversationSettingsChanged();
    saveConversation(); // before the record loaded, onConversationLoaded keeps and saves it
}

void MessageListModel::adoptDraft(qint64 conversationId)
{
    const store::Conversation draft = m_conversation;
    setConversationId(conversationId);
    m_conversation.systemPrompt = draft.systemPrompt;
    m_conversation.sampling = draft.sampling;
    m_conversation.contextLength = draft.contextLength;
    m_conversation.overflowPolicy = draft.overflowPolicy;
    m_editedBeforeLoad = SystemPrompt | Sampling | ContextLength | OverflowPolicy;
    emit systemPromptChanged();
    emit conversationSettingsChanged();
}

} // namespace agora::app
