// agora-cli synth: writes a random-weight GGUF with a real model's shape, metadata, tokenizer
// and tensor-type mixture, so that benchmarks and tests need no downloads.
#include "cli.h"

#include "tensor/synth_writer.h"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <sstream>

#include <unistd.h>

namespace agora::cli {

namespace {

std::string joined(const std::vector<std::string>& names)
{
    std::string out;
    for (const auto& n : names)
        out += (out.empty() ? "" : "|") + n;
    return out;
}

} // namespace

int cmdSynth(const std::vector<std::string>& argv)
{
    Args args(argv, {"json", "quiet"});
    if (auto bad = args.unknown({"shape", "type", "seed", "threads", "o", "output", "json", "quiet"}); !bad.empty())
        return usageError("synth: unknown option --" + bad.front());
    if (!args.positionals().empty())
        return usageError("synth: unexpected argument '" + args.positionals().front() + "'");

    const auto shapeName = args.value("shape");
    if (!shapeName)
        return usageError("synth: --shape is required (" + joined(tensor::synthShapeNames()) + ")");
    auto shape = tensor::synthShape(*shapeName);
    if (!shape)
        return usageError("synth: unknown shape '" + *shapeName + "' (known: " + joined(tensor::synthShapeNames()) + ")");
    const auto typeName = args.value("type");
    if (!typeName)
        return usageError("synth: --type is required (q4_k_m|q8_0|f16)");
    const auto mix = tensor::synthMixFromName(*typeName);
    if (!mix)
        return usageError("synth: unknown type '" + *typeName + "' (known: q4_k_m|q8_0|f16)");
    auto output = args.value("o");
    if (!output)
        output = args.value("output");
    if (!output || output->empty())
        return usageError("synth: -o FILE is required");

    std::string error;
    const auto seed = args.intValue("seed", &error);
    const auto threads = args.intValue("threads", &error);
    if (!error.empty())
        return usageError("synth: " + error);
    if (seed && *seed < 0)
        return usageError("synth: --seed must not be negative");
    if (threads && (*threads < 1 || *threads > 256))
        return usageError("synth: --threads must be between 1 and 256");

    tensor::SynthOptions options;
    options.shape = *shape;
    options.mix = *mix;
    options.seed = seed ? static_cast<uint64_t>(*seed) : 0;
    options.threads = threads ? static_cast<unsigned>(*threads) : 0;
    // Progress on a terminal only: a log or a pipe gets the final summary alone.
    const bool quiet = args.flag("quiet") || args.flag("json") || !isatty(fileno(stderr));
    if (!quiet)
        options.progress = [](size_t done, size_t total) {
            std::fprintf(stderr, "\rsynth: %zu/%zu tensors", done, total);
            if (done == total)
                std::fprintf(stderr, "\n");
        };

    const auto start = std::chrono::steady_clock::now();
    auto report = tensor::writeSyntheticModel(options, *output);
    if (!report)
        return failure(report.error().message);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    if (args.flag("json")) {
        std::ostringstream o;
        o << "{\"path\": \"" << jsonEscape(*output) << "\", \"shape\": \"" << jsonEscape(shape->key)
          << "\", \"type\": \"" << tensor::synthMixName(*mix) << "\", \"seed\": " << options.seed
          << ", \"bytes\": " << report->fileBytes << ", \"parameters\": " << report->parameters
          << ", \"tensors\": " << report->tensors << ", \"vocab\": " << report->vocabSize
          << ", \"merges\": " << report->merges << ", \"seconds\": " << jsonFloat(static_cast<float>(seconds))
          << ", \"tensor_types\": {";
        bool first = true;
        for (const auto& [type, count] : report->tensorsPerType) {
            o << (first ? "" : ", ") << "\"" << type << "\": " << count;
            first = false;
        }
        o << "}}\n";
        std::cout << o.str();
        return 0;
    }
    std::cout << *output << ": " << shape->key << " " << tensor::synthMixName(*mix) << ", seed " << options.seed << "\n"
              << "  " << report->tensors << " tensors:";
    for (const auto& [type, count] : report->tensorsPerType)
        std::cout << " " << type << "x" << count;
    std::cout << "\n  " << report->parameters << " parameters, " << report->fileBytes << " bytes, vocabulary "
              << report->vocabSize << " tokens (" << report->merges << " merges), " << seconds << " s\n";
    return 0;
}

} // namespace agora::cli
