// The public entry points of the engine-thread API declared in agora/engine.h.
#include "session/model_factory.h"

namespace agora {

const char* stopReasonName(StopReason reason)
{
    switch (reason) {
    case StopReason::EndOfTurn: return "end_of_turn";
    case StopReason::StopString: return "stop_string";
    case StopReason::MaxTokens: return "max_tokens";
    case StopReason::ContextFull: return "context_full";
    case StopReason::Cancelled: return "cancelled";
    }
    return "unknown";
}

Result<std::unique_ptr<Engine>> Engine::create(EngineOptions options)
{
    return session::createEngine(options, session::defaultModelFactory());
}

} // namespace agora
