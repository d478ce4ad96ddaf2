// StoreDatabase's arena votes: one row per judgement, kept apart from the conversations so
// that clearing the leaderboard never touches the chat history.
#include "persistence/store_database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace agora::app::store {
namespace {

bool isKnownOutcome(const QString& outcome)
{
    return outcome == QLatin1String("a") || outcome == QLatin1String("b") || outcome == QLatin1String("tie")
        || outcome == QLatin1String("both-bad");
}

// Qt may treat an empty QString as NULL, which the NOT NULL columns refuse.
QVariant text(const QString& value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

} // namespace

StoreResult<ArenaVote> StoreDatabase::saveArenaVote(ArenaVote vote)
{
    if (!isKnownOutcome(vote.outcome))
        return {{}, QStringLiteral("unknown arena outcome \"%1\" (expected a, b, tie or both-bad)").arg(vote.outcome)};
    if (vote.modelA.trimmed().isEmpty() || vote.modelB.trimmed().isEmpty())
        return {{}, QStringLiteral("an arena vote needs the names of both models")};
    if (vote.createdMs == 0)
        vote.createdMs = nowMs();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO arena_votes (model_a, model_b, model_a_path, model_b_path, outcome, prompt,"
                             " created) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant& value : {text(vote.modelA), text(vote.modelB), text(vote.modelAPath), text(vote.modelBPath),
                                  text(vote.outcome), text(vote.prompt), QVariant(vote.createdMs)})
        q.addBindValue(value);
    if (!q.exec())
        return {{}, q.lastError().text()};
    vote.id = q.lastInsertId().toLongLong();
    return {vote, {}};
}

StoreResult<QList<ArenaVote>> StoreDatabase::arenaVotes()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT id, model_a, model_b, model_a_path, model_b_path, outcome, prompt, created"
                               " FROM arena_votes ORDER BY created, id")))
        return {{}, q.lastError().text()};
    QList<ArenaVote> votes;
    while (q.next()) {
        ArenaVote v;
        v.id = q.value(0).toLongLong();
        v.modelA = q.value(1).toString();
        v.modelB = q.value(2).toString();
        v.modelAPath = q.value(3).toString();
        v.modelBPath = q.value(4).toString();
        v.outcome = q.value(5).toString();
        v.prompt = q.value(6).toString();
        v.createdMs = q.value(7).toLongLong();
        votes << v;
    }
    return {votes, {}};
}

StoreResult<bool> StoreDatabase::clearArenaVotes()
{
    return exec(QStringLiteral("DELETE FROM arena_votes"));
}

} // namespace agora::app::store
