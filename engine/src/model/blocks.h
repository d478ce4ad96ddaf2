// Building blocks shared by the family graphs: the pre-norm attention blocks, the gated
// feed-forward blocks and the output head. A family graph strings them together.
#pragma once

#include "model/graph.h"

namespace agora::model::blocks {

// X += Wo . attention(rope(qn(Wq.norm(X) [+bq])), rope(kn(Wk.norm(X) [+bk])), Wv.norm(X) [+bv])
// Biases are added when the layer has them (qwen2; some llama conversions), the per-head q/k
// norms qn, kn when it has those (qwen3).
void attention(GraphOps& ops, const HParams& hp, uint32_t layer, const LayerWeights& w);

// The gemma attention block: as attention(), with the layer's own rope base, the score softcap
// and sliding window of attentionOptionsFor(), and the post-norm of the output before the add:
// X += postNorm(Wo . attention(...)).
void gemmaAttention(GraphOps& ops, const HParams& hp, uint32_t layer, const LayerWeights& w);

// X += Wdown . (silu(Wgate.norm(X)) * Wup.norm(X))
void siluFeedForward(GraphOps& ops, const LayerWeights& w);

// X += postNorm(Wdown . (gelu_tanh(Wgate.norm(X)) * Wup.norm(X)))   (gemma)
void geluFeedForward(GraphOps& ops, const LayerWeights& w);

// Logits = output . rmsNorm(X), softcapped when the family caps its logits (gemma2).
void outputHead(GraphOps& ops, const HParams& hp, const ModelWeights& w);

} // namespace agora::model::blocks
