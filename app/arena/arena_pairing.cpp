#include "arena/arena_pairing.h"

#include <algorithm>

namespace agora::app {

ArenaPairing::ArenaPairing(quint32 seed)
{
    reseed(seed);
}

void ArenaPairing::reseed(quint32 seed)
{
    m_random = seed != 0 ? QRandomGenerator(seed) : QRandomGenerator(QRandomGenerator::system()->generate());
    m_lastPair.clear();
}

std::optional<ArenaPairing::Pair> ArenaPairing::next(const QStringList& pool)
{
    QStringList models = pool;
    models.removeDuplicates();
    models.removeAll(QString());
    if (models.size() < 2)
        return std::nullopt;

    // Every unordered pair once; with two models there is only one duel, so it may repeat.
    QList<QStringList> pairs;
    for (qsizetype i = 0; i < models.size(); ++i) {
        for (qsizetype j = i + 1; j < models.size(); ++j) {
            QStringList pair{models.at(i), models.at(j)};
            std::sort(pair.begin(), pair.end());
            if (models.size() > 2 && pair == m_lastPair)
                continue;
            pairs.append(pair);
        }
    }
    const QStringList chosen = pairs.at(static_cast<qsizetype>(m_random.bounded(static_cast<quint32>(pairs.size()))));
    m_lastPair = chosen;
    const bool swap = m_random.bounded(2U) == 1U;
    return Pair{chosen.at(swap ? 1 : 0), chosen.at(swap ? 0 : 1)};
}

} // namespace agora::app
