// A loaded model: the mapped GGUF file, its hyperparameters and its bound weights. Backends
// (CpuForward, the Vulkan engine) evaluate it; the Model itself holds no per-sequence state.
#pragma once

#include "agora/engine.h"
#include "model/hparams.h"
#include "model/weights.h"

#include <memory>
#include <string>
#include <vector>

namespace agora::gguf {
class GgufFile;
}

namespace agora::model {

class Model {
public:
    // Opens the file, reads the hyperparameters and binds every weight. Errors say which key or
    // tensor is at fault, or that the architecture is not supported yet.
    static Result<std::unique_ptr<Model>> open(const std::string& path);
    static Result<std::unique_ptr<Model>> fromFile(std::unique_ptr<gguf::GgufFile> file);

    ~Model();
    Model(const Model&) = delete;
    Model& operator=(const Model&) = delete;

    const HParams& hparams() const { return m_hparams; }
    const ModelWeights& weights() const { return m_weights; }
    const gguf::GgufFile& file() const { return *m_file; }

    // A whole 1-D tensor (norm, bias, rope factors) as f32.
    std::vector<float> readVector(const Tensor& t) const;

private:
    Model(std::unique_ptr<gguf::GgufFile> file, HParams hp, ModelWeights weights);

    std::unique_ptr<gguf::GgufFile> m_file;
    HParams m_hparams;
    ModelWeights m_weights;
};

} // namespace agora::model
