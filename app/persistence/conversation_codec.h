// A conversation as a file a person can keep or move: Markdown to read, JSON to re-import.
// The JSON format is ours and versioned ("format": "agora.conversation", "formatVersion": 1).
#pragma once

#include "persistence/store_database.h"
#include "persistence/store_types.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace agora::app::store {

QByteArray exportJson(const Conversation& conversation, const QList<Message>& messages);
QString exportMarkdown(const Conversation& conversation, const QList<Message>& messages);

// Parses an export. Ids in the result are 0: importing always creates a new conversation.
StoreResult<ConversationFile> parseConversationJson(const QByteArray& json);

} // namespace agora::app::store
