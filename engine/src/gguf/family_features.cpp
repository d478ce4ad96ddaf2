#include "gguf/family_features.h"

#include <cstdio>

namespace agora::gguf {

namespace {

std::string number(double v)
{
    char text[32];
    std::snprintf(text, sizeof text, "%g", v);
    return text;
}

} // namespace

std::vector<std::string> familyFeatures(const GgufFile& file)
{
    const std::string arch = file.architecture();
    auto key = [&](const char* name) { return arch + "." + name; };
    auto hasTensor = [&](const char* name) { return file.findTensor(name) != nullptr; };
    const bool gemma2 = arch == "gemma2", gemma3 = arch == "gemma3";
    std::vector<std::string> features;

    // llama.cpp applies a sliding window only where the family defines its layer pattern; phi3
    // writes a window but runs without one.
    const uint64_t window = file.getUInt(key("attention.sliding_window")).value_or(0);
    if (window > 0 && (gemma2 || gemma3))
        features.push_back("sliding window " + std::to_string(window) +
                           (gemma2 ? " (1 local : 1 global layer)" : " (5 local : 1 global layers)"));
    if (gemma3)
        features.push_back("local rope base " + number(file.getFloat(key("rope.freq_base_swa")).value_or(10000.0)));
    const double attnCap = file.getFloat(key("attn_logit_softcapping")).value_or(gemma2 ? 50.0 : 0.0);
    if (attnCap > 0)
        features.push_back("attention softcap " + number(attnCap));
    const double finalCap = file.getFloat(key("final_logit_softcapping")).value_or(gemma2 ? 30.0 : 0.0);
    if (finalCap > 0)
        features.push_back("final softcap " + number(finalCap));
    if (hasTensor("blk.0.attn_q_norm.weight"))
        features.push_back("q/k norm");
    if (hasTensor("blk.0.post_attention_norm.weight"))
        features.push_back("pre+post norms");
    if (hasTensor("blk.0.attn_q.bias"))
        features.push_back("QKV bias");
    if (hasTensor("blk.0.attn_qkv.weight"))
        features.push_back("fused QKV");
    if (arch == "phi3" && !hasTensor("blk.0.ffn_gate.weight") && hasTensor("blk.0.ffn_up.weight"))
        features.push_back("fused gate+up");
    if (hasTensor("rope_freqs.weight"))
        features.push_back("rope factors");
    if (hasTensor("rope_factors_long.weight"))
        features.push_back("LongRoPE factors");
    if (hasTensor("blk.0.ffn_gate_inp.weight"))
        features.push_back("mixture of experts");
    if (hasTensor("blk.0.attn_kv_a_mqa.weight"))
        features.push_back("multi-head latent attention");
    return features;
}

} // namespace agora::gguf
