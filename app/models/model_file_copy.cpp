#include "models/model_file_copy.h"

#include <QFile>
#include <QFileInfo>

#include <unistd.h>

namespace agora::app {

namespace {
constexpr qint64 chunkBytes = 4 * 1024 * 1024;
} // namespace

ModelFileCopy::ModelFileCopy(QString source, QString target, QObject* parent)
    : QObject(parent), m_source(std::move(source)), m_target(std::move(target))
{
}

ModelFileCopy::~ModelFileCopy()
{
    cancel();
    if (m_thread.joinable())
        m_thread.join();
}

void ModelFileCopy::cancel()
{
    m_cancelled->store(true);
}

void ModelFileCopy::start()
{
    if (m_thread.joinable())
        return;
    // The thread only posts to `this`; the destructor joins it before the QObject goes, and
    // events still queued for a deleted object are dropped by Qt.
    m_thread = std::thread([this, cancelled = m_cancelled, source = m_source, target = m_target] {
        int lastPercent = -1;
        const QString error = copyFile(source, target, *cancelled, [&](qint64 done, qint64 total) {
            const int percent = total > 0 ? int(done * 100 / total) : 100;
            if (percent == lastPercent)
                return;
            lastPercent = percent;
            const double fraction = total > 0 ? double(done) / double(total) : 1.0;
            QMetaObject::invokeMethod(this, [this, fraction] { emit progressed(fraction); }, Qt::QueuedConnection);
        });
        QMetaObject::invokeMethod(this, [this, error] { emit finished(error); }, Qt::QueuedConnection);
    });
}

QString ModelFileCopy::copyFile(const QString& source, const QString& target, const std::atomic<bool>& cancelled,
                                const std::function<void(qint64, qint64)>& progress)
{
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly))
        return tr("The file “%1” could not be read: %2").arg(QFileInfo(source).fileName(), in.errorString());
    const QString partPath = target + QStringLiteral(".part");
    QFile out(partPath);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return tr("The models folder cannot be written to: %1").arg(out.errorString());

    auto fail = [&](const QString& message) {
        out.close();
        QFile::remove(partPath);
        return message;
    };
    const qint64 total = in.size();
    qint64 done = 0;
    progress(0, total);
    QByteArray buffer(chunkBytes, Qt::Uninitialized);
    while (!in.atEnd()) {
        if (cancelled.load())
            return fail(tr("The import was cancelled."));
        const qint64 got = in.read(buffer.data(), buffer.size());
        if (got < 0)
            return fail(tr("The file “%1” could not be read: %2").arg(QFileInfo(source).fileName(), in.errorString()));
        if (got == 0)
            break;
        if (out.write(buffer.constData(), got) != got)
            return fail(tr("Writing the copy failed (is the disk full?): %1").arg(out.errorString()));
        done += got;
        progress(done, total);
    }
    // Flushed to the disk before the rename, so the .gguf name only ever points at whole files.
    if (!out.flush() || ::fsync(out.handle()) != 0)
        return fail(tr("Writing the copy failed (is the disk full?): %1").arg(out.errorString()));
    out.close();
    if (QFileInfo::exists(target))
        return fail(tr("A model file named “%1” is already in the models folder.").arg(QFileInfo(target).fileName()));
    if (!QFile::rename(partPath, target))
        return fail(tr("The copy could not be given its final name “%1”.").arg(QFileInfo(target).fileName()));
    return QString();
}

} // namespace agora::app
