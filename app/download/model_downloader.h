// Downloads one model file, started only by the user: the only network traffic Agora makes.
//
//  start()  -> [sha256 from the hosting API's file listing, if the catalog has none]
//           -> free disk space checked -> GET (Range: bytes=N- when a partial file exists)
//           -> written to "<name>.part", state in "<name>.part.json" (survives restarts)
//           -> sha256 compared -> opened as a GGUF -> renamed to "<name>"
//  pause()  keeps the partial file and its state; start() resumes with an HTTP Range request.
//  cancel() stops and deletes the partial file.
// Every failure ends in state Failed with a message a user can act on; a checksum mismatch or a
// file that does not open deletes the partial file and says so.
#pragma once

#include "download/file_verification.h"
#include "download/transfer_rate.h"

#include <QFile>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace agora::app {

struct DownloadRequest {
    QUrl url;
    QString targetPath;       // final file; ".part" and ".part.json" live next to it
    qint64 expectedBytes = 0; // from the catalog: used for the free-space check before the size is known
    QString sha256;           // expected digest; empty: read from listingUrl
    QUrl listingUrl;          // Hugging Face tree listing holding lfs.oid for listingFileName
    QString listingFileName;
};

class ModelDownloader : public QObject {
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(qint64 receivedBytes READ receivedBytes NOTIFY progressChanged)
    Q_PROPERTY(qint64 totalBytes READ totalBytes NOTIFY progressChanged)
    Q_PROPERTY(double bytesPerSecond READ bytesPerSecond NOTIFY progressChanged)
    Q_PROPERTY(qint64 secondsLeft READ secondsLeft NOTIFY progressChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY stateChanged)

public:
    enum class State { Idle, FetchingChecksum, Downloading, Paused, Verifying, Finished, Failed, Cancelled };
    Q_ENUM(State)

    using FreeSpaceFunction = std::function<qint64(const QString& directory)>;

    // `network` may be null: then one is created on the first start(), using Qt's system proxy
    // settings. Nothing touches the network before start().
    explicit ModelDownloader(QNetworkAccessManager* network = nullptr, QObject* parent = nullptr);
    ~ModelDownloader() override;

    void setRequest(const DownloadRequest& request);
    const DownloadRequest& request() const { return m_request; }
    void setFreeSpaceFunction(FreeSpaceFunction function) { m_freeSpace = std::move(function); }
    // How a downloaded file is proven to be a model before it is renamed into place (default:
    // checkGgufHeader). A file that fails is deleted and the message names the problem.
    void setModelFileCheck(ModelFileCheck check);
    void setAsyncModelFileCheck(AsyncModelFileCheck check) { m_modelCheck = std::move(check); }

    // A partial download from an earlier session exists for the current request.
    bool hasPartialDownload() const;

    State state() const { return m_state; }
    qint64 receivedBytes() const { return m_received; }
    qint64 totalBytes() const { return m_total; }
    double bytesPerSecond() const { return m_rate.bytesPerSecond(); }
    qint64 secondsLeft() const { return m_rate.secondsLeft(m_received, m_total); }
    QString errorMessage() const { return m_error; }

public slots:
    void start();
    void pause();
    void cancel();

signals:
    void stateChanged();
    void progressChanged();
    void finished(const QString& path);
    void failed(const QString& message);

private:
    void fetchChecksum();
    void beginTransfer();
    void onMetaDataChanged();
    void onReadyRead();
    void onReplyFinished();
    void verify();
    void finishVerified();
    void fail(const QString& message, bool keepPartial);
    void setState(State state);
    bool enoughSpaceFor(qint64 bytesStillNeeded);
    void dropReply();
    QNetworkAccessManager* network();

    QPointer<QNetworkAccessManager> m_network;
    bool m_ownsNetwork = false;
    DownloadRequest m_request;
    FreeSpaceFunction m_freeSpace;
    AsyncModelFileCheck m_modelCheck;
    quint64 m_verification = 0; // which verify() a late check answer belongs to
    QNetworkReply* m_reply = nullptr;
    QFile m_partial;
    State m_state = State::Idle;
    qint64 m_received = 0;
    qint64 m_total = 0;
    qint64 m_resumeFrom = 0;
    bool m_responseAccepted = false;
    QString m_sha256;
    QString m_validator;
    QString m_error;
    TransferRate m_rate;
};

} // namespace agora::app
