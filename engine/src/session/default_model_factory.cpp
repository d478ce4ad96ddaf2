// The factory behind Engine::create: a GGUF file becomes a model (today the CPU reference
// forward pass; the GPU model plugs in here when it can evaluate), its tokenizer, and its chat
// template, falling back to a built-in format for templates the interpreter cannot render.
#include "core/log.h"
#include "gguf/gguf.h"
#include "model/model.h"
#include "sampler/sampling_defaults.h"
#include "session/cpu_language_model.h"
#include "session/model_factory.h"
#include "session/real_tokenizer.h"
#include "session/template_formatter.h"

namespace agora::session {

namespace {

Result<ModelFootprint> footprintOf(const LoadRequest& request)
{
    Result<ModelSummary> summary = inspectModel(request.path, request.contextLength);
    if (!summary)
        return summary.error();
    ModelFootprint f;
    f.weightBytes = summary->weightsBytes;
    f.trainedContextLength = summary->trainedContextLength;
    f.kvBytesPerToken = summary->contextLength > 0 ? summary->kvCacheBytes / summary->contextLength : 0;
    return f;
}

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

Result<LoadedModel> loadModel(const LoadRequest& request, const LoadProgress& progress)
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
    loaded.model = std::make_unique<CpuLanguageModel>(std::move(*model));
    progress(1.0f);
    return loaded;
}

} // namespace

ModelFactory defaultModelFactory()
{
    ModelFactory factory;
    factory.footprint = footprintOf;
    factory.load = loadModel;
    return factory;
}

} // namespace agora::session
