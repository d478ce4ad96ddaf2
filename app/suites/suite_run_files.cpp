// SuiteRun's files: the saved run (one JSON file per run in the results folder, written
// atomically after every answer), the list of earlier runs, reopening one, and exports.
#include "suites/suite_run.h"

#include "suites/suite_export.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUrl>

namespace agora::app {
namespace {

// Paths from QML dialogs arrive as file:// URLs; typed paths as they are.
QString localFilePath(const QString& pathOrUrl)
{
    return pathOrUrl.startsWith(QLatin1String("file:")) ? QUrl(pathOrUrl).toLocalFile() : pathOrUrl;
}

} // namespace

bool SuiteRun::save()
{
    if (m_savedPath.isEmpty())
        return false;
    if (!QDir().mkpath(QFileInfo(m_savedPath).absolutePath())) {
        setLastError(tr("Could not create the folder for suite results: %1").arg(QFileInfo(m_savedPath).absolutePath()));
        return false;
    }
    QSaveFile file(m_savedPath);
    const QByteArray bytes = QJsonDocument(m_results->results().toJson()).toJson(QJsonDocument::Indented);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        setLastError(tr("Could not save the suite results to %1: %2").arg(m_savedPath, file.errorString()));
        return false;
    }
    m_lastSave.start();
    return true;
}

bool SuiteRun::openRun(const QString& pathOrUrl)
{
    if (running()) {
        setLastError(tr("A suite is running; cancel it before opening another run."));
        return false;
    }
    const QString path = localFilePath(pathOrUrl);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setLastError(tr("Could not open %1: %2").arg(QFileInfo(path).fileName(), file.errorString()));
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    QString error;
    std::optional<SuiteResults> results;
    if (parseError.error == QJsonParseError::NoError && document.isObject())
        results = SuiteResults::fromJson(document.object(), &error);
    else
        error = tr("This file is not a saved suite run.");
    if (!results) {
        setLastError(tr("Could not open %1: %2").arg(QFileInfo(path).fileName(), error));
        return false;
    }
    m_results->setResults(*results);
    m_savedPath = path;
    setLastError(QString());
    setStatus(QString());
    setState(results->cancelled ? RunState::Cancelled : RunState::Finished);
    emit progressChanged();
    return true;
}

void SuiteRun::refreshSavedRuns()
{
    QVariantList runs;
    if (!m_resultsFolder.isEmpty()) {
        const QFileInfoList files = QDir(m_resultsFolder).entryInfoList({QStringLiteral("suite-run-*.json")},
                                                                       QDir::Files, QDir::Name | QDir::Reversed);
        for (const QFileInfo& info : files) {
            QFile file(info.filePath());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const std::optional<SuiteResults> r = SuiteResults::fromJson(QJsonDocument::fromJson(file.readAll()).object(), nullptr);
            if (!r)
                continue;
            QStringList models;
            for (const SuiteModelColumn& m : r->models)
                models << m.name;
            runs.append(QVariantMap{{QStringLiteral("path"), info.filePath()},
                                    {QStringLiteral("suiteName"), r->suiteName},
                                    {QStringLiteral("startedAt"), QLocale().toString(r->startedAt, QLocale::ShortFormat)},
                                    {QStringLiteral("models"), models.join(QLatin1String(", "))},
                                    {QStringLiteral("done"), r->finishedCount()},
                                    {QStringLiteral("total"), r->cellCount()},
                                    {QStringLiteral("cancelled"), r->cancelled}});
        }
    }
    m_savedRuns = runs;
    emit savedRunsChanged();
}

bool SuiteRun::exportResults(const QString& format, const QString& pathOrUrl)
{
    const std::optional<SuiteExportFormat> chosen = suiteExportFormatFromName(format);
    if (!chosen) {
        setLastError(tr("Unknown export format: %1").arg(format));
        return false;
    }
    if (!m_results->hasResults()) {
        setLastError(tr("There are no results to export yet."));
        return false;
    }
    QString error;
    if (!writeSuiteExport(m_results->results(), *chosen, localFilePath(pathOrUrl), &error)) {
        setLastError(error);
        return false;
    }
    setLastError(QString());
    return true;
}

QString SuiteRun::suggestedExportName(const QString& format) const
{
    const SuiteResults& r = m_results->results();
    QString base = r.suiteName.isEmpty() ? QStringLiteral("suite") : r.suiteName;
    base.replace(QRegularExpression(QStringLiteral("[^\\w.-]+")), QStringLiteral("-"));
    const QString date = (r.startedAt.isValid() ? r.startedAt : QDateTime::currentDateTime()).toString(QStringLiteral("yyyy-MM-dd"));
    const QString ext = format == QLatin1String("markdown") ? QStringLiteral("md") : format.toLower();
    return QStringLiteral("%1-%2.%3").arg(base, date, ext);
}

} // namespace agora::app
