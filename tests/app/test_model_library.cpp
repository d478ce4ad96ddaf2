// ModelLibrary with the fake engine (tests/app/fakes): listing and cards, watching the folder,
// import by copy and by link, refusals (not a GGUF, name clash, no disk space), fit badges from a
// device fixture, load/unload through the bridge, removal. Always under QAbstractItemModelTester.
#include "bridge/engine_bridge.h"
#include "fake_engine_backend.h"
#include "models/device_budget.h"
#include "models/model_file_copy.h"
#include "models/model_library.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSignalSpy>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTest>

using agora::app::EngineBridge;
using agora::app::ModelFileCopy;
using agora::app::ModelLibrary;
using agora::app::testing::FakeEngineBackend;

namespace {

// A file the fake engine reads as a model: the GGUF magic, then `size` bytes in all (sparse
// beyond the header, so a "9 GB model" costs no disk).
QString writeModel(const QString& path, qint64 size = 64)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write("GGUF\x03\0\0\0", 8) != 8 || !file.resize(size))
        return QString();
    return path;
}

QString writeText(const QString& path, const QByteArray& text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        return QString();
    return path;
}

QByteArray contentOf(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

struct Fixture {
    explicit Fixture(const char* devices = "devices_mixed.json")
        : backend(std::make_shared<FakeEngineBackend>(FakeEngineBackend::fixture(QString::fromLatin1(devices))))
        , bridge(backend)
        , tester(&library, QAbstractItemModelTester::FailureReportingMode::QtTest)
    {
        library.setBridge(&bridge);
    }
    QVariant at(int row, ModelLibrary::Role role) const { return library.data(library.index(row), role); }
    QVariant of(const QString& fileName, ModelLibrary::Role role) const
    {
        return at(library.indexOfPath(models.filePath(fileName)), role);
    }
    bool allRead() const
    {
        for (int row = 0; row < library.rowCount(); ++row) {
            if (at(row, ModelLibrary::StatusRole).toString() == QLatin1String("pending"))
                return false;
        }
        return true;
    }

    QTemporaryDir models;
    QTemporaryDir elsewhere;
    std::shared_ptr<FakeEngineBackend> backend;
    EngineBridge bridge;
    ModelLibrary library;
    QAbstractItemModelTester tester;
};

} // namespace

class TestModelLibrary : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void listsGgufFilesWithCards()
    {
        Fixture f;
        QVERIFY(!writeModel(f.models.filePath("Zephyr.gguf"), 1000).isEmpty());
        QVERIFY(!writeModel(f.models.filePath("alpha.gguf")).isEmpty());
        QVERIFY(!writeText(f.models.filePath("broken.gguf"), "not a model at all").isEmpty());
        QVERIFY(!writeText(f.models.filePath("notes.txt"), "GGUF but not listed").isEmpty());
        QVERIFY(!writeModel(f.models.filePath("half.gguf.part")).isEmpty());
        QVERIFY(QDir(f.models.path()).mkdir("folder.gguf"));
        QSignalSpy folderChanged(&f.library, &ModelLibrary::folderChanged);
        f.library.setFolder(f.models.path());
        QCOMPARE(folderChanged.count(), 1);

        QCOMPARE(f.library.rowCount(), 3);
        QCOMPARE(f.at(0, ModelLibrary::FileNameRole).toString(), QStringLiteral("alpha.gguf"));
        QCOMPARE(f.at(1, ModelLibrary::FileNameRole).toString(), QStringLiteral("broken.gguf"));
        QCOMPARE(f.at(2, ModelLibrary::FileNameRole).toString(), QStringLiteral("Zephyr.gguf")); // case folded
        QCOMPARE(f.at(2, ModelLibrary::FileBytesRole).toLongLong(), 1000);
        QCOMPARE(f.at(2, ModelLibrary::PathRole).toString(), f.models.filePath("Zephyr.gguf"));
        QTRY_VERIFY(f.allRead());

        QCOMPARE(f.of("alpha.gguf", ModelLibrary::StatusRole).toString(), QStringLiteral("ok"));
        QCOMPARE(f.of("alpha.gguf", ModelLibrary::DisplayNameRole).toString(), QStringLiteral("alpha"));
        const QVariantMap card = f.of("Zephyr.gguf", ModelLibrary::CardRole).toMap();
        QCOMPARE(card.value("organization").toString(), QStringLiteral("Fake Labs"));
        QCOMPARE(card.value("quantLabel").toString(), QStringLiteral("Q4_0"));
        QCOMPARE(f.of("Zephyr.gguf", ModelLibrary::DeviceBytesRole).toLongLong(), 1000 + 2048 * 1024);
        QVERIFY(!f.of("Zephyr.gguf", ModelLibrary::IsLinkRole).toBool());

        QCOMPARE(f.of("broken.gguf", ModelLibrary::StatusRole).toString(), QStringLiteral("corrupt"));
        QVERIFY2(f.of("broken.gguf", ModelLibrary::StatusMessageRole).toString().contains("not a GGUF model"),
                 qPrintable(f.of("broken.gguf", ModelLibrary::StatusMessageRole).toString()));
        QCOMPARE(f.of("broken.gguf", ModelLibrary::FitsRole).toString(), QStringLiteral("unknown"));

        const QVariantMap row = f.library.get(0);
        QCOMPARE(row.value("fileName").toString(), QStringLiteral("alpha.gguf"));
        QCOMPARE(row.value("status").toString(), QStringLiteral("ok"));
        QVERIFY(f.library.get(7).isEmpty());
        QCOMPARE(f.library.indexOfPath(QUrl::fromLocalFile(f.models.filePath("Zephyr.gguf")).toString()), 2);
    }

    void watchesTheFolder()
    {
        Fixture f;
        f.library.setFolder(f.models.path());
        QCOMPARE(f.library.rowCount(), 0);
        QSignalSpy count(&f.library, &ModelLibrary::countChanged);
        QVERIFY(!writeModel(f.models.filePath("arrived.gguf")).isEmpty());
        QTRY_COMPARE(f.library.rowCount(), 1);
        QTRY_COMPARE(f.at(0, ModelLibrary::StatusRole).toString(), QStringLiteral("ok"));
        QVERIFY(!writeModel(f.models.filePath("second.gguf")).isEmpty());
        QTRY_COMPARE(f.library.rowCount(), 2);
        QVERIFY(QFile::remove(f.models.filePath("arrived.gguf")));
        QTRY_COMPARE(f.library.rowCount(), 1);
        QCOMPARE(f.at(0, ModelLibrary::FileNameRole).toString(), QStringLiteral("second.gguf"));
        QVERIFY(count.count() >= 3);
    }

    void importsByCopyWithProgress()
    {
        Fixture f;
        f.library.setFolder(f.models.path());
        // 24 MB of real bytes: several chunks, so progress has steps to report.
        QByteArray bytes("GGUF\x03\0\0\0", 8);
        bytes.append(QByteArray(24 * 1024 * 1024, 'x'));
        const QString source = writeText(f.elsewhere.filePath("Big Model.gguf"), bytes);
        QVERIFY(!source.isEmpty());

        QSignalSpy finished(&f.library, &ModelLibrary::importFinished);
        QSignalSpy failed(&f.library, &ModelLibrary::importFailed);
        QList<double> progress;
        connect(&f.library, &ModelLibrary::importStateChanged, this, [&] { progress << f.library.importProgress(); });
        QVERIFY(f.library.importFile(QUrl::fromLocalFile(source), "copy"));
        QVERIFY(f.library.importing());
        QCOMPARE(f.library.importFileName(), QStringLiteral("Big Model.gguf"));
        QVERIFY(finished.wait(20000));
        QCOMPARE(failed.count(), 0);
        const QString target = f.models.filePath("Big Model.gguf");
        QCOMPARE(finished.at(0).at(0).toString(), target);
        QVERIFY(!f.library.importing());
        QCOMPARE(contentOf(target), bytes);
        QVERIFY(QFile::exists(source)); // a copy: the original stays
        QVERIFY(!QFile::exists(target + ".part"));
        QVERIFY(!QFileInfo(target).isSymLink());
        // The row is there when the signal arrives, not only after the watcher's delay.
        QCOMPARE(f.library.rowCount(), 1);
        QVERIFY2(std::any_of(progress.cbegin(), progress.cend(), [](double p) { return p > 0.0 && p < 1.0; }),
                 "no intermediate progress was reported");
        QTRY_COMPARE(f.at(0, ModelLibrary::StatusRole).toString(), QStringLiteral("ok"));
    }

    void importsByLinkAndRemovesOnlyTheLink()
    {
        Fixture f;
        f.library.setFolder(f.models.path());
        const QString source = writeModel(f.elsewhere.filePath("linked.gguf"));
        QSignalSpy finished(&f.library, &ModelLibrary::importFinished);
        QVERIFY(f.library.importFile(QUrl::fromLocalFile(source), "link"));
        QVERIFY(finished.wait(5000));
        const QString target = f.models.filePath("linked.gguf");
        QVERIFY(QFileInfo(target).isSymLink());
        QCOMPARE(QFileInfo(target).symLinkTarget(), source);
        QCOMPARE(f.library.rowCount(), 1);
        QVERIFY(f.at(0, ModelLibrary::IsLinkRole).toBool());
        QTRY_COMPARE(f.at(0, ModelLibrary::StatusRole).toString(), QStringLiteral("ok"));

        QVERIFY(f.library.remove(target));
        QCOMPARE(f.library.rowCount(), 0);
        QVERIFY(!QFileInfo(target).isSymLink());
        QVERIFY(QFile::exists(source)); // the linked file itself is untouched
    }

    void aBrokenLinkIsShownAsAnError()
    {
        Fixture f;
        const QString source = writeModel(f.elsewhere.filePath("gone.gguf"));
        QVERIFY(QFile::link(source, f.models.filePath("gone.gguf")));
        QVERIFY(QFile::remove(source));
        f.library.setFolder(f.models.path());
        QCOMPARE(f.library.rowCount(), 1);
        QCOMPARE(f.at(0, ModelLibrary::StatusRole).toString(), QStringLiteral("corrupt"));
        QVERIFY(f.at(0, ModelLibrary::StatusMessageRole).toString().contains("gone.gguf"));
        QVERIFY(!f.library.load(f.models.filePath("gone.gguf")));
    }

    void refusesAFileThatIsNoModel()
    {
        Fixture f;
        f.library.setFolder(f.models.path());
        const QString source = writeText(f.elsewhere.filePath("holiday.gguf"), "JPEG pretending to be a model");
        QSignalSpy finished(&f.library, &ModelLibrary::importFinished);
        QSignalSpy failed(&f.library, &ModelLibrary::importFailed);
        QVERIFY(f.library.importFile(QUrl::fromLocalFile(source), "copy"));
        QVERIFY(failed.wait(5000));
        QCOMPARE(finished.count(), 0);
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("holiday.gguf"));
        const QString message = failed.at(0).at(1).toString();
        QVERIFY2(message.contains("holiday.gguf") && message.contains("not a GGUF model"), qPrintable(message));
        QCOMPARE(f.library.lastError(), message);
        QCOMPARE(QDir(f.models.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System), QStringList());
        QCOMPARE(f.library.rowCount(), 0);
        QVERIFY(!f.library.importing());

        // The same for a link: nothing is linked either.
        QVERIFY(f.library.importFile(QUrl::fromLocalFile(source), "link"));
        QVERIFY(failed.wait(5000));
        QCOMPARE(QDir(f.models.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System), QStringList());

        // A missing file, a folder and an unknown mode are refused with their own sentences.
        QVERIFY(f.library.importFile(QUrl::fromLocalFile(f.elsewhere.filePath("nowhere.gguf")), "copy"));
        QCOMPARE(failed.count(), 3); // refused before the engine is asked
        QVERIFY(failed.last().at(1).toString().contains("does not exist"));
        QVERIFY(f.library.importFile(QUrl::fromLocalFile(f.elsewhere.path()), "copy"));
        QVERIFY(failed.last().at(1).toString().contains("folder"));
        QVERIFY(!f.library.importFile(QUrl::fromLocalFile(source), "move"));
        QVERIFY(f.library.lastError().contains("move"));
    }

    void refusesANameClash()
    {
        Fixture f;
        const QString existing = writeText(f.models.filePath("twin.gguf"), QByteArray("GGUF\x03\0\0\0original", 16));
        f.library.setFolder(f.models.path());
        const QString source = writeModel(f.elsewhere.filePath("twin.gguf"), 4096);
        QSignalSpy failed(&f.library, &ModelLibrary::importFailed);
        QVERIFY(f.library.importFile(QUrl::fromLocalFile(source), "copy"));
        QCOMPARE(failed.count(), 1);
        QVERIFY2(failed.at(0).at(1).toString().contains("already in the models folder"),
                 qPrintable(failed.at(0).at(1).toString()));
        QCOMPARE(contentOf(existing), QByteArray("GGUF\x03\0\0\0original", 16));
        QVERIFY(f.library.importFile(QUrl::fromLocalFile(source), "link"));
        QCOMPARE(failed.count(), 2);
        QVERIFY(!QFileInfo(existing).isSymLink());
        // Importing a file from the models folder itself is a clash with itself.
        QVERIFY(f.library.importFile(QUrl::fromLocalFile(existing), "copy"));
        QCOMPARE(failed.count(), 3);
        QVERIFY(failed.last().at(1).toString().contains("already in the models folder"));
    }

    void refusesWhenTheDiskIsTooFull()
    {
        Fixture f;
        f.library.setFolder(f.models.path());
        const qint64 available = QStorageInfo(f.models.path()).bytesAvailable();
        QVERIFY(available > 0);
        // Sparse: claims more bytes than the disk has free, costs almost nothing.
        const QString source = writeModel(f.elsewhere.filePath("enormous.gguf"), available + (qint64(1) << 30));
        QVERIFY(!source.isEmpty());
        QSignalSpy failed(&f.library, &ModelLibrary::importFailed);
        QVERIFY(f.library.importFile(QUrl::fromLocalFile(source), "copy"));
        QVERIFY(failed.wait(5000));
        QVERIFY2(failed.at(0).at(1).toString().contains("Not enough free disk space"), qPrintable(failed.at(0).at(1).toString()));
        QCOMPARE(QDir(f.models.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System), QStringList());
        // Linking needs no space: offered as the way out, and it works.
        QSignalSpy finished(&f.library, &ModelLibrary::importFinished);
        QVERIFY(f.library.importFile(QUrl::fromLocalFile(source), "link"));
        QVERIFY(finished.wait(5000));
        QCOMPARE(f.library.rowCount(), 1);
    }

    void aCancelledCopyLeavesNothing()
    {
        QTemporaryDir dir;
        const QString source = writeModel(dir.filePath("source.gguf"), 1 << 20);
        std::atomic<bool> cancelled{true};
        const QString error = ModelFileCopy::copyFile(source, dir.filePath("copy.gguf"), cancelled, [](qint64, qint64) {});
        QVERIFY(error.contains("cancelled"));
        QVERIFY(!QFile::exists(dir.filePath("copy.gguf")));
        QVERIFY(!QFile::exists(dir.filePath("copy.gguf.part")));
        cancelled = false;
        qint64 lastDone = -1;
        QVERIFY(ModelFileCopy::copyFile(source, dir.filePath("copy.gguf"), cancelled, [&](qint64 done, qint64 total) {
                    QCOMPARE(total, qint64(1) << 20);
                    lastDone = done;
                }).isEmpty());
        QCOMPARE(lastDone, qint64(1) << 20);
        QCOMPARE(contentOf(dir.filePath("copy.gguf")), contentOf(source));
    }

    void fitAgainstTheChosenDevice()
    {
        Fixture f;
        QSignalSpy budget(&f.library, &ModelLibrary::budgetChanged);
        // Radeon RX 7600 (discrete, the fixture's default): 8573157376 bytes. deviceBytes of a fake
        // card: file size + 2 MiB of KV cache.
        QVERIFY(!writeModel(f.models.filePath("small.gguf"), 1'000'000'000).isEmpty());
        QVERIFY(!writeModel(f.models.filePath("tight.gguf"), 7'500'000'000).isEmpty());
        QVERIFY(!writeModel(f.models.filePath("huge.gguf"), 9'000'000'000).isEmpty());
        f.library.setFolder(f.models.path());
        QTRY_VERIFY(f.bridge.hasScan());
        QTRY_VERIFY(f.allRead());
        QCOMPARE(f.library.deviceName(), QStringLiteral("Radeon RX 7600"));
        QCOMPARE(f.library.budgetBytes(), 8573157376);
        QVERIFY(budget.count() >= 1);
        QCOMPARE(f.of("small.gguf", ModelLibrary::FitsRole).toString(), QStringLiteral("fits"));
        QCOMPARE(f.of("tight.gguf", ModelLibrary::FitsRole).toString(), QStringLiteral("tight"));
        QCOMPARE(f.of("huge.gguf", ModelLibrary::FitsRole).toString(), QStringLiteral("no"));

        QSignalSpy changed(&f.library, &QAbstractItemModel::dataChanged);
        f.library.setDevice("Radeon"); // the same device by name: nothing changes
        QCOMPARE(changed.count(), 0);
        f.library.setDevice("2"); // Intel HD 4000: Vulkan 1.0 only, Agora cannot use it
        QCOMPARE(f.library.deviceName(), QStringLiteral("Intel HD Graphics 4000"));
        QCOMPARE(f.library.budgetBytes(), 0);
        QVERIFY(changed.count() >= 1);
        QCOMPARE(f.of("small.gguf", ModelLibrary::FitsRole).toString(), QStringLiteral("no"));
        f.library.setDevice("no such card");
        QCOMPARE(f.of("small.gguf", ModelLibrary::FitsRole).toString(), QStringLiteral("unknown"));

        // A longer context costs more memory: the cards are read again at the new size.
        f.library.setDevice(QString());
        f.library.setContextLength(2'000'000); // +2 GB of fake KV cache: "tight" no longer fits
        QTRY_VERIFY(f.allRead());
        QCOMPARE(f.of("tight.gguf", ModelLibrary::DeviceBytesRole).toLongLong(), 7'500'000'000 + 2'048'000'000);
        QCOMPARE(f.of("tight.gguf", ModelLibrary::FitsRole).toString(), QStringLiteral("no"));
    }

    void budgetRules()
    {
        const agora::app::DeviceScan scan = agora::app::deviceScanFromJson(FakeEngineBackend::fixture("devices_mixed.json"));
        QCOMPARE(agora::app::chosenDevice(scan, QString())->index, 1);
        QCOMPARE(agora::app::chosenDevice(scan, "0")->index, 0);
        QCOMPARE(agora::app::chosenDevice(scan, "LLVMPIPE")->index, 0);
        QVERIFY(!agora::app::chosenDevice(scan, "7"));
        // lavapipe shares system RAM: half of it (16 GiB here), not its 24 GiB "device-local" heap.
        const auto lavapipe = agora::app::deviceBudget(scan, "llvmpipe", qint64(16) << 30);
        QVERIFY(lavapipe.known);
        QCOMPARE(lavapipe.budgetBytes, qint64(8) << 30);
        QVERIFY(!agora::app::deviceBudget(agora::app::DeviceScan{}, QString(), qint64(16) << 30).known);
    }

    void loadsSwitchesAndUnloads()
    {
        Fixture f;
        QVERIFY(!writeModel(f.models.filePath("first.gguf")).isEmpty());
        QVERIFY(!writeModel(f.models.filePath("second.gguf")).isEmpty());
        QVERIFY(!writeText(f.models.filePath("third.gguf"), "damaged").isEmpty());
        f.library.setFolder(f.models.path());
        QTRY_VERIFY(f.allRead());
        const QString first = f.models.filePath("first.gguf");
        const QString second = f.models.filePath("second.gguf");

        QVERIFY(f.library.load(first));
        QCOMPARE(f.bridge.modelState(), EngineBridge::ModelState::Loading);
        QVERIFY(f.of("first.gguf", ModelLibrary::LoadingRole).toBool());
        QTRY_COMPARE(f.bridge.modelState(), EngineBridge::ModelState::Ready);
        QVERIFY(f.of("first.gguf", ModelLibrary::LoadedRole).toBool());
        QVERIFY(!f.of("first.gguf", ModelLibrary::LoadingRole).toBool());
        QVERIFY(!f.of("second.gguf", ModelLibrary::LoadedRole).toBool());

        // In use: not removed.
        QVERIFY(!f.library.remove(first));
        QVERIFY(f.library.lastError().contains("Unload"));
        QVERIFY(QFile::exists(first));

        // Another model: the first is unloaded, then the second loads.
        QVERIFY(f.library.load(second));
        QVERIFY(f.of("second.gguf", ModelLibrary::LoadingRole).toBool());
        QTRY_VERIFY(f.of("second.gguf", ModelLibrary::LoadedRole).toBool());
        QCOMPARE(f.bridge.modelPath(), second);
        QVERIFY(!f.of("first.gguf", ModelLibrary::LoadedRole).toBool());

        // A damaged file is refused with its reason, and the loaded model stays.
        QVERIFY(!f.library.load(f.models.filePath("third.gguf")));
        QVERIFY(f.library.lastError().contains("not a GGUF model"));
        QCOMPARE(f.bridge.modelState(), EngineBridge::ModelState::Ready);
        QVERIFY(!f.library.load(f.elsewhere.filePath("stranger.gguf")));

        f.library.unload();
        QTRY_COMPARE(f.bridge.modelState(), EngineBridge::ModelState::NoModel);
        QVERIFY(!f.of("second.gguf", ModelLibrary::LoadedRole).toBool());
        QVERIFY(f.library.remove(first));
        QCOMPARE(f.library.rowCount(), 2);
        QVERIFY(!QFile::exists(first));
    }

    void aFailedLoadIsShownOnItsRow()
    {
        Fixture f;
        const QString model = writeModel(f.models.filePath("roomy.gguf"));
        f.library.setFolder(f.models.path());
        QTRY_VERIFY(f.allRead());
        // The device is full (another model sits in a slot): the load fails and the row says why.
        f.backend->setMaxLoadedModels(1);
        QSignalSpy slotLoaded(&f.bridge, &EngineBridge::slotLoaded);
        f.bridge.loadSlot(writeModel(f.elsewhere.filePath("occupant.gguf")));
        QVERIFY(slotLoaded.wait(5000));
        QVERIFY(f.library.load(model));
        QTRY_COMPARE(f.bridge.modelState(), EngineBridge::ModelState::Failed);
        QVERIFY(!f.of("roomy.gguf", ModelLibrary::LoadedRole).toBool());
        QVERIFY(!f.of("roomy.gguf", ModelLibrary::LoadingRole).toBool());
        QVERIFY2(f.of("roomy.gguf", ModelLibrary::LoadErrorRole).toString().contains("does not fit"),
                 qPrintable(f.of("roomy.gguf", ModelLibrary::LoadErrorRole).toString()));
        QVERIFY(f.library.lastError().contains("does not fit"));
        // After a failure another try is allowed.
        f.backend->setMaxLoadedModels(0);
        QVERIFY(f.library.load(model));
        QTRY_VERIFY(f.of("roomy.gguf", ModelLibrary::LoadedRole).toBool());
        QVERIFY(f.of("roomy.gguf", ModelLibrary::LoadErrorRole).toString().isEmpty());
    }

    void followsALoadStartedElsewhere()
    {
        Fixture f;
        const QString model = writeModel(f.models.filePath("chosen.gguf"));
        f.library.setFolder(f.models.path());
        QSignalSpy chatModel(&f.library, &ModelLibrary::chatModelChanged);
        // The chat page (or first run) loads through the bridge itself: the library still knows.
        QVERIFY(f.bridge.loadModel(model));
        QCOMPARE(f.library.chatModelPath(), model);
        QVERIFY(f.of("chosen.gguf", ModelLibrary::LoadingRole).toBool());
        QTRY_VERIFY(f.of("chosen.gguf", ModelLibrary::LoadedRole).toBool());
        QCOMPARE(chatModel.count(), 1);
        // A second library made later (another page) sees the loaded model at once.
        ModelLibrary later;
        later.setFolder(f.models.path());
        later.setBridge(&f.bridge);
        QCOMPARE(later.chatModelPath(), model);
        QVERIFY(later.data(later.index(0), ModelLibrary::LoadedRole).toBool());
        f.bridge.unloadModel();
        QTRY_COMPARE(f.library.chatModelPath(), QString());
        QCOMPARE(chatModel.count(), 2);
    }

    void parameterAndSizeTexts()
    {
        QCOMPARE(ModelLibrary::parameterText(1'543'714'304), QStringLiteral("1.5 B"));
        QCOMPARE(ModelLibrary::parameterText(7'000'000'000), QStringLiteral("7 B"));
        QCOMPARE(ModelLibrary::parameterText(260'000), QStringLiteral("260 K"));
        QCOMPARE(ModelLibrary::parameterText(70'600'000'000), QStringLiteral("71 B"));
        QCOMPARE(ModelLibrary::parameterText(0), QString());
        QVERIFY(ModelLibrary::bytesText(1'500'000'000).contains("GiB") || ModelLibrary::bytesText(1'500'000'000).contains("GB"));
        QCOMPARE(ModelLibrary::bytesText(0), QString());
    }
};

QTEST_GUILESS_MAIN(TestModelLibrary)
#include "test_model_library.moc"
