// The Download button's object for QML: starts, pauses, resumes and cancels the download of one
// catalog entry into the models folder, and shows progress, speed and time left as text. The
// ModelDownloader (and with it the network access manager) is created on the first start(),
// never before: an app that is only opened makes no network connection.
#pragma once

#include "bridge/engine_bridge.h"
#include "download/model_downloader.h"

#include <QObject>
#include <QPointer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace agora::app {

class ModelDownload : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString modelsFolder READ modelsFolder WRITE setModelsFolder NOTIFY modelsFolderChanged)
    // idle, checking, downloading, paused, verifying, finished, failed, cancelled
    Q_PROPERTY(QString state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString modelId READ modelId NOTIFY stateChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY stateChanged)
    Q_PROPERTY(QString filePath READ filePath NOTIFY stateChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged) // 0..1, -1 while unknown
    Q_PROPERTY(QString progressText READ progressText NOTIFY progressChanged)
    Q_PROPERTY(QString speedText READ speedText NOTIFY progressChanged)
    Q_PROPERTY(QString timeLeftText READ timeLeftText NOTIFY progressChanged)
    Q_PROPERTY(bool networkCreated READ networkCreated NOTIFY stateChanged)
    // When set, a finished download must open as a model the engine can run (inspectModel on
    // the engine's thread) before it is renamed into place; without it only the GGUF header is read.
    Q_PROPERTY(agora::app::EngineBridge* bridge READ bridge WRITE setBridge NOTIFY bridgeChanged)
    // Bumped whenever partial files may have changed: bindings over hasPartial() depend on it.
    Q_PROPERTY(int revision READ revision NOTIFY stateChanged)

public:
    explicit ModelDownload(QObject* parent = nullptr);
    ~ModelDownload() override;

    QString modelsFolder() const { return m_modelsFolder; }
    void setModelsFolder(const QString& folder);
    QString state() const;
    QString modelId() const { return m_modelId; }
    QString errorText() const;
    QString filePath() const { return m_filePath; }
    double progress() const;
    QString progressText() const;
    QString speedText() const;
    QString timeLeftText() const;
    bool networkCreated() const { return m_downloader != nullptr; }
    EngineBridge* bridge() const { return m_bridge; }
    void setBridge(EngineBridge* bridge);
    int revision() const { return m_revision; }

    // A paused or interrupted download of this catalog entry waits in the models folder (also
    // one from before a restart): the page offers "Resume" rather than "Download".
    Q_INVOKABLE bool hasPartial(const QVariantMap& entry) const;
    // "1.2 GB of 4.7 GB" for that partial file; empty when there is none.
    Q_INVOKABLE QString partialText(const QVariantMap& entry) const;

    // `entry` is CatalogListModel.get(row). Starting the same entry again resumes it.
    Q_INVOKABLE void start(const QVariantMap& entry);
    Q_INVOKABLE void pause();
    Q_INVOKABLE void resume();
    Q_INVOKABLE void cancel();

    // For tests: the downloader is created on first use with this network manager (nullptr: its own).
    void setNetworkForTests(class QNetworkAccessManager* network) { m_testNetwork = network; }
    ModelDownloader* downloader() const { return m_downloader.get(); }

signals:
    void modelsFolderChanged();
    void bridgeChanged();
    void stateChanged();
    void progressChanged();
    void finished(const QString& path);

private:
    QString targetPathFor(const QVariantMap& entry) const;
    void installModelCheck();

    QString m_modelsFolder;
    QPointer<EngineBridge> m_bridge;
    int m_revision = 0;
    QString m_modelId;
    QString m_filePath;
    QVariantMap m_entry;
    class QNetworkAccessManager* m_testNetwork = nullptr;
    std::unique_ptr<ModelDownloader> m_downloader;
};

} // namespace agora::app
