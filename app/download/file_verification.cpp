#include "download/file_verification.h"

#include <QCryptographicHash>
#include <QFile>
#include <QMetaObject>
#include <QPointer>
#include <QThreadPool>
#include <QtEndian>

namespace agora::app {

QString checkGgufHeader(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot open the downloaded file: %1").arg(file.errorString());
    const QByteArray header = file.read(8);
    if (header.size() < 8 || !header.startsWith("GGUF"))
        return QStringLiteral("the downloaded file is not a GGUF model");
    const quint32 version = qFromLittleEndian<quint32>(header.constData() + 4);
    if (version < 2 || version > 3)
        return QStringLiteral("the downloaded file is GGUF version %1, which Agora cannot read").arg(version);
    return {};
}

QString sha256OfFile(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read the downloaded file to check it: %1").arg(file.errorString());
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file)) {
        if (error)
            *error = QStringLiteral("reading the downloaded file failed while checking it: %1").arg(file.errorString());
        return {};
    }
    return QString::fromLatin1(hash.result().toHex());
}

void sha256OfFileAsync(const QString& path, QObject* context, std::function<void(QString, QString)> done)
{
    QPointer<QObject> guard(context);
    QThreadPool::globalInstance()->start([path, guard, done = std::move(done)]() {
        QString error;
        const QString digest = sha256OfFile(path, &error);
        if (!guard)
            return;
        QMetaObject::invokeMethod(guard.data(), [guard, done, digest, error]() {
            if (guard)
                done(digest, error);
        }, Qt::QueuedConnection);
    });
}

} // namespace agora::app
