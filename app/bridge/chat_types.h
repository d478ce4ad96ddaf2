// What the GUI and the engine backend exchange about loading models and generating replies, in
// Qt types so that nothing outside app/bridge/vulkan_engine_backend.cpp sees agora/engine.h.
// Request ids in these records are the backend's own; EngineBridge maps them to its tickets.
#pragma once

#include <QList>
#include <QVariantMap>
#include <QMetaType>
#include <QString>

#include <functional>
#include <optional>
#include <variant>

namespace agora::app {

struct ChatTurn {
    QString role; // "system", "user", "assistant"
    QString content;
};

struct SamplingSettings {
    double temperature = 0.8;
    int topK = 40;
    double topP = 0.95;
    double minP = 0.05;
    double repeatPenalty = 1.0;
    quint64 seed = 0;
};

struct GenerationSpec {
    quint64 model = 0;
    quint64 conversation = 0;
    QList<ChatTurn> messages;            // the whole conversation so far
    QString rawPrompt;                   // continuation mode: the text to continue
    std::optional<SamplingSettings> sampling; // nullopt: the model's own defaults
    int maxTokens = 512;
    bool dropOldestTurns = false;        // context-full policy; false: stop and say so
};

struct LoadedModelInfo {
    QString name;
    QString path;
    int contextLength = 0;
    qint64 deviceBytes = 0;
    bool continuationMode = false; // a base model without a chat template
    QString templateWarning;
};

// Error codes keep the engine's stable names (io, bad-format, unsupported, ...): the bridge turns
// them into translated sentences and keeps the engine's detail next to them.
struct BackendError {
    QString code;
    QString message;
};

struct GenerationOutcome {
    QString stopReason;           // the engine's stable names: end_of_turn, max_tokens, cancelled, ...
    int promptTokens = 0;
    int generatedTokens = 0;
    double timeToFirstTokenMs = 0.0;
    double promptTokensPerSecond = 0.0;
    double tokensPerSecond = 0.0;
    QString text;
    QString reasoning;
    bool refusal = false;         // the answer opens with a refusal (engine's multilingual rule)
    QString refusalPhrase;        // the phrase that decided it
};

// Compare/arena/suite helpers the engine computes (engine/src/compare).
struct ArenaVoteRecord {
    QString modelA;
    QString modelB;
    QString outcome; // "a", "b", "tie", "both-bad"
};

struct ArenaStandingRecord {
    QString model;
    double rating = 1000.0; // Bradley-Terry on the Elo scale, mean 1000
    double ciLow = 1000.0;  // 95% bootstrap interval
    double ciHigh = 1000.0;
    int votes = 0, wins = 0, losses = 0, ties = 0, bothBad = 0;
    double winRate = 0.0;
};

struct SuitePrompt {
    QString id, category, language, system, text;
};

struct SuiteLoadResult {
    QList<SuitePrompt> prompts;
    std::optional<BackendError> error;
};

// What a GGUF file says about itself, read from its header without loading weights (the model
// manager's card). Keys: name, path, fileBytes, architecture, author, organization, license,
// baseModel, sizeLabel, finetune, languages (list), parameterCount, quantLabel, contextLength,
// trainedContextLength, layers, heads, kvHeads, embeddingLength, weightsBytes, kvCacheBytes,
// deviceBytes (weights + KV cache at contextLength), hasChatTemplate, continuationMode, vocabOnly,
// unsupportedTypes (list; non-empty: Agora cannot run it), familyFeatures (list), slidingWindow.
using ModelCard = QVariantMap;


namespace backend_event {
struct LoadProgress { quint64 request = 0; double fraction = 0.0; };
struct Loaded { quint64 request = 0; LoadedModelInfo info; };
struct Unloaded { quint64 request = 0; };
struct Delta { quint64 request = 0; bool reasoning = false; QString text; };
struct Overflow { quint64 request = 0; QString message; };
struct Finished { quint64 request = 0; GenerationOutcome outcome; };
struct Failed { quint64 request = 0; BackendError error; };
} // namespace backend_event

// An inspection's answer: the card, or why the file cannot be read.
struct InspectResult {
    ModelCard card;
    std::optional<BackendError> error;
};

using BackendEvent = std::variant<backend_event::LoadProgress, backend_event::Loaded, backend_event::Unloaded,
    backend_event::Delta, backend_event::Overflow, backend_event::Finished, backend_event::Failed>;

// Called on whatever thread the backend produces events on; the receiver re-posts.
using BackendEventSink = std::function<void(const BackendEvent&)>;

} // namespace agora::app

Q_DECLARE_METATYPE(agora::app::LoadedModelInfo)
Q_DECLARE_METATYPE(agora::app::GenerationOutcome)
Q_DECLARE_METATYPE(agora::app::GenerationSpec)
Q_DECLARE_METATYPE(agora::app::InspectResult)
Q_DECLARE_METATYPE(agora::app::SuiteLoadResult)
Q_DECLARE_METATYPE(agora::app::ArenaVoteRecord)
Q_DECLARE_METATYPE(agora::app::ArenaStandingRecord)
