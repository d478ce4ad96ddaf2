#include "startup/app_settings.h"

#include "startup/language.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QUrl>

namespace agora::app {
namespace {

// Keys in the INI file. "ui/language" predates this class (language.cpp reads it at start-up).
const QString kVersionKey = QStringLiteral("settings/version");
const QString kDeviceKey = QStringLiteral("engine/device");
const QString kThemeKey = QStringLiteral("ui/theme");
const QString kLanguageKey = QStringLiteral("ui/language");
const QString kModelsFolderKey = QStringLiteral("models/folder");
const QString kPresetKey = QStringLiteral("defaults/preset");
const QString kSystemPromptKey = QStringLiteral("defaults/systemPrompt");
const QString kContextKey = QStringLiteral("defaults/contextLength");
const QString kOverflowKey = QStringLiteral("defaults/overflowPolicy");
const QString kFirstRunKey = QStringLiteral("firstRun/done");

QString normalisedTheme(const QString& value)
{
    const QString theme = value.trimmed().toLower();
    return AppSettings::themes().contains(theme) ? theme : QString();
}

// "" stays "" (follow the system); "de_DE" -> "de"; unknown -> null QString.
QString normalisedLanguage(const QString& value)
{
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty() || trimmed.compare(u"system", Qt::CaseInsensitive) == 0)
        return QStringLiteral("");
    return shippedLanguageFor(trimmed);
}

QString normalisedChoice(const QString& value, const QStringList& allowed)
{
    const QString choice = value.trimmed().toLower();
    return allowed.contains(choice) ? choice : QString();
}

} // namespace

AppSettings::AppSettings(QObject* parent) : QObject(parent) {}

AppSettings::AppSettings(const QString& fileName, const QString& dataFolder, QObject* parent)
    : QObject(parent), m_dataFolder(dataFolder)
{
    setFileName(fileName);
}

AppSettings::~AppSettings() = default;

QStringList AppSettings::themes()
{
    return {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")};
}

QStringList AppSettings::languages()
{
    QStringList codes{QStringLiteral(""), QStringLiteral("en")};
    codes << shippedLanguages();
    return codes;
}

QStringList AppSettings::presets()
{
    return {QStringLiteral("precise"), QStringLiteral("balanced"), QStringLiteral("creative")};
}

QStringList AppSettings::overflowPolicies()
{
    return {QStringLiteral("stop"), QStringLiteral("drop-oldest")};
}

void AppSettings::setFileName(const QString& fileName)
{
    if (fileName == m_fileName && (m_settings || fileName.isEmpty()))
        return;
    m_fileName = fileName;
    m_settings.reset();
    if (!fileName.isEmpty()) {
        QDir().mkpath(QFileInfo(fileName).absolutePath());
        m_settings = std::make_unique<QSettings>(fileName, QSettings::IniFormat);
        migrate();
        load();
    }
    emit fileNameChanged();
    emit deviceChanged();
    emit themeChanged();
    emit languageChanged();
    emit modelsFolderChanged();
    emit defaultsChanged();
    emit firstRunDoneChanged();
}

void AppSettings::setDataFolder(const QString& folder)
{
    if (folder == m_dataFolder)
        return;
    m_dataFolder = folder;
    emit dataFolderChanged();
    if (m_modelsFolder.isEmpty())
        emit modelsFolderChanged();
}

// Older files (no version, or a lower one): every missing key gets its default written, so the
// file documents every choice, and values spelled the old way are rewritten the new way. A value
// that cannot be understood is replaced by the default rather than kept half-valid.
void AppSettings::migrate()
{
    QSettings& file = *m_settings;
    const int version = file.value(kVersionKey, 0).toInt();
    if (version >= kFormatVersion)
        return;
    // A file written before first run was tracked belongs to someone who already used Agora.
    const bool usedBefore = version == 0 && !file.allKeys().isEmpty();
    const auto fix = [&file](const QString& key, const QVariant& fallback, const auto& normalise) {
        if (!file.contains(key)) {
            file.setValue(key, fallback);
            return;
        }
        const QString value = normalise(file.value(key).toString());
        file.setValue(key, value.isNull() ? fallback : QVariant(value));
    };
    const auto asIs = [](const QString& value) { return value.isNull() ? QStringLiteral("") : value; };
    fix(kDeviceKey, QString(QStringLiteral("")), asIs);
    fix(kThemeKey, QStringLiteral("system"), normalisedTheme);
    fix(kLanguageKey, QString(QStringLiteral("")), normalisedLanguage);
    fix(kModelsFolderKey, QString(QStringLiteral("")), asIs);
    fix(kPresetKey, QStringLiteral("balanced"), [](const QString& v) { return normalisedChoice(v, presets()); });
    fix(kSystemPromptKey, QString(QStringLiteral("")), asIs);
    fix(kOverflowKey, QStringLiteral("stop"),
        [](const QString& v) { return normalisedChoice(v, overflowPolicies()); });
    fix(kContextKey, 0, [](const QString& v) {
        bool ok = false;
        const int tokens = v.toInt(&ok);
        return ok && tokens >= 0 && tokens <= kMaxContextLength ? QString::number(tokens) : QString();
    });
    if (!file.contains(kFirstRunKey))
        file.setValue(kFirstRunKey, usedBefore);
    file.setValue(kVersionKey, kFormatVersion);
    file.sync();
}

void AppSettings::load()
{
    const QSettings& file = *m_settings;
    m_device = file.value(kDeviceKey).toString();
    const QString theme = normalisedTheme(file.value(kThemeKey).toString());
    m_theme = theme.isEmpty() ? QStringLiteral("system") : theme;
    const QString language = normalisedLanguage(file.value(kLanguageKey).toString());
    m_language = language.isNull() ? QStringLiteral("") : language;
    m_modelsFolder = file.value(kModelsFolderKey).toString();
    const QString preset = normalisedChoice(file.value(kPresetKey).toString(), presets());
    m_defaultPreset = preset.isEmpty() ? QStringLiteral("balanced") : preset;
    m_defaultSystemPrompt = file.value(kSystemPromptKey).toString();
    const int context = file.value(kContextKey, 0).toInt();
    m_defaultContextLength = context >= 0 && context <= kMaxContextLength ? context : 0;
    const QString policy = normalisedChoice(file.value(kOverflowKey).toString(), overflowPolicies());
    m_defaultOverflowPolicy = policy.isEmpty() ? QStringLiteral("stop") : policy;
    m_firstRunDone = file.value(kFirstRunKey, false).toBool();
}

void AppSettings::write(const QString& key, const QVariant& value)
{
    if (!m_settings)
        return;
    m_settings->setValue(key, value);
    m_settings->sync();
    QString error;
    if (m_settings->status() != QSettings::NoError || !m_settings->isWritable())
        error = tr("Your settings could not be saved in %1. They apply until Agora closes.")
                    .arg(QDir::toNativeSeparators(m_fileName));
    if (error != m_errorText) {
        m_errorText = error;
        emit errorTextChanged();
    }
}

bool AppSettings::sync()
{
    if (!m_settings)
        return true;
    m_settings->sync();
    return m_settings->status() == QSettings::NoError;
}

void AppSettings::setDevice(const QString& device)
{
    const QString name = device.trimmed();
    if (name == m_device)
        return;
    m_device = name;
    write(kDeviceKey, name);
    emit deviceChanged();
}

void AppSettings::setTheme(const QString& theme)
{
    const QString value = normalisedTheme(theme);
    if (value.isEmpty() || value == m_theme)
        return;
    m_theme = value;
    write(kThemeKey, value);
    emit themeChanged();
}

void AppSettings::setLanguage(const QString& language)
{
    const QString value = normalisedLanguage(language);
    if (value.isNull() || value == m_language)
        return;
    m_language = value;
    write(kLanguageKey, value);
    emit languageChanged();
}

QString AppSettings::modelsFolder() const
{
    if (!m_modelsFolder.isEmpty())
        return m_modelsFolder;
    return m_dataFolder.isEmpty() ? QString() : QDir(m_dataFolder).filePath(QStringLiteral("models"));
}

void AppSettings::setModelsFolder(const QString& folder)
{
    QString path = localPath(folder);
    if (!path.isEmpty())
        path = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    // Choosing the default folder by hand is the same as the default: it follows the data folder.
    if (!m_dataFolder.isEmpty() && path == QDir::cleanPath(QDir(m_dataFolder).filePath(QStringLiteral("models"))))
        path.clear();
    if (path == m_modelsFolder)
        return;
    m_modelsFolder = path;
    write(kModelsFolderKey, path);
    emit modelsFolderChanged();
}

void AppSettings::resetModelsFolder()
{
    setModelsFolder(QString());
}

QString AppSettings::localPath(const QString& urlOrPath)
{
    if (urlOrPath.startsWith(u"file:"))
        return QUrl(urlOrPath).toLocalFile();
    return urlOrPath;
}

void AppSettings::setDefaultPreset(const QString& preset)
{
    const QString value = normalisedChoice(preset, presets());
    if (value.isEmpty() || value == m_defaultPreset)
        return;
    m_defaultPreset = value;
    write(kPresetKey, value);
    emit defaultsChanged();
}

void AppSettings::setDefaultSystemPrompt(const QString& prompt)
{
    if (prompt == m_defaultSystemPrompt)
        return;
    m_defaultSystemPrompt = prompt;
    write(kSystemPromptKey, prompt);
    emit defaultsChanged();
}

void AppSettings::setDefaultContextLength(int tokens)
{
    if (tokens < 0 || tokens > kMaxContextLength || tokens == m_defaultContextLength)
        return;
    m_defaultContextLength = tokens;
    write(kContextKey, tokens);
    emit defaultsChanged();
}

void AppSettings::setDefaultOverflowPolicy(const QString& policy)
{
    const QString value = normalisedChoice(policy, overflowPolicies());
    if (value.isEmpty() || value == m_defaultOverflowPolicy)
        return;
    m_defaultOverflowPolicy = value;
    write(kOverflowKey, value);
    emit defaultsChanged();
}

void AppSettings::setFirstRunDone(bool done)
{
    if (done == m_firstRunDone)
        return;
    m_firstRunDone = done;
    write(kFirstRunKey, done);
    emit firstRunDoneChanged();
}

} // namespace agora::app
