// Privacy (#6): the real `agora` executable opens no network connection while a person uses it
// without pressing Download: first run (catalog and Download button on screen), the chat with a
// real model answering (--open-model stories260K --send), the models and settings sections, and
// every other section.
//
// Two independent witnesses, because either alone can miss something:
//  1. A proxy trap. http_proxy, https_proxy and all_proxy (both spellings) point at a local
//     QTcpServer. Qt's network access (QNetworkAccessManager with the system proxy
//     configuration, which is what ModelDownloader uses) and most libraries honour these, so any
//     HTTP(S) request the app made would arrive there. It must see zero connections.
//  2. The process's own sockets, sampled every 10 ms from /proc: every descriptor in
//     /proc/<pid>/fd that is a socket has an inode; the kernel lists each internet socket of the
//     network namespace with its inode in /proc/<pid>/net/{tcp,tcp6,udp,udp6,raw,raw6,...} and
//     packet sockets in /proc/<pid>/net/packet. A socket inode of ours found in those tables is a
//     socket that could reach the network, whatever library opened it and whether or not it
//     honours a proxy (a DNS lookup, a raw UDP packet). Unix-domain and netlink sockets (the
//     display, D-Bus, the kernel's own channels) cannot leave the machine and are allowed, and so
//     is a listening TCP socket, which opens no connection by itself. Sampling can in principle
//     miss a socket that lives less than 10 ms; the proxy trap covers HTTP, and a connection
//     that quick still shows up in witness 1 when it goes through Qt.
// The sampler is run against this test process first with a bound UDP socket and a TCP
// connection open, so it is shown to catch what it looks for.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

namespace {

struct SocketVerdict {
    QStringList offending; // "udp inode 1234 (local 0100007F:1F90, remote ...)" etc.
};

// The socket inodes a process holds ("socket:[1234]" links in /proc/<pid>/fd).
QSet<QString> socketInodesOf(qint64 pid)
{
    QSet<QString> inodes;
    const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
    for (const QString& name : fds.entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot)) {
        const QString target = QFile::symLinkTarget(fds.filePath(name));
        // symLinkTarget resolves relative to the fd folder: keep only the "socket:[n]" part.
        const qsizetype at = target.indexOf(QLatin1String("socket:["));
        if (at >= 0)
            inodes.insert(target.mid(at + 8).chopped(1));
    }
    return inodes;
}

// Checks one sample: which of the process's sockets are network sockets that are not listening.
SocketVerdict inspectSockets(qint64 pid)
{
    SocketVerdict verdict;
    const QSet<QString> inodes = socketInodesOf(pid);
    if (inodes.isEmpty())
        return verdict;
    // /proc/<pid>/net/*: "sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode"
    for (const char* table : {"tcp", "tcp6", "udp", "udp6", "udplite", "udplite6", "raw", "raw6", "icmp", "icmp6"}) {
        QFile file(QStringLiteral("/proc/%1/net/%2").arg(pid).arg(QLatin1String(table)));
        if (!file.open(QIODevice::ReadOnly))
            continue; // a table this kernel does not have
        file.readLine(); // header
        while (!file.atEnd()) {
            const QStringList fields = QString::fromLatin1(file.readLine()).simplified().split(u' ');
            if (fields.size() < 10 || !inodes.contains(fields.at(9)))
                continue;
            const bool tcp = QLatin1String(table).startsWith(QLatin1String("tcp"));
            if (tcp && fields.at(3) == u"0A")
                continue; // TCP_LISTEN: accepts nothing unless someone connects to it
            verdict.offending << QStringLiteral("%1 socket inode %2 (local %3, remote %4, state %5)")
                                     .arg(QLatin1String(table), fields.at(9), fields.at(1), fields.at(2), fields.at(3));
        }
    }
    QFile packet(QStringLiteral("/proc/%1/net/packet").arg(pid));
    if (packet.open(QIODevice::ReadOnly)) {
        packet.readLine();
        while (!packet.atEnd()) {
            const QStringList fields = QString::fromLatin1(packet.readLine()).simplified().split(u' ');
            if (!fields.isEmpty() && inodes.contains(fields.last()))
                verdict.offending << QStringLiteral("packet socket inode %1").arg(fields.last());
        }
    }
    return verdict;
}

} // namespace

class TestPrivacy : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QTcpServer m_trap;
    int m_trapConnections = 0;

    QString shared() const { return QStringLiteral(AGORA_SHARED_DIR); }
    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // A throwaway home: no user config, history or cache can be read or changed.
        env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("home/.config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("home/.local/share")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir.filePath(QStringLiteral("home/.cache")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.filePath(QStringLiteral("runtime")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        const QString proxy = QStringLiteral("http://127.0.0.1:%1").arg(m_trap.serverPort());
        for (const char* name : {"http_proxy", "https_proxy", "all_proxy", "ftp_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"})
            env.insert(QLatin1String(name), proxy);
        env.remove(QStringLiteral("no_proxy"));
        env.remove(QStringLiteral("NO_PROXY"));
        return env;
    }

    // Runs the app with `arguments` for `seconds` (or until `done` says so), sampling its
    // sockets every 10 ms; fails on any network socket. Returns how many samples were taken.
    int runAndWatch(const QStringList& arguments, int seconds, const std::function<bool()>& done = {})
    {
        QProcess app;
        app.setProcessEnvironment(environment());
        app.setProcessChannelMode(QProcess::MergedChannels);
        app.start(QStringLiteral(AGORA_APP_EXECUTABLE),
                  QStringList{QStringLiteral("--data-dir"), dataDir()} + arguments);
        if (!app.waitForStarted(10000)) {
            QTest::qFail("agora did not start", __FILE__, __LINE__);
            return 0;
        }
        int samples = 0;
        QStringList offending;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < seconds * 1000 && app.state() == QProcess::Running) {
            const SocketVerdict verdict = inspectSockets(app.processId());
            offending << verdict.offending;
            ++samples;
            QTest::qWait(10);
            if (done && done())
                break;
        }
        const bool stillRunning = app.state() == QProcess::Running;
        app.terminate();
        if (!app.waitForFinished(10000))
            app.kill();
        app.waitForFinished(5000);
        const QString output = QString::fromUtf8(app.readAll());
        offending.removeDuplicates();
        if (!offending.isEmpty())
            QTest::qFail(qPrintable(QStringLiteral("agora %1 opened network sockets:\n%2")
                                        .arg(arguments.join(u' '), offending.join(u'\n'))), __FILE__, __LINE__);
        if (!stillRunning)
            QTest::qFail(qPrintable(QStringLiteral("agora %1 ended early:\n%2").arg(arguments.join(u' '), output)),
                         __FILE__, __LINE__);
        return samples;
    }

    // The newest assistant message in the app's history, or empty.
    QString lastReply() const
    {
        const QString name = QStringLiteral("privacy-check");
        QString reply;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(QDir(dataDir()).filePath(QStringLiteral("history.sqlite")));
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=200"));
            if (db.open()) {
                QSqlQuery query(db);
                if (query.exec(QStringLiteral("SELECT content FROM messages WHERE role = 'assistant' ORDER BY id DESC LIMIT 1"))
                    && query.next())
                    reply = query.value(0).toString();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return reply;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("runtime"))));
        QFile::setPermissions(m_dir.filePath(QStringLiteral("runtime")), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QVERIFY(m_trap.listen(QHostAddress::LocalHost, 0));
        connect(&m_trap, &QTcpServer::newConnection, this, [this]() {
            while (QTcpSocket* socket = m_trap.nextPendingConnection()) {
                ++m_trapConnections;
                socket->close();
                socket->deleteLater();
            }
        });
    }

    void samplerCatchesNetworkSockets()
    {
        QVERIFY(inspectSockets(QCoreApplication::applicationPid()).offending.isEmpty());
        QUdpSocket udp;
        QVERIFY(udp.bind(QHostAddress::LocalHost, 0));
        QStringList seen = inspectSockets(QCoreApplication::applicationPid()).offending;
        QVERIFY2(seen.size() == 1 && seen.first().startsWith(QStringLiteral("udp ")), qPrintable(seen.join(u'\n')));
        udp.close();
        // A connection to a listener of our own (not the trap, whose count must stay 0).
        QTcpServer listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
        QTcpSocket tcp;
        tcp.connectToHost(QHostAddress::LocalHost, listener.serverPort());
        QVERIFY(tcp.waitForConnected(5000));
        // Sampled before the event loop runs again: our client end and the accepted end; the
        // listener itself is never reported.
        seen = inspectSockets(QCoreApplication::applicationPid()).offending;
        QVERIFY2(!seen.isEmpty() && seen.first().startsWith(QStringLiteral("tcp ")), qPrintable(seen.join(u'\n')));
        for (const QString& line : seen)
            QVERIFY2(!line.contains(QStringLiteral("state 0A")), qPrintable(line));
        tcp.abort();
        QCOMPARE(m_trapConnections, 0);
    }

    void firstRunOpensNothing()
    {
        // Empty data folder: the first-run page with the catalog and its Download button.
        QVERIFY(runAndWatch({}, 5) > 50);
        QCOMPARE(m_trapConnections, 0);
        QVERIFY2(QFile::exists(QDir(dataDir()).filePath(QStringLiteral("Agora.conf"))), "--data-dir holds the settings");
        QVERIFY(QFile::exists(QDir(dataDir()).filePath(QStringLiteral("history.sqlite"))));
        QVERIFY2(!QFile::exists(m_dir.filePath(QStringLiteral("home/.config/Agora"))), "nothing written to the home");
    }

    void chattingOpensNothing()
    {
        const QString model = shared() + QStringLiteral("/fixtures/models/stories260K.gguf");
        if (!QFile::exists(model))
            QSKIP("stories260K.gguf is not in the shared fixtures");
        // The real engine loads the model, a new conversation is created and the message sent;
        // watched until the reply is in the history (lavapipe compiles its pipelines first, which
        // takes minutes on a loaded machine).
        runAndWatch({QStringLiteral("--open-model"), model, QStringLiteral("--send"), QStringLiteral("Once upon a time")},
                    240, [this]() { return !lastReply().isEmpty(); });
        QCOMPARE(m_trapConnections, 0);
        QVERIFY2(!lastReply().isEmpty(), "--send never got an answer into the history");
    }

    void everySectionOpensNothing_data()
    {
        QTest::addColumn<QString>("section");
        for (const char* section : {"models", "settings", "chat", "compare", "arena", "suites", "devices"})
            QTest::newRow(section) << QString::fromLatin1(section);
    }

    void everySectionOpensNothing()
    {
        QFETCH(QString, section);
        // A model in the folder: no first run, the section itself is on screen.
        const QString models = QDir(dataDir()).filePath(QStringLiteral("models"));
        QVERIFY(QDir().mkpath(models));
        QFile fake(QDir(models).filePath(QStringLiteral("fake.gguf")));
        if (!fake.exists()) {
            QVERIFY(fake.open(QIODevice::WriteOnly));
            fake.write("GGUF\x03\0\0\0", 8);
            fake.close();
        }
        runAndWatch({QStringLiteral("--section"), section}, 3);
        QCOMPARE(m_trapConnections, 0);
    }

    void badCommandLineIsExplained()
    {
        QProcess app;
        app.setProcessEnvironment(environment());
        app.start(QStringLiteral(AGORA_APP_EXECUTABLE), {QStringLiteral("--section"), QStringLiteral("kitchen")});
        QVERIFY(app.waitForFinished(20000));
        QCOMPARE(app.exitCode(), 2);
        const QString error = QString::fromUtf8(app.readAllStandardError());
        QVERIFY2(error.contains(QStringLiteral("--section must be one of chat, compare")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestPrivacy)
#include "test_privacy.moc"
