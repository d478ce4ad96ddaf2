// Arena rounds: fair seeded draws (every pair, both sides), hidden names until the vote, one vote
// per match, votes recorded into the leaderboard with hand-computed numbers, and the JSON-lines
// form the store keeps (round trip and errors).
#include "compare/arena.h"

#include <QtTest>

#include <cmath>
#include <map>
#include <set>

using namespace agora;
using namespace agora::compare;

class TestCompareArena : public QObject {
    Q_OBJECT

private slots:
    void drawsAreFairAndSeeded()
    {
        Arena arena({"qwen", "mistral", "llama", "qwen"}, 7); // the duplicate is dropped
        Arena same({"qwen", "mistral", "llama"}, 7);
        std::map<std::pair<std::string, std::string>, int> ordered;
        const int draws = 6000;
        for (int i = 0; i < draws; ++i) {
            auto m = arena.draw();
            auto n = same.draw();
            QVERIFY(m.ok() && n.ok());
            QCOMPARE(m->leftModel, n->leftModel);
            QCOMPARE(m->rightModel, n->rightModel);
            QVERIFY(m->leftModel != m->rightModel);
            QCOMPARE(m->number, uint64_t(i + 1));
            ordered[{m->leftModel, m->rightModel}]++;
        }
        QCOMPARE(ordered.size(), size_t(6)); // 3 pairs x 2 sides
        for (const auto& [pair, count] : ordered) // expected 1000 each; 5 sigma is about 150
            QVERIFY2(std::abs(count - draws / 6) < 150, qPrintable(QString::number(count)));
        QVERIFY(!Arena({"only"}, 1).draw().ok());
        QCOMPARE(Arena({"x", "x"}, 1).draw().error().code, ErrorCode::InvalidArgument);
    }

    void namesHiddenUntilTheVote()
    {
        Arena arena({"alpha", "beta"}, 3);
        auto match = arena.draw();
        QVERIFY(match.ok());
        QCOMPARE(Arena::label(*match, ArenaSide::Left), std::string("Model A"));
        QCOMPARE(Arena::label(*match, ArenaSide::Right), std::string("Model B"));
        auto v = arena.vote(*match, VoteOutcome::ABetter);
        QVERIFY(v.ok());
        QCOMPARE(Arena::label(*match, ArenaSide::Left), match->leftModel);
        QCOMPARE(v->modelA, match->leftModel); // "A better" means the left one won
        QVERIFY(!arena.vote(*match, VoteOutcome::BBetter).ok()); // one vote per match
        QCOMPARE(arena.votes().size(), size_t(1));
        ArenaMatch forged;
        QVERIFY(!arena.vote(forged, VoteOutcome::Tie).ok());
    }

    void votesMakeTheLeaderboard()
    {
        // Vote so that "strong" wins 3 of 4 against "weak", whichever side it was drawn on.
        Arena arena({"strong", "weak"}, 11);
        int strongWins = 0;
        for (int i = 0; i < 4; ++i) {
            auto m = arena.draw();
            QVERIFY(m.ok());
            const bool strongLeft = m->leftModel == "strong";
            const bool strongWinsThis = i < 3;
            QVERIFY(arena.vote(*m, strongWinsThis == strongLeft ? VoteOutcome::ABetter : VoteOutcome::BBetter).ok());
            strongWins += strongWinsThis;
        }
        QCOMPARE(strongWins, 3);
        RatingOptions o;
        o.priorTies = 0;
        o.bootstrapRounds = 100;
        const auto table = arena.leaderboard(o);
        QCOMPARE(table.size(), size_t(2));
        QCOMPARE(table[0].model, std::string("strong"));
        QCOMPARE(table[0].wins, 3);
        QCOMPARE(table[0].votes, 4);
        QCOMPARE(table[0].winRate, 0.75);
        QVERIFY(std::abs((table[0].rating - table[1].rating) - 400.0 * std::log10(3.0)) < 1e-6);
    }

    void votesRoundTripAsJsonLines()
    {
        const std::vector<Vote> votes = {{"a \"quoted\"", "b", VoteOutcome::ABetter},
                                         {"b", "c", VoteOutcome::BothBad},
                                         {"c", "a \"quoted\"", VoteOutcome::Tie},
                                         {"b", "c", VoteOutcome::BBetter}};
        const std::string text = votesToJsonl(votes);
        auto back = votesFromJsonl(text + "\n");
        QVERIFY(back.ok());
        QCOMPARE(back->size(), votes.size());
        for (size_t i = 0; i < votes.size(); ++i) {
            QCOMPARE((*back)[i].modelA, votes[i].modelA);
            QCOMPARE((*back)[i].modelB, votes[i].modelB);
            QCOMPARE(int((*back)[i].outcome), int(votes[i].outcome));
        }
        Arena restored({"b", "c"}, 1);
        restored.addVotes(*back);
        QCOMPARE(restored.leaderboard().size(), size_t(3));

        auto badOutcome = votesFromJsonl("{\"a\":\"x\",\"b\":\"y\",\"outcome\":\"a\"}\n{\"a\":\"x\",\"b\":\"y\",\"outcome\":\"left\"}\n");
        QVERIFY(!badOutcome.ok());
        QVERIFY(badOutcome.error().message.find("vote line 2") != std::string::npos);
        QVERIFY(!votesFromJsonl("{\"a\":\"x\",\"b\":\"x\",\"outcome\":\"tie\"}").ok());
        QVERIFY(!votesFromJsonl("not json").ok());
    }
};

QTEST_GUILESS_MAIN(TestCompareArena)
#include "test_compare_arena.moc"
