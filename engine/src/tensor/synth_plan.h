// What a synthetic model contains: the shapes of real models (hyperparameters only), the list
// of tensors each has, and the tensor type llama.cpp's quantizer would give each tensor in a
// Q8_0, F16 or Q4_K_M file. `agora-cli synth` (synth_writer.h) fills the plan with seeded random
// weights so that benchmarks and tests can run real shapes without downloading anything.
#pragma once

#include "core/tensor_type.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agora::tensor {

// Which special-token set and pre-tokenizer the synthetic vocabulary imitates.
enum class SynthVocabStyle { Llama3, Qwen2 };

struct SynthShape {
    std::string key;          // "llama3.2-1b", as given to --shape
    std::string architecture; // GGUF general.architecture: "llama", "qwen2"
    std::string sizeLabel;    // general.size_label: "1B"
    uint32_t vocabSize = 0;   // embedding rows (all token ids)
    uint32_t embeddingLength = 0;
    uint32_t layers = 0;
    uint32_t ffnLength = 0;
    uint32_t heads = 0;
    uint32_t kvHeads = 0;
    uint32_t headDim = 0;
    uint32_t contextLength = 0;
    float ropeFreqBase = 10000.0f;
    float rmsEpsilon = 1e-5f;
    bool qkvBias = false;        // qwen2: biases on Q, K and V
    bool tiedEmbedding = true;   // no output.weight: the embedding doubles as output
    bool llama3RopeFreqs = false; // a rope_freqs.weight tensor (Llama 3.1+ long-context scaling)
    SynthVocabStyle vocabStyle = SynthVocabStyle::Llama3;
};

// The shapes `synth` knows ("llama3.2-1b", "qwen2.5-0.5b", "tiny-llama"); nullopt otherwise.
std::optional<SynthShape> synthShape(std::string_view key);
std::vector<std::string> synthShapeNames();

// The tensor-type mixtures of llama.cpp's file types.
enum class SynthMix { F16, Q8_0, Q4_K_M };
std::optional<SynthMix> synthMixFromName(std::string_view name); // "f16", "q8_0", "q4_k_m"
std::string_view synthMixName(SynthMix mix);                   // "Q4_K_M"
uint32_t synthMixFileType(SynthMix mix);                       // general.file_type (15 for Q4_K_M)

// How a tensor's values are drawn (reference/llama.cpp/README.md §2.1).
enum class WeightInit {
    Normal,     // N(0, stddev)
    NormWeight, // 1 + 0.1 * N(0, 1)
    RopeFreqs,  // Llama 3 rope scaling factors (deterministic)
};

struct PlannedTensor {
    std::string name;
    std::vector<uint64_t> ne; // ggml order: ne[0] is the row length
    TensorType type = TensorType::F32;
    WeightInit init = WeightInit::Normal;
    float stddev = 0.0f;
};

// Every tensor of the shape in file order (the order the random stream is consumed in).
std::vector<PlannedTensor> planTensors(const SynthShape& shape, SynthMix mix);

// The type llama.cpp's Q4_K_M gives a 2-D weight: Q6_K for the output matrix (the embedding
// when tied) and for attn_v / ffn_down in the "more bits" layers, Q4_K for the rest; with
// ggml's fallbacks for rows that are not a multiple of 256 (Q4_K -> Q5_0, Q6_K -> Q8_0).
TensorType q4KMTypeFor(std::string_view tensorName, uint64_t rowLength, uint32_t layers, bool tiedEmbedding);

// llama.cpp's use_more_bits(): the first and last eighth of the layers and every third between.
bool useMoreBits(uint32_t layer, uint32_t layers);

} // namespace agora::tensor
