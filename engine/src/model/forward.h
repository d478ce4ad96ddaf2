// What every forward-pass backend offers (CpuForward, GpuForward): evaluate a batch of tokens at
// consecutive positions, filling the KV cache, and hand back logits.
#pragma once

#include "agora/engine.h"

#include <cstdint>
#include <span>
#include <vector>

namespace agora::model {

class Forward {
public:
    virtual ~Forward() = default;

    // Evaluates tokens at positions firstPos, firstPos+1, ... (earlier positions must already be
    // in the cache; later ones are forgotten) and returns n_vocab logits per token when
    // allLogits, else only for the last token. Errors: InvalidArgument for an empty batch, a
    // token outside the vocabulary or a batch past the context; device errors from the GPU.
    virtual Result<std::vector<float>> evaluate(std::span<const int32_t> tokens, uint32_t firstPos,
                                                bool allLogits) = 0;
    // KV cache capacity in positions.
    virtual uint32_t contextSize() const = 0;
};

} // namespace agora::model
