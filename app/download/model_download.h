// The Download button's object for QML: starts, pauses, resumes and cancels the download of one
// catalog entry into the models folder, and shows progress, speed and time left as text. The
// ModelDownloader (and with it the network access manager) is created on the first start(),
// never before: an app that is only opened makes no network connection.
#pragma once

#include "download/model_downloader.h"

#include <QObject>
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
    void stateChanged();
    void progressChanged();
    void finished(const QString& path);

private:
    QString m_modelsFolder;
    QString m_modelId;
    QString m_filePath;
    QVariantMap m_entry;
    class QNetworkAccessManager* m_testNetwork = nullptr;
    std::unique_ptr<ModelDownloader> m_downloader;
};

} // namespace agora::app
