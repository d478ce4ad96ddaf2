// The real EngineBackend: asks the Agora engine (Vulkan) for its devices, and creates the engine
// itself on the first chat request (driver start-up happens on the bridge's worker thread).
#pragma once

#include "bridge/engine_backend.h"

#include <memory>
#include <mutex>

namespace agora {
class Engine;
}

namespace agora::app {

class VulkanEngineBackend final : public EngineBackend {
public:
    VulkanEngineBackend();
    ~VulkanEngineBackend() override;

    DeviceScan scanDevices() override;
    InspectResult inspectModel(const QString& path, int contextLength) override;
    QList<ArenaStandingRecord> arenaLeaderboard(const QList<ArenaVoteRecord>& votes, quint64 seed) override;
    SuiteLoadResult loadPromptSuite(const QString& nameOrPath) override;

    void setEventSink(BackendEventSink sink) override;
    quint64 loadModel(const QString& path, int contextLength, const QString& device) override;
    quint64 unloadModel(quint64 model) override;
    quint64 generate(const GenerationSpec& spec) override;
    void cancel(quint64 request) override;
    void closeConversation(quint64 model, quint64 conversation) override;

private:
    // Creates the engine once; false (and a Failed event for `request`) when it cannot start.
    bool ensureEngine();
    quint64 failNow(const QString& code, const QString& message);
    void deliver(const BackendEvent& event);

    std::unique_ptr<Engine> m_engine;
    QString m_engineError;      // why the engine could not be created (retried on each request)
    quint64 m_nextLocalId = 1ull << 62; // ids for requests answered without the engine
    std::mutex m_sinkMutex;     // the engine thread reads the sink while the worker replaces it
    BackendEventSink m_sink;
};

} // namespace agora::app
