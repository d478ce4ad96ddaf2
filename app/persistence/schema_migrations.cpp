#include "persistence/schema_migrations.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace agora::app::store {
namespace {

// Version 1: the first release. Kept verbatim: migrations replay it on new databases.
const char* const kSchemaV1[] = {
    "CREATE TABLE schema_version (version INTEGER NOT NULL)",
    "CREATE TABLE conversations ("
    " id INTEGER PRIMARY KEY,"
    " title TEXT NOT NULL,"
    " created INTEGER NOT NULL,"
    " updated INTEGER NOT NULL,"
    " system_prompt TEXT NOT NULL DEFAULT '',"
    " sampling_json TEXT NOT NULL DEFAULT '{}')",
    "CREATE TABLE messages ("
    " id INTEGER PRIMARY KEY,"
    " conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,"
    " position INTEGER NOT NULL,"
    " role TEXT NOT NULL,"
    " content TEXT NOT NULL,"
    " model_name TEXT NOT NULL DEFAULT '',"
    " created INTEGER NOT NULL)",
    "INSERT INTO schema_version (version) VALUES (1)",
};

// Version 2: per-conversation context settings and kind; per-message reasoning, model file
// hash, sampling and stats; an update time so streaming replies show when they last grew.
const char* const kSchemaV2[] = {
    "ALTER TABLE conversations ADD COLUMN context_length INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE conversations ADD COLUMN overflow_policy TEXT NOT NULL DEFAULT 'truncate-middle'",
    "ALTER TABLE conversations ADD COLUMN kind TEXT NOT NULL DEFAULT 'chat'",
    "ALTER TABLE messages ADD COLUMN reasoning TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE messages ADD COLUMN model_hash TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE messages ADD COLUMN sampling_json TEXT NOT NULL DEFAULT '{}'",
    "ALTER TABLE messages ADD COLUMN stats_json TEXT NOT NULL DEFAULT '{}'",
    "ALTER TABLE messages ADD COLUMN updated INTEGER NOT NULL DEFAULT 0",
    "UPDATE messages SET updated = created",
    "CREATE INDEX messages_by_conversation ON messages (conversation_id, position)",
    "CREATE INDEX conversations_by_activity ON conversations (updated DESC)",
    "UPDATE schema_version SET version = 2",
};

// Version 3: blind arena votes (the leaderboard is computed from them on demand).
const char* const kSchemaV3[] = {
    "CREATE TABLE arena_votes ("
    " id INTEGER PRIMARY KEY,"
    " model_a TEXT NOT NULL,"
    " model_b TEXT NOT NULL,"
    " model_a_path TEXT NOT NULL DEFAULT '',"
    " model_b_path TEXT NOT NULL DEFAULT '',"
    " outcome TEXT NOT NULL CHECK (outcome IN ('a', 'b', 'tie', 'both-bad')),"
    " prompt TEXT NOT NULL DEFAULT '',"
    " created INTEGER NOT NULL)",
    "UPDATE schema_version SET version = 3",
};

// Full-text index over message text, kept in step by triggers. Optional: an SQLite built
// without FTS5 makes search fall back to LIKE.
const char* const kFullTextIndex[] = {
    "CREATE VIRTUAL TABLE messages_fts USING fts5(content, reasoning,"
    " content='messages', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN"
    " INSERT INTO messages_fts (rowid, content, reasoning) VALUES (new.id, new.content, new.reasoning); END",
    "CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN"
    " INSERT INTO messages_fts (messages_fts, rowid, content, reasoning)"
    " VALUES ('delete', old.id, old.content, old.reasoning); END",
    "CREATE TRIGGER messages_fts_update AFTER UPDATE OF content, reasoning ON messages BEGIN"
    " INSERT INTO messages_fts (messages_fts, rowid, content, reasoning)"
    " VALUES ('delete', old.id, old.content, old.reasoning);"
    " INSERT INTO messages_fts (rowid, content, reasoning) VALUES (new.id, new.content, new.reasoning); END",
    "INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')",
};

template <std::size_t N>
QString runAll(QSqlDatabase& db, const char* const (&statements)[N])
{
    for (const char* sql : statements) {
        QSqlQuery query(db);
        if (!query.exec(QString::fromUtf8(sql)))
            return QStringLiteral("%1 (while running: %2)").arg(query.lastError().text(), QString::fromUtf8(sql));
    }
    return {};
}

template <std::size_t N>
QString runStep(QSqlDatabase& db, const char* const (&statements)[N])
{
    if (!db.transaction())
        return db.lastError().text();
    const QString error = runAll(db, statements);
    if (!error.isEmpty()) {
        db.rollback();
        return error;
    }
    return db.commit() ? QString() : db.lastError().text();
}

bool hasTable(QSqlDatabase& db, const QString& name)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE name = ?"));
    query.addBindValue(name);
    return query.exec() && query.next();
}

} // namespace

int schemaVersion(QSqlDatabase& db)
{
    if (!hasTable(db, QStringLiteral("schema_version")))
        return 0;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT version FROM schema_version")) || !query.next())
        return -1; // a version table without a row: not a database we wrote
    return query.value(0).toInt();
}

MigrationResult migrateToCurrent(QSqlDatabase& db)
{
    MigrationResult result;
    result.fromVersion = schemaVersion(db);
    result.toVersion = result.fromVersion;
    if (result.fromVersion < 0) {
        result.error = QStringLiteral("the history database has a damaged version table");
        return result;
    }
    if (result.fromVersion > kCurrentSchemaVersion) {
        result.error = QStringLiteral("the history database was written by a newer Agora (schema %1; this one "
                                      "understands up to %2); update Agora to open it")
                           .arg(result.fromVersion)
                           .arg(kCurrentSchemaVersion);
        return result;
    }
    if (result.fromVersion == 0 && !db.tables().isEmpty()) {
        result.error = QStringLiteral("this file is not an Agora history database");
        return result;
    }

    struct Step {
        int version;
        QString (*apply)(QSqlDatabase&);
    };
    const Step steps[] = {
        {1, [](QSqlDatabase& d) { return runStep(d, kSchemaV1); }},
        {2, [](QSqlDatabase& d) { return runStep(d, kSchemaV2); }},
        {3, [](QSqlDatabase& d) { return runStep(d, kSchemaV3); }},
    };
    for (const Step& step : steps) {
        if (step.version <= result.toVersion)
            continue;
        const QString error = step.apply(db);
        if (!error.isEmpty()) {
            result.error = QStringLiteral("upgrading the history database to schema %1 failed: %2")
                               .arg(step.version)
                               .arg(error);
            return result;
        }
        result.toVersion = step.version;
    }

    if (!hasTable(db, QStringLiteral("messages_fts")))
        runStep(db, kFullTextIndex); // failure (no FTS5) is fine: search uses LIKE then
    result.fullTextSearch = hasTable(db, QStringLiteral("messages_fts"));
    result.ok = true;
    return result;
}

} // namespace agora::app::store
