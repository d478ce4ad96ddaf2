// Arena rounds: two models drawn at random from the user's selection, names hidden and sides
// shuffled, one vote, then the names are revealed. The votes are the leaderboard's input
// (ratings.h); they serialise to JSON lines for any store (the app keeps them in its database,
// one row per vote with the same fields).
//
// Fairness: every unordered pair is equally likely on each draw, and which model sits on the
// left is a coin flip, so neither position nor a model's place in the list carries a bias.
#pragma once

#include "agora/engine.h"
#include "compare/ratings.h"

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace agora::compare {

enum class ArenaSide { Left, Right };

struct ArenaMatch {
    uint64_t number = 0;      // 1, 2, ... per Arena
    std::string leftModel;    // hidden from the user until revealed
    std::string rightModel;
    bool voted = false;
};

class Arena {
public:
    // `models`: the user's selection (duplicates are dropped). Same seed, same draws.
    Arena(std::vector<std::string> models, uint64_t seed);

    // A new match; InvalidArgument when fewer than two models are selected.
    Result<ArenaMatch> draw();

    // What the user sees for a side: "Model A" / "Model B" before the vote, the name after.
    static std::string label(const ArenaMatch& match, ArenaSide side);

    // Records the vote for `match` (outcome in terms of the sides as shown: ABetter = the left
    // one) and reveals the names. A match takes one vote: a second is InvalidArgument.
    Result<Vote> vote(ArenaMatch& match, VoteOutcome outcome);

    const std::vector<Vote>& votes() const { return m_votes; }
    void addVotes(const std::vector<Vote>& earlier) { m_votes.insert(m_votes.end(), earlier.begin(), earlier.end()); }
    std::vector<ModelRating> leaderboard(const RatingOptions& options = {}) const
    {
        return compare::leaderboard(m_votes, options);
    }

private:
    std::vector<std::string> m_models;
    std::mt19937_64 m_rng;
    uint64_t m_drawn = 0;
    std::vector<Vote> m_votes;
};

// One vote per line: {"a": "model", "b": "model", "outcome": "a"|"b"|"tie"|"both_bad"}.
std::string votesToJsonl(const std::vector<Vote>& votes);
// Errors (BadFormat) name the line; blank lines are skipped.
Result<std::vector<Vote>> votesFromJsonl(std::string_view text);

} // namespace agora::compare
