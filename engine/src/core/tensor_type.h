// Tensor element types as numbered in the GGUF format, with their block geometry. The GGUF
// reader needs the geometry to bounds-check tensor sizes; the dequantizers (engine/src/tensor)
// and the GPU kernels (shaders/common) implement the types Agora supports.
#pragma once

#include <array>
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

// Every type id GGUF writers use, with its geometry. constexpr so that the block layouts in
// engine/src/tensor can static_assert against it.
inline constexpr std::array kTensorTypeTable = {
    TensorTypeTraits{TensorType::F32, "F32", 1, 4, true},
    TensorTypeTraits{TensorType::F16, "F16", 1, 2, true},
    TensorTypeTraits{TensorType::Q4_0, "Q4_0", 32, 18, true},
    TensorTypeTraits{TensorType::Q4_1, "Q4_1", 32, 20, true},
    TensorTypeTraits{TensorType::Q5_0, "Q5_0", 32, 22, true},
    TensorTypeTraits{TensorType::Q5_1, "Q5_1", 32, 24, true},
    TensorTypeTraits{TensorType::Q8_0, "Q8_0", 32, 34, true},
    TensorTypeTraits{TensorType::Q8_1, "Q8_1", 32, 36, false},
    TensorTypeTraits{TensorType::Q2_K, "Q2_K", 256, 84, true},
    TensorTypeTraits{TensorType::Q3_K, "Q3_K", 256, 110, true},
    TensorTypeTraits{TensorType::Q4_K, "Q4_K", 256, 144, true},
    TensorTypeTraits{TensorType::Q5_K, "Q5_K", 256, 176, true},
    TensorTypeTraits{TensorType::Q6_K, "Q6_K", 256, 210, true},
    TensorTypeTraits{TensorType::Q8_K, "Q8_K", 256, 292, false},
    TensorTypeTraits{TensorType::IQ2_XXS, "IQ2_XXS", 256, 66, false},
    TensorTypeTraits{TensorType::IQ2_XS, "IQ2_XS", 256, 74, false},
    TensorTypeTraits{TensorType::IQ3_XXS, "IQ3_XXS", 256, 98, false},
    TensorTypeTraits{TensorType::IQ1_S, "IQ1_S", 256, 50, false},
    TensorTypeTraits{TensorType::IQ4_NL, "IQ4_NL", 32, 18, true},
    TensorTypeTraits{TensorType::IQ3_S, "IQ3_S", 256, 110, false},
    TensorTypeTraits{TensorType::IQ2_S, "IQ2_S", 256, 82, false},
    TensorTypeTraits{TensorType::IQ4_XS, "IQ4_XS", 256, 136, true},
    TensorTypeTraits{TensorType::I8, "I8", 1, 1, false},
    TensorTypeTraits{TensorType::I16, "I16", 1, 2, false},
    TensorTypeTraits{TensorType::I32, "I32", 1, 4, false},
    TensorTypeTraits{TensorType::I64, "I64", 1, 8, false},
    TensorTypeTraits{TensorType::F64, "F64", 1, 8, false},
    TensorTypeTraits{TensorType::IQ1_M, "IQ1_M", 256, 56, false},
    TensorTypeTraits{TensorType::BF16, "BF16", 1, 2, true},
    TensorTypeTraits{TensorType::TQ1_0, "TQ1_0", 256, 54, false},
    TensorTypeTraits{TensorType::TQ2_0, "TQ2_0", 256, 66, false},
    TensorTypeTraits{TensorType::MXFP4, "MXFP4", 32, 17, false},
};

// Geometry of a known enum value (constexpr: usable in static_assert).
constexpr const TensorTypeTraits& traitsOf(TensorType type)
{
    for (const auto& t : kTensorTypeTable)
        if (t.type == type)
            return t;
    return kTensorTypeTable[0]; // unreachable for valid enum values
}

// Geometry of a type id read from a file; nullopt for ids no GGUF writer has ever used.
std::optional<TensorTypeTraits> tensorTypeTraits(uint32_t typeId);
std::string_view tensorTypeName(TensorType type);
std::optional<TensorType> tensorTypeFromName(std::string_view name); // case-insensitive

// Bytes of a row of n elements; nullopt when n is not a multiple of the block size.
std::optional<uint64_t> rowBytes(TensorType type, uint64_t n);

} // namespace agora
