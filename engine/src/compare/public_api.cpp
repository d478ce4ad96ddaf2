// The Compare and Arena part of agora/engine.h: thin conversions onto the compare subsystem.
#include "agora/engine.h"
#include "compare/ratings.h"
#include "compare/refusal.h"
#include "compare/suite.h"

namespace agora {

std::vector<ArenaStanding> arenaLeaderboard(const std::vector<ArenaVote>& votes, uint64_t seed)
{
    std::vector<compare::Vote> internal;
    internal.reserve(votes.size());
    for (const ArenaVote& v : votes) {
        compare::VoteOutcome o = compare::VoteOutcome::Tie;
        switch (v.outcome) {
        case ArenaOutcome::ABetter: o = compare::VoteOutcome::ABetter; break;
        case ArenaOutcome::BBetter: o = compare::VoteOutcome::BBetter; break;
        case ArenaOutcome::Tie: o = compare::VoteOutcome::Tie; break;
        case ArenaOutcome::BothBad: o = compare::VoteOutcome::BothBad; break;
        }
        internal.push_back({v.modelA, v.modelB, o});
    }
    compare::RatingOptions options;
    options.seed = seed;
    std::vector<ArenaStanding> table;
    for (const compare::ModelRating& r : compare::leaderboard(internal, options))
        table.push_back({r.model, r.rating, r.ciLow, r.ciHigh, r.votes, r.wins, r.losses, r.ties, r.bothBad,
                         r.winRate});
    return table;
}

bool looksLikeRefusal(const std::string& answer, std::string* matchedPhrase)
{
    const compare::RefusalVerdict verdict = compare::detectRefusal(answer);
    if (matchedPhrase)
        *matchedPhrase = verdict.matchedPhrase;
    return verdict.refusal;
}

Result<std::vector<PromptSuiteEntry>> loadPromptSuite(const std::string& nameOrPath)
{
    auto suite = compare::loadSuite(nameOrPath);
    if (!suite)
        return suite.error();
    std::vector<PromptSuiteEntry> entries;
    for (const compare::SuitePrompt& p : suite->prompts)
        entries.push_back({p.id, p.category, p.language, p.system, p.text});
    return entries;
}

} // namespace agora
