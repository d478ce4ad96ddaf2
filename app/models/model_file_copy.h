// Copies one model file into the models folder on a thread of its own, so a 20 GB import never
// freezes the window. The bytes go to "<target>.part" first and are renamed only once complete
// and flushed: a crash or a full disk can leave a .part file (never listed as a model) but never a
// truncated .gguf that looks like a model.
#pragma once

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <thread>

namespace agora::app {

class ModelFileCopy : public QObject {
    Q_OBJECT
public:
    ModelFileCopy(QString source, QString target, QObject* parent = nullptr);
    ~ModelFileCopy() override; // cancels a running copy and waits for its thread

    void start();
    void cancel();

    // The copy itself, callable from any thread: returns an empty string on success, else a
    // translated sentence. `progress` is called with bytes done and total; the .part file is
    // removed on any failure or cancellation.
    static QString copyFile(const QString& source, const QString& target, const std::atomic<bool>& cancelled,
                            const std::function<void(qint64 done, qint64 total)>& progress);

signals:
    void progressed(double fraction);
    void finished(const QString& error); // empty: the target exists and is complete

private:
    QString m_source;
    QString m_target;
    std::shared_ptr<std::atomic<bool>> m_cancelled = std::make_shared<std::atomic<bool>>(false);
    std::thread m_thread;
};

} // namespace agora::app
