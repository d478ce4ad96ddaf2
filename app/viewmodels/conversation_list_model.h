// The conversations sidebar: every conversation, last activity first, with new / rename /
// delete-with-undo and full-text search. Talks to the ConversationStore only through its
// asynchronous requests; rows change when the answers arrive. Changes others make through the
// same store (a new message, a title from the first question, an import) refresh the list,
// batched so a streaming chat does not re-read it for every saved message.
#pragma once

#include "persistence/conversation_store.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace agora::app {

class ConversationListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QObject* store READ storeObject WRITE setStoreObject NOTIFY storeChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY searchTextChanged)
    Q_PROPERTY(bool canUndoRemove READ canUndoRemove NOTIFY canUndoRemoveChanged)
    Q_PROPERTY(QString pendingRemovalTitle READ pendingRemovalTitle NOTIFY canUndoRemoveChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(int undoWindowMs READ undoWindowMs WRITE setUndoWindowMs)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        UpdatedRole,      // QDateTime, local time
        KindRole,         // chat or compare
        SearchSnippetRole // the first matching text while searching, else empty
    };
    Q_ENUM(Role)

    explicit ConversationListModel(QObject* parent = nullptr);
    ~ConversationListModel() override; // a removal still in its undo window goes through

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    QObject* storeObject() const { return m_store; }
    void setStoreObject(QObject* store); // must be a store::ConversationStore
    void setStore(store::ConversationStore* store);

    QString searchText() const { return m_searchText; }
    void setSearchText(const QString& text);
    bool canUndoRemove() const { return m_pendingRemoval.id != 0; }
    QString pendingRemovalTitle() const { return m_pendingRemoval.title; }
    QString lastError() const { return m_lastError; }
    int undoWindowMs() const { return m_undoTimer.interval(); }
    void setUndoWindowMs(int ms) { m_undoTimer.setInterval(ms); }

    Q_INVOKABLE void refresh();
    Q_INVOKABLE void createConversation(const QString& title);
    Q_INVOKABLE void rename(qint64 conversationId, const QString& title);
    // Hides the row at once; the store deletes it when the undo window closes (or another
    // conversation is removed), unless undoRemove() comes first.
    Q_INVOKABLE void remove(qint64 conversationId);
    Q_INVOKABLE void undoRemove();
    Q_INVOKABLE int rowOf(qint64 conversationId) const;
    // "chat" or "compare" (a saved comparison opens in the Compare view); empty when unknown.
    Q_INVOKABLE QString kindOf(qint64 conversationId) const;

signals:
    void storeChanged();
    void countChanged();
    void searchTextChanged();
    void canUndoRemoveChanged();
    void lastErrorChanged();
    void conversationCreated(qint64 conversationId);
    void removalUndone(qint64 conversationId); // its row comes back with the next refresh

private:
    void onListed(store::RequestId id, const QList<store::Conversation>& list);
    void onSaved(store::RequestId id, const store::Conversation& conversation);
    void onSearched(store::RequestId id, const QString& text, const QList<store::SearchHit>& hits);
    void onFailed(store::RequestId id, const QString& error);
    void commitPendingRemoval();
    void setRows(QList<store::Conversation> rows);
    void setError(const QString& error);

    QPointer<store::ConversationStore> m_store;
    QList<store::Conversation> m_rows;           // what the view shows
    QHash<qint64, QString> m_snippets;           // conversation id -> first matching text
    QSet<store::RequestId> m_requests;           // answers this model waits for
    QSet<store::RequestId> m_creates;            // those of them that create a conversation
    store::RequestId m_latestList = 0;           // older list/search answers are stale
    QString m_searchText;
    store::Conversation m_pendingRemoval;
    QTimer m_undoTimer;
    QTimer m_refreshSoon; // coalesces refreshes caused by others' saves
    QString m_lastError;
};

} // namespace agora::app
