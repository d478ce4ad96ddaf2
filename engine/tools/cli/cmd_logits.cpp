// agora-cli logits -m MODEL --tokens 1,2,3 [--top 20] [--json] [--full] [--device D] [--cpu]:
// evaluates the ids as one batch and prints each position's top logits. The JSON has the shape
// of llama.cpp's reference dumps (refdump-v1) so the two can be compared directly.
#include "cli.h"

#include "forward_runner.h"

#include "model/forward.h"
#include "model/model.h"

#include <algorithm>
#include <iostream>
#include <numeric>
#include <span>
#include <sstream>

namespace agora::cli {
namespace {

// "1,2,3" -> ids; error text on anything else.
std::optional<std::vector<int32_t>> parseTokenList(const std::string& text, std::string* error)
{
    std::vector<int32_t> ids;
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, ',')) {
        char* end = nullptr;
        const long long v = std::strtoll(part.c_str(), &end, 10);
        if (part.empty() || *end != '\0' || v < 0 || v > 0x7fffffff) {
            *error = "--tokens expects comma-separated token ids, got '" + part + "'";
            return std::nullopt;
        }
        ids.push_back(int32_t(v));
    }
    if (ids.empty()) {
        *error = "--tokens is empty";
        return std::nullopt;
    }
    return ids;
}

// The k best (id, logit) pairs, logit descending, ties to the lower id (as the reference dumps).
std::vector<std::pair<int32_t, float>> topK(std::span<const float> row, size_t k)
{
    std::vector<int32_t> ids(row.size());
    std::iota(ids.begin(), ids.end(), 0);
    k = std::min(k, ids.size());
    std::partial_sort(ids.begin(), ids.begin() + std::ptrdiff_t(k), ids.end(), [&](int32_t a, int32_t b) {
        return row[size_t(a)] > row[size_t(b)] || (row[size_t(a)] == row[size_t(b)] && a < b);
    });
    std::vector<std::pair<int32_t, float>> out;
    for (size_t i = 0; i < k; ++i)
        out.emplace_back(ids[i], row[size_t(ids[i])]);
    return out;
}

} // namespace

int cmdLogits(const std::vector<std::string>& argv)
{
    const std::vector<std::string> flags{"json", "full", "cpu"};
    Args args(argv, flags);
    if (auto bad = args.unknown({"json", "full", "cpu", "m", "model", "tokens", "top", "device"}); !bad.empty())
        return usageError("logits: unknown option --" + bad.front());
    const std::optional<std::string> path = args.value("m") ? args.value("m") : args.value("model");
    if (!path)
        return usageError("logits: -m MODEL is required");
    const std::optional<std::string> tokenText = args.value("tokens");
    if (!tokenText)
        return usageError("logits: --tokens 1,2,3 is required");
    std::string error;
    const auto tokens = parseTokenList(*tokenText, &error);
    if (!tokens)
        return usageError("logits: " + error);
    const int64_t top = args.intValue("top", &error).value_or(20);
    if (!error.empty())
        return usageError("logits: " + error);
    if (top < 1)
        return usageError("logits: --top must be at least 1");
    ForwardRequest request;
    request.modelPath = *path;
    request.cpu = args.flag("cpu");
    request.device = args.value("device");
    request.nCtx = uint32_t(tokens->size());
    auto loaded = loadForward(request);
    if (!loaded)
        return failure(loaded.error().message);
    auto logits = loaded->forward->evaluate(*tokens, 0, true);
    if (!logits)
        return failure(logits.error().message);

    const size_t nVocab = loaded->model->hparams().nVocab;
    const bool json = args.flag("json");
    if (json) {
        std::cout << "{\"tokens\": [";
        for (size_t i = 0; i < tokens->size(); ++i)
            std::cout << (i ? ", " : "") << (*tokens)[i];
        std::cout << "],\n \"positions\": [";
    }
    for (size_t p = 0; p < tokens->size(); ++p) {
        const auto best = topK(std::span<const float>(logits->data() + p * nVocab, nVocab), size_t(top));
        if (json) {
            std::cout << (p ? ",\n  " : "\n  ") << "{\"pos\": " << p << ", \"token\": " << (*tokens)[p] << ", \"top\": [";
            for (size_t i = 0; i < best.size(); ++i)
                std::cout << (i ? ", " : "") << "[" << best[i].first << ", " << jsonFloat(best[i].second) << "]";
            std::cout << "]}";
        } else {
            std::cout << "pos " << p << " token " << (*tokens)[p] << ":";
            for (const auto& [id, logit] : best)
                std::cout << " " << id << ":" << jsonFloat(logit);
            std::cout << "\n";
        }
    }
    const std::span<const float> last(logits->data() + (tokens->size() - 1) * nVocab, nVocab);
    if (json) {
        std::cout << "\n ]";
        if (args.flag("full")) {
            std::cout << ",\n \"last_logits\": [";
            for (size_t i = 0; i < last.size(); ++i)
                std::cout << (i ? ", " : "") << jsonFloat(last[i]);
            std::cout << "]";
        }
        std::cout << "}\n";
    } else if (args.flag("full")) {
        std::cout << "last position, all logits:";
        for (float v : last)
            std::cout << " " << jsonFloat(v);
        std::cout << "\n";
    }
    return 0;
}

} // namespace agora::cli
