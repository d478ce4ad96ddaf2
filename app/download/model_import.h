// "I already have a model file": brings a GGUF file the user picked into the models folder, so
// the models page and the next start find it. The file is checked first (GGUF magic and
// version), then hard-linked when it sits on the same disk (instant, no extra space) or else
// copied off the GUI thread with progress, into "<name>.importing" and renamed when complete, so
// an interrupted copy never looks like a model. The original is never touched.
#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <atomic>
#include <memory>

namespace agora::app {

class ModelImport : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString modelsFolder READ modelsFolder WRITE setModelsFolder NOTIFY modelsFolderChanged)
    Q_PROPERTY(QString state READ state NOTIFY stateChanged)       // idle, copying, finished, failed
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged) // 0..1 while copying
    Q_PROPERTY(QString errorText READ errorText NOTIFY stateChanged)
    Q_PROPERTY(QString filePath READ filePath NOTIFY stateChanged)   // the model's path in the folder

public:
    explicit ModelImport(QObject* parent = nullptr);
    ~ModelImport() override;

    QString modelsFolder() const { return m_modelsFolder; }
    void setModelsFolder(const QString& folder);
    QString state() const { return m_state; }
    double progress() const { return m_progress; }
    QString errorText() const { return m_errorText; }
    QString filePath() const { return m_filePath; }

    // A local path or a file: URL (what FileDialog gives). finished or failed follows; a file
    // that is already in the models folder finishes at once.
    Q_INVOKABLE void importFile(const QString& urlOrPath);
    // Stops a copy in progress and removes the incomplete file.
    Q_INVOKABLE void cancel();

    // Hard links are tried first; tests turn them off to exercise the copy.
    void setLinkingAllowed(bool allowed) { m_linkingAllowed = allowed; }

signals:
    void modelsFolderChanged();
    void stateChanged();
    void progressChanged();
    void finished(const QString& path);
    void failed(const QString& message);

private:
    void copyInBackground(const QString& source, const QString& target);
    void onCopyDone(const QString& target, const QString& error);
    void fail(const QString& message);
    void succeed(const QString& path);
    void setProgress(double progress);

    QString m_modelsFolder;
    QString m_state = QStringLiteral("idle");
    double m_progress = 0;
    QString m_errorText;
    QString m_filePath;
    bool m_linkingAllowed = true;
    // Shared with the copying thread, which may outlive this object by one chunk.
    std::shared_ptr<std::atomic_bool> m_cancel;
};

} // namespace agora::app
