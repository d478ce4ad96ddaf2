// What the first-run page drives: ModelDownload (the QML object) with its file check wired to the
// engine bridge's inspectModel (the fake engine here), a partial download remembered across a
// restart ("Resume", not "Download"), a late check answer after a cancel ignored, and
// ModelImport bringing the user's own file into the models folder.
#include "bridge/engine_bridge.h"
#include "download/download_state.h"
#include "download/model_download.h"
#include "download/model_import.h"
#include "fake_engine_backend.h"
#include "test_downloader_server.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using agora::app::EngineBridge;
using agora::app::ModelDownload;
using agora::app::ModelDownloader;
using agora::app::ModelImport;
using agora::app::testing::FakeEngineBackend;
using agora::app::testing::ServedFile;
using agora::app::testing::TestHttpServer;

namespace {

QByteArray ggufBody(int size)
{
    QByteArray data(size, 'x');
    data.replace(0, 8, QByteArray("GGUF\x03\x00\x00\x00", 8));
    return data;
}

QString sha256(const QByteArray& data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

} // namespace

class TestDownloaderFirstRun : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<EngineBridge> m_bridge;

    QString models() const { return m_dir->filePath(QStringLiteral("models")); }
    QVariantMap entry(const QString& path, const QByteArray& body) const
    {
        return {{QStringLiteral("modelId"), QStringLiteral("tiny")},
                {QStringLiteral("url"), m_server->url(path).toString()},
                {QStringLiteral("fileName"), QStringLiteral("tiny.gguf")},
                {QStringLiteral("fileSizeBytes"), body.size()},
                {QStringLiteral("sha256"), sha256(body)}};
    }
    std::unique_ptr<ModelDownload> makeDownload()
    {
        auto download = std::make_unique<ModelDownload>();
        download->setModelsFolder(models());
        download->setNetworkForTests(m_network.get());
        download->setBridge(m_bridge.get());
        return download;
    }
    QString finalState(ModelDownload& download)
    {
        const bool ended = QTest::qWaitFor(
            [&]() { return QStringList{QStringLiteral("finished"), QStringLiteral("failed")}.contains(download.state()); }, 20000);
        return ended ? download.state() : QStringLiteral("still %1 after 20 s").arg(download.state());
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_server = std::make_unique<TestHttpServer>();
        QVERIFY(m_server->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_network->setProxy(QNetworkProxy::NoProxy); // 127.0.0.1 directly, whatever the machine's proxy
        m_bridge = std::make_unique<EngineBridge>(
            std::make_shared<FakeEngineBackend>(FakeEngineBackend::fixture(QStringLiteral("devices_mixed.json"))));
    }

    void cleanup()
    {
        m_bridge.reset();
        m_network.reset();
        m_server.reset();
        m_dir.reset();
    }

    void engineCheckAcceptsAModel()
    {
        const QByteArray body = ggufBody(64 * 1024);
        m_server->serve(QStringLiteral("/tiny.gguf"), {body});
        auto download = makeDownload();
        QSignalSpy finished(download.get(), &ModelDownload::finished);
        QSignalSpy inspected(m_bridge.get(), &EngineBridge::modelInspected);
        download->start(entry(QStringLiteral("/tiny.gguf"), body));
        QCOMPARE(finalState(*download), QStringLiteral("finished"));
        QCOMPARE(inspected.count(), 1); // the engine, not just the header check, said yes
        QVERIFY(inspected.first().at(1).toString().endsWith(QStringLiteral("tiny.gguf.part")));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().toString(), models() + QStringLiteral("/tiny.gguf"));
        QVERIFY(QFileInfo::exists(models() + QStringLiteral("/tiny.gguf")));
        QVERIFY(!download->hasPartial(entry(QStringLiteral("/tiny.gguf"), body)));
    }

    void fileTheEngineRefusesIsDeleted()
    {
        // The right checksum, but not a GGUF file: the engine's answer decides, and says why.
        const QByteArray body(32 * 1024, 'z');
        m_server->serve(QStringLiteral("/bad.gguf"), {body});
        auto download = makeDownload();
        download->start(entry(QStringLiteral("/bad.gguf"), body));
        QCOMPARE(finalState(*download), QStringLiteral("failed"));
        QVERIFY2(download->errorText().contains(QStringLiteral("does not open as a model")), qPrintable(download->errorText()));
        QVERIFY2(download->errorText().contains(QStringLiteral("It was deleted")), qPrintable(download->errorText()));
        QVERIFY(!QFileInfo::exists(models() + QStringLiteral("/tiny.gguf")));
        QVERIFY(!QFileInfo::exists(models() + QStringLiteral("/tiny.gguf.part")));
        QVERIFY(!download->hasPartial(entry(QStringLiteral("/bad.gguf"), body)));
    }

    void pausedDownloadResumesAfterARestart()
    {
        const QByteArray body = ggufBody(400 * 1024);
        ServedFile slow{body};
        slow.chunkBytes = 16 * 1024;
        slow.chunkIntervalMs = 20;
        m_server->serve(QStringLiteral("/tiny.gguf"), slow);
        const QVariantMap tiny = entry(QStringLiteral("/tiny.gguf"), body);
        {
            auto download = makeDownload();
            QVERIFY(!download->hasPartial(tiny));
            QCOMPARE(download->partialText(tiny), QString());
            QSignalSpy changed(download.get(), &ModelDownload::stateChanged);
            download->start(tiny);
            QVERIFY(QTest::qWaitFor([&]() { return download->downloader()->receivedBytes() > 64 * 1024; }, 20000));
            const int revision = download->revision();
            download->pause();
            QCOMPARE(download->state(), QStringLiteral("paused"));
            QVERIFY2(download->revision() > revision, "bindings over hasPartial() must re-evaluate");
            QVERIFY(download->hasPartial(tiny));
        }
        // A new session: nothing started, yet the page can offer "Resume" with how far it got.
        auto restarted = makeDownload();
        QCOMPARE(restarted->state(), QStringLiteral("idle"));
        QVERIFY(!restarted->networkCreated());
        QVERIFY(restarted->hasPartial(tiny));
        QVERIFY2(restarted->partialText(tiny).contains(QStringLiteral(" of ")), qPrintable(restarted->partialText(tiny)));
        // Another catalog entry (other URL) is not taken for it.
        QVariantMap other = tiny;
        other[QStringLiteral("url")] = m_server->url(QStringLiteral("/other.gguf")).toString();
        QVERIFY(!restarted->hasPartial(other));

        m_server->file(QStringLiteral("/tiny.gguf")).chunkBytes = 0;
        restarted->start(tiny);
        QCOMPARE(finalState(*restarted), QStringLiteral("finished"));
        const QList<QByteArray> ranges = m_server->rangeHeaders(QStringLiteral("/tiny.gguf"));
        QVERIFY2(ranges.last().startsWith("bytes="), "the restart continued with a Range request");
        QFile done(models() + QStringLiteral("/tiny.gguf"));
        QVERIFY(done.open(QIODevice::ReadOnly));
        QCOMPARE(done.readAll(), body);
    }

    void lateCheckAnswerAfterCancelIsIgnored()
    {
        const QByteArray body = ggufBody(16 * 1024);
        m_server->serve(QStringLiteral("/tiny.gguf"), {body});
        ModelDownloader downloader(m_network.get());
        agora::app::DownloadRequest request;
        request.url = m_server->url(QStringLiteral("/tiny.gguf"));
        request.targetPath = models() + QStringLiteral("/tiny.gguf");
        request.sha256 = sha256(body);
        downloader.setRequest(request);
        agora::app::ModelFileCheckDone answer;
        downloader.setAsyncModelFileCheck([&](const QString&, agora::app::ModelFileCheckDone done) { answer = done; });
        downloader.start();
        QVERIFY(QTest::qWaitFor([&]() { return bool(answer); }, 20000));
        QCOMPARE(downloader.state(), ModelDownloader::State::Verifying);
        downloader.cancel();
        answer(QString()); // "fine", but too late: the user cancelled
        QCOMPARE(downloader.state(), ModelDownloader::State::Cancelled);
        QVERIFY(!QFileInfo::exists(request.targetPath));
        QVERIFY(!QFileInfo::exists(agora::app::partialPathFor(request.targetPath)));
    }

    void importLinksOrCopiesTheUsersFile()
    {
        const QString own = m_dir->filePath(QStringLiteral("Downloads/my model.gguf"));
        QVERIFY(QDir().mkpath(QFileInfo(own).absolutePath()));
        QVERIFY(writeFile(own, ggufBody(8192)));
        ModelImport import;
        import.setModelsFolder(models());
        QSignalSpy finished(&import, &ModelImport::finished);
        import.importFile(QUrl::fromLocalFile(own).toString());
        QTRY_COMPARE(finished.count(), 1);
        const QString target = models() + QStringLiteral("/my model.gguf");
        QCOMPARE(finished.first().first().toString(), target);
        QCOMPARE(import.state(), QStringLiteral("finished"));
        QFile copy(target);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), ggufBody(8192));
        QVERIFY2(QFileInfo::exists(own), "the user's own file stays where it was");
        // The same file again: already there, nothing overwritten, finished at once.
        import.importFile(own);
        QCOMPARE(import.state(), QStringLiteral("finished"));
        QCOMPARE(finished.count(), 2);
    }

    void importCopiesWithProgress()
    {
        // Another disk (no hard link possible): copied in chunks off the GUI thread.
        const QByteArray body = ggufBody(10 * 1024 * 1024 + 5);
        const QString own = m_dir->filePath(QStringLiteral("big.gguf"));
        QVERIFY(writeFile(own, body));
        ModelImport import;
        import.setModelsFolder(models());
        import.setLinkingAllowed(false);
        QSignalSpy progress(&import, &ModelImport::progressChanged);
        QSignalSpy finished(&import, &ModelImport::finished);
        import.importFile(own);
        QCOMPARE(import.state(), QStringLiteral("copying"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QVERIFY2(progress.count() >= 3, "progress is reported while copying");
        QCOMPARE(import.progress(), 1.0);
        QFile copy(models() + QStringLiteral("/big.gguf"));
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), body);
        QVERIFY(!QFileInfo::exists(models() + QStringLiteral("/big.gguf.importing")));
    }

    void importRefusesWhatIsNotAModel()
    {
        const QString text = m_dir->filePath(QStringLiteral("notes.gguf"));
        QVERIFY(writeFile(text, "these are my notes, not a model"));
        ModelImport import;
        import.setModelsFolder(models());
        QSignalSpy failed(&import, &ModelImport::failed);
        import.importFile(text);
        QCOMPARE(import.state(), QStringLiteral("failed"));
        QCOMPARE(failed.count(), 1);
        QVERIFY2(import.errorText().startsWith(QStringLiteral("notes.gguf is not a model Agora can open")), qPrintable(import.errorText()));
        QVERIFY(!QFileInfo::exists(models() + QStringLiteral("/notes.gguf")));

        import.importFile(m_dir->filePath(QStringLiteral("missing.gguf")));
        QCOMPARE(import.state(), QStringLiteral("failed"));
        QVERIFY(import.errorText().contains(QStringLiteral("is not a file")));

        // A different file under a name that is taken is not overwritten.
        QVERIFY(QDir().mkpath(models()));
        QVERIFY(writeFile(models() + QStringLiteral("/taken.gguf"), ggufBody(100)));
        QVERIFY(writeFile(m_dir->filePath(QStringLiteral("taken.gguf")), ggufBody(200)));
        import.importFile(m_dir->filePath(QStringLiteral("taken.gguf")));
        QCOMPARE(import.state(), QStringLiteral("failed"));
        QVERIFY(import.errorText().contains(QStringLiteral("already in the models folder")));
        QCOMPARE(QFileInfo(models() + QStringLiteral("/taken.gguf")).size(), 100);
    }
};

QTEST_GUILESS_MAIN(TestDownloaderFirstRun)
#include "test_downloader_first_run.moc"
