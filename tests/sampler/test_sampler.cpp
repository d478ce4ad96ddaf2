// The sampler on hand-made logits: greedy exactness, the statistics of temperature sampling with a
// fixed seed, that every filter excludes what it must, penalties computed by hand, and that a
// seed reproduces the same draws.
#include "sampler/random.h"
#include "sampler/sampler.h"
#include "sampler/sampling_defaults.h"

#include <QtTest>

#include <cmath>
#include <map>
#include <set>

using agora::SamplingParams;
using agora::sampler::Random;
using agora::sampler::Sampler;

namespace {

SamplingParams pureTemperature(float t, uint64_t seed)
{
    SamplingParams p;
    p.temperature = t;
    p.topK = 0;
    p.topP = 1.0f;
    p.minP = 0.0f;
    p.seed = seed;
    return p;
}

std::vector<float> logitsOf(const std::vector<double>& probabilities)
{
    std::vector<float> logits;
    for (double p : probabilities)
        logits.push_back(p > 0 ? static_cast<float>(std::log(p)) : -INFINITY);
    return logits;
}

} // namespace

class TestSampler : public QObject {
    Q_OBJECT

private slots:
    void randomIsUniformAndSeeded()
    {
        Random a(42), b(42), c(43);
        double sum = 0.0;
        bool differs = false;
        for (int i = 0; i < 100000; ++i) {
            const double u = a.uniform();
            QVERIFY(u >= 0.0 && u < 1.0);
            QCOMPARE(u, b.uniform());
            differs |= (u != c.uniform());
            sum += u;
        }
        QVERIFY(differs);
        QVERIFY(std::abs(sum / 100000 - 0.5) < 0.005);
    }

    void greedyPicksTheArgmax()
    {
        SamplingParams p;
        p.temperature = 0.0f;
        Sampler s(p);
        const std::vector<float> logits{0.1f, 3.5f, -2.0f, 3.49f, 1.0f};
        for (int i = 0; i < 10; ++i)
            QCOMPARE(s.sample(logits, {}), 1);
        const std::vector<float> ties{1.0f, 2.0f, 2.0f};
        QCOMPARE(s.sample(ties, {}), 1); // ties go to the lowest id
    }

    void temperatureOneMatchesTheDistribution()
    {
        const std::vector<double> expected{0.5, 0.25, 0.125, 0.0625, 0.0625};
        Sampler s(pureTemperature(1.0f, 1234));
        const std::vector<float> logits = logitsOf(expected);
        const int n = 200000;
        std::vector<int> counts(expected.size(), 0);
        for (int i = 0; i < n; ++i)
            ++counts[static_cast<size_t>(s.sample(logits, {}))];
        for (size_t i = 0; i < expected.size(); ++i) {
            const double freq = static_cast<double>(counts[i]) / n;
            const double sigma = std::sqrt(expected[i] * (1 - expected[i]) / n);
            qInfo("token %zu: expected %.4f, observed %.4f (%.2f sigma)", i, expected[i], freq,
                std::abs(freq - expected[i]) / sigma);
            QVERIFY2(std::abs(freq - expected[i]) < 5 * sigma, "frequency outside 5 sigma");
        }
    }

    void temperatureSharpensAndFlattens()
    {
        const std::vector<float> logits = logitsOf({0.6, 0.3, 0.1});
        const auto cold = Sampler(pureTemperature(0.5f, 1)).candidates(logits, {});
        const auto hot = Sampler(pureTemperature(2.0f, 1)).candidates(logits, {});
        // p^(1/T) normalised: T=0.5 squares the probabilities, T=2 takes square roots.
        QVERIFY(std::abs(cold[0].probability - 0.36f / 0.46f) < 1e-5f);
        const float rootSum = std::sqrt(0.6f) + std::sqrt(0.3f) + std::sqrt(0.1f);
        QVERIFY(std::abs(hot[0].probability - std::sqrt(0.6f) / rootSum) < 1e-5f);
    }

    void topKNeverPicksExcludedTokens()
    {
        SamplingParams p = pureTemperature(1.5f, 7);
        p.topK = 3;
        Sampler s(p);
        const std::vector<float> logits{0.0f, 2.0f, 1.0f, 5.0f, 4.0f, 3.9f, -1.0f};
        std::set<int32_t> seen;
        for (int i = 0; i < 20000; ++i)
            seen.insert(s.sample(logits, {}));
        QCOMPARE(seen, (std::set<int32_t>{3, 4, 5}));
    }

    void topPKeepsTheSmallestPrefixReachingP()
    {
        SamplingParams p = pureTemperature(1.0f, 9);
        p.topP = 0.8f; // 0.5 + 0.25 = 0.75 < 0.8, so the third token (0.125) is needed, not the rest
        Sampler s(p);
        const std::vector<float> logits = logitsOf({0.5, 0.25, 0.125, 0.0625, 0.0625});
        const auto pool = s.candidates(logits, {});
        QCOMPARE(pool.size(), size_t(3));
        QVERIFY(std::abs(pool[0].probability - 0.5f / 0.875f) < 1e-5f);
        std::set<int32_t> seen;
        for (int i = 0; i < 20000; ++i)
            seen.insert(s.sample(logits, {}));
        QCOMPARE(seen, (std::set<int32_t>{0, 1, 2}));
    }

    void minPDropsTokensBelowTheFloor()
    {
        SamplingParams p = pureTemperature(1.0f, 11);
        p.minP = 0.2f; // floor 0.2 x 0.4 = 0.08: 0.05 and 0.03 go
        Sampler s(p);
        const std::vector<float> logits = logitsOf({0.1, 0.4, 0.05, 0.3, 0.12, 0.03});
        std::set<int32_t> seen;
        for (int i = 0; i < 20000; ++i)
            seen.insert(s.sample(logits, {}));
        QCOMPARE(seen, (std::set<int32_t>{0, 1, 3, 4}));
    }

    void repetitionPenaltyChangesTheArgmax()
    {
        SamplingParams p;
        p.temperature = 0.0f;
        p.repeatPenalty = 1.5f;
        p.penaltyWindow = 4;
        Sampler s(p);
        // Token 0 leads with 3.0; divided by 1.5 it becomes 2.0 < 2.5, so token 1 wins.
        const std::vector<float> logits{3.0f, 2.5f, -1.0f};
        QCOMPARE(s.sample(logits, {}), 0);
        const std::vector<int32_t> recent{0};
        QCOMPARE(s.sample(logits, recent), 1);
        std::vector<float> penalised = logits;
        const std::vector<int32_t> recent2{0, 2};
        s.applyPenalties(penalised, recent2);
        QCOMPARE(penalised[0], 2.0f);
        QCOMPARE(penalised[2], -1.5f); // negative logits are multiplied: also less likely
        // Outside the window the token is not penalised.
        const std::vector<int32_t> old{0, 2, 2, 2, 2};
        QCOMPARE(s.sample(logits, old), 0);
    }

    void presenceAndFrequencyPenalties()
    {
        SamplingParams p;
        p.temperature = 0.0f;
        p.presencePenalty = 0.5f;
        p.frequencyPenalty = 0.25f;
        Sampler s(p);
        std::vector<float> logits{4.0f, 3.0f, 2.0f};
        const std::vector<int32_t> recent{0, 0, 0, 1};
        // token 0: 4 - 3x0.25 - 0.5 = 2.75; token 1: 3 - 0.25 - 0.5 = 2.25; token 2 unseen.
        std::vector<float> penalised = logits;
        s.applyPenalties(penalised, recent);
        QCOMPARE(penalised[0], 2.75f);
        QCOMPARE(penalised[1], 2.25f);
        QCOMPARE(penalised[2], 2.0f);
        const std::vector<int32_t> moreZeros{0, 0, 0, 0, 0, 0};
        // token 0: 4 - 6x0.25 - 0.5 = 2.0, token 1 untouched at 3.0: the argmax moves.
        QCOMPARE(s.sample(logits, moreZeros), 1);
    }

    void sameSeedSameDraws()
    {
        SamplingParams p; // defaults: temperature 0.8, top-k 40, top-p 0.95, min-p 0.05
        p.seed = 99;
        std::vector<float> logits(100);
        for (size_t i = 0; i < logits.size(); ++i)
            logits[i] = static_cast<float>(std::sin(static_cast<double>(i) * 0.7) * 3.0);
        Sampler a(p), b(p);
        p.seed = 100;
        Sampler c(p);
        std::vector<int32_t> ra, rb, rc;
        for (int i = 0; i < 500; ++i) {
            ra.push_back(a.sample(logits, {}));
            rb.push_back(b.sample(logits, {}));
            rc.push_back(c.sample(logits, {}));
        }
        QCOMPARE(ra, rb);
        QVERIFY(ra != rc);
        QVERIFY(std::set<int32_t>(ra.begin(), ra.end()).size() > 1); // it really samples
    }

    void masksAndEmptyInputAreSafe()
    {
        Sampler s(pureTemperature(1.0f, 3));
        const std::vector<float> masked{-INFINITY, -INFINITY, 0.0f};
        for (int i = 0; i < 100; ++i)
            QCOMPARE(s.sample(masked, {}), 2);
        QCOMPARE(s.sample({}, {}), 0);
        const std::vector<int32_t> outOfRange{-5, 1000};
        QCOMPARE(s.sample(masked, outOfRange), 2);
    }

    void defaultsFromMetadata()
    {
        std::map<std::string, double> keys{{"general.sampling.temp", 0.6}, {"general.sampling.top_k", 20},
            {"general.sampling.top_p", 0.9}, {"general.sampling.min_p", 0.0},
            {"general.sampling.penalty_repeat", 1.1}, {"general.sampling.penalty_last_n", 128}};
        auto lookup = [&](std::string_view k) -> std::optional<double> {
            auto it = keys.find(std::string(k));
            return it == keys.end() ? std::nullopt : std::optional<double>(it->second);
        };
        const SamplingParams p = agora::sampler::samplingDefaultsFromMetadata(lookup);
        QCOMPARE(p.temperature, 0.6f);
        QCOMPARE(p.topK, 20);
        QCOMPARE(p.topP, 0.9f);
        QCOMPARE(p.minP, 0.0f);
        QCOMPARE(p.repeatPenalty, 1.1f);
        QCOMPARE(p.penaltyWindow, 128);
        // Absent and insane values leave the defaults.
        keys = {{"general.sampling.top_p", 7.0}, {"general.sampling.temp", NAN}};
        const SamplingParams d = agora::sampler::samplingDefaultsFromMetadata(lookup);
        QCOMPARE(d.topP, SamplingParams{}.topP);
        QCOMPARE(d.temperature, SamplingParams{}.temperature);
        QCOMPARE(d.topK, SamplingParams{}.topK);
    }
};

QTEST_GUILESS_MAIN(TestSampler)
#include "test_sampler.moc"
