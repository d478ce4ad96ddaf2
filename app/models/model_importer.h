// Brings model files into the models folder, one at a time from a queue (drag and drop can hand
// over several): checks the name is free, asks the engine whether the file really is a GGUF model
// (inspectModel, off the GUI thread), checks the free disk space, then copies it (ModelFileCopy,
// with progress) or links to it where it lies. Nothing is left behind when a step refuses.
#pragma once

#include "bridge/engine_bridge.h"
#include "models/model_file_copy.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>
#include <optional>

namespace agora::app {

class ModelImporter : public QObject {
    Q_OBJECT
public:
    enum class Mode { Copy, Link };

    explicit ModelImporter(QObject* parent = nullptr);
    ~ModelImporter() override;

    void setBridge(EngineBridge* bridge);
    void setFolder(const QString& folder) { m_folder = folder; }

    // Queues one file; failed() or imported() follows for it, in order.
    void enqueue(const QString& source, Mode mode);
    // Stops the copy in progress (its .part file is removed) and forgets the queue.
    void cancel();

    bool busy() const { return m_current.has_value(); }
    double progress() const { return m_progress; }
    QString currentFileName() const;

    // Bytes kept free beyond the model itself, so an import cannot fill the disk to the brim.
    static constexpr qint64 reserveBytes = 256LL * 1024 * 1024;
    // The name a file gets in the models folder (".gguf" added when missing, so it is listed).
    static QString targetFileName(const QString& source);

signals:
    void stateChanged(); // busy, progress or the current file changed
    void imported(const QString& target);
    void failed(const QString& fileName, const QString& message);

private:
    struct Job {
        QString source;
        QString target;
        Mode mode = Mode::Copy;
        quint64 inspectTicket = 0;
    };

    void startNext();
    void onInspected(quint64 ticket, const QString& path, const QVariantMap& card, const QString& error);
    void transfer();
    void finish(const QString& error);
    QString refusalBeforeInspect(const Job& job) const;

    QPointer<EngineBridge> m_bridge;
    QMetaObject::Connection m_inspectConnection;
    QString m_folder;
    QList<Job> m_queue;
    std::optional<Job> m_current;
    std::unique_ptr<ModelFileCopy> m_copy;
    double m_progress = 0.0;
};

} // namespace agora::app
