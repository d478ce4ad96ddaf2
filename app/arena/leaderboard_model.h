// The arena's local leaderboard: every vote stored in the history database, rated by the engine
// (Bradley-Terry on the Elo scale with bootstrap 95% intervals, computed on the bridge's worker
// thread), one row per model, best first. The model lists the votes, hands them to the bridge and
// shows the answer; a newer refresh always wins over an older one still in flight. It refreshes
// by itself whenever the store reports a saved vote.
//
// A model is its file: votes are counted per GGUF path (the name a file reports can be shared by
// several quantisations of one model); rows show the latest name voted under, with the file name
// added where two files would otherwise read the same.
//
// Ranks follow the intervals, not the bare ratings: a model's rank is one plus the number of
// models that are better beyond doubt (their lower bound above its upper bound). Two models whose
// intervals overlap share a rank, which is the honest answer after a handful of votes.
#pragma once

#include "bridge/engine_bridge.h"
#include "persistence/conversation_store.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace agora::app {

class LeaderboardModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(agora::app::EngineBridge* bridge READ bridge WRITE setBridge NOTIFY bridgeChanged)
    Q_PROPERTY(QObject* store READ storeObject WRITE setStoreObject NOTIFY storeChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int totalVotes READ totalVotes NOTIFY totalVotesChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    // The span a chart needs to place every interval: lowest lower bound, highest upper bound.
    Q_PROPERTY(double lowestRating READ lowestRating NOTIFY countChanged)
    Q_PROPERTY(double highestRating READ highestRating NOTIFY countChanged)

public:
    enum Role {
        RankRole = Qt::UserRole + 1,
        SharedRankRole, // another model holds the same rank (their intervals overlap)
        ModelRole,      // "modelName" in QML (a delegate's `model` is taken)
        ModelPathRole,  // the GGUF file (empty for votes stored without one)
        RatingRole,
        CiLowRole,
        CiHighRole,
        VotesRole,
        WinsRole,
        LossesRole,
        TiesRole,
        BothBadRole,
        WinRateRole,    // wins plus half of ties and both-bad, over votes (0..1)
        SummaryRole,    // one sentence for screen readers, translated
    };
    Q_ENUM(Role)

    // The bootstrap is seeded so the same votes always give the same intervals on screen.
    static constexpr quint64 kBootstrapSeed = 20240607;

    explicit LeaderboardModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    EngineBridge* bridge() const { return m_bridge; }
    void setBridge(EngineBridge* bridge);
    QObject* storeObject() const { return m_store; }
    void setStoreObject(QObject* store);
    int totalVotes() const { return m_totalVotes; }
    bool busy() const { return m_listRequest != 0 || m_computeTicket != 0 || m_clearRequest != 0; }
    QString lastError() const { return m_lastError; }
    double lowestRating() const;
    double highestRating() const;

    // Reads every stored vote and rates them again.
    Q_INVOKABLE void refresh();
    // Deletes every stored vote (the page asks for confirmation first), then refreshes.
    Q_INVOKABLE void clearVotes();
    // One row as a map with the role names as keys (empty when out of range).
    Q_INVOKABLE QVariantMap rowAt(int row) const;

signals:
    void bridgeChanged();
    void storeChanged();
    void countChanged();
    void totalVotesChanged();
    void busyChanged();
    void lastErrorChanged();
    void refreshed(); // a refresh came back (rows replaced, possibly by none)
    void cleared();   // clearVotes() finished

private:
    struct Row {
        int rank = 1;
        bool sharedRank = false;
        QString model;
        QString path;
        double rating = 1000.0, ciLow = 1000.0, ciHigh = 1000.0;
        int votes = 0, wins = 0, losses = 0, ties = 0, bothBad = 0;
        double winRate = 0.0;
    };

    void onVotesListed(store::RequestId id, const QList<store::ArenaVote>& votes);
    void onVotesCleared(store::RequestId id);
    void onStoreFailed(store::RequestId id, const QString& error);
    void onLeaderboardComputed(quint64 ticket, const QVariantList& rows);
    void setRows(QList<Row> rows);
    void setTotalVotes(int votes);
    void setLastError(const QString& error);
    void finishRequest(quint64& request);
    QString summary(const Row& row) const;
    static QString keyOf(const QString& name, const QString& path);

    QPointer<EngineBridge> m_bridge;
    QPointer<store::ConversationStore> m_store;
    QList<Row> m_rows;
    int m_totalVotes = 0;
    store::RequestId m_listRequest = 0;
    store::RequestId m_clearRequest = 0;
    quint64 m_computeTicket = 0;
    bool m_refreshAgain = false; // a refresh asked for while one was in flight
    QString m_lastError;
    struct Rated {
        QString name; // the latest name voted under
        QString path; // empty for votes stored without a file
    };
    QHash<QString, Rated> m_ratedByKey; // rating key (path, else name) -> what a row shows
};

} // namespace agora::app
