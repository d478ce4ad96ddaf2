// The outcome of one prompt-suite run: which suite, which models, and a cell per prompt x model
// with the answer and its numbers. Plain data shared by the run (which fills it), the results
// model (which shows it), the exports (which write it) and the saved file (which reopens it).
#pragma once

#include "bridge/chat_types.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace agora::app {

struct SuiteCell {
    // Pending: not reached yet; Running: being answered now; Done: answered (possibly cut short by
    // max_tokens); Failed: the model could not answer (error says why); Cancelled: the run was
    // stopped before or while this cell was answered (a partial answer is kept).
    enum class State { Pending, Running, Done, Failed, Cancelled };

    State state = State::Pending;
    QString answer;
    QString reasoning;
    int tokens = 0;
    int characters = 0; // code points of the answer, what a reader counts
    double seconds = 0.0;
    double tokensPerSecond = 0.0;
    QString stopReason; // the engine's names: end_of_turn, max_tokens, cancelled, ...
    bool refusal = false;
    QString refusalPhrase;
    QString error;

    bool finished() const { return state == State::Done || state == State::Failed || state == State::Cancelled; }
};

struct SuiteModelColumn {
    QString name; // what the model calls itself once loaded; the file name before
    QString path;
};

// Per model: what a reader compares first (how often it answered, how often it refused).
struct SuiteModelSummary {
    QString model;
    int answers = 0;    // cells in state Done
    int refusals = 0;   // of those, flagged as refusals
    int failures = 0;
    int cancelled = 0;
    double meanCharacters = 0.0;
    double meanSeconds = 0.0;
    double meanTokensPerSecond = 0.0;
};

struct SuiteResults {
    QString suiteName;   // "Perspectives" or the imported file's name
    QString suiteSource; // "perspectives" or the imported file's path
    QDateTime startedAt;
    QDateTime finishedAt;
    bool cancelled = false;
    QString settingsText; // sampling used, for the reports ("greedy, at most 512 tokens")
    QString notice;       // e.g. why the models ran one after the other
    QList<SuiteModelColumn> models;
    QList<SuitePrompt> prompts;
    QList<QList<SuiteCell>> cells; // [prompt][model]

    // Pending cells for every prompt x model.
    void resetCells();
    int cellCount() const { return int(prompts.size() * models.size()); }
    int finishedCount() const;
    bool isEmpty() const { return prompts.isEmpty() || models.isEmpty(); }
    SuiteModelSummary summarize(int model) const;

    // The saved form ("format": "agora.suite-run", "formatVersion": 1).
    QJsonObject toJson() const;
    // nullopt with a translated reason when the object is not a saved run we can read.
    static std::optional<SuiteResults> fromJson(const QJsonObject& object, QString* error);
};

// Stable names for states and a count of Unicode code points, shared by the exports.
QString suiteCellStateName(SuiteCell::State state);
std::optional<SuiteCell::State> suiteCellStateFromName(const QString& name);
int countCodePoints(const QString& text);

} // namespace agora::app
