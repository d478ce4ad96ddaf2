// The weights of a llama-family transformer (llama, qwen2) as views into the mapped GGUF file.
// Shapes are written in ggml order (row length first), as the file stores them:
// `(n_embd, n_head*head_dim)` is a matrix of n_head*head_dim rows of n_embd values each.
#pragma once

#include "agora/engine.h"
#include "core/tensor_type.h"
#include "model/hparams.h"

#include <cstdint>
#include <string>
#include <vector>

namespace agora::gguf {
class GgufFile;
struct TensorInfo;
}

namespace agora::model {

// A tensor in the file; empty for optional tensors the file lacks.
struct Tensor {
    const gguf::TensorInfo* info = nullptr;

    explicit operator bool() const { return info != nullptr; }
    TensorType type() const;
    uint64_t cols() const; // ne[0]: the row length
    uint64_t rows() const; // ne[1]
    const uint8_t* data() const;
    uint64_t bytes() const;
    std::string name() const;
};

struct LayerWeights {
    Tensor attnNorm; // (n_embd)
    Tensor wq;       // (n_embd, n_head*head_dim)
    Tensor wk;       // (n_embd, n_head_kv*head_dim)
    Tensor wv;       // (n_embd, n_head_kv*head_dim)
    Tensor bq;       // (n_head*head_dim)     qwen2 only
    Tensor bk;       // (n_head_kv*head_dim)  qwen2 only
    Tensor bv;       // (n_head_kv*head_dim)  qwen2 only
    Tensor wo;       // (n_head*head_dim, n_embd)
    Tensor ffnNorm;  // (n_embd)
    Tensor wGate;    // (n_embd, n_ff)
    Tensor wUp;      // (n_embd, n_ff)
    Tensor wDown;    // (n_ff, n_embd)
};

struct ModelWeights {
    Tensor tokenEmbd;  // (n_embd, n_vocab)
    std::vector<LayerWeights> layers;
    Tensor outputNorm; // (n_embd)
    Tensor output;     // (n_embd, n_vocab); the token embedding itself when tied
    bool tiedOutput = false;
    Tensor ropeFreqs;  // (head_dim/2) Llama-3 rope factors, optional
};

// Finds every tensor the architecture needs and checks its shape and type against the
// hyperparameters. Errors name the tensor: "blk.3.attn_k.weight has shape ... but ... expected".
Result<ModelWeights> bindWeights(const gguf::GgufFile& file, const HParams& hp);

} // namespace agora::model
