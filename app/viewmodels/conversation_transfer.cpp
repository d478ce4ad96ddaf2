#include "viewmodels/conversation_transfer.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace agora::app {

void ConversationTransfer::setStoreObject(QObject* object)
{
    auto* newStore = qobject_cast<store::ConversationStore*>(object);
    if (m_store == newStore)
        return;
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = newStore;
    const bool wasBusy = busy();
    m_exports.clear();
    m_imports.clear();
    if (newStore) {
        connect(newStore, &store::ConversationStore::exported, this, &ConversationTransfer::onExported);
        connect(newStore, &store::ConversationStore::imported, this, &ConversationTransfer::onImported);
        connect(newStore, &store::ConversationStore::failed, this, &ConversationTransfer::onFailed);
    }
    emit storeChanged();
    if (wasBusy)
        emit busyChanged();
}

void ConversationTransfer::exportTo(qint64 conversationId, const QUrl& file, const QString& format)
{
    store::ConversationStore* s = m_store.data();
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    if (s == nullptr || conversationId == 0)
        return emit failed(tr("Open a conversation to export it."));
    if (path.isEmpty())
        return emit failed(tr("Choose a file to export to."));
    const bool json = format == QLatin1String("json");
    const bool wasBusy = busy();
    m_exports.insert(s->exportConversation(conversationId, json ? store::ExportFormat::Json : store::ExportFormat::Markdown),
                     path);
    if (!wasBusy)
        emit busyChanged();
}

void ConversationTransfer::importFrom(const QUrl& file)
{
    store::ConversationStore* s = m_store.data();
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    if (s == nullptr)
        return emit failed(tr("The conversation history is not available."));
    QFile in(path);
    if (!QFileInfo(path).isFile())
        //: %1: a file path
        return emit failed(tr("%1 is not a file.").arg(path));
    if (in.size() > kMaxImportBytes)
        //: %1: a file path
        return emit failed(tr("%1 is too large to be an Agora conversation export.").arg(path));
    if (!in.open(QIODevice::ReadOnly))
        //: %1: a file path, %2: the system's reason
        return emit failed(tr("Cannot read %1: %2").arg(path, in.errorString()));
    const QByteArray data = in.readAll();
    const bool wasBusy = busy();
    m_imports.insert(s->importConversation(data));
    if (!wasBusy)
        emit busyChanged();
}

QString ConversationTransfer::suggestedFileName(const QString& title, const QString& format) const
{
    QString base = title.simplified();
    base.replace(QRegularExpression(QStringLiteral("[\\\\/:*?\"<>|\\x00-\\x1f]")), QStringLiteral("-"));
    if (base.isEmpty())
        base = tr("conversation");
    return base.left(80) + (format == QLatin1String("json") ? QStringLiteral(".json") : QStringLiteral(".md"));
}

void ConversationTransfer::onExported(store::RequestId id, qint64, store::ExportFormat, const QByteArray& data)
{
    if (!m_exports.contains(id))
        return;
    const QString path = m_exports.take(id);
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(data) != data.size() || !out.commit()) {
        //: %1: a file path, %2: the system's reason
        emit failed(tr("Cannot write %1: %2").arg(path, out.errorString()));
    } else {
        emit exported(path);
    }
    if (!busy())
        emit busyChanged();
}

void ConversationTransfer::onImported(store::RequestId id, const store::Conversation& conversation)
{
    if (!m_imports.remove(id))
        return;
    emit imported(conversation.id, conversation.title);
    if (!busy())
        emit busyChanged();
}

void ConversationTransfer::onFailed(store::RequestId id, const QString& error)
{
    const bool wasExport = m_exports.remove(id) > 0;
    const bool wasImport = m_imports.remove(id);
    if (!wasExport && !wasImport)
        return;
    //: %1: the reason, in English (from the history database or the file's check)
    emit failed(wasImport ? tr("This file cannot be imported: %1").arg(error)
                          : tr("The conversation cannot be exported: %1").arg(error));
    if (!busy())
        emit busyChanged();
}

} // namespace agora::app
