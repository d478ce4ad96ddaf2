#include "startup/command_line.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

namespace agora::app {

QStringList sectionKeys()
{
    return {QStringLiteral("chat"),   QStringLiteral("compare"), QStringLiteral("arena"),   QStringLiteral("suites"),
            QStringLiteral("models"), QStringLiteral("devices"), QStringLiteral("settings")};
}

CommandLine parseCommandLine(const QStringList& arguments)
{
    // The help text stays English: it is read in a terminal before any translation is loaded.
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Agora: private chat with local language models.\n"
        "Nothing leaves this computer unless you start a model download."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("Interface language for this session (en, de, fr)."),
                                  QStringLiteral("code"));
    const QCommandLineOption theme(QStringLiteral("theme"), QStringLiteral("Colour theme for this session: light, dark or system."),
                                   QStringLiteral("theme"));
    const QCommandLineOption section(QStringLiteral("section"),
                                     QStringLiteral("Open on this section: %1.").arg(sectionKeys().join(QStringLiteral(", "))),
                                     QStringLiteral("name"));
    const QCommandLineOption openModel(QStringLiteral("open-model"), QStringLiteral("Load this .gguf model file at start."),
                                       QStringLiteral("path"));
    const QCommandLineOption compare(QStringLiteral("compare"),
                                     QStringLiteral("Open Compare with this .gguf model picked; give it 2 to 4 times."),
                                     QStringLiteral("path"));
    const QCommandLineOption send(QStringLiteral("send"),
                                  QStringLiteral("Once the model is ready, start a new chat and send this message "
                                                 "(with --compare: ask every compared model)."),
                                  QStringLiteral("text"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("Keep history, models, settings and the log in this folder "
                                                    "(default: ~/.local/share/Agora and ~/.config/Agora)."),
                                     QStringLiteral("folder"));
    parser.addOptions({lang, theme, section, openModel, compare, send, dataDir});
    // Qt's own options (-platform, -geometry, -style, ...) are for QGuiApplication, which has
    // not been created yet: unknown options are left to it rather than rejected here.
    parser.parse(arguments);
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();

    CommandLine line;
    line.language = parser.value(lang);
    line.theme = parser.value(theme).trimmed().toLower();
    line.section = parser.value(section).trimmed().toLower();
    line.send = parser.value(send);
    if (!line.theme.isEmpty() && !QStringList{QStringLiteral("light"), QStringLiteral("dark"), QStringLiteral("system")}.contains(line.theme))
        line.error = QStringLiteral("--theme must be light, dark or system, not \"%1\".").arg(parser.value(theme));
    if (!line.section.isEmpty() && !sectionKeys().contains(line.section))
        line.error = QStringLiteral("--section must be one of %1, not \"%2\".")
                         .arg(sectionKeys().join(QStringLiteral(", ")), parser.value(section));
    if (parser.isSet(openModel)) {
        const QFileInfo model(parser.value(openModel));
        if (!model.isFile())
            line.error = QStringLiteral("--open-model: %1 is not a file.").arg(QDir::toNativeSeparators(model.filePath()));
        line.openModel = model.absoluteFilePath();
    }
    // Paths are checked here, in the terminal, so a typo is not a silent empty pane later.
    for (const QString& path : parser.values(compare)) {
        const QFileInfo model(path);
        if (!model.isFile())
            line.error = QStringLiteral("--compare: %1 is not a file.").arg(QDir::toNativeSeparators(model.filePath()));
        if (!line.compareModels.contains(model.absoluteFilePath()))
            line.compareModels.append(model.absoluteFilePath());
    }
    if (parser.isSet(compare) && (line.compareModels.size() < 2 || line.compareModels.size() > 4))
        line.error = QStringLiteral("--compare needs 2 to 4 different models, not %1.").arg(line.compareModels.size());
    if (!line.send.isEmpty() && line.openModel.isEmpty() && line.compareModels.isEmpty())
        line.error = QStringLiteral("--send needs --open-model or --compare: which model should answer?");
    if (!line.send.isEmpty() && !line.openModel.isEmpty() && !line.compareModels.isEmpty())
        line.error = QStringLiteral("--send goes either to --open-model or to --compare, not both.");
    if (parser.isSet(dataDir)) {
        const QString folder = parser.value(dataDir);
        if (folder.trimmed().isEmpty() || !QDir().mkpath(folder))
            line.error = QStringLiteral("--data-dir: the folder \"%1\" cannot be created.").arg(folder);
        line.dataDir = QFileInfo(folder).absoluteFilePath();
    }
    return line;
}

} // namespace agora::app
