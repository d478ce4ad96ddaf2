#include "model/graph.h"

#include "model/family_graphs.h"

namespace agora::model {

uint32_t activationWidth(const HParams& hp, Act act)
{
    switch (act) {
    case Act::X:
    case Act::Norm:
    case Act::Proj: return hp.nEmbd;
    case Act::Q:
    case Act::Attn: return hp.qSize();
    case Act::K:
    case Act::V: return hp.kvSize();
    case Act::Gate:
    case Act::Up: return hp.nFf;
    case Act::Logits: return hp.nVocab;
    }
    return 0;
}

void buildGraph(const HParams& hp, const ModelWeights& weights, GraphOps& ops)
{
    switch (hp.arch) {
    case Architecture::Llama: buildLlamaGraph(hp, weights, ops); return;
    case Architecture::Qwen2: buildQwen2Graph(hp, weights, ops); return;
    }
}

} // namespace agora::model
