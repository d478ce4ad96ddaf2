// The tolerances of ../shared/reference/README.md ("More architectures") for the syn-*-2k family
// fixtures, shared by the CPU and GPU family tests.
#pragma once

#include "reference_check.h"

#include <QString>

namespace agora::test {

// F16 <= 0.08 (llama3 <= 0.05), top-1 where the reference margin > 0.1; quantized <= 0.6
// (gemma2 <= 1.5), top-1 where the margin > 0.5 (gemma2 > 1.5). The mean bound on the last
// position's logits is ours, a few times the measured value.
inline Tolerance familyTolerance(const QString& modelName)
{
    const bool gemma2 = modelName.contains("gemma2");
    if (modelName.contains("-F16"))
        return {modelName.contains("llama3") ? 0.05f : 0.08f, 0.02f, 0.1f};
    return {gemma2 ? 1.5f : 0.6f, gemma2 ? 0.4f : 0.15f, gemma2 ? 1.5f : 0.5f};
}

// Greedy steps before the first one whose reference margin is within the file type's spread (the
// margin that makes a top-1 "clear"): the greedy ids must agree that far.
inline int robustGreedyPrefix(const RefDump& ref, const Tolerance& tol)
{
    for (size_t i = 0; i < ref.greedyMargins.size(); ++i) {
        if (ref.greedyMargins[i] < tol.top1Margin)
            return int(i);
    }
    return int(ref.greedyMargins.size());
}

} // namespace agora::test
