// One graph function per supported architecture family; buildGraph() picks by hp.arch.
#pragma once

#include "model/graph.h"

namespace agora::model {

void buildLlamaGraph(const HParams& hp, const ModelWeights& w, GraphOps& ops);
void buildQwen2Graph(const HParams& hp, const ModelWeights& w, GraphOps& ops);

} // namespace agora::model
