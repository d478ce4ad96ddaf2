// The weights of a llama-style transformer (llama, qwen2/3, gemma2/3, phi3) as views into the mapped GGUF file.
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

// A tensor in the file; empty for optional tensors the file lacks. A view of rows
// [firstRow, firstRow + nRows) of a 2-D tensor when nRows > 0: phi3's fused projections are bound
// as such views, so the graph sees separate Q, K, V, gate and up matrices.
struct Tensor {
    const gguf::TensorInfo* info = nullptr;
    uint64_t firstRow = 0;
    uint64_t nRows = 0; // 0: the whole tensor

    explicit operator bool() const { return info != nullptr; }
    bool isView() const { return nRows != 0; }
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
    Tensor qNorm;    // (head_dim) per-head RMSNorm of Q before rope, qwen3 and gemma3 only
    Tensor kNorm;    // (head_dim) per-head RMSNorm of K before rope, qwen3 and gemma3 only
    Tensor wo;       // (n_head*head_dim, n_embd)
    Tensor postAttnNorm; // (n_embd) gemma: norm of the attention output before the residual add
    Tensor ffnNorm;  // (n_embd)
    Tensor wGate;    // (n_embd, n_ff)
    Tensor wUp;      // (n_embd, n_ff)
    Tensor wDown;    // (n_ff, n_embd)
    Tensor postFfnNorm; // (n_embd) gemma: norm of the FFN output before the residual add
};

struct ModelWeights {
    Tensor tokenEmbd;  // (n_embd, n_vocab)
    std::vector<LayerWeights> layers;
    Tensor outputNorm; // (n_embd)
    Tensor output;     // (n_embd, n_vocab); the token embedding itself when tied
    bool tiedOutput = false;
    Tensor ropeFreqs;  // (head_dim/2) Llama-3 rope factors, or phi3's short factors; optional
    Tensor ropeFactorsLong; // (head_dim/2) phi3 LongRoPE: the factors of contexts beyond nCtxOrig; optional
};

// The rope factors a forward pass of nCtx positions rotates with (empty: none). As llama.cpp
// decides it: Phi-3's long factors when the context exceeds the original training length.
const Tensor& ropeFactorsFor(const ModelWeights& weights, const HParams& hp, uint32_t nCtx);

// Finds every tensor the architecture needs and checks its shape and type against the
// hyperparameters. Errors name the tensor: "blk.3.attn_k.weight has shape ... but ... expected".
Result<ModelWeights> bindWeights(const gguf::GgufFile& file, const HParams& hp);

} // namespace agora::model
