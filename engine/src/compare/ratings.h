// Arena leaderboard: Bradley-Terry ratings from blind pairwise votes.
//
// How votes count (the rule the app and reports show):
//   A better  -> one win for A, one loss for B.
//   B better  -> one win for B, one loss for A.
//   Tie       -> half a win for each side (the usual Bradley-Terry treatment of a draw).
//   Both bad  -> also half a win for each side: it says nothing about which one is better, and
//                LMSYS's arena counts it the same way. It is kept apart in the vote counts so
//                the leaderboard can show how often a model was in a "both bad" pair.
// Win rate = (wins + half the ties and both-bad votes) / votes the model took part in.
//
// Ratings: the Bradley-Terry strengths p_i maximise the likelihood of the observed (half) wins,
// found with Hunter's MM iteration p_i <- W_i / sum_j n_ij / (p_i + p_j), normalised to a
// geometric mean of 1 after each step. A model that never won would go to strength 0, so
// `priorTies` virtual ties against every opponent it met are added (default 1; 0 gives the
// pure maximum-likelihood estimate, used by the hand-computed tests). Reported on the familiar
// Elo scale: rating = 1000 + 400 * log10(p_i), so a 3:1 winning record is a gap of 190.8 points.
// Confidence intervals: percentile bootstrap over the votes (resampled with replacement),
// seeded, so the same votes and seed give the same interval.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace agora::compare {

enum class VoteOutcome { ABetter, BBetter, Tie, BothBad };
const char* voteOutcomeName(VoteOutcome outcome); // "a", "b", "tie", "both_bad"
bool parseVoteOutcome(const std::string& name, VoteOutcome* out);

struct Vote {
    std::string modelA;
    std::string modelB;
    VoteOutcome outcome = VoteOutcome::Tie;
};

struct RatingOptions {
    double priorTies = 1.0;       // virtual ties per opponent met (see above)
    int maxIterations = 10000;
    double tolerance = 1e-10;     // stop when no strength moves by more than this (relative)
    int bootstrapRounds = 200;    // 0: no confidence intervals
    double confidence = 0.95;
    uint64_t seed = 1;
};

struct ModelRating {
    std::string model;
    double rating = 1000.0;       // Elo scale, mean 1000 over the rated models
    double ciLow = 1000.0;        // bootstrap interval (equal to rating without bootstrap)
    double ciHigh = 1000.0;
    int votes = 0;
    int wins = 0;
    int losses = 0;
    int ties = 0;
    int bothBad = 0;
    double winRate = 0.0;
};

// Point estimates only (no bootstrap): strengths on the Elo scale, in the order of `models`.
std::vector<double> bradleyTerryRatings(const std::vector<std::string>& models, const std::vector<Vote>& votes,
                                        const RatingOptions& options);

// The leaderboard: every model that appears in a vote, best rating first (name breaks ties).
std::vector<ModelRating> leaderboard(const std::vector<Vote>& votes, const RatingOptions& options = {});

} // namespace agora::compare
