// A model the engine thread has loaded, with the conversations (KV caches) open on it.
#pragma once

#include "session/conversation.h"
#include "session/model_factory.h"

#include <map>
#include <memory>

namespace agora::session {

struct ModelEntry {
    ModelId id = 0;
    LoadedModel loaded;
    ModelFootprint footprint;
    uint32_t contextLength = 0; // per conversation
    ModelSummary summary;
    std::map<ConversationId, std::unique_ptr<Conversation>> conversations;

    uint64_t cacheBytes() const { return footprint.kvBytesPerToken * contextLength; }
};

} // namespace agora::session
