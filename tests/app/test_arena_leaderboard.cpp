// LeaderboardModel under QAbstractItemModelTester, with a real ConversationStore in a temporary
// folder and the fake engine, whose leaderboard is a plain win-rate formula (rating = 1000 +
// 400 * (winRate - 0.5), interval +-50; winRate = (wins + half of ties and both-bad) / votes), so
// every number below can be checked by hand. The engine's Bradley-Terry has its own tests.
//
// The votes: X beats Y twice, X ties Z, Z beats Y, Y and Z are both bad.
//   X: 3 votes, 2 won, 1 tie              winRate 2.5/3 = 0.8333  rating 1133.3  [1083.3, 1183.3]
//   Z: 3 votes, 1 won, 1 tie, 1 both-bad  winRate 2/3   = 0.6667  rating 1066.7  [1016.7, 1116.7]
//   Y: 4 votes, 3 lost, 1 both-bad        winRate 0.5/4 = 0.125   rating  850.0  [ 800.0,  900.0]
// Ranks by interval: X and Z overlap (both rank 1, shared); both are above Y beyond doubt (rank 3).
#include "arena/leaderboard_model.h"
#include "bridge/engine_bridge.h"
#include "fake_engine_backend.h"
#include "persistence/conversation_store.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using agora::app::EngineBridge;
using agora::app::LeaderboardModel;
using agora::app::store::ArenaVote;
using agora::app::store::ConversationStore;
using agora::app::testing::FakeEngineBackend;

class TestArenaLeaderboard : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::shared_ptr<FakeEngineBackend> m_backend;
    std::unique_ptr<EngineBridge> m_bridge;
    std::unique_ptr<ConversationStore> m_store;

    bool openStore()
    {
        m_store = std::make_unique<ConversationStore>();
        QSignalSpy opened(m_store.get(), &ConversationStore::opened);
        m_store->open(m_dir.path());
        return opened.wait(5000) && opened.at(0).at(1).toBool();
    }

    // Files named after the models unless given: "/models/<name>.gguf".
    bool saveVote(const QString& a, const QString& b, const QString& outcome, QString pathA = {}, QString pathB = {})
    {
        ArenaVote vote;
        vote.modelA = a;
        vote.modelB = b;
        vote.modelAPath = pathA.isNull() ? QStringLiteral("/models/%1.gguf").arg(a) : pathA;
        vote.modelBPath = pathB.isNull() ? QStringLiteral("/models/%1.gguf").arg(b) : pathB;
        vote.outcome = outcome;
        vote.prompt = QStringLiteral("Who painted the Night Watch?");
        QSignalSpy saved(m_store.get(), &ConversationStore::arenaVoteSaved);
        m_store->saveArenaVote(vote);
        return saved.wait(5000);
    }

    void saveHandCheckedVotes()
    {
        QVERIFY(saveVote(QStringLiteral("X"), QStringLiteral("Y"), QStringLiteral("a")));
        QVERIFY(saveVote(QStringLiteral("Y"), QStringLiteral("X"), QStringLiteral("b")));
        QVERIFY(saveVote(QStringLiteral("Z"), QStringLiteral("X"), QStringLiteral("tie")));
        QVERIFY(saveVote(QStringLiteral("Y"), QStringLiteral("Z"), QStringLiteral("b")));
        QVERIFY(saveVote(QStringLiteral("Z"), QStringLiteral("Y"), QStringLiteral("both-bad")));
    }

    std::unique_ptr<LeaderboardModel> makeModel()
    {
        auto model = std::make_unique<LeaderboardModel>();
        new QAbstractItemModelTester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest, model.get());
        model->setBridge(m_bridge.get());
        model->setStoreObject(m_store.get());
        return model;
    }

    // Waits until the model has answered its latest refresh.
    static bool settled(LeaderboardModel& model)
    {
        return QTest::qWaitFor([&] { return !model.busy(); }, 5000);
    }

    static QStringList names(const LeaderboardModel& model)
    {
        QStringList list;
        for (int row = 0; row < model.rowCount(); ++row)
            list << model.rowAt(row).value(QStringLiteral("modelName")).toString();
        return list;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_backend = std::make_shared<FakeEngineBackend>(QByteArray("{}"));
        m_bridge = std::make_unique<EngineBridge>(m_backend);
        QVERIFY(openStore());
    }

    void cleanup()
    {
        m_store.reset();
        m_bridge.reset();
        m_backend.reset();
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
    }

    void noVotesNoRows()
    {
        auto model = makeModel();
        QVERIFY(model->busy()); // the first refresh starts as soon as bridge and store are set
        QVERIFY(settled(*model));
        QCOMPARE(model->rowCount(), 0);
        QCOMPARE(model->totalVotes(), 0);
        QVERIFY(model->lastError().isEmpty());
        QVERIFY(model->rowAt(0).isEmpty());
    }

    void rowsFromStoredVotes()
    {
        saveHandCheckedVotes();
        auto model = makeModel();
        QVERIFY(settled(*model));
        QCOMPARE(model->totalVotes(), 5);
        QCOMPARE(names(*model), (QStringList{QStringLiteral("X"), QStringLiteral("Z"), QStringLiteral("Y")}));

        const QVariantMap x = model->rowAt(0), z = model->rowAt(1), y = model->rowAt(2);
        QCOMPARE(x.value(QStringLiteral("votes")).toInt(), 3);
        QCOMPARE(x.value(QStringLiteral("wins")).toInt(), 2);
        QCOMPARE(x.value(QStringLiteral("losses")).toInt(), 0);
        QCOMPARE(x.value(QStringLiteral("ties")).toInt(), 1);
        QCOMPARE(x.value(QStringLiteral("bothBad")).toInt(), 0);
        QVERIFY(qAbs(x.value(QStringLiteral("winRate")).toDouble() - 2.5 / 3.0) < 1e-9);
        QVERIFY(qAbs(x.value(QStringLiteral("rating")).toDouble() - 1133.333) < 0.01);
        QVERIFY(qAbs(x.value(QStringLiteral("ciLow")).toDouble() - 1083.333) < 0.01);
        QVERIFY(qAbs(x.value(QStringLiteral("ciHigh")).toDouble() - 1183.333) < 0.01);

        QCOMPARE(z.value(QStringLiteral("wins")).toInt(), 1);
        QCOMPARE(z.value(QStringLiteral("ties")).toInt(), 1);
        QCOMPARE(z.value(QStringLiteral("bothBad")).toInt(), 1);
        QVERIFY(qAbs(z.value(QStringLiteral("rating")).toDouble() - 1066.667) < 0.01);

        QCOMPARE(y.value(QStringLiteral("votes")).toInt(), 4);
        QCOMPARE(y.value(QStringLiteral("losses")).toInt(), 3);
        QCOMPARE(y.value(QStringLiteral("bothBad")).toInt(), 1);
        QVERIFY(qAbs(y.value(QStringLiteral("rating")).toDouble() - 850.0) < 0.01);

        // Overlapping intervals share a rank; a model below both beyond doubt is third.
        QCOMPARE(x.value(QStringLiteral("rank")).toInt(), 1);
        QCOMPARE(z.value(QStringLiteral("rank")).toInt(), 1);
        QCOMPARE(y.value(QStringLiteral("rank")).toInt(), 3);
        QVERIFY(x.value(QStringLiteral("sharedRank")).toBool());
        QVERIFY(z.value(QStringLiteral("sharedRank")).toBool());
        QVERIFY(!y.value(QStringLiteral("sharedRank")).toBool());

        QVERIFY(qAbs(model->lowestRating() - 800.0) < 0.01);
        QVERIFY(qAbs(model->highestRating() - 1183.333) < 0.01);
        const QString summary = model->data(model->index(2), LeaderboardModel::SummaryRole).toString();
        QVERIFY2(summary.contains(u"Rank 3") && summary.contains(u"Y") && summary.contains(u"3 lost"), qPrintable(summary));
    }

    void aNewVoteShowsAfterRefresh()
    {
        saveHandCheckedVotes();
        auto model = makeModel();
        QVERIFY(settled(*model));
        // Y beats X three times: Y climbs to 1000 + 400 * ((3 + 0.5) / 7 - 0.5) = 1000.
        for (int i = 0; i < 3; ++i)
            QVERIFY(saveVote(QStringLiteral("Y"), QStringLiteral("X"), QStringLiteral("a")));
        QSignalSpy refreshed(model.get(), &LeaderboardModel::refreshed);
        model->refresh();
        model->refresh(); // the newer request wins; the older answer is dropped
        QVERIFY(refreshed.wait(5000));
        QVERIFY(settled(*model));
        QCOMPARE(refreshed.count(), 1);
        QCOMPARE(model->totalVotes(), 8);
        const QVariantMap y = model->rowAt(static_cast<int>(names(*model).indexOf(QStringLiteral("Y"))));
        QCOMPARE(y.value(QStringLiteral("votes")).toInt(), 7);
        QCOMPARE(y.value(QStringLiteral("wins")).toInt(), 3);
        QVERIFY(qAbs(y.value(QStringLiteral("rating")).toDouble() - 1000.0) < 0.01);
    }

    void aSavedVoteRefreshesByItself()
    {
        auto model = makeModel();
        QVERIFY(settled(*model));
        QCOMPARE(model->rowCount(), 0);
        QSignalSpy refreshed(model.get(), &LeaderboardModel::refreshed);
        QVERIFY(saveVote(QStringLiteral("X"), QStringLiteral("Y"), QStringLiteral("a")));
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(model->totalVotes(), 1);
        QCOMPARE(names(*model), (QStringList{QStringLiteral("X"), QStringLiteral("Y")}));
        // 1000 +- 200: the intervals (+-50) do not overlap, so the ranks are 1 and 2.
        QCOMPARE(model->rowAt(0).value(QStringLiteral("rank")).toInt(), 1);
        QCOMPARE(model->rowAt(1).value(QStringLiteral("rank")).toInt(), 2);
        QVERIFY(!model->rowAt(0).value(QStringLiteral("sharedRank")).toBool());
    }

    void aModelIsItsFile()
    {
        // Two quantisations call themselves "Qwen": they are rated apart and their rows name the
        // files; a file voted under a new name shows its latest name; a vote stored without
        // paths is counted by name.
        const QString q4 = QStringLiteral("/models/qwen-q4_k_m.gguf"), q8 = QStringLiteral("/models/qwen-q8_0.gguf");
        QVERIFY(saveVote(QStringLiteral("Qwen"), QStringLiteral("Llama"), QStringLiteral("a"), q4));
        QVERIFY(saveVote(QStringLiteral("Llama"), QStringLiteral("Qwen"), QStringLiteral("a"), {}, q8));
        QVERIFY(saveVote(QStringLiteral("Llama 3.2"), QStringLiteral("Old"), QStringLiteral("tie"),
                         QStringLiteral("/models/Llama.gguf"), QStringLiteral("")));
        auto model = makeModel();
        QVERIFY(settled(*model));
        QCOMPARE(model->totalVotes(), 3);
        QStringList shown = names(*model);
        shown.sort();
        QCOMPARE(shown, (QStringList{QStringLiteral("Llama 3.2"), QStringLiteral("Old"), QStringLiteral("Qwen (qwen-q4_k_m)"),
                                     QStringLiteral("Qwen (qwen-q8_0)")}));
        for (int row = 0; row < model->rowCount(); ++row) {
            const QVariantMap r = model->rowAt(row);
            const QString name = r.value(QStringLiteral("modelName")).toString();
            if (name.startsWith(u"Qwen"))
                QCOMPARE(r.value(QStringLiteral("votes")).toInt(), 1);
            if (name == u"Llama 3.2") {
                QCOMPARE(r.value(QStringLiteral("votes")).toInt(), 3);
                QCOMPARE(r.value(QStringLiteral("modelPath")).toString(), QStringLiteral("/models/Llama.gguf"));
            }
            if (name == u"Old")
                QVERIFY(r.value(QStringLiteral("modelPath")).toString().isEmpty());
        }
    }

    void votesSurviveReopeningTheStore()
    {
        saveHandCheckedVotes();
        m_store.reset(); // as the app closing
        QVERIFY(openStore());
        auto model = makeModel();
        QVERIFY(settled(*model));
        QCOMPARE(model->totalVotes(), 5);
        QCOMPARE(names(*model), (QStringList{QStringLiteral("X"), QStringLiteral("Z"), QStringLiteral("Y")}));
    }

    void clearingRemovesEveryVoteForGood()
    {
        saveHandCheckedVotes();
        auto model = makeModel();
        QVERIFY(settled(*model));
        QCOMPARE(model->rowCount(), 3);
        QSignalSpy cleared(model.get(), &LeaderboardModel::cleared);
        model->clearVotes();
        QVERIFY(model->busy());
        QVERIFY(cleared.wait(5000));
        QVERIFY(settled(*model));
        QCOMPARE(model->rowCount(), 0);
        QCOMPARE(model->totalVotes(), 0);

        m_store.reset();
        QVERIFY(openStore());
        auto reopened = makeModel();
        QVERIFY(settled(*reopened));
        QCOMPARE(reopened->totalVotes(), 0);
    }

    void withoutStoreOrBridgeNothingHappens()
    {
        LeaderboardModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh();
        model.clearVotes();
        QVERIFY(!model.busy());
        model.setStoreObject(m_store.get());
        QVERIFY(!model.busy()); // still no bridge to rate with
        model.setStoreObject(this); // not a store: ignored like none
        QCOMPARE(model.storeObject(), nullptr);
    }
};

QTEST_GUILESS_MAIN(TestArenaLeaderboard)
#include "test_arena_leaderboard.moc"
