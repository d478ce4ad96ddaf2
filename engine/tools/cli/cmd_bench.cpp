// agora-cli bench -m MODEL [-p 512] [-n 128] [-r 1] [--device D] [--cpu] [--json] [--ctx-sweep]
// [--sweep-n 16] [--profile] [--profile-depth D] [--no-warmup]: in the spirit of llama-bench: the load time, an untimed
// warm-up pass, a prompt of P tokens
// evaluated in batches (prompt tokens/s), then N tokens decoded one at a time (generation
// tokens/s), and the device memory the model holds. The tokens are fixed pseudo-random ids, so
// runs are comparable. -r repeats prompt + generation and reports the median (and min/max);
// --ctx-sweep times decoding at context depths 0..4096 (-r times, interleaved); --profile times
// each kind of weight matrix's products per token against the device's copy bandwidth
// (bench_profile.h) and every kernel of tokens decoded after the prompt (or at --profile-depth).
#include "bench_profile.h"
#include "cli.h"
#include "forward_runner.h"

#include "model/forward.h"
#include "model/gpu_forward.h"
#include "model/model.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <sstream>

namespace agora::cli {
namespace {

using Clock = std::chrono::steady_clock;

// Decoded tokens --profile times kernel by kernel.
constexpr int64_t kTimedTokens = 16;

// Context depths of --ctx-sweep.
constexpr uint32_t kSweepDepths[] = {0, 256, 512, 1024, 2048, 4096};

struct Stats {
    double median = 0, min = 0, max = 0;
};

Stats statsOf(std::vector<double> values)
{
    if (values.empty())
        return {};
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    const double median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
    return {median, values.front(), values.back()};
}

// Tokens/s of decoding `count` tokens one at a time from position `firstPos`.
Result<double> decodeRate(model::Forward& forward, int32_t token, uint32_t firstPos, int64_t count, uint32_t nVocab)
{
    const auto start = Clock::now();
    for (int64_t i = 0; i < count; ++i) {
        auto logits = forward.evaluate(std::span(&token, 1), firstPos + uint32_t(i), false);
        if (!logits)
            return logits.error();
        token = int32_t((uint32_t(token) * 2654435761u + uint32_t(i)) % nVocab);
    }
    return double(count) / std::chrono::duration<double>(Clock::now() - start).count();
}

std::string statsJson(const char* name, const Stats& s)
{
    std::ostringstream out;
    out << ", \"" << name << "_median\": " << jsonFloat(float(s.median)) << ", \"" << name
        << "_min\": " << jsonFloat(float(s.min)) << ", \"" << name << "_max\": " << jsonFloat(float(s.max));
    return out.str();
}

} // namespace

int cmdBench(const std::vector<std::string>& argv)
{
    Args args(argv, {"json", "cpu", "profile", "ctx-sweep", "no-warmup"});
    if (auto bad = args.unknown({"json", "cpu", "m", "model", "p", "n", "device", "batch", "r", "profile", "ctx-sweep",
                                 "sweep-n", "ctx", "no-warmup", "profile-depth"});
        !bad.empty())
        return usageError("bench: unknown option --" + bad.front());
    const std::optional<std::string> path = args.value("m") ? args.value("m") : args.value("model");
    if (!path)
        return usageError("bench: -m MODEL is required");
    std::string error;
    const int64_t nPrompt = args.intValue("p", &error).value_or(512);
    const int64_t nGen = args.intValue("n", &error).value_or(128);
    const int64_t batch = args.intValue("batch", &error).value_or(64);
    const int64_t repetitions = args.intValue("r", &error).value_or(1);
    const int64_t sweepTokens = args.intValue("sweep-n", &error).value_or(16);
    const int64_t ctx = args.intValue("ctx", &error).value_or(0); // 0: what the run needs
    const std::optional<int64_t> profileDepth = args.intValue("profile-depth", &error);
    if (!error.empty())
        return usageError("bench: " + error);
    if (nPrompt < 1 || nGen < 0 || batch < 1 || nPrompt + nGen > 1 << 20)
        return usageError("bench: -p must be at least 1, -n at least 0, --batch at least 1");
    if (repetitions < 1 || repetitions > 1000 || sweepTokens < 1 || sweepTokens > 4096)
        return usageError("bench: -r must be 1..1000, --sweep-n 1..4096");
    if (ctx < 0 || ctx > 1 << 20)
        return usageError("bench: --ctx must be 0..1048576");
    if (profileDepth && (*profileDepth < 0 || *profileDepth > 1 << 20 || !args.flag("profile")))
        return usageError("bench: --profile-depth must be 0..1048576, with --profile");
    const bool sweep = args.flag("ctx-sweep");
    const bool profile = args.flag("profile");
    if (profile && args.flag("cpu"))
        return usageError("bench: --profile times GPU kernels; it cannot be combined with --cpu");

    ForwardRequest request;
    request.modelPath = *path;
    request.cpu = args.flag("cpu");
    request.device = args.value("device");
    request.nCtx = uint32_t(nPrompt + nGen);
    if (sweep)
        request.nCtx = std::max<uint32_t>(request.nCtx, kSweepDepths[std::size(kSweepDepths) - 1] + uint32_t(sweepTokens));
    // --profile times decoded tokens after the prompt: the cache must hold them too.
    if (profile)
        request.nCtx = std::max<uint32_t>(request.nCtx, uint32_t(profileDepth.value_or(nPrompt) + kTimedTokens));
    // A larger KV cache than the run fills, to measure device memory at a real context length.
    request.nCtx = std::max<uint32_t>(request.nCtx, uint32_t(ctx));
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
    // A warm-up pass (the prompt and one decoded token) before anything is timed, as llama-bench
    // does by default (the llama.cpp anchors were measured that way): the first pass builds the
    // pipelines of its batch sizes, which on lavapipe took 0.2 s for a decoded token of the
    // Qwen2.5-0.5B shape, 7 ms per token of a 32-token run.
    const bool warmup = !args.flag("no-warmup");
    if (warmup) {
        auto logits = loaded->forward->evaluate(prompt, 0, false);
        if (!logits)
            return failure(logits.error().message);
        if (nGen > 0 || sweep || profile) {
            auto rate = decodeRate(*loaded->forward, prompt.back(), uint32_t(nPrompt), 1, nVocab);
            if (!rate)
                return failure(rate.error().message);
        }
    }
    std::vector<double> ppRates, tgRates;
    for (int64_t rep = 0; rep < repetitions; ++rep) {
        const auto start = Clock::now();
        auto logits = loaded->forward->evaluate(prompt, 0, false);
        if (!logits)
            return failure(logits.error().message);
        ppRates.push_back(double(nPrompt) / std::chrono::duration<double>(Clock::now() - start).count());
        if (nGen > 0) {
            auto rate = decodeRate(*loaded->forward, prompt.back(), uint32_t(nPrompt), nGen, nVocab);
            if (!rate)
                return failure(rate.error().message);
            tgRates.push_back(*rate);
        }
    }
    const Stats pp = statsOf(ppRates), tg = statsOf(tgRates);

    // Decode speed at each depth: the cache positions before the depth are whatever the earlier
    // runs left there (attention reads them all the same), so no 4096-token prompt is needed.
    // With -r N the whole sweep runs N times, so that a slow spell of a shared machine lands on
    // every depth alike rather than on the last ones, and each depth reports its median.
    std::vector<std::pair<uint32_t, Stats>> sweepRates;
    if (sweep) {
        std::vector<std::vector<double>> rates(std::size(kSweepDepths));
        for (int64_t rep = 0; rep < repetitions; ++rep) {
            for (size_t d = 0; d < std::size(kSweepDepths); ++d) {
                auto rate = decodeRate(*loaded->forward, prompt.front(), kSweepDepths[d], sweepTokens, nVocab);
                if (!rate)
                    return failure(rate.error().message);
                rates[d].push_back(*rate);
            }
        }
        for (size_t d = 0; d < std::size(kSweepDepths); ++d)
            sweepRates.emplace_back(kSweepDepths[d], statsOf(rates[d]));
    }
    std::optional<BenchProfile> kernelProfile;
    auto* gpu = dynamic_cast<model::GpuForward*>(loaded->forward.get());
    const uint32_t dispatches = gpu ? gpu->lastDispatchCount() : 0;
    if (profile) {
        auto p = profileMatVecs(*loaded->model, loaded->context, int(std::min<int64_t>(repetitions, 5)) + 2);
        if (!p)
            return failure(p.error().message);
        kernelProfile = std::move(*p);
        // Every kernel of decoded tokens, timed dispatch by dispatch, after the prompt.
        if (gpu) {
            if (auto on = gpu->setKernelTiming(true); !on)
                return failure(on.error().message);
            gpu->clearKernelTimes();
            // At --profile-depth the cache holds whatever earlier runs left (as for --ctx-sweep).
            const auto depth = uint32_t(profileDepth.value_or(nPrompt));
            auto rate = decodeRate(*gpu, prompt.back(), depth, kTimedTokens, nVocab);
            if (!rate)
                return failure(rate.error().message);
            kernelProfile->timedTokens = uint32_t(kTimedTokens);
            kernelProfile->timedDepth = depth;
            kernelProfile->timedTokenMs = 1000.0 / *rate;
            for (const model::GpuForward::KernelTime& k : gpu->kernelTimes())
                kernelProfile->kernels.push_back({k.kernel, k.milliseconds / kTimedTokens, double(k.dispatches) / kTimedTokens});
            if (auto off = gpu->setKernelTiming(false); !off)
                return failure(off.error().message);
        }
    }
    const uint64_t weightBytes = gpu ? gpu->weightBytes() : 0;
    const uint64_t kvBytes = gpu ? model::GpuForward::kvCacheBytes(loaded->model->hparams(), request.nCtx, request.maxBatch) : 0;
    // What the device holds beyond the weights and the KV cache, as a fraction of those two.
    const double overhead = weightBytes ? double(loaded->deviceBytes) / double(weightBytes + kvBytes) - 1.0 : 0.0;
    const double deviceMiB = double(loaded->deviceBytes) / 1048576.0;

    if (args.flag("json")) {
        std::cout << "{\"model\": \"" << jsonEscape(*path) << "\", \"device\": \"" << jsonEscape(loaded->deviceName)
                  << "\", \"load_seconds\": " << jsonFloat(float(loaded->loadSeconds))
                  << ", \"prompt_tokens\": " << nPrompt << ", \"prompt_tokens_per_second\": " << jsonFloat(float(pp.median))
                  << ", \"gen_tokens\": " << nGen << ", \"gen_tokens_per_second\": " << jsonFloat(float(tg.median))
                  << ", \"device_memory_bytes\": " << loaded->deviceBytes << ", \"weight_bytes\": " << weightBytes
                  << ", \"dispatches_per_token\": " << dispatches
                  << ", \"kv_cache_bytes\": " << kvBytes << ", \"device_memory_overhead\": " << jsonFloat(float(overhead))
                  << ", \"context\": " << request.nCtx << ", \"batch\": " << batch
                  << ", \"repetitions\": " << repetitions << ", \"warmup\": " << (warmup ? "true" : "false")
                  << statsJson("prompt_tokens_per_second", pp)
                  << statsJson("gen_tokens_per_second", tg);
        if (sweep) {
            std::cout << ", \"ctx_sweep\": [";
            for (size_t i = 0; i < sweepRates.size(); ++i)
                std::cout << (i ? ", " : "") << "{\"depth\": " << sweepRates[i].first << ", \"gen_tokens\": "
                          << sweepTokens << ", \"gen_tokens_per_second\": "
                          << jsonFloat(float(sweepRates[i].second.median))
                          << statsJson("gen_tokens_per_second", sweepRates[i].second) << "}";
            std::cout << "]";
        }
        if (kernelProfile)
            std::cout << ", \"profile\": " << profileJson(*kernelProfile);
        std::cout << "}\n";
    } else {
        std::printf("model   %s\ndevice  %s\nload    %.2f s\npp%-5lld %.2f tok/s\ntg%-5lld %.2f tok/s\nmemory  %.1f "
                    "MiB on the device\n",
                    path->c_str(), loaded->deviceName.c_str(), loaded->loadSeconds, (long long)nPrompt, pp.median,
                    (long long)nGen, tg.median, deviceMiB);
        if (repetitions > 1)
            std::printf("runs    %lld: pp min %.2f max %.2f, tg min %.2f max %.2f tok/s\n", (long long)repetitions,
                        pp.min, pp.max, tg.min, tg.max);
        if (weightBytes)
            std::printf("weights %.1f MiB, KV cache %.1f MiB (context %u): the device holds %.1f%% more\n",
                        double(weightBytes) / 1048576.0, double(kvBytes) / 1048576.0, request.nCtx, 100.0 * overhead);
        for (const auto& [depth, rate] : sweepRates) {
            std::printf("depth %-5u tg%-4lld %.2f tok/s", depth, (long long)sweepTokens, rate.median);
            if (repetitions > 1)
                std::printf(" (median of %lld, min %.2f max %.2f)", (long long)repetitions, rate.min, rate.max);
            std::printf("\n");
        }
        if (kernelProfile)
            printProfile(*kernelProfile, tg.median > 0 ? 1000.0 / tg.median : 0.0);
    }
    return 0;
}

} // namespace agora::cli
