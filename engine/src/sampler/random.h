// A small, seedable PRNG written here (xoshiro256** seeded through splitmix64) so a seed gives the
// same token sequence on every platform and standard library; std:: distributions do not promise
// that across libstdc++ versions.
#pragma once

#include <cstdint>

namespace agora::sampler {

class Random {
public:
    explicit Random(uint64_t seed = 0) { reseed(seed); }

    void reseed(uint64_t seed)
    {
        // splitmix64 spreads even tiny seeds (0, 1, 2) over all 256 bits of state.
        uint64_t x = seed;
        for (uint64_t& word : m_state) {
            x += 0x9E3779B97F4A7C15ull;
            uint64_t z = x;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
            word = z ^ (z >> 31);
        }
    }

    uint64_t next()
    {
        const uint64_t result = rotl(m_state[1] * 5, 7) * 9;
        const uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    // Uniform in [0, 1): the top 53 bits make an exact double mantissa.
    double uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }

private:
    static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    uint64_t m_state[4]{};
};

} // namespace agora::sampler
