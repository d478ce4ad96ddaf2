#include "model/cpu_forward.h"

#include "core/tensor_type.h"
#include "cpu/family_ops.h"
#include "cpu/ggml_activation_rounding.h"
#include "cpu/ops.h"
#include "gguf/gguf.h"
#include "tensor/quant.h"

#include <cmath>
#include <string>

namespace agora::model {

CpuForward::CpuForward(const Model& model, uint32_t nCtx)
    : m_model(model), m_hp(model.hparams()), m_nCtx(nCtx)
{
    m_attnShape.nHead = m_hp.nHead;
    m_attnShape.nKvHead = m_hp.nHeadKv;
    m_attnShape.headDim = m_hp.headDimK;
    m_attnShape.scale = m_hp.attnScale > 0.0f ? m_hp.attnScale : 1.0f / std::sqrt(float(m_hp.headDimK));
    m_attnShape.roundLikeGgml = true;

    m_ropeFactors = model.readVector(ropeFactorsFor(model.weights(), m_hp, nCtx));
    m_rope.mode = m_hp.ropeMode;
    m_rope.nDims = m_hp.ropeDims;
    m_rope.freqBase = m_hp.ropeFreqBase;
    m_rope.freqScale = m_hp.ropeFreqScale;
    m_rope.factors = m_ropeFactors;

    const size_t cacheSize = size_t(m_hp.nLayer) * nCtx * m_hp.kvSize();
    m_kCache.assign(cacheSize, 0);
    m_vCache.assign(cacheSize, 0);
}

Result<std::vector<float>> CpuForward::evaluate(std::span<const int32_t> tokens, uint32_t firstPos, bool allLogits)
{
    if (tokens.empty())
        return makeError(ErrorCode::InvalidArgument, "nothing to evaluate: the batch has no tokens");
    if (uint64_t(firstPos) + tokens.size() > m_nCtx)
        return makeError(ErrorCode::InvalidArgument,
                         "the batch ends at position " + std::to_string(uint64_t(firstPos) + tokens.size()) +
                             ", past the context size " + std::to_string(m_nCtx));
    for (int32_t id : tokens) {
        if (id < 0 || uint32_t(id) >= m_hp.nVocab)
            return makeError(ErrorCode::InvalidArgument, "token id " + std::to_string(id) +
                                                             " is outside the vocabulary (0.." +
                                                             std::to_string(m_hp.nVocab - 1) + ")");
    }
    m_tokens = tokens;
    m_firstPos = firstPos;
    m_allLogits = allLogits;
    for (int a = 0; a < kActCount; ++a) {
        const size_t rows = Act(a) == Act::Logits && !allLogits ? 1 : tokens.size();
        m_acts[size_t(a)].assign(rows * width(Act(a)), 0.0f);
    }
    buildGraph(m_hp, m_model.weights(), *this);
    return std::move(buffer(Act::Logits));
}

const std::vector<float>& CpuForward::vectorOf(const Tensor& t)
{
    for (const auto& [key, values] : m_vectors) {
        if (key == t.info)
            return values;
    }
    m_vectors.emplace_back(t.info, m_model.readVector(t));
    return m_vectors.back().second;
}

void CpuForward::multiply(const Tensor& w, const float* in, size_t nRows, float* out)
{
    const size_t cols = w.cols();
    const size_t rows = w.rows();
    const uint64_t stride = rowBytes(w.type(), cols).value_or(0); // bindWeights checked the shape
    // The input rows rounded as llama.cpp's CPU backend rounds them for this weight type.
    std::vector<float> rounded;
    if (m_attnShape.roundLikeGgml) {
        rounded.assign(in, in + nRows * cols);
        for (size_t t = 0; t < nRows; ++t)
            cpu::roundActivationsLikeGgml(w.type(), std::span(rounded).subspan(t * cols, cols));
        in = rounded.data();
    }
    std::vector<float> row(cols);
    for (size_t r = 0; r < rows; ++r) {
        // Dequantize each weight row once and use it for every token of the batch.
        (void)tensor::dequantizeRow(w.type(), w.data() + r * stride, row.data(), cols);
        for (size_t t = 0; t < nRows; ++t) {
            const float* x = in + t * cols;
            double sum = 0.0;
            for (size_t c = 0; c < cols; ++c)
                sum += double(row[c]) * double(x[c]);
            out[t * rows + r] = float(sum);
        }
    }
}

void CpuForward::embed(const Tensor& table, Act out)
{
    const size_t cols = table.cols();
    const uint64_t stride = rowBytes(table.type(), cols).value_or(0);
    std::vector<float>& dst = buffer(out);
    for (size_t t = 0; t < m_tokens.size(); ++t)
        (void)tensor::dequantizeRow(table.type(), table.data() + size_t(m_tokens[t]) * stride, dst.data() + t * cols,
                                    cols);
}

void CpuForward::rmsNorm(Act in, const Tensor& weight, Act out)
{
    const std::vector<float>& w = vectorOf(weight);
    const size_t n = width(in);
    const std::vector<float>& src = buffer(in);
    std::vector<float>& dst = buffer(out);
    for (size_t t = 0; t < m_tokens.size(); ++t)
        cpu::rmsNorm(std::span(src).subspan(t * n, n), w, m_hp.rmsEps, std::span(dst).subspan(t * n, n));
}

void CpuForward::linear(const Tensor& w, Act in, Act out)
{
    multiply(w, buffer(in).data(), m_tokens.size(), buffer(out).data());
}

void CpuForward::addBias(const Tensor& bias, Act inout) { cpu::addBiasRows(vectorOf(bias), buffer(inout)); }

void CpuForward::rope(Act inout, uint32_t nHeads)
{
    cpu::applyRopeBatch(buffer(inout), m_tokens.size(), nHeads, m_hp.headDimK, m_firstPos, m_rope);
}

void CpuForward::attention(uint32_t layer, Act q, Act k, Act v, Act out)
{
    attentionWith(layer, q, k, v, out, AttentionOptions{m_attnShape.scale, 0.0f, 0});
}

void CpuForward::attentionWith(uint32_t layer, Act q, Act k, Act v, Act out, const AttentionOptions& options)
{
    cpu::AttentionShape shape = m_attnShape;
    shape.scale = options.scale;
    shape.softcap = options.softcap;
    shape.window = options.window;
    const size_t layerSize = size_t(m_nCtx) * m_hp.kvSize();
    cpu::KvCacheLayer cache{std::span(m_kCache).subspan(layer * layerSize, layerSize),
                            std::span(m_vCache).subspan(layer * layerSize, layerSize)};
    cpu::writeKv(buffer(k), buffer(v), m_tokens.size(), m_firstPos, shape, cache);
    cpu::attendCausalBatch(buffer(q), m_tokens.size(), m_firstPos, shape, cache, buffer(out));
}

void CpuForward::siluGate(Act gate, Act up, Act out) { cpu::siluGate(buffer(gate), buffer(up), buffer(out)); }

void CpuForward::add(Act in, Act inout) { cpu::addInPlace(buffer(in), buffer(inout)); }

void CpuForward::logits(const Tensor& output, Act in)
{
    const size_t n = width(in);
    const size_t firstRow = m_allLogits ? 0 : m_tokens.size() - 1;
    const size_t nRows = m_tokens.size() - firstRow;
    multiply(output, buffer(in).data() + firstRow * n, nRows, buffer(Act::Logits).data());
}

void CpuForward::scale(Act inout, float factor)
{
    for (float& v : buffer(inout))
        v *= factor;
}

void CpuForward::rmsNormHeads(Act inout, const Tensor& weight, uint32_t nHeads)
{
    (void)nHeads; // every row is nHeads slices of the weight's length
    cpu::rmsNormHeads(buffer(inout), vectorOf(weight), m_hp.rmsEps);
}

void CpuForward::ropeWithBase(Act inout, uint32_t nHeads, float freqBase, float freqScale)
{
    cpu::RopeParams params = m_rope;
    params.freqBase = freqBase;
    params.freqScale = freqScale;
    cpu::applyRopeBatch(buffer(inout), m_tokens.size(), nHeads, m_hp.headDimK, m_firstPos, params);
}

void CpuForward::geluGate(Act gate, Act up, Act out)
{
    cpu::geluGate(buffer(gate), buffer(up), buffer(out), m_attnShape.roundLikeGgml);
}

void CpuForward::softcap(Act inout, float cap) { cpu::softcap(buffer(inout), cap); }

} // namespace agora::model
