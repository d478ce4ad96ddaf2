// The engine thread: owns every loaded model (and, through them, the device). Public calls only
// queue a request; the thread drains the inbox between scheduler steps and takes one step of one
// generation at a time, round-robin, so several replies interleave fairly and a cancel lands
// before the next step.
#pragma once

#include "session/generation.h"
#include "session/model_factory.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <list>
#include <map>
#include <mutex>
#include <thread>
#include <variant>

namespace agora::session {

class EngineThread final : public Engine {
public:
    EngineThread(EngineOptions options, ModelFactory factory);
    ~EngineThread() override;

    void setEventCallback(EventCallback callback) override;
    RequestId load(LoadRequest request) override;
    RequestId unload(ModelId model) override;
    RequestId generate(GenerateRequest request) override;
    void cancel(RequestId request) override;
    void closeConversation(ModelId model, ConversationId conversation) override;

private:
    struct LoadCommand { RequestId id; LoadRequest request; };
    struct UnloadCommand { RequestId id; ModelId model; };
    struct GenerateCommand { RequestId id; GenerateRequest request; Clock::time_point received; };
    struct CancelCommand { RequestId target; };
    struct CloseCommand { ModelId model; ConversationId conversation; };
    using Command = std::variant<LoadCommand, UnloadCommand, GenerateCommand, CancelCommand, CloseCommand>;

    RequestId enqueue(Command command, RequestId id);
    void run();
    void handle(LoadCommand& c);
    void handle(UnloadCommand& c);
    void handle(GenerateCommand& c);
    void handle(CancelCommand& c);
    void handle(CloseCommand& c);
    void emit(const EngineEvent& event);

    uint64_t budget() const;
    uint64_t usedBytes() const;
    // Frees idle conversation caches, least recently used first, until `bytes` more fit.
    bool makeRoom(uint64_t bytes, const Conversation* keep);
    // The longest context (at most `asked`) whose cache fits next to the weights in what is free.
    uint32_t largestFittingContext(const ModelFootprint& footprint, uint32_t asked) const;
    // When a file states no trained length.
    static constexpr uint32_t kFallbackContextLength = 4096;
    // A capped context shorter than this is not worth loading: the load fails instead.
    static constexpr uint32_t kMinCappedContextLength = 256;
    std::string loadedModelNames() const;

    EngineOptions m_options;
    ModelFactory m_factory;

    std::mutex m_inboxMutex;
    std::condition_variable m_wake;
    std::deque<Command> m_inbox;
    bool m_stopping = false;
    std::atomic<RequestId> m_nextId{1};
    std::atomic<RequestId> m_loading{0};      // the load in progress, for cancel()
    std::atomic<bool> m_cancelLoading{false};

    std::mutex m_callbackMutex;
    EventCallback m_callback;

    // Engine-thread state: touched by run() and the handlers only.
    std::map<ModelId, std::unique_ptr<ModelEntry>> m_models;
    std::list<std::unique_ptr<Generation>> m_active; // front = next to step
    uint64_t m_tick = 0;

    std::thread m_thread; // last: starts after everything above exists
};

} // namespace agora::session
