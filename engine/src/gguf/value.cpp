// Metadata values: construction and the width-converting accessors declared in gguf.h.
#include "gguf/gguf.h"

#include <bit>
#include <limits>

namespace agora::gguf {
namespace {

bool isUnsignedType(ValueType t)
{
    return t == ValueType::UInt8 || t == ValueType::UInt16 || t == ValueType::UInt32 || t == ValueType::UInt64;
}

bool isSignedType(ValueType t)
{
    return t == ValueType::Int8 || t == ValueType::Int16 || t == ValueType::Int32 || t == ValueType::Int64;
}

bool isFloatType(ValueType t) { return t == ValueType::Float32 || t == ValueType::Float64; }

} // namespace

std::string_view valueTypeName(ValueType type)
{
    switch (type) {
    case ValueType::UInt8: return "u8";
    case ValueType::Int8: return "i8";
    case ValueType::UInt16: return "u16";
    case ValueType::Int16: return "i16";
    case ValueType::UInt32: return "u32";
    case ValueType::Int32: return "i32";
    case ValueType::Float32: return "f32";
    case ValueType::Bool: return "bool";
    case ValueType::String: return "string";
    case ValueType::Array: return "array";
    case ValueType::UInt64: return "u64";
    case ValueType::Int64: return "i64";
    case ValueType::Float64: return "f64";
    }
    return "unknown";
}

std::optional<int64_t> Value::asInt() const
{
    if (isSignedType(m_type))
        return static_cast<int64_t>(m_bits);
    if (isUnsignedType(m_type)) {
        if (m_bits > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
            return std::nullopt;
        return static_cast<int64_t>(m_bits);
    }
    return std::nullopt;
}

std::optional<uint64_t> Value::asUInt() const
{
    if (isUnsignedType(m_type))
        return m_bits;
    if (isSignedType(m_type)) {
        auto v = static_cast<int64_t>(m_bits);
        if (v < 0)
            return std::nullopt;
        return static_cast<uint64_t>(v);
    }
    return std::nullopt;
}

std::optional<double> Value::asFloat() const
{
    if (isFloatType(m_type))
        return std::bit_cast<double>(m_bits);
    if (isSignedType(m_type))
        return static_cast<double>(static_cast<int64_t>(m_bits));
    if (isUnsignedType(m_type))
        return static_cast<double>(m_bits);
    return std::nullopt;
}

std::optional<bool> Value::asBool() const
{
    if (m_type != ValueType::Bool)
        return std::nullopt;
    return m_bits != 0;
}

std::optional<std::string_view> Value::asString() const
{
    if (m_type != ValueType::String)
        return std::nullopt;
    return m_string;
}

const ArrayValue* Value::asArray() const
{
    return m_type == ValueType::Array ? m_array.get() : nullptr;
}

Value Value::fromUInt(ValueType t, uint64_t v)
{
    Value out;
    out.m_type = t;
    out.m_bits = v;
    return out;
}

Value Value::fromInt(ValueType t, int64_t v)
{
    Value out;
    out.m_type = t;
    out.m_bits = static_cast<uint64_t>(v);
    return out;
}

Value Value::fromFloat(ValueType t, double v)
{
    Value out;
    out.m_type = t;
    // An f32 value is kept as the double of that float so that writing it back is exact.
    out.m_bits = std::bit_cast<uint64_t>(t == ValueType::Float32 ? static_cast<double>(static_cast<float>(v)) : v);
    return out;
}

Value Value::fromBool(bool v)
{
    Value out;
    out.m_type = ValueType::Bool;
    out.m_bits = v ? 1 : 0;
    return out;
}

Value Value::fromString(std::string_view v)
{
    Value out;
    out.m_type = ValueType::String;
    out.m_string = v;
    return out;
}

Value Value::fromArray(std::shared_ptr<const ArrayValue> v)
{
    Value out;
    out.m_type = ValueType::Array;
    out.m_array = std::move(v);
    return out;
}

} // namespace agora::gguf
