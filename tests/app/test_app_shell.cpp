// The real app's shell: `agora --version` works without a display, and Qt's own messages end
// up in the rotating log file next to the engine's.
#include "bridge/app_logging.h"

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
