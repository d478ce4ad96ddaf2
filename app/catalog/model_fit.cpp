#include "catalog/model_fit.h"

#include <QFile>
#include <QRegularExpression>

namespace agora::app {

qint64 memoryBudgetBytes(const QString& deviceType, qint64 deviceLocalBytes, bool deviceUsable, qint64 systemRamBytes)
{
    if (!deviceUsable)
        return 0;
    if (deviceType == u"discrete")
        return deviceLocalBytes;
    // Integrated GPUs report a device-local heap carved from RAM that is often smaller than what
    // the driver lets them map; half the RAM is the honest limit before the system starts swapping.
    return std::max(deviceLocalBytes > systemRamBytes ? 0 : deviceLocalBytes, systemRamBytes / 2);
}

MemoryFit memoryFit(qint64 minMemoryBytes, qint64 budgetBytes)
{
    if (budgetBytes <= 0 || minMemoryBytes > budgetBytes)
        return MemoryFit::DoesNotFit;
    // Compare in integers: need * 5 <= budget * 4 is "at most 80%".
    if (minMemoryBytes * 5 <= budgetBytes * 4)
        return MemoryFit::Fits;
    return MemoryFit::FitsTightly;
}

QString memoryFitKey(MemoryFit fit)
{
    switch (fit) {
    case MemoryFit::Fits: return QStringLiteral("fits");
    case MemoryFit::FitsTightly: return QStringLiteral("tight");
    case MemoryFit::DoesNotFit: break;
    }
    return QStringLiteral("no");
}

qint64 recommendationParameterCap(const QString& deviceType)
{
    return deviceType == u"cpu" ? 2'000'000'000 : 0;
}

int recommendedEntryIndex(const QList<CatalogEntry>& entries, qint64 budgetBytes, qint64 maxParameters)
{
    if (maxParameters > 0) {
        QList<CatalogEntry> small;
        QList<int> original;
        for (int i = 0; i < entries.size(); ++i) {
            if (entries.at(i).parameterCount <= maxParameters) {
                small << entries.at(i);
                original << i;
            }
        }
        const int found = recommendedEntryIndex(small, budgetBytes);
        if (found >= 0)
            return original.at(found);
    }
    // Best: the largest comfortable general chat model; then a comfortable reasoning model; then
    // the smallest model that fits at all.
    for (const bool allowReasoning : {false, true}) {
        int best = -1;
        for (int i = 0; i < entries.size(); ++i) {
            const CatalogEntry& entry = entries.at(i);
            if (!entry.supported || (entry.reasoning && !allowReasoning)
                || memoryFit(entry.minMemoryBytes, budgetBytes) != MemoryFit::Fits)
                continue;
            if (best < 0 || entry.parameterCount > entries.at(best).parameterCount)
                best = i;
        }
        if (best >= 0)
            return best;
    }
    int best = -1;
    for (int i = 0; i < entries.size(); ++i) {
        const CatalogEntry& entry = entries.at(i);
        if (!entry.supported || memoryFit(entry.minMemoryBytes, budgetBytes) != MemoryFit::FitsTightly)
            continue;
        if (best < 0 || entry.minMemoryBytes < entries.at(best).minMemoryBytes)
            best = i;
    }
    return best;
}

qint64 systemMemoryBytes()
{
    QFile meminfo(QStringLiteral("/proc/meminfo"));
    if (!meminfo.open(QIODevice::ReadOnly | QIODevice::Text))
        return 0;
    static const QRegularExpression totalLine(QStringLiteral("^MemTotal:\\s+(\\d+)\\s+kB"), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = totalLine.match(QString::fromLatin1(meminfo.readAll()));
    return match.hasMatch() ? match.captured(1).toLongLong() * 1024 : 0;
}

} // namespace agora::app
