// agora-cli generate -m MODEL -p TEXT -n N [--device D] [--ctx C] [--seed S] [--temp T] [--ids]
// [--cpu]: tokenizes the prompt (with BOS as the vocabulary asks, special-token text parsed),
// evaluates it as one batch, then samples N tokens one at a time, streaming the text to stdout
// (or, with --ids, the generated token ids). Stops early at an end-of-generation token.
// Timings go to stderr so stdout stays the text.
#include "cli.h"
#include "forward_runner.h"

#include "gguf/gguf.h"
#include "model/forward.h"
#include "model/model.h"
#include "sampler/sampler.h"
#include "tokenizer/stream_decoder.h"
#include "tokenizer/tokenizer.h"

#include <chrono>
#include <cstdio>
#include <iostream>

namespace agora::cli {

int cmdGenerate(const std::vector<std::string>& argv)
{
    Args args(argv, {"ids", "cpu"});
    if (auto bad = args.unknown({"ids", "cpu", "m", "model", "p", "prompt", "n", "device", "ctx", "seed", "temp"});
        !bad.empty())
        return usageError("generate: unknown option --" + bad.front());
    const std::optional<std::string> path = args.value("m") ? args.value("m") : args.value("model");
    if (!path)
        return usageError("generate: -m MODEL is required");
    const std::string prompt = args.value("p").value_or(args.value("prompt").value_or(""));
    std::string error;
    const int64_t nPredict = args.intValue("n", &error).value_or(64);
    const int64_t nCtxArg = args.intValue("ctx", &error).value_or(0);
    const int64_t seed = args.intValue("seed", &error).value_or(0);
    const double temperature = args.doubleValue("temp", &error).value_or(0.8);
    if (!error.empty())
        return usageError("generate: " + error);
    if (nPredict < 0 || nCtxArg < 0 || seed < 0)
        return usageError("generate: -n, --ctx and --seed must not be negative");

    // The tokenizer reads the same file; open it once more (it is memory-mapped, so cheap).
    auto file = gguf::GgufFile::open(*path);
    if (!file)
        return failure(file.error().message);
    auto tokenizer = tokenizer::Tokenizer::fromGguf(**file);
    if (!tokenizer)
        return failure(tokenizer.error().message);
    std::vector<int32_t> tokens = (*tokenizer)->encode(prompt, true, true);
    if (tokens.empty())
        return usageError("generate: the prompt is empty and the model adds no BOS token; give -p TEXT");

    const uint64_t needed = tokens.size() + uint64_t(nPredict);
    ForwardRequest request;
    request.modelPath = *path;
    request.cpu = args.flag("cpu");
    request.device = args.value("device");
    request.nCtx = uint32_t(nCtxArg > 0 ? uint64_t(nCtxArg) : std::max<uint64_t>(needed, 1));
    request.showProgress = !request.cpu;
    if (tokens.size() > request.nCtx)
        return usageError("generate: the prompt has " + std::to_string(tokens.size()) + " tokens, more than --ctx " +
                          std::to_string(request.nCtx));
    auto loaded = loadForward(request);
    if (!loaded)
        return failure(loaded.error().message);
    const uint32_t nCtx = loaded->forward->contextSize();

    SamplingParams params;
    params.temperature = float(temperature);
    params.seed = uint64_t(seed);
    sampler::Sampler sampler(params);
    tokenizer::StreamDecoder decoder(**tokenizer);
    const bool ids = args.flag("ids");
    if (!ids)
        std::cout << prompt << std::flush; // as typed; the continuation brings its own spaces

    using Clock = std::chrono::steady_clock;
    const auto promptStart = Clock::now();
    auto logits = loaded->forward->evaluate(tokens, 0, false);
    if (!logits)
        return failure(logits.error().message);
    const double promptSeconds = std::chrono::duration<double>(Clock::now() - promptStart).count();
    const size_t promptTokens = tokens.size();

    const auto genStart = Clock::now();
    int64_t generated = 0;
    for (; generated < nPredict; ++generated) {
        const int32_t next = sampler.sample(*logits, tokens);
        tokens.push_back(next);
        if (ids)
            std::cout << (generated ? " " : "") << next << std::flush;
        else if (!(*tokenizer)->isEndOfGeneration(next))
            std::cout << decoder.push(next) << std::flush;
        if ((*tokenizer)->isEndOfGeneration(next) || generated + 1 == nPredict) {
            ++generated;
            break;
        }
        if (tokens.size() >= nCtx) {
            std::fprintf(stderr, "\nagora-cli: the context of %u tokens is full\n", nCtx);
            ++generated;
            break;
        }
        logits = loaded->forward->evaluate(std::span(&next, 1), uint32_t(tokens.size() - 1), false);
        if (!logits)
            return failure(logits.error().message);
    }
    if (!ids)
        std::cout << decoder.flush();
    std::cout << "\n";
    const double genSeconds = std::chrono::duration<double>(Clock::now() - genStart).count();
    std::fprintf(stderr, "%s | load %.2f s | prompt %zu tokens, %.2f tok/s | generated %lld tokens, %.2f tok/s\n",
                 loaded->deviceName.c_str(), loaded->loadSeconds, promptTokens,
                 promptSeconds > 0 ? double(promptTokens) / promptSeconds : 0.0, (long long)generated,
                 genSeconds > 0 ? double(generated) / genSeconds : 0.0);
    return 0;
}

} // namespace agora::cli
