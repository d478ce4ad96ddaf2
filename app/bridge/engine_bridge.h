// The GUI's one door to the engine. It owns a worker thread on which every engine call runs, so
// the window never waits on a driver; results come back as queued signals on the GUI thread.
// QML receives the bridge as an initial property of the window (no singletons, no globals).
//
// Chat: one model at a time is "the" model (load replaces nothing: unload first or load again
// after an unload); replies are identified by tickets the bridge hands out at once, so the GUI
// can match streamed text to a message before the engine has even seen the request. Token
// deltas are coalesced on the GUI thread (every ~30 ms) so a fast model cannot flood the view.
#pragma once

#include "bridge/chat_types.h"
#include "bridge/device_record.h"
#include "bridge/engine_backend.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QThread>
#include <QTimer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace agora::app {

// Lives on the bridge's worker thread; owns the mapping from backend request ids to tickets.
class EngineWorker : public QObject {
    Q_OBJECT
public:
    using Deliver = std::function<void(quint64 ticket, const BackendEvent& event)>;
    EngineWorker(std::shared_ptr<EngineBackend> backend, Deliver deliver);
    ~EngineWorker() override;

public slots:
    void scanDevices();
    void inspectModel(quint64 ticket, const QString& path, int contextLength);
    void computeLeaderboard(quint64 ticket, const QList<agora::app::ArenaVoteRecord>& votes, quint64 seed);
    void loadPromptSuite(quint64 ticket, const QString& nameOrPath);
    void loadModel(quint64 ticket, const QString& path, int contextLength, const QString& device);
    void unloadModel(quint64 ticket, quint64 model);
    void generate(quint64 ticket, const agora::app::GenerationSpec& spec);
    void cancel(quint64 ticket);
    void closeConversation(quint64 model, quint64 conversation);

signals:
    void devicesScanned(const agora::app::DeviceScan& scan);
    void modelInspected(quint64 ticket, const QString& path, const agora::app::InspectResult& result);
    void leaderboardComputed(quint64 ticket, const QList<agora::app::ArenaStandingRecord>& table);
    void promptSuiteLoaded(quint64 ticket, const agora::app::SuiteLoadResult& result);

private:
    void attachSink();
    void route(const BackendEvent& event);

    std::shared_ptr<EngineBackend> m_backend;
    Deliver m_deliver;
    bool m_sinkAttached = false;
    QHash<quint64, quint64> m_ticketByRequest; // backend request id -> bridge ticket
    QHash<quint64, quint64> m_modelByTicket;   // load ticket -> backend model id (its load request)
};

class EngineBridge : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The application creates the engine bridge and hands it to the window.")
    Q_PROPERTY(bool scanning READ scanning NOTIFY scanningChanged)
    Q_PROPERTY(bool hasScan READ hasScan NOTIFY devicesScanned)
    Q_PROPERTY(ModelState modelState READ modelState NOTIFY modelStateChanged)
    Q_PROPERTY(double loadProgress READ loadProgress NOTIFY loadProgressChanged)
    Q_PROPERTY(QString modelName READ modelName NOTIFY modelStateChanged)
    Q_PROPERTY(QString modelPath READ modelPath NOTIFY modelStateChanged)
    Q_PROPERTY(int contextLength READ contextLength NOTIFY modelStateChanged)
    Q_PROPERTY(bool continuationMode READ continuationMode NOTIFY modelStateChanged)
    Q_PROPERTY(QString modelError READ modelError NOTIFY modelStateChanged)
    Q_PROPERTY(bool generating READ generating NOTIFY generatingChanged)

public:
    enum class ModelState { NoModel, Loading, Ready, Unloading, Failed };
    Q_ENUM(ModelState)

    explicit EngineBridge(std::shared_ptr<EngineBackend> backend, QObject* parent = nullptr);
    ~EngineBridge() override;

    bool scanning() const { return m_scanning; }
    bool hasScan() const { return m_hasScan; }
    const DeviceScan& lastScan() const { return m_lastScan; }

    ModelState modelState() const { return m_modelState; }
    double loadProgress() const { return m_loadProgress; }
    QString modelName() const { return m_model.name; }
    QString modelPath() const { return m_model.path; }
    int contextLength() const { return m_model.contextLength; }
    bool continuationMode() const { return m_model.continuationMode; }
    QString modelError() const { return m_modelError; }
    bool generating() const { return !m_replies.isEmpty(); }

    // Starts a device enumeration on the worker thread; a no-op while one is running.
    Q_INVOKABLE void refreshDevices();

    // Loads a GGUF file (contextLength 0: the model's choice; device empty: the default GPU).
    // Refused (false) while a model is loaded or loading: unload first.
    Q_INVOKABLE bool loadModel(const QString& path, int contextLength = 0, const QString& device = QString());
    Q_INVOKABLE void unloadModel();

    // Starts a reply with the loaded model (spec.model is filled in); returns its ticket, or 0
    // when no model is ready (replyFailed follows with the reason).
    quint64 generate(GenerationSpec spec);

    // Reads a GGUF file's header on the worker thread (no weights); modelInspected follows with
    // the card (keys in chat_types.h) or a translated error. contextLength 0: the default size.
    Q_INVOKABLE quint64 inspectModel(const QString& path, int contextLength = 0);

    // Model slots: further models loaded next to "the" model (compare, arena, suites). Each load
    // returns a slot ticket at once; slotLoadProgress, then slotLoaded or slotLoadFailed follow.
    // generateOn() streams through the same replyDelta/replyFinished/replyFailed signals.
    Q_INVOKABLE quint64 loadSlot(const QString& path, int contextLength = 0, const QString& device = QString());
    Q_INVOKABLE void unloadSlot(quint64 slot); // stops its replies; slotUnloaded follows
    quint64 generateOn(quint64 slot, GenerationSpec spec);
    // name, path, contextLength, deviceBytes, continuationMode, templateWarning; empty until loaded.
    Q_INVOKABLE QVariantMap slotInfo(quint64 slot) const;
    Q_INVOKABLE void closeSlotConversation(quint64 slot, quint64 conversation);

    // The arena leaderboard for votes [{modelA, modelB, outcome: "a"|"b"|"tie"|"both-bad"}],
    // computed on the worker thread; leaderboardComputed follows with rows {model, rating, ciLow,
    // ciHigh, votes, wins, losses, ties, bothBad, winRate}, best first.
    Q_INVOKABLE quint64 computeLeaderboard(const QVariantList& votes, quint64 seed = 1);
    // A prompt suite: "perspectives" (built in) or a .jsonl/.csv file; promptSuiteLoaded follows
    // with prompts {id, category, language, system, text} or a translated error.
    Q_INVOKABLE quint64 loadPromptSuite(const QString& nameOrPath);
    // Stops one reply (its Finished arrives with stop reason "cancelled"), or every reply.
    Q_INVOKABLE void stop(quint64 ticket);
    Q_INVOKABLE void stopAll();
    Q_INVOKABLE void closeConversation(quint64 conversation);

    // The sentence a user reads for an engine error code, translated, followed by the detail.
    static QString describeError(const BackendError& error);

signals:
    void scanningChanged();
    void devicesScanned(const agora::app::DeviceScan& scan);
    void scanRequested(); // internal: crosses to the worker thread

    void modelStateChanged();
    void loadProgressChanged();
    void generatingChanged();
    void modelLoadFailed(const QString& message);

    // A reply's new text since the last delta (coalesced), then exactly one of finished/failed.
    // stats: modelName, tokensPerSecond, seconds, generatedTokens, promptTokens,
    // timeToFirstTokenMs, stopReason, text, reasoning, refusal, refusalPhrase.
    void replyDelta(quint64 ticket, const QString& text, const QString& reasoning);
    void replyFinished(quint64 ticket, const QVariantMap& stats);
    void replyFailed(quint64 ticket, const QString& message);
    void contextOverflow(quint64 ticket, const QString& message);

    void modelInspected(quint64 ticket, const QString& path, const QVariantMap& card, const QString& error);
    void slotLoadProgress(quint64 slot, double fraction);
    void slotLoaded(quint64 slot, const QVariantMap& info);
    void slotLoadFailed(quint64 slot, const QString& message, const QString& code);
    void slotUnloaded(quint64 slot);
    void leaderboardComputed(quint64 ticket, const QVariantList& rows);
    void promptSuiteLoaded(quint64 ticket, const QVariantList& prompts, const QString& error);

    // internal: cross to the worker thread
    void inspectRequested(quint64 ticket, const QString& path, int contextLength);
    void leaderboardRequested(quint64 ticket, const QList<agora::app::ArenaVoteRecord>& votes, quint64 seed);
    void suiteRequested(quint64 ticket, const QString& nameOrPath);
    void loadRequested(quint64 ticket, const QString& path, int contextLength, const QString& device);
    void unloadRequested(quint64 ticket, quint64 model);
    void generateRequested(quint64 ticket, const agora::app::GenerationSpec& spec);
    void cancelRequested(quint64 ticket);
    void closeRequested(quint64 model, quint64 conversation);

private:
    struct PendingReply {
        QString text;
        QString reasoning;
        QElapsedTimer clock;
        QString modelName;
        quint64 slot = 0; // 0: "the" model
    };

    void onDevicesScanned(const DeviceScan& scan);
    void onInspected(quint64 ticket, const QString& path, const InspectResult& result);
    bool onSlotEvent(quint64 ticket, const BackendEvent& event);
    void onEvent(quint64 ticket, const BackendEvent& event);
    void flushDeltas();
    void flushReply(quint64 ticket, PendingReply& reply);
    void setModelState(ModelState state);
    void finishReply(quint64 ticket);

    QThread m_thread;
    EngineWorker* m_worker = nullptr; // owned by m_thread's event loop, deleted on finish
    DeviceScan m_lastScan;
    bool m_scanning = false;
    bool m_hasScan = false;

    quint64 m_nextTicket = 1;
    quint64 m_loadTicket = 0;   // the ticket of the load in flight or of the loaded model
    quint64 m_unloadTicket = 0;
    ModelState m_modelState = ModelState::NoModel;
    double m_loadProgress = 0.0;
    LoadedModelInfo m_model;
    QString m_modelError;
    QHash<quint64, PendingReply> m_replies;
    struct Slot {
        bool loaded = false;
        LoadedModelInfo info;
        quint64 unloadTicket = 0;
    };
    QHash<quint64, Slot> m_slots;              // slot ticket -> its model
    QHash<quint64, quint64> m_slotByUnload;    // unload ticket -> slot ticket
    QTimer m_coalesce;
};

} // namespace agora::app
