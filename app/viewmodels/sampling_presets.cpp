#include "viewmodels/sampling_presets.h"

#include <algorithm>
#include <cmath>

namespace agora::app {
namespace {

struct PresetDefinition {
    const char* name;
    double temperature;
    int topK;
    double topP;
    double minP;
    double repeatPenalty;
};

// The table in the header, as data.
constexpr PresetDefinition kPresets[] = {
    {"precise", 0.2, 20, 0.90, 0.10, 1.00},
    {"balanced", 0.7, 40, 0.95, 0.05, 1.05},
    {"creative", 1.0, 100, 0.98, 0.02, 1.10},
};
constexpr const char* kDefaultPreset = "balanced";
constexpr const char* kCustom = "custom";

const PresetDefinition& definition(const QString& name)
{
    for (const PresetDefinition& p : kPresets) {
        if (name == QLatin1String(p.name))
            return p;
    }
    for (const PresetDefinition& p : kPresets) {
        if (QLatin1String(p.name) == QLatin1String(kDefaultPreset))
            return p;
    }
    return kPresets[0];
}

bool isNamedPreset(const QString& name)
{
    return std::any_of(std::begin(kPresets), std::end(kPresets),
                       [&](const PresetDefinition& p) { return name == QLatin1String(p.name); });
}

double number(const QJsonObject& o, const char* key, double fallback, double low, double high)
{
    const QJsonValue v = o.value(QLatin1String(key));
    const double value = v.isDouble() ? v.toDouble() : fallback;
    return std::clamp(value, low, high);
}

} // namespace

QStringList SamplingPresets::names() const
{
    QStringList list;
    for (const PresetDefinition& p : kPresets)
        list << QLatin1String(p.name);
    list << QLatin1String(kCustom);
    return list;
}

QString SamplingPresets::label(const QString& preset) const
{
    if (preset == QLatin1String("precise"))
        return tr("Precise");
    if (preset == QLatin1String("creative"))
        return tr("Creative");
    if (preset == QLatin1String(kCustom))
        return tr("Custom");
    return tr("Balanced");
}

QString SamplingPresets::description(const QString& preset) const
{
    if (preset == QLatin1String("precise"))
        return tr("Sticks to the likeliest words: facts, code, translations.");
    if (preset == QLatin1String("creative"))
        return tr("More surprising words and fewer repeats: stories and ideas.");
    if (preset == QLatin1String(kCustom))
        return tr("Your own values for every setting below.");
    return tr("A middle way for everyday conversation.");
}

QVariantMap SamplingPresets::values(const QString& preset) const
{
    return presetJson(preset).toVariantMap();
}

QVariantMap SamplingPresets::normalized(const QVariantMap& sampling) const
{
    return normalizedJson(QJsonObject::fromVariantMap(sampling)).toVariantMap();
}

QJsonObject SamplingPresets::presetJson(const QString& preset)
{
    const PresetDefinition& p = definition(preset);
    return QJsonObject{
        {QStringLiteral("preset"), preset == QLatin1String(kCustom) ? QString::fromLatin1(kCustom)
                                                                    : QString::fromLatin1(p.name)},
        {QStringLiteral("temperature"), p.temperature},
        {QStringLiteral("topK"), p.topK},
        {QStringLiteral("topP"), p.topP},
        {QStringLiteral("minP"), p.minP},
        {QStringLiteral("repeatPenalty"), p.repeatPenalty},
        {QStringLiteral("seed"), -1},
        {QStringLiteral("maxTokens"), kDefaultMaxTokens},
    };
}

QJsonObject SamplingPresets::normalizedJson(const QJsonObject& sampling)
{
    QString preset = sampling.value(QStringLiteral("preset")).toString();
    if (!isNamedPreset(preset) && preset != QLatin1String(kCustom))
        preset = QString::fromLatin1(kDefaultPreset);
    const QJsonObject base = presetJson(preset == QLatin1String(kCustom) ? QString::fromLatin1(kDefaultPreset) : preset);
    QJsonObject out;
    out.insert(QStringLiteral("preset"), preset);
    // A named preset's values are its definition; only custom keeps what was stored.
    const QJsonObject& source = preset == QLatin1String(kCustom) ? sampling : base;
    auto value = [&](const char* key, double low, double high) {
        return number(source, key, base.value(QLatin1String(key)).toDouble(), low, high);
    };
    out.insert(QStringLiteral("temperature"), value("temperature", 0.0, 2.0));
    out.insert(QStringLiteral("topK"), static_cast<int>(value("topK", 0, 1000)));
    out.insert(QStringLiteral("topP"), value("topP", 0.0, 1.0));
    out.insert(QStringLiteral("minP"), value("minP", 0.0, 1.0));
    out.insert(QStringLiteral("repeatPenalty"), value("repeatPenalty", 1.0, 2.0));
    // Seeds are whole numbers; anything negative means "a new one for every reply".
    const double seed = number(source, "seed", -1, -1, 9007199254740991.0);
    out.insert(QStringLiteral("seed"), seed < 0 ? -1.0 : std::floor(seed));
    out.insert(QStringLiteral("maxTokens"),
               static_cast<int>(number(sampling, "maxTokens", kDefaultMaxTokens, kMinMaxTokens, kMaxMaxTokens)));
    return out;
}

SamplingSettings SamplingPresets::settingsFor(const QJsonObject& sampling, quint64 randomSeed)
{
    const QJsonObject n = normalizedJson(sampling);
    SamplingSettings s;
    s.temperature = n.value(QStringLiteral("temperature")).toDouble();
    s.topK = n.value(QStringLiteral("topK")).toInt();
    s.topP = n.value(QStringLiteral("topP")).toDouble();
    s.minP = n.value(QStringLiteral("minP")).toDouble();
    s.repeatPenalty = n.value(QStringLiteral("repeatPenalty")).toDouble();
    const double seed = n.value(QStringLiteral("seed")).toDouble();
    s.seed = seed < 0 ? randomSeed : static_cast<quint64>(seed);
    return s;
}

int SamplingPresets::maxTokensFor(const QJsonObject& sampling)
{
    return normalizedJson(sampling).value(QStringLiteral("maxTokens")).toInt();
}

} // namespace agora::app
