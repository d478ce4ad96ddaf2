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

AttentionOptions attentionOptionsFor(const HParams& hp, uint32_t layer)
{
    return AttentionOptions{hp.attnScale, hp.attnSoftcap, hp.isLocalLayer(layer) ? hp.slidingWindow : 0u};
}

void buildGraph(const HParams& hp, const ModelWeights& weights, GraphOps& ops)
{
    switch (hp.arch) {
    case Architecture::Llama: buildLlamaGraph(hp, weights, ops); return;
    case Architecture::Qwen2: buildQwen2Graph(hp, weights, ops); return;
    case Architecture::Qwen3: buildQwen3Graph(hp, weights, ops); return;
    case Architecture::Gemma2: buildGemma2Graph(hp, weights, ops); return;
    case Architecture::Gemma3: buildGemma3Graph(hp, weights, ops); return;
    case Architecture::Phi3: buildPhi3Graph(hp, weights, ops); return;
    }
}

} // namespace agora::model
