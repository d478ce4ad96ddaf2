// Export a conversation to a file (Markdown to read or share, JSON to import elsewhere) and
// import a JSON export, for the chat page's menu and file dialogs. The store does the formats
// on its thread; this writes and reads the files and turns every failure into a sentence the
// user can act on. A file is written whole or not at all (QSaveFile), so a full disk never
// leaves half an export behind.
#pragma once

#include "persistence/conversation_store.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace agora::app {

class ConversationTransfer : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QObject* store READ storeObject WRITE setStoreObject NOTIFY storeChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)

public:
    // Imports larger than this are refused before reading: no conversation is that big, and
    // reading a wrong multi-gigabyte file would freeze the window.
    static constexpr qint64 kMaxImportBytes = 64 * 1024 * 1024;

    using QObject::QObject;

    QObject* storeObject() const { return m_store; }
    void setStoreObject(QObject* store);
    bool busy() const { return !m_exports.isEmpty() || !m_imports.isEmpty(); }

    // format: "markdown" or "json". Answers with exported() or failed().
    Q_INVOKABLE void exportTo(qint64 conversationId, const QUrl& file, const QString& format);
    // Answers with imported() or failed().
    Q_INVOKABLE void importFrom(const QUrl& file);
    // A file name for the save dialog: the title without characters file systems refuse.
    Q_INVOKABLE QString suggestedFileName(const QString& title, const QString& format) const;

signals:
    void storeChanged();
    void busyChanged();
    void exported(const QString& path);
    void imported(qint64 conversationId, const QString& title);
    void failed(const QString& message); // translated

private:
    void onExported(store::RequestId id, qint64 conversationId, store::ExportFormat format, const QByteArray& data);
    void onImported(store::RequestId id, const store::Conversation& conversation);
    void onFailed(store::RequestId id, const QString& error);

    QPointer<store::ConversationStore> m_store;
    QHash<store::RequestId, QString> m_exports; // request -> target file path
    QSet<store::RequestId> m_imports;
};

} // namespace agora::app
