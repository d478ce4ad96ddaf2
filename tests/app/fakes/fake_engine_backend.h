// A test EngineBackend that answers from a JSON fixture (the `agora-cli devices --json` format),
// optionally after a delay, and counts how often and on which thread it was asked.
#pragma once

#include "bridge/engine_backend.h"

#include <QByteArray>
#include <QThread>

#include <atomic>

namespace agora::app::testing {

class FakeEngineBackend final : public EngineBackend {
public:
    explicit FakeEngineBackend(QByteArray devicesJson, int delayMs = 0);

    // Reads a fixture from tests/app/fixtures by file name; an empty scan with an error if missing.
    static QByteArray fixture(const QString& fileName);

    DeviceScan scanDevices() override;

    int scanCount() const { return m_scanCount.load(); }
    QThread* lastScanThread() const { return m_lastThread.load(); }

private:
    QByteArray m_json;
    int m_delayMs = 0;
    std::atomic<int> m_scanCount{0};
    std::atomic<QThread*> m_lastThread{nullptr};
};

} // namespace agora::app::testing
