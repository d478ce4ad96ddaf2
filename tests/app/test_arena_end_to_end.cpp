// The arena with the real engine (Vulkan; lavapipe without a GPU) on two real files of one model:
// stories260K in F32 and in Q8_0. Both call themselves "stories260K", so the revealed names carry
// their file names to keep the leaderboard honest. Two rounds: both answers stream under blind
// names, the vote is stored under the right files, the engine's Bradley-Terry leaderboard ranks
// the winner above the loser with intervals around each rating, and the second round of the same
// duel reuses the loaded models.
#include "arena/arena_session.h"
#include "arena/leaderboard_model.h"
#include "bridge/engine_bridge.h"
#include "bridge/vulkan_engine_backend.h"
#include "persistence/conversation_store.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using agora::app::ArenaSession;
using agora::app::EngineBridge;
using agora::app::LeaderboardModel;
using agora::app::VulkanEngineBackend;
using agora::app::store::ArenaVote;
using agora::app::store::ConversationStore;
using Phase = agora::app::ArenaSession::Phase;

class TestArenaEndToEnd : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_data;
    QTemporaryDir m_runtime;

private slots:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) // the Vulkan loader wants one
            qputenv("XDG_RUNTIME_DIR", m_runtime.path().toLocal8Bit());
    }

    void twoRoundsWithRealModels()
    {
        const QString f32 = QStringLiteral(AGORA_SHARED_DIR "/fixtures/models/stories260K.gguf");
        const QString q8 = QStringLiteral(AGORA_SHARED_DIR "/fixtures/models/stories260K-Q8_0.gguf");
        if (!QFile::exists(f32) || !QFile::exists(q8))
            QSKIP("stories260K fixtures not present");

        EngineBridge bridge(std::make_shared<VulkanEngineBackend>());
        ConversationStore store;
        QSignalSpy opened(&store, &ConversationStore::opened);
        store.open(m_data.path());
        QVERIFY(opened.wait(10000));
        QVERIFY(opened.at(0).at(1).toBool());

        ArenaSession session;
        session.setBridge(&bridge);
        session.setStoreObject(&store);
        session.setSeed(2);
        session.setMaxTokens(24);
        session.setModels({f32, q8});
        LeaderboardModel board;
        board.setBridge(&bridge);
        board.setStoreObject(&store);
        QSignalSpy loads(&bridge, &EngineBridge::slotLoaded);

        QVERIFY(session.start(QStringLiteral("Once upon a time")));
        QCOMPARE(session.nameA(), QStringLiteral("Model A"));
        QTRY_VERIFY2_WITH_TIMEOUT(session.phase() != Phase::Answering, qPrintable(session.error()), 180000);
        QCOMPARE(session.phase(), Phase::Voting);
        QCOMPARE(session.nameB(), QStringLiteral("Model B"));
        const QString textA = session.answerA().value(QStringLiteral("text")).toString();
        const QString textB = session.answerB().value(QStringLiteral("text")).toString();
        QVERIFY2(!textA.trimmed().isEmpty() && !textB.trimmed().isEmpty(), qPrintable(textA + u'|' + textB));

        QSignalSpy saved(&session, &ArenaSession::voteSaved);
        QVERIFY(session.vote(QStringLiteral("a")));
        QVERIFY(saved.wait(10000));
        const QString winner = session.nameA(), loser = session.nameB();
        QVERIFY2(winner != loser, qPrintable(winner));
        // Same model name in both files: each revealed name says which file it was.
        const QString winnerFile = QFileInfo(winner.contains(u"Q8_0") ? q8 : f32).completeBaseName();
        QVERIFY2(winner.contains(winnerFile + u')'), qPrintable(winner));

        QSignalSpy listed(&store, &ConversationStore::arenaVotesListed);
        store.listArenaVotes();
        QVERIFY(listed.wait(10000));
        const auto votes = listed.at(0).at(1).value<QList<ArenaVote>>();
        QCOMPARE(votes.size(), 1);
        QCOMPARE(votes.at(0).modelA, winner);
        QCOMPARE(QFileInfo(votes.at(0).modelAPath).completeBaseName(), winnerFile);
        QCOMPARE(votes.at(0).outcome, QStringLiteral("a"));

        // The engine's leaderboard: the winner on top, each rating inside its interval.
        QTRY_VERIFY_WITH_TIMEOUT(!board.busy() && board.totalVotes() == 1, 30000);
        QCOMPARE(board.rowCount(), 2);
        const QVariantMap top = board.rowAt(0), bottom = board.rowAt(1);
        QCOMPARE(top.value(QStringLiteral("modelName")).toString(), winner);
        QCOMPARE(bottom.value(QStringLiteral("modelName")).toString(), loser);
        QVERIFY(top.value(QStringLiteral("rating")).toDouble() > bottom.value(QStringLiteral("rating")).toDouble());
        for (const QVariantMap& row : {top, bottom}) {
            const double rating = row.value(QStringLiteral("rating")).toDouble();
            QVERIFY(row.value(QStringLiteral("ciLow")).toDouble() <= rating);
            QVERIFY(rating <= row.value(QStringLiteral("ciHigh")).toDouble());
        }

        // The same duel again: no model is loaded a second time.
        QVERIFY(session.start(QStringLiteral("The little dog")));
        QTRY_VERIFY2_WITH_TIMEOUT(session.phase() != Phase::Answering, qPrintable(session.error()), 180000);
        QCOMPARE(session.phase(), Phase::Voting);
        QVERIFY(session.vote(QStringLiteral("tie")));
        QCOMPARE(loads.count(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(!board.busy() && board.totalVotes() == 2, 30000);
        session.release();
    }
};

QTEST_GUILESS_MAIN(TestArenaEndToEnd)
#include "test_arena_end_to_end.moc"
