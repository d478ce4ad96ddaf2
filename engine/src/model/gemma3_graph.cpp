// The `gemma3` family (Gemma 3 text models): gemma2's block (sqrt(n_embd) embedding scale, pre-
// and post-norms, GELU(tanh)-gated FFN) with per-head q/k norms instead of the attention softcap,
// five local (sliding-window) layers for every global one, and separate rope bases: local layers
// rotate with rope.freq_base_swa, global layers with rope.freq_base (and its linear scaling).
// Final logits are capped only when the file asks for it. Norm weights are used as stored (the
// converter folded Gemma's +1 in).
#include "model/blocks.h"
#include "model/family_graphs.h"

namespace agora::model {

void buildGemma3Graph(const HParams& hp, const ModelWeights& w, GraphOps& ops)
{
    ops.embed(w.tokenEmbd, Act::X);
    ops.scale(Act::X, hp.embedScale);
    for (uint32_t layer = 0; layer < hp.nLayer; ++layer) {
        blocks::gemmaAttention(ops, hp, layer, w.layers[layer]); // q/k norms, local or global
        blocks::geluFeedForward(ops, w.layers[layer]);
    }
    blocks::outputHead(ops, hp, w);
}

} // namespace agora::model
