// The seeded random streams of synthetic models: SplitMix64 for integers and independent
// stream seeds, xoshiro256** for the bulk of the weights, Box-Muller for normal draws. Written
// out here rather than taken from <random> because the standard distributions may differ between
// standard libraries, and a synthetic model must be the same file for the same seed.
#pragma once

#include <cmath>
#include <cstdint>

namespace agora::tensor {

class SplitMix64 {
public:
    explicit SplitMix64(uint64_t seed) : m_state(seed) {}
    uint64_t next()
    {
        uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

private:
    uint64_t m_state;
};

// Standard normal draws from xoshiro256**, two per Box-Muller step.
class NormalStream {
public:
    // An independent stream per (seed, stream id): tensor rows can be drawn in any order or on
    // any thread and still give the same values.
    NormalStream(uint64_t seed, uint64_t streamId)
    {
        SplitMix64 init(seed ^ (streamId * 0xD1B54A32D192ED03ull));
        for (auto& s : m_s)
            s = init.next();
    }

    float next()
    {
        if (m_hasSpare) {
            m_hasSpare = false;
            return m_spare;
        }
        // u1 in (0, 1] so that log(u1) is finite; 53 random bits each.
        const double u1 = (static_cast<double>(nextBits() >> 11) + 1.0) * 0x1.0p-53;
        const double u2 = static_cast<double>(nextBits() >> 11) * 0x1.0p-53;
        const double radius = std::sqrt(-2.0 * std::log(u1));
        const double angle = 6.283185307179586 * u2;
        m_spare = static_cast<float>(radius * std::sin(angle));
        m_hasSpare = true;
        return static_cast<float>(radius * std::cos(angle));
    }

private:
    static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    uint64_t nextBits()
    {
        const uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    uint64_t m_s[4] = {};
    float m_spare = 0.0f;
    bool m_hasSpare = false;
};

} // namespace agora::tensor
