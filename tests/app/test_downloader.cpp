// ModelDownloader against a local HTTP server on 127.0.0.1 (test_downloader_server.*): a whole
// download, resume after a dropped connection and after a restart (HTTP Range), a server that
// ignores Range, wrong checksum, server error, disk full (injected free space), cancel, the
// checksum from a Hugging Face-style file listing, and a file that is not a model.
#include "download/download_state.h"
#include "download/file_verification.h"
#include "download/model_downloader.h"
#include "download/transfer_rate.h"
#include "test_downloader_server.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using agora::app::DownloadRequest;
using agora::app::ModelDownloader;
using agora::app::testing::ServedFile;
using agora::app::testing::TestHttpServer;
using State = ModelDownloader::State;

namespace {

// A body that passes the default GGUF header check: magic, version 3, then seeded noise.
QByteArray fakeModel(int size, quint32 seed = 7)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator random(seed);
    for (int i = 0; i < size; ++i)
        data[i] = char(random.bounded(256));
    data.replace(0, 8, QByteArray("GGUF\x03\x00\x00\x00", 8));
    return data;
}

QString sha256(const QByteArray& data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool waitForState(ModelDownloader& downloader, std::initializer_list<State> states, int timeoutMs = 20000)
{
    return QTest::qWaitFor([&]() { return std::find(states.begin(), states.end(), downloader.state()) != states.end(); }, timeoutMs);
}

} // namespace

class TestDownloader : public QObject {
    Q_OBJECT

private:
    TestHttpServer* m_server = nullptr;
    QNetworkAccessManager* m_network = nullptr;
    QTemporaryDir* m_dir = nullptr;
    QByteArray m_model;

    // Every downloader in these tests talks to 127.0.0.1 directly, whatever proxy the machine has.
    std::unique_ptr<ModelDownloader> makeDownloader(const QString& path, const QString& checksum)
    {
        auto downloader = std::make_unique<ModelDownloader>(m_network);
        DownloadRequest request;
        request.url = m_server->url(path);
        request.targetPath = target();
        request.expectedBytes = m_model.size();
        request.sha256 = checksum;
        downloader->setRequest(request);
        return downloader;
    }
    QString target() const { return m_dir->filePath(QStringLiteral("model.gguf")); }
    QString partial() const { return agora::app::partialPathFor(target()); }
    QString stateFile() const { return agora::app::statePathFor(target()); }

private slots:
    void init()
    {
        m_server = new TestHttpServer(this);
        QVERIFY(m_server->listen());
        m_network = new QNetworkAccessManager(this);
        m_network->setProxy(QNetworkProxy::NoProxy);
        m_dir = new QTemporaryDir;
        QVERIFY(m_dir->isValid());
        m_model = fakeModel(400 * 1024);
    }

    void cleanup()
    {
        delete m_dir;
        delete m_network;
        delete m_server;
    }

    void downloadsVerifiesAndRenames()
    {
        m_server->serve(QStringLiteral("/m.gguf"), {m_model});
        auto downloader = makeDownloader(QStringLiteral("/m.gguf"), sha256(m_model));
        QSignalSpy finished(downloader.get(), &ModelDownloader::finished);
        QSignalSpy progress(downloader.get(), &ModelDownloader::progressChanged);
        downloader->start();
        QVERIFY(waitForState(*downloader, {State::Finished, State::Failed}));
        QVERIFY2(downloader->state() == State::Finished, qPrintable(downloader->errorMessage()));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toString(), target());
        QCOMPARE(readAll(target()), m_model);
        QVERIFY(!QFileInfo::exists(partial()));
        QVERIFY(!QFileInfo::exists(stateFile()));
        QCOMPARE(downloader->receivedBytes(), m_model.size());
        QCOMPARE(downloader->totalBytes(), m_model.size());
        QVERIFY(progress.size() >= 2);
        QCOMPARE(m_server->rangeHeaders(QStringLiteral("/m.gguf")), QList<QByteArray>{""});
    }

    void resumesAfterDroppedConnectionAndRestart()
    {
        ServedFile served{m_model};
        served.dropAfterBytes = 150000;
        m_server->serve(QStringLiteral("/m.gguf"), served);
        {
            auto downloader = makeDownloader(QStringLiteral("/m.gguf"), sha256(m_model));
            downloader->start();
            QVERIFY(waitForState(*downloader, {State::Finished, State::Failed}));
            QCOMPARE(downloader->state(), State::Failed);
            QVERIFY2(downloader->errorMessage().contains(QStringLiteral("connection was lost")), qPrintable(downloader->errorMessage()));
            QCOMPARE(QFileInfo(partial()).size(), qint64(150000));
            QVERIFY(QFileInfo::exists(stateFile()));
        } // the app quits

        auto restarted = makeDownloader(QStringLiteral("/m.gguf"), QString()); // the state file remembers the checksum
        QVERIFY(restarted->hasPartialDownload());
        restarted->start();
        QVERIFY(waitForState(*restarted, {State::Finished, State::Failed}));
        QVERIFY2(restarted->state() == State::Finished, qPrintable(restarted->errorMessage()));
        QCOMPARE(readAll(target()), m_model);
        QCOMPARE(m_server->rangeHeaders(QStringLiteral("/m.gguf")), (QList<QByteArray>{"", "bytes=150000-"}));
    }

    void pausesAndResumesAcrossRestart()
    {
        ServedFile served{m_model};
        served.chunkBytes = 8 * 1024;
        served.chunkIntervalMs = 30;
        m_server->serve(QStringLiteral("/m.gguf"), served);
        qint64 pausedAt = 0;
        {
            auto downloader = makeDownloader(QStringLiteral("/m.gguf"), sha256(m_model));
            downloader->start();
            QVERIFY(QTest::qWaitFor([&]() { return downloader->receivedBytes() >= 100 * 1024; }, 20000));
            downloader->pause();
            QCOMPARE(downloader->state(), State::Paused);
            pausedAt = QFileInfo(partial()).size();
            QVERIFY(pausedAt >= 100 * 1024 && pausedAt < m_model.size());
            QTest::qWait(100);
            QCOMPARE(QFileInfo(partial()).size(), pausedAt); // nothing written while paused
        }
        auto restarted = makeDownloader(QStringLiteral("/m.gguf"), sha256(m_model));
        QSignalSpy progress(restarted.get(), &ModelDownloader::progressChanged);
        restarted->start();
        QCOMPARE(restarted->receivedBytes(), pausedAt); // progress continues, not from zero
        QVERIFY(waitForState(*restarted, {State::Finished, State::Failed}));
        QVERIFY2(restarted->state() == State::Finished, qPrintable(restarted->errorMessage()));
        QCOMPARE(readAll(target()), m_model);
        QCOMPARE(m_server->rangeHeaders(QStringLiteral("/m.gguf")).last(), "bytes=" + QByteArray::number(pausedAt) + '-');
        // 8 KiB per 30 ms is about 270 kB/s; a loaded CI machine delivers slower, never much faster.
        QVERIFY2(restarted->bytesPerSecond() > 10'000 && restarted->bytesPerSecond() < 1'000'000,
                 qPrintable(QString::number(restarted->bytesPerSecond())));
    }

    void startsOverWhenTheServerIgnoresRange()
    {
        ServedFile served{m_model};
        served.acceptRanges = false;
        served.dropAfterBytes = 100000;
        m_server->serve(QStringLiteral("/m.gguf"), served);
        auto downloader = makeDownloader(QStringLiteral("/m.gguf"), sha256(m_model));
        downloader->start();
        QVERIFY(waitForState(*downloader, {State::Finished, State::Failed}));
        QCOMPARE(downloader->state(), State::Failed);
        downloader->start();
        QVERIFY(waitForState(*downloader, {State::Finished, State::Failed}));
        QVERIFY2(downloader->state() == State::Finished, qPrintable(downloader->errorMessage()));
        QCOMPARE(readAll(target()), m_model); // not the first 100000 bytes twice
    }

    void wrongChecksumDeletesTheFile()
    {
        m_server->serve(QStringLiteral("/m.gguf"), {m_model});
        auto downloader = makeDownloader(QStringLiteral("/m.gguf"), sha256("something else"));
        QSignalSpy failed(downloader.get(), &ModelDownloader::failed);
        downloader->start();
        QVERIFY(waitForState(*downloader, {State::Finished, State::Failed}));
        QCOMPARE(downloader->state(), State::Failed);
        QCOMPARE(failed.size(), 1);
        QVERIFY2(downloader->errorMessage().contains(QStringLiteral("checksum does not match")), qPrintable(downloader->errorMessage()));
        QVERIFY(downloader->errorMessage().contains(QStringLiteral("deleted")));
        QVERIFY(!QFileInfo::exists(target()));
        QVERIFY(!QFileInfo::exists(partial()));
        QVERIFY(!QFileInfo::exists(stateFile()));
    }

    void serverErrorIsReported()
    {
        ServedFile served{m_model};
        served.status = 500;
        m_server->serve(QStringLiteral("/m.gguf"), served);
        auto downloader = makeDownloader(QStringLiteral("/m.gguf"), sha256(m_model));
        downloader->start();
        QVERIFY(waitForState(*downloader, {State::Finished, State::Failed}));
        QCOMPARE(downloader->state(), State::Failed);
        QVERIFY2(downloader->errorMessage().contains(QStringLiteral("error 500")), qPrintable(downloader->errorMessage()));
        QVERIFY(!QFileInfo::exists(target()));
        QCOMPARE(QFileInfo(partial()).size(), qint64(0)); // the error page was not written as the model
    }

    void diskFullBeforeStarting()
    {
        m_server->serve(QStringLiteral("/m.gguf"), {m_model});
        auto downloader = makeDownloader(QStringLiteral("/m.gguf"), sha256(m_model));
        QString askedAbout;
        downloader->setFreeSpaceFunction([&](const QString& directory) {
            askedAbout = directory;
            return qint64(1000);
        });
        downloader->start();
        QCOMPARE(downloader->state(), State::Failed);
        QVERIFY2(downloader->errorMessage().contains(QStringLiteral("Not enough free disk space")), qPrintable(downloader->errorMessage()));
        QCOMPARE(askedAbout, QFileInfo(target()).absolutePath());
        QCOMPARE(m_server->totalRequests(), 0); // refused before any traffic
    }

    void diskFullOnceTheSizeIsKnown()
    {
        // The catalog did not know the size; the server's Content-Length shows it will not fit.
        m_server->serve(QStringLiteral("/m.gguf"), {m_model});
        auto downloader = makeDownloader(QStringLiteral("/m.gguf"), sha256(m_model));
        DownloadRequest request = downloader->request();
        request.expectedBytes = 0;
        downloader->setRequest(request);
        downloader->setFreeSpaceFunction([](const QString&) { return qint64(64 * 1024); });
        downloader->start();
        QVERIFY(waitForState(*downloader, {State::Finished, State::Failed}));
        QCOMPARE(downloader->state(), State::Failed);
        QVERIFY2(downloader->errorMessage().contains(QStringLiteral("Not enough free disk space")), qPrintable(downloader->errorMessage()));
        QVERIFY(!QFileInfo::exists(target()));
    }

    void cancelRemovesEverything()
    {
        ServedFile served{m_model};
        served.chunkBytes = 8 * 1024;
        served.chunkIntervalMs = 20;
        m_server->serve(QStringLiteral("/m.gguf"), served);
        auto downloader = makeDownloader(QStringLiteral("/m.gguf"), sha256(m_model));
        downloader->start();
        QVERIFY(QTest::qWaitFor([&]() { return downloader->receivedBytes() >= 32 * 1024; }, 20000));
        downloader->cancel();
        QCOMPARE(downloader->state(), State::Cancelled);
        QTest::qWait(100);
        QCOMPARE(downloader->state(), State::Cancelled);
        QVERIFY(!QFileInfo::exists(partial()));
        QVERIFY(!QFileInfo::exists(stateFile()));
        QVERIFY(!QFileInfo::exists(target()));
    }

    void checksumFromTheFileListing()
    {
        m_server->serve(QStringLiteral("/m.gguf"), {m_model});
        const QByteArray listing = "[{\"type\":\"file\",\"path\":\"README.md\",\"size\":3},"
                                   "{\"type\":\"file\",\"path\":\"m.gguf\",\"size\":1,\"lfs\":{\"oid\":\""
                                   + sha256(m_model).toLatin1() + "\",\"size\":1}}]";
        m_server->serve(QStringLiteral("/api/models/o/r/tree/main"), {listing});
        auto downloader = makeDownloader(QStringLiteral("/m.gguf"), QString());
        DownloadRequest request = downloader->request();
        request.listingUrl = m_server->url(QStringLiteral("/api/models/o/r/tree/main"));
        request.listingFileName = QStringLiteral("m.gguf");
        downloader->setRequest(request);
        downloader->start();
        QVERIFY(waitForState(*downloader, {State::Finished, State::Failed}));
        QVERIFY2(downloader->state() == State::Finished, qPrintable(downloader->errorMessage()));
        QCOMPARE(m_server->requestCount(QStringLiteral("/api/models/o/r/tree/main")), 1);

        // A listing without the file: the download does not start.
        QFile::remove(target());
        request.listingFileName = QStringLiteral("absent.gguf");
        downloader->setRequest(request);
        downloader->start();
        QVERIFY(waitForState(*downloader, {State::Finished, State::Failed}));
        QCOMPARE(downloader->state(), State::Failed);
        QVERIFY2(downloader->errorMessage().contains(QStringLiteral("has no checksum for absent.gguf")), qPrintable(downloader->errorMessage()));
        QCOMPARE(m_server->requestCount(QStringLiteral("/m.gguf")), 1);
    }

    void fileThatIsNotAModelIsDeleted()
    {
        const QByteArray html = QByteArray("<html>").append(QByteArray(5000, 'x'));
        m_server->serve(QStringLiteral("/m.gguf"), {html});
        auto downloader = makeDownloader(QStringLiteral("/m.gguf"), sha256(html));
        downloader->start();
        QVERIFY(waitForState(*downloader, {State::Finished, State::Failed}));
        QCOMPARE(downloader->state(), State::Failed);
        QVERIFY2(downloader->errorMessage().contains(QStringLiteral("not a GGUF model")), qPrintable(downloader->errorMessage()));
        QVERIFY(!QFileInfo::exists(partial()));
        QVERIFY(!QFileInfo::exists(target()));
    }

    void injectedModelCheckDecides()
    {
        m_server->serve(QStringLiteral("/m.gguf"), {m_model});
        auto downloader = makeDownloader(QStringLiteral("/m.gguf"), sha256(m_model));
        QString checked;
        downloader->setModelFileCheck([&](const QString& path) {
            checked = path;
            return QStringLiteral("unsupported architecture 'mamba'");
        });
        downloader->start();
        QVERIFY(waitForState(*downloader, {State::Finished, State::Failed}));
        QCOMPARE(downloader->state(), State::Failed);
        QCOMPARE(checked, partial());
        QVERIFY(downloader->errorMessage().contains(QStringLiteral("unsupported architecture 'mamba'")));
        QVERIFY(!QFileInfo::exists(target()));
    }

    void refusesToOverwriteAnExistingModel()
    {
        QFile existing(target());
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("keep me");
        existing.close();
        m_server->serve(QStringLiteral("/m.gguf"), {m_model});
        auto downloader = makeDownloader(QStringLiteral("/m.gguf"), sha256(m_model));
        downloader->start();
        QCOMPARE(downloader->state(), State::Failed);
        QVERIFY(downloader->errorMessage().contains(QStringLiteral("already exists")));
        QCOMPARE(readAll(target()), QByteArray("keep me"));
        QCOMPARE(m_server->totalRequests(), 0);
    }

    void constructingMakesNoNetworkAccessManager()
    {
        // The privacy promise: a downloader without a network manager creates none until start().
        ModelDownloader idle;
        QVERIFY(idle.findChildren<QNetworkAccessManager*>().isEmpty());
        QCOMPARE(idle.state(), State::Idle);
        QVERIFY(!idle.hasPartialDownload());
    }

    void rateAndTimeLeft()
    {
        agora::app::TransferRate rate;
        rate.restart();
        QCOMPARE(rate.secondsLeft(0, 1000), qint64(-1));
        rate.update(0, 0);
        rate.update(1000, 500);  // 2000 B/s
        QCOMPARE(rate.bytesPerSecond(), 2000.0);
        QCOMPARE(rate.secondsLeft(1000, 11000), qint64(5));
        rate.update(1100, 700);  // inside the window: no change
        QCOMPARE(rate.bytesPerSecond(), 2000.0);
        rate.update(3000, 1000); // 4000 B/s sample, smoothed 0.3
        QCOMPARE(rate.bytesPerSecond(), 0.3 * 4000 + 0.7 * 2000);
        QCOMPARE(rate.secondsLeft(3000, 3000), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestDownloader)
#include "test_downloader.moc"
