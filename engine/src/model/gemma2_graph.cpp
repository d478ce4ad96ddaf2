// The `gemma2` family (Gemma 2 2B/9B/27B): the embedding scaled by sqrt(n_embd), pre- and
// post-norms around attention and the GELU(tanh)-gated FFN, attention scores softcapped
// (cap * tanh(s / cap)) with a sliding window on every other layer (even layers local), the query
// scaled before QK^T, NeoX rope, and softcapped final logits. The norm weights are used as stored:
// the GGUF converter already folded Gemma's (1 + w) into them.
#include "model/blocks.h"
#include "model/family_graphs.h"

namespace agora::model {

void buildGemma2Graph(const HParams& hp, const ModelWeights& w, GraphOps& ops)
{
    ops.embed(w.tokenEmbd, Act::X);
    ops.scale(Act::X, hp.embedScale);
    for (uint32_t layer = 0; layer < hp.nLayer; ++layer) {
        blocks::gemmaAttention(ops, hp, layer, w.layers[layer]); // softcap and window from hparams
        blocks::geluFeedForward(ops, w.layers[layer]);
    }
    blocks::outputHead(ops, hp, w); // final softcap
}

} // namespace agora::model
