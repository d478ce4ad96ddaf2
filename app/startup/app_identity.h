// Who the app is to the desktop: names that decide where QSettings and QStandardPaths put
// things, and the data folder every part of the app (log, history, models) lives under.
#pragma once

#include <QString>

namespace agora::app {

// Sets application name, organization, domain and version (any QCoreApplication).
void applyAppIdentity();

// Display name, desktop file name and window icon; needs the QGuiApplication.
void applyDesktopIdentity();

// ~/.local/share/Agora on Linux (XDG_DATA_HOME honoured). We use the generic data location plus
// our name rather than AppDataLocation, which would add the organization twice (Agora/Agora).
QString appDataFolder();

} // namespace agora::app
