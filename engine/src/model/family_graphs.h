// One graph function per supported architecture family; buildGraph() picks by hp.arch.
#pragma once

#include "model/graph.h"

namespace agora::model {

void buildLlamaGraph(const HParams& hp, const ModelWeights& w, GraphOps& ops);
void buildQwen2Graph(const HParams& hp, const ModelWeights& w, GraphOps& ops);
void buildQwen3Graph(const HParams& hp, const ModelWeights& w, GraphOps& ops);
void buildGemma2Graph(const HParams& hp, const ModelWeights& w, GraphOps& ops);
void buildGemma3Graph(const HParams& hp, const ModelWeights& w, GraphOps& ops);
void buildPhi3Graph(const HParams& hp, const ModelWeights& w, GraphOps& ops);

} // namespace agora::model
