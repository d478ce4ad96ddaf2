#include "models/model_importer.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QStorageInfo>

namespace agora::app {

ModelImporter::ModelImporter(QObject* parent) : QObject(parent) {}

ModelImporter::~ModelImporter()
{
    m_queue.clear();
    m_copy.reset(); // cancels and joins the copy thread; its .part file is removed
}

void ModelImporter::setBridge(EngineBridge* bridge)
{
    if (m_bridge == bridge)
        return;
    QObject::disconnect(m_inspectConnection);
    m_bridge = bridge;
    if (m_bridge)
        m_inspectConnection = connect(m_bridge, &EngineBridge::modelInspected, this, &ModelImporter::onInspected);
}

QString ModelImporter::targetFileName(const QString& source)
{
    const QString name = QFileInfo(source).fileName();
    return name.endsWith(QLatin1String(".gguf"), Qt::CaseInsensitive) ? name : name + QStringLiteral(".gguf");
}

QString ModelImporter::currentFileName() const
{
    return m_current ? QFileInfo(m_current->target).fileName() : QString();
}

void ModelImporter::enqueue(const QString& source, Mode mode)
{
    m_queue.append(Job{QFileInfo(source).absoluteFilePath(), QString(), mode, 0});
    if (!m_current)
        startNext();
}

void ModelImporter::cancel()
{
    m_queue.clear();
    if (m_copy)
        m_copy->cancel(); // finished() follows with "cancelled"
    else if (m_current)
        finish(tr("The import was cancelled."));
}

QString ModelImporter::refusalBeforeInspect(const Job& job) const
{
    const QFileInfo source(job.source);
    if (m_folder.isEmpty())
        return tr("No models folder is set.");
    if (!source.exists())
        return tr("The file “%1” does not exist.").arg(source.fileName());
    if (!source.isFile())
        return tr("“%1” is a folder, not a model file.").arg(source.fileName());
    if (!source.isReadable())
        return tr("The file “%1” cannot be read (no permission).").arg(source.fileName());
    if (QFileInfo(job.target).absoluteFilePath() == source.absoluteFilePath())
        return tr("“%1” is already in the models folder.").arg(source.fileName());
    // A broken link counts as taken too: exists() follows links, isSymLink() does not.
    const QFileInfo target(job.target);
    if (target.exists() || target.isSymLink())
        return tr("A model file named “%1” is already in the models folder. Rename the file or remove the other "
                  "model first.").arg(target.fileName());
    if (!m_bridge)
        return tr("The engine is not ready yet; try again in a moment.");
    return QString();
}

void ModelImporter::startNext()
{
    while (!m_current && !m_queue.isEmpty()) {
        Job job = m_queue.takeFirst();
        job.target = QDir(m_folder).filePath(targetFileName(job.source));
        const QString refusal = refusalBeforeInspect(job);
        if (!refusal.isEmpty()) {
            emit failed(QFileInfo(job.source).fileName(), refusal);
            continue;
        }
        m_current = job;
        m_progress = 0.0;
        // The engine reads the header on its worker thread: a file that is no GGUF model (or is
        // damaged) is refused with the engine's own explanation before a byte is copied.
        m_current->inspectTicket = m_bridge->inspectModel(job.source);
        emit stateChanged();
    }
}

void ModelImporter::onInspected(quint64 ticket, const QString&, const QVariantMap&, const QString& error)
{
    if (!m_current || ticket != m_current->inspectTicket)
        return;
    m_current->inspectTicket = 0;
    if (!error.isEmpty()) {
        finish(tr("“%1” is not a model Agora can read.").arg(QFileInfo(m_current->source).fileName()) + u'\n' + error);
        return;
    }
    transfer();
}

void ModelImporter::transfer()
{
    // The name may have been taken while the engine was reading the header.
    const QFileInfo target(m_current->target);
    if (target.exists() || target.isSymLink()) {
        finish(tr("A model file named “%1” is already in the models folder. Rename the file or remove the other "
                  "model first.").arg(target.fileName()));
        return;
    }
    if (!QDir().mkpath(m_folder)) {
        finish(tr("The models folder “%1” cannot be created.").arg(m_folder));
        return;
    }
    if (m_current->mode == Mode::Link) {
        if (!QFile::link(m_current->source, m_current->target)) {
            finish(tr("A link to “%1” could not be made in the models folder.").arg(QFileInfo(m_current->source).fileName()));
            return;
        }
        m_progress = 1.0;
        finish(QString());
        return;
    }
    const qint64 needed = QFileInfo(m_current->source).size();
    QStorageInfo disk(m_folder);
    disk.refresh();
    const qint64 available = disk.bytesAvailable();
    if (available >= 0 && needed + reserveBytes > available) {
        const QLocale locale;
        finish(tr("Not enough free disk space: the model needs %1, the disk has %2 free. Free some space or "
                  "link to the file instead of copying it.")
                   .arg(locale.formattedDataSize(needed), locale.formattedDataSize(available)));
        return;
    }
    m_copy = std::make_unique<ModelFileCopy>(m_current->source, m_current->target);
    connect(m_copy.get(), &ModelFileCopy::progressed, this, [this](double fraction) {
        m_progress = fraction;
        emit stateChanged();
    });
    connect(m_copy.get(), &ModelFileCopy::finished, this, [this](const QString& error) {
        // Deleting the copier joins its thread, which has already returned; later, from the loop.
        if (ModelFileCopy* done = m_copy.release())
            done->deleteLater();
        finish(error);
    });
    m_copy->start();
}

void ModelImporter::finish(const QString& error)
{
    const Job job = *m_current;
    m_current.reset();
    m_progress = 0.0;
    if (error.isEmpty())
        emit imported(job.target);
    else
        emit failed(QFileInfo(job.source).fileName(), error);
    emit stateChanged();
    startNext();
}

} // namespace agora::app
