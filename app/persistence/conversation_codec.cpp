#include "persistence/conversation_codec.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace agora::app::store {
namespace {

const QString kFormat = QStringLiteral("agora.conversation");
constexpr int kFormatVersion = 1;

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

// -1 when the text is not an ISO 8601 time.
qint64 parseIsoTime(const QJsonValue& value)
{
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toMSecsSinceEpoch() : -1;
}

QString roleHeading(const Message& m)
{
    if (m.role == u"user")
        return QStringLiteral("You");
    if (m.role == u"system")
        return QStringLiteral("System");
    return m.modelName.isEmpty() ? QStringLiteral("Assistant") : QStringLiteral("Assistant (%1)").arg(m.modelName);
}

} // namespace

QByteArray exportJson(const Conversation& c, const QList<Message>& messages)
{
    QJsonArray list;
    for (const Message& m : messages) {
        list.append(QJsonObject{
            {QStringLiteral("role"), m.role},
            {QStringLiteral("content"), m.content},
            {QStringLiteral("reasoning"), m.reasoning},
            {QStringLiteral("modelName"), m.modelName},
            {QStringLiteral("modelHash"), m.modelHash},
            {QStringLiteral("sampling"), m.sampling},
            {QStringLiteral("stats"), m.stats},
            {QStringLiteral("created"), isoTime(m.createdMs)},
            {QStringLiteral("updated"), isoTime(m.updatedMs)},
        });
    }
    const QJsonObject conversation{
        {QStringLiteral("title"), c.title},
        {QStringLiteral("created"), isoTime(c.createdMs)},
        {QStringLiteral("updated"), isoTime(c.updatedMs)},
        {QStringLiteral("systemPrompt"), c.systemPrompt},
        {QStringLiteral("sampling"), c.sampling},
        {QStringLiteral("contextLength"), c.contextLength},
        {QStringLiteral("overflowPolicy"), c.overflowPolicy},
        {QStringLiteral("kind"), c.kind},
    };
    const QJsonObject root{
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("formatVersion"), kFormatVersion},
        {QStringLiteral("conversation"), conversation},
        {QStringLiteral("messages"), list},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString exportMarkdown(const Conversation& c, const QList<Message>& messages)
{
    QString out;
    out += QStringLiteral("# %1\n\n").arg(c.title.isEmpty() ? QStringLiteral("Conversation") : c.title);
    out += QStringLiteral("*Started %1, last activity %2.*\n\n")
               .arg(isoTime(c.createdMs), isoTime(c.updatedMs));
    if (!c.systemPrompt.isEmpty())
        out += QStringLiteral("**System prompt:**\n\n> %1\n\n").arg(QString(c.systemPrompt).replace(u'\n', QStringLiteral("\n> ")));
    for (const Message& m : messages) {
        out += QStringLiteral("## %1\n\n").arg(roleHeading(m));
        if (!m.reasoning.isEmpty())
            out += QStringLiteral("<details>\n<summary>Reasoning</summary>\n\n%1\n\n</details>\n\n").arg(m.reasoning);
        out += m.content;
        out += QStringLiteral("\n\n");
    }
    return out;
}

StoreResult<ConversationFile> parseConversationJson(const QByteArray& json)
{
    auto fail = [](const QString& why) {
        return StoreResult<ConversationFile>{{}, QStringLiteral("this is not a conversation Agora can import: %1").arg(why)};
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(QStringLiteral("invalid JSON (%1 at byte %2)").arg(parseError.errorString()).arg(parseError.offset));
    const QJsonObject root = doc.object();
    if (root.value(u"format").toString() != kFormat)
        return fail(QStringLiteral("the \"format\" field is not \"%1\"").arg(kFormat));
    const int version = root.value(u"formatVersion").toInt(0);
    if (version < 1 || version > kFormatVersion)
        return fail(QStringLiteral("format version %1 is not supported (this Agora reads up to %2)")
                        .arg(version)
                        .arg(kFormatVersion));
    if (!root.value(u"conversation").isObject() || !root.value(u"messages").isArray())
        return fail(QStringLiteral("the \"conversation\" object or the \"messages\" list is missing"));

    ConversationFile file;
    const QJsonObject c = root.value(u"conversation").toObject();
    file.conversation.title = c.value(u"title").toString();
    file.conversation.createdMs = parseIsoTime(c.value(u"created"));
    file.conversation.updatedMs = parseIsoTime(c.value(u"updated"));
    if (file.conversation.createdMs < 0 || file.conversation.updatedMs < 0)
        return fail(QStringLiteral("the conversation's times are not ISO 8601"));
    file.conversation.systemPrompt = c.value(u"systemPrompt").toString();
    file.conversation.sampling = c.value(u"sampling").toObject();
    file.conversation.contextLength = c.value(u"contextLength").toInt(0);
    file.conversation.overflowPolicy = c.value(u"overflowPolicy").toString(QStringLiteral("truncate-middle"));
    file.conversation.kind = c.value(u"kind").toString(QStringLiteral("chat"));
    if (file.conversation.kind != u"chat" && file.conversation.kind != u"compare")
        return fail(QStringLiteral("unknown conversation kind \"%1\"").arg(file.conversation.kind));

    const QJsonArray list = root.value(u"messages").toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject o = list.at(i).toObject();
        Message m;
        m.position = static_cast<int>(i) + 1;
        m.role = o.value(u"role").toString();
        if (m.role != u"system" && m.role != u"user" && m.role != u"assistant")
            return fail(QStringLiteral("message %1 has the unknown role \"%2\"").arg(i + 1).arg(m.role));
        if (!o.value(u"content").isString())
            return fail(QStringLiteral("message %1 has no text").arg(i + 1));
        m.content = o.value(u"content").toString();
        m.reasoning = o.value(u"reasoning").toString();
        m.modelName = o.value(u"modelName").toString();
        m.modelHash = o.value(u"modelHash").toString();
        m.sampling = o.value(u"sampling").toObject();
        m.stats = o.value(u"stats").toObject();
        m.createdMs = parseIsoTime(o.value(u"created"));
        m.updatedMs = parseIsoTime(o.value(u"updated"));
        if (m.createdMs < 0 || m.updatedMs < 0)
            return fail(QStringLiteral("message %1's times are not ISO 8601").arg(i + 1));
        file.messages << m;
    }
    return {file, {}};
}

} // namespace agora::app::store
