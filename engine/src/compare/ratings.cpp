// Bradley-Terry by Hunter's MM iteration, Elo-scaled, with a seeded percentile bootstrap.
#include "compare/ratings.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

namespace agora::compare {

const char* voteOutcomeName(VoteOutcome outcome)
{
    switch (outcome) {
    case VoteOutcome::ABetter: return "a";
    case VoteOutcome::BBetter: return "b";
    case VoteOutcome::Tie: return "tie";
    case VoteOutcome::BothBad: return "both_bad";
    }
    return "tie";
}

bool parseVoteOutcome(const std::string& name, VoteOutcome* out)
{
    for (VoteOutcome o : {VoteOutcome::ABetter, VoteOutcome::BBetter, VoteOutcome::Tie, VoteOutcome::BothBad}) {
        if (name == voteOutcomeName(o)) {
            *out = o;
            return true;
        }
    }
    return false;
}

namespace {

// Smallest strength we let a model reach: keeps log10 finite for a model that never won
// under priorTies = 0 (its rating is then simply "far below everyone").
constexpr double kMinStrength = 1e-12;

std::vector<double> strengths(const std::vector<std::string>& models, const std::vector<Vote>& votes,
                              const RatingOptions& options)
{
    const size_t n = models.size();
    std::map<std::string, size_t> index;
    for (size_t i = 0; i < n; ++i)
        index[models[i]] = i;
    std::vector<double> wins(n, 0.0);
    std::vector<std::vector<double>> games(n, std::vector<double>(n, 0.0));
    for (const Vote& v : votes) {
        auto a = index.find(v.modelA), b = index.find(v.modelB);
        if (a == index.end() || b == index.end() || a->second == b->second)
            continue;
        const size_t i = a->second, j = b->second;
        games[i][j] += 1.0;
        games[j][i] += 1.0;
        switch (v.outcome) {
        case VoteOutcome::ABetter: wins[i] += 1.0; break;
        case VoteOutcome::BBetter: wins[j] += 1.0; break;
        case VoteOutcome::Tie:
        case VoteOutcome::BothBad:
            wins[i] += 0.5;
            wins[j] += 0.5;
            break;
        }
    }
    if (options.priorTies > 0) {
        for (size_t i = 0; i < n; ++i)
            for (size_t j = i + 1; j < n; ++j)
                if (games[i][j] > 0) {
                    games[i][j] += options.priorTies;
                    games[j][i] += options.priorTies;
                    wins[i] += 0.5 * options.priorTies;
                    wins[j] += 0.5 * options.priorTies;
                }
    }

    std::vector<double> p(n, 1.0), next(n, 1.0);
    for (int iteration = 0; iteration < options.maxIterations; ++iteration) {
        for (size_t i = 0; i < n; ++i) {
            double denominator = 0.0;
            for (size_t j = 0; j < n; ++j)
                if (j != i && games[i][j] > 0)
                    denominator += games[i][j] / (p[i] + p[j]);
            next[i] = denominator > 0 ? std::max(wins[i] / denominator, kMinStrength) : p[i];
        }
        // Only ratios matter: fix the scale by a geometric mean of 1.
        double logSum = 0.0;
        for (double s : next)
            logSum += std::log(s);
        const double scale = n ? std::exp(logSum / double(n)) : 1.0;
        double change = 0.0;
        for (size_t i = 0; i < n; ++i) {
            next[i] /= scale;
            change = std::max(change, std::abs(next[i] - p[i]) / std::max(p[i], kMinStrength));
        }
        p.swap(next);
        if (change < options.tolerance)
            break;
    }
    return p;
}

double eloScale(double strength) { return 1000.0 + 400.0 * std::log10(strength); }

} // namespace

std::vector<double> bradleyTerryRatings(const std::vector<std::string>& models, const std::vector<Vote>& votes,
                                        const RatingOptions& options)
{
    std::vector<double> p = strengths(models, votes, options);
    for (double& s : p)
        s = eloScale(s);
    return p;
}

std::vector<ModelRating> leaderboard(const std::vector<Vote>& votes, const RatingOptions& options)
{
    std::vector<std::string> models;
    for (const Vote& v : votes)
        for (const std::string* name : {&v.modelA, &v.modelB})
            if (std::find(models.begin(), models.end(), *name) == models.end())
                models.push_back(*name);

    std::vector<ModelRating> table(models.size());
    const std::vector<double> ratings = bradleyTerryRatings(models, votes, options);
    for (size_t i = 0; i < models.size(); ++i) {
        table[i].model = models[i];
        table[i].rating = table[i].ciLow = table[i].ciHigh = ratings[i];
    }
    auto row = [&](const std::string& name) -> ModelRating& {
        return table[size_t(std::find(models.begin(), models.end(), name) - models.begin())];
    };
    for (const Vote& v : votes) {
        if (v.modelA == v.modelB)
            continue;
        ModelRating& a = row(v.modelA);
        ModelRating& b = row(v.modelB);
        ++a.votes;
        ++b.votes;
        switch (v.outcome) {
        case VoteOutcome::ABetter: ++a.wins; ++b.losses; break;
        case VoteOutcome::BBetter: ++b.wins; ++a.losses; break;
        case VoteOutcome::Tie: ++a.ties; ++b.ties; break;
        case VoteOutcome::BothBad: ++a.bothBad; ++b.bothBad; break;
        }
    }
    for (ModelRating& r : table)
        r.winRate = r.votes ? (r.wins + 0.5 * (r.ties + r.bothBad)) / r.votes : 0.0;

    if (options.bootstrapRounds > 0 && !votes.empty()) {
        std::mt19937_64 rng(options.seed);
        std::uniform_int_distribution<size_t> pick(0, votes.size() - 1);
        std::vector<std::vector<double>> samples(models.size());
        std::vector<Vote> resampled(votes.size());
        RatingOptions inner = options;
        inner.maxIterations = std::min(options.maxIterations, 2000);
        inner.tolerance = std::max(options.tolerance, 1e-8);
        for (int round = 0; round < options.bootstrapRounds; ++round) {
            for (Vote& v : resampled)
                v = votes[pick(rng)];
            const std::vector<double> r = bradleyTerryRatings(models, resampled, inner);
            for (size_t i = 0; i < models.size(); ++i)
                samples[i].push_back(r[i]);
        }
        const double tail = (1.0 - options.confidence) / 2.0;
        for (size_t i = 0; i < models.size(); ++i) {
            std::vector<double>& s = samples[i];
            std::sort(s.begin(), s.end());
            auto at = [&](double q) { return s[std::min(s.size() - 1, size_t(q * double(s.size() - 1) + 0.5))]; };
            table[i].ciLow = std::min(at(tail), table[i].rating);
            table[i].ciHigh = std::max(at(1.0 - tail), table[i].rating);
        }
    }
    std::sort(table.begin(), table.end(), [](const ModelRating& x, const ModelRating& y) {
        return x.rating != y.rating ? x.rating > y.rating : x.model < y.model;
    });
    return table;
}

} // namespace agora::compare
