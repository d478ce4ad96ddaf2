// agora-cli compare -m A.gguf -m B.gguf [-m ...] [--suite FILE|perspectives] [--prompt TEXT]
//   [--system TEXT] [--temp T] [--seed S] [-n N] [--ctx C] [--out report.html|.md|.csv] [--json]
//   [--memory-budget BYTES] [--print-suite]
// The same prompt (or every prompt of a suite) to 2-4 models through one engine: they answer
// together when they fit in device memory, else one after the other (said on stderr and in the
// report). Answers go to stdout as text or --json; --out writes a CSV, Markdown or HTML report.
// Ctrl+C stops the run; what was answered so far is still printed and written.
#include "cli.h"

#include "compare/comparer.h"
#include "compare/report.h"
#include "compare/suite_runner.h"

#include <atomic>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <unistd.h>

namespace agora::cli {
namespace {

std::atomic<bool> g_stop{false};

extern "C" void onCompareInterrupt(int) { g_stop = true; }

std::string resultJson(const compare::SuiteResult& r)
{
    std::string out = "{\"suite\":\"" + jsonEscape(r.suiteName) + "\",\"models\":[";
    for (size_t m = 0; m < r.models.size(); ++m)
        out += std::string(m ? "," : "") + "{\"name\":\"" + jsonEscape(r.models[m]) + "\",\"path\":\"" +
               jsonEscape(r.modelPaths[m]) + "\"}";
    out += "],\"sequential\":" + std::string(r.sequential ? "true" : "false") + ",\"notice\":\"" +
           jsonEscape(r.notice) + "\",\"settings\":\"" + jsonEscape(r.settingsText) +
           "\",\"cancelled\":" + (r.cancelled ? "true" : "false") +
           ",\"completed_prompts\":" + std::to_string(r.completedPrompts) + ",\"prompts\":[";
    for (size_t p = 0; p < r.prompts.size(); ++p) {
        const compare::SuitePrompt& q = r.prompts[p];
        out += std::string(p ? "," : "") + "{\"id\":\"" + jsonEscape(q.id) + "\",\"category\":\"" +
               jsonEscape(q.category) + "\",\"lang\":\"" + jsonEscape(q.language) + "\",\"prompt\":\"" +
               jsonEscape(q.text) + "\",\"answers\":[";
        for (size_t m = 0; m < r.models.size(); ++m) {
            const compare::SuiteCell& c = r.cells[p][m];
            char numbers[256];
            std::snprintf(numbers, sizeof numbers,
                          "\"tokens\":%d,\"characters\":%zu,\"time_ms\":%.1f,\"ttft_ms\":%.1f,\"tokens_per_s\":%.2f",
                          c.tokens, c.characters, c.wallMs, c.timeToFirstTokenMs, c.tokensPerSecond);
            out += std::string(m ? "," : "") + "{\"model\":\"" + jsonEscape(r.models[m]) + "\",\"ran\":" +
                   (c.ran ? "true" : "false") + ",\"text\":\"" + jsonEscape(c.answer) + "\",\"reasoning\":\"" +
                   jsonEscape(c.reasoning) + "\"," + numbers + ",\"stop_reason\":\"" +
                   stopReasonName(c.stopReason) + "\",\"refusal\":" + (c.refusal ? "true" : "false") +
                   ",\"refusal_phrase\":\"" + jsonEscape(c.refusalPhrase) + "\",\"error\":\"" + jsonEscape(c.error) +
                   "\"}";
        }
        out += "]}";
    }
    return out + "]}";
}

void printText(const compare::SuiteResult& r)
{
    for (size_t p = 0; p < r.prompts.size(); ++p) {
        if (!r.cells[p].empty() && !r.cells[p][0].ran)
            continue;
        std::cout << "== [" << r.prompts[p].id << "] " << r.prompts[p].text << "\n";
        for (size_t m = 0; m < r.models.size(); ++m) {
            const compare::SuiteCell& c = r.cells[p][m];
            char stats[200];
            std::snprintf(stats, sizeof stats, "%d tokens, %.1f tok/s, first token %.0f ms, %s", c.tokens,
                          c.tokensPerSecond, c.timeToFirstTokenMs, stopReasonName(c.stopReason));
            std::cout << "-- " << r.models[m] << " (" << stats << ")" << (c.refusal ? " [refusal]" : "") << "\n"
                      << (c.error.empty() ? c.answer : "error: " + c.error) << "\n";
        }
        std::cout << "\n";
    }
}

} // namespace

int cmdCompare(const std::vector<std::string>& argv)
{
    Args args(argv, {"json", "print-suite"});
    if (auto bad = args.unknown({"m", "model", "suite", "p", "prompt", "system", "temp", "seed", "n", "ctx", "out",
                                 "json", "memory-budget", "print-suite"});
        !bad.empty())
        return usageError("compare: unknown option --" + bad.front());
    std::vector<std::string> models = args.values("m");
    for (const std::string& m : args.values("model"))
        models.push_back(m);
    const std::optional<std::string> suiteName = args.value("suite");
    const std::optional<std::string> prompt = args.value("p") ? args.value("p") : args.value("prompt");

    if (args.flag("print-suite")) { // the suite as JSONL, e.g. to start a suite of one's own
        if (!suiteName)
            return usageError("compare: --print-suite needs --suite NAME|FILE");
        auto suite = compare::loadSuite(*suiteName);
        if (!suite)
            return failure("compare: " + suite.error().message);
        std::cout << compare::suiteToJsonl(*suite);
        return 0;
    }
    if (models.empty() || models.size() > 4)
        return usageError("compare: give 1 to 4 models with -m MODEL (2 or more to compare)");
    if (suiteName.has_value() == prompt.has_value())
        return usageError("compare: give either --prompt TEXT or --suite FILE|perspectives");
    std::string error;
    const std::optional<double> temperature = args.doubleValue("temp", &error);
    const std::optional<int64_t> seed = args.intValue("seed", &error);
    const int64_t maxTokens = args.intValue("n", &error).value_or(256);
    const int64_t ctx = args.intValue("ctx", &error).value_or(0);
    const int64_t budget = args.intValue("memory-budget", &error).value_or(0);
    if (!error.empty())
        return usageError("compare: " + error);
    if (maxTokens < 1 || ctx < 0 || budget < 0 || (seed && *seed < 0))
        return usageError("compare: -n must be positive; --ctx, --seed and --memory-budget must not be negative");
    compare::ReportFormat format = compare::ReportFormat::Html;
    const std::optional<std::string> outPath = args.value("out");
    if (outPath && !compare::reportFormatForPath(*outPath, &format))
        return usageError("compare: --out must end in .html, .md or .csv");

    compare::Suite suite;
    if (suiteName) {
        auto loaded = compare::loadSuite(*suiteName);
        if (!loaded)
            return failure("compare: " + loaded.error().message);
        suite = std::move(*loaded);
    } else {
        suite.name = "Comparison";
        suite.prompts.push_back({"1", {}, {}, {}, *prompt});
    }

    compare::CompareSettings settings;
    settings.system = args.value("system").value_or("");
    settings.maxTokens = int32_t(maxTokens);
    if (temperature || seed) {
        SamplingParams p;
        if (temperature)
            p.temperature = float(*temperature);
        p.seed = uint64_t(seed.value_or(0));
        settings.sampling = p;
    }

    EngineOptions options;
    options.deviceMemoryBudget = uint64_t(budget);
    auto engine = Engine::create(options);
    if (!engine)
        return failure("compare: " + engine.error().message);
    compare::Comparer comparer(**engine);
    const bool tty = isatty(STDERR_FILENO) != 0;
    auto loaded = comparer.load(models, uint32_t(ctx), [&](size_t m, float fraction) {
        if (tty)
            std::cerr << "\rloading model " << m + 1 << "/" << models.size() << ": " << int(fraction * 100) << "%"
                      << std::flush;
    });
    if (tty)
        std::cerr << "\r\x1b[K";
    if (!loaded)
        return failure("compare: " + loaded.error().message);
    if (comparer.sequential())
        std::cerr << "note: " << comparer.notice() << "\n";

    std::signal(SIGINT, onCompareInterrupt);
    auto result = compare::runSuite(comparer, suite, settings, [&](size_t done, size_t total) {
        if (total > 1)
            std::cerr << "prompt " << done << "/" << total << (tty ? "\r" : "\n") << std::flush;
    }, &g_stop);
    std::signal(SIGINT, SIG_DFL);
    if (!result)
        return failure("compare: " + result.error().message);
    if (result->cancelled)
        std::cerr << "\nstopped after " << result->completedPrompts << " of " << suite.prompts.size() << " prompts\n";

    if (args.flag("json"))
        std::cout << resultJson(*result) << "\n";
    else
        printText(*result);
    if (outPath) {
        std::ofstream out(*outPath, std::ios::binary);
        out << compare::renderReport(*result, format);
        if (!out)
            return failure("compare: cannot write " + *outPath);
        std::cerr << "report written to " << *outPath << "\n";
    }
    return result->cancelled ? 1 : 0;
}

} // namespace agora::cli
