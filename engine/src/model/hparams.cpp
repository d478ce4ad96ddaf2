#include "model/hparams.h"

#include "gguf/gguf.h"

#include <cmath>
#include <string_view>

namespace agora::model {

const char* architectureName(Architecture arch)
{
    switch (arch) {
    case Architecture::Llama: return "llama";
    case Architecture::Qwen2: return "qwen2";
    case Architecture::Qwen3: return "qwen3";
    case Architecture::Gemma2: return "gemma2";
    case Architecture::Gemma3: return "gemma3";
    case Architecture::Phi3: return "phi3";
    }
    return "?";
}

Result<Architecture> parseArchitecture(const std::string& name)
{
    static constexpr Architecture kSupported[] = {Architecture::Llama,  Architecture::Qwen2,  Architecture::Qwen3,
                                                  Architecture::Gemma2, Architecture::Gemma3, Architecture::Phi3};
    std::string list;
    for (Architecture arch : kSupported) {
        if (name == architectureName(arch))
            return arch;
        list += (list.empty() ? "" : ", ") + std::string(architectureName(arch));
    }
    return makeError(ErrorCode::Unsupported, "architecture " + (name.empty() ? std::string("(none)") : name) +
                                                 " is not supported yet (supported: " + list + ")");
}

namespace {

// Reads `<arch>.<key>` values: a fallback when absent, an error when malformed.
class KeyReader {
public:
    KeyReader(const gguf::GgufFile& file, std::string prefix) : m_file(file), m_prefix(std::move(prefix)) {}

    std::string key(std::string_view name) const { return m_prefix + "." + std::string(name); }

    bool has(std::string_view name) const { return m_file.find(key(name)) != nullptr; }

    // A present key of the wrong type or out of range is an error, not a silent default.
    // A required count.
    Result<uint32_t> count(std::string_view name) const
    {
        if (!has(name))
            return makeError(ErrorCode::BadFormat, "the model file lacks the key " + key(name));
        return count(name, 0);
    }

    Result<uint32_t> count(std::string_view name, uint32_t fallback) const
    {
        if (!has(name))
            return fallback;
        const std::optional<uint64_t> v = m_file.getUInt(key(name));
        if (!v || *v > 0x7fffffffu)
            return makeError(ErrorCode::BadFormat, "the key " + key(name) + " is not a valid count");
        return uint32_t(*v);
    }

    Result<float> real(std::string_view name, float fallback) const
    {
        if (!has(name))
            return fallback;
        const std::optional<double> v = m_file.getFloat(key(name));
        if (!v || !std::isfinite(*v))
            return makeError(ErrorCode::BadFormat, "the key " + key(name) + " is not a valid number");
        return float(*v);
    }

private:
    const gguf::GgufFile& m_file;
    std::string m_prefix;
};

Error inconsistent(const std::string& what)
{
    return makeError(ErrorCode::BadFormat, "the model's hyperparameters are inconsistent: " + what);
}

} // namespace

#define AGORA_TRY_ASSIGN(target, expr)                                                                              \
    do {                                                                                                            \
        auto result_ = (expr);                                                                                      \
        if (!result_)                                                                                               \
            return result_.error();                                                                                 \
        target = *result_;                                                                                          \
    } while (false)

namespace {

// The gemma query scale, softcaps and sliding windows, as llama.cpp reads them. The files carry no
// sliding_window_pattern key (the converter writes none), so the family's fixed pattern applies.
Result<void> readFamilyFeatures(const KeyReader& keys, HParams& hp)
{
    hp.attnScale = 1.0f / std::sqrt(float(hp.headDimK));
    const bool gemma = hp.arch == Architecture::Gemma2 || hp.arch == Architecture::Gemma3;
    if (!gemma)
        return {};
    hp.embedScale = std::sqrt(float(hp.nEmbd));
    // The 27B models (Gemma 2: 46 layers, Gemma 3: 62 layers) scale queries by n_embd/n_head
    // instead of the head size, as llama.cpp does by model type.
    const bool is27B = (hp.arch == Architecture::Gemma2 && hp.nLayer == 46) ||
                       (hp.arch == Architecture::Gemma3 && hp.nLayer == 62);
    if (is27B)
        hp.attnScale = 1.0f / std::sqrt(float(hp.nEmbd / hp.nHead));
    AGORA_TRY_ASSIGN(hp.slidingWindow, keys.count("attention.sliding_window", 0u));
    hp.swaPattern = hp.arch == Architecture::Gemma2 ? 2 : 6;
    if (hp.arch == Architecture::Gemma2) {
        AGORA_TRY_ASSIGN(hp.attnSoftcap, keys.real("attn_logit_softcapping", 50.0f));
        AGORA_TRY_ASSIGN(hp.finalSoftcap, keys.real("final_logit_softcapping", 30.0f));
    } else {
        AGORA_TRY_ASSIGN(hp.finalSoftcap, keys.real("final_logit_softcapping", 0.0f));
        AGORA_TRY_ASSIGN(hp.ropeFreqBaseLocal, keys.real("rope.freq_base_swa", 10000.0f));
    }
    if (hp.attnSoftcap < 0.0f || hp.finalSoftcap < 0.0f || hp.ropeFreqBaseLocal < 0.0f)
        return inconsistent("a softcap or the local rope base is negative");
    return {};
}

} // namespace

Result<HParams> readHParams(const gguf::GgufFile& file, uint64_t nVocabHint)
{
    const std::string archName = file.architecture();
    const Result<Architecture> arch = parseArchitecture(archName);
    if (!arch)
        return arch.error();

    HParams hp;
    hp.arch = *arch;
    const KeyReader keys(file, archName);
    // Mixtral-style files say `llama` but route each token through experts.
    uint32_t experts = 0;
    AGORA_TRY_ASSIGN(experts, keys.count("expert_count", 0u));
    if (experts > 0)
        return makeError(ErrorCode::Unsupported, "mixture-of-experts models are not supported yet (" + archName +
                                                     " with " + std::to_string(experts) + " experts)");
    AGORA_TRY_ASSIGN(hp.nEmbd, keys.count("embedding_length"));
    AGORA_TRY_ASSIGN(hp.nLayer, keys.count("block_count"));
    AGORA_TRY_ASSIGN(hp.nFf, keys.count("feed_forward_length"));
    AGORA_TRY_ASSIGN(hp.nHead, keys.count("attention.head_count"));
    AGORA_TRY_ASSIGN(hp.nCtxTrain, keys.count("context_length", 2048u));
    AGORA_TRY_ASSIGN(hp.nHeadKv, keys.count("attention.head_count_kv", hp.nHead));
    if (hp.nEmbd == 0 || hp.nLayer == 0 || hp.nFf == 0 || hp.nHead == 0 || hp.nHeadKv == 0)
        return inconsistent("a size is zero");
    if (hp.nHead % hp.nHeadKv != 0)
        return inconsistent(std::to_string(hp.nHead) + " heads cannot be shared by " + std::to_string(hp.nHeadKv) +
                            " KV heads");
    if (hp.nEmbd % hp.nHead == 0)
        AGORA_TRY_ASSIGN(hp.headDimK, keys.count("attention.key_length", hp.nEmbd / hp.nHead));
    else
        AGORA_TRY_ASSIGN(hp.headDimK, keys.count("attention.key_length"));
    AGORA_TRY_ASSIGN(hp.headDimV, keys.count("attention.value_length", hp.headDimK));
    if (hp.headDimK == 0 || hp.headDimK % 2 != 0)
        return inconsistent("the head size " + std::to_string(hp.headDimK) + " is not a positive even number");
    if (hp.headDimV != hp.headDimK)
        return makeError(ErrorCode::Unsupported, "models whose key and value head sizes differ are not supported yet");
    AGORA_TRY_ASSIGN(hp.ropeDims, keys.count("rope.dimension_count", hp.headDimK));
    if (hp.ropeDims % 2 != 0 || hp.ropeDims > hp.headDimK || hp.ropeDims == 0)
        return inconsistent("rope.dimension_count " + std::to_string(hp.ropeDims) + " does not fit head size " +
                            std::to_string(hp.headDimK));

    const bool epsSmall = hp.arch != Architecture::Llama && hp.arch != Architecture::Phi3;
    const float defaultEps = epsSmall ? 1e-6f : 1e-5f;
    AGORA_TRY_ASSIGN(hp.rmsEps, keys.real("attention.layer_norm_rms_epsilon", defaultEps));
    AGORA_TRY_ASSIGN(hp.ropeFreqBase, keys.real("rope.freq_base", 10000.0f));
    if (hp.rmsEps < 0.0f || hp.ropeFreqBase <= 0.0f)
        return inconsistent("rms epsilon or rope base out of range");
    hp.ropeMode = hp.arch == Architecture::Llama ? cpu::RopeMode::Normal : cpu::RopeMode::Neox;
    if (auto features = readFamilyFeatures(keys, hp); !features)
        return features.error();

    // Rope scaling, as llama.cpp reads it: a scaling factor (or the older rope.scale_linear)
    // divides every angle whatever the type says; Llama-3's per-frequency scaling arrives as the
    // rope_freqs tensor, which the weight loader reads. YaRN and LongRoPE need more: refuse them.
    const std::string scalingType = std::string(file.getString(keys.key("rope.scaling.type")).value_or("none"));
    const bool longRope = hp.arch == Architecture::Phi3 && (scalingType == "longrope" || scalingType == "su");
    if (scalingType != "none" && scalingType != "linear" && scalingType != "llama3" && !longRope)
        return makeError(ErrorCode::Unsupported, "rope scaling '" + scalingType + "' is not supported yet");
    float scalingFactor = 0.0f;
    AGORA_TRY_ASSIGN(scalingFactor, keys.real(keys.has("rope.scaling.factor") ? "rope.scaling.factor"
                                                                                : "rope.scale_linear",
                                              0.0f));
    if (scalingFactor < 0.0f)
        return inconsistent("the rope scaling factor is negative");
    hp.ropeFreqScale = scalingFactor == 0.0f ? 1.0f : 1.0f / scalingFactor;
    AGORA_TRY_ASSIGN(hp.nCtxOrig, keys.count("rope.scaling.original_context_length", hp.nCtxTrain));
    AGORA_TRY_ASSIGN(hp.ropeAttnFactor, keys.real("rope.scaling.attn_factor", 1.0f));
    if (hp.ropeAttnFactor <= 0.0f)
        return inconsistent("the rope attention factor is not positive");
    // The factor scales the rotated q and k; folded into the score scale, which is exact only
    // when every dimension rotates (Phi-3 rotates all).
    if (hp.ropeAttnFactor != 1.0f && hp.ropeDims != hp.headDimK)
        return makeError(ErrorCode::Unsupported, "a rope attention factor with partial rotary dimensions is not supported yet");
    hp.attnScale *= hp.ropeAttnFactor * hp.ropeAttnFactor;

    if (nVocabHint > 0x7fffffffu)
        return inconsistent("the vocabulary size " + std::to_string(nVocabHint) + " is too large");
    AGORA_TRY_ASSIGN(hp.nVocab, keys.count("vocab_size", uint32_t(nVocabHint)));
    if (hp.nVocab == 0)
        return inconsistent("the vocabulary is empty");
    return hp;
}

} // namespace agora::model
