// DeviceListModel and EngineBridge with a fake engine: JSON parsing, every role under
// QAbstractItemModelTester, the scan running off the GUI thread, errors and translations.
#include "bridge/device_record.h"
#include "bridge/engine_bridge.h"
#include "fake_engine_backend.h"
#include "startup/language.h"
#include "viewmodels/device_list_model.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using agora::app::DeviceListModel;
using agora::app::DeviceScan;
using agora::app::EngineBridge;
using agora::app::testing::FakeEngineBackend;

class TestDeviceListModel : public QObject {
    Q_OBJECT

private slots:
    void parsesCliJson()
    {
        const DeviceScan scan = agora::app::deviceScanFromJson(FakeEngineBackend::fixture("devices_mixed.json"));
        QVERIFY2(scan.error.isEmpty(), qPrintable(scan.error));
        QCOMPARE(scan.devices.size(), 3);
        QCOMPARE(scan.defaultIndex, 1);
        const auto& lavapipe = scan.devices.at(0);
        QCOMPARE(lavapipe.type, QStringLiteral("cpu"));
        QCOMPARE(lavapipe.subgroupSize, 8);
        QCOMPARE(lavapipe.maxStorageBufferRange, qint64(128) << 20);
        QCOMPARE(lavapipe.driver, QStringLiteral("llvmpipe Mesa 22.3.6 (LLVM 15.0.6)"));
        QVERIFY(lavapipe.features.contains("fp16"));
        QVERIFY(!lavapipe.features.contains("cooperative-matrix"));
        QVERIFY(!scan.devices.at(2).usable);
    }

    void rejectsMalformedJson()
    {
        QVERIFY(agora::app::deviceScanFromJson("{\"devices\": [").error.contains("not valid JSON"));
        QVERIFY(agora::app::deviceScanFromJson("{\"default\": 0}").error.contains("no \"devices\""));
        QVERIFY(agora::app::deviceScanFromJson("[]").error.contains("no \"devices\""));
    }

    void rolesUnderModelTester()
    {
        DeviceListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy countSpy(&model, &DeviceListModel::countChanged);
        model.setScan(agora::app::deviceScanFromJson(FakeEngineBackend::fixture("devices_mixed.json")));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.usableCount(), 2);
        QCOMPARE(countSpy.count(), 1);

        auto at = [&](int row, DeviceListModel::Role role) { return model.data(model.index(row), role); };
        QCOMPARE(at(0, DeviceListModel::NameRole).toString(), QStringLiteral("llvmpipe (LLVM 15.0.6, 256 bits)"));
        QCOMPARE(at(0, DeviceListModel::TypeRole).toString(), QStringLiteral("cpu"));
        QCOMPARE(at(0, DeviceListModel::TypeTextRole).toString(), QStringLiteral("Software renderer on the processor"));
        QCOMPARE(at(0, DeviceListModel::SubgroupSizeRole).toInt(), 8);
        QCOMPARE(at(0, DeviceListModel::MemoryBytesRole).toLongLong(), qint64(24) << 30);
        QCOMPARE(at(0, DeviceListModel::MemoryTextRole).toString(), QLocale().formattedDataSize(qint64(24) << 30, 1,
                                                                    QLocale::DataSizeTraditionalFormat));
        QCOMPARE(at(0, DeviceListModel::StorageBufferRangeTextRole).toString(), QStringLiteral("128 MB"));
        QCOMPARE(at(0, DeviceListModel::SharedMemoryTextRole).toString(), QStringLiteral("32 kB"));
        QVERIFY(at(0, DeviceListModel::FeatureTextsRole).toStringList().contains("16-bit floats"));
        QCOMPARE(at(1, DeviceListModel::FeatureTextsRole).toStringList().size(), 7);
        QCOMPARE(at(2, DeviceListModel::FeatureTextsRole).toStringList().size(), 0);

        // Exactly one default, and it is the one the engine chose.
        QCOMPARE(at(0, DeviceListModel::IsDefaultRole).toBool(), false);
        QCOMPARE(at(1, DeviceListModel::IsDefaultRole).toBool(), true);
        QCOMPARE(at(2, DeviceListModel::IsDefaultRole).toBool(), false);

        QCOMPARE(at(2, DeviceListModel::UsableRole).toBool(), false);
        QCOMPARE(at(2, DeviceListModel::UnusableReasonRole).toString(),
                 QStringLiteral("Vulkan 1.0 only; Agora needs Vulkan 1.2"));
        QCOMPARE(at(1, DeviceListModel::UnusableReasonRole).toString(), QString());

        // Every role has a QML name, and an out-of-range row answers nothing.
        const auto names = model.roleNames();
        for (int role = DeviceListModel::IndexRole; role <= DeviceListModel::IsDefaultRole; ++role)
            QVERIFY2(names.contains(role), qPrintable(QString::number(role)));
        QVERIFY(!model.data(model.index(3), DeviceListModel::NameRole).isValid());

        model.setScan(DeviceScan{});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.usableCount(), 0);
    }

    void scanRunsOffTheGuiThread()
    {
        auto backend = std::make_shared<FakeEngineBackend>(FakeEngineBackend::fixture("devices_mixed.json"), 1000);
        EngineBridge bridge(backend);
        DeviceListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBridge(&bridge);
        QSignalSpy scanned(&bridge, &EngineBridge::devicesScanned);

        QElapsedTimer clock;
        clock.start();
        bridge.refreshDevices();
        bridge.refreshDevices(); // ignored while the first runs
        // The fake driver takes a second; the call must return long before (slack for busy CI).
        QVERIFY2(clock.elapsed() < 500, "refreshDevices() must not wait for the driver");
        QVERIFY(model.scanning());
        QCOMPARE(model.rowCount(), 0);

        QVERIFY(scanned.wait(5000));
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(!model.scanning());
        QCOMPARE(backend->scanCount(), 1);
        QVERIFY(backend->lastScanThread() != nullptr);
        QVERIFY(backend->lastScanThread() != QThread::currentThread());

        // A model attached after the scan picks up the result at once.
        DeviceListModel late;
        late.setBridge(&bridge);
        QCOMPARE(late.rowCount(), 3);
    }

    void engineErrorReachesTheModel()
    {
        auto backend = std::make_shared<FakeEngineBackend>(FakeEngineBackend::fixture("devices_no_vulkan.json"));
        EngineBridge bridge(backend);
        DeviceListModel model;
        model.setBridge(&bridge);
        QSignalSpy errorSpy(&model, &DeviceListModel::errorTextChanged);
        bridge.refreshDevices();
        QTRY_COMPARE(errorSpy.count(), 1);
        QVERIFY(model.errorText().contains("No Vulkan driver"));
        QCOMPARE(model.rowCount(), 0);
    }

    void bridgeDestroyedDuringScan()
    {
        auto backend = std::make_shared<FakeEngineBackend>(FakeEngineBackend::fixture("devices_mixed.json"), 200);
        {
            EngineBridge bridge(backend);
            bridge.refreshDevices();
            QTRY_VERIFY(backend->lastScanThread() != nullptr); // the worker is inside the driver call
        } // must wait for the worker and drop its result without touching the dead bridge
        QCoreApplication::processEvents();
        QCOMPARE(backend->scanCount(), 1);
    }

    void languageChoice()
    {
        QCOMPARE(agora::app::chooseLanguage("de_DE"), QStringLiteral("de"));
        QCOMPARE(agora::app::chooseLanguage("fr-CA"), QStringLiteral("fr"));
        QCOMPARE(agora::app::chooseLanguage("en_GB"), QStringLiteral("en"));
        QCOMPARE(agora::app::chooseLanguage("es"), QStringLiteral("en"));

        // Without --lang, the saved setting wins over the system locale.
        QCoreApplication::setOrganizationName(QStringLiteral("AgoraTest"));
        QCoreApplication::setApplicationName(QStringLiteral("test_device_list_model"));
        QSettings().setValue(QStringLiteral("ui/language"), QStringLiteral("fr"));
        QCOMPARE(agora::app::chooseLanguage(QString()), QStringLiteral("fr"));
        QCOMPARE(agora::app::chooseLanguage("de"), QStringLiteral("de"));
        QSettings().setValue(QStringLiteral("ui/language"), QStringLiteral("klingon"));
        const QString fallback = agora::app::chooseLanguage(QString()); // the system's, or English
        QVERIFY(fallback == u"en" || agora::app::shippedLanguages().contains(fallback));
        QSettings settings;
        settings.clear();
    }

    void germanTranslationApplies()
    {
        QVERIFY(agora::app::installTranslations(*QCoreApplication::instance(), "de"));
        QCOMPARE(DeviceListModel::typeText("discrete"), QStringLiteral("Dedizierte Grafikkarte"));
        QCOMPARE(DeviceListModel::featureText("fp16"), QStringLiteral("16-Bit-Gleitkommazahlen"));
        QLocale::setDefault(QLocale::c());
    }
};

QTEST_GUILESS_MAIN(TestDeviceListModel)
#include "test_device_list_model.moc"
