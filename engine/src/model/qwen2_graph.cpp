// The `qwen2` family (Qwen 2/2.5, DeepSeek-R1-Distill-Qwen): the llama block structure with
// biases on Q, K and V (bound as required by the weight loader) and RoPE in NeoX mode (halves),
// which hparams sets from the architecture.
#include "model/blocks.h"
#include "model/family_graphs.h"

namespace agora::model {

void buildQwen2Graph(const HParams& hp, const ModelWeights& w, GraphOps& ops)
{
    ops.embed(w.tokenEmbd, Act::X);
    for (uint32_t layer = 0; layer < hp.nLayer; ++layer) {
        blocks::attention(ops, hp, layer, w.layers[layer]); // adds bq, bk, bv
        blocks::siluFeedForward(ops, w.layers[layer]);
    }
    blocks::outputHead(ops, hp, w);
}

} // namespace agora::model
