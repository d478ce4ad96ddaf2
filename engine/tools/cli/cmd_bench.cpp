// agora-cli bench -m MODEL [-p 512] [-n 128] [--device D] [--cpu] [--json]: in the spirit of
// llama-bench: the load time, a prompt of P tokens evaluated in batches (prompt tokens/s), then
// N tokens decoded one at a time (generation tokens/s), and the device memory the model holds.
// The tokens are fixed pseudo-random ids, so runs are comparable.
#include "cli.h"
#include "forward_runner.h"

#include "model/forward.h"
#include "model/model.h"

#include <chrono>
#include <cstdio>
#include <iostream>

namespace agora::cli {

int cmdBench(const std::vector<std::string>& argv)
{
    Args args(argv, {"json", "cpu"});
    if (auto bad = args.unknown({"json", "cpu", "m", "model", "p", "n", "device", "batch"}); !bad.empty())
        return usageError("bench: unknown option --" + bad.front());
    const std::optional<std::string> path = args.value("m") ? args.value("m") : args.value("model");
    if (!path)
        return usageError("bench: -m MODEL is required");
    std::string error;
    const int64_t nPrompt = args.intValue("p", &error).value_or(512);
    const int64_t nGen = args.intValue("n", &error).value_or(128);
    const int64_t batch = args.intValue("batch", &error).value_or(64);
    if (!error.empty())
        return usageError("bench: " + error);
    if (nPrompt < 1 || nGen < 0 || batch < 1 || nPrompt + nGen > 1 << 20)
        return usageError("bench: -p must be at least 1, -n at least 0, --batch at least 1");

    ForwardRequest request;
    request.modelPath = *path;
    request.cpu = args.flag("cpu");
    request.device = args.value("device");
    request.nCtx = uint32_t(nPrompt + nGen);
    request.maxBatch = uint32_t(batch);
    auto loaded = loadForward(request);
    if (!loaded)
        return failure(loaded.error().message);
    const uint32_t nVocab = loaded->model->hparams().nVocab;

    std::vector<int32_t> prompt(static_cast<size_t>(nPrompt));
    uint64_t state = 0x9e3779b97f4a7c15ull;
    for (int32_t& id : prompt) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        id = int32_t((state >> 33) % nVocab);
    }
    using Clock = std::chrono::steady_clock;
    auto start = Clock::now();
    auto logits = loaded->forward->evaluate(prompt, 0, false);
    if (!logits)
        return failure(logits.error().message);
    const double promptSeconds = std::chrono::duration<double>(Clock::now() - start).count();

    start = Clock::now();
    int32_t token = prompt.back();
    for (int64_t i = 0; i < nGen; ++i) {
        logits = loaded->forward->evaluate(std::span(&token, 1), uint32_t(nPrompt + i), false);
        if (!logits)
            return failure(logits.error().message);
        token = int32_t((uint32_t(token) * 2654435761u + uint32_t(i)) % nVocab);
    }
    const double genSeconds = std::chrono::duration<double>(Clock::now() - start).count();
    const double ppRate = double(nPrompt) / promptSeconds;
    const double tgRate = nGen > 0 ? double(nGen) / genSeconds : 0.0;
    const double deviceMiB = double(loaded->deviceBytes) / 1048576.0;

    if (args.flag("json")) {
        std::cout << "{\"model\": \"" << jsonEscape(*path) << "\", \"device\": \"" << jsonEscape(loaded->deviceName)
                  << "\", \"load_seconds\": " << jsonFloat(float(loaded->loadSeconds))
                  << ", \"prompt_tokens\": " << nPrompt << ", \"prompt_tokens_per_second\": " << jsonFloat(float(ppRate))
                  << ", \"gen_tokens\": " << nGen << ", \"gen_tokens_per_second\": " << jsonFloat(float(tgRate))
                  << ", \"device_memory_bytes\": " << loaded->deviceBytes << "}\n";
    } else {
        std::printf("model   %s\ndevice  %s\nload    %.2f s\npp%-5lld %.2f tok/s\ntg%-5lld %.2f tok/s\nmemory  %.1f "
                    "MiB on the device\n",
                    path->c_str(), loaded->deviceName.c_str(), loaded->loadSeconds, (long long)nPrompt, ppRate,
                    (long long)nGen, tgRate, deviceMiB);
    }
    return 0;
}

} // namespace agora::cli
