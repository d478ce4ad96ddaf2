#include "model/weights.h"

#include "gguf/gguf.h"
#include "tensor/quant.h"

#include <initializer_list>

namespace agora::model {

TensorType Tensor::type() const { return info->type; }
uint64_t Tensor::cols() const { return info->ne[0]; }
uint64_t Tensor::rows() const { return isView() ? nRows : info->ne[1]; }
const uint8_t* Tensor::data() const
{
    return info->data + (isView() ? firstRow * rowBytes(info->type, info->ne[0]).value_or(0) : 0);
}
uint64_t Tensor::bytes() const { return isView() ? nRows * rowBytes(info->type, info->ne[0]).value_or(0) : info->nBytes; }
std::string Tensor::name() const
{
    if (!info)
        return "(absent)";
    if (!isView())
        return std::string(info->name);
    return std::string(info->name) + " rows " + std::to_string(firstRow) + ".." + std::to_string(firstRow + nRows);
}

namespace {

std::string shapeText(std::initializer_list<uint64_t> dims)
{
    std::string s = "(";
    for (uint64_t d : dims)
        s += (s.size() > 1 ? ", " : "") + std::to_string(d);
    return s + ")";
}

class Binder {
public:
    explicit Binder(const gguf::GgufFile& file) : m_file(file) {}

    // A 1-D (cols) or 2-D (cols, rows) tensor; rows == 0 means 1-D.
    Result<Tensor> get(const std::string& name, uint64_t cols, uint64_t rows, bool required = true) const
    {
        const gguf::TensorInfo* info = m_file.findTensor(name);
        if (!info) {
            if (!required)
                return Tensor{};
            return makeError(ErrorCode::BadFormat, "the model file lacks the tensor " + name);
        }
        const bool is2d = rows != 0;
        const bool shapeOk = info->ne[0] == cols && info->ne[2] == 1 && info->ne[3] == 1 &&
                             (is2d ? info->ne[1] == rows : info->ne[1] == 1);
        if (!shapeOk) {
            const std::string expected = is2d ? shapeText({cols, rows}) : shapeText({cols});
            return makeError(ErrorCode::BadFormat,
                             name + " has shape " + shapeText({info->ne[0], info->ne[1], info->ne[2], info->ne[3]}) +
                                 " but the hyperparameters say " + expected);
        }
        if (!tensor::canDequantize(info->type))
            return makeError(ErrorCode::Unsupported, name + " uses the quantization " +
                                                         std::string(tensorTypeName(info->type)) +
                                                         ", which Agora does not support yet");
        return Tensor{info};
    }

    bool has(const std::string& name) const { return m_file.findTensor(name) != nullptr; }

private:
    const gguf::GgufFile& m_file;
};

// Consecutive row blocks of a fused matrix, e.g. Q, K, V of phi3's attn_qkv.
std::vector<Tensor> splitRows(const Tensor& fused, std::initializer_list<uint64_t> rowCounts)
{
    std::vector<Tensor> parts;
    uint64_t first = 0;
    for (uint64_t n : rowCounts) {
        parts.push_back(Tensor{fused.info, first, n});
        first += n;
    }
    return parts;
}

#define AGORA_BIND(target, expr)                                                                                    \
    do {                                                                                                            \
        auto bound_ = (expr);                                                                                       \
        if (!bound_)                                                                                                \
            return bound_.error();                                                                                  \
        target = *bound_;                                                                                           \
    } while (false)

} // namespace

const Tensor& ropeFactorsFor(const ModelWeights& weights, const HParams& hp, uint32_t nCtx)
{
    if (weights.ropeFactorsLong && nCtx > hp.nCtxOrig)
        return weights.ropeFactorsLong;
    return weights.ropeFreqs;
}

Result<ModelWeights> bindWeights(const gguf::GgufFile& file, const HParams& hp)
{
    const Binder bind(file);
    ModelWeights w;
    const uint64_t nEmbd = hp.nEmbd, qSize = hp.qSize(), kvSize = hp.kvSize(), nFf = hp.nFf;
    AGORA_BIND(w.tokenEmbd, bind.get("token_embd.weight", nEmbd, hp.nVocab));
    AGORA_BIND(w.outputNorm, bind.get("output_norm.weight", nEmbd, 0));
    AGORA_BIND(w.output, bind.get("output.weight", nEmbd, hp.nVocab, false));
    w.tiedOutput = !w.output;
    if (w.tiedOutput)
        w.output = w.tokenEmbd;
    AGORA_BIND(w.ropeFreqs, bind.get("rope_freqs.weight", hp.ropeDims / 2, 0, false));
    // Phi-3 LongRoPE files: the short factors serve contexts up to the original training length.
    if (!w.ropeFreqs) {
        AGORA_BIND(w.ropeFreqs, bind.get("rope_factors_short.weight", hp.ropeDims / 2, 0, false));
        AGORA_BIND(w.ropeFactorsLong, bind.get("rope_factors_long.weight", hp.ropeDims / 2, 0, false));
    }

    const bool hasBias = hp.arch == Architecture::Qwen2;
    const bool hasQkNorm = hp.arch == Architecture::Qwen3 || hp.arch == Architecture::Gemma3;
    const bool hasPostNorms = hp.arch == Architecture::Gemma2 || hp.arch == Architecture::Gemma3;
    w.layers.resize(hp.nLayer);
    for (uint32_t i = 0; i < hp.nLayer; ++i) {
        const std::string p = "blk." + std::to_string(i) + ".";
        LayerWeights& l = w.layers[i];
        AGORA_BIND(l.attnNorm, bind.get(p + "attn_norm.weight", nEmbd, 0));
        if (hp.arch == Architecture::Phi3 && bind.has(p + "attn_qkv.weight")) {
            Tensor fused;
            AGORA_BIND(fused, bind.get(p + "attn_qkv.weight", nEmbd, qSize + 2 * kvSize));
            const std::vector<Tensor> qkv = splitRows(fused, {qSize, kvSize, kvSize});
            l.wq = qkv[0], l.wk = qkv[1], l.wv = qkv[2];
        } else {
            AGORA_BIND(l.wq, bind.get(p + "attn_q.weight", nEmbd, qSize));
            AGORA_BIND(l.wk, bind.get(p + "attn_k.weight", nEmbd, kvSize));
            AGORA_BIND(l.wv, bind.get(p + "attn_v.weight", nEmbd, kvSize));
        }
        AGORA_BIND(l.qNorm, bind.get(p + "attn_q_norm.weight", hp.headDimK, 0, hasQkNorm));
        AGORA_BIND(l.kNorm, bind.get(p + "attn_k_norm.weight", hp.headDimK, 0, hasQkNorm));
        AGORA_BIND(l.postAttnNorm, bind.get(p + "post_attention_norm.weight", nEmbd, 0, hasPostNorms));
        AGORA_BIND(l.postFfnNorm, bind.get(p + "post_ffw_norm.weight", nEmbd, 0, hasPostNorms));
        // qwen2 always has Q/K/V biases; llama models occasionally ship them too (optional there).
        AGORA_BIND(l.bq, bind.get(p + "attn_q.bias", qSize, 0, hasBias));
        AGORA_BIND(l.bk, bind.get(p + "attn_k.bias", kvSize, 0, hasBias));
        AGORA_BIND(l.bv, bind.get(p + "attn_v.bias", kvSize, 0, hasBias));
        AGORA_BIND(l.wo, bind.get(p + "attn_output.weight", qSize, nEmbd));
        AGORA_BIND(l.ffnNorm, bind.get(p + "ffn_norm.weight", nEmbd, 0));
        if (hp.arch == Architecture::Phi3 && !bind.has(p + "ffn_gate.weight")) {
            // phi3's ffn_up holds the gate rows, then the up rows.
            Tensor fused;
            AGORA_BIND(fused, bind.get(p + "ffn_up.weight", nEmbd, 2 * nFf));
            const std::vector<Tensor> gateUp = splitRows(fused, {nFf, nFf});
            l.wGate = gateUp[0], l.wUp = gateUp[1];
        } else {
            AGORA_BIND(l.wGate, bind.get(p + "ffn_gate.weight", nEmbd, nFf));
            AGORA_BIND(l.wUp, bind.get(p + "ffn_up.weight", nEmbd, nFf));
        }
        AGORA_BIND(l.wDown, bind.get(p + "ffn_down.weight", nFf, nEmbd));
    }
    return w;
}

} // namespace agora::model
