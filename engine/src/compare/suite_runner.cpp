// The unattended suite loop and the table it fills.
#include "compare/suite_runner.h"

#include "compare/refusal.h"

#include <cstdio>

namespace agora::compare {

size_t countCodePoints(const std::string& utf8)
{
    size_t n = 0;
    for (char c : utf8)
        if ((uint8_t(c) & 0xC0) != 0x80)
            ++n;
    return n;
}

std::string describeSettings(const CompareSettings& settings)
{
    char buf[160];
    if (settings.sampling)
        std::snprintf(buf, sizeof buf, "temperature %g, seed %llu, at most %d tokens",
                      double(settings.sampling->temperature), (unsigned long long)settings.sampling->seed,
                      settings.maxTokens);
    else
        std::snprintf(buf, sizeof buf, "each model's own sampling defaults, at most %d tokens", settings.maxTokens);
    return buf;
}

SuiteResult emptyResult(const Comparer& comparer, const Suite& suite)
{
    SuiteResult r;
    r.suiteName = suite.name;
    for (size_t m = 0; m < comparer.modelCount(); ++m) {
        r.models.push_back(comparer.displayName(m));
        r.modelPaths.push_back(comparer.path(m));
    }
    r.prompts = suite.prompts;
    r.cells.assign(suite.prompts.size(), std::vector<SuiteCell>(comparer.modelCount()));
    r.sequential = comparer.sequential();
    r.notice = comparer.notice();
    return r;
}

void fillRow(SuiteResult& result, size_t promptIndex, const std::vector<ModelAnswer>& answers)
{
    for (size_t m = 0; m < answers.size() && m < result.cells[promptIndex].size(); ++m) {
        const ModelAnswer& a = answers[m];
        SuiteCell& c = result.cells[promptIndex][m];
        c.ran = true;
        c.answer = a.text;
        c.reasoning = a.reasoning;
        c.tokens = a.tokens;
        c.characters = countCodePoints(a.text);
        c.wallMs = a.wallMs;
        c.timeToFirstTokenMs = a.timeToFirstTokenMs;
        c.tokensPerSecond = a.tokensPerSecond;
        c.stopReason = a.stopReason;
        if (a.error)
            c.error = a.error->message;
        const RefusalVerdict verdict = detectRefusal(a.text);
        c.refusal = verdict.refusal;
        c.refusalPhrase = verdict.matchedPhrase;
    }
}

Result<SuiteResult> runSuite(Comparer& comparer, const Suite& suite, const CompareSettings& settings,
                             SuiteProgressCallback progress, const std::atomic<bool>* cancel)
{
    if (suite.prompts.empty())
        return makeError(ErrorCode::InvalidArgument, "the suite has no prompts");
    SuiteResult result = emptyResult(comparer, suite);
    result.settingsText = describeSettings(settings);
    if (progress)
        progress(0, suite.prompts.size());
    for (size_t p = 0; p < suite.prompts.size(); ++p) {
        if (cancel && *cancel) {
            result.cancelled = true;
            break;
        }
        comparer.resetThreads(); // every prompt is a conversation of its own
        CompareSettings perPrompt = settings;
        if (!suite.prompts[p].system.empty())
            perPrompt.system = suite.prompts[p].system;
        auto answers = comparer.ask(suite.prompts[p].text, perPrompt, {}, cancel);
        if (!answers) {
            if (answers.error().code == ErrorCode::Cancelled) {
                result.cancelled = true;
                break;
            }
            return answers.error();
        }
        fillRow(result, p, *answers);
        result.completedPrompts = p + 1;
        if (progress)
            progress(p + 1, suite.prompts.size());
    }
    comparer.resetThreads();
    return result;
}

} // namespace agora::compare
