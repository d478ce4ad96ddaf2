#include "fake_engine_backend.h"

#include <QFile>

namespace agora::app::testing {

FakeEngineBackend::FakeEngineBackend(QByteArray devicesJson, int delayMs)
    : m_json(std::move(devicesJson)), m_delayMs(delayMs)
{
}

QByteArray FakeEngineBackend::fixture(const QString& fileName)
{
    QFile file(QStringLiteral(AGORA_APP_FIXTURES "/") + fileName);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArrayLiteral("{\"devices\": [], \"error\": \"test fixture missing\"}");
    return file.readAll();
}

DeviceScan FakeEngineBackend::scanDevices()
{
    m_lastThread.store(QThread::currentThread());
    if (m_delayMs > 0)
        QThread::msleep(static_cast<unsigned long>(m_delayMs));
    ++m_scanCount;
    return deviceScanFromJson(m_json);
}

} // namespace agora::app::testing
