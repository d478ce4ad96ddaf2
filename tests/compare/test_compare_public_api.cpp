// The Compare and Arena functions of agora/engine.h (what the app calls): the same numbers as
// the internals, through the public header alone.
#include "agora/engine.h"

#include <QtTest>

#include <cmath>

using namespace agora;

class TestComparePublicApi : public QObject {
    Q_OBJECT

private slots:
    void leaderboardFromVotes()
    {
        // X beat Y twice, one tie, one both-bad: X has 3 of 4 (half) wins -> 75% and, with the
        // default one virtual tie, p_X / p_Y = 3.5 / 1.5.
        const std::vector<ArenaVote> votes = {{"X", "Y", ArenaOutcome::ABetter},
                                              {"Y", "X", ArenaOutcome::BBetter},
                                              {"X", "Y", ArenaOutcome::Tie},
                                              {"Y", "X", ArenaOutcome::BothBad}};
        const auto table = arenaLeaderboard(votes, 5);
        QCOMPARE(table.size(), size_t(2));
        QCOMPARE(table[0].model, std::string("X"));
        QCOMPARE(table[0].wins, 2);
        QCOMPARE(table[0].ties, 1);
        QCOMPARE(table[0].bothBad, 1);
        QCOMPARE(table[1].losses, 2);
        QCOMPARE(table[0].winRate, 0.75);
        QVERIFY(std::abs((table[0].rating - table[1].rating) - 400.0 * std::log10(3.5 / 1.5)) < 1e-6);
        QVERIFY(table[0].ciLow <= table[0].rating && table[0].rating <= table[0].ciHigh);
        QCOMPARE(arenaLeaderboard(votes, 5)[0].ciLow, table[0].ciLow);
        QVERIFY(arenaLeaderboard({}).empty());
    }

    void refusalAndSuites()
    {
        std::string phrase;
        QVERIFY(looksLikeRefusal("抱歉，我无法回答这个问题。", &phrase));
        QCOMPARE(phrase, std::string("我无法回答")); // the first phrase of the list that matches
        QVERIFY(!looksLikeRefusal("Crimea was annexed by Russia in 2014.", &phrase));
        QVERIFY(phrase.empty());
        auto suite = loadPromptSuite("perspectives");
        QVERIFY(suite.ok());
        QCOMPARE(suite->size(), size_t(20));
        auto missing = loadPromptSuite("/no/such/suite.jsonl");
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, ErrorCode::Io);
    }
};

QTEST_GUILESS_MAIN(TestComparePublicApi)
#include "test_compare_public_api.moc"
