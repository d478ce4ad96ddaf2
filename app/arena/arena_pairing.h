// Which two models meet in the next arena round, and on which side each one sits. The draw is
// uniform over the pairs of the pool, except that with three or more models the pair of the
// previous round is left out, so a person does not judge the same duel twice in a row. Sides are
// shuffled on every round: people favour the left answer slightly, and a fixed order would let
// that habit leak into the ratings. Seedable so tests see the same rounds every time.
#pragma once

#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include <optional>

namespace agora::app {

class ArenaPairing {
public:
    struct Pair {
        QString left;  // shown as "Model A"
        QString right; // shown as "Model B"
    };

    // seed 0: a fresh random seed from the operating system.
    explicit ArenaPairing(quint32 seed = 0);
    void reseed(quint32 seed);

    // The next duel among `pool` (duplicates ignored); nullopt with fewer than two models.
    std::optional<Pair> next(const QStringList& pool);

    // Forgets the previous pair (a new selection of models starts afresh).
    void forgetLastPair() { m_lastPair.clear(); }

private:
    QRandomGenerator m_random;
    QStringList m_lastPair; // sorted, so {a, b} and {b, a} are the same duel
};

} // namespace agora::app
