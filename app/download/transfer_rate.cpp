#include "download/transfer_rate.h"

#include <cmath>

namespace agora::app {
namespace {
constexpr qint64 kWindowMs = 500;  // one sample per half second
constexpr double kSmoothing = 0.3; // weight of the newest sample
} // namespace

void TransferRate::restart()
{
    m_clock.start();
    m_windowStartMs = 0;
    m_windowStartBytes = -1;
    m_rate = 0;
    m_haveRate = false;
}

void TransferRate::update(qint64 totalBytes, qint64 nowMs)
{
    if (nowMs < 0)
        nowMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    if (m_windowStartBytes < 0) {
        m_windowStartMs = nowMs;
        m_windowStartBytes = totalBytes;
        return;
    }
    const qint64 elapsed = nowMs - m_windowStartMs;
    if (elapsed < kWindowMs)
        return;
    const double sample = double(totalBytes - m_windowStartBytes) * 1000.0 / double(elapsed);
    m_rate = m_haveRate ? kSmoothing * sample + (1 - kSmoothing) * m_rate : sample;
    m_haveRate = true;
    m_windowStartMs = nowMs;
    m_windowStartBytes = totalBytes;
}

qint64 TransferRate::secondsLeft(qint64 receivedBytes, qint64 totalBytes) const
{
    if (!m_haveRate || m_rate <= 0 || totalBytes <= 0)
        return -1;
    return static_cast<qint64>(std::ceil(double(std::max<qint64>(0, totalBytes - receivedBytes)) / m_rate));
}

} // namespace agora::app
