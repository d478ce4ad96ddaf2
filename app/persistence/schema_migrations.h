// The history database's schema, versioned. Every version is a step from the one before, so a
// database written by any older Agora opens in this one; a newer one is refused, never damaged.
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace agora::app::store {

inline constexpr int kCurrentSchemaVersion = 3;

struct MigrationResult {
    bool ok = false;
    int fromVersion = 0;   // 0: a new, empty database
    int toVersion = 0;
    bool fullTextSearch = false; // FTS5 index present (Debian's SQLite has it; others may not)
    QString error;
};

// Brings `db` to kCurrentSchemaVersion, each step in its own transaction.
MigrationResult migrateToCurrent(QSqlDatabase& db);

// The version recorded in the database; 0 when it has no version table (new file).
int schemaVersion(QSqlDatabase& db);

} // namespace agora::app::store
