#include "startup/app_identity.h"

#include <QDir>
#include <QGuiApplication>
#include <QIcon>
#include <QStandardPaths>

namespace agora::app {

void applyAppIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("Agora"));
    QCoreApplication::setOrganizationName(QStringLiteral("Agora"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("agora.app"));
#ifdef AGORA_VERSION
    QCoreApplication::setApplicationVersion(QStringLiteral(AGORA_VERSION));
#endif
}

void applyDesktopIdentity()
{
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Agora"));
    QGuiApplication::setDesktopFileName(QStringLiteral("app.agora.Agora"));
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/agora/icons/agora.svg")));
}

QString appDataFolder()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(base).filePath(QCoreApplication::applicationName());
}

} // namespace agora::app
