// The factory behind Engine::create. The GPU model, the tokenizer and the chat-template engine
// are being written alongside this; until their adapters are wired here, loading a GGUF through
// the engine thread reports that plainly instead of pretending.
#include "session/model_factory.h"

namespace agora::session {

ModelFactory defaultModelFactory()
{
    ModelFactory factory;
    factory.footprint = [](const LoadRequest& request) -> Result<ModelFootprint> {
        return makeError(ErrorCode::Unsupported,
            "cannot load " + request.path + ": this build's engine has no GPU model loader yet");
    };
    factory.load = [](const LoadRequest& request, const LoadProgress&) -> Result<LoadedModel> {
        return makeError(ErrorCode::Unsupported,
            "cannot load " + request.path + ": this build's engine has no GPU model loader yet");
    };
    return factory;
}

} // namespace agora::session
