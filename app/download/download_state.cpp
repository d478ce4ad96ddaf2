#include "download/download_state.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace agora::app {

QString partialPathFor(const QString& targetPath)
{
    return targetPath + QStringLiteral(".part");
}

QString statePathFor(const QString& targetPath)
{
    return targetPath + QStringLiteral(".part.json");
}

bool loadDownloadState(const QString& targetPath, DownloadState& state)
{
    QFile file(statePathFor(targetPath));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    if (object.value(u"format").toString() != u"agora.download" || !object.value(u"url").isString())
        return false;
    state.url = QUrl(object.value(u"url").toString());
    state.totalBytes = object.value(u"totalBytes").toInteger();
    state.sha256 = object.value(u"sha256").toString();
    state.validator = object.value(u"validator").toString();
    return state.url.isValid();
}

QString saveDownloadState(const QString& targetPath, const DownloadState& state)
{
    QSaveFile file(statePathFor(targetPath));
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    const QJsonObject object{
        {QStringLiteral("format"), QStringLiteral("agora.download")},
        {QStringLiteral("url"), state.url.toString()},
        {QStringLiteral("totalBytes"), state.totalBytes},
        {QStringLiteral("sha256"), state.sha256},
        {QStringLiteral("validator"), state.validator},
    };
    file.write(QJsonDocument(object).toJson());
    return file.commit() ? QString() : file.errorString();
}

void discardPartialDownload(const QString& targetPath)
{
    QFile::remove(partialPathFor(targetPath));
    QFile::remove(statePathFor(targetPath));
}

} // namespace agora::app
