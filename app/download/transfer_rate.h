// Download speed and time left, smoothed so the numbers a user reads do not jump with every
// network packet: bytes are summed per sample window and the rate is a moving average.
#pragma once

#include <QElapsedTimer>
#include <QtGlobal>

namespace agora::app {

class TransferRate {
public:
    void restart();
    // Called with the running total; `nowMs` is injectable for tests (default: our own clock).
    void update(qint64 totalBytes, qint64 nowMs = -1);

    double bytesPerSecond() const { return m_rate; }
    // -1 while unknown (no rate yet or no total).
    qint64 secondsLeft(qint64 receivedBytes, qint64 totalBytes) const;

private:
    QElapsedTimer m_clock;
    qint64 m_windowStartMs = 0;
    qint64 m_windowStartBytes = -1;
    double m_rate = 0;
    bool m_haveRate = false;
};

} // namespace agora::app
