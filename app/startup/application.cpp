#include "startup/application.h"

#include "bridge/app_logging.h"
#include "bridge/engine_bridge.h"
#include "bridge/vulkan_engine_backend.h"
#include "persistence/conversation_store.h"
#include "startup/app_identity.h"
#include "startup/language.h"

#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QPalette>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QUrl>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(AgoraPlugin)

namespace agora::app {
namespace {

struct Options {
    QString language; // empty: settings, then system locale
    QString theme;    // light, dark, or empty for the system's
};

// Parsed before the GUI application exists, so `agora --version` and `--help` work on a
// machine without a display.
Options parseOptions(int argc, char* argv[])
{
    QCoreApplication probe(argc, argv);
    applyAppIdentity();
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Agora: private chat with local language models."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("Interface language (en, de, fr)."),
                            QStringLiteral("code"));
    QCommandLineOption theme(QStringLiteral("theme"), QStringLiteral("Colour theme: light or dark."),
                             QStringLiteral("theme"));
    parser.addOption(lang);
    parser.addOption(theme);
    // Qt's own options (-platform, -geometry, -style, ...) are for QGuiApplication, which has
    // not been created yet: unknown options are left to it rather than rejected here.
    parser.parse(probe.arguments());
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    return {parser.value(lang), parser.value(theme).toLower()};
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

// Models live in <data>/models unless the user picks another folder in the settings.
QString modelsFolderPath()
{
    const QString folder = appDataFolder() + QStringLiteral("/models");
    QDir().mkpath(folder);
    return folder;
}

// First run: no model file in the models folder yet.
bool hasAnyModel(const QString& folder)
{
    return !QDir(folder).entryList({QStringLiteral("*.gguf")}, QDir::Files).isEmpty();
}

bool systemPrefersDark()
{
    // Qt 6.4 has no colour-scheme hint; a dark window background is the platform's signal.
    return QGuiApplication::palette().color(QPalette::Window).lightness() < 128;
}

} // namespace

int runApplication(int argc, char* argv[])
{
    const Options options = parseOptions(argc, argv);
    QGuiApplication app(argc, argv);
    applyAppIdentity();
    applyDesktopIdentity();
    setUpLogging(appDataFolder());
    installTranslations(app, chooseLanguage(options.language));
    QQuickStyle::setStyle(QStringLiteral("Material"));

    EngineBridge bridge(std::make_shared<VulkanEngineBackend>());
    // History opens on the store's own thread; the window shows at once and fills in when the
    // store answers (or shows the store's error).
    store::ConversationStore history;
    history.open(appDataFolder());
    const QString modelsFolder = modelsFolderPath();
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/agora"));
    const bool dark = options.theme.isEmpty() ? systemPrefersDark() : options.theme == u"dark";
    engine.setInitialProperties({{QStringLiteral("bridge"), QVariant::fromValue(&bridge)},
                                 {QStringLiteral("darkTheme"), dark},
                                 {QStringLiteral("store"), QVariant::fromValue<QObject*>(&history)},
                                 {QStringLiteral("modelsFolder"), modelsFolder},
                                 {QStringLiteral("firstRun"), !hasAnyModel(modelsFolder)},
                                 {QStringLiteral("dataFolder"), displayPath(appDataFolder())}});
    engine.load(QUrl(QStringLiteral("qrc:/agora/Agora/qml/Main.qml")));
    if (engine.rootObjects().isEmpty()) {
        std::fprintf(stderr, "agora: the main window failed to load (see the log in %s)\n",
                     qPrintable(appDataFolder()));
        return 1;
    }
    bridge.refreshDevices(); // runs on the bridge's thread; the window is already up
    return QGuiApplication::exec();
}

} // namespace agora::app
