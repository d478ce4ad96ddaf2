// The same conversation to 2-4 models through one agora::Engine. All models are loaded next to
// each other and their generations are queued together, so the engine's scheduler interleaves
// them fairly and the answers stream side by side. When the models do not fit together (a load
// fails with OutOfDeviceMemory), the comparer unloads them and switches to sequential mode: each
// turn loads one model, lets it answer and unloads it before the next; sequential() and notice()
// say so, for the view and the report. Each model keeps its own thread (its own previous answers),
// so follow-up turns continue every model's own conversation.
//
// The comparer owns the engine's event callback while it lives; use it from one thread.
#pragma once

#include "agora/engine.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace agora::compare {

// Per-pane overrides: unset fields use the shared settings.
struct PaneOverrides {
    std::optional<SamplingParams> sampling;
    std::optional<std::string> system;
    std::optional<int32_t> maxTokens;
};

struct CompareSettings {
    std::string system;                 // shared system prompt (empty: none)
    std::optional<SamplingParams> sampling; // nullopt: each model's own defaults
    int32_t maxTokens = 256;
    std::vector<PaneOverrides> panes;   // indexed like the models; may be shorter
};

struct ModelAnswer {
    std::string model;                  // the model's name (file name when it has none)
    std::string path;
    std::string text;
    std::string reasoning;
    double timeToFirstTokenMs = 0.0;
    double tokensPerSecond = 0.0;
    int32_t tokens = 0;
    StopReason stopReason = StopReason::EndOfTurn;
    double wallMs = 0.0;                // from queueing the request to its end
    std::optional<Error> error;         // set when this model failed (the others still answer)
};

using LoadProgressCallback = std::function<void(size_t model, float fraction)>;
using DeltaCallback = std::function<void(size_t model, DeltaKind kind, const std::string& text)>;

class Comparer {
public:
    explicit Comparer(Engine& engine);
    ~Comparer();
    Comparer(const Comparer&) = delete;
    Comparer& operator=(const Comparer&) = delete;

    // Loads the models (2 to 4 for a comparison; 1 is allowed for baselines). contextLength 0:
    // each model's default. Fails when a model cannot be loaded even on its own.
    Result<void> load(const std::vector<std::string>& paths, uint32_t contextLength = 0,
                      LoadProgressCallback progress = {});

    bool sequential() const { return m_sequential; }
    const std::string& notice() const { return m_notice; }
    size_t modelCount() const { return m_models.size(); }
    const ModelSummary& summary(size_t model) const { return m_models[model].summary; }
    const std::string& path(size_t model) const { return m_models[model].path; }
    // The model's name, or its file name when it has none or shares it with another pane
    // (two quantizations of one model are both called "llama").
    std::string displayName(size_t model) const;
    const std::vector<ChatMessage>& thread(size_t model) const { return m_models[model].thread; }

    // One turn: `userText` is appended to every model's thread and all answer it. Each answer
    // joins its own thread (failed ones do not). `cancel` (optional) stops the turn: unfinished
    // answers end with StopReason::Cancelled and the call returns Cancelled.
    Result<std::vector<ModelAnswer>> ask(const std::string& userText, const CompareSettings& settings,
                                         DeltaCallback onDelta = {}, const std::atomic<bool>* cancel = nullptr);

    // Starts fresh threads (the next ask is a new conversation; old caches are freed).
    void resetThreads();
    void unloadAll();

private:
    struct Slot {
        std::string path;
        ModelSummary summary;
        ModelId id = 0; // 0: not loaded (sequential mode between turns)
        std::vector<ChatMessage> thread;
        std::string continuation; // the running text for models without a chat template
    };

    Result<ModelId> loadOne(size_t index, uint32_t contextLength, const LoadProgressCallback& progress);
    void unloadOne(size_t index);
    GenerateRequest requestFor(size_t index, const std::string& userText, const CompareSettings& settings) const;
    EngineEvent waitEvent();
    std::optional<EngineEvent> waitEvent(std::chrono::milliseconds timeout);
    // Runs the given slots' generations together and fills their answers.
    void runTogether(const std::vector<size_t>& slots, const std::string& userText, const CompareSettings& settings,
                     const DeltaCallback& onDelta, const std::atomic<bool>* cancel, std::vector<ModelAnswer>& answers);

    Engine& m_engine;
    std::vector<Slot> m_models;
    uint32_t m_contextLength = 0;
    bool m_sequential = false;
    std::string m_notice;
    ConversationId m_conversation = 1;

    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<EngineEvent> m_events;
};

} // namespace agora::compare
