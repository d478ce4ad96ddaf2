#include "model/blocks.h"

namespace agora::model::blocks {

namespace {

// Q, K, V of the normalised residual, with biases and q/k norms when the layer has them.
void projectQkv(GraphOps& ops, const HParams& hp, const LayerWeights& w)
{
    ops.rmsNorm(Act::X, w.attnNorm, Act::Norm);
    ops.linearGroup({{&w.wq, w.bq ? &w.bq : nullptr, Act::Q},
                     {&w.wk, w.bk ? &w.bk : nullptr, Act::K},
                     {&w.wv, w.bv ? &w.bv : nullptr, Act::V}},
                    Act::Norm);
    if (w.qNorm)
        ops.rmsNormHeads(Act::Q, w.qNorm, hp.nHead);
    if (w.kNorm)
        ops.rmsNormHeads(Act::K, w.kNorm, hp.nHeadKv);
}

// X += postNorm(Proj), the post-norm only where the family has one.
void addToResidual(GraphOps& ops, const Tensor& postNorm)
{
    if (postNorm)
        ops.rmsNorm(Act::Proj, postNorm, Act::Proj);
    ops.add(Act::Proj, Act::X);
}

} // namespace

void attention(GraphOps& ops, const HParams& hp, uint32_t layer, const LayerWeights& w)
{
    projectQkv(ops, hp, w);
    ops.ropeAttention(layer, Act::Q, hp.nHead, Act::K, hp.nHeadKv, Act::V, Act::Attn);
    ops.linearAccumulate(w.wo, Act::Attn, Act::Proj, Act::X);
}

void gemmaAttention(GraphOps& ops, const HParams& hp, uint32_t layer, const LayerWeights& w)
{
    projectQkv(ops, hp, w);
    ops.ropeWithBase(Act::Q, hp.nHead, hp.ropeBaseFor(layer), hp.ropeScaleFor(layer));
    ops.ropeWithBase(Act::K, hp.nHeadKv, hp.ropeBaseFor(layer), hp.ropeScaleFor(layer));
    ops.attentionWith(layer, Act::Q, Act::K, Act::V, Act::Attn, attentionOptionsFor(hp, layer));
    ops.linear(w.wo, Act::Attn, Act::Proj);
    addToResidual(ops, w.postAttnNorm);
}

void siluFeedForward(GraphOps& ops, const LayerWeights& w)
{
    ops.rmsNorm(Act::X, w.ffnNorm, Act::Norm);
    ops.linearGated(w.wGate, w.wUp, Act::Norm, Act::Gate, GraphOps::GateActivation::Silu);
    ops.linearAccumulate(w.wDown, Act::Gate, Act::Proj, Act::X);
}

void geluFeedForward(GraphOps& ops, const LayerWeights& w)
{
    ops.rmsNorm(Act::X, w.ffnNorm, Act::Norm);
    ops.linearGated(w.wGate, w.wUp, Act::Norm, Act::Gate, GraphOps::GateActivation::Gelu);
    ops.linear(w.wDown, Act::Gate, Act::Proj);
    addToResidual(ops, w.postFfnNorm);
}

void outputHead(GraphOps& ops, const HParams& hp, const ModelWeights& w)
{
    ops.rmsNorm(Act::X, w.outputNorm, Act::Norm);
    ops.logits(w.output, Act::Norm);
    if (hp.finalSoftcap > 0.0f)
        ops.softcap(Act::Logits, hp.finalSoftcap);
}

} // namespace agora::model::blocks
