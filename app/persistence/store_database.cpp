#include "persistence/store_database.h"

#include "persistence/schema_migrations.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

namespace agora::app::store {
namespace {

QString toJsonText(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject fromJsonText(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

// Binds values in order. An empty QString may be "null" in Qt and would hit NOT NULL columns,
// so text is always bound as a real (possibly empty) string.
void bindAll(QSqlQuery& query, std::initializer_list<QVariant> values)
{
    for (const QVariant& v : values) {
        if (v.typeId() == QMetaType::QString && v.toString().isNull())
            query.addBindValue(QStringLiteral(""));
        else
            query.addBindValue(v);
    }
}

QString queryError(const QSqlQuery& query)
{
    return query.lastError().text();
}

Conversation readConversation(const QSqlQuery& q)
{
    Conversation c;
    c.id = q.value(0).toLongLong();
    c.title = q.value(1).toString();
    c.createdMs = q.value(2).toLongLong();
    c.updatedMs = q.value(3).toLongLong();
    c.systemPrompt = q.value(4).toString();
    c.sampling = fromJsonText(q.value(5).toString());
    c.contextLength = q.value(6).toInt();
    c.overflowPolicy = q.value(7).toString();
    c.kind = q.value(8).toString();
    return c;
}

const char* const kConversationColumns =
    "id, title, created, updated, system_prompt, sampling_json, context_length, overflow_policy, kind";

Message readMessage(const QSqlQuery& q)
{
    Message m;
    m.id = q.value(0).toLongLong();
    m.conversationId = q.value(1).toLongLong();
    m.position = q.value(2).toInt();
    m.role = q.value(3).toString();
    m.content = q.value(4).toString();
    m.reasoning = q.value(5).toString();
    m.modelName = q.value(6).toString();
    m.modelHash = q.value(7).toString();
    m.sampling = fromJsonText(q.value(8).toString());
    m.stats = fromJsonText(q.value(9).toString());
    m.createdMs = q.value(10).toLongLong();
    m.updatedMs = q.value(11).toLongLong();
    return m;
}

const char* const kMessageColumns = "id, conversation_id, position, role, content, reasoning, model_name, "
                                    "model_hash, sampling_json, stats_json, created, updated";

// The user's words as an FTS5 query: each word a quoted phrase (so AND, NEAR, quotes and
// colons are text, not syntax), all required, the last one a prefix for search-as-you-type.
QString ftsQuery(const QStringList& words)
{
    QStringList parts;
    for (const QString& word : words)
        parts << u'"' + QString(word).replace(u'"', QStringLiteral("\"\"")) + u'"';
    if (!parts.isEmpty())
        parts.last() += u'*';
    return parts.join(u' ');
}

QString likePattern(const QString& word)
{
    QString escaped = word;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'%', QStringLiteral("\\%")).replace(u'_', QStringLiteral("\\_"));
    return u'%' + escaped + u'%';
}

} // namespace

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

StoreDatabase::StoreDatabase()
{
    static QAtomicInteger<int> counter;
    m_connectionName = QStringLiteral("agora-history-%1").arg(counter.fetchAndAddRelaxed(1));
}

StoreDatabase::~StoreDatabase()
{
    close();
}

void StoreDatabase::close()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

StoreResult<bool> StoreDatabase::exec(const QString& sql)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql))
        return {false, queryError(query)};
    return {true, {}};
}

StoreResult<bool> StoreDatabase::open(const QString& folder)
{
    close();
    if (!QDir().mkpath(folder))
        return {false, QStringLiteral("cannot create the history folder %1; check its permissions").arg(folder)};
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!m_db.isValid())
        return {false, QStringLiteral("the SQLite driver for Qt is missing (Debian: libqt6sql6-sqlite)")};
    m_db.setDatabaseName(QDir(folder).filePath(QStringLiteral("history.sqlite")));
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open())
        return {false, QStringLiteral("cannot open %1: %2").arg(m_db.databaseName(), m_db.lastError().text())};
    // WAL: readers never block the writer and a killed process leaves a consistent file.
    // synchronous=NORMAL keeps every committed write across a process crash (not a power cut).
    for (const char* pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON"}) {
        if (auto r = exec(QString::fromUtf8(pragma)); !r.ok())
            return {false, QStringLiteral("cannot set up %1: %2").arg(m_db.databaseName(), r.error)};
    }
    const MigrationResult migration = migrateToCurrent(m_db);
    if (!migration.ok) {
        const QString error = QStringLiteral("%1 (%2)").arg(migration.error, m_db.databaseName());
        close();
        return {false, error};
    }
    m_fullText = migration.fullTextSearch;
    return {true, {}};
}

StoreResult<Conversation> StoreDatabase::createConversation(Conversation c)
{
    if (c.createdMs == 0)
        c.createdMs = nowMs();
    if (c.updatedMs == 0)
        c.updatedMs = c.createdMs;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO conversations (title, created, updated, system_prompt, sampling_json,"
                             " context_length, overflow_policy, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    bindAll(q, {QVariant(c.title), QVariant(c.createdMs), QVariant(c.updatedMs), QVariant(c.systemPrompt),
                              QVariant(toJsonText(c.sampling)), QVariant(c.contextLength), QVariant(c.overflowPolicy),
                              QVariant(c.kind)});
    if (!q.exec())
        return {{}, queryError(q)};
    c.id = q.lastInsertId().toLongLong();
    return {c, {}};
}

StoreResult<bool> StoreDatabase::updateConversation(const Conversation& c)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE conversations SET title = ?, updated = ?, system_prompt = ?, sampling_json = ?,"
                             " context_length = ?, overflow_policy = ?, kind = ? WHERE id = ?"));
    bindAll(q, {QVariant(c.title), QVariant(nowMs()), QVariant(c.systemPrompt),
                              QVariant(toJsonText(c.sampling)), QVariant(c.contextLength), QVariant(c.overflowPolicy),
                              QVariant(c.kind), QVariant(c.id)});
    if (!q.exec())
        return {false, queryError(q)};
    if (q.numRowsAffected() != 1)
        return {false, QStringLiteral("conversation %1 does not exist").arg(c.id)};
    return {true, {}};
}

StoreResult<bool> StoreDatabase::renameConversation(qint64 id, const QString& title)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE conversations SET title = ? WHERE id = ?"));
    bindAll(q, {QVariant(title), QVariant(id)});
    if (!q.exec())
        return {false, queryError(q)};
    if (q.numRowsAffected() != 1)
        return {false, QStringLiteral("conversation %1 does not exist").arg(id)};
    return {true, {}};
}

StoreResult<bool> StoreDatabase::deleteConversation(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM conversations WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return {false, queryError(q)};
    return {q.numRowsAffected() == 1, q.numRowsAffected() == 1 ? QString()
                                                                 : QStringLiteral("conversation %1 does not exist").arg(id)};
}

StoreResult<Conversation> StoreDatabase::conversation(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM conversations WHERE id = ?").arg(QLatin1String(kConversationColumns)));
    q.addBindValue(id);
    if (!q.exec())
        return {{}, queryError(q)};
    if (!q.next())
        return {{}, QStringLiteral("conversation %1 does not exist").arg(id)};
    return {readConversation(q), {}};
}

StoreResult<QList<Conversation>> StoreDatabase::conversations()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT %1 FROM conversations ORDER BY updated DESC, id DESC")
                    .arg(QLatin1String(kConversationColumns))))
        return {{}, queryError(q)};
    QList<Conversation> list;
    while (q.next())
        list << readConversation(q);
    return {list, {}};
}

StoreResult<Message> StoreDatabase::saveMessage(Message m)
{
    const qint64 now = nowMs();
    if (m.createdMs == 0)
        m.createdMs = now;
    m.updatedMs = now;
    if (!m_db.transaction())
        return {{}, m_db.lastError().text()};
    auto fail = [&](const QString& error) {
        m_db.rollback();
        return StoreResult<Message>{{}, error};
    };
    QSqlQuery q(m_db);
    if (m.id == 0) {
        if (m.position == 0) {
            q.prepare(QStringLiteral("SELECT COALESCE(MAX(position), 0) + 1 FROM messages WHERE conversation_id = ?"));
            q.addBindValue(m.conversationId);
            if (!q.exec() || !q.next())
                return fail(queryError(q));
            m.position = q.value(0).toInt();
        }
        q.prepare(QStringLiteral("INSERT INTO messages (conversation_id, position, role, content, reasoning, model_name,"
                                 " model_hash, sampling_json, stats_json, created, updated)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        bindAll(q, {QVariant(m.conversationId), QVariant(m.position), QVariant(m.role), QVariant(m.content),
                                  QVariant(m.reasoning), QVariant(m.modelName), QVariant(m.modelHash),
                                  QVariant(toJsonText(m.sampling)), QVariant(toJsonText(m.stats)),
                                  QVariant(m.createdMs), QVariant(m.updatedMs)});
        if (!q.exec())
            return fail(queryError(q));
        m.id = q.lastInsertId().toLongLong();
    } else {
        q.prepare(QStringLiteral("UPDATE messages SET role = ?, content = ?, reasoning = ?, model_name = ?,"
                                 " model_hash = ?, sampling_json = ?, stats_json = ?, updated = ? WHERE id = ?"));
        bindAll(q, {QVariant(m.role), QVariant(m.content), QVariant(m.reasoning), QVariant(m.modelName),
                                  QVariant(m.modelHash), QVariant(toJsonText(m.sampling)), QVariant(toJsonText(m.stats)),
                                  QVariant(m.updatedMs), QVariant(m.id)});
        if (!q.exec())
            return fail(queryError(q));
        if (q.numRowsAffected() != 1)
            return fail(QStringLiteral("message %1 does not exist").arg(m.id));
    }
    q.prepare(QStringLiteral("UPDATE conversations SET updated = ? WHERE id = ?"));
    q.addBindValue(now);
    q.addBindValue(m.conversationId);
    if (!q.exec())
        return fail(queryError(q));
    if (!m_db.commit())
        return fail(m_db.lastError().text());
    return {m, {}};
}

StoreResult<QList<Message>> StoreDatabase::messages(qint64 conversationId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM messages WHERE conversation_id = ? ORDER BY position, id")
                  .arg(QLatin1String(kMessageColumns)));
    q.addBindValue(conversationId);
    if (!q.exec())
        return {{}, queryError(q)};
    QList<Message> list;
    while (q.next())
        list << readMessage(q);
    return {list, {}};
}

StoreResult<int> StoreDatabase::deleteMessagesFrom(qint64 conversationId, int position)
{
    if (!m_db.transaction())
        return {0, m_db.lastError().text()};
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM messages WHERE conversation_id = ? AND position >= ?"));
    q.addBindValue(conversationId);
    q.addBindValue(position);
    if (!q.exec()) {
        const QString error = q.lastError().text();
        m_db.rollback();
        return {0, error};
    }
    const int deleted = q.numRowsAffected();
    q.prepare(QStringLiteral("UPDATE conversations SET updated = ? WHERE id = ?"));
    q.addBindValue(nowMs());
    q.addBindValue(conversationId);
    if (!q.exec() || q.numRowsAffected() != 1) {
        const QString error = q.lastError().text();
        m_db.rollback();
        return {0, error.trimmed().isEmpty() ? QStringLiteral("conversation %1 does not exist").arg(conversationId)
                                             : error};
    }
    if (!m_db.commit())
        return {0, m_db.lastError().text()};
    return {deleted, {}};
}

StoreResult<Conversation> StoreDatabase::insertConversationFile(const ConversationFile& file)
{
    if (!m_db.transaction())
        return {{}, m_db.lastError().text()};
    StoreResult<Conversation> created = createConversation(file.conversation);
    if (!created.ok()) {
        m_db.rollback();
        return created;
    }
    for (const Message& original : file.messages) {
        Message m = original;
        m.id = 0;
        m.conversationId = created.value.id;
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("INSERT INTO messages (conversation_id, position, role, content, reasoning, model_name,"
                                 " model_hash, sampling_json, stats_json, created, updated)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        bindAll(q, {QVariant(m.conversationId), QVariant(m.position), QVariant(m.role), QVariant(m.content),
                                  QVariant(m.reasoning), QVariant(m.modelName), QVariant(m.modelHash),
                                  QVariant(toJsonText(m.sampling)), QVariant(toJsonText(m.stats)),
                                  QVariant(m.createdMs), QVariant(m.updatedMs)});
        if (!q.exec()) {
            const QString error = queryError(q);
            m_db.rollback();
            return {{}, error};
        }
    }
    if (!m_db.commit())
        return {{}, m_db.lastError().text()};
    return created;
}

StoreResult<QList<SearchHit>> StoreDatabase::search(const QString& text, int limit)
{
    const QStringList words = text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return {{}, {}};
    QSqlQuery q(m_db);
    if (m_fullText) {
        q.prepare(QStringLiteral(
            "SELECT m.conversation_id, m.id, c.title, snippet(messages_fts, 0, '[', ']', '…', 12)"
            " FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid"
            " JOIN conversations c ON c.id = m.conversation_id"
            " WHERE messages_fts MATCH ? ORDER BY rank LIMIT ?"));
        q.addBindValue(ftsQuery(words));
    } else {
        QStringList conditions;
        for (int i = 0; i < words.size(); ++i)
            conditions << QStringLiteral("(m.content LIKE ? ESCAPE '\\' OR m.reasoning LIKE ? ESCAPE '\\')");
        q.prepare(QStringLiteral("SELECT m.conversation_id, m.id, c.title, substr(m.content, 1, 120)"
                                 " FROM messages m JOIN conversations c ON c.id = m.conversation_id"
                                 " WHERE %1 ORDER BY m.updated DESC LIMIT ?")
                      .arg(conditions.join(QStringLiteral(" AND "))));
        for (const QString& word : words) {
            q.addBindValue(likePattern(word));
            q.addBindValue(likePattern(word));
        }
    }
    q.addBindValue(limit);
    if (!q.exec())
        return {{}, queryError(q)};
    QList<SearchHit> hits;
    while (q.next())
        hits << SearchHit{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toString()};
    return {hits, {}};
}

} // namespace agora::app::store
