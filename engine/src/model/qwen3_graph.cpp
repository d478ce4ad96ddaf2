// The `qwen3` family (Qwen3 dense models): the llama block structure without Q/K/V biases, with a
// per-head RMSNorm of Q and K before rope (bound by the weight loader as attn_q_norm/attn_k_norm,
// which blocks::attention applies) and RoPE in NeoX mode (halves), set by hparams.
#include "model/blocks.h"
#include "model/family_graphs.h"

namespace agora::model {

void buildQwen3Graph(const HParams& hp, const ModelWeights& w, GraphOps& ops)
{
    ops.embed(w.tokenEmbd, Act::X);
    for (uint32_t layer = 0; layer < hp.nLayer; ++layer) {
        blocks::attention(ops, hp, layer, w.layers[layer]); // q/k norms before rope
        blocks::siluFeedForward(ops, w.layers[layer]);
    }
    blocks::outputHead(ops, hp, w);
}

} // namespace agora::model
