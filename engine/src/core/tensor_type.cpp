#include "core/tensor_type.h"

#include <array>
#include <cctype>

namespace agora {
namespace {

constexpr std::array kTraits = {
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

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::toupper(static_cast<unsigned char>(a[i])) != std::toupper(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

} // namespace

std::optional<TensorTypeTraits> tensorTypeTraits(uint32_t typeId)
{
    for (const auto& t : kTraits)
        if (static_cast<uint32_t>(t.type) == typeId)
            return t;
    return std::nullopt;
}

const TensorTypeTraits& traitsOf(TensorType type)
{
    for (const auto& t : kTraits)
        if (t.type == type)
            return t;
    return kTraits[0]; // unreachable for valid enum values
}

std::string_view tensorTypeName(TensorType type) { return traitsOf(type).name; }

std::optional<TensorType> tensorTypeFromName(std::string_view name)
{
    for (const auto& t : kTraits)
        if (equalsIgnoreCase(t.name, name))
            return t.type;
    return std::nullopt;
}

std::optional<uint64_t> rowBytes(TensorType type, uint64_t n)
{
    const auto& t = traitsOf(type);
    if (n % t.blockElements != 0)
        return std::nullopt;
    return n / t.blockElements * t.blockBytes;
}

} // namespace agora
