// The `llama` family (Llama 2/3, Mistral, and the many models published as llama): pre-norm
// blocks, RoPE in normal mode (adjacent pairs, with Llama-3 rope factors when the file has them),
// grouped-query attention, SiLU-gated FFN, tied or separate output matrix.
#include "model/blocks.h"
#include "model/family_graphs.h"

namespace agora::model {

void buildLlamaGraph(const HParams& hp, const ModelWeights& w, GraphOps& ops)
{
    ops.embed(w.tokenEmbd, Act::X);
    for (uint32_t layer = 0; layer < hp.nLayer; ++layer) {
        blocks::attention(ops, hp, layer, w.layers[layer]);
        blocks::siluFeedForward(ops, w.layers[layer]);
    }
    blocks::outputHead(ops, hp, w);
}

} // namespace agora::model
