#include "download/model_downloader.h"

#include "catalog/catalog.h"
#include "download/download_state.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QStorageInfo>

namespace agora::app {
namespace {

QString readableSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

qint64 defaultFreeSpace(const QString& directory)
{
    QStorageInfo storage(directory);
    storage.refresh();
    return storage.isValid() ? storage.bytesAvailable() : -1;
}

// "bytes 100-199/1000" -> first = 100, total = 1000 (total -1 for "*").
bool parseContentRange(const QByteArray& header, qint64& first, qint64& total)
{
    static const QRegularExpression pattern(QStringLiteral("^bytes (\\d+)-(\\d+)/(\\d+|\\*)$"));
    const QRegularExpressionMatch match = pattern.match(QString::fromLatin1(header.trimmed()));
    if (!match.hasMatch())
        return false;
    first = match.captured(1).toLongLong();
    total = match.captured(3) == u"*" ? -1 : match.captured(3).toLongLong();
    return true;
}

} // namespace

ModelDownloader::ModelDownloader(QNetworkAccessManager* network, QObject* parent)
    : QObject(parent), m_network(network), m_freeSpace(defaultFreeSpace)
{
    setModelFileCheck(checkGgufHeader);
}

void ModelDownloader::setModelFileCheck(ModelFileCheck check)
{
    if (!check) {
        m_modelCheck = nullptr;
        return;
    }
    m_modelCheck = [check = std::move(check)](const QString& path, ModelFileCheckDone done) { done(check(path)); };
}

ModelDownloader::~ModelDownloader()
{
    dropReply();
    m_partial.close();
    if (m_ownsNetwork)
        delete m_network.data();
}

void ModelDownloader::setRequest(const DownloadRequest& request)
{
    if (m_state == State::Downloading || m_state == State::FetchingChecksum || m_state == State::Verifying)
        return;
    m_request = request;
    m_received = 0;
    m_total = 0;
    m_error.clear();
    setState(State::Idle);
    emit progressChanged();
}

bool ModelDownloader::hasPartialDownload() const
{
    DownloadState saved;
    return !m_request.targetPath.isEmpty() && loadDownloadState(m_request.targetPath, saved) && saved.url == m_request.url
        && QFileInfo::exists(partialPathFor(m_request.targetPath));
}

QNetworkAccessManager* ModelDownloader::network()
{
    if (!m_network) {
        // Created on the user's first download, never before: the app opens no connection until then.
        QNetworkProxyFactory::setUseSystemConfiguration(true);
        m_network = new QNetworkAccessManager;
        m_ownsNetwork = true;
    }
    return m_network;
}

void ModelDownloader::start()
{
    if (m_state == State::Downloading || m_state == State::FetchingChecksum || m_state == State::Verifying)
        return;
    m_error.clear();
    const QString scheme = m_request.url.scheme();
    if (!m_request.url.isValid() || (scheme != u"https" && scheme != u"http")) {
        fail(tr("This download has no valid web address."), true);
        return;
    }
    if (m_request.targetPath.isEmpty()) {
        fail(tr("No folder was chosen for the model file."), true);
        return;
    }
    if (QFileInfo::exists(m_request.targetPath)) {
        fail(tr("%1 already exists. Remove it first or choose another folder.").arg(QDir::toNativeSeparators(m_request.targetPath)), true);
        return;
    }
    if (!QDir().mkpath(QFileInfo(m_request.targetPath).absolutePath())) {
        fail(tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(QFileInfo(m_request.targetPath).absolutePath())), true);
        return;
    }

    // A partial file from before (this session or an earlier one) is only trusted with its state.
    DownloadState saved;
    if (loadDownloadState(m_request.targetPath, saved) && saved.url == m_request.url) {
        m_total = saved.totalBytes;
        m_validator = saved.validator;
        m_sha256 = m_request.sha256.isEmpty() ? saved.sha256 : m_request.sha256.toLower();
    } else {
        discardPartialDownload(m_request.targetPath);
        m_total = 0;
        m_validator.clear();
        m_sha256 = m_request.sha256.toLower();
    }
    if (m_sha256.isEmpty() && m_request.listingUrl.isValid())
        fetchChecksum();
    else if (m_sha256.isEmpty())
        fail(tr("No checksum is known for this file, so its integrity could not be verified."), true);
    else
        beginTransfer();
}

void ModelDownloader::fetchChecksum()
{
    setState(State::FetchingChecksum);
    QNetworkRequest request(m_request.listingUrl);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("Agora"));
    m_reply = network()->get(request);
    connect(m_reply, &QNetworkReply::finished, this, [this]() {
        QNetworkReply* reply = m_reply;
        m_reply = nullptr;
        reply->deleteLater();
        if (m_state != State::FetchingChecksum)
            return; // paused or cancelled meanwhile
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError || status != 200) {
            fail(tr("Could not read the file's checksum from %1 (%2). Check the internet connection and try again.")
                     .arg(m_request.listingUrl.host(), status > 0 ? QString::number(status) : reply->errorString()),
                 true);
            return;
        }
        m_sha256 = sha256FromFileListing(reply->readAll(), m_request.listingFileName);
        if (m_sha256.isEmpty()) {
            fail(tr("The file list at %1 has no checksum for %2, so the download was not started.")
                     .arg(m_request.listingUrl.host(), m_request.listingFileName),
                 true);
            return;
        }
        beginTransfer();
    });
}

bool ModelDownloader::enoughSpaceFor(qint64 bytesStillNeeded)
{
    const QString directory = QFileInfo(m_request.targetPath).absolutePath();
    const qint64 available = m_freeSpace ? m_freeSpace(directory) : -1;
    if (available < 0 || bytesStillNeeded <= available)
        return true; // unknown free space: the write itself will report a full disk
    fail(tr("Not enough free disk space in %1: the model needs %2 more, but only %3 is free.")
             .arg(QDir::toNativeSeparators(directory), readableSize(bytesStillNeeded), readableSize(available)),
         true);
    return false;
}

void ModelDownloader::beginTransfer()
{
    const QString partialPath = partialPathFor(m_request.targetPath);
    m_resumeFrom = QFileInfo::exists(partialPath) ? QFileInfo(partialPath).size() : 0;
    const qint64 expected = m_total > 0 ? m_total : m_request.expectedBytes;
    if (!enoughSpaceFor(std::max<qint64>(0, expected - m_resumeFrom)))
        return;
    const QString saveError = saveDownloadState(m_request.targetPath, {m_request.url, m_total, m_sha256, m_validator});
    if (!saveError.isEmpty()) {
        fail(tr("Cannot write in the models folder: %1").arg(saveError), true);
        return;
    }
    m_partial.setFileName(partialPath);
    if (!m_partial.open(m_resumeFrom > 0 ? QIODevice::Append : QIODevice::WriteOnly | QIODevice::Truncate)) {
        fail(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(partialPath), m_partial.errorString()), true);
        return;
    }

    QNetworkRequest request(m_request.url);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("Agora"));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    if (m_resumeFrom > 0) {
        request.setRawHeader("Range", "bytes=" + QByteArray::number(m_resumeFrom) + '-');
        if (!m_validator.isEmpty())
            request.setRawHeader("If-Range", m_validator.toUtf8()); // changed file: the server sends it whole
    }
    m_responseAccepted = false;
    m_received = m_resumeFrom;
    m_rate.restart();
    m_reply = network()->get(request);
    connect(m_reply, &QNetworkReply::readyRead, this, &ModelDownloader::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &ModelDownloader::onReplyFinished);
    setState(State::Downloading);
    emit progressChanged();
}

void ModelDownloader::onMetaDataChanged()
{
    m_responseAccepted = true;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 206) {
        qint64 first = 0;
        qint64 total = -1;
        if (!parseContentRange(m_reply->rawHeader("Content-Range"), first, total) || first != m_resumeFrom) {
            fail(tr("The server resumed the download at the wrong place. The partial file was deleted; please start again."), false);
            return;
        }
        if (total > 0)
            m_total = total;
    } else if (status == 200) {
        if (m_resumeFrom > 0) {
            // The server ignored the range or the file changed (If-Range): start over from byte 0.
            m_partial.resize(0);
            m_partial.seek(0);
            m_resumeFrom = 0;
            m_received = 0;
        }
        const qint64 length = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (length > 0)
            m_total = length;
    } else {
        return; // an error status: onReplyFinished reports it
    }
    QString validator = QString::fromLatin1(m_reply->rawHeader("ETag"));
    if (validator.isEmpty())
        validator = QString::fromLatin1(m_reply->rawHeader("Last-Modified"));
    m_validator = validator;
    if (!enoughSpaceFor(std::max<qint64>(0, m_total - m_received)))
        return;
    saveDownloadState(m_request.targetPath, {m_request.url, m_total, m_sha256, m_validator});
    emit progressChanged();
}

void ModelDownloader::onReadyRead()
{
    if (!m_responseAccepted) {
        onMetaDataChanged();
        if (!m_reply)
            return; // failed while checking the response
    }
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray data = m_reply->readAll();
    if (status != 200 && status != 206)
        return; // an error page, not the model
    if (m_partial.write(data) != data.size()) {
        fail(tr("Writing the model file failed after %1: %2. Is the disk full?").arg(readableSize(m_received), m_partial.errorString()), true);
        return;
    }
    m_received += data.size();
    m_rate.update(m_received);
    emit progressChanged();
}

void ModelDownloader::onReplyFinished()
{
    QNetworkReply* reply = m_reply;
    if (!reply)
        return;
    // Bytes that arrived just before the end (or before a dropped connection) still count.
    if (m_state == State::Downloading && reply->bytesAvailable() > 0)
        onReadyRead();
    if (!m_reply)
        return; // failed while writing the last bytes
    m_reply = nullptr;
    reply->deleteLater();
    m_partial.close();
    if (m_state != State::Downloading)
        return; // paused or cancelled: already handled
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 416 && m_total > 0 && m_received == m_total) {
        verify(); // everything had arrived before an interruption
        return;
    }
    if (status >= 400) {
        fail(tr("The server answered with error %1 (%2). Please try again later.")
                 .arg(status)
                 .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString()),
             true);
        return;
    }
    if (reply->error() != QNetworkReply::NoError || (m_total > 0 && m_received < m_total)) {
        fail(tr("The connection was lost after %1 of %2. Press Download to continue where it stopped.")
                 .arg(readableSize(m_received), m_total > 0 ? readableSize(m_total) : tr("an unknown size")),
             true);
        return;
    }
    verify();
}

void ModelDownloader::verify()
{
    setState(State::Verifying);
    sha256OfFileAsync(partialPathFor(m_request.targetPath), this, [this](const QString& digest, const QString& error) {
        if (m_state != State::Verifying)
            return;
        if (!error.isEmpty()) {
            fail(error, true);
            return;
        }
        if (digest != m_sha256) {
            fail(tr("The downloaded file is damaged: its checksum does not match the published one. It was deleted; please download it again."), false);
            return;
        }
        if (!m_modelCheck) {
            finishVerified();
            return;
        }
        // The check may answer later (the engine reads the header on its thread); by then the
        // user may have cancelled, or this downloader may be gone.
        const quint64 verification = ++m_verification;
        QPointer<ModelDownloader> self(this);
        m_modelCheck(partialPathFor(m_request.targetPath), [self, verification](const QString& problem) {
            // A raw pointer after the check: GCC 12 at -O2 flags every QPointer dereference as a
            // potential null dereference otherwise.
            ModelDownloader* downloader = self.data();
            if (downloader == nullptr || downloader->m_state != State::Verifying || downloader->m_verification != verification)
                return;
            if (!problem.isEmpty()) {
                downloader->fail(tr("The downloaded file does not open as a model (%1). It was deleted.").arg(problem), false);
                return;
            }
            downloader->finishVerified();
        });
    });
}

void ModelDownloader::finishVerified()
{
    if (!QFile::rename(partialPathFor(m_request.targetPath), m_request.targetPath)) {
        fail(tr("The model was downloaded but could not be renamed to %1.").arg(QDir::toNativeSeparators(m_request.targetPath)), true);
        return;
    }
    QFile::remove(statePathFor(m_request.targetPath));
    setState(State::Finished);
    emit finished(m_request.targetPath);
}

void ModelDownloader::pause()
{
    if (m_state != State::Downloading && m_state != State::FetchingChecksum)
        return;
    setState(State::Paused); // first, so that the aborted reply is not taken for a failure
    dropReply();
    m_partial.close();
}

void ModelDownloader::cancel()
{
    if (m_state == State::Finished || m_state == State::Cancelled || m_request.targetPath.isEmpty())
        return;
    setState(State::Cancelled);
    dropReply();
    m_partial.close();
    discardPartialDownload(m_request.targetPath);
    m_received = 0;
    emit progressChanged();
}

void ModelDownloader::fail(const QString& message, bool keepPartial)
{
    dropReply();
    m_partial.close();
    if (!keepPartial)
        discardPartialDownload(m_request.targetPath);
    m_error = message;
    setState(State::Failed);
    emit failed(message);
}

void ModelDownloader::dropReply()
{
    if (!m_reply)
        return;
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

void ModelDownloader::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged();
}

} // namespace agora::app
