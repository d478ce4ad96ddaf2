// What the user chose in the settings page, kept in one INI file (QSettings): the GPU, theme,
// language, models folder, the defaults for new conversations, and whether first run is done.
// The application creates one over its own settings file and hands it to the window as
// `settings`; tests point it at a temporary file so they never read or write the user's config.
//
// Every setter validates: a value outside the known set (a theme "purple", an overflow policy
// from a newer version) is ignored and the old value stays, so a hand-edited file cannot put the
// app into a state the pages do not know. Files from older versions are migrated on open: keys
// that are missing get their defaults written, old spellings are normalised ("Dark" -> "dark",
// "de_DE" -> "de").
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <memory>

class QSettings;

namespace agora::app {

class AppSettings : public QObject {
    Q_OBJECT
    QML_ELEMENT
    // The INI file behind these settings. Empty: values live in memory only (defaults), which is
    // what a QML test gets until it sets a file. Setting it re-reads everything.
    Q_PROPERTY(QString fileName READ fileName WRITE setFileName NOTIFY fileNameChanged)
    // Where history, the log and (by default) models live; read-only for the user.
    Q_PROPERTY(QString dataFolder READ dataFolder WRITE setDataFolder NOTIFY dataFolderChanged)
    // The GPU's name as the engine reports it; empty: the engine's default device.
    Q_PROPERTY(QString device READ device WRITE setDevice NOTIFY deviceChanged)
    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY themeChanged)          // system, light, dark
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged) // "" (system), en, de, fr
    Q_PROPERTY(QString modelsFolder READ modelsFolder WRITE setModelsFolder NOTIFY modelsFolderChanged)
    Q_PROPERTY(bool modelsFolderIsDefault READ modelsFolderIsDefault NOTIFY modelsFolderChanged)
    Q_PROPERTY(QString defaultPreset READ defaultPreset WRITE setDefaultPreset NOTIFY defaultsChanged)
    Q_PROPERTY(QString defaultSystemPrompt READ defaultSystemPrompt WRITE setDefaultSystemPrompt NOTIFY defaultsChanged)
    Q_PROPERTY(int defaultContextLength READ defaultContextLength WRITE setDefaultContextLength NOTIFY defaultsChanged)
    Q_PROPERTY(QString defaultOverflowPolicy READ defaultOverflowPolicy WRITE setDefaultOverflowPolicy NOTIFY defaultsChanged)
    Q_PROPERTY(bool firstRunDone READ firstRunDone WRITE setFirstRunDone NOTIFY firstRunDoneChanged)
    // What the last write could not do (a read-only file), translated; empty when fine.
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)

public:
    // The version this code writes; files with a lower (or no) version are migrated on open.
    static constexpr int kFormatVersion = 1;

    explicit AppSettings(QObject* parent = nullptr);
    AppSettings(const QString& fileName, const QString& dataFolder, QObject* parent = nullptr);
    ~AppSettings() override;

    QString fileName() const { return m_fileName; }
    void setFileName(const QString& fileName);
    QString dataFolder() const { return m_dataFolder; }
    void setDataFolder(const QString& folder);

    QString device() const { return m_device; }
    void setDevice(const QString& device);
    QString theme() const { return m_theme; }
    void setTheme(const QString& theme);
    QString language() const { return m_language; }
    void setLanguage(const QString& language);
    QString modelsFolder() const;
    void setModelsFolder(const QString& folder);
    bool modelsFolderIsDefault() const { return m_modelsFolder.isEmpty(); }
    QString defaultPreset() const { return m_defaultPreset; }
    void setDefaultPreset(const QString& preset);
    QString defaultSystemPrompt() const { return m_defaultSystemPrompt; }
    void setDefaultSystemPrompt(const QString& prompt);
    int defaultContextLength() const { return m_defaultContextLength; }
    void setDefaultContextLength(int tokens);
    QString defaultOverflowPolicy() const { return m_defaultOverflowPolicy; }
    void setDefaultOverflowPolicy(const QString& policy);
    bool firstRunDone() const { return m_firstRunDone; }
    void setFirstRunDone(bool done);
    QString errorText() const { return m_errorText; }

    // The accepted values, for the pages' choosers and for validation.
    static QStringList themes();           // system, light, dark
    static QStringList languages();        // "", en, de, fr
    static QStringList presets();          // precise, balanced, creative
    static QStringList overflowPolicies(); // stop, drop-oldest
    static constexpr int kMaxContextLength = 1 << 20;

    // Back to the default models folder (<data>/models).
    Q_INVOKABLE void resetModelsFolder();
    // "file:///home/x/models" or a plain path -> a local path; for FolderDialog results.
    Q_INVOKABLE static QString localPath(const QString& urlOrPath);
    // Writes pending changes to disk now (QSettings also does it on its own, later).
    Q_INVOKABLE bool sync();

signals:
    void fileNameChanged();
    void dataFolderChanged();
    void deviceChanged();
    void themeChanged();
    void languageChanged();
    void modelsFolderChanged();
    void defaultsChanged();
    void firstRunDoneChanged();
    void errorTextChanged();

private:
    void load();
    void migrate();
    void write(const QString& key, const QVariant& value);

    QString m_fileName;
    std::unique_ptr<QSettings> m_settings;
    QString m_dataFolder;
    QString m_device;
    QString m_theme = QStringLiteral("system");
    QString m_language;
    QString m_modelsFolder; // empty: <data>/models
    QString m_defaultPreset = QStringLiteral("balanced");
    QString m_defaultSystemPrompt;
    int m_defaultContextLength = 0;
    QString m_defaultOverflowPolicy = QStringLiteral("stop");
    bool m_firstRunDone = false;
    QString m_errorText;
};

} // namespace agora::app
