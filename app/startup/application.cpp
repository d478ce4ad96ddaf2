#include "startup/application.h"

#include "bridge/app_logging.h"
#include "bridge/engine_bridge.h"
#include "bridge/vulkan_engine_backend.h"
#include "persistence/conversation_store.h"
#include "startup/app_identity.h"
#include "startup/app_settings.h"
#include "startup/command_line.h"
#include "startup/language.h"

#include <QDir>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QSettings>
#include <QUrl>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(AgoraPlugin)

namespace agora::app {
namespace {

CommandLine readCommandLine(int argc, char* argv[])
{
    QCoreApplication probe(argc, argv);
    applyAppIdentity();
    return parseCommandLine(probe.arguments());
}

// "~/.local/share/Agora" rather than "/home/someone/.local/share/Agora": shorter, and the
// screenshots do not carry a user name.
QString displayPath(const QString& path)
{
    const QString home = QDir::homePath();
    if (path.startsWith(home + u'/'))
        return u'~' + path.mid(home.size());
    return QDir::toNativeSeparators(path);
}

// First run: no model file in the models folder yet.
bool hasAnyModel(const QString& folder)
{
    return !QDir(folder).entryList({QStringLiteral("*.gguf")}, QDir::Files).isEmpty();
}

// The settings file: ~/.config/Agora/Agora.conf, or <data-dir>/Agora.conf with --data-dir so a
// test or a screenshot run never reads the user's own choices.
QString settingsFileFor(const CommandLine& line)
{
    if (!line.dataDir.isEmpty())
        return QDir(line.dataDir).filePath(QStringLiteral("Agora.conf"));
    return QSettings().fileName();
}

} // namespace

int runApplication(int argc, char* argv[])
{
    const CommandLine line = readCommandLine(argc, argv);
    if (!line.error.isEmpty()) {
        std::fprintf(stderr, "agora: %s\nSee agora --help.\n", qPrintable(line.error));
        return 2;
    }
    QGuiApplication app(argc, argv);
    applyAppIdentity();
    applyDesktopIdentity();
    const QString dataFolder = line.dataDir.isEmpty() ? appDataFolder() : line.dataDir;
    QDir().mkpath(dataFolder);
    setUpLogging(dataFolder);
    AppSettings settings(settingsFileFor(line), dataFolder);
    installTranslations(app, chooseLanguage(line.language, settings.language()));
    QQuickStyle::setStyle(QStringLiteral("Material"));

    EngineBridge bridge(std::make_shared<VulkanEngineBackend>());
    // History opens on the store's own thread; the window shows at once and fills in when the
    // store answers (or shows the store's error).
    store::ConversationStore history;
    history.open(dataFolder);
    QDir().mkpath(settings.modelsFolder());
    const bool firstRun = line.openModel.isEmpty() && line.compareModels.isEmpty() && !settings.firstRunDone() && !hasAnyModel(settings.modelsFolder());

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/agora"));
    // The settings page changes the language live: new translators, then every qsTr() again.
    // Queued, so the page's own handler has returned before its texts are re-evaluated.
    QObject::connect(
        &settings, &AppSettings::languageChanged, &engine,
        [&app, &engine, &settings]() {
            installTranslations(app, chooseLanguage(QString(), settings.language()));
            engine.retranslate();
        },
        Qt::QueuedConnection);
    QObject::connect(&settings, &AppSettings::modelsFolderChanged, &settings,
                     [&settings]() { QDir().mkpath(settings.modelsFolder()); });

    engine.setInitialProperties({{QStringLiteral("bridge"), QVariant::fromValue(&bridge)},
                                 {QStringLiteral("settings"), QVariant::fromValue<QObject*>(&settings)},
                                 {QStringLiteral("store"), QVariant::fromValue<QObject*>(&history)},
                                 {QStringLiteral("themeOverride"), line.theme},
                                 {QStringLiteral("firstRun"), firstRun},
                                 {QStringLiteral("section"), line.section.isEmpty() ? QStringLiteral("chat") : line.section},
                                 {QStringLiteral("pendingMessage"), line.send},
                                 {QStringLiteral("compareModels"), line.compareModels},
                                 {QStringLiteral("dataFolder"), displayPath(dataFolder)}});
    engine.load(QUrl(QStringLiteral("qrc:/agora/Agora/qml/Main.qml")));
    if (engine.rootObjects().isEmpty()) {
        std::fprintf(stderr, "agora: the main window failed to load (see the log in %s)\n", qPrintable(dataFolder));
        return 1;
    }
    bridge.refreshDevices(); // runs on the bridge's thread; the window is already up
    if (!line.openModel.isEmpty())
        bridge.loadModel(line.openModel, settings.defaultContextLength(), settings.device());
    const int status = QGuiApplication::exec();
    settings.sync();
    return status;
}

} // namespace agora::app
