#include "tensor/synth_plan.h"

#include <cctype>
#include <cmath>

namespace agora::tensor {

namespace {

std::vector<SynthShape> knownShapes()
{
    std::vector<SynthShape> shapes;

    SynthShape llama;
    llama.key = "llama3.2-1b";
    llama.architecture = "llama";
    llama.sizeLabel = "1B";
    llama.vocabSize = 128256;
    llama.embeddingLength = 2048;
    llama.layers = 16;
    llama.ffnLength = 8192;
    llama.heads = 32;
    llama.kvHeads = 8;
    llama.headDim = 64;
    llama.contextLength = 131072;
    llama.ropeFreqBase = 500000.0f;
    llama.rmsEpsilon = 1e-5f;
    llama.llama3RopeFreqs = true;
    llama.vocabStyle = SynthVocabStyle::Llama3;
    shapes.push_back(llama);

    SynthShape qwen;
    qwen.key = "qwen2.5-0.5b";
    qwen.architecture = "qwen2";
    qwen.sizeLabel = "0.5B";
    qwen.vocabSize = 151936;
    qwen.embeddingLength = 896;
    qwen.layers = 24;
    qwen.ffnLength = 4864;
    qwen.heads = 14;
    qwen.kvHeads = 2;
    qwen.headDim = 64;
    qwen.contextLength = 32768;
    qwen.ropeFreqBase = 1000000.0f;
    qwen.rmsEpsilon = 1e-6f;
    qwen.qkvBias = true;
    qwen.vocabStyle = SynthVocabStyle::Qwen2;
    shapes.push_back(qwen);

    // Small enough for unit tests (1024 tokens, 4 layers), K-quant friendly (rows of 256).
    SynthShape tiny;
    tiny.key = "tiny-llama";
    tiny.architecture = "llama";
    tiny.sizeLabel = "4M";
    tiny.vocabSize = 1024;
    tiny.embeddingLength = 256;
    tiny.layers = 4;
    tiny.ffnLength = 768;
    tiny.heads = 8;
    tiny.kvHeads = 2;
    tiny.headDim = 32;
    tiny.contextLength = 2048;
    tiny.ropeFreqBase = 10000.0f;
    tiny.rmsEpsilon = 1e-5f;
    tiny.vocabStyle = SynthVocabStyle::Llama3;
    shapes.push_back(tiny);

    return shapes;
}

bool endsWith(std::string_view s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// "blk.12.attn_v.weight" -> 12; nullopt for tensors outside the blocks.
std::optional<uint32_t> layerOf(std::string_view name)
{
    if (name.substr(0, 4) != "blk.")
        return std::nullopt;
    uint32_t layer = 0;
    size_t i = 4;
    if (i >= name.size() || !std::isdigit(static_cast<unsigned char>(name[i])))
        return std::nullopt;
    for (; i < name.size() && std::isdigit(static_cast<unsigned char>(name[i])); ++i)
        layer = layer * 10 + static_cast<uint32_t>(name[i] - '0');
    return layer;
}

// ggml refuses a block type whose block does not divide the row; llama.cpp then falls back to a
// 32-element type of similar quality, or to F16 when even 32 does not divide it.
TensorType withRowFallback(TensorType type, uint64_t rowLength)
{
    if (rowLength % traitsOf(type).blockElements == 0)
        return type;
    TensorType fallback = TensorType::F16;
    switch (type) {
    case TensorType::Q2_K:
    case TensorType::Q3_K:
    case TensorType::IQ4_XS: fallback = TensorType::IQ4_NL; break;
    case TensorType::Q4_K: fallback = TensorType::Q5_0; break;
    case TensorType::Q5_K: fallback = TensorType::Q5_1; break;
    case TensorType::Q6_K: fallback = TensorType::Q8_0; break;
    default: break;
    }
    return rowLength % traitsOf(fallback).blockElements == 0 ? fallback : TensorType::F16;
}

} // namespace

std::optional<SynthShape> synthShape(std::string_view key)
{
    for (auto& s : knownShapes())
        if (s.key == key)
            return s;
    return std::nullopt;
}

std::vector<std::string> synthShapeNames()
{
    std::vector<std::string> names;
    for (const auto& s : knownShapes())
        names.push_back(s.key);
    return names;
}

std::optional<SynthMix> synthMixFromName(std::string_view name)
{
    std::string lower;
    for (char c : name)
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "f16")
        return SynthMix::F16;
    if (lower == "q8_0")
        return SynthMix::Q8_0;
    if (lower == "q4_k_m")
        return SynthMix::Q4_K_M;
    return std::nullopt;
}

std::string_view synthMixName(SynthMix mix)
{
    switch (mix) {
    case SynthMix::F16: return "F16";
    case SynthMix::Q8_0: return "Q8_0";
    case SynthMix::Q4_K_M: return "Q4_K_M";
    }
    return "?";
}

uint32_t synthMixFileType(SynthMix mix)
{
    switch (mix) {
    case SynthMix::F16: return 1;
    case SynthMix::Q8_0: return 7;
    case SynthMix::Q4_K_M: return 15;
    }
    return 0;
}

bool useMoreBits(uint32_t layer, uint32_t layers)
{
    return layer < layers / 8 || layer >= 7 * layers / 8 || (layer >= layers / 8 && (layer - layers / 8) % 3 == 2);
}

TensorType q4KMTypeFor(std::string_view tensorName, uint64_t rowLength, uint32_t layers, bool tiedEmbedding)
{
    TensorType type = TensorType::Q4_K;
    const auto layer = layerOf(tensorName);
    if (tensorName == "output.weight" || (tiedEmbedding && tensorName == "token_embd.weight"))
        type = TensorType::Q6_K;
    else if (layer && (endsWith(tensorName, ".attn_v.weight") || endsWith(tensorName, ".ffn_down.weight"))
             && useMoreBits(*layer, layers))
        type = TensorType::Q6_K;
    return withRowFallback(type, rowLength);
}

std::vector<PlannedTensor> planTensors(const SynthShape& shape, SynthMix mix)
{
    const uint64_t embd = shape.embeddingLength;
    const uint64_t qDim = uint64_t(shape.heads) * shape.headDim;
    const uint64_t kvDim = uint64_t(shape.kvHeads) * shape.headDim;
    const float embdScale = 1.0f / std::sqrt(static_cast<float>(embd));

    std::vector<PlannedTensor> plan;
    auto matrix = [&](std::string name, uint64_t cols, uint64_t rows, float stddev) {
        TensorType type = TensorType::F16;
        if (mix == SynthMix::Q8_0)
            type = withRowFallback(TensorType::Q8_0, cols);
        else if (mix == SynthMix::Q4_K_M)
            type = q4KMTypeFor(name, cols, shape.layers, shape.tiedEmbedding);
        plan.push_back({std::move(name), {cols, rows}, type, WeightInit::Normal, stddev});
    };
    auto vector = [&](std::string name, uint64_t n, WeightInit init, float stddev) {
        plan.push_back({std::move(name), {n}, TensorType::F32, init, stddev});
    };

    if (shape.llama3RopeFreqs)
        vector("rope_freqs.weight", shape.headDim / 2, WeightInit::RopeFreqs, 0.0f);
    matrix("token_embd.weight", embd, shape.vocabSize, 2.5f * embdScale);
    for (uint32_t i = 0; i < shape.layers; ++i) {
        const std::string p = "blk." + std::to_string(i) + ".";
        vector(p + "attn_norm.weight", embd, WeightInit::NormWeight, 0.0f);
        matrix(p + "attn_q.weight", embd, qDim, embdScale);
        matrix(p + "attn_k.weight", embd, kvDim, embdScale);
        matrix(p + "attn_v.weight", embd, kvDim, embdScale);
        if (shape.qkvBias) {
            vector(p + "attn_q.bias", qDim, WeightInit::Normal, 0.5f);
            vector(p + "attn_k.bias", kvDim, WeightInit::Normal, 0.5f);
            vector(p + "attn_v.bias", kvDim, WeightInit::Normal, 0.1f);
        }
        matrix(p + "attn_output.weight", qDim, embd, 3.0f * embdScale);
        vector(p + "ffn_norm.weight", embd, WeightInit::NormWeight, 0.0f);
        matrix(p + "ffn_gate.weight", embd, shape.ffnLength, embdScale);
        matrix(p + "ffn_up.weight", embd, shape.ffnLength, embdScale);
        matrix(p + "ffn_down.weight", shape.ffnLength, embd, 3.0f / std::sqrt(static_cast<float>(shape.ffnLength)));
    }
    vector("output_norm.weight", embd, WeightInit::NormWeight, 0.0f);
    if (!shape.tiedEmbedding)
        matrix("output.weight", embd, shape.vocabSize, 2.5f * embdScale);
    return plan;
}

} // namespace agora::tensor
