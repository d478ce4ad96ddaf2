// Drawing arena matches, recording votes, and their JSON-lines form.
#include "compare/arena.h"

#include "core/json.h"

#include <algorithm>
#include <sstream>

namespace agora::compare {

Arena::Arena(std::vector<std::string> models, uint64_t seed) : m_rng(seed)
{
    for (std::string& m : models)
        if (std::find(m_models.begin(), m_models.end(), m) == m_models.end())
            m_models.push_back(std::move(m));
}

Result<ArenaMatch> Arena::draw()
{
    if (m_models.size() < 2)
        return makeError(ErrorCode::InvalidArgument, "the arena needs at least two different models");
    // Two distinct indices, uniformly: the second is drawn from the n-1 others.
    const size_t n = m_models.size();
    const size_t first = std::uniform_int_distribution<size_t>(0, n - 1)(m_rng);
    size_t second = std::uniform_int_distribution<size_t>(0, n - 2)(m_rng);
    if (second >= first)
        ++second;
    ArenaMatch match;
    match.number = ++m_drawn;
    match.leftModel = m_models[first];
    match.rightModel = m_models[second];
    return match;
}

std::string Arena::label(const ArenaMatch& match, ArenaSide side)
{
    if (!match.voted)
        return side == ArenaSide::Left ? "Model A" : "Model B";
    return side == ArenaSide::Left ? match.leftModel : match.rightModel;
}

Result<Vote> Arena::vote(ArenaMatch& match, VoteOutcome outcome)
{
    if (match.voted)
        return makeError(ErrorCode::InvalidArgument, "this match already has a vote; draw a new one");
    if (match.leftModel.empty() || match.rightModel.empty() || match.leftModel == match.rightModel)
        return makeError(ErrorCode::InvalidArgument, "not a match drawn by the arena");
    match.voted = true;
    Vote v{match.leftModel, match.rightModel, outcome};
    m_votes.push_back(v);
    return v;
}

std::string votesToJsonl(const std::vector<Vote>& votes)
{
    std::string out;
    for (const Vote& v : votes) {
        json::Object o;
        o.emplace_back("a", v.modelA);
        o.emplace_back("b", v.modelB);
        o.emplace_back("outcome", voteOutcomeName(v.outcome));
        out += json::write(json::Value(std::move(o))) + "\n";
    }
    return out;
}

Result<std::vector<Vote>> votesFromJsonl(std::string_view text)
{
    std::vector<Vote> votes;
    std::istringstream in{std::string(text)};
    std::string line;
    for (int lineNo = 1; std::getline(in, line); ++lineNo) {
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        const std::string where = "vote line " + std::to_string(lineNo) + ": ";
        auto doc = json::parse(line);
        if (!doc)
            return makeError(ErrorCode::BadFormat, where + doc.error().message);
        Vote v;
        v.modelA = doc->stringOr("a");
        v.modelB = doc->stringOr("b");
        if (v.modelA.empty() || v.modelB.empty() || v.modelA == v.modelB)
            return makeError(ErrorCode::BadFormat, where + "needs two different models \"a\" and \"b\"");
        if (!parseVoteOutcome(doc->stringOr("outcome"), &v.outcome))
            return makeError(ErrorCode::BadFormat, where + "\"outcome\" must be a, b, tie or both_bad");
        votes.push_back(std::move(v));
    }
    return votes;
}

} // namespace agora::compare
