// Logging for the app: the engine's rotating log file in the data folder, with Qt's own
// messages (qWarning, QML errors) routed into it under the "app" logger.
#pragma once

#include <QString>

namespace agora::app {

// Opens <dataFolder>/agora.log (rotating) for the engine loggers and the "app" logger, and
// installs a Qt message handler that forwards to it. Safe to call once at start-up.
void setUpLogging(const QString& dataFolder);

} // namespace agora::app
