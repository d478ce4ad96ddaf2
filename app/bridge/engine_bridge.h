// The GUI's one door to the engine. It owns a worker thread on which every engine call runs, so
// the window never waits on a driver; results come back as queued signals on the GUI thread.
// QML receives the bridge as an initial property of the window (no singletons, no globals).
#pragma once

#include "bridge/device_record.h"
#include "bridge/engine_backend.h"

#include <QObject>
#include <QThread>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace agora::app {

// Lives on the bridge's worker thread; owns nothing but a pointer to the backend.
class EngineWorker : public QObject {
    Q_OBJECT
public:
    explicit EngineWorker(std::shared_ptr<EngineBackend> backend);

public slots:
    void scanDevices();

signals:
    void devicesScanned(const agora::app::DeviceScan& scan);

private:
    std::shared_ptr<EngineBackend> m_backend;
};

class EngineBridge : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The application creates the engine bridge and hands it to the window.")
    Q_PROPERTY(bool scanning READ scanning NOTIFY scanningChanged)
    Q_PROPERTY(bool hasScan READ hasScan NOTIFY devicesScanned)

public:
    explicit EngineBridge(std::shared_ptr<EngineBackend> backend, QObject* parent = nullptr);
    ~EngineBridge() override;

    bool scanning() const { return m_scanning; }
    bool hasScan() const { return m_hasScan; }
    const DeviceScan& lastScan() const { return m_lastScan; }

    // Starts a device enumeration on the worker thread; a no-op while one is running.
    Q_INVOKABLE void refreshDevices();

signals:
    void scanningChanged();
    void devicesScanned(const agora::app::DeviceScan& scan);
    void scanRequested(); // internal: crosses to the worker thread

private:
    void onDevicesScanned(const DeviceScan& scan);

    QThread m_thread;
    EngineWorker* m_worker = nullptr; // owned by m_thread's event loop, deleted on finish
    DeviceScan m_lastScan;
    bool m_scanning = false;
    bool m_hasScan = false;
};

} // namespace agora::app
