// One prompt suite run across several models, unattended: every prompt is asked in a fresh
// conversation of every model, one answer at a time, and each cell of the prompt x model table
// gets the answer, its length, time, tokens/s, stop reason and refusal flag. Cancel stops the
// answer in progress and keeps everything finished; a model that fails marks its own cells and
// the run goes on with the others.
//
// Why it drives the bridge's model slots itself instead of a CompareSession: a suite wants
// comparable timings, so answers run strictly one after another (two models sharing the device
// would each look slower), and when the models do not fit together it wants each model loaded
// once for all its prompts, not swapped in and out per prompt. Both are scheduling choices of
// the run, not of a side-by-side chat.
//
// Why results are saved as one JSON file per run (<data>/suite-runs/) rather than as "suite"
// conversations in the history store: a run is a table, not a dialogue. As conversations, a
// 20-prompt x 4-model run would be 80 threads in the chat sidebar and in search, and the table
// (which cell belongs to which prompt and model, the per-run settings) would have to be rebuilt
// from message metadata. The file is self-describing ("format": "agora.suite-run"), written
// atomically after every answer (a crash loses at most the answer in progress) and reopened as
// it was.
#pragma once

#include "bridge/engine_bridge.h"
#include "suites/suite_results_model.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace agora::app {

class SuiteRun : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(agora::app::EngineBridge* bridge READ bridge WRITE setBridge NOTIFY bridgeChanged)
    Q_PROPERTY(QString resultsFolder READ resultsFolder WRITE setResultsFolder NOTIFY resultsFolderChanged)
    Q_PROPERTY(int maxTokens READ maxTokens WRITE setMaxTokens NOTIFY maxTokensChanged)

    Q_PROPERTY(QString suiteName READ suiteName NOTIFY suiteChanged)
    Q_PROPERTY(QString suiteSource READ suiteSource NOTIFY suiteChanged)
    Q_PROPERTY(QVariantList prompts READ prompts NOTIFY suiteChanged)
    Q_PROPERTY(bool loadingSuite READ loadingSuite NOTIFY suiteChanged)
    Q_PROPERTY(QString suiteError READ suiteError NOTIFY suiteChanged)

    Q_PROPERTY(RunState state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool running READ running NOTIFY stateChanged)
    Q_PROPERTY(QString notice READ notice NOTIFY stateChanged)
    Q_PROPERTY(QString savedPath READ savedPath NOTIFY stateChanged)
    Q_PROPERTY(int done READ done NOTIFY progressChanged)
    Q_PROPERTY(int total READ total NOTIFY progressChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString currentPrompt READ currentPrompt NOTIFY progressChanged)
    Q_PROPERTY(QString currentModel READ currentModel NOTIFY progressChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY progressChanged)
    Q_PROPERTY(double elapsedSeconds READ elapsedSeconds NOTIFY progressChanged)
    Q_PROPERTY(double remainingSeconds READ remainingSeconds NOTIFY progressChanged) // -1: unknown yet
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(agora::app::SuiteResultsModel* results READ results CONSTANT)
    Q_PROPERTY(QVariantList savedRuns READ savedRuns NOTIFY savedRunsChanged)

public:
    // Idle: nothing run yet; Finished/Cancelled: a table to read (also after openRun).
    enum class RunState { Idle, Running, Cancelling, Finished, Cancelled };
    Q_ENUM(RunState)

    explicit SuiteRun(QObject* parent = nullptr);
    ~SuiteRun() override;

    EngineBridge* bridge() const { return m_bridge; }
    void setBridge(EngineBridge* bridge);
    QString resultsFolder() const { return m_resultsFolder; }
    void setResultsFolder(const QString& folder);
    int maxTokens() const { return m_maxTokens; }
    void setMaxTokens(int tokens);

    QString suiteName() const { return m_suiteName; }
    QString suiteSource() const { return m_suiteSource; }
    QVariantList prompts() const;
    bool loadingSuite() const { return m_suiteTicket != 0; }
    QString suiteError() const { return m_suiteError; }

    RunState state() const { return m_state; }
    bool running() const { return m_state == RunState::Running || m_state == RunState::Cancelling; }
    QString notice() const { return m_results->results().notice; }
    QString savedPath() const { return m_savedPath; }
    int done() const { return m_results->results().finishedCount(); }
    int total() const { return m_results->results().cellCount(); }
    double progress() const;
    QString currentPrompt() const;
    QString currentModel() const;
    QString statusText() const { return m_statusText; }
    double elapsedSeconds() const;
    double remainingSeconds() const;
    QString lastError() const { return m_lastError; }
    SuiteResultsModel* results() const { return m_results; }
    QVariantList savedRuns() const { return m_savedRuns; }

    // "perspectives" (built in), or a .jsonl/.csv file as a path or file:// URL. suiteChanged
    // follows once the engine has read it; on error the previous suite stays.
    Q_INVOKABLE bool loadSuite(const QString& nameOrPath);
    // Runs the loaded suite on these model files (paths or file:// URLs). False with lastError
    // when it cannot start (no suite, no model, already running).
    Q_INVOKABLE bool start(const QStringList& modelPaths);
    Q_INVOKABLE void cancel();
    // Shows a saved run (path from savedRuns); false with lastError when it cannot be read.
    Q_INVOKABLE bool openRun(const QString& path);
    Q_INVOKABLE void refreshSavedRuns();
    // format: "csv", "md", "html"; path or file:// URL. False with lastError on failure.
    Q_INVOKABLE bool exportResults(const QString& format, const QString& pathOrUrl);
    // A file name for the export dialog: "<suite>-<date>.<ext>".
    Q_INVOKABLE QString suggestedExportName(const QString& format) const;

signals:
    void bridgeChanged();
    void resultsFolderChanged();
    void maxTokensChanged();
    void suiteChanged();
    void stateChanged();
    void progressChanged();
    void lastErrorChanged();
    void savedRunsChanged();
    void finished(); // the run ended, completed or cancelled; results saved

private:
    struct ModelSlot {
        quint64 slot = 0;
        bool loaded = false;
        bool failed = false;
        bool continuationMode = false;
    };

    void onPromptSuiteLoaded(quint64 ticket, const QVariantList& prompts, const QString& error);
    void onSlotLoadProgress(quint64 slot, double fraction);
    void onSlotLoaded(quint64 slot, const QVariantMap& info);
    void onSlotLoadFailed(quint64 slot, const QString& message, const QString& code);
    void onSlotUnloaded(quint64 slot);
    void onReplyDelta(quint64 ticket, const QString& text, const QString& reasoning);
    void onReplyFinished(quint64 ticket, const QVariantMap& stats);
    void onReplyFailed(quint64 ticket, const QString& message);

    void step();
    void beginLoad(int model);
    void beginCell(int prompt, int model);
    void finishCell(SuiteCell cell);
    void failModel(int model, const QString& message);
    void switchToOneAtATime();
    void unloadSlot(int model);
    void finishRun(RunState endState);
    int modelForSlot(quint64 slot) const;
    bool save();
    void setState(RunState state);
    void setStatus(const QString& text);
    void setLastError(const QString& message);

    QPointer<EngineBridge> m_bridge;
    QString m_resultsFolder;
    int m_maxTokens = 512;

    quint64 m_suiteTicket = 0;
    QString m_suiteName;
    QString m_suiteSource;
    QString m_pendingSuiteSource;
    QList<SuitePrompt> m_prompts;
    QString m_suiteError;

    SuiteResultsModel* m_results = nullptr; // child
    RunState m_state = RunState::Idle;
    QList<ModelSlot> m_slots;      // per model column
    QList<QList<int>> m_groups;    // models loaded together; one group, or one per model
    int m_group = 0;
    int m_loadingModel = -1;
    QSet<quint64> m_unloading;     // slots asked to unload, not yet confirmed
    quint64 m_ticket = 0;          // the answer in flight
    int m_cellPrompt = -1;
    int m_cellModel = -1;
    quint64 m_nextConversation = 1;
    quint64 m_cellConversation = 0; // the fresh conversation of the answer in flight
    QElapsedTimer m_clock;
    double m_answeredSeconds = 0.0; // wall time of the answers finished in this run
    int m_answered = 0;
    QTimer m_tick;                  // elapsed / remaining time while running
    QElapsedTimer m_lastSave;       // when the run's file was last written
    QString m_statusText;
    QString m_savedPath;
    QString m_lastError;
    QVariantList m_savedRuns;
};

} // namespace agora::app
