// Bradley-Terry ratings against values computed by hand, the vote-counting rule for ties and
// both-bad votes, and the seeded bootstrap.
#include "compare/ratings.h"

#include <QtTest>

#include <cmath>

using namespace agora::compare;

namespace {

std::vector<Vote> repeat(const std::string& a, const std::string& b, VoteOutcome o, int n)
{
    return std::vector<Vote>(size_t(n), Vote{a, b, o});
}

std::vector<Vote> concat(std::initializer_list<std::vector<Vote>> parts)
{
    std::vector<Vote> out;
    for (const auto& p : parts)
        out.insert(out.end(), p.begin(), p.end());
    return out;
}

const ModelRating& find(const std::vector<ModelRating>& t, const std::string& name)
{
    for (const ModelRating& r : t)
        if (r.model == name)
            return r;
    qFatal("no row for %s", name.c_str());
}

} // namespace

class TestCompareRatings : public QObject {
    Q_OBJECT

private slots:
    void twoModelsThreeToOne()
    {
        // A beat B three times, B beat A once: the ML estimate is p_A / p_B = 3, i.e. a gap of
        // 400 * log10(3) = 190.849 Elo points, centred on 1000 (geometric mean 1).
        RatingOptions o;
        o.priorTies = 0;
        const auto votes = concat({repeat("A", "B", VoteOutcome::ABetter, 3), repeat("A", "B", VoteOutcome::BBetter, 1)});
        const auto r = bradleyTerryRatings({"A", "B"}, votes, o);
        QVERIFY(std::abs(r[0] - (1000.0 + 200.0 * std::log10(3.0))) < 1e-6);
        QVERIFY(std::abs(r[1] - (1000.0 - 200.0 * std::log10(3.0))) < 1e-6);
        QVERIFY(std::abs((r[0] - r[1]) - 190.848501887865) < 1e-6);
    }

    void tiesAndBothBadCountHalf()
    {
        // A: 2 wins + 2 ties = 3 (half) wins, B: 2 ties = 1 -> again 3:1. Both-bad counts as a tie.
        RatingOptions o;
        o.priorTies = 0;
        const auto withTies = concat({repeat("A", "B", VoteOutcome::ABetter, 2), repeat("A", "B", VoteOutcome::Tie, 2)});
        const auto withBothBad =
            concat({repeat("A", "B", VoteOutcome::ABetter, 2), repeat("B", "A", VoteOutcome::BothBad, 2)});
        for (const auto& votes : {withTies, withBothBad}) {
            const auto r = bradleyTerryRatings({"A", "B"}, votes, o);
            QVERIFY(std::abs((r[0] - r[1]) - 400.0 * std::log10(3.0)) < 1e-6);
        }
        o.bootstrapRounds = 0;
        const auto table = leaderboard(withBothBad, o);
        const ModelRating& a = find(table, "A");
        const ModelRating& b = find(table, "B");
        QCOMPARE(a.votes, 4);
        QCOMPARE(a.wins, 2);
        QCOMPARE(a.bothBad, 2);
        QCOMPARE(b.losses, 2);
        QCOMPARE(b.wins, 0);
        QCOMPARE(a.winRate, 0.75); // (2 + 0.5 * 2) / 4
        QCOMPARE(b.winRate, 0.25);
        QCOMPARE(table.front().model, std::string("A"));
    }

    void priorKeepsANeverWinnerFinite()
    {
        // B never won. With one virtual tie per opponent: A has 4 + 0.5, B 0.5 wins in 5 games,
        // so p_A / p_B = 9 -> a gap of 400 * log10(9) = 381.70 points.
        RatingOptions o; // priorTies = 1
        o.bootstrapRounds = 0;
        const auto r = bradleyTerryRatings({"A", "B"}, repeat("A", "B", VoteOutcome::ABetter, 4), o);
        QVERIFY(std::isfinite(r[1]));
        QVERIFY(std::abs((r[0] - r[1]) - 400.0 * std::log10(9.0)) < 1e-6);
    }

    void threeModelsSatisfyTheLikelihoodEquations()
    {
        // A>B 2:1, B>C 2:1, A>C 3:0 and C>A 1 time. Hand check: at the maximum every model's
        // wins equal the expected wins sum_j n_ij p_i / (p_i + p_j). Also a transitive order.
        RatingOptions o;
        o.priorTies = 0;
        const auto votes = concat({repeat("A", "B", VoteOutcome::ABetter, 2), repeat("A", "B", VoteOutcome::BBetter, 1),
                                   repeat("B", "C", VoteOutcome::ABetter, 2), repeat("B", "C", VoteOutcome::BBetter, 1),
                                   repeat("A", "C", VoteOutcome::ABetter, 3), repeat("A", "C", VoteOutcome::BBetter, 1)});
        const auto r = bradleyTerryRatings({"A", "B", "C"}, votes, o);
        std::vector<double> p;
        for (double x : r)
            p.push_back(std::pow(10.0, (x - 1000.0) / 400.0));
        const double wins[3] = {5, 3, 2};
        const double n[3][3] = {{0, 3, 4}, {3, 0, 3}, {4, 3, 0}};
        for (int i = 0; i < 3; ++i) {
            double expected = 0;
            for (int j = 0; j < 3; ++j)
                if (j != i)
                    expected += n[i][j] * p[size_t(i)] / (p[size_t(i)] + p[size_t(j)]);
            QVERIFY2(std::abs(expected - wins[i]) < 1e-6, qPrintable(QString::number(expected)));
        }
        QVERIFY(r[0] > r[1] && r[1] > r[2]);
        QVERIFY(std::abs(r[0] + r[1] + r[2] - 3000.0) < 1e-6); // geometric mean 1 -> mean rating 1000
    }

    void symmetricCycleIsEven()
    {
        RatingOptions o;
        o.priorTies = 0;
        const auto votes = concat({repeat("A", "B", VoteOutcome::ABetter, 2), repeat("B", "C", VoteOutcome::ABetter, 2),
                                   repeat("C", "A", VoteOutcome::ABetter, 2)});
        for (double x : bradleyTerryRatings({"A", "B", "C"}, votes, o))
            QVERIFY(std::abs(x - 1000.0) < 1e-6);
    }

    void bootstrapIsSeededAndNarrowsWithMoreVotes()
    {
        RatingOptions o;
        o.bootstrapRounds = 300;
        o.seed = 42;
        const auto few = concat({repeat("A", "B", VoteOutcome::ABetter, 6), repeat("A", "B", VoteOutcome::BBetter, 2)});
        const auto t1 = leaderboard(few, o);
        const auto t2 = leaderboard(few, o);
        QCOMPARE(t1.size(), size_t(2));
        QCOMPARE(t1[0].ciLow, t2[0].ciLow);
        QCOMPARE(t1[0].ciHigh, t2[0].ciHigh);
        for (const ModelRating& r : t1)
            QVERIFY(r.ciLow <= r.rating && r.rating <= r.ciHigh);
        QVERIFY(t1[0].ciHigh > t1[0].ciLow);
        const auto many = concat({repeat("A", "B", VoteOutcome::ABetter, 60), repeat("A", "B", VoteOutcome::BBetter, 20)});
        const auto t3 = leaderboard(many, o);
        QVERIFY(t3[0].ciHigh - t3[0].ciLow < t1[0].ciHigh - t1[0].ciLow);
        QCOMPARE(t3[0].model, std::string("A"));
    }

    void outcomeNamesRoundTrip()
    {
        for (VoteOutcome o : {VoteOutcome::ABetter, VoteOutcome::BBetter, VoteOutcome::Tie, VoteOutcome::BothBad}) {
            VoteOutcome back = VoteOutcome::Tie;
            QVERIFY(parseVoteOutcome(voteOutcomeName(o), &back));
            QCOMPARE(int(back), int(o));
        }
        VoteOutcome unused;
        QVERIFY(!parseVoteOutcome("maybe", &unused));
        QVERIFY(leaderboard({}).empty());
    }
};

QTEST_GUILESS_MAIN(TestCompareRatings)
#include "test_compare_ratings.moc"
