// The model graph, written once per architecture family against an abstract set of operations.
// A backend (the CPU reference, the Vulkan recorder) implements GraphOps on its own buffers; the
// family files (llama_graph.cpp, qwen2_graph.cpp) only say which op follows which.
//
// Activations are named slots, each a (width, n_tokens) matrix with one row per token of the
// batch; the backend sizes them from the hyperparameters (see activationWidth).
#pragma once

#include "model/hparams.h"
#include "model/weights.h"

#include <cstdint>
#include <initializer_list>

namespace agora::model {

enum class Act {
    X,      // (n_embd) the residual stream
    Norm,   // (n_embd) normalised input of a sub-block
    Q,      // (n_head*head_dim)
    K,      // (n_head_kv*head_dim)
    V,      // (n_head_kv*head_dim)
    Attn,   // (n_head*head_dim) attention output before the output projection
    Proj,   // (n_embd) a sub-block's output, added to X
    Gate,   // (n_ff)
    Up,     // (n_ff)
    Logits, // (n_vocab) only for the rows the batch asks logits for
};
inline constexpr int kActCount = int(Act::Logits) + 1;

uint32_t activationWidth(const HParams& hp, Act act);

// A layer's attention as the gemma families need it: the query scale, the score softcap
// (0 = off) and the sliding window (0 = every earlier position).
struct AttentionOptions {
    float scale = 1.0f;
    float softcap = 0.0f;
    uint32_t window = 0;
};
AttentionOptions attentionOptionsFor(const HParams& hp, uint32_t layer);

class GraphOps {
public:
    virtual ~GraphOps() = default;

    // out = table rows of the batch's token ids.
    virtual void embed(const Tensor& table, Act out) = 0;
    virtual void rmsNorm(Act in, const Tensor& weight, Act out) = 0;
    // out = in . w^T: every row of `in` times the (cols, rows) matrix w.
    virtual void linear(const Tensor& w, Act in, Act out) = 0;
    virtual void addBias(const Tensor& bias, Act inout) = 0;
    // Rotates the heads of every row at the row's position.
    virtual void rope(Act inout, uint32_t nHeads) = 0;
    // Stores K and V of the batch in the layer's cache, then causal attention of Q over it.
    virtual void attention(uint32_t layer, Act q, Act k, Act v, Act out) = 0;
    virtual void siluGate(Act gate, Act up, Act out) = 0;
    virtual void add(Act in, Act inout) = 0;
    // out = in . w^T + bias. A backend may do it in one step (fusesBias()); the default is
    // linear() then addBias(), the same arithmetic.
    virtual void linearBias(const Tensor& w, const Tensor& bias, Act in, Act out)
    {
        linear(w, in, out);
        addBias(bias, out);
    }
    // True when linearBias costs no more than linear, so a graph may put each bias right after its
    // product instead of grouping the products of one input.
    virtual bool fusesBias() const { return false; }
    // inout += in . w^T (the residual stream), through `scratch` unless the backend adds as part of
    // the product; the same arithmetic either way.
    virtual void linearAccumulate(const Tensor& w, Act in, Act scratch, Act inout)
    {
        linear(w, in, scratch);
        add(scratch, inout);
    }
    // Products of one input: out_i = in . w_i^T (+ bias_i where given). A backend may run several
    // as one (the decoded token's q/k/v, or gate/up, as one dispatch); the default is one
    // linearBias() each where the backend fuses biases, else the products first and then the
    // biases (a backend shares the input's rounded copy between products recorded back to back);
    // the same arithmetic either way.
    struct Projection {
        const Tensor* weight;
        const Tensor* bias; // null: none
        Act out;
    };
    virtual void linearGroup(std::initializer_list<Projection> products, Act in)
    {
        const bool fused = fusesBias();
        for (const Projection& p : products) {
            if (p.bias && fused)
                linearBias(*p.weight, *p.bias, in, p.out);
            else
                linear(*p.weight, in, p.out);
        }
        for (const Projection& p : products)
            if (p.bias && !fused)
                addBias(*p.bias, p.out);
    }
    // A gated feed-forward's input: out = act(in . gate^T) * (in . up^T), act SiLU or GELU-tanh,
    // through the Gate and Up slots; a backend may compute both products and the gate in one step.
    enum class GateActivation { Silu, Gelu };
    virtual void linearGated(const Tensor& gate, const Tensor& up, Act in, Act out, GateActivation act)
    {
        linearGroup({{&gate, nullptr, Act::Gate}, {&up, nullptr, Act::Up}}, in);
        if (act == GateActivation::Silu)
            siluGate(Act::Gate, Act::Up, out);
        else
            geluGate(Act::Gate, Act::Up, out);
    }
    // rope() of q (nHeadsQ heads) and k (nHeadsK heads) with the same positions; a backend whose q
    // and k are adjacent may rotate both in one pass.
    virtual void ropePair(Act q, uint32_t nHeadsQ, Act k, uint32_t nHeadsK)
    {
        rope(q, nHeadsQ);
        rope(k, nHeadsK);
    }
    // ropePair(q, k), then attention(layer, q, k, v, out); a backend may rotate k on its way into
    // the KV cache (one pass over k instead of two).
    virtual void ropeAttention(uint32_t layer, Act q, uint32_t nHeadsQ, Act k, uint32_t nHeadsK, Act v, Act out)
    {
        ropePair(q, nHeadsQ, k, nHeadsK);
        attention(layer, q, k, v, out);
    }
    // Logits = in . output^T, for the rows the batch asked for (all, or only the last).
    virtual void logits(const Tensor& output, Act in) = 0;

    // Family operations (qwen3, gemma2, gemma3). A backend that lacks them reports Unsupported.
    // inout *= factor.
    virtual void scale(Act inout, float factor) = 0;
    // RMSNorm of each head_dim slice of every row with one shared weight (q/k norms).
    virtual void rmsNormHeads(Act inout, const Tensor& weight, uint32_t nHeads) = 0;
    // rope() with a layer's own base and linear scale (gemma3's local and global layers).
    virtual void ropeWithBase(Act inout, uint32_t nHeads, float freqBase, float freqScale) = 0;
    // attention() with a softcap on the scores and a sliding window.
    virtual void attentionWith(uint32_t layer, Act q, Act k, Act v, Act out, const AttentionOptions& options) = 0;
    // out = gelu_tanh(gate) * up.
    virtual void geluGate(Act gate, Act up, Act out) = 0;
    // inout = cap * tanh(inout / cap), on the logits the batch asked for when inout is Logits.
    virtual void softcap(Act inout, float cap) = 0;
};

// Emits the forward pass of the model's family into ops.
void buildGraph(const HParams& hp, const ModelWeights& weights, GraphOps& ops);

} // namespace agora::model
