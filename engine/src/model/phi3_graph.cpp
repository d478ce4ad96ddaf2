// The `phi3` family (Phi-3/3.5 mini and medium): the llama block structure with NeoX rope. The
// fused projections (attn_qkv: Q rows, then K, then V; ffn_up: gate rows, then up rows) are bound
// by the weight loader as row views, so the graph sees separate matrices; LongRoPE's short rope
// factors, when the file has them, arrive as the rope factors. Phi-3 scales Q before QK^T, which is
// the same 1/sqrt(head_dim) the shared attention applies.
#include "model/blocks.h"
#include "model/family_graphs.h"

namespace agora::model {

void buildPhi3Graph(const HParams& hp, const ModelWeights& w, GraphOps& ops)
{
    ops.embed(w.tokenEmbd, Act::X);
    for (uint32_t layer = 0; layer < hp.nLayer; ++layer) {
        blocks::attention(ops, hp, layer, w.layers[layer]);     // Q, K, V views of attn_qkv
        blocks::siluFeedForward(ops, w.layers[layer]);          // gate, up views of ffn_up
    }
    blocks::outputHead(ops, hp, w);
}

} // namespace agora::model
