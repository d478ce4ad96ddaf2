#include "viewmodels/message_segments.h"

#include <QStringList>
#include <QVariantMap>

namespace agora::app {
namespace {

struct Fence {
    QChar marker;   // ` or ~
    int length = 0; // 0: not a fence
    QString info;   // what follows an opening fence
};

Fence readFence(const QString& line)
{
    int indent = 0;
    while (indent < line.size() && line.at(indent) == u' ')
        ++indent;
    if (indent > 3 || indent >= line.size())
        return {};
    const QChar marker = line.at(indent);
    if (marker != u'`' && marker != u'~')
        return {};
    int end = indent;
    while (end < line.size() && line.at(end) == marker)
        ++end;
    const int length = end - indent;
    if (length < 3)
        return {};
    const QString info = line.mid(end).trimmed();
    if (marker == u'`' && info.contains(u'`'))
        return {}; // CommonMark: a backtick fence's info string may not hold backticks (inline code)
    return {marker, length, info};
}

bool closes(const Fence& opening, const QString& line)
{
    const Fence candidate = readFence(line);
    return candidate.length >= opening.length && candidate.marker == opening.marker && candidate.info.isEmpty();
}

void addText(QList<MessageSegment>& out, const QStringList& lines)
{
    const QString text = lines.join(u'\n');
    if (text.trimmed().isEmpty())
        return;
    out.append({MessageSegment::Kind::Text, text, {}, true});
}

} // namespace

QList<MessageSegment> splitMessageSegments(const QString& markdown)
{
    QList<MessageSegment> out;
    const QStringList lines = markdown.split(u'\n');
    QStringList pending; // the lines of the segment being read
    Fence open;          // length 0: reading prose
    for (const QString& rawLine : lines) {
        QString line = rawLine;
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (open.length == 0) {
            const Fence fence = readFence(line);
            if (fence.length == 0) {
                pending << line;
                continue;
            }
            addText(out, pending);
            pending.clear();
            open = fence;
        } else if (closes(open, line)) {
            out.append({MessageSegment::Kind::Code, pending.join(u'\n'), open.info.section(u' ', 0, 0), true});
            pending.clear();
            open = {};
        } else {
            pending << line;
        }
    }
    if (open.length != 0)
        out.append({MessageSegment::Kind::Code, pending.join(u'\n'), open.info.section(u' ', 0, 0), false});
    else
        addText(out, pending);
    return out;
}

QVariantList segmentsToVariantList(const QList<MessageSegment>& segments)
{
    QVariantList list;
    list.reserve(segments.size());
    for (const MessageSegment& s : segments) {
        list.append(QVariantMap{
            {QStringLiteral("kind"), s.kind == MessageSegment::Kind::Code ? QStringLiteral("code") : QStringLiteral("text")},
            {QStringLiteral("text"), s.text},
            {QStringLiteral("language"), s.language},
            {QStringLiteral("closed"), s.closed},
        });
    }
    return list;
}

} // namespace agora::app
