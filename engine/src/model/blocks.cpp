#include "model/blocks.h"

namespace agora::model::blocks {

void attention(GraphOps& ops, const HParams& hp, uint32_t layer, const LayerWeights& w)
{
    ops.rmsNorm(Act::X, w.attnNorm, Act::Norm);
    ops.linear(w.wq, Act::Norm, Act::Q);
    ops.linear(w.wk, Act::Norm, Act::K);
    ops.linear(w.wv, Act::Norm, Act::V);
    if (w.bq)
        ops.addBias(w.bq, Act::Q);
    if (w.bk)
        ops.addBias(w.bk, Act::K);
    if (w.bv)
        ops.addBias(w.bv, Act::V);
    ops.rope(Act::Q, hp.nHead);
    ops.rope(Act::K, hp.nHeadKv);
    ops.attention(layer, Act::Q, Act::K, Act::V, Act::Attn);
    ops.linear(w.wo, Act::Attn, Act::Proj);
    ops.add(Act::Proj, Act::X);
}

void siluFeedForward(GraphOps& ops, const LayerWeights& w)
{
    ops.rmsNorm(Act::X, w.ffnNorm, Act::Norm);
    ops.linear(w.wGate, Act::Norm, Act::Gate);
    ops.linear(w.wUp, Act::Norm, Act::Up);
    ops.siluGate(Act::Gate, Act::Up, Act::Gate);
    ops.linear(w.wDown, Act::Gate, Act::Proj);
    ops.add(Act::Proj, Act::X);
}

void outputHead(GraphOps& ops, const ModelWeights& w)
{
    ops.rmsNorm(Act::X, w.outputNorm, Act::Norm);
    ops.logits(w.output, Act::Norm);
}

} // namespace agora::model::blocks
