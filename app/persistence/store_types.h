// The records the conversation store reads and writes, as plain values that cross threads.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace agora::app::store {

struct Conversation {
    qint64 id = 0;
    QString title;
    qint64 createdMs = 0;             // ms since the epoch, UTC
    qint64 updatedMs = 0;             // last activity; the sidebar sorts by it
    QString systemPrompt;
    QJsonObject sampling;             // preset name and values, e.g. {"preset":"balanced","temperature":0.7}
    int contextLength = 0;            // 0: the model's default
    QString overflowPolicy = QStringLiteral("truncate-middle"); // what to do when the context is full
    QString kind = QStringLiteral("chat");                      // chat or compare
};

struct Message {
    qint64 id = 0;
    qint64 conversationId = 0;
    int position = 0;                 // order within the conversation
    QString role;                     // system, user, assistant
    QString content;
    QString reasoning;                // a thinking model's reasoning section, shown collapsed
    QString modelName;
    QString modelHash;                // the GGUF file's hash, so a reply can be traced to its file
    QJsonObject sampling;             // the settings this reply was generated with
    QJsonObject stats;                // tokens, tokens/s, time to first token, ...
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
};

struct SearchHit {
    qint64 conversationId = 0;
    qint64 messageId = 0;
    QString conversationTitle;
    QString snippet;                  // the matching text with the match in [brackets]
};

// A whole conversation, e.g. read from an export file (ids 0 until stored).
struct ConversationFile {
    Conversation conversation;
    QList<Message> messages;
};

// One judgement in the blind arena: which of two anonymous replies to the same prompt was
// better. The leaderboard is computed from all of them, so they are kept until cleared.
struct ArenaVote {
    qint64 id = 0;
    QString modelA, modelB;           // display names, revealed after the vote
    QString modelAPath, modelBPath;   // the GGUF files, so two copies of one name stay apart
    QString outcome;                  // "a", "b", "tie" or "both-bad"
    QString prompt;
    qint64 createdMs = 0;             // ms since the epoch, UTC; 0: now
};

// Which export a caller wants.
enum class ExportFormat { Markdown, Json };

} // namespace agora::app::store

Q_DECLARE_METATYPE(agora::app::store::Conversation)
Q_DECLARE_METATYPE(agora::app::store::Message)
Q_DECLARE_METATYPE(agora::app::store::SearchHit)
Q_DECLARE_METATYPE(agora::app::store::ExportFormat)
Q_DECLARE_METATYPE(agora::app::store::ArenaVote)
