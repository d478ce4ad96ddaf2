// Building blocks shared by the llama-style family graphs: the pre-norm attention block, the
// SiLU-gated feed-forward block and the output head. A family graph strings them together.
#pragma once

#include "model/graph.h"

namespace agora::model::blocks {

// X += Wo . attention(rope(Wq.norm(X) [+bq]), rope(Wk.norm(X) [+bk]), Wv.norm(X) [+bv])
// Biases are added when the layer has them (qwen2; some llama conversions).
void attention(GraphOps& ops, const HParams& hp, uint32_t layer, const LayerWeights& w);

// X += Wdown . (silu(Wgate.norm(X)) * Wup.norm(X))
void siluFeedForward(GraphOps& ops, const LayerWeights& w);

// Logits = output . rmsNorm(X)
void outputHead(GraphOps& ops, const ModelWeights& w);

} // namespace agora::model::blocks
