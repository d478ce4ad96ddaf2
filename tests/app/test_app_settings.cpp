// AppSettings over a temporary INI file: defaults, every value surviving a restart, values
// outside the known set refused, files from older versions migrated (missing keys written, old
// spellings normalised), and the models folder following the data folder until chosen.
#include "startup/app_settings.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using agora::app::AppSettings;

class TestAppSettings : public QObject {
    Q_OBJECT

private:
    QString file() const { return m_dir.filePath(QStringLiteral("Agora.conf")); }
    QString data() const { return m_dir.filePath(QStringLiteral("data")); }
    void writeOldFile(const QList<QPair<QString, QVariant>>& values)
    {
        QSettings old(file(), QSettings::IniFormat);
        for (const auto& [key, value] : values)
            old.setValue(key, value);
        old.sync();
    }

    QTemporaryDir m_dir;

private slots:
    void init()
    {
        QFile::remove(file());
        QVERIFY(!QFile::exists(file()));
    }

    void defaults()
    {
        AppSettings settings(file(), data());
        QCOMPARE(settings.device(), QString());
        QCOMPARE(settings.theme(), QStringLiteral("system"));
        QCOMPARE(settings.language(), QString());
        QCOMPARE(settings.modelsFolder(), data() + QStringLiteral("/models"));
        QVERIFY(settings.modelsFolderIsDefault());
        QCOMPARE(settings.defaultPreset(), QStringLiteral("balanced"));
        QCOMPARE(settings.defaultSystemPrompt(), QString());
        QCOMPARE(settings.defaultContextLength(), 0);
        QCOMPARE(settings.defaultOverflowPolicy(), QStringLiteral("stop"));
        QVERIFY(!settings.firstRunDone());
        QCOMPARE(settings.errorText(), QString());
        // A new file documents every choice and its format version.
        QSettings written(file(), QSettings::IniFormat);
        QCOMPARE(written.value(QStringLiteral("settings/version")).toInt(), AppSettings::kFormatVersion);
        QCOMPARE(written.value(QStringLiteral("ui/theme")).toString(), QStringLiteral("system"));
        QCOMPARE(written.value(QStringLiteral("defaults/overflowPolicy")).toString(), QStringLiteral("stop"));
    }

    void inMemoryWithoutFile()
    {
        // What QML gets before it sets fileName: defaults, changes kept, nothing written anywhere.
        AppSettings settings;
        settings.setTheme(QStringLiteral("dark"));
        QCOMPARE(settings.theme(), QStringLiteral("dark"));
        QCOMPARE(settings.modelsFolder(), QString());
        QVERIFY(settings.sync());
    }

    void everyValueSurvivesARestart()
    {
        const QString otherModels = m_dir.filePath(QStringLiteral("elsewhere/models"));
        {
            AppSettings settings(file(), data());
            QSignalSpy themeSpy(&settings, &AppSettings::themeChanged);
            QSignalSpy languageSpy(&settings, &AppSettings::languageChanged);
            QSignalSpy defaultsSpy(&settings, &AppSettings::defaultsChanged);
            settings.setDevice(QStringLiteral("Radeon RX 7600"));
            settings.setTheme(QStringLiteral("dark"));
            settings.setLanguage(QStringLiteral("de"));
            settings.setModelsFolder(otherModels);
            settings.setDefaultPreset(QStringLiteral("creative"));
            settings.setDefaultSystemPrompt(QStringLiteral("Réponds en français.\nBriefly."));
            settings.setDefaultContextLength(8192);
            settings.setDefaultOverflowPolicy(QStringLiteral("drop-oldest"));
            settings.setFirstRunDone(true);
            QCOMPARE(themeSpy.count(), 1);
            QCOMPARE(languageSpy.count(), 1);
            QCOMPARE(defaultsSpy.count(), 4);
            settings.setTheme(QStringLiteral("dark")); // unchanged: no signal
            QCOMPARE(themeSpy.count(), 1);
        }
        AppSettings again(file(), data());
        QCOMPARE(again.device(), QStringLiteral("Radeon RX 7600"));
        QCOMPARE(again.theme(), QStringLiteral("dark"));
        QCOMPARE(again.language(), QStringLiteral("de"));
        QCOMPARE(again.modelsFolder(), otherModels);
        QVERIFY(!again.modelsFolderIsDefault());
        QCOMPARE(again.defaultPreset(), QStringLiteral("creative"));
        QCOMPARE(again.defaultSystemPrompt(), QStringLiteral("Réponds en français.\nBriefly."));
        QCOMPARE(again.defaultContextLength(), 8192);
        QCOMPARE(again.defaultOverflowPolicy(), QStringLiteral("drop-oldest"));
        QVERIFY(again.firstRunDone());
    }

    void unknownValuesAreRefused()
    {
        AppSettings settings(file(), data());
        QSignalSpy themeSpy(&settings, &AppSettings::themeChanged);
        settings.setTheme(QStringLiteral("purple"));
        settings.setLanguage(QStringLiteral("klingon"));
        settings.setDefaultPreset(QStringLiteral("wild"));
        settings.setDefaultOverflowPolicy(QStringLiteral("summarise"));
        settings.setDefaultContextLength(-5);
        settings.setDefaultContextLength(AppSettings::kMaxContextLength + 1);
        QCOMPARE(themeSpy.count(), 0);
        QCOMPARE(settings.theme(), QStringLiteral("system"));
        QCOMPARE(settings.language(), QString());
        QCOMPARE(settings.defaultPreset(), QStringLiteral("balanced"));
        QCOMPARE(settings.defaultOverflowPolicy(), QStringLiteral("stop"));
        QCOMPARE(settings.defaultContextLength(), 0);
        // Regional and differently spelled choices are understood.
        settings.setLanguage(QStringLiteral("fr_CA"));
        QCOMPARE(settings.language(), QStringLiteral("fr"));
        settings.setTheme(QStringLiteral(" Light "));
        QCOMPARE(settings.theme(), QStringLiteral("light"));
        settings.setLanguage(QStringLiteral("system"));
        QCOMPARE(settings.language(), QString());
    }

    void olderFileIsMigrated()
    {
        // What the app wrote before AppSettings: only the language, spelled with a region.
        writeOldFile({{QStringLiteral("ui/language"), QStringLiteral("de_DE")},
                      {QStringLiteral("ui/theme"), QStringLiteral("Dark")},
                      {QStringLiteral("defaults/overflowPolicy"), QStringLiteral("summarise")},
                      {QStringLiteral("defaults/contextLength"), QStringLiteral("lots")}});
        AppSettings settings(file(), data());
        QCOMPARE(settings.language(), QStringLiteral("de"));
        QCOMPARE(settings.theme(), QStringLiteral("dark"));
        QCOMPARE(settings.defaultOverflowPolicy(), QStringLiteral("stop"));
        QCOMPARE(settings.defaultContextLength(), 0);
        QCOMPARE(settings.defaultPreset(), QStringLiteral("balanced"));
        QVERIFY2(settings.firstRunDone(), "someone with a saved language has used Agora before");
        QSettings migrated(file(), QSettings::IniFormat);
        QCOMPARE(migrated.value(QStringLiteral("settings/version")).toInt(), AppSettings::kFormatVersion);
        QCOMPARE(migrated.value(QStringLiteral("ui/language")).toString(), QStringLiteral("de"));
        QCOMPARE(migrated.value(QStringLiteral("ui/theme")).toString(), QStringLiteral("dark"));
        QCOMPARE(migrated.value(QStringLiteral("defaults/overflowPolicy")).toString(), QStringLiteral("stop"));
        for (const char* key : {"engine/device", "models/folder", "defaults/preset", "defaults/systemPrompt",
                                "defaults/contextLength", "firstRun/done"})
            QVERIFY2(migrated.contains(QLatin1String(key)), key);
    }

    void currentFileIsLeftAlone()
    {
        // A file at the current version is read as it is, even where a value is unusual.
        writeOldFile({{QStringLiteral("settings/version"), AppSettings::kFormatVersion},
                      {QStringLiteral("ui/theme"), QStringLiteral("light")},
                      {QStringLiteral("firstRun/done"), false}});
        AppSettings settings(file(), data());
        QCOMPARE(settings.theme(), QStringLiteral("light"));
        QVERIFY(!settings.firstRunDone());
        QCOMPARE(settings.defaultPreset(), QStringLiteral("balanced"));
        QSettings unchanged(file(), QSettings::IniFormat);
        QVERIFY(!unchanged.contains(QStringLiteral("defaults/preset")));
    }

    void modelsFolderFollowsTheDataFolder()
    {
        AppSettings settings(file(), data());
        QSignalSpy spy(&settings, &AppSettings::modelsFolderChanged);
        settings.setModelsFolder(QStringLiteral("file://") + m_dir.filePath(QStringLiteral("mine")));
        QCOMPARE(settings.modelsFolder(), m_dir.filePath(QStringLiteral("mine")));
        QCOMPARE(spy.count(), 1);
        // Choosing the default folder by hand is the default again.
        settings.setModelsFolder(data() + QStringLiteral("/models/"));
        QVERIFY(settings.modelsFolderIsDefault());
        settings.setDataFolder(m_dir.filePath(QStringLiteral("moved")));
        QCOMPARE(settings.modelsFolder(), m_dir.filePath(QStringLiteral("moved/models")));
        settings.setModelsFolder(m_dir.filePath(QStringLiteral("mine")));
        settings.resetModelsFolder();
        QVERIFY(settings.modelsFolderIsDefault());
        QCOMPARE(AppSettings::localPath(QStringLiteral("file:///tmp/a%20b")), QStringLiteral("/tmp/a b"));
    }

    void unwritableFileIsReported()
    {
        // /proc refuses new files even to root: the choice applies for this session and the
        // page says it could not be saved.
        AppSettings settings(QStringLiteral("/proc/agora-settings-test/Agora.conf"), data());
        QCOMPARE(settings.theme(), QStringLiteral("system"));
        settings.setTheme(QStringLiteral("dark"));
        QCOMPARE(settings.theme(), QStringLiteral("dark"));
        QVERIFY2(settings.errorText().contains(QStringLiteral("could not be saved")), qPrintable(settings.errorText()));
    }
};

QTEST_GUILESS_MAIN(TestAppSettings)
#include "test_app_settings.moc"
