// What a paused or interrupted download needs to continue after the app restarts, stored as a
// small JSON file next to the partial file (`<name>.part.json`). The bytes already received are
// the partial file's size on disk, so the two can never disagree.
#pragma once

#include <QString>
#include <QUrl>

namespace agora::app {

struct DownloadState {
    QUrl url;
    qint64 totalBytes = 0; // 0 while unknown
    QString sha256;        // expected digest, empty while unknown
    QString validator;     // ETag or Last-Modified of the first response: sent as If-Range
};

QString partialPathFor(const QString& targetPath);    // "<target>.part"
QString statePathFor(const QString& targetPath);      // "<target>.part.json"

// Reads the state saved for `targetPath`; false when there is none or it is unreadable (the
// partial file is then not trusted and the download starts over).
bool loadDownloadState(const QString& targetPath, DownloadState& state);
// Writes atomically (QSaveFile); returns an error message or an empty string.
QString saveDownloadState(const QString& targetPath, const DownloadState& state);
// Removes the partial file and its state.
void discardPartialDownload(const QString& targetPath);

} // namespace agora::app
