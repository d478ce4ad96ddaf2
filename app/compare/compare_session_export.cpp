// A comparison as a transcript, and written to Markdown or HTML files the user picks.
#include "compare/compare_export.h"
#include "compare/compare_session.h"

#include <QSaveFile>

namespace agora::app {

CompareTranscript CompareSession::transcript() const
{
    CompareTranscript t;
    t.title = m_title;
    t.systemPrompt = m_systemPrompt;
    t.prompts = m_prompts;
    for (int i = 0; i < m_panes.size(); ++i) {
        const Pane& pane = m_panes.at(i);
        ComparePaneRecord record;
        record.modelName = displayName(i);
        record.modelPath = m_blind && !m_revealed ? QString() : pane.path;
        record.answers = pane.earlier;
        if (!pane.current.prompt.isEmpty())
            record.answers.append(pane.current);
        t.panes.append(record);
    }
    return t;
}

QString CompareSession::exportMarkdown() const
{
    return compareToMarkdown(transcript());
}

QString CompareSession::exportHtml() const
{
    return compareToHtml(transcript());
}

bool CompareSession::saveExport(const QUrl& url, const QString& format)
{
    const bool html = format.compare(QLatin1String("html"), Qt::CaseInsensitive) == 0;
    if (!html && format.compare(QLatin1String("markdown"), Qt::CaseInsensitive) != 0) {
        setError(tr("Unknown export format: %1").arg(format));
        return false;
    }
    if (m_prompts.isEmpty()) {
        setError(tr("There is nothing to export yet."));
        return false;
    }
    const QString path = url.isLocalFile() ? url.toLocalFile() : url.toString();
    if (path.isEmpty()) {
        setError(tr("Choose a file to export to."));
        return false;
    }
    // QSaveFile: a failed write leaves an existing file as it was.
    QSaveFile file(path);
    const QByteArray bytes = (html ? exportHtml() : exportMarkdown()).toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        //: %1: the file, %2: the system's reason.
        setError(tr("Could not write %1: %2").arg(path, file.errorString()));
        return false;
    }
    setError(QString());
    return true;
}

} // namespace agora::app
