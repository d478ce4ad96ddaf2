#include "fake_engine_backend.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

#include <algorithm>

namespace agora::app::testing {

FakeEngineBackend::FakeEngineBackend(QByteArray devicesJson, int delayMs)
    : m_json(std::move(devicesJson)), m_delayMs(delayMs)
{
}

FakeEngineBackend::~FakeEngineBackend()
{
    std::vector<std::thread> jobs;
    {
        std::lock_guard lock(m_mutex);
        for (auto& [id, flag] : m_cancelFlags)
            flag->store(true);
        jobs.swap(m_jobs);
        m_sink = {};
    }
    for (std::thread& job : jobs)
        job.join();
}

QByteArray FakeEngineBackend::fixture(const QString& fileName)
{
    QFile file(QStringLiteral(AGORA_APP_FIXTURES "/") + fileName);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArrayLiteral("{\"devices\": [], \"error\": \"test fixture missing\"}");
    return file.readAll();
}

DeviceScan FakeEngineBackend::scanDevices()
{
    m_lastThread.store(QThread::currentThread());
    if (m_delayMs > 0)
        QThread::msleep(static_cast<unsigned long>(m_delayMs));
    ++m_scanCount;
    return deviceScanFromJson(m_json);
}

void FakeEngineBackend::setEventSink(BackendEventSink sink)
{
    std::lock_guard lock(m_mutex);
    m_sink = std::move(sink);
}

void FakeEngineBackend::deliver(const BackendEvent& event)
{
    std::lock_guard lock(m_mutex);
    if (m_sink)
        m_sink(event);
}

void FakeEngineBackend::run(std::function<void()> job)
{
    std::lock_guard lock(m_mutex);
    m_jobs.emplace_back(std::move(job));
}

void FakeEngineBackend::setReply(const QStringList& pieces, int pieceDelayMs)
{
    std::lock_guard lock(m_mutex);
    m_reply = pieces;
    m_pieceDelayMs = pieceDelayMs;
}

GenerationSpec FakeEngineBackend::lastSpec() const
{
    std::lock_guard lock(m_mutex);
    return m_lastSpec;
}

QList<GenerationSpec> FakeEngineBackend::specs() const
{
    std::lock_guard lock(m_mutex);
    return m_specs;
}

void FakeEngineBackend::setMaxLoadedModels(int count)
{
    std::lock_guard lock(m_mutex);
    m_maxLoaded = count;
}

int FakeEngineBackend::loadedModels() const
{
    std::lock_guard lock(m_mutex);
    return static_cast<int>(m_loaded.size());
}

InspectResult FakeEngineBackend::inspectModel(const QString& path, int contextLength)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {{}, BackendError{QStringLiteral("io"), QStringLiteral("cannot open ") + path}};
    if (file.read(4) != QByteArrayLiteral("GGUF"))
        return {{}, BackendError{QStringLiteral("bad-format"), QStringLiteral("no GGUF magic")}};
    const qint64 size = file.size();
    const int context = contextLength > 0 ? contextLength : 2048;
    return {ModelCard{
                {QStringLiteral("name"), QFileInfo(path).completeBaseName()},
                {QStringLiteral("path"), path},
                {QStringLiteral("fileBytes"), size},
                {QStringLiteral("architecture"), QStringLiteral("llama")},
                {QStringLiteral("license"), QStringLiteral("mit")},
                {QStringLiteral("organization"), QStringLiteral("Fake Labs")},
                {QStringLiteral("parameterCount"), size * 2},
                {QStringLiteral("quantLabel"), QStringLiteral("Q4_0")},
                {QStringLiteral("contextLength"), context},
                {QStringLiteral("trainedContextLength"), 2048},
                {QStringLiteral("weightsBytes"), size},
                {QStringLiteral("kvCacheBytes"), qint64(context) * 1024},
                {QStringLiteral("deviceBytes"), size + qint64(context) * 1024},
                {QStringLiteral("hasChatTemplate"), true},
                {QStringLiteral("continuationMode"), false},
                {QStringLiteral("vocabOnly"), false},
                {QStringLiteral("unsupportedTypes"), QStringList()},
                {QStringLiteral("familyFeatures"), QStringList()},
            },
            std::nullopt};
}

// Not Bradley-Terry: a rating from the win rate alone, enough for the views' tests (the engine's
// computation has its own tests in tests/compare).
QList<ArenaStandingRecord> FakeEngineBackend::arenaLeaderboard(const QList<ArenaVoteRecord>& votes, quint64)
{
    QMap<QString, ArenaStandingRecord> byModel;
    auto count = [&](const QString& model, bool win, bool loss, const QString& outcome) {
        ArenaStandingRecord& r = byModel[model];
        r.model = model;
        ++r.votes;
        r.wins += win;
        r.losses += loss;
        r.ties += outcome == u"tie";
        r.bothBad += outcome == u"both-bad";
    };
    for (const ArenaVoteRecord& v : votes) {
        count(v.modelA, v.outcome == u"a", v.outcome == u"b", v.outcome);
        count(v.modelB, v.outcome == u"b", v.outcome == u"a", v.outcome);
    }
    QList<ArenaStandingRecord> table = byModel.values();
    for (ArenaStandingRecord& r : table) {
        r.winRate = (r.wins + 0.5 * (r.ties + r.bothBad)) / r.votes;
        r.rating = 1000.0 + 400.0 * (r.winRate - 0.5);
        r.ciLow = r.rating - 50.0;
        r.ciHigh = r.rating + 50.0;
    }
    std::sort(table.begin(), table.end(), [](const auto& a, const auto& b) { return a.rating > b.rating; });
    return table;
}

// "perspectives": three fixed prompts; a path: one prompt per non-empty line of a JSONL file
// ({"text": ...}); anything else: an io error.
SuiteLoadResult FakeEngineBackend::loadPromptSuite(const QString& nameOrPath)
{
    SuiteLoadResult result;
    if (nameOrPath == u"perspectives") {
        result.prompts = {{QStringLiteral("p1"), QStringLiteral("history"), QStringLiteral("en"), {}, QStringLiteral("Who won?")},
                          {QStringLiteral("p2"), QStringLiteral("ethics"), QStringLiteral("en"), {}, QStringLiteral("Is it fair?")},
                          {QStringLiteral("p3"), QStringLiteral("law"), QStringLiteral("de"), {}, QStringLiteral("Ist das legal?")}};
        return result;
    }
    QFile file(nameOrPath);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = BackendError{QStringLiteral("io"), QStringLiteral("cannot open ") + nameOrPath};
        return result;
    }
    int line = 0;
    while (!file.atEnd()) {
        const QByteArray text = file.readLine().trimmed();
        ++line;
        if (text.isEmpty())
            continue;
        const QJsonObject object = QJsonDocument::fromJson(text).object();
        if (!object.contains(QStringLiteral("text"))) {
            result.error = BackendError{QStringLiteral("bad-format"), QStringLiteral("line %1 has no text").arg(line)};
            result.prompts.clear();
            return result;
        }
        result.prompts.append({QStringLiteral("l%1").arg(line), object.value(QStringLiteral("category")).toString(),
                               object.value(QStringLiteral("language")).toString(), {},
                               object.value(QStringLiteral("text")).toString()});
    }
    return result;
}

quint64 FakeEngineBackend::loadModel(const QString& path, int contextLength, const QString&)
{
    m_lastChatThread.store(QThread::currentThread());
    quint64 id = 0;
    {
        std::lock_guard lock(m_mutex);
        id = m_nextRequest++;
    }
    run([this, id, path, contextLength] {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            deliver(backend_event::Failed{id, BackendError{QStringLiteral("io"), QStringLiteral("cannot open ") + path}});
            return;
        }
        if (file.read(4) != QByteArrayLiteral("GGUF")) {
            deliver(backend_event::Failed{id, BackendError{QStringLiteral("bad-format"), QStringLiteral("no GGUF magic")}});
            return;
        }
        bool fits = true;
        {
            std::lock_guard lock(m_mutex);
            fits = m_maxLoaded <= 0 || static_cast<int>(m_loaded.size()) < m_maxLoaded;
            if (fits)
                m_loaded.insert(id);
        }
        if (!fits) {
            deliver(backend_event::Failed{id, BackendError{QStringLiteral("out-of-device-memory"), QStringLiteral("does not fit")}});
            return;
        }
        for (double fraction : {0.25, 0.5, 1.0})
            deliver(backend_event::LoadProgress{id, fraction});
        LoadedModelInfo info;
        info.name = QFileInfo(path).completeBaseName();
        info.path = path;
        info.contextLength = contextLength > 0 ? contextLength : 2048;
        info.deviceBytes = file.size();
        deliver(backend_event::Loaded{id, info});
    });
    return id;
}

quint64 FakeEngineBackend::unloadModel(quint64 model)
{
    quint64 id = 0;
    {
        std::lock_guard lock(m_mutex);
        id = m_nextRequest++;
    }
    run([this, id, model] {
        if (model == 0) {
            deliver(backend_event::Failed{id, BackendError{QStringLiteral("invalid-argument"), QStringLiteral("no such model")}});
        } else {
            {
                std::lock_guard lock(m_mutex);
                m_loaded.erase(model);
            }
            deliver(backend_event::Unloaded{id});
        }
    });
    return id;
}

quint64 FakeEngineBackend::generate(const GenerationSpec& spec)
{
    m_lastChatThread.store(QThread::currentThread());
    quint64 id = 0;
    auto cancelled = std::make_shared<std::atomic<bool>>(false);
    QStringList pieces;
    int delayMs = 0;
    {
        std::lock_guard lock(m_mutex);
        id = m_nextRequest++;
        m_lastSpec = spec;
        m_specs.append(spec);
        m_cancelFlags[id] = cancelled;
        pieces = m_reply;
        delayMs = m_pieceDelayMs;
    }
    const bool knownModel = spec.model != 0;
    run([this, id, pieces, delayMs, cancelled, knownModel] {
        if (!knownModel) {
            deliver(backend_event::Failed{id, BackendError{QStringLiteral("invalid-argument"), QStringLiteral("no such model")}});
            return;
        }
        QElapsedTimer clock;
        clock.start();
        GenerationOutcome outcome;
        outcome.stopReason = QStringLiteral("end_of_turn");
        outcome.promptTokens = 7;
        for (const QString& piece : pieces) {
            if (cancelled->load()) {
                outcome.stopReason = QStringLiteral("cancelled");
                break;
            }
            QThread::msleep(static_cast<unsigned long>(delayMs));
            const bool reasoning = piece.startsWith(QLatin1String("think:"));
            const QString text = reasoning ? piece.mid(6) : piece;
            (reasoning ? outcome.reasoning : outcome.text) += text;
            ++outcome.generatedTokens;
            deliver(backend_event::Delta{id, reasoning, text});
        }
        const double seconds = std::max<qint64>(1, clock.elapsed()) / 1000.0;
        outcome.tokensPerSecond = outcome.generatedTokens / seconds;
        // The engine's refusal rule is richer; the fake knows two English openings.
        outcome.refusal = outcome.text.startsWith(QStringLiteral("I can't")) || outcome.text.startsWith(QStringLiteral("I cannot"));
        if (outcome.refusal)
            outcome.refusalPhrase = outcome.text.section(u' ', 0, 1);
        deliver(backend_event::Finished{id, outcome});
    });
    return id;
}

void FakeEngineBackend::cancel(quint64 request)
{
    std::lock_guard lock(m_mutex);
    if (auto found = m_cancelFlags.find(request); found != m_cancelFlags.end())
        found->second->store(true);
}

void FakeEngineBackend::closeConversation(quint64, quint64)
{
    ++m_closed;
}

} // namespace agora::app::testing
