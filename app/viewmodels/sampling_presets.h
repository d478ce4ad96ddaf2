// The sampling presets a conversation can use, defined here and nowhere else, and the one
// reading of a conversation's sampling JSON into the engine's settings.
//
//   preset     temperature  top-k  top-p  min-p  repeat penalty   what it is for
//   precise    0.2          20     0.90   0.10   1.00             facts, code, translation: the
//                                                                 likeliest words, little variety
//   balanced   0.7          40     0.95   0.05   1.05             everyday chat (the default)
//   creative   1.0          100    0.98   0.02   1.10             stories, brainstorming: more
//                                                                 surprising words, fewer repeats
//   custom     the values stored with the conversation, clamped to the ranges below
//
// Every preset draws a fresh random seed per reply (seed -1), so Regenerate gives a different
// answer; a custom seed >= 0 makes replies repeatable (same model, settings and question).
// The sampling JSON: {"preset", "temperature", "topK", "topP", "minP", "repeatPenalty", "seed",
// "maxTokens"}; maxTokens (the longest reply, in tokens) applies to every preset.
#pragma once

#include "bridge/chat_types.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace agora::app {

class SamplingPresets : public QObject {
    Q_OBJECT
    QML_ELEMENT

public:
    static constexpr int kDefaultMaxTokens = 1024;
    static constexpr int kMinMaxTokens = 16;
    static constexpr int kMaxMaxTokens = 32768;

    using QObject::QObject;

    // "precise", "balanced", "creative", "custom", in the order a picker shows them.
    Q_INVOKABLE QStringList names() const;
    // The translated name a picker shows ("Precise").
    Q_INVOKABLE QString label(const QString& preset) const;
    // One line on what the preset is for, translated.
    Q_INVOKABLE QString description(const QString& preset) const;
    // The sampling JSON (as a map) of a preset; "custom" starts from balanced's values.
    Q_INVOKABLE QVariantMap values(const QString& preset) const;
    // `sampling` with every value present and inside its range (for the settings drawer).
    Q_INVOKABLE QVariantMap normalized(const QVariantMap& sampling) const;

    static QJsonObject presetJson(const QString& preset); // unknown names: balanced
    static QJsonObject normalizedJson(const QJsonObject& sampling);
    // What the engine gets. A named preset uses its definition above (so stored values cannot
    // drift from it); custom uses the stored values. seed -1 becomes `randomSeed`.
    static SamplingSettings settingsFor(const QJsonObject& sampling, quint64 randomSeed);
    static int maxTokensFor(const QJsonObject& sampling);
};

} // namespace agora::app
