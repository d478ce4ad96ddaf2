// Runs a prompt suite across the comparer's models unattended: every prompt in a fresh
// conversation, all models answering it together (or one after the other in sequential mode),
// with progress and cancel. The result is the prompt x model table the reports export.
#pragma once

#include "compare/comparer.h"
#include "compare/suite.h"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace agora::compare {

struct SuiteCell {
    std::string answer;
    std::string reasoning;
    int32_t tokens = 0;
    size_t characters = 0;        // code points of the answer
    double wallMs = 0.0;
    double timeToFirstTokenMs = 0.0;
    double tokensPerSecond = 0.0;
    StopReason stopReason = StopReason::EndOfTurn;
    bool refusal = false;
    std::string refusalPhrase;
    std::string error;            // non-empty: this model failed on this prompt
    bool ran = false;             // false: not reached (the run was cancelled first)
};

struct SuiteResult {
    std::string suiteName;
    std::vector<std::string> models;       // display names, in pane order
    std::vector<std::string> modelPaths;
    std::vector<SuitePrompt> prompts;
    std::vector<std::vector<SuiteCell>> cells; // [prompt][model]
    bool cancelled = false;
    bool sequential = false;
    std::string notice;
    size_t completedPrompts = 0;
    std::string settingsText;              // "temperature 0, seed 1, at most 64 tokens" for the report
};

// done = prompts finished so far, total = suite size. Called on the caller's thread.
using SuiteProgressCallback = std::function<void(size_t done, size_t total)>;

// Fills a result from one answered prompt (also used for a single compare turn).
void fillRow(SuiteResult& result, size_t promptIndex, const std::vector<ModelAnswer>& answers);
SuiteResult emptyResult(const Comparer& comparer, const Suite& suite);

// A cancelled run returns what it has (cancelled = true), not an error.
Result<SuiteResult> runSuite(Comparer& comparer, const Suite& suite, const CompareSettings& settings,
                             SuiteProgressCallback progress = {}, const std::atomic<bool>* cancel = nullptr);

size_t countCodePoints(const std::string& utf8);
std::string describeSettings(const CompareSettings& settings);

} // namespace agora::compare
