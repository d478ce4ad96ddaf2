// agora-cli bench --profile: where a decoded token's time goes in the matrix-vector products, per
// kind of weight matrix (attn_q, ffn_down, output, ...), and how close each kind comes to the
// device's measured copy bandwidth.
#pragma once

#include "agora/engine.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace agora::model {
class Model;
}
namespace agora::vk {
class Context;
}

namespace agora::cli {

struct MatVecKindProfile {
    std::string kind;       // "attn_q", "ffn_down", "output", ...
    std::string types;      // the tensor types of this kind, e.g. "Q5_0" or "Q4_K+Q6_K"
    uint32_t matrices = 0;  // how many a token multiplies (one per layer; one for the output)
    uint32_t rows = 0;
    uint32_t cols = 0;
    uint64_t bytes = 0;     // weight bytes read per token
    double msPerToken = 0;  // GPU time of all of them, fastest of the repetitions
    double gbPerSecond = 0; // bytes / time
};

// One kernel's share of a decoded token, from per-dispatch timestamps.
struct KernelShare {
    std::string kernel;          // the shader variant, e.g. "MatVecInt_Q5_0", "RmsNormPackQ8_0"
    double msPerToken = 0;       // summed over its dispatches; on lavapipe this includes each dispatch's hand-off
    double dispatchesPerToken = 0;
};

struct BenchProfile {
    std::string layout;                   // the matvec layout the device uses (rows / subgroup)
    double copyKernelGBps = 0;            // read rate of a copy kernel
    double copyTransferGBps = 0;          // read rate of vkCmdCopyBuffer
    double dispatchMicroseconds = 0;      // one small dispatch after another that it depends on
    std::vector<MatVecKindProfile> kinds;
    double matVecMsPerToken() const;
    std::vector<KernelShare> kernels;     // every kernel of a decoded token, slowest first when printed
    uint32_t timedTokens = 0;             // decoded tokens the kernel times are averaged over
    uint32_t timedDepth = 0;              // the context depth they were decoded at
    double timedTokenMs = 0;              // their wall time per token (timing each dispatch included)
};

// Uploads the model's matrices again, kind by kind (each kind freed before the next), and times
// one token's products of each kind as the forward pass records them (one dispatch per matrix,
// no barriers between them). `repetitions` runs each; the fastest counts.
Result<BenchProfile> profileMatVecs(const model::Model& model, std::shared_ptr<vk::Context> context, int repetitions);

std::string profileJson(const BenchProfile& profile);
void printProfile(const BenchProfile& profile, double tokenMs);

} // namespace agora::cli
