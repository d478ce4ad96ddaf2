// The factory behind Engine::create: a GGUF file becomes a model on the chosen Vulkan device (the
// CPU reference forward pass only when no usable device exists or the Vulkan path cannot run the
// model, with a warning), its tokenizer, and its chat template, falling back to a built-in format
// for templates the interpreter cannot render.
#include "core/log.h"
#include "gguf/gguf.h"
#include "model/hparams.h"
#include "model/model.h"
#include "sampler/sampling_defaults.h"
#include "session/cpu_language_model.h"
#include "session/gpu_language_model.h"
#include "session/model_factory.h"
#include "session/real_tokenizer.h"
#include "session/template_formatter.h"
#include "vk/context.h"

#include <limits>
#include <map>
#include <optional>

namespace agora::session {

namespace {

// The model's template (or its family's built-in format); null for a base model.
std::unique_ptr<PromptFormatter> formatterFor(const gguf::GgufFile& file, const tokenizer::Tokenizer& t,
    std::string& warning)
{
    const std::string_view source = file.getString("tokenizer.chat_template").value_or("");
    // Special ids come from metadata and may point outside the vocabulary: check before use.
    auto textOf = [&t](int32_t id) { return id >= 0 && id < t.vocabSize() ? t.tokenText(id) : std::string(); };
    const std::string bos = textOf(t.bos());
    const std::string eos = textOf(t.eos());
    chat::ChatFormatter formatter = chat::ChatFormatter::create(source, file.architecture(), bos, eos);
    if (formatter.mode() == chat::PromptMode::PlainContinuation)
        return nullptr;
    warning = formatter.warning();
    if (!warning.empty())
        log::get("engine.session")->warn("{}", warning);
    return std::make_unique<TemplateFormatter>(std::move(formatter));
}

// Opened Vulkan devices, shared by every model this factory loads onto the same device, and the
// budget read once (listing devices creates a Vulkan instance; the engine asks for the budget often).
struct DeviceState {
    std::map<uint32_t, std::weak_ptr<vk::Context>> contexts;
    std::optional<uint64_t> budget;
};

constexpr const char* kCpuFallbackWarning = "no usable GPU: running on the CPU reference path, slow";

// The device the request names (empty: the default one). An error only for a choice that names
// no device while usable ones exist; nullopt (with the reason) when there is no usable device.
Result<std::optional<uint32_t>> chooseDevice(const std::string& choice, std::string& whyNone)
{
    Result<std::vector<DeviceInfo>> devices = listDevices();
    if (!devices) {
        whyNone = devices.error().message;
        return std::optional<uint32_t>();
    }
    if (!defaultDeviceIndex(*devices)) {
        whyNone = "no Vulkan device on this machine can run Agora";
        for (const DeviceInfo& d : *devices)
            whyNone += "; " + d.name + ": " + d.unusableReason;
        return std::optional<uint32_t>();
    }
    Result<uint32_t> index = selectDevice(*devices, choice);
    if (!index)
        return index.error();
    return std::optional<uint32_t>(*index);
}

// Sliding-window layers keep a ring of window + batch - 1 slots whatever the context
// (model::GpuForward::cacheSlots): their cache is a fixed cost, counted with the weights, and only
// the full-context layers grow with the context.
void countSlidingWindowRings(const std::string& path, ModelFootprint& f)
{
    Result<std::unique_ptr<gguf::GgufFile>> file = gguf::GgufFile::open(path);
    if (!file)
        return;
    const gguf::TensorInfo* embedding = (*file)->findTensor("token_embd.weight");
    const uint64_t vocabHint = embedding && embedding->nDims >= 2 ? embedding->ne[1] : 0;
    Result<model::HParams> hp = model::readHParams(**file, vocabHint);
    if (!hp || hp->slidingWindow == 0)
        return;
    const uint64_t slotBytes = 2 * uint64_t(hp->kvSize()) * sizeof(uint16_t); // K and V
    const uint64_t ringSlots = uint64_t(hp->slidingWindow) + GpuLanguageModelOptions{}.maxBatch - 1;
    uint64_t perToken = 0;
    uint64_t rings = 0;
    for (uint32_t layer = 0; layer < hp->nLayer; ++layer) {
        if (hp->isLocalLayer(layer))
            rings += slotBytes * ringSlots;
        else
            perToken += slotBytes;
    }
    f.kvBytesPerToken = perToken;
    f.weightBytes += rings;
}

Result<ModelFootprint> footprintOf(const LoadRequest& request)
{
    Result<ModelSummary> summary = inspectModel(request.path, request.contextLength);
    if (!summary)
        return summary.error();
    ModelFootprint f;
    f.weightBytes = summary->weightsBytes;
    f.trainedContextLength = summary->trainedContextLength;
    f.kvBytesPerToken = summary->contextLength > 0 ? summary->kvCacheBytes / summary->contextLength : 0;
    countSlidingWindowRings(request.path, f);
    // Each layer's K (and V) cache is one storage buffer: the device's maxStorageBufferRange
    // bounds the positions (128 MiB on lavapipe: 65536 positions of 8 KV heads of 128).
    const uint64_t rowBytes = uint64_t(summary->kvHeads) * summary->keyLength * sizeof(uint16_t);
    std::string whyNone;
    Result<std::optional<uint32_t>> device = chooseDevice(request.device, whyNone);
    Result<std::vector<DeviceInfo>> devices = listDevices();
    if (rowBytes > 0 && device && *device && devices) {
        for (const DeviceInfo& d : *devices)
            if (d.index == **device && d.maxStorageBufferRange > 0)
                f.maxContextLength = uint32_t(std::min<uint64_t>(d.maxStorageBufferRange / rowBytes, 0x7fffffffu));
    }
    return f;
}

Result<std::shared_ptr<vk::Context>> contextFor(DeviceState& state, uint32_t index)
{
    if (std::shared_ptr<vk::Context> open = state.contexts[index].lock())
        return open;
    Result<std::shared_ptr<vk::Context>> created = vk::Context::create(index);
    if (created)
        state.contexts[index] = *created;
    return created;
}

// The device's share of memory the engine may budget: most of its device-local memory, keeping a
// margin for the driver, other applications and each sequence's batch scratch.
uint64_t defaultDeviceBudget()
{
    Result<std::vector<DeviceInfo>> devices = listDevices();
    if (!devices)
        return std::numeric_limits<uint64_t>::max();
    const std::optional<uint32_t> index = defaultDeviceIndex(*devices);
    if (!index)
        return std::numeric_limits<uint64_t>::max(); // the CPU path: ordinary memory, reported when short
    for (const DeviceInfo& d : *devices)
        if (d.index == *index && d.deviceLocalBytes > 0)
            return d.deviceLocalBytes / 10 * 9;
    return std::numeric_limits<uint64_t>::max();
}

// The GPU model on the requested device, or null (with `warning` set) when the CPU path must run.
Result<std::unique_ptr<LanguageModel>> languageModelFor(DeviceState& state, const LoadRequest& request,
    std::unique_ptr<model::Model>& model, const LoadProgress& progress, std::string& warning)
{
    std::string whyNone;
    Result<std::optional<uint32_t>> device = chooseDevice(request.device, whyNone);
    if (!device)
        return device.error();
    std::shared_ptr<vk::Context> context;
    if (*device) {
        Result<std::shared_ptr<vk::Context>> opened = contextFor(state, **device);
        if (opened)
            context = *opened;
        else if (opened.error().code == ErrorCode::NoDevice || opened.error().code == ErrorCode::Unsupported)
            whyNone = opened.error().message;
        else
            return opened.error();
    }
    if (context) {
        GpuLanguageModelOptions options;
        options.progress = [&progress](uint64_t done, uint64_t total) {
            if (total > 0)
                progress(0.3f + 0.7f * float(double(done) / double(total)));
        };
        Result<std::unique_ptr<GpuLanguageModel>> gpu = GpuLanguageModel::create(std::move(model), context, options);
        if (gpu)
            return std::unique_ptr<LanguageModel>(std::move(*gpu));
        // The model was handed over; an Unsupported model is read again for the CPU path.
        if (gpu.error().code != ErrorCode::Unsupported)
            return gpu.error();
        whyNone = gpu.error().message;
        Result<std::unique_ptr<gguf::GgufFile>> file = gguf::GgufFile::open(request.path);
        if (!file)
            return file.error();
        Result<std::unique_ptr<model::Model>> again = model::Model::fromFile(std::move(*file));
        if (!again)
            return again.error();
        model = std::move(*again);
    }
    warning = std::string(kCpuFallbackWarning) + " (" + whyNone + ")";
    log::get("engine.session")->warn("{}", warning);
    return std::unique_ptr<LanguageModel>(std::make_unique<CpuLanguageModel>(std::move(model)));
}

Result<LoadedModel> loadModel(DeviceState& state, const LoadRequest& request, const LoadProgress& progress)
{
    Result<std::unique_ptr<gguf::GgufFile>> file = gguf::GgufFile::open(request.path);
    if (!file)
        return file.error();
    if (!progress(0.1f))
        return makeError(ErrorCode::Cancelled, "loading was cancelled");

    Result<std::unique_ptr<tokenizer::Tokenizer>> tok = tokenizer::Tokenizer::fromGguf(**file);
    if (!tok)
        return tok.error();
    LoadedModel loaded;
    const bool addBos = (*tok)->vocab().addBos() && (*tok)->bos() >= 0 && (*tok)->bos() < (*tok)->vocabSize();
    if (addBos)
        loaded.bosToken = (*tok)->bos();
    auto tokenizer = std::make_unique<RealTokenizer>(std::move(*tok));
    loaded.formatter = formatterFor(**file, tokenizer->tokenizer(), loaded.templateWarning);
    const gguf::GgufFile& meta = **file;
    loaded.samplingDefaults = sampler::samplingDefaultsFromMetadata(
        [&meta](std::string_view key) { return meta.getFloat(key); });
    loaded.name = std::string(meta.getString("general.name").value_or(request.path));
    loaded.tokenizer = std::move(tokenizer);
    if (!progress(0.3f))
        return makeError(ErrorCode::Cancelled, "loading was cancelled");

    Result<std::unique_ptr<model::Model>> model = model::Model::fromFile(std::move(*file));
    if (!model)
        return model.error();
    std::string deviceWarning;
    Result<std::unique_ptr<LanguageModel>> language = languageModelFor(state, request, *model, progress, deviceWarning);
    if (!language)
        return language.error();
    loaded.model = std::move(*language);
    // The app shows this line with the model; the CPU fallback must not go unnoticed.
    if (!deviceWarning.empty())
        loaded.templateWarning = loaded.templateWarning.empty() ? deviceWarning
                                                                : deviceWarning + "; " + loaded.templateWarning;
    progress(1.0f);
    return loaded;
}

} // namespace

ModelFactory defaultModelFactory()
{
    ModelFactory factory;
    factory.footprint = footprintOf;
    auto state = std::make_shared<DeviceState>();
    factory.load = [state](const LoadRequest& request, const LoadProgress& progress) {
        return loadModel(*state, request, progress);
    };
    factory.deviceBudget = [state] {
        if (!state->budget)
            state->budget = defaultDeviceBudget();
        return *state->budget;
    };
    return factory;
}

} // namespace agora::session
