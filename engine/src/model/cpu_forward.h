// The CPU reference forward pass: evaluates a batch of tokens through the model's family graph
// with f32 math on weights dequantized row by row, and an f16 KV cache like llama.cpp's default.
// It is the yardstick for the GPU path and a fallback (`agora-cli logits --cpu`), not fast.
#pragma once

#include "agora/engine.h"
#include "cpu/attention.h"
#include "cpu/rope.h"
#include "model/forward.h"
#include "model/graph.h"
#include "model/model.h"

#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace agora::model {

class CpuForward final : public Forward, private GraphOps {
public:
    // nCtx: the KV cache capacity in positions (the largest position + 1 this instance serves).
    CpuForward(const Model& model, uint32_t nCtx);

    // Evaluates tokens at positions firstPos, firstPos+1, ... (earlier positions must already be
    // in the cache) and returns the logits: one row of n_vocab per token when allLogits, else
    // only the last token's row. Errors: InvalidArgument for an empty batch, a token id outside
    // the vocabulary or a batch that runs past the context.
    Result<std::vector<float>> evaluate(std::span<const int32_t> tokens, uint32_t firstPos, bool allLogits) override;

    uint32_t contextSize() const override { return m_nCtx; }
    const HParams& hparams() const { return m_hp; }

private:
    void embed(const Tensor& table, Act out) override;
    void rmsNorm(Act in, const Tensor& weight, Act out) override;
    void linear(const Tensor& w, Act in, Act out) override;
    void addBias(const Tensor& bias, Act inout) override;
    void rope(Act inout, uint32_t nHeads) override;
    void attention(uint32_t layer, Act q, Act k, Act v, Act out) override;
    void siluGate(Act gate, Act up, Act out) override;
    void add(Act in, Act inout) override;
    void logits(const Tensor& output, Act in) override;
    void scale(Act inout, float factor) override;
    void rmsNormHeads(Act inout, const Tensor& weight, uint32_t nHeads) override;
    void ropeWithBase(Act inout, uint32_t nHeads, float freqBase, float freqScale) override;
    void attentionWith(uint32_t layer, Act q, Act k, Act v, Act out, const AttentionOptions& options) override;
    void geluGate(Act gate, Act up, Act out) override;
    void softcap(Act inout, float cap) override;

    std::vector<float>& buffer(Act act) { return m_acts[size_t(act)]; }
    uint32_t width(Act act) const { return activationWidth(m_hp, act); }
    const std::vector<float>& vectorOf(const Tensor& t);
    // rows x cols weight times nRows input rows (starting at row firstRow of `in`).
    void multiply(const Tensor& w, const float* in, size_t nRows, float* out);

    const Model& m_model;
    const HParams m_hp;
    const uint32_t m_nCtx;
    cpu::AttentionShape m_attnShape;
    cpu::RopeParams m_rope;
    std::vector<float> m_ropeFactors;
    std::vector<uint16_t> m_kCache; // (n_layer, n_ctx, kvSize) f16
    std::vector<uint16_t> m_vCache;
    std::vector<std::pair<const void*, std::vector<float>>> m_vectors; // norms and biases, dequantized once
    std::array<std::vector<float>, kActCount> m_acts;

    // The batch being evaluated.
    std::span<const int32_t> m_tokens;
    uint32_t m_firstPos = 0;
    bool m_allLogits = false;
};

} // namespace agora::model
