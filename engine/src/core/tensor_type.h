// Tensor element types as numbered in the GGUF format, with their block geometry. The GGUF
// reader needs the geometry to bounds-check tensor sizes; the dequantizers (engine/src/tensor)
// and the GPU kernels (shaders/common) implement the types Agora supports.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace agora {

enum class TensorType : uint32_t {
    F32 = 0, F16 = 1, Q4_0 = 2, Q4_1 = 3, Q5_0 = 6, Q5_1 = 7, Q8_0 = 8, Q8_1 = 9,
    Q2_K = 10, Q3_K = 11, Q4_K = 12, Q5_K = 13, Q6_K = 14, Q8_K = 15,
    IQ2_XXS = 16, IQ2_XS = 17, IQ3_XXS = 18, IQ1_S = 19, IQ4_NL = 20, IQ3_S = 21, IQ2_S = 22,
    IQ4_XS = 23, I8 = 24, I16 = 25, I32 = 26, I64 = 27, F64 = 28, IQ1_M = 29, BF16 = 30,
    TQ1_0 = 34, TQ2_0 = 35, MXFP4 = 39,
};

struct TensorTypeTraits {
    TensorType type;
    std::string_view name;   // "Q4_K", as llama.cpp and Hugging Face name it
    uint32_t blockElements;  // elements per block (1 for plain types)
    uint32_t blockBytes;     // bytes per block
    bool supported;          // Agora can dequantize it and run it on the GPU
};

// Geometry of a type id read from a file; nullopt for ids no GGUF writer has ever used.
std::optional<TensorTypeTraits> tensorTypeTraits(uint32_t typeId);
const TensorTypeTraits& traitsOf(TensorType type); // for known enum values
std::string_view tensorTypeName(TensorType type);
std::optional<TensorType> tensorTypeFromName(std::string_view name); // case-insensitive

// Bytes of a row of n elements; nullopt when n is not a multiple of the block size.
std::optional<uint64_t> rowBytes(TensorType type, uint64_t n);

} // namespace agora
