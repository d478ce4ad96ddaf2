// How the engine thread obtains models. The default factory loads a GGUF onto the GPU; tests hand
// the engine a factory that builds fakes. A factory's functions run on the engine thread.
#pragma once

#include "agora/engine.h"
#include "session/language_model.h"
#include "session/text_codec.h"

#include <functional>
#include <memory>
#include <optional>

namespace agora::session {

// What a model will cost on the device, read before loading so the budget is checked first.
struct ModelFootprint {
    uint64_t weightBytes = 0;
    uint64_t kvBytesPerToken = 0;
    uint32_t trainedContextLength = 0;
    uint32_t maxContextLength = 0; // the longest KV cache one device buffer per layer holds; 0: no limit
};

struct LoadedModel {
    std::unique_ptr<LanguageModel> model;
    std::unique_ptr<Tokenizer> tokenizer;
    std::unique_ptr<PromptFormatter> formatter; // null: no chat template, plain continuation mode
    std::optional<int32_t> bosToken;            // prepended to every prompt when set
    std::string name;
    std::string templateWarning;                // the template fell back to a built-in format
    SamplingParams samplingDefaults;
};

// Returns false to abandon the load (the user cancelled it).
using LoadProgress = std::function<bool(float fraction)>;

struct ModelFactory {
    std::function<Result<ModelFootprint>(const LoadRequest&)> footprint;
    std::function<Result<LoadedModel>(const LoadRequest&, const LoadProgress&)> load;
    // The budget when EngineOptions::deviceMemoryBudget is 0; unset: no limit beyond the model's own.
    std::function<uint64_t()> deviceBudget;
};

// The factory Engine::create uses: GGUF files through the model, tokenizer and chat-template
// subsystems (default_model_factory.cpp).
ModelFactory defaultModelFactory();

// The engine thread over any factory (Engine::create uses the GPU one).
Result<std::unique_ptr<Engine>> createEngine(EngineOptions options, ModelFactory factory);

} // namespace agora::session
