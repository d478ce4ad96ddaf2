// agora-cli inspect MODEL.gguf [--json] [--ctx N]: what a model file is, read from its header
// without loading weights. The JSON keys are a stable interface.
#include "cli.h"

#include "agora/engine.h"

#include <cstdio>
#include <iostream>
#include <sstream>

namespace agora::cli {
namespace {

std::string number(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

std::string quotedJson(const std::string& s) { return "\"" + jsonEscape(s) + "\""; }

// Binary units, as memory is counted: KiB below 1 MiB, GiB from 1 GiB.
std::string mib(uint64_t bytes)
{
    char buf[32];
    const double b = static_cast<double>(bytes);
    if (bytes < (1u << 20))
        std::snprintf(buf, sizeof buf, "%.1f KiB", b / 1024.0);
    else if (bytes < (1u << 30))
        std::snprintf(buf, sizeof buf, "%.2f MiB", b / (1024.0 * 1024.0));
    else
        std::snprintf(buf, sizeof buf, "%.2f GiB", b / (1024.0 * 1024.0 * 1024.0));
    return buf;
}

std::string humanCount(uint64_t n)
{
    char buf[32];
    if (n >= 1000000000ull)
        std::snprintf(buf, sizeof buf, "%.2fB", static_cast<double>(n) / 1e9);
    else if (n >= 1000000ull)
        std::snprintf(buf, sizeof buf, "%.2fM", static_cast<double>(n) / 1e6);
    else if (n >= 1000ull)
        std::snprintf(buf, sizeof buf, "%.1fK", static_cast<double>(n) / 1e3);
    else
        std::snprintf(buf, sizeof buf, "%llu", static_cast<unsigned long long>(n));
    return buf;
}

void printJson(const ModelSummary& s)
{
    std::ostringstream o;
    auto list = [&](const std::vector<std::string>& items) {
        o << "[";
        for (size_t i = 0; i < items.size(); ++i)
            o << (i ? ", " : "") << quotedJson(items[i]);
        o << "]";
    };
    o << "{\"path\": " << quotedJson(s.path) << ", \"file_bytes\": " << s.fileBytes
      << ", \"gguf_version\": " << s.ggufVersion << ",\n \"architecture\": " << quotedJson(s.architecture)
      << ", \"name\": " << quotedJson(s.name) << ", \"author\": " << quotedJson(s.author)
      << ", \"organization\": " << quotedJson(s.organization) << ", \"license\": " << quotedJson(s.license)
      << ", \"base_model\": " << quotedJson(s.baseModel) << ", \"size_label\": " << quotedJson(s.sizeLabel)
      << ", \"finetune\": " << quotedJson(s.finetune) << ", \"languages\": ";
    list(s.languages);
    o << ",\n \"parameters\": " << s.parameterCount << ", \"quant\": " << quotedJson(s.quantLabel)
      << ", \"tensor_count\": " << s.tensorCount << ", \"tensor_types\": [";
    for (size_t i = 0; i < s.tensorTypes.size(); ++i) {
        const TensorTypeShare& t = s.tensorTypes[i];
        o << (i ? ", " : "") << "{\"type\": " << quotedJson(t.type) << ", \"tensors\": " << t.tensors
          << ", \"elements\": " << t.elements << ", \"bytes\": " << t.bytes << "}";
    }
    o << "], \"unsupported_types\": ";
    list(s.unsupportedTypes);
    o << ",\n \"context_length_trained\": " << s.trainedContextLength << ", \"layers\": " << s.layers
      << ", \"heads\": " << s.heads << ", \"kv_heads\": " << s.kvHeads
      << ", \"embedding_length\": " << s.embeddingLength << ", \"ffn_length\": " << s.ffnLength
      << ", \"key_length\": " << s.keyLength << ", \"value_length\": " << s.valueLength
      << ",\n \"rope\": {\"freq_base\": " << number(s.ropeFreqBase)
      << ", \"scaling_type\": " << quotedJson(s.ropeScalingType)
      << ", \"scaling_factor\": " << number(s.ropeScalingFactor) << ", \"dims\": " << s.ropeDims << "}"
      << ", \"sliding_window\": " << s.slidingWindow
      << ", \"features\": ";
    list(s.familyFeatures);
    o
      << ",\n \"vocab_size\": " << s.vocabSize << ", \"tokenizer\": {\"model\": " << quotedJson(s.tokenizerModel)
      << ", \"pre\": " << quotedJson(s.tokenizerPre) << "}"
      << ", \"chat_template\": " << (s.hasChatTemplate ? "true" : "false")
      << ", \"vocab_only\": " << (s.vocabOnly ? "true" : "false")
      << ",\n \"memory\": {\"context_length\": " << s.contextLength << ", \"weights_bytes\": " << s.weightsBytes
      << ", \"kv_cache_bytes\": " << s.kvCacheBytes << ", \"total_bytes\": " << s.deviceBytes << "}}\n";
    std::cout << o.str();
}

void printTable(const ModelSummary& s)
{
    auto row = [](const char* key, const std::string& value) {
        if (!value.empty())
            std::printf("  %-18s %s\n", key, value.c_str());
    };
    auto join = [](const std::vector<std::string>& items) {
        std::string out;
        for (const std::string& i : items)
            out += (out.empty() ? "" : ", ") + i;
        return out;
    };
    std::printf("%s\n", s.path.c_str());
    row("name", s.name);
    row("architecture", s.architecture);
    row("author", s.author);
    row("organization", s.organization);
    row("license", s.license);
    row("base model", s.baseModel);
    row("size label", s.sizeLabel);
    row("finetune", s.finetune);
    row("languages", join(s.languages));
    row("file", mib(s.fileBytes) + " (" + std::to_string(s.fileBytes) + " bytes), GGUF v" +
                    std::to_string(s.ggufVersion));
    if (s.vocabOnly) {
        row("contents", "vocabulary only (no weights)");
    } else {
        row("parameters", humanCount(s.parameterCount) + " (" + std::to_string(s.parameterCount) + ")");
        row("quantization", s.quantLabel);
        std::string mix;
        for (const TensorTypeShare& t : s.tensorTypes)
            mix += (mix.empty() ? "" : ", ") + t.type + " x" + std::to_string(t.tensors) + " (" + mib(t.bytes) + ")";
        row("tensors", std::to_string(s.tensorCount) + ": " + mix);
        if (!s.unsupportedTypes.empty())
            row("unsupported", join(s.unsupportedTypes) + " (Agora cannot run this model yet)");
        row("context (trained)", std::to_string(s.trainedContextLength));
        row("layers", std::to_string(s.layers));
        std::string heads = std::to_string(s.heads) + ", KV heads " + std::to_string(s.kvHeads);
        if (s.kvHeads && s.kvHeads < s.heads && s.heads % s.kvHeads == 0)
            heads += " (GQA " + std::to_string(s.heads / s.kvHeads) + ")";
        row("heads", heads);
        row("head dim", s.keyLength == s.valueLength ? std::to_string(s.keyLength)
                                                     : "K " + std::to_string(s.keyLength) + ", V " +
                                                           std::to_string(s.valueLength));
        row("embedding", std::to_string(s.embeddingLength));
        row("feed-forward", std::to_string(s.ffnLength));
        std::string rope = "base " + number(s.ropeFreqBase) + ", dims " + std::to_string(s.ropeDims);
        if (!s.ropeScalingType.empty())
            rope += ", scaling " + s.ropeScalingType + " x" + number(s.ropeScalingFactor);
        row("rope", rope);
        row("features", join(s.familyFeatures));
    }
    row("vocabulary", std::to_string(s.vocabSize) + " tokens, " +
                          (s.tokenizerModel.empty() ? "unknown tokenizer" : s.tokenizerModel) +
                          (s.tokenizerPre.empty() ? "" : " / " + s.tokenizerPre));
    row("chat template", s.hasChatTemplate ? "yes" : "no (continuation mode)");
    if (!s.vocabOnly)
        row("memory", mib(s.deviceBytes) + " = weights " + mib(s.weightsBytes) + " + KV cache " +
                          mib(s.kvCacheBytes) + " at " + std::to_string(s.contextLength) + " positions (f16)");
}

} // namespace

int cmdInspect(const std::vector<std::string>& argv)
{
    Args args(argv, {"json"});
    if (auto bad = args.unknown({"json", "ctx"}); !bad.empty())
        return usageError("inspect: unknown option --" + bad.front());
    if (args.positionals().size() != 1)
        return usageError("inspect: expected one MODEL.gguf");
    std::string error;
    auto ctx = args.intValue("ctx", &error);
    if (!error.empty())
        return usageError("inspect: " + error);
    if (ctx && (*ctx < 1 || *ctx > INT32_MAX))
        return usageError("inspect: --ctx must be between 1 and " + std::to_string(INT32_MAX));
    auto summary = inspectModel(args.positionals().front(), ctx ? static_cast<uint32_t>(*ctx) : 0);
    if (!summary)
        return failure(summary.error().message);
    if (args.flag("json"))
        printJson(*summary);
    else
        printTable(*summary);
    return 0;
}

} // namespace agora::cli
