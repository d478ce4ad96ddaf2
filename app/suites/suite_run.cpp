#include "suites/suite_run.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>

#include <algorithm>

namespace agora::app {
namespace {

constexpr auto BuiltInSuite = "perspectives";
constexpr auto OutOfDeviceMemory = "out-of-device-memory";

// Paths from QML dialogs arrive as file:// URLs; typed paths as they are.
QString localPath(const QString& pathOrUrl)
{
    if (pathOrUrl.startsWith(QLatin1String("file:")))
        return QUrl(pathOrUrl).toLocalFile();
    return pathOrUrl;
}

// Greedy decoding: the same model answers the same prompt the same way on every run, so a
// difference between two runs or two models is the model's, not the dice's.
SamplingSettings suiteSampling()
{
    SamplingSettings sampling;
    sampling.temperature = 0.0;
    sampling.seed = 1;
    return sampling;
}

} // namespace

SuiteRun::SuiteRun(QObject* parent)
    : QObject(parent), m_results(new SuiteResultsModel(this))
{
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &SuiteRun::progressChanged);
    connect(m_results, &SuiteResultsModel::summaryChanged, this, &SuiteRun::progressChanged);
}

SuiteRun::~SuiteRun()
{
    // Closing the page mid-run: stop the answer and free the models; what finished is saved.
    if (running() && m_bridge) {
        if (m_ticket != 0)
            m_bridge->stop(m_ticket);
        for (int m = 0; m < m_slots.size(); ++m)
            unloadSlot(m);
        save();
    }
}

void SuiteRun::setBridge(EngineBridge* bridge)
{
    if (m_bridge == bridge)
        return;
    if (m_bridge)
        disconnect(m_bridge, nullptr, this, nullptr);
    m_bridge = bridge;
    if (bridge) {
        connect(bridge, &EngineBridge::promptSuiteLoaded, this, &SuiteRun::onPromptSuiteLoaded);
        connect(bridge, &EngineBridge::slotLoadProgress, this, &SuiteRun::onSlotLoadProgress);
        connect(bridge, &EngineBridge::slotLoaded, this, &SuiteRun::onSlotLoaded);
        connect(bridge, &EngineBridge::slotLoadFailed, this, &SuiteRun::onSlotLoadFailed);
        connect(bridge, &EngineBridge::slotUnloaded, this, &SuiteRun::onSlotUnloaded);
        connect(bridge, &EngineBridge::replyDelta, this, &SuiteRun::onReplyDelta);
        connect(bridge, &EngineBridge::replyFinished, this, &SuiteRun::onReplyFinished);
        connect(bridge, &EngineBridge::replyFailed, this, &SuiteRun::onReplyFailed);
    }
    emit bridgeChanged();
}

void SuiteRun::setResultsFolder(const QString& folder)
{
    const QString cleaned = folder.isEmpty() ? QString() : QDir::cleanPath(localPath(folder));
    if (m_resultsFolder == cleaned)
        return;
    m_resultsFolder = cleaned;
    emit resultsFolderChanged();
    refreshSavedRuns();
}

void SuiteRun::setMaxTokens(int tokens)
{
    tokens = std::clamp(tokens, 16, 8192);
    if (m_maxTokens == tokens)
        return;
    m_maxTokens = tokens;
    emit maxTokensChanged();
}

QVariantList SuiteRun::prompts() const
{
    QVariantList out;
    for (const SuitePrompt& p : m_prompts) {
        out.append(QVariantMap{{QStringLiteral("id"), p.id}, {QStringLiteral("category"), p.category},
                               {QStringLiteral("language"), p.language}, {QStringLiteral("system"), p.system},
                               {QStringLiteral("text"), p.text}});
    }
    return out;
}

double SuiteRun::progress() const
{
    const int all = total();
    return all > 0 ? double(done()) / all : 0.0;
}

QString SuiteRun::currentPrompt() const
{
    const SuiteResults& r = m_results->results();
    return m_cellPrompt >= 0 && m_cellPrompt < r.prompts.size() ? r.prompts.at(m_cellPrompt).text : QString();
}

QString SuiteRun::currentModel() const
{
    const SuiteResults& r = m_results->results();
    const int model = m_cellModel >= 0 ? m_cellModel : m_loadingModel;
    return model >= 0 && model < r.models.size() ? r.models.at(model).name : QString();
}

double SuiteRun::elapsedSeconds() const
{
    if (running())
        return m_clock.elapsed() / 1000.0;
    const SuiteResults& r = m_results->results();
    return r.startedAt.isValid() && r.finishedAt.isValid() ? r.startedAt.msecsTo(r.finishedAt) / 1000.0 : 0.0;
}

// The mean wall time of the answers so far times the cells left; model loads are not in it,
// so the estimate is honest only once every model has answered once.
double SuiteRun::remainingSeconds() const
{
    if (!running())
        return 0.0;
    if (m_answered == 0)
        return -1.0;
    return m_answeredSeconds / m_answered * std::max(0, total() - done());
}

bool SuiteRun::loadSuite(const QString& nameOrPath)
{
    if (!m_bridge) {
        setLastError(tr("The engine is not available."));
        return false;
    }
    const QString source = nameOrPath.compare(QLatin1String(BuiltInSuite), Qt::CaseInsensitive) == 0
                               ? QString::fromLatin1(BuiltInSuite)
                               : localPath(nameOrPath);
    if (source.isEmpty()) {
        setLastError(tr("Choose a suite file first."));
        return false;
    }
    m_pendingSuiteSource = source;
    m_suiteTicket = m_bridge->loadPromptSuite(source);
    m_suiteError.clear();
    emit suiteChanged();
    return true;
}

void SuiteRun::onPromptSuiteLoaded(quint64 ticket, const QVariantList& prompts, const QString& error)
{
    if (ticket != m_suiteTicket)
        return;
    m_suiteTicket = 0;
    if (!error.isEmpty() || prompts.isEmpty()) {
        m_suiteError = !error.isEmpty() ? error
                                        : tr("%1 holds no prompts.").arg(QFileInfo(m_pendingSuiteSource).fileName());
        emit suiteChanged();
        return;
    }
    m_prompts.clear();
    for (const QVariant& value : prompts) {
        const QVariantMap p = value.toMap();
        m_prompts.append({p.value(QStringLiteral("id")).toString(), p.value(QStringLiteral("category")).toString(),
                          p.value(QStringLiteral("language")).toString(), p.value(QStringLiteral("system")).toString(),
                          p.value(QStringLiteral("text")).toString()});
    }
    m_suiteSource = m_pendingSuiteSource;
    m_suiteName = m_suiteSource == QLatin1String(BuiltInSuite) ? tr("Perspectives")
                                                               : QFileInfo(m_suiteSource).completeBaseName();
    m_suiteError.clear();
    emit suiteChanged();
}

bool SuiteRun::start(const QStringList& modelPaths)
{
    if (running()) {
        setLastError(tr("A suite is already running; cancel it first."));
        return false;
    }
    if (!m_bridge) {
        setLastError(tr("The engine is not available."));
        return false;
    }
    if (m_prompts.isEmpty()) {
        setLastError(tr("Choose a suite first."));
        return false;
    }
    QStringList paths;
    for (const QString& p : modelPaths) {
        const QString path = localPath(p);
        if (!path.isEmpty() && !paths.contains(path))
            paths << path;
    }
    if (paths.isEmpty()) {
        setLastError(tr("Choose at least one model."));
        return false;
    }

    SuiteResults results;
    results.suiteName = m_suiteName;
    results.suiteSource = m_suiteSource;
    results.startedAt = QDateTime::currentDateTime();
    results.settingsText = tr("greedy decoding (temperature 0), at most %1 tokens per answer, "
                              "every prompt in a fresh conversation").arg(m_maxTokens);
    for (const QString& path : paths)
        results.models.append({QFileInfo(path).completeBaseName(), path});
    results.prompts = m_prompts;
    results.resetCells();
    m_results->setResults(results);

    m_slots = QList<ModelSlot>(paths.size());
    QList<int> everyModel;
    for (int m = 0; m < paths.size(); ++m)
        everyModel << m;
    m_groups = {everyModel};
    m_group = 0;
    m_loadingModel = -1;
    m_ticket = 0;
    m_cellPrompt = m_cellModel = -1;
    m_answered = 0;
    m_answeredSeconds = 0.0;
    m_clock.start();
    m_lastSave.invalidate(); // the first answer is written at once
    m_tick.start();
    setLastError(QString());

    QDir folder(m_resultsFolder);
    m_savedPath = m_resultsFolder.isEmpty() ? QString()
                  : folder.filePath(QStringLiteral("suite-run-%1.json")
                                        .arg(results.startedAt.toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"))));
    setState(RunState::Running);
    step();
    return true;
}

void SuiteRun::step()
{
    if (m_state != RunState::Running || !m_bridge)
        return;
    const SuiteResults& r = m_results->results();
    while (m_group < m_groups.size()) {
        const QList<int>& group = m_groups.at(m_group);
        // Load this group's models one at a time (a clear progress line, one memory peak).
        // A model unloaded to make room must be gone before the next one loads.
        for (int m : group) {
            if (!m_slots.at(m).loaded && !m_slots.at(m).failed) {
                if (m_loadingModel < 0 && m_unloading.isEmpty())
                    beginLoad(m);
                return;
            }
        }
        // Then every prompt on every model of the group, prompt by prompt.
        for (int p = 0; p < r.prompts.size(); ++p) {
            for (int m : group) {
                if (r.cells.at(p).at(m).state == SuiteCell::State::Pending && !m_slots.at(m).failed) {
                    beginCell(p, m);
                    return;
                }
            }
        }
        // One model at a time: free this one before the next loads.
        if (m_groups.size() > 1) {
            for (int m : group)
                unloadSlot(m);
        }
        ++m_group;
    }
    finishRun(RunState::Finished);
}

void SuiteRun::beginLoad(int model)
{
    m_loadingModel = model;
    m_cellPrompt = m_cellModel = -1;
    const SuiteModelColumn& column = m_results->results().models.at(model);
    setStatus(tr("Loading %1…").arg(column.name));
    m_slots[model].slot = m_bridge->loadSlot(column.path);
}

void SuiteRun::beginCell(int prompt, int model)
{
    const SuitePrompt& p = m_results->results().prompts.at(prompt);
    GenerationSpec spec;
    spec.conversation = m_nextConversation++;
    m_cellConversation = spec.conversation;
    spec.sampling = suiteSampling();
    spec.maxTokens = m_maxTokens;
    if (m_slots.at(model).continuationMode) {
        // A base model continues text: the system prompt, if any, leads the text it continues.
        spec.rawPrompt = p.system.isEmpty() ? p.text : p.system + QStringLiteral("\n\n") + p.text;
    } else {
        if (!p.system.isEmpty())
            spec.messages.append({QStringLiteral("system"), p.system});
        spec.messages.append({QStringLiteral("user"), p.text});
    }
    m_cellPrompt = prompt;
    m_cellModel = model;
    SuiteCell cell;
    cell.state = SuiteCell::State::Running;
    m_results->setCell(prompt, model, cell);
    setStatus(tr("Asking %1: prompt %2 of %3")
                  .arg(m_results->results().models.at(model).name)
                  .arg(prompt + 1)
                  .arg(m_results->results().prompts.size()));
    m_ticket = m_bridge->generateOn(m_slots.at(model).slot, spec);
}

void SuiteRun::onReplyDelta(quint64 ticket, const QString& text, const QString& reasoning)
{
    if (ticket == 0 || ticket != m_ticket)
        return;
    SuiteCell cell = m_results->results().cells.at(m_cellPrompt).at(m_cellModel);
    cell.answer += text;
    cell.reasoning += reasoning;
    cell.characters = countCodePoints(cell.answer);
    m_results->setCell(m_cellPrompt, m_cellModel, cell);
}

void SuiteRun::onReplyFinished(quint64 ticket, const QVariantMap& stats)
{
    if (ticket == 0 || ticket != m_ticket)
        return;
    SuiteCell cell;
    cell.answer = stats.value(QStringLiteral("text")).toString();
    cell.reasoning = stats.value(QStringLiteral("reasoning")).toString();
    cell.tokens = stats.value(QStringLiteral("generatedTokens")).toInt();
    cell.characters = countCodePoints(cell.answer);
    cell.seconds = stats.value(QStringLiteral("seconds")).toDouble();
    cell.tokensPerSecond = stats.value(QStringLiteral("tokensPerSecond")).toDouble();
    cell.stopReason = stats.value(QStringLiteral("stopReason")).toString();
    cell.refusal = stats.value(QStringLiteral("refusal")).toBool();
    cell.refusalPhrase = stats.value(QStringLiteral("refusalPhrase")).toString();
    cell.state = cell.stopReason == QLatin1String("cancelled") ? SuiteCell::State::Cancelled : SuiteCell::State::Done;
    if (cell.state == SuiteCell::State::Done) {
        m_answeredSeconds += cell.seconds;
        ++m_answered;
    }
    finishCell(cell);
}

void SuiteRun::onReplyFailed(quint64 ticket, const QString& message)
{
    if (ticket == 0 || ticket != m_ticket)
        return;
    SuiteCell cell = m_results->results().cells.at(m_cellPrompt).at(m_cellModel);
    cell.state = SuiteCell::State::Failed;
    cell.error = message;
    finishCell(cell);
}

void SuiteRun::finishCell(SuiteCell cell)
{
    const int prompt = m_cellPrompt, model = m_cellModel;
    m_ticket = 0;
    m_cellPrompt = m_cellModel = -1;
    if (m_bridge && model >= 0 && m_slots.at(model).slot != 0)
        m_bridge->closeSlotConversation(m_slots.at(model).slot, m_cellConversation);
    m_results->setCell(prompt, model, cell);
    // Written at most every two seconds: a 500-prompt suite makes a file of megabytes, and
    // rewriting it after every short answer would stall the window; the end of the run, a
    // cancel and closing the page always write.
    if (!m_lastSave.isValid() || m_lastSave.elapsed() >= 2000)
        save();
    emit progressChanged();
    if (m_state == RunState::Cancelling)
        finishRun(RunState::Cancelled);
    else
        step();
}

int SuiteRun::modelForSlot(quint64 slot) const
{
    for (int m = 0; m < m_slots.size(); ++m) {
        if (slot != 0 && m_slots.at(m).slot == slot)
            return m;
    }
    return -1;
}

void SuiteRun::onSlotLoadProgress(quint64 slot, double fraction)
{
    const int model = modelForSlot(slot);
    if (model < 0 || model != m_loadingModel)
        return;
    setStatus(tr("Loading %1… %2%").arg(m_results->results().models.at(model).name).arg(qRound(fraction * 100)));
}

void SuiteRun::onSlotLoaded(quint64 slot, const QVariantMap& info)
{
    const int model = modelForSlot(slot);
    if (model < 0 || model != m_loadingModel)
        return;
    m_loadingModel = -1;
    m_slots[model].loaded = true;
    m_slots[model].continuationMode = info.value(QStringLiteral("continuationMode")).toBool();
    const QString name = info.value(QStringLiteral("name")).toString();
    if (!name.isEmpty())
        m_results->setModelName(model, name);
    step();
}

void SuiteRun::onSlotLoadFailed(quint64 slot, const QString& message, const QString& code)
{
    const int model = modelForSlot(slot);
    if (model < 0 || model != m_loadingModel)
        return;
    m_loadingModel = -1;
    m_slots[model].slot = 0;
    if (m_state != RunState::Running)
        return;
    // Several models that do not fit together may each fit alone: run them one after the other.
    if (code == QLatin1String(OutOfDeviceMemory) && m_groups.at(m_group).size() > 1)
        switchToOneAtATime();
    else
        failModel(model, message);
    step();
}

void SuiteRun::failModel(int model, const QString& message)
{
    m_slots[model].failed = true;
    const SuiteResults& r = m_results->results();
    for (int p = 0; p < r.prompts.size(); ++p) {
        if (r.cells.at(p).at(model).state != SuiteCell::State::Pending)
            continue;
        SuiteCell cell;
        cell.state = SuiteCell::State::Failed;
        cell.error = message;
        m_results->setCell(p, model, cell);
    }
    save();
    emit progressChanged();
}

// The first model already loaded keeps its place and answers first; the others are freed and
// come back one at a time, so nothing is loaded twice without need.
void SuiteRun::switchToOneAtATime()
{
    QList<int> group = m_groups.at(m_group);
    std::stable_partition(group.begin(), group.end(), [this](int m) { return m_slots.at(m).loaded; });
    for (int i = 1; i < group.size(); ++i)
        unloadSlot(group.at(i));
    QList<QList<int>> groups = m_groups.mid(0, m_group);
    for (int m : group)
        groups.append(QList<int>{m});
    groups.append(m_groups.mid(m_group + 1));
    m_groups = groups;
    SuiteResults r = m_results->results();
    r.notice = tr("The chosen models do not fit in memory together, so they answer one after the other.");
    m_results->setResults(r);
    emit stateChanged();
}

void SuiteRun::onSlotUnloaded(quint64 slot)
{
    if (m_unloading.remove(slot) && m_unloading.isEmpty())
        step();
}

void SuiteRun::unloadSlot(int model)
{
    ModelSlot& s = m_slots[model];
    if (s.slot != 0 && m_bridge) {
        m_unloading.insert(s.slot);
        m_bridge->unloadSlot(s.slot);
    }
    s.slot = 0;
    s.loaded = false;
}

void SuiteRun::cancel()
{
    if (m_state != RunState::Running)
        return;
    setState(RunState::Cancelling);
    setStatus(tr("Cancelling…"));
    // The answer in flight ends with stop reason "cancelled" and keeps its partial text; the
    // run finishes when it arrives. Without one (a model loading) it finishes now.
    if (m_ticket != 0 && m_bridge)
        m_bridge->stop(m_ticket);
    else
        finishRun(RunState::Cancelled);
}

void SuiteRun::finishRun(RunState endState)
{
    m_tick.stop();
    for (int m = 0; m < m_slots.size(); ++m)
        unloadSlot(m);
    m_loadingModel = -1;
    m_ticket = 0;
    m_cellPrompt = m_cellModel = -1;

    SuiteResults r = m_results->results();
    for (QList<SuiteCell>& row : r.cells) {
        for (SuiteCell& cell : row) {
            if (cell.state == SuiteCell::State::Pending || cell.state == SuiteCell::State::Running)
                cell.state = SuiteCell::State::Cancelled;
        }
    }
    r.cancelled = endState == RunState::Cancelled;
    r.finishedAt = QDateTime::currentDateTime();
    m_results->setResults(r);
    save();
    setStatus(endState == RunState::Cancelled ? tr("Cancelled: %1 of %2 answers kept.").arg(done()).arg(total())
                                              : tr("Finished: %1 answers.").arg(done()));
    setState(endState);
    refreshSavedRuns();
    emit finished();
}

void SuiteRun::setState(RunState state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged();
    emit progressChanged();
}

void SuiteRun::setStatus(const QString& text)
{
    if (m_statusText == text)
        return;
    m_statusText = text;
    emit progressChanged();
}

void SuiteRun::setLastError(const QString& message)
{
    if (m_lastError == message)
        return;
    m_lastError = message;
    emit lastErrorChanged();
}

} // namespace agora::app
