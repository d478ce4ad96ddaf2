// A reply split into prose and fenced code blocks, so the chat can render the prose as Markdown
// and each code block in its own monospace box with a language label and a Copy button.
// Streaming replies arrive a few characters at a time: an opening fence without its closing
// one yet is still a code block (closed = false), so the box appears as soon as the fence does.
#pragma once

#include <QList>
#include <QString>
#include <QVariantList>

namespace agora::app {

struct MessageSegment {
    enum class Kind { Text, Code };
    Kind kind = Kind::Text;
    QString text;      // prose as Markdown, or the code without its fences
    QString language;  // the fence's info word ("python"), empty when none was given
    bool closed = true; // false: a code block whose closing fence has not arrived (yet)
};

// CommonMark's fences: ``` or ~~~ (three or more), indented at most three spaces; the closing
// fence uses the same character, at least as many, and nothing but spaces after it. Prose
// that is only blank lines is dropped.
QList<MessageSegment> splitMessageSegments(const QString& markdown);

// For QML: a list of {kind: "text"|"code", text, language, closed}.
QVariantList segmentsToVariantList(const QList<MessageSegment>& segments);

} // namespace agora::app
