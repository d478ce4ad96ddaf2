#include "arena/leaderboard_model.h"

#include <QFileInfo>
#include <QLocale>

#include <algorithm>

namespace agora::app {

LeaderboardModel::LeaderboardModel(QObject* parent) : QAbstractListModel(parent) {}

int LeaderboardModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QHash<int, QByteArray> LeaderboardModel::roleNames() const
{
    return {
        {RankRole, "rank"},
        {SharedRankRole, "sharedRank"},
        {ModelRole, "modelName"},
        {ModelPathRole, "modelPath"},
        {RatingRole, "rating"},
        {CiLowRole, "ciLow"},
        {CiHighRole, "ciHigh"},
        {VotesRole, "votes"},
        {WinsRole, "wins"},
        {LossesRole, "losses"},
        {TiesRole, "ties"},
        {BothBadRole, "bothBad"},
        {WinRateRole, "winRate"},
        {SummaryRole, "summary"},
    };
}

QVariant LeaderboardModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    switch (role) {
    case RankRole: return row.rank;
    case SharedRankRole: return row.sharedRank;
    case Qt::DisplayRole:
    case ModelRole: return row.model;
    case ModelPathRole: return row.path;
    case RatingRole: return row.rating;
    case CiLowRole: return row.ciLow;
    case CiHighRole: return row.ciHigh;
    case VotesRole: return row.votes;
    case WinsRole: return row.wins;
    case LossesRole: return row.losses;
    case TiesRole: return row.ties;
    case BothBadRole: return row.bothBad;
    case WinRateRole: return row.winRate;
    case Qt::AccessibleTextRole:
    case SummaryRole: return summary(row);
    default: return {};
    }
}

QVariantMap LeaderboardModel::rowAt(int row) const
{
    QVariantMap map;
    if (row < 0 || row >= rowCount())
        return map;
    const QHash<int, QByteArray> names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        map.insert(QString::fromUtf8(it.value()), data(index(row), it.key()));
    return map;
}

QString LeaderboardModel::summary(const Row& row) const
{
    const QLocale locale;
    //: A leaderboard row read aloud: rank, model, rating, its 95% interval, then the vote counts.
    return tr("Rank %1: %2, rating %3 (95% interval %4 to %5), %6 votes: %7 won, %8 lost, %9 tied or both bad")
        .arg(row.rank)
        .arg(row.model)
        .arg(locale.toString(row.rating, 'f', 0), locale.toString(row.ciLow, 'f', 0),
             locale.toString(row.ciHigh, 'f', 0))
        .arg(row.votes)
        .arg(row.wins)
        .arg(row.losses)
        .arg(row.ties + row.bothBad);
}

double LeaderboardModel::lowestRating() const
{
    double lowest = 1000.0;
    for (const Row& row : m_rows)
        lowest = std::min(lowest, row.ciLow);
    return lowest;
}

double LeaderboardModel::highestRating() const
{
    double highest = 1000.0;
    for (const Row& row : m_rows)
        highest = std::max(highest, row.ciHigh);
    return highest;
}

void LeaderboardModel::setBridge(EngineBridge* bridge)
{
    if (m_bridge == bridge)
        return;
    if (m_bridge)
        disconnect(m_bridge, nullptr, this, nullptr);
    m_bridge = bridge;
    if (bridge)
        connect(bridge, &EngineBridge::leaderboardComputed, this, &LeaderboardModel::onLeaderboardComputed);
    emit bridgeChanged();
    refresh();
}

void LeaderboardModel::setStoreObject(QObject* storeObject)
{
    auto* store = qobject_cast<store::ConversationStore*>(storeObject);
    if (m_store == store)
        return;
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (store) {
        connect(store, &store::ConversationStore::arenaVotesListed, this, &LeaderboardModel::onVotesListed);
        connect(store, &store::ConversationStore::arenaVotesCleared, this, &LeaderboardModel::onVotesCleared);
        // Every vote saved, from whichever arena, shows up without anyone asking.
        connect(store, &store::ConversationStore::arenaVoteSaved, this, [this] { refresh(); });
        connect(store, &store::ConversationStore::failed, this, &LeaderboardModel::onStoreFailed);
    }
    emit storeChanged();
    refresh();
}

void LeaderboardModel::refresh()
{
    if (!m_store || !m_bridge)
        return;
    const bool wasBusy = busy();
    // Store requests run in order, so the newest list holds every vote saved before it; answers
    // to older lists and computations are ignored once a newer one is asked for.
    m_listRequest = m_store->listArenaVotes();
    m_computeTicket = 0;
    if (!wasBusy)
        emit busyChanged();
}

void LeaderboardModel::clearVotes()
{
    if (!m_store)
        return;
    const bool wasBusy = busy();
    m_clearRequest = m_store->clearArenaVotes();
    if (!wasBusy)
        emit busyChanged();
}

void LeaderboardModel::finishRequest(quint64& request)
{
    const bool wasBusy = busy();
    request = 0;
    if (wasBusy && !busy())
        emit busyChanged();
}

void LeaderboardModel::onVotesListed(store::RequestId id, const QList<store::ArenaVote>& votes)
{
    if (id != m_listRequest)
        return;
    setTotalVotes(static_cast<int>(votes.size()));
    setLastError({});
    if (votes.isEmpty() || !m_bridge) {
        setRows({});
        finishRequest(m_listRequest);
        emit refreshed();
        return;
    }
    QVariantList records;
    records.reserve(votes.size());
    m_ratedByKey.clear();
    for (const store::ArenaVote& vote : votes) { // oldest first: the latest name wins
        const QString a = keyOf(vote.modelA, vote.modelAPath), b = keyOf(vote.modelB, vote.modelBPath);
        m_ratedByKey.insert(a, Rated{vote.modelA, vote.modelAPath});
        m_ratedByKey.insert(b, Rated{vote.modelB, vote.modelBPath});
        records.append(QVariantMap{{QStringLiteral("modelA"), a},
                                   {QStringLiteral("modelB"), b},
                                   {QStringLiteral("outcome"), vote.outcome}});
    }
    // The ticket is taken before the list request is let go, so busy never flickers off.
    m_computeTicket = m_bridge->computeLeaderboard(records, kBootstrapSeed);
    m_listRequest = 0;
}

void LeaderboardModel::onLeaderboardComputed(quint64 ticket, const QVariantList& table)
{
    if (ticket == 0 || ticket != m_computeTicket)
        return;
    QList<Row> rows;
    rows.reserve(table.size());
    for (const QVariant& entry : table) {
        const QVariantMap r = entry.toMap();
        Row row;
        const QString key = r.value(QStringLiteral("model")).toString();
        const Rated rated = m_ratedByKey.value(key, Rated{key, QString()});
        row.model = rated.name;
        row.path = rated.path;
        row.rating = r.value(QStringLiteral("rating")).toDouble();
        row.ciLow = r.value(QStringLiteral("ciLow")).toDouble();
        row.ciHigh = r.value(QStringLiteral("ciHigh")).toDouble();
        row.votes = r.value(QStringLiteral("votes")).toInt();
        row.wins = r.value(QStringLiteral("wins")).toInt();
        row.losses = r.value(QStringLiteral("losses")).toInt();
        row.ties = r.value(QStringLiteral("ties")).toInt();
        row.bothBad = r.value(QStringLiteral("bothBad")).toInt();
        row.winRate = r.value(QStringLiteral("winRate")).toDouble();
        rows.append(row);
    }
    // Two files under one name (two quantisations): each says which file it is.
    QHash<QString, int> nameCount;
    for (const Row& row : std::as_const(rows))
        ++nameCount[row.model];
    for (Row& row : rows) {
        if (nameCount.value(row.model) > 1 && !row.path.isEmpty())
            row.model = QStringLiteral("%1 (%2)").arg(row.model, QFileInfo(row.path).completeBaseName());
    }
    setRows(std::move(rows));
    finishRequest(m_computeTicket);
    emit refreshed();
}

// Votes are counted per file; a vote stored without a path (older or imported) by its name.
QString LeaderboardModel::keyOf(const QString& name, const QString& path)
{
    return path.isEmpty() ? name : path;
}

void LeaderboardModel::onVotesCleared(store::RequestId id)
{
    if (id != m_clearRequest)
        return;
    finishRequest(m_clearRequest);
    emit cleared();
    refresh();
}

void LeaderboardModel::onStoreFailed(store::RequestId id, const QString& error)
{
    if (id != m_listRequest && id != m_clearRequest)
        return;
    setLastError(id == m_clearRequest ? tr("The votes could not be deleted: %1").arg(error)
                                      : tr("The votes could not be read: %1").arg(error));
    finishRequest(id == m_clearRequest ? m_clearRequest : m_listRequest);
}

void LeaderboardModel::setRows(QList<Row> rows)
{
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.rating > b.rating; });
    for (Row& row : rows) {
        row.rank = 1 + static_cast<int>(std::count_if(rows.cbegin(), rows.cend(),
                                                      [&](const Row& other) { return other.ciLow > row.ciHigh; }));
    }
    for (Row& row : rows) {
        row.sharedRank = std::count_if(rows.cbegin(), rows.cend(), [&](const Row& other) { return other.rank == row.rank; }) > 1;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    // Also the notifier of lowestRating/highestRating: the chart rescales with every new table.
    emit countChanged();
}

void LeaderboardModel::setTotalVotes(int votes)
{
    if (m_totalVotes == votes)
        return;
    m_totalVotes = votes;
    emit totalVotesChanged();
}

void LeaderboardModel::setLastError(const QString& error)
{
    if (m_lastError == error)
        return;
    m_lastError = error;
    emit lastErrorChanged();
}

} // namespace agora::app
