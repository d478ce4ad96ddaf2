// Token sampling: penalties over a window of recent tokens, then greedy or temperature sampling
// restricted by top-k, top-p and min-p, drawn from our own seeded PRNG so a seed reproduces the
// same tokens everywhere.
//
// Order of the steps (documented because each changes what the next one sees):
//   1. repetition, presence and frequency penalties on the raw logits of recently seen tokens;
//   2. temperature <= 0: argmax (ties go to the lowest id) and stop here;
//   3. top-k on the logits; 4. softmax at the temperature; 5. min-p relative to the top
//      probability; 6. top-p (the smallest prefix whose mass reaches p); 7. renormalise and draw.
#pragma once

#include "agora/engine.h"
#include "sampler/random.h"

#include <cstdint>
#include <span>
#include <vector>

namespace agora::sampler {

struct Candidate {
    int32_t id = 0;
    float logit = 0.0f;
    float probability = 0.0f;
};

class Sampler {
public:
    explicit Sampler(SamplingParams params);

    const SamplingParams& params() const { return m_params; }

    // Picks the next token. `recentTokens` is the token history (oldest first); only its last
    // penaltyWindow entries are penalised. Logits must hold vocabSize finite or -inf floats.
    int32_t sample(std::span<const float> logits, std::span<const int32_t> recentTokens);

    // The tokens that survive every filter with their renormalised probabilities, most probable
    // first (what sample() draws from). Greedy settings give the single argmax with probability 1.
    std::vector<Candidate> candidates(std::span<const float> logits, std::span<const int32_t> recentTokens) const;

    // Applies the penalties of step 1 in place (exposed for tests and for logit inspection).
    void applyPenalties(std::vector<float>& logits, std::span<const int32_t> recentTokens) const;

private:
    SamplingParams m_params;
    Random m_random;
};

} // namespace agora::sampler
