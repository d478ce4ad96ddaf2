// The real app's shell: `agora --version` and `--help` work without a display, the command line
// is checked before any window opens, and Qt's own messages end up in the rotating log file
// next to the engine's.
#include "bridge/app_logging.h"
#include "startup/command_line.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <spdlog/spdlog.h>

class TestAppShell : public QObject {
    Q_OBJECT

private slots:
    void versionWithoutDisplay()
    {
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        app.setProcessEnvironment(env);
        app.start(QStringLiteral(AGORA_APP_EXECUTABLE), {QStringLiteral("--version")});
        QVERIFY(app.waitForFinished(30000));
        QCOMPARE(app.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(app.readAllStandardOutput()).trimmed(), QStringLiteral("Agora " AGORA_VERSION));
    }

    void helpListsEveryOption()
    {
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        app.setProcessEnvironment(env);
        app.start(QStringLiteral(AGORA_APP_EXECUTABLE), {QStringLiteral("--help")});
        QVERIFY(app.waitForFinished(30000));
        QCOMPARE(app.exitCode(), 0);
        const QString help = QString::fromUtf8(app.readAllStandardOutput());
        for (const char* option : {"--section <name>", "--open-model <path>", "--compare <path>", "--send <text>",
                                   "--data-dir <folder>",
                                   "--lang <code>", "--theme <theme>",
                                   "Nothing leaves this computer unless you start a model download."})
            QVERIFY2(help.contains(QLatin1String(option)), option);
    }

    void commandLineIsChecked()
    {
        using agora::app::parseCommandLine;
        QTemporaryDir dir;
        const QString model = dir.filePath(QStringLiteral("m.gguf"));
        QFile file(model);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const QString app = QStringLiteral("agora");

        agora::app::CommandLine line = parseCommandLine({app, QStringLiteral("--section"), QStringLiteral("Models"),
                                                         QStringLiteral("--open-model"), model, QStringLiteral("--send"),
                                                         QStringLiteral("Hello"), QStringLiteral("--data-dir"), dir.path(),
                                                         QStringLiteral("-platform"), QStringLiteral("offscreen")});
        QCOMPARE(line.error, QString());
        QCOMPARE(line.section, QStringLiteral("models"));
        QCOMPARE(line.openModel, model);
        QCOMPARE(line.send, QStringLiteral("Hello"));
        QCOMPARE(line.dataDir, dir.path());

        line = parseCommandLine({app, QStringLiteral("--section"), QStringLiteral("kitchen")});
        QVERIFY(line.error.contains(QStringLiteral("--section must be one of chat, compare, arena")));
        line = parseCommandLine({app, QStringLiteral("--open-model"), dir.filePath(QStringLiteral("missing.gguf"))});
        QVERIFY(line.error.contains(QStringLiteral("is not a file")));
        line = parseCommandLine({app, QStringLiteral("--send"), QStringLiteral("Hello")});
        QVERIFY(line.error.contains(QStringLiteral("--send needs --open-model")));
        // --compare: 2 to 4 existing files (a repeat counts once); --send then goes to them.
        const QString other = dir.filePath(QStringLiteral("other.gguf"));
        QFile otherFile(other);
        QVERIFY(otherFile.open(QIODevice::WriteOnly));
        otherFile.close();
        const QString compare = QStringLiteral("--compare");
        line = parseCommandLine({app, compare, model, compare, other, QStringLiteral("--send"), QStringLiteral("Hi")});
        QCOMPARE(line.error, QString());
        QCOMPARE(line.compareModels, (QStringList{model, other}));
        QCOMPARE(line.send, QStringLiteral("Hi"));
        line = parseCommandLine({app, compare, model, compare, model});
        QVERIFY(line.error.contains(QStringLiteral("--compare needs 2 to 4 different models, not 1")));
        line = parseCommandLine({app, compare, model, compare, dir.filePath(QStringLiteral("missing.gguf"))});
        QVERIFY(line.error.contains(QStringLiteral("--compare: ")) && line.error.contains(QStringLiteral("is not a file")));
        QStringList five{app};
        for (const char* name : {"a", "b", "c", "d", "e"}) {
            QFile extra(dir.filePath(QLatin1String(name) + QStringLiteral(".gguf")));
            QVERIFY(extra.open(QIODevice::WriteOnly));
            five << compare << extra.fileName();
        }
        line = parseCommandLine(five);
        QVERIFY(line.error.contains(QStringLiteral("not 5")));
        line = parseCommandLine({app, compare, model, compare, other, QStringLiteral("--open-model"), model,
                                 QStringLiteral("--send"), QStringLiteral("Hi")});
        QVERIFY(line.error.contains(QStringLiteral("not both")));
        line = parseCommandLine({app, QStringLiteral("--theme"), QStringLiteral("purple")});
        QVERIFY(line.error.contains(QStringLiteral("--theme must be light, dark or system")));
        line = parseCommandLine({app, QStringLiteral("--data-dir"), QStringLiteral("/proc/agora-no/data")});
        QVERIFY(line.error.contains(QStringLiteral("cannot be created")));
    }

    void qtMessagesReachTheLogFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        agora::app::setUpLogging(dir.path()); // ctest runs with AGORA_LOG=warn: warnings and up
        qWarning("a warning from Qt code %d", 42);
        qCritical("a critical message");
        spdlog::apply_all([](const std::shared_ptr<spdlog::logger>& logger) { logger->flush(); });
        QFile log(dir.filePath(QStringLiteral("agora.log")));
        QVERIFY2(log.open(QIODevice::ReadOnly), qPrintable(log.fileName()));
        const QString text = QString::fromUtf8(log.readAll());
        QVERIFY2(text.contains(QStringLiteral("[app] [warning] a warning from Qt code 42")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("[app] [error] a critical message")), qPrintable(text));
        qInstallMessageHandler(nullptr);
    }
};

QTEST_GUILESS_MAIN(TestAppShell)
#include "test_app_shell.moc"
