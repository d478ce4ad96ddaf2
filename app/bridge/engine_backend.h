// The seam between the GUI and the engine. EngineBridge calls it on its worker thread, never on
// the GUI thread; the real implementation (VulkanEngineBackend) is the only code that talks to
// agora/engine.h, and tests inject fakes through this interface.
#pragma once

#include "bridge/chat_types.h"
#include "bridge/device_record.h"

namespace agora::app {

class EngineBackend {
public:
    virtual ~EngineBackend() = default;

    // Enumerates the devices. May take a while (driver start-up); runs off the GUI thread.
    virtual DeviceScan scanDevices() = 0;

    // Reads a GGUF header (no weights) for the model manager; runs off the GUI thread.
    // contextLength 0: the size the model would be loaded with by default.
    virtual InspectResult inspectModel(const QString& path, int contextLength) = 0;

    // Compare helpers, pure computations (any thread): the arena leaderboard (best first; same
    // votes and seed, same table) and a prompt suite ("perspectives" or a .jsonl/.csv path).
    virtual QList<ArenaStandingRecord> arenaLeaderboard(const QList<ArenaVoteRecord>& votes, quint64 seed) = 0;
    virtual SuiteLoadResult loadPromptSuite(const QString& nameOrPath) = 0;

    // Chat. Every call only queues work and returns the backend's request id at once; results
    // arrive through the sink (set before the first call), on any thread. Every load ends with
    // Loaded or Failed, every generate with exactly one Finished or Failed. A backend that cannot
    // chat answers each request with a Failed event.
    virtual void setEventSink(BackendEventSink sink) = 0;
    virtual quint64 loadModel(const QString& path, int contextLength, const QString& device) = 0;
    virtual quint64 unloadModel(quint64 model) = 0;
    virtual quint64 generate(const GenerationSpec& spec) = 0;
    virtual void cancel(quint64 request) = 0;
    virtual void closeConversation(quint64 model, quint64 conversation) = 0;
};

} // namespace agora::app
