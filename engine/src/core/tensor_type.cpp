#include "core/tensor_type.h"

#include <array>
#include <cctype>

namespace agora {
namespace {

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
    for (const auto& t : kTensorTypeTable)
        if (static_cast<uint32_t>(t.type) == typeId)
            return t;
    return std::nullopt;
}

std::string_view tensorTypeName(TensorType type) { return traitsOf(type).name; }

std::optional<TensorType> tensorTypeFromName(std::string_view name)
{
    for (const auto& t : kTensorTypeTable)
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
