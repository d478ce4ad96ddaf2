#include "bridge/vulkan_engine_backend.h"

#include "agora/engine.h"

#include <QThread>

#include <algorithm>

namespace agora::app {
namespace {

QString fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

DeviceRecord toRecord(const DeviceInfo& info)
{
    DeviceRecord record;
    record.index = static_cast<int>(info.index);
    record.name = fromStd(info.name);
    record.vendor = fromStd(info.vendor);
    record.type = QLatin1String(deviceTypeName(info.type));
    record.driver = (fromStd(info.driverName) + u' ' + fromStd(info.driverInfo)).trimmed();
    record.apiVersion = fromStd(info.apiVersion);
    record.memoryBytes = static_cast<qint64>(info.deviceLocalBytes);
    record.subgroupSize = static_cast<int>(info.subgroupSize);
    record.maxStorageBufferRange = static_cast<qint64>(info.maxStorageBufferRange);
    record.sharedMemoryBytes = static_cast<int>(info.sharedMemoryBytes);
    const std::pair<bool, const char*> flags[] = {
        {info.fp16, DeviceFeature::Fp16},
        {info.int8, DeviceFeature::Int8},
        {info.storage16bit, DeviceFeature::Storage16},
        {info.storage8bit, DeviceFeature::Storage8},
        {info.integerDotProduct, DeviceFeature::IntegerDot},
        {info.cooperativeMatrix, DeviceFeature::CooperativeMatrix},
        {info.timestampQueries, DeviceFeature::Timestamps},
    };
    for (const auto& [present, feature] : flags) {
        if (present)
            record.features << QLatin1String(feature);
    }
    record.usable = info.usable;
    record.unusableReason = fromStd(info.unusableReason);
    return record;
}

QString errorCode(ErrorCode code)
{
    return QLatin1String(errorCodeName(code));
}

GenerationOutcome toOutcome(const event::Finished& finished)
{
    GenerationOutcome outcome;
    outcome.stopReason = QLatin1String(stopReasonName(finished.stats.stopReason));
    outcome.promptTokens = finished.stats.promptTokens;
    outcome.generatedTokens = finished.stats.generatedTokens;
    outcome.timeToFirstTokenMs = finished.stats.timeToFirstTokenMs;
    outcome.promptTokensPerSecond = finished.stats.promptTokensPerSecond;
    outcome.tokensPerSecond = finished.stats.generationTokensPerSecond;
    outcome.text = fromStd(finished.text);
    outcome.reasoning = fromStd(finished.reasoning);
    std::string phrase;
    outcome.refusal = looksLikeRefusal(finished.text, &phrase);
    outcome.refusalPhrase = fromStd(phrase);
    return outcome;
}

LoadedModelInfo toInfo(const ModelSummary& summary)
{
    LoadedModelInfo info;
    info.name = fromStd(summary.name);
    info.path = fromStd(summary.path);
    info.contextLength = static_cast<int>(summary.contextLength);
    info.deviceBytes = static_cast<qint64>(summary.deviceBytes);
    info.continuationMode = summary.continuationMode;
    info.templateWarning = fromStd(summary.templateWarning);
    return info;
}

QStringList toStringList(const std::vector<std::string>& items)
{
    QStringList list;
    for (const std::string& item : items)
        list << fromStd(item);
    return list;
}

ModelCard toCard(const ModelSummary& s)
{
    return ModelCard{
        {QStringLiteral("name"), fromStd(s.name)},
        {QStringLiteral("path"), fromStd(s.path)},
        {QStringLiteral("fileBytes"), static_cast<qint64>(s.fileBytes)},
        {QStringLiteral("architecture"), fromStd(s.architecture)},
        {QStringLiteral("author"), fromStd(s.author)},
        {QStringLiteral("organization"), fromStd(s.organization)},
        {QStringLiteral("license"), fromStd(s.license)},
        {QStringLiteral("baseModel"), fromStd(s.baseModel)},
        {QStringLiteral("sizeLabel"), fromStd(s.sizeLabel)},
        {QStringLiteral("finetune"), fromStd(s.finetune)},
        {QStringLiteral("languages"), toStringList(s.languages)},
        {QStringLiteral("parameterCount"), static_cast<qint64>(s.parameterCount)},
        {QStringLiteral("quantLabel"), fromStd(s.quantLabel)},
        {QStringLiteral("contextLength"), static_cast<int>(s.contextLength)},
        {QStringLiteral("trainedContextLength"), static_cast<int>(s.trainedContextLength)},
        {QStringLiteral("layers"), static_cast<int>(s.layers)},
        {QStringLiteral("heads"), static_cast<int>(s.heads)},
        {QStringLiteral("kvHeads"), static_cast<int>(s.kvHeads)},
        {QStringLiteral("embeddingLength"), static_cast<int>(s.embeddingLength)},
        {QStringLiteral("weightsBytes"), static_cast<qint64>(s.weightsBytes)},
        {QStringLiteral("kvCacheBytes"), static_cast<qint64>(s.kvCacheBytes)},
        {QStringLiteral("deviceBytes"), static_cast<qint64>(s.deviceBytes)},
        {QStringLiteral("hasChatTemplate"), s.hasChatTemplate},
        {QStringLiteral("continuationMode"), s.continuationMode},
        {QStringLiteral("vocabOnly"), s.vocabOnly},
        {QStringLiteral("unsupportedTypes"), toStringList(s.unsupportedTypes)},
        {QStringLiteral("familyFeatures"), toStringList(s.familyFeatures)},
        {QStringLiteral("slidingWindow"), static_cast<int>(s.slidingWindow)},
    };
}

// Engine events in the GUI's types; runs on the engine thread, so it only copies.
BackendEvent toBackendEvent(const EngineEvent& engineEvent)
{
    return std::visit(
        [](const auto& e) -> BackendEvent {
            using E = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<E, event::LoadProgress>)
                return backend_event::LoadProgress{e.request, e.fraction};
            else if constexpr (std::is_same_v<E, event::Loaded>)
                return backend_event::Loaded{e.request, toInfo(e.summary)};
            else if constexpr (std::is_same_v<E, event::Unloaded>)
                return backend_event::Unloaded{e.request};
            else if constexpr (std::is_same_v<E, event::TokenDelta>)
                return backend_event::Delta{e.request, e.kind == DeltaKind::Reasoning, fromStd(e.text)};
            else if constexpr (std::is_same_v<E, event::ContextOverflow>)
                return backend_event::Overflow{e.request, fromStd(e.message)};
            else if constexpr (std::is_same_v<E, event::Finished>)
                return backend_event::Finished{e.request, toOutcome(e)};
            else
                return backend_event::Failed{e.request, BackendError{errorCode(e.error.code), fromStd(e.error.message)}};
        },
        engineEvent);
}

} // namespace

VulkanEngineBackend::VulkanEngineBackend() = default;

VulkanEngineBackend::~VulkanEngineBackend()
{
    // The engine joins its thread here; its last events go nowhere.
    setEventSink({});
    m_engine.reset();
}

void VulkanEngineBackend::setEventSink(BackendEventSink sink)
{
    std::lock_guard lock(m_sinkMutex);
    m_sink = std::move(sink);
}

void VulkanEngineBackend::deliver(const BackendEvent& event)
{
    std::lock_guard lock(m_sinkMutex);
    if (m_sink)
        m_sink(event);
}

bool VulkanEngineBackend::ensureEngine()
{
    if (m_engine)
        return true;
    Result<std::unique_ptr<Engine>> created = Engine::create();
    if (!created) {
        m_engineError = fromStd(created.error().message);
        return false;
    }
    m_engine = std::move(*created);
    m_engine->setEventCallback([this](const EngineEvent& e) { deliver(toBackendEvent(e)); });
    return true;
}

quint64 VulkanEngineBackend::failNow(const QString& code, const QString& message)
{
    const quint64 id = m_nextLocalId++;
    deliver(backend_event::Failed{id, BackendError{code, message}});
    return id;
}

quint64 VulkanEngineBackend::loadModel(const QString& path, int contextLength, const QString& device)
{
    if (!ensureEngine())
        return failNow(QStringLiteral("no-device"), m_engineError);
    LoadRequest request;
    request.path = path.toStdString();
    request.contextLength = static_cast<uint32_t>(std::max(0, contextLength));
    request.device = device.toStdString();
    return m_engine->load(std::move(request));
}

quint64 VulkanEngineBackend::unloadModel(quint64 model)
{
    if (!m_engine)
        return failNow(QStringLiteral("invalid-argument"), QStringLiteral("no model is loaded"));
    return m_engine->unload(model);
}

quint64 VulkanEngineBackend::generate(const GenerationSpec& spec)
{
    if (!m_engine)
        return failNow(QStringLiteral("invalid-argument"), QStringLiteral("no model is loaded"));
    GenerateRequest request;
    request.model = spec.model;
    request.conversation = spec.conversation;
    for (const ChatTurn& turn : spec.messages)
        request.messages.push_back(ChatMessage{turn.role.toStdString(), turn.content.toStdString()});
    request.rawPrompt = spec.rawPrompt.toStdString();
    if (spec.sampling) {
        SamplingParams params;
        params.temperature = static_cast<float>(spec.sampling->temperature);
        params.topK = spec.sampling->topK;
        params.topP = static_cast<float>(spec.sampling->topP);
        params.minP = static_cast<float>(spec.sampling->minP);
        params.repeatPenalty = static_cast<float>(spec.sampling->repeatPenalty);
        params.seed = spec.sampling->seed;
        request.sampling = params;
    }
    request.maxTokens = spec.maxTokens;
    request.overflow = spec.dropOldestTurns ? ContextOverflowPolicy::DropOldestTurns
                                            : ContextOverflowPolicy::StopGeneration;
    return m_engine->generate(std::move(request));
}

void VulkanEngineBackend::cancel(quint64 request)
{
    if (m_engine)
        m_engine->cancel(request);
}

void VulkanEngineBackend::closeConversation(quint64 model, quint64 conversation)
{
    if (m_engine)
        m_engine->closeConversation(model, conversation);
}

InspectResult VulkanEngineBackend::inspectModel(const QString& path, int contextLength)
{
    // The default load size is min(trained, 4096) (LoadRequest); the card shows the same.
    Result<ModelSummary> summary = agora::inspectModel(path.toStdString(), 0);
    if (!summary)
        return {{}, BackendError{errorCode(summary.error().code), fromStd(summary.error().message)}};
    uint32_t context = contextLength > 0 ? static_cast<uint32_t>(contextLength)
                                         : std::min<uint32_t>(summary->trainedContextLength ? summary->trainedContextLength : 4096, 4096);
    if (context != summary->contextLength && context > 0) {
        Result<ModelSummary> sized = agora::inspectModel(path.toStdString(), context);
        if (sized)
            summary = std::move(sized);
    }
    return {toCard(*summary), std::nullopt};
}

QList<ArenaStandingRecord> VulkanEngineBackend::arenaLeaderboard(const QList<ArenaVoteRecord>& votes, quint64 seed)
{
    std::vector<ArenaVote> engineVotes;
    for (const ArenaVoteRecord& vote : votes) {
        ArenaVote v{vote.modelA.toStdString(), vote.modelB.toStdString(), ArenaOutcome::Tie};
        if (vote.outcome == u"a")
            v.outcome = ArenaOutcome::ABetter;
        else if (vote.outcome == u"b")
            v.outcome = ArenaOutcome::BBetter;
        else if (vote.outcome == u"both-bad")
            v.outcome = ArenaOutcome::BothBad;
        engineVotes.push_back(std::move(v));
    }
    QList<ArenaStandingRecord> table;
    for (const ArenaStanding& s : agora::arenaLeaderboard(engineVotes, seed)) {
        table.append(ArenaStandingRecord{fromStd(s.model), s.rating, s.ciLow, s.ciHigh, s.votes, s.wins, s.losses,
                                         s.ties, s.bothBad, s.winRate});
    }
    return table;
}

SuiteLoadResult VulkanEngineBackend::loadPromptSuite(const QString& nameOrPath)
{
    Result<std::vector<PromptSuiteEntry>> suite = agora::loadPromptSuite(nameOrPath.toStdString());
    if (!suite)
        return {{}, BackendError{errorCode(suite.error().code), fromStd(suite.error().message)}};
    SuiteLoadResult result;
    for (const PromptSuiteEntry& e : *suite)
        result.prompts.append(SuitePrompt{fromStd(e.id), fromStd(e.category), fromStd(e.language), fromStd(e.system),
                                          fromStd(e.text)});
    return result;
}

DeviceScan VulkanEngineBackend::scanDevices()
{
    DeviceScan scan;
    Result<std::vector<DeviceInfo>> devices = listDevices();
    if (!devices) {
        scan.error = fromStd(devices.error().message);
        return scan;
    }
    for (const DeviceInfo& info : *devices)
        scan.devices << toRecord(info);
    if (std::optional<uint32_t> chosen = defaultDeviceIndex(*devices))
        scan.defaultIndex = static_cast<int>(*chosen);
    return scan;
}

} // namespace agora::app
