#include "download/model_import.h"

#include "download/file_verification.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QPointer>
#include <QStorageInfo>
#include <QThreadPool>
#include <QUrl>

#include <unistd.h>

namespace agora::app {
namespace {

constexpr qint64 kChunkBytes = 4 * 1024 * 1024;

QString localPathOf(const QString& urlOrPath)
{
    return urlOrPath.startsWith(u"file:") ? QUrl(urlOrPath).toLocalFile() : urlOrPath;
}

QString readableSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

} // namespace

ModelImport::ModelImport(QObject* parent) : QObject(parent) {}

ModelImport::~ModelImport()
{
    if (m_cancel)
        m_cancel->store(true);
}

void ModelImport::setModelsFolder(const QString& folder)
{
    if (folder == m_modelsFolder)
        return;
    m_modelsFolder = folder;
    emit modelsFolderChanged();
}

void ModelImport::importFile(const QString& urlOrPath)
{
    if (m_state == u"copying")
        return;
    m_errorText.clear();
    m_filePath.clear();
    setProgress(0);
    const QFileInfo source(localPathOf(urlOrPath));
    if (!source.isFile()) {
        fail(tr("%1 is not a file that can be opened.").arg(QDir::toNativeSeparators(source.filePath())));
        return;
    }
    const QString problem = checkGgufHeader(source.absoluteFilePath());
    if (!problem.isEmpty()) {
        fail(tr("%1 is not a model Agora can open: %2").arg(source.fileName(), problem));
        return;
    }
    if (m_modelsFolder.isEmpty() || !QDir().mkpath(m_modelsFolder)) {
        fail(tr("The models folder %1 cannot be created. Choose another one in the settings.")
                 .arg(QDir::toNativeSeparators(m_modelsFolder)));
        return;
    }
    const QDir folder(m_modelsFolder);
    if (QFileInfo(source.absolutePath()).canonicalFilePath() == QFileInfo(m_modelsFolder).canonicalFilePath()) {
        succeed(source.absoluteFilePath()); // already where models live
        return;
    }
    const QString target = folder.filePath(source.fileName());
    const QFileInfo existing(target);
    if (existing.exists()) {
        // Same name and size: the same model imported before; anything else is not overwritten.
        if (existing.size() == source.size()) {
            succeed(target);
            return;
        }
        fail(tr("A different file named %1 is already in the models folder. Rename one of them and try again.")
                 .arg(source.fileName()));
        return;
    }
    // Same disk: a hard link makes the model appear at once without using any space, and the
    // user's own file stays where it was.
    if (m_linkingAllowed && ::link(QFile::encodeName(source.absoluteFilePath()).constData(), QFile::encodeName(target).constData()) == 0) {
        succeed(target);
        return;
    }
    QStorageInfo storage(m_modelsFolder);
    if (storage.isValid() && storage.bytesAvailable() >= 0 && storage.bytesAvailable() < source.size()) {
        fail(tr("Not enough free disk space for %1: it needs %2, but only %3 is free in %4.")
                 .arg(source.fileName(), readableSize(source.size()), readableSize(storage.bytesAvailable()),
                      QDir::toNativeSeparators(m_modelsFolder)));
        return;
    }
    copyInBackground(source.absoluteFilePath(), target);
}

void ModelImport::copyInBackground(const QString& source, const QString& target)
{
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_state = QStringLiteral("copying");
    emit stateChanged();
    QPointer<ModelImport> self(this);
    auto cancel = m_cancel;
    QThreadPool::globalInstance()->start([self, cancel, source, target]() {
        const QString partial = target + QStringLiteral(".importing");
        QString error;
        QFile in(source);
        QFile out(partial);
        if (!in.open(QIODevice::ReadOnly))
            error = tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(source), in.errorString());
        else if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            error = tr("Cannot write in the models folder: %1").arg(out.errorString());
        const qint64 total = in.size();
        qint64 copied = 0;
        while (error.isEmpty() && !cancel->load()) {
            const QByteArray chunk = in.read(kChunkBytes);
            if (chunk.isEmpty())
                break;
            if (out.write(chunk) != chunk.size()) {
                error = tr("Copying stopped after %1: %2. Is the disk full?").arg(readableSize(copied), out.errorString());
                break;
            }
            copied += chunk.size();
            const double fraction = total > 0 ? double(copied) / double(total) : 1.0;
            QMetaObject::invokeMethod(self, [self, fraction]() { if (self) self->setProgress(fraction); },
                                      Qt::QueuedConnection);
        }
        out.close();
        if (error.isEmpty() && !cancel->load() && copied != total)
            error = tr("%1 changed or became unreadable while it was copied.").arg(QDir::toNativeSeparators(source));
        if (!error.isEmpty() || cancel->load() || !QFile::rename(partial, target)) {
            if (error.isEmpty() && !cancel->load())
                error = tr("The copy could not be renamed to %1.").arg(QDir::toNativeSeparators(target));
            QFile::remove(partial);
        }
        QMetaObject::invokeMethod(self, [self, target, error]() { if (self) self->onCopyDone(target, error); },
                                  Qt::QueuedConnection);
    });
}

void ModelImport::onCopyDone(const QString& target, const QString& error)
{
    if (m_state != u"copying")
        return; // cancelled meanwhile
    m_cancel.reset();
    if (!error.isEmpty())
        fail(error);
    else
        succeed(target);
}

void ModelImport::cancel()
{
    if (m_state != u"copying")
        return;
    if (m_cancel)
        m_cancel->store(true); // the worker removes its incomplete file
    m_cancel.reset();
    m_state = QStringLiteral("idle");
    setProgress(0);
    emit stateChanged();
}

void ModelImport::fail(const QString& message)
{
    m_errorText = message;
    m_state = QStringLiteral("failed");
    emit stateChanged();
    emit failed(message);
}

void ModelImport::succeed(const QString& path)
{
    m_filePath = path;
    m_state = QStringLiteral("finished");
    setProgress(1);
    emit stateChanged();
    emit finished(path);
}

void ModelImport::setProgress(double progress)
{
    if (qFuzzyCompare(progress + 1.0, m_progress + 1.0))
        return;
    m_progress = progress;
    emit progressChanged();
}

} // namespace agora::app
