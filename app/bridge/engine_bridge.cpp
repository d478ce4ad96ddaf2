#include "bridge/engine_bridge.h"

namespace agora::app {

EngineWorker::EngineWorker(std::shared_ptr<EngineBackend> backend) : m_backend(std::move(backend)) {}

void EngineWorker::scanDevices()
{
    emit devicesScanned(m_backend->scanDevices());
}

EngineBridge::EngineBridge(std::shared_ptr<EngineBackend> backend, QObject* parent)
    : QObject(parent), m_worker(new EngineWorker(std::move(backend)))
{
    m_thread.setObjectName(QStringLiteral("agora-engine-bridge"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // Both directions are queued: the GUI never blocks on the worker and vice versa.
    connect(this, &EngineBridge::scanRequested, m_worker, &EngineWorker::scanDevices, Qt::QueuedConnection);
    connect(m_worker, &EngineWorker::devicesScanned, this, &EngineBridge::onDevicesScanned, Qt::QueuedConnection);
    m_thread.start();
}

EngineBridge::~EngineBridge()
{
    // A scan in progress finishes first (a driver call cannot be interrupted); its result is
    // dropped because this object no longer receives queued events.
    m_thread.quit();
    m_thread.wait();
}

void EngineBridge::refreshDevices()
{
    if (m_scanning)
        return;
    m_scanning = true;
    emit scanningChanged();
    emit scanRequested();
}

void EngineBridge::onDevicesScanned(const DeviceScan& scan)
{
    m_lastScan = scan;
    m_hasScan = true;
    m_scanning = false;
    emit devicesScanned(m_lastScan);
    emit scanningChanged();
}

} // namespace agora::app
