#include "model/weights.h"

#include "gguf/gguf.h"
#include "tensor/quant.h"

#include <initializer_list>

namespace agora::model {

TensorType Tensor::type() const { return info->type; }
uint64_t Tensor::cols() const { return info->ne[0]; }
uint64_t Tensor::rows() const { return info->ne[1]; }
const uint8_t* Tensor::data() const { return info->data; }
uint64_t Tensor::bytes() const { return info->nBytes; }
std::string Tensor::name() const { return info ? std::string(info->name) : std::string("(absent)"); }

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

private:
    const gguf::GgufFile& m_file;
};

#define AGORA_BIND(target, expr)                                                                                    \
    do {                                                                                                            \
        auto bound_ = (expr);                                                                                       \
        if (!bound_)                                                                                                \
            return bound_.error();                                                                                  \
        target = *bound_;                                                                                           \
    } while (false)

} // namespace

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

    const bool hasBias = hp.arch == Architecture::Qwen2;
    w.layers.resize(hp.nLayer);
    for (uint32_t i = 0; i < hp.nLayer; ++i) {
        const std::string p = "blk." + std::to_string(i) + ".";
        LayerWeights& l = w.layers[i];
        AGORA_BIND(l.attnNorm, bind.get(p + "attn_norm.weight", nEmbd, 0));
        AGORA_BIND(l.wq, bind.get(p + "attn_q.weight", nEmbd, qSize));
        AGORA_BIND(l.wk, bind.get(p + "attn_k.weight", nEmbd, kvSize));
        AGORA_BIND(l.wv, bind.get(p + "attn_v.weight", nEmbd, kvSize));
        // qwen2 always has Q/K/V biases; llama models occasionally ship them too (optional there).
        AGORA_BIND(l.bq, bind.get(p + "attn_q.bias", qSize, 0, hasBias));
        AGORA_BIND(l.bk, bind.get(p + "attn_k.bias", kvSize, 0, hasBias));
        AGORA_BIND(l.bv, bind.get(p + "attn_v.bias", kvSize, 0, hasBias));
        AGORA_BIND(l.wo, bind.get(p + "attn_output.weight", qSize, nEmbd));
        AGORA_BIND(l.ffnNorm, bind.get(p + "ffn_norm.weight", nEmbd, 0));
        AGORA_BIND(l.wGate, bind.get(p + "ffn_gate.weight", nEmbd, nFf));
        AGORA_BIND(l.wUp, bind.get(p + "ffn_up.weight", nEmbd, nFf));
        AGORA_BIND(l.wDown, bind.get(p + "ffn_down.weight", nFf, nEmbd));
    }
    return w;
}

} // namespace agora::model
