// A comparison as plain values: the prompts of every turn and, per pane, the model and one answer
// per turn. CompareSession builds it; the exports read it (no Qt models, no engine).
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace agora::app {

struct CompareAnswer {
    QString prompt;
    QString text;
    QString reasoning;
    double tokensPerSecond = 0.0;
    double timeToFirstTokenMs = 0.0;
    double seconds = 0.0;
    int generatedTokens = 0;
    QString stopReason; // the engine's name; empty while it streams
    bool refusal = false;
    QString error;      // translated; empty when the answer came

    QVariantMap toVariantMap() const;
};

struct ComparePaneRecord {
    QString modelName; // what the reader sees (a blind label until revealed)
    QString modelPath;
    QList<CompareAnswer> answers; // one per turn, in turn order
};

struct CompareTranscript {
    QString title;
    QString systemPrompt;
    QStringList prompts; // one per turn
    QList<ComparePaneRecord> panes;
};

} // namespace agora::app
