#include "gguf/model_summary.h"

#include "gguf/family_features.h"

#include <algorithm>
#include <map>

namespace agora::gguf {
namespace {

// A hyperparameter that is a scalar in most files and a per-layer array in some (e.g. the KV
// head count of models whose layers differ): the value of layer `layer`.
std::optional<uint64_t> perLayer(const GgufFile& file, const std::string& key, uint32_t layer)
{
    const Value* v = file.find(key);
    if (!v)
        return std::nullopt;
    if (const ArrayValue* a = v->asArray()) {
        if (a->items.empty())
            return std::nullopt;
        return a->items[std::min<size_t>(layer, a->items.size() - 1)].asUInt();
    }
    return v->asUInt();
}

// The largest value over all layers (what a summary line shows).
std::optional<uint64_t> maxOverLayers(const GgufFile& file, const std::string& key)
{
    const Value* v = file.find(key);
    if (!v)
        return std::nullopt;
    if (const ArrayValue* a = v->asArray()) {
        std::optional<uint64_t> best;
        for (const Value& item : a->items)
            if (auto u = item.asUInt(); u && (!best || *u > *best))
                best = u;
        return best;
    }
    return v->asUInt();
}

uint64_t satMul(uint64_t a, uint64_t b)
{
    uint64_t r = 0;
    return __builtin_mul_overflow(a, b, &r) ? UINT64_MAX : r;
}

uint64_t satAdd(uint64_t a, uint64_t b)
{
    uint64_t r = 0;
    return __builtin_add_overflow(a, b, &r) ? UINT64_MAX : r;
}

uint32_t clampU32(std::optional<uint64_t> v)
{
    return v ? static_cast<uint32_t>(std::min<uint64_t>(*v, UINT32_MAX)) : 0;
}

std::string str(const GgufFile& file, const std::string& key)
{
    return std::string(file.getString(key).value_or(""));
}

// general.languages is an array of strings; some writers store a single string instead.
std::vector<std::string> stringList(const GgufFile& file, const std::string& key)
{
    std::vector<std::string> out;
    if (const ArrayValue* a = file.getArray(key)) {
        for (const Value& item : a->items)
            if (auto s = item.asString())
                out.emplace_back(*s);
    } else if (auto s = file.getString(key)) {
        out.emplace_back(*s);
    }
    return out;
}

// Key and value head dims of layer 0 default to n_embd / n_head when the file does not say.
struct HeadDims {
    uint64_t key = 0, value = 0;
};

HeadDims headDims(const GgufFile& file, const std::string& arch)
{
    uint64_t embd = file.getUInt(arch + ".embedding_length").value_or(0);
    uint64_t heads = maxOverLayers(file, arch + ".attention.head_count").value_or(0);
    uint64_t fallback = heads ? embd / heads : 0;
    return {file.getUInt(arch + ".attention.key_length").value_or(fallback),
            file.getUInt(arch + ".attention.value_length").value_or(fallback)};
}

std::string dominantType(const std::vector<TensorTypeShare>& shares)
{
    // The largest share among the quantized/half types: F32 norms and biases say nothing about
    // the quantization a user chose.
    for (const TensorTypeShare& s : shares)
        if (s.type != "F32")
            return s.type;
    return shares.empty() ? "" : shares.front().type;
}

} // namespace

std::optional<std::string_view> fileTypeLabel(uint32_t fileType)
{
    // llama.cpp's llama_ftype numbering, as written to general.file_type by its tools.
    switch (fileType) {
    case 0: return "F32";
    case 1: return "F16";
    case 2: return "Q4_0";
    case 3: return "Q4_1";
    case 7: return "Q8_0";
    case 8: return "Q5_0";
    case 9: return "Q5_1";
    case 10: return "Q2_K";
    case 11: return "Q3_K_S";
    case 12: return "Q3_K_M";
    case 13: return "Q3_K_L";
    case 14: return "Q4_K_S";
    case 15: return "Q4_K_M";
    case 16: return "Q5_K_S";
    case 17: return "Q5_K_M";
    case 18: return "Q6_K";
    case 19: return "IQ2_XXS";
    case 20: return "IQ2_XS";
    case 21: return "Q2_K_S";
    case 22: return "IQ3_XS";
    case 23: return "IQ3_XXS";
    case 24: return "IQ1_S";
    case 25: return "IQ4_NL";
    case 26: return "IQ3_S";
    case 27: return "IQ3_M";
    case 28: return "IQ2_S";
    case 29: return "IQ2_M";
    case 30: return "IQ4_XS";
    case 31: return "IQ1_M";
    case 32: return "BF16";
    case 36: return "TQ1_0";
    case 37: return "TQ2_0";
    case 38: return "MXFP4_MOE";
    default: return std::nullopt;
    }
}

Result<void> checkSupportedTypes(const GgufFile& file)
{
    for (const TensorInfo& t : file.tensors())
        if (!traitsOf(t.type).supported)
            return makeError(ErrorCode::Unsupported, "unsupported quantization " + std::string(tensorTypeName(t.type)) +
                                                         " (tensor '" + std::string(t.name) + "')");
    return {};
}

uint64_t kvCacheBytes(const GgufFile& file, uint64_t positions)
{
    const std::string arch = file.architecture();
    const uint64_t layers = file.getUInt(arch + ".block_count").value_or(0);
    const HeadDims dims = headDims(file, arch);
    const std::string kvKey = file.find(arch + ".attention.head_count_kv") ? arch + ".attention.head_count_kv"
                                                                          : arch + ".attention.head_count";
    // Per-layer head counts come as an array of at most the file's size; past its end (and for
    // a scalar) every layer is like the last one, so a hostile block_count costs no loop.
    const ArrayValue* perLayerArray = file.getArray(kvKey);
    const uint64_t listed = perLayerArray ? std::min<uint64_t>(layers, perLayerArray->items.size()) : 0;
    uint64_t total = 0;
    auto add = [&](uint64_t layerCount, uint64_t kvHeads) {
        // f16 K and V: saturate instead of wrapping on absurd values.
        uint64_t bytes = satMul(satMul(satMul(satMul(layerCount, positions), kvHeads), satAdd(dims.key, dims.value)), 2);
        total = satAdd(total, bytes);
    };
    for (uint64_t l = 0; l < listed; ++l)
        add(1, perLayer(file, kvKey, static_cast<uint32_t>(l)).value_or(0));
    if (layers > listed)
        add(layers - listed, perLayer(file, kvKey, static_cast<uint32_t>(std::min<uint64_t>(listed, UINT32_MAX))).value_or(0));
    return total;
}

ModelSummary summarize(const GgufFile& file, uint32_t contextLength)
{
    ModelSummary s;
    const std::string arch = file.architecture();
    s.architecture = arch;
    s.fileBytes = file.fileSize();
    s.ggufVersion = file.version();
    s.name = str(file, "general.name");
    s.author = str(file, "general.author");
    s.organization = str(file, "general.organization");
    s.license = str(file, "general.license");
    s.sizeLabel = str(file, "general.size_label");
    s.finetune = str(file, "general.finetune");
    s.baseModel = str(file, "general.base_model.0.name");
    if (s.baseModel.empty())
        s.baseModel = str(file, "general.base_model.0.repo_url");
    s.languages = stringList(file, "general.languages");

    std::map<TensorType, TensorTypeShare> byType;
    for (const TensorInfo& t : file.tensors()) {
        TensorTypeShare& share = byType[t.type];
        share.type = std::string(tensorTypeName(t.type));
        ++share.tensors;
        share.elements = satAdd(share.elements, t.nElements);
        share.bytes = satAdd(share.bytes, t.nBytes);
        s.parameterCount = satAdd(s.parameterCount, t.nElements);
        s.weightsBytes = satAdd(s.weightsBytes, t.nBytes);
    }
    for (auto& [type, share] : byType) {
        s.tensorTypes.push_back(share);
        if (!traitsOf(type).supported)
            s.unsupportedTypes.push_back(share.type);
    }
    std::stable_sort(s.tensorTypes.begin(), s.tensorTypes.end(),
                     [](const TensorTypeShare& a, const TensorTypeShare& b) { return a.bytes > b.bytes; });
    s.tensorCount = static_cast<uint32_t>(file.tensors().size());
    s.vocabOnly = file.tensors().empty();
    auto fileType = file.getUInt("general.file_type");
    auto label = fileType ? fileTypeLabel(static_cast<uint32_t>(std::min<uint64_t>(*fileType, UINT32_MAX)))
                          : std::nullopt;
    if (!s.vocabOnly)
        s.quantLabel = label ? std::string(*label) : dominantType(s.tensorTypes);

    s.trainedContextLength = clampU32(file.getUInt(arch + ".context_length"));
    s.layers = clampU32(file.getUInt(arch + ".block_count"));
    s.heads = clampU32(maxOverLayers(file, arch + ".attention.head_count"));
    s.kvHeads = clampU32(maxOverLayers(file, arch + ".attention.head_count_kv"));
    if (!s.kvHeads)
        s.kvHeads = s.heads;
    s.embeddingLength = clampU32(file.getUInt(arch + ".embedding_length"));
    s.ffnLength = clampU32(maxOverLayers(file, arch + ".feed_forward_length"));
    const HeadDims dims = headDims(file, arch);
    s.keyLength = clampU32(dims.key);
    s.valueLength = clampU32(dims.value);
    s.ropeFreqBase = file.getFloat(arch + ".rope.freq_base").value_or(s.layers ? 10000.0 : 0.0);
    s.ropeScalingType = str(file, arch + ".rope.scaling.type");
    if (s.ropeScalingType == "none")
        s.ropeScalingType.clear();
    // Llama 3.1+ files carry their frequency scaling as a tensor of per-dimension factors.
    if (s.ropeScalingType.empty() && file.findTensor("rope_freqs.weight"))
        s.ropeScalingType = "freq_factors";
    s.ropeScalingFactor = file.getFloat(arch + ".rope.scaling.factor").value_or(0.0);
    s.ropeDims = clampU32(file.getUInt(arch + ".rope.dimension_count"));
    if (!s.ropeDims)
        s.ropeDims = s.keyLength;
    s.slidingWindow = clampU32(file.getUInt(arch + ".attention.sliding_window"));
    s.familyFeatures = familyFeatures(file);

    s.tokenizerModel = str(file, "tokenizer.ggml.model");
    s.tokenizerPre = str(file, "tokenizer.ggml.pre");
    if (const ArrayValue* tokens = file.getArray("tokenizer.ggml.tokens"))
        s.vocabSize = static_cast<int32_t>(std::min<size_t>(tokens->items.size(), INT32_MAX));
    else
        s.vocabSize = static_cast<int32_t>(std::min<uint64_t>(file.getUInt(arch + ".vocab_size").value_or(0), INT32_MAX));
    s.hasChatTemplate = file.getString("tokenizer.chat_template").has_value();
    s.continuationMode = !s.hasChatTemplate;

    s.contextLength = contextLength ? contextLength : s.trainedContextLength;
    // A tokenizer-only file cannot be loaded: no memory to estimate.
    s.kvCacheBytes = s.vocabOnly ? 0 : kvCacheBytes(file, s.contextLength);
    s.deviceBytes = satAdd(s.weightsBytes, s.kvCacheBytes);
    return s;
}

} // namespace agora::gguf
