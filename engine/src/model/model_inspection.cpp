// agora::inspectModel(): the header summary of the gguf layer (gguf::summarize) with the KV cache
// counted as the engine allocates it. It lives in the model layer because the sliding-window
// layers of Gemma 2/3 keep a ring of window + batch - 1 slots, not the whole context, and which
// layers those are is the family's layer pattern (model::HParams), not something the file says.
#include "agora/engine.h"
#include "gguf/gguf.h"
#include "gguf/model_summary.h"
#include "model/gpu_forward.h"
#include "model/hparams.h"

namespace agora {

Result<ModelSummary> inspectModel(const std::string& path, uint32_t contextLength)
{
    auto file = gguf::GgufFile::open(path);
    if (!file)
        return file.error();
    ModelSummary s = gguf::summarize(**file, contextLength);
    s.path = path;
    if (s.vocabOnly || s.slidingWindow == 0)
        return s;
    const gguf::TensorInfo* embedding = (*file)->findTensor("token_embd.weight");
    const uint64_t vocabHint = embedding && embedding->nDims >= 2 ? embedding->ne[1] : 0;
    // A file the model layer cannot read keeps the header's count (every layer at full length):
    // loading it fails with the reason anyway.
    if (Result<model::HParams> hp = model::readHParams(**file, vocabHint); hp) {
        s.kvCacheBytes = model::GpuForward::kvCacheBytes(*hp, s.contextLength, model::GpuForwardOptions{}.maxBatch);
        s.deviceBytes = s.weightsBytes + s.kvCacheBytes;
    }
    return s;
}

} // namespace agora
