// Model hyperparameters read from a GGUF file's `<arch>.*` keys, checked for consistency so that
// the graph code can trust them (every division and every tensor shape derived from them is valid).
#pragma once

#include "agora/engine.h"
#include "cpu/rope.h"

#include <cstdint>
#include <string>

namespace agora::gguf {
class GgufFile;
}

namespace agora::model {

enum class Architecture { Llama, Qwen2, Qwen3, Gemma2, Gemma3, Phi3 };
const char* architectureName(Architecture arch);

struct HParams {
    Architecture arch = Architecture::Llama;
    uint32_t nVocab = 0;
    uint32_t nCtxTrain = 0;  // context_length
    uint32_t nEmbd = 0;      // embedding_length
    uint32_t nLayer = 0;     // block_count
    uint32_t nFf = 0;        // feed_forward_length
    uint32_t nHead = 0;      // attention.head_count
    uint32_t nHeadKv = 0;    // attention.head_count_kv (defaults to nHead)
    uint32_t headDimK = 0;   // attention.key_length (defaults to nEmbd / nHead)
    uint32_t headDimV = 0;   // attention.value_length (defaults to headDimK)
    float rmsEps = 1e-5f;    // attention.layer_norm_rms_epsilon
    uint32_t ropeDims = 0;   // rope.dimension_count (defaults to headDimK)
    float ropeFreqBase = 10000.0f;
    float ropeFreqScale = 1.0f; // 1 / rope.scaling.factor for linear scaling
    // Phi-3 LongRoPE: the context the short rope factors serve (rope.scaling.original_context_length,
    // defaults to nCtxTrain); longer contexts rotate with the long factors. The attention factor
    // (rope.scaling.attn_factor) multiplies the rotated q and k, so the scores by its square.
    uint32_t nCtxOrig = 0;
    float ropeAttnFactor = 1.0f;
    cpu::RopeMode ropeMode = cpu::RopeMode::Normal;

    // Family features (issue 10); the defaults are the plain llama block.
    float attnScale = 0.0f;       // query scale before QK^T: 1/sqrt(head_dim) unless the family says otherwise
    float embedScale = 1.0f;      // gemma: sqrt(n_embd) on the input embedding
    float attnSoftcap = 0.0f;     // gemma2: cap * tanh(score / cap) on attention scores; 0 = off
    float finalSoftcap = 0.0f;    // gemma2: cap * tanh(logit / cap) on the logits; 0 = off
    uint32_t slidingWindow = 0;   // keys a local layer's query sees, itself included; 0 = none
    uint32_t swaPattern = 0;      // every swaPattern-th layer is global, the others local (gemma2: 2, gemma3: 6)
    float ropeFreqBaseLocal = 0;  // rope base of the local layers (gemma3: rope.freq_base_swa)

    // Whether the layer attends over a sliding window (and, for gemma3, rotates with the local base).
    bool isLocalLayer(uint32_t layer) const
    {
        return slidingWindow > 0 && swaPattern > 1 && layer % swaPattern < swaPattern - 1;
    }
    float ropeBaseFor(uint32_t layer) const
    {
        return isLocalLayer(layer) && ropeFreqBaseLocal > 0 ? ropeFreqBaseLocal : ropeFreqBase;
    }
    // Gemma 3's linear rope scaling applies to its global layers only.
    float ropeScaleFor(uint32_t layer) const
    {
        return isLocalLayer(layer) && ropeFreqBaseLocal > 0 ? 1.0f : ropeFreqScale;
    }

    uint32_t qSize() const { return nHead * headDimK; }   // width of Q and of the attention output
    uint32_t kvSize() const { return nHeadKv * headDimK; } // width of K and V rows
};

// Reads and validates the hyperparameters. nVocabHint is used when `<arch>.vocab_size` is absent
// (the token embedding's row count). Errors: Unsupported architecture or rope scaling, BadFormat
// for missing or inconsistent keys.
Result<HParams> readHParams(const gguf::GgufFile& file, uint64_t nVocabHint);

// "architecture X is not supported yet (supported: llama, qwen2, ...)" or the parsed architecture.
Result<Architecture> parseArchitecture(const std::string& name);

} // namespace agora::model
