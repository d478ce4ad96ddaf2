#include "model/model.h"

#include "core/log.h"
#include "gguf/gguf.h"
#include "tensor/quant.h"

namespace agora::model {

Model::Model(std::unique_ptr<gguf::GgufFile> file, HParams hp, ModelWeights weights)
    : m_file(std::move(file)), m_hparams(hp), m_weights(std::move(weights))
{
}

Model::~Model() = default;

Result<std::unique_ptr<Model>> Model::open(const std::string& path)
{
    auto file = gguf::GgufFile::open(path);
    if (!file)
        return file.error();
    return fromFile(std::move(*file));
}

Result<std::unique_ptr<Model>> Model::fromFile(std::unique_ptr<gguf::GgufFile> file)
{
    const gguf::TensorInfo* embedding = file->findTensor("token_embd.weight");
    const uint64_t vocabHint = embedding && embedding->nDims >= 2 ? embedding->ne[1] : 0;
    auto hp = readHParams(*file, vocabHint);
    if (!hp)
        return hp.error();
    auto weights = bindWeights(*file, *hp);
    if (!weights)
        return weights.error();
    log::get("engine.model")
        ->debug("{}: {} layers, n_embd {}, heads {}/{}, head dim {}, n_ff {}, vocab {}, {} output",
                architectureName(hp->arch), hp->nLayer, hp->nEmbd, hp->nHead, hp->nHeadKv, hp->headDimK, hp->nFf,
                hp->nVocab, weights->tiedOutput ? "tied" : "separate");
    return std::unique_ptr<Model>(new Model(std::move(file), *hp, std::move(*weights)));
}

std::vector<float> Model::readVector(const Tensor& t) const
{
    if (!t)
        return {};
    std::vector<float> out(t.info->nElements);
    // bindWeights checked that the type dequantizes and the size is whole blocks.
    const Result<void> done = tensor::dequantizeRow(t.type(), t.data(), out.data(), out.size());
    if (!done)
        log::get("engine.model")->error("reading {}: {}", t.name(), done.error().message);
    return out;
}

} // namespace agora::model
