// A test EngineBackend that answers device scans from a JSON fixture (the `agora-cli devices
// --json` format), optionally after a delay, and counts how often and on which thread it was
// asked. Chat: loads accept any file that starts with the GGUF magic (name = file base name);
// replies stream a scripted list of pieces from a thread of their own, as the engine does, and
// stop early when cancelled.
#pragma once

#include "bridge/engine_backend.h"

#include <QByteArray>
#include <QStringList>
#include <QThread>

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace agora::app::testing {

class FakeEngineBackend final : public EngineBackend {
public:
    explicit FakeEngineBackend(QByteArray devicesJson, int delayMs = 0);
    ~FakeEngineBackend() override;

    // Reads a fixture from tests/app/fixtures by file name; an empty scan with an error if missing.
    static QByteArray fixture(const QString& fileName);

    DeviceScan scanDevices() override;
    // A card from the file's name and size (any file with the GGUF magic), else bad-format.
    InspectResult inspectModel(const QString& path, int contextLength) override;
    QList<ArenaStandingRecord> arenaLeaderboard(const QList<ArenaVoteRecord>& votes, quint64 seed) override;
    SuiteLoadResult loadPromptSuite(const QString& nameOrPath) override;

    void setEventSink(BackendEventSink sink) override;
    quint64 loadModel(const QString& path, int contextLength, const QString& device) override;
    quint64 unloadModel(quint64 model) override;
    quint64 generate(const GenerationSpec& spec) override;
    void cancel(quint64 request) override;
    void closeConversation(quint64 model, quint64 conversation) override;

    // What the next replies stream (one delta per piece; pieces starting with "think:" are
    // reasoning) and how long each piece takes.
    void setReply(const QStringList& pieces, int pieceDelayMs);

    int scanCount() const { return m_scanCount.load(); }
    QThread* lastScanThread() const { return m_lastThread.load(); }
    QThread* lastChatThread() const { return m_lastChatThread.load(); }
    GenerationSpec lastSpec() const;
    // Every spec generate() received, oldest first (concurrent replies: in the order they came).
    QList<GenerationSpec> specs() const;
    // Loads beyond this many loaded models fail with "out-of-device-memory" (0: no limit).
    void setMaxLoadedModels(int count);
    int loadedModels() const;
    int closedConversations() const { return m_closed.load(); }

private:
    void deliver(const BackendEvent& event);
    void run(std::function<void()> job);

    QByteArray m_json;
    int m_delayMs = 0;
    std::atomic<int> m_scanCount{0};
    std::atomic<QThread*> m_lastThread{nullptr};
    std::atomic<QThread*> m_lastChatThread{nullptr};
    std::atomic<int> m_closed{0};

    mutable std::mutex m_mutex; // everything below
    BackendEventSink m_sink;
    QStringList m_reply{QStringLiteral("Hello"), QStringLiteral(" there")};
    int m_pieceDelayMs = 5;
    GenerationSpec m_lastSpec;
    QList<GenerationSpec> m_specs;
    int m_maxLoaded = 0;
    std::set<quint64> m_loaded; // model ids (their load requests) loaded and not unloaded
    std::map<quint64, std::shared_ptr<std::atomic<bool>>> m_cancelFlags;
    quint64 m_nextRequest = 100;
    std::vector<std::thread> m_jobs;
};

} // namespace agora::app::testing
