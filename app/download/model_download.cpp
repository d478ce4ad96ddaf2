#include "download/model_download.h"

#include "catalog/catalog.h"
#include "download/download_state.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QStandardPaths>

namespace agora::app {

ModelDownload::ModelDownload(QObject* parent) : QObject(parent)
{
    const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    m_modelsFolder = QDir(data).filePath(QStringLiteral("Agora/models"));
}

ModelDownload::~ModelDownload() = default;

void ModelDownload::setModelsFolder(const QString& folder)
{
    if (folder == m_modelsFolder)
        return;
    m_modelsFolder = folder;
    ++m_revision;
    emit modelsFolderChanged();
    emit stateChanged();
}

QString ModelDownload::state() const
{
    if (!m_downloader)
        return QStringLiteral("idle");
    switch (m_downloader->state()) {
    case ModelDownloader::State::Idle: return QStringLiteral("idle");
    case ModelDownloader::State::FetchingChecksum: return QStringLiteral("checking");
    case ModelDownloader::State::Downloading: return QStringLiteral("downloading");
    case ModelDownloader::State::Paused: return QStringLiteral("paused");
    case ModelDownloader::State::Verifying: return QStringLiteral("verifying");
    case ModelDownloader::State::Finished: return QStringLiteral("finished");
    case ModelDownloader::State::Failed: return QStringLiteral("failed");
    case ModelDownloader::State::Cancelled: break;
    }
    return QStringLiteral("cancelled");
}

QString ModelDownload::errorText() const
{
    return m_downloader ? m_downloader->errorMessage() : QString();
}

double ModelDownload::progress() const
{
    if (!m_downloader || m_downloader->totalBytes() <= 0)
        return -1;
    return double(m_downloader->receivedBytes()) / double(m_downloader->totalBytes());
}

QString ModelDownload::progressText() const
{
    if (!m_downloader)
        return {};
    const QLocale locale;
    const QString received = locale.formattedDataSize(m_downloader->receivedBytes(), 1, QLocale::DataSizeSIFormat);
    if (m_downloader->totalBytes() <= 0)
        return received;
    //: download progress, e.g. "1.2 GB of 4.7 GB"
    return tr("%1 of %2").arg(received, locale.formattedDataSize(m_downloader->totalBytes(), 1, QLocale::DataSizeSIFormat));
}

QString ModelDownload::speedText() const
{
    if (!m_downloader || m_downloader->bytesPerSecond() <= 0)
        return {};
    //: download speed, e.g. "12.5 MB/s"
    return tr("%1/s").arg(QLocale().formattedDataSize(qint64(m_downloader->bytesPerSecond()), 1, QLocale::DataSizeSIFormat));
}

QString ModelDownload::timeLeftText() const
{
    const qint64 seconds = m_downloader ? m_downloader->secondsLeft() : -1;
    if (seconds < 0)
        return {};
    if (seconds < 60)
        return tr("less than a minute left");
    if (seconds < 3600)
        return tr("%1 min left").arg((seconds + 59) / 60);
    return tr("%1 h %2 min left").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

void ModelDownload::setBridge(EngineBridge* bridge)
{
    if (bridge == m_bridge)
        return;
    m_bridge = bridge;
    installModelCheck();
    emit bridgeChanged();
}

// The engine decides whether a downloaded file is a model it can run: it reads the header on its
// own thread and answers with the model's card, which lists tensor types it cannot run yet.
void ModelDownload::installModelCheck()
{
    if (!m_downloader)
        return;
    if (!m_bridge) {
        m_downloader->setModelFileCheck(checkGgufHeader);
        return;
    }
    QPointer<EngineBridge> bridge = m_bridge;
    m_downloader->setAsyncModelFileCheck([bridge](const QString& path, ModelFileCheckDone done) {
        if (!bridge) {
            done(checkGgufHeader(path));
            return;
        }
        auto connection = std::make_shared<QMetaObject::Connection>();
        auto ticket = std::make_shared<quint64>(0);
        *connection = QObject::connect(bridge, &EngineBridge::modelInspected, bridge,
            [connection, ticket, done](quint64 answered, const QString&, const QVariantMap& card, const QString& error) {
                if (answered != *ticket)
                    return;
                QObject::disconnect(*connection);
                if (!error.isEmpty()) {
                    done(error);
                    return;
                }
                const QStringList unsupported = card.value(QStringLiteral("unsupportedTypes")).toStringList();
                if (!unsupported.isEmpty()) {
                    done(tr("Agora cannot run its weight types yet: %1").arg(unsupported.join(QStringLiteral(", "))));
                    return;
                }
                done(QString());
            });
        // The answer is queued from the worker thread, so it cannot arrive before the ticket is known.
        *ticket = bridge->inspectModel(path);
    });
}

QString ModelDownload::targetPathFor(const QVariantMap& entry) const
{
    const QString fileName = entry.value(QStringLiteral("fileName")).toString();
    if (fileName.isEmpty() || m_modelsFolder.isEmpty())
        return {};
    return QDir(m_modelsFolder).filePath(fileName);
}

bool ModelDownload::hasPartial(const QVariantMap& entry) const
{
    const QString target = targetPathFor(entry);
    DownloadState saved;
    return !target.isEmpty() && loadDownloadState(target, saved)
        && saved.url == QUrl(entry.value(QStringLiteral("url")).toString()) && QFileInfo::exists(partialPathFor(target));
}

QString ModelDownload::partialText(const QVariantMap& entry) const
{
    if (!hasPartial(entry))
        return {};
    const QString target = targetPathFor(entry);
    DownloadState saved;
    loadDownloadState(target, saved);
    const QLocale locale;
    const QString received = locale.formattedDataSize(QFileInfo(partialPathFor(target)).size(), 1, QLocale::DataSizeSIFormat);
    const qint64 total = saved.totalBytes > 0 ? saved.totalBytes : entry.value(QStringLiteral("fileSizeBytes")).toLongLong();
    if (total <= 0)
        return received;
    return tr("%1 of %2").arg(received, locale.formattedDataSize(total, 1, QLocale::DataSizeSIFormat));
}

void ModelDownload::start(const QVariantMap& entry)
{
    if (!m_downloader) {
        m_downloader = std::make_unique<ModelDownloader>(m_testNetwork);
        installModelCheck();
        connect(m_downloader.get(), &ModelDownloader::stateChanged, this, [this]() {
            ++m_revision; // a pause leaves a partial file, a cancel removes it
            emit stateChanged();
        });
        connect(m_downloader.get(), &ModelDownloader::progressChanged, this, &ModelDownload::progressChanged);
        connect(m_downloader.get(), &ModelDownloader::finished, this, [this](const QString& path) {
            m_filePath = path;
            emit stateChanged();
            emit finished(path);
        });
    }
    m_entry = entry;
    m_modelId = entry.value(QStringLiteral("modelId")).toString();
    m_filePath.clear();
    DownloadRequest request;
    request.url = QUrl(entry.value(QStringLiteral("url")).toString());
    const QString fileName = entry.value(QStringLiteral("fileName")).toString();
    request.targetPath = QDir(m_modelsFolder).filePath(fileName);
    request.expectedBytes = entry.value(QStringLiteral("fileSizeBytes")).toLongLong();
    request.sha256 = entry.value(QStringLiteral("sha256")).toString();
    const QString repo = entry.value(QStringLiteral("huggingFaceRepo")).toString();
    if (!repo.isEmpty()) {
        CatalogEntry listed;
        listed.huggingFaceRepo = repo;
        request.listingUrl = QUrl(fileListingUrl(listed));
        request.listingFileName = fileName;
    }
    m_downloader->setRequest(request);
    m_downloader->start();
    emit stateChanged();
}

void ModelDownload::pause()
{
    if (m_downloader)
        m_downloader->pause();
}

void ModelDownload::resume()
{
    if (m_downloader && !m_entry.isEmpty())
        m_downloader->start();
}

void ModelDownload::cancel()
{
    if (m_downloader)
        m_downloader->cancel();
}

} // namespace agora::app
