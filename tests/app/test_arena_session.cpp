// ArenaSession with the fake engine and a real ConversationStore in a temporary folder: the two
// sides are shuffled (both orders over seeds), names stay hidden until the vote, a vote before
// both answers are in is refused, the vote is stored under the models that really sat on each
// side, names are revealed after it, the same duel keeps its loaded models, three models never
// meet in the same pair twice in a row, models that do not fit together take turns, and a model
// that cannot load fails the round cleanly.
#include "arena/arena_session.h"
#include "arena/leaderboard_model.h"
#include "bridge/engine_bridge.h"
#include "fake_engine_backend.h"
#include "persistence/conversation_store.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using agora::app::ArenaSession;
using agora::app::CompareSession;
using agora::app::EngineBridge;
using agora::app::LeaderboardModel;
using agora::app::store::ArenaVote;
using agora::app::store::ConversationStore;
using agora::app::testing::FakeEngineBackend;
using Phase = agora::app::ArenaSession::Phase;

class TestArenaSession : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_alpha, m_beta, m_gamma;
    std::shared_ptr<FakeEngineBackend> m_backend;
    std::unique_ptr<EngineBridge> m_bridge;
    std::unique_ptr<ConversationStore> m_store;

    QString writeModel(const QString& name, const QByteArray& magic = QByteArrayLiteral("GGUF"))
    {
        const QString path = m_dir.filePath(name + QStringLiteral(".gguf"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(magic + QByteArray("\x03\0\0\0", 4));
        return path;
    }

    bool openStore()
    {
        m_store = std::make_unique<ConversationStore>();
        QSignalSpy opened(m_store.get(), &ConversationStore::opened);
        m_store->open(m_dir.path());
        return opened.wait(5000) && opened.at(0).at(1).toBool();
    }

    std::unique_ptr<ArenaSession> makeSession(int seed, const QStringList& models)
    {
        auto session = std::make_unique<ArenaSession>();
        session->setBridge(m_bridge.get());
        session->setStoreObject(m_store.get());
        session->setSeed(seed);
        session->setModels(models);
        return session;
    }

    static bool reaches(ArenaSession& session, Phase phase)
    {
        return QTest::qWaitFor([&] { return session.phase() == phase; }, 5000);
    }

    QList<ArenaVote> storedVotes()
    {
        QSignalSpy listed(m_store.get(), &ConversationStore::arenaVotesListed);
        m_store->listArenaVotes();
        if (!listed.wait(5000))
            return {};
        return listed.at(0).at(1).value<QList<ArenaVote>>();
    }

    // Plays one round to the vote; the revealed names of sides A and B.
    QStringList playRound(ArenaSession& session, const QString& outcome)
    {
        if (!session.start(QStringLiteral("Name a famous bridge.")))
            return {QStringLiteral("<not started: %1>").arg(session.error())};
        if (session.nameA() != u"Model A" || session.nameB() != u"Model B")
            return {QStringLiteral("<names shown too early: %1, %2>").arg(session.nameA(), session.nameB())};
        if (!reaches(session, Phase::Voting))
            return {QStringLiteral("<no vote: %1>").arg(session.error())};
        QSignalSpy saved(&session, &ArenaSession::voteSaved);
        if (!session.vote(outcome) || !saved.wait(5000))
            return {QStringLiteral("<vote not saved: %1>").arg(session.error())};
        return {session.nameA(), session.nameB()};
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_alpha = writeModel(QStringLiteral("alpha"));
        m_beta = writeModel(QStringLiteral("beta"));
        m_gamma = writeModel(QStringLiteral("gamma"));
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

    void namesStayHiddenUntilTheVote()
    {
        auto session = makeSession(5, {m_alpha, m_beta});
        QCOMPARE(session->phase(), Phase::Idle);
        QVERIFY(session->canStart());
        QVERIFY(session->start(QStringLiteral("Name a famous bridge.")));
        QCOMPARE(session->phase(), Phase::Answering);
        QCOMPARE(session->round(), 1);
        QCOMPARE(session->nameA(), QStringLiteral("Model A"));
        QCOMPARE(session->nameB(), QStringLiteral("Model B"));
        QVERIFY(reaches(*session, Phase::Voting));
        QCOMPARE(session->answerA().value(QStringLiteral("text")).toString(), QStringLiteral("Hello there"));
        QCOMPARE(session->answerB().value(QStringLiteral("text")).toString(), QStringLiteral("Hello there"));
        QCOMPARE(session->answerA().value(QStringLiteral("state")).toString(), QStringLiteral("done"));

        // Nothing the page can read gives a model away before the vote: not the names, not the
        // paths, not the speed.
        QCOMPARE(session->nameA(), QStringLiteral("Model A"));
        QCOMPARE(session->nameB(), QStringLiteral("Model B"));
        QVERIFY(session->verdict().isEmpty());
        QVERIFY(!session->answerA().contains(QStringLiteral("tokensPerSecond")));
        CompareSession* panes = session->panes();
        for (int row = 0; row < 2; ++row) {
            QVERIFY(panes->data(panes->index(row), CompareSession::ModelNameRole).toString().startsWith(u"Model "));
            QVERIFY(panes->data(panes->index(row), CompareSession::ModelPathRole).toString().isEmpty());
        }

        QVERIFY(session->vote(QStringLiteral("a")));
        QCOMPARE(session->phase(), Phase::Revealed);
        QVERIFY(session->revealed());
        const QStringList names{session->nameA(), session->nameB()};
        QCOMPARE(QSet<QString>(names.begin(), names.end()), (QSet<QString>{QStringLiteral("alpha"), QStringLiteral("beta")}));
        QCOMPARE(session->outcome(), QStringLiteral("a"));
        QCOMPARE(session->verdict(), QStringLiteral("%1 won this round against %2.").arg(session->nameA(), session->nameB()));
        QVERIFY(session->answerA().contains(QStringLiteral("tokensPerSecond")));
        QVERIFY(session->canStart());
    }

    void sidesAreShuffled()
    {
        QSet<QString> leftModels;
        for (int seed = 1; seed <= 12; ++seed) {
            auto session = makeSession(seed, {m_alpha, m_beta});
            const QStringList names = playRound(*session, QStringLiteral("tie"));
            QCOMPARE(names.size(), 2);
            leftModels.insert(names.first());
        }
        QCOMPARE(leftModels, (QSet<QString>{QStringLiteral("alpha"), QStringLiteral("beta")}));
    }

    void theVoteIsStoredUnderTheModelsOnEachSide()
    {
        // Over seeds both orders come up; every stored vote must name the model that sat on
        // side A as modelA (with its file), whatever the shuffle did.
        int alphaOnA = 0, betaOnA = 0;
        for (int seed = 1; seed <= 8; ++seed) {
            auto session = makeSession(seed, {m_alpha, m_beta});
            const QStringList names = playRound(*session, QStringLiteral("b"));
            QCOMPARE(names.size(), 2);
            const ArenaVote vote = storedVotes().constLast();
            QCOMPARE(vote.modelA, names.at(0));
            QCOMPARE(vote.modelB, names.at(1));
            QCOMPARE(QFileInfo(vote.modelAPath).completeBaseName(), vote.modelA);
            QCOMPARE(QFileInfo(vote.modelBPath).completeBaseName(), vote.modelB);
            QCOMPARE(vote.modelAPath, session->panes()->modelPaths().at(session->paneOfSide(0)));
            QCOMPARE(vote.outcome, QStringLiteral("b"));
            QCOMPARE(vote.prompt, QStringLiteral("Name a famous bridge."));
            QVERIFY(vote.createdMs > 0);
            (vote.modelA == u"alpha" ? alphaOnA : betaOnA)++;
        }
        QVERIFY(alphaOnA > 0 && betaOnA > 0);
        QCOMPARE(storedVotes().size(), 8);

        // "b" won every time: the leaderboard credits whoever sat on side B.
        LeaderboardModel board;
        board.setBridge(m_bridge.get());
        board.setStoreObject(m_store.get());
        QVERIFY(QTest::qWaitFor([&] { return !board.busy(); }, 5000));
        QCOMPARE(board.rowCount(), 2);
        const QVariantMap alpha = board.rowAt(board.rowAt(0).value(QStringLiteral("modelName")).toString() == u"alpha" ? 0 : 1);
        QCOMPARE(alpha.value(QStringLiteral("wins")).toInt(), betaOnA);
        QCOMPARE(alpha.value(QStringLiteral("losses")).toInt(), alphaOnA);
    }

    void aVoteBeforeBothAnswersAreInIsRefused()
    {
        m_backend->setReply({QStringLiteral("One"), QStringLiteral(" two"), QStringLiteral(" three"),
                             QStringLiteral(" four"), QStringLiteral(" five"), QStringLiteral(" six")}, 150);
        auto session = makeSession(9, {m_alpha, m_beta});
        QVERIFY(!session->vote(QStringLiteral("a"))); // no round yet
        QVERIFY(!session->error().isEmpty());
        QVERIFY(session->start(QStringLiteral("Count to six.")));
        QVERIFY(QTest::qWaitFor([&] { return session->answerA().value(QStringLiteral("state")).toString() == u"streaming"; }, 5000));
        QVERIFY(!session->vote(QStringLiteral("a")));
        QVERIFY(!session->canVote());
        QCOMPARE(session->phase(), Phase::Answering);
        QVERIFY(!session->start(QStringLiteral("Another question"))); // one round at a time
        QCOMPARE(session->round(), 1);
        QVERIFY(storedVotes().isEmpty());

        // Stopped answers may be judged: the vote opens once both have stopped.
        session->stop();
        QVERIFY(reaches(*session, Phase::Voting));
        QCOMPARE(session->answerA().value(QStringLiteral("stopReason")).toString(), QStringLiteral("cancelled"));
        QCOMPARE(session->answerB().value(QStringLiteral("stopReason")).toString(), QStringLiteral("cancelled"));
        QVERIFY(!session->start(QStringLiteral("Another question"))); // vote or skip first
        QVERIFY(!session->vote(QStringLiteral("maybe")));
        QCOMPARE(session->phase(), Phase::Voting);
        QVERIFY(session->vote(QStringLiteral("both-bad")));
        QVERIFY(QTest::qWaitFor([&] { return storedVotes().size() == 1; }, 5000));
        QCOMPARE(storedVotes().constFirst().outcome, QStringLiteral("both-bad"));
        QVERIFY(session->verdict().contains(session->nameA()));
    }

    void refusedStartsSayWhy()
    {
        auto session = makeSession(1, {m_alpha});
        QVERIFY(!session->canStart());
        QVERIFY(!session->start(QStringLiteral("Hello")));
        QVERIFY(session->error().contains(u"two models"));
        session->setModels({m_alpha, m_alpha}); // the same file twice is one model
        QCOMPARE(session->models().size(), 1);
        QVERIFY(!session->canStart());
        session->setModels({m_alpha, m_beta});
        QVERIFY(session->canStart());
        QVERIFY(!session->start(QStringLiteral("   ")));
        QCOMPARE(session->phase(), Phase::Idle);
        QCOMPARE(session->round(), 0);
    }

    void skippingARoundStoresNothing()
    {
        auto session = makeSession(3, {m_alpha, m_beta});
        QVERIFY(session->start(QStringLiteral("Hi")));
        QVERIFY(reaches(*session, Phase::Voting));
        session->skip();
        QCOMPARE(session->phase(), Phase::Idle);
        QCOMPARE(session->nameA(), QStringLiteral("Model A"));
        QVERIFY(storedVotes().isEmpty());
        QVERIFY(session->start(QStringLiteral("Hi again")));
        QVERIFY(reaches(*session, Phase::Voting));
        QCOMPARE(session->round(), 2);
        QCOMPARE(session->prompt(), QStringLiteral("Hi again"));
    }

    void theSameDuelKeepsItsModelsLoaded()
    {
        auto session = makeSession(2, {m_alpha, m_beta});
        QSignalSpy loads(m_bridge.get(), &EngineBridge::slotLoaded);
        QSet<QString> onSideA;
        for (int round = 0; round < 6; ++round) {
            const QStringList names = playRound(*session, QStringLiteral("tie"));
            QCOMPARE(names.size(), 2);
            onSideA.insert(names.first());
        }
        QCOMPARE(loads.count(), 2);
        // The sides are still dealt anew every round, without reloading anything.
        QCOMPARE(onSideA.size(), 2);
        QCOMPARE(m_backend->loadedModels(), 2);
        // Every round is a fresh conversation: the fourth question is the only user turn sent.
        const auto spec = m_backend->lastSpec();
        QCOMPARE(spec.messages.size(), 1);
        session->release();
        QTRY_COMPARE(m_backend->loadedModels(), 0);
    }

    void threeModelsNeverRepeatAPairInARow()
    {
        auto session = makeSession(21, {m_alpha, m_beta, m_gamma});
        QSet<QString> previous;
        QSet<QString> seenPairs;
        for (int round = 0; round < 6; ++round) {
            const QStringList names = playRound(*session, QStringLiteral("a"));
            QCOMPARE(names.size(), 2);
            const QSet<QString> pair(names.begin(), names.end());
            QCOMPARE(pair.size(), 2);
            QVERIFY(pair != previous);
            previous = pair;
            QStringList sorted = names;
            sorted.sort();
            seenPairs.insert(sorted.join(u'+'));
        }
        QVERIFY(seenPairs.size() >= 2);
        // Only the two models of the last round hold device memory.
        QTRY_COMPARE(m_backend->loadedModels(), 2);
    }

    void aModelThatCannotLoadFailsTheRound()
    {
        const QString broken = writeModel(QStringLiteral("broken"), QByteArrayLiteral("NOPE"));
        auto session = makeSession(2, {m_alpha, broken});
        QVERIFY(session->start(QStringLiteral("Hello")));
        QVERIFY(reaches(*session, Phase::Failed));
        QVERIFY(!session->error().isEmpty());
        QVERIFY(!session->vote(QStringLiteral("a")));
        QVERIFY(storedVotes().isEmpty());
        // Taking the broken model out lets the next round run.
        session->setModels({m_alpha, m_beta});
        QVERIFY(session->canStart());
        QCOMPARE(playRound(*session, QStringLiteral("a")).size(), 2);
    }

    void modelsThatDoNotFitTogetherTakeTurns()
    {
        // A small device: only one model at a time. The comparison falls back to loading them in
        // turn; the round still comes to a vote, and the page can say why it is slower.
        m_backend->setMaxLoadedModels(1);
        auto session = makeSession(8, {m_alpha, m_beta});
        const QStringList names = playRound(*session, QStringLiteral("a"));
        QCOMPARE(names.size(), 2);
        QVERIFY(!session->notice().isEmpty());
        QCOMPARE(session->answerA().value(QStringLiteral("text")).toString(), QStringLiteral("Hello there"));
        QCOMPARE(session->answerB().value(QStringLiteral("text")).toString(), QStringLiteral("Hello there"));
        QCOMPARE(storedVotes().size(), 1);
    }

    void aRefusalIsMarked()
    {
        m_backend->setReply({QStringLiteral("I can't"), QStringLiteral(" help with that.")}, 5);
        auto session = makeSession(5, {m_alpha, m_beta});
        QVERIFY(session->answerA().value(QStringLiteral("refusal")).isNull()); // no round yet
        QVERIFY(session->start(QStringLiteral("Something touchy")));
        QVERIFY(reaches(*session, Phase::Voting));
        QVERIFY(session->answerA().value(QStringLiteral("refusal")).toBool());
        QVERIFY(session->answerB().value(QStringLiteral("refusal")).toBool());
    }

    void votesSurviveReopeningTheStore()
    {
        {
            auto session = makeSession(6, {m_alpha, m_beta});
            QCOMPARE(playRound(*session, QStringLiteral("a")).size(), 2);
            QCOMPARE(playRound(*session, QStringLiteral("tie")).size(), 2);
        }
        m_store.reset();
        QVERIFY(openStore());
        const QList<ArenaVote> votes = storedVotes();
        QCOMPARE(votes.size(), 2);
        QCOMPARE(votes.at(0).outcome, QStringLiteral("a"));
        QCOMPARE(votes.at(1).outcome, QStringLiteral("tie"));
    }
};

QTEST_GUILESS_MAIN(TestArenaSession)
#include "test_arena_session.moc"
