#include "sampler/sampler.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace agora::sampler {

namespace {

bool isGreedy(const SamplingParams& p) { return !(p.temperature > 0.0f); }

int32_t argmax(const std::vector<float>& logits)
{
    int32_t best = 0;
    for (size_t i = 1; i < logits.size(); ++i) {
        if (logits[i] > logits[static_cast<size_t>(best)])
            best = static_cast<int32_t>(i);
    }
    return best;
}

bool moreLikely(const Candidate& a, const Candidate& b)
{
    return a.logit != b.logit ? a.logit > b.logit : a.id < b.id; // ties: lower id first, for determinism
}

} // namespace

Sampler::Sampler(SamplingParams params) : m_params(params), m_random(params.seed) {}

void Sampler::applyPenalties(std::vector<float>& logits, std::span<const int32_t> recentTokens) const
{
    const bool anyPenalty = m_params.repeatPenalty != 1.0f || m_params.presencePenalty != 0.0f
        || m_params.frequencyPenalty != 0.0f;
    if (!anyPenalty || m_params.penaltyWindow <= 0 || recentTokens.empty())
        return;
    const size_t window = std::min(recentTokens.size(), static_cast<size_t>(m_params.penaltyWindow));
    std::unordered_map<int32_t, int32_t> counts;
    for (int32_t token : recentTokens.last(window)) {
        if (token >= 0 && static_cast<size_t>(token) < logits.size())
            ++counts[token];
    }
    for (const auto& [token, count] : counts) {
        float& logit = logits[static_cast<size_t>(token)];
        // The repetition penalty pushes a seen token towards "less likely" whatever its sign.
        if (m_params.repeatPenalty > 0.0f && m_params.repeatPenalty != 1.0f)
            logit = logit > 0.0f ? logit / m_params.repeatPenalty : logit * m_params.repeatPenalty;
        logit -= static_cast<float>(count) * m_params.frequencyPenalty + m_params.presencePenalty;
    }
}

std::vector<Candidate> Sampler::candidates(std::span<const float> rawLogits, std::span<const int32_t> recentTokens) const
{
    std::vector<float> logits(rawLogits.begin(), rawLogits.end());
    if (logits.empty())
        return {};
    applyPenalties(logits, recentTokens);

    if (isGreedy(m_params)) {
        const int32_t best = argmax(logits);
        return {Candidate{best, logits[static_cast<size_t>(best)], 1.0f}};
    }

    std::vector<Candidate> pool;
    pool.reserve(logits.size());
    for (size_t i = 0; i < logits.size(); ++i) {
        if (!std::isnan(logits[i]) && logits[i] != -INFINITY)
            pool.push_back(Candidate{static_cast<int32_t>(i), logits[i], 0.0f});
    }
    if (pool.empty()) // every logit masked: fall back to the argmax rather than failing a reply
        return {Candidate{argmax(logits), 0.0f, 1.0f}};

    // Top-k: only the k best need sorting, which keeps large vocabularies cheap.
    size_t keep = pool.size();
    if (m_params.topK > 0 && static_cast<size_t>(m_params.topK) < keep)
        keep = static_cast<size_t>(m_params.topK);
    std::partial_sort(pool.begin(), pool.begin() + static_cast<std::ptrdiff_t>(keep), pool.end(), moreLikely);
    pool.resize(keep);

    // Softmax at the temperature, in double so long tails do not vanish into rounding.
    const double maxLogit = pool.front().logit;
    std::vector<double> weights(pool.size());
    double total = 0.0;
    for (size_t i = 0; i < pool.size(); ++i) {
        weights[i] = std::exp((static_cast<double>(pool[i].logit) - maxLogit) / m_params.temperature);
        total += weights[i];
    }

    // Min-p: drop tokens far less likely than the best one (pool is sorted, so cut the tail).
    if (m_params.minP > 0.0f) {
        // weights are exp((logit - max) / T): the best token's weight is exactly 1.
        const double floorWeight = static_cast<double>(m_params.minP);
        size_t n = 1;
        while (n < pool.size() && weights[n] >= floorWeight)
            ++n;
        pool.resize(n);
        weights.resize(n);
    }

    // Top-p: the smallest prefix whose probability mass reaches p.
    total = 0.0;
    for (double w : weights)
        total += w;
    if (m_params.topP > 0.0f && m_params.topP < 1.0f) {
        const double target = static_cast<double>(m_params.topP) * total;
        double mass = 0.0;
        size_t n = 0;
        while (n < pool.size()) {
            mass += weights[n++];
            if (mass >= target)
                break;
        }
        pool.resize(n);
        weights.resize(n);
        total = mass;
    }

    for (size_t i = 0; i < pool.size(); ++i)
        pool[i].probability = static_cast<float>(weights[i] / total);
    return pool;
}

int32_t Sampler::sample(std::span<const float> logits, std::span<const int32_t> recentTokens)
{
    const std::vector<Candidate> pool = candidates(logits, recentTokens);
    if (pool.empty())
        return 0;
    if (pool.size() == 1)
        return pool.front().id;
    // Draw against the double-precision cumulative mass; the last candidate absorbs rounding.
    double remaining = m_random.uniform();
    for (const Candidate& c : pool) {
        remaining -= static_cast<double>(c.probability);
        if (remaining < 0.0)
            return c.id;
    }
    return pool.back().id;
}

} // namespace agora::sampler
