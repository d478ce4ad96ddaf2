// The GGUF parser. Every read goes through Cursor, which refuses to step past the end of the
// buffer; every count is checked against what the remaining bytes could possibly hold before
// anything is allocated for it. Layout (little-endian):
//   "GGUF" u32 version, u64 tensor_count, u64 kv_count,
//   kv_count x (string key, u32 type, value), tensor_count x (string name, u32 n_dims,
//   n_dims x u64 ne, u32 type, u64 offset), padding to the alignment, tensor data.
#include "gguf/gguf_impl.h"

#include "gguf/byte_size.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <numeric>

namespace agora::gguf {
namespace {

static_assert(std::endian::native == std::endian::little, "the GGUF reader assumes a little-endian host");

constexpr uint64_t kHeaderBytes = 4 + 4 + 8 + 8;
constexpr uint32_t kMaxValueType = static_cast<uint32_t>(ValueType::Float64);

// Smallest encoding of one value of a type: what lets us cap a count by the remaining bytes.
uint64_t minEncodedSize(ValueType t)
{
    switch (t) {
    case ValueType::UInt8: case ValueType::Int8: case ValueType::Bool: return 1;
    case ValueType::UInt16: case ValueType::Int16: return 2;
    case ValueType::UInt32: case ValueType::Int32: case ValueType::Float32: return 4;
    case ValueType::UInt64: case ValueType::Int64: case ValueType::Float64: return 8;
    case ValueType::String: return 8;     // the length prefix
    case ValueType::Array: return 4 + 8;  // element type + count
    }
    return 1;
}

class Cursor {
public:
    explicit Cursor(std::span<const uint8_t> bytes) : m_bytes(bytes) {}
    uint64_t pos() const { return m_pos; }
    uint64_t remaining() const { return m_bytes.size() - m_pos; }

    template <typename T>
    bool read(T& out)
    {
        if (remaining() < sizeof(T))
            return false;
        std::memcpy(&out, m_bytes.data() + m_pos, sizeof(T));
        m_pos += sizeof(T);
        return true;
    }
    // A view of the next n bytes (the caller has checked n <= remaining()).
    std::string_view take(uint64_t n)
    {
        std::string_view s(reinterpret_cast<const char*>(m_bytes.data() + m_pos), n);
        m_pos += n;
        return s;
    }

private:
    std::span<const uint8_t> m_bytes;
    uint64_t m_pos = 0;
};

std::string quoted(std::string_view s)
{
    // Names from a hostile file may be long or binary: show a bounded, printable excerpt.
    std::string out = "'";
    for (char c : s.substr(0, 80))
        out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
    return out + (s.size() > 80 ? "...'" : "'");
}

Error badFormat(std::string message) { return makeError(ErrorCode::BadFormat, std::move(message)); }

class Parser {
public:
    Parser(GgufFile::Impl& impl, const OpenOptions& options) : m_impl(impl), m_options(options), m_cur(impl.bytes) {}

    Result<void> run()
    {
        if (auto r = parseHeader(); !r)
            return r;
        if (auto r = parseMetadata(); !r)
            return r;
        if (auto r = readAlignment(); !r)
            return r;
        if (auto r = parseTensorInfos(); !r)
            return r;
        return placeTensorData();
    }

private:
    Error truncatedInside(const std::string& what) const
    {
        return badFormat("this file is truncated or corrupt: it ends after " + formatByteSize(m_impl.bytes.size()) +
                         ", inside " + what + "; download it again");
    }

    Result<void> parseHeader()
    {
        const uint64_t size = m_impl.bytes.size();
        if (size == 0)
            return badFormat("not a GGUF file: the file is empty");
        if (size >= 4 && std::memcmp(m_impl.bytes.data(), "GGUF", 4) != 0) {
            char hex[16];
            std::snprintf(hex, sizeof hex, "%02x %02x %02x %02x", m_impl.bytes[0], m_impl.bytes[1],
                          m_impl.bytes[2], m_impl.bytes[3]);
            return badFormat(std::string("not a GGUF file: it starts with bytes ") + hex +
                             " instead of the magic 'GGUF'");
        }
        if (size < kHeaderBytes) {
            if (size < 4 && std::memcmp(m_impl.bytes.data(), "GGUF", size) != 0)
                return badFormat("not a GGUF file: only " + std::to_string(size) + " bytes long");
            return badFormat("this file is truncated: it ends inside the GGUF header (" + std::to_string(size) +
                             " of " + std::to_string(kHeaderBytes) + " bytes); download it again");
        }
        uint32_t magic = 0;
        uint64_t tensorCount = 0, kvCount = 0;
        (void)m_cur.read(magic);
        (void)m_cur.read(m_impl.version);
        if (m_impl.version == 0x03000000 || m_impl.version == 0x02000000)
            return makeError(ErrorCode::Unsupported, "this GGUF file is big-endian; Agora reads little-endian files only");
        if (m_impl.version != 2 && m_impl.version != 3)
            return makeError(ErrorCode::Unsupported, "unsupported GGUF version " + std::to_string(m_impl.version) +
                                                         " (Agora reads versions 2 and 3)");
        (void)m_cur.read(tensorCount);
        (void)m_cur.read(kvCount);
        // Each entry needs at least a key length, a type and a one-byte value.
        if (kvCount > m_cur.remaining() / (8 + 4 + 1))
            return badFormat("metadata count " + std::to_string(kvCount) + " is more than the remaining " +
                             std::to_string(m_cur.remaining()) + " bytes can hold; the file is truncated or corrupt");
        // ...and each tensor info at least a name length, n_dims, one dimension, a type and an offset.
        if (tensorCount > m_cur.remaining() / (8 + 4 + 8 + 4 + 8))
            return badFormat("tensor count " + std::to_string(tensorCount) + " is more than the remaining " +
                             std::to_string(m_cur.remaining()) + " bytes can hold; the file is truncated or corrupt");
        m_kvCount = kvCount;
        m_tensorCount = tensorCount;
        return {};
    }

    Result<void> parseMetadata()
    {
        m_impl.metadata.reserve(m_kvCount);
        m_impl.keyIndex.reserve(m_kvCount);
        for (uint64_t i = 0; i < m_kvCount; ++i) {
            const std::string entry = "metadata entry #" + std::to_string(i);
            uint64_t keyLength = 0;
            if (!m_cur.read(keyLength))
                return truncatedInside(entry);
            if (keyLength > m_cur.remaining())
                return badFormat(entry + ": key length " + std::to_string(keyLength) +
                                 " runs past the end of the file (" + std::to_string(m_cur.remaining()) +
                                 " bytes left); the file is truncated or corrupt");
            std::string_view key = m_cur.take(keyLength);
            uint32_t typeId = 0;
            if (!m_cur.read(typeId))
                return truncatedInside("the metadata value " + quoted(key));
            if (typeId > kMaxValueType)
                return badFormat("metadata " + quoted(key) + " has unknown value type " + std::to_string(typeId));
            Value value;
            if (auto r = readValue(static_cast<ValueType>(typeId), key, 0, value); !r)
                return r;
            if (!m_impl.keyIndex.emplace(key, m_impl.metadata.size()).second)
                return badFormat("duplicate metadata key " + quoted(key));
            m_impl.metadata.push_back(KeyValue{key, std::move(value)});
        }
        return {};
    }

    Result<void> readValue(ValueType type, std::string_view key, uint32_t depth, Value& out)
    {
        auto scalar = [&](auto raw) -> Result<void> {
            if (!m_cur.read(raw))
                return truncatedInside("the metadata value " + quoted(key));
            using Raw = decltype(raw);
            if constexpr (std::is_same_v<Raw, float> || std::is_same_v<Raw, double>)
                out = Value::fromFloat(type, raw);
            else if constexpr (std::is_signed_v<Raw>)
                out = Value::fromInt(type, raw);
            else
                out = Value::fromUInt(type, raw);
            return {};
        };
        switch (type) {
        case ValueType::UInt8: return scalar(uint8_t{});
        case ValueType::Int8: return scalar(int8_t{});
        case ValueType::UInt16: return scalar(uint16_t{});
        case ValueType::Int16: return scalar(int16_t{});
        case ValueType::UInt32: return scalar(uint32_t{});
        case ValueType::Int32: return scalar(int32_t{});
        case ValueType::UInt64: return scalar(uint64_t{});
        case ValueType::Int64: return scalar(int64_t{});
        case ValueType::Float32: return scalar(float{});
        case ValueType::Float64: return scalar(double{});
        case ValueType::Bool: {
            uint8_t b = 0;
            if (!m_cur.read(b))
                return truncatedInside("the metadata value " + quoted(key));
            out = Value::fromBool(b != 0);
            return {};
        }
        case ValueType::String: {
            uint64_t length = 0;
            if (!m_cur.read(length))
                return truncatedInside("the metadata value " + quoted(key));
            if (length > m_cur.remaining())
                return badFormat("metadata " + quoted(key) + ": string length " + std::to_string(length) +
                                 " runs past the end of the file (" + std::to_string(m_cur.remaining()) +
                                 " bytes left); the file is truncated or corrupt");
            out = Value::fromString(m_cur.take(length));
            return {};
        }
        case ValueType::Array: return readArray(key, depth, out);
        }
        return badFormat("metadata " + quoted(key) + " has unknown value type " +
                         std::to_string(static_cast<uint32_t>(type)));
    }

    Result<void> readArray(std::string_view key, uint32_t depth, Value& out)
    {
        if (depth >= kMaxArrayDepth)
            return badFormat("metadata " + quoted(key) + ": arrays nested more than " + std::to_string(kMaxArrayDepth) +
                             " levels deep");
        uint32_t elementTypeId = 0;
        uint64_t count = 0;
        if (!m_cur.read(elementTypeId) || !m_cur.read(count))
            return truncatedInside("the metadata array " + quoted(key));
        if (elementTypeId > kMaxValueType)
            return badFormat("metadata " + quoted(key) + " is an array of unknown value type " +
                             std::to_string(elementTypeId));
        auto elementType = static_cast<ValueType>(elementTypeId);
        uint64_t capacity = m_cur.remaining() / minEncodedSize(elementType);
        if (count > capacity)
            return badFormat("metadata array " + quoted(key) + " claims " + std::to_string(count) +
                             " items, but the remaining " + std::to_string(m_cur.remaining()) +
                             " bytes can hold at most " + std::to_string(capacity) +
                             "; the file is truncated or corrupt");
        if (count > kMaxMetadataItems - m_itemsSoFar)
            return badFormat("metadata array " + quoted(key) + " has " + std::to_string(count) +
                             " items, more than Agora accepts in one file (" + std::to_string(kMaxMetadataItems) + ")");
        m_itemsSoFar += count;
        auto array = std::make_shared<ArrayValue>();
        array->elementType = elementType;
        array->items.resize(count);
        for (uint64_t i = 0; i < count; ++i)
            if (auto r = readValue(elementType, key, depth + 1, array->items[i]); !r)
                return r;
        out = Value::fromArray(std::move(array));
        return {};
    }

    Result<void> readAlignment()
    {
        const Value* v = nullptr;
        if (auto it = m_impl.keyIndex.find("general.alignment"); it != m_impl.keyIndex.end())
            v = &m_impl.metadata[it->second].value;
        if (!v)
            return {};
        auto a = v->asUInt();
        if (!a || *a == 0 || !std::has_single_bit(*a) || *a > kMaxAlignment)
            return badFormat("general.alignment must be a power of two between 1 and " + std::to_string(kMaxAlignment) +
                             ", got " + (a ? std::to_string(*a) : "a " + std::string(valueTypeName(v->type()))));
        m_impl.alignment = *a;
        return {};
    }

    Result<void> parseTensorInfos()
    {
        m_impl.tensors.reserve(m_tensorCount);
        m_impl.tensorIndex.reserve(m_tensorCount);
        for (uint64_t i = 0; i < m_tensorCount; ++i) {
            const std::string entry = "the tensor table (tensor #" + std::to_string(i) + ")";
            TensorInfo t;
            uint64_t nameLength = 0;
            if (!m_cur.read(nameLength))
                return truncatedInside(entry);
            if (nameLength > m_cur.remaining())
                return badFormat("tensor #" + std::to_string(i) + ": name length " + std::to_string(nameLength) +
                                 " runs past the end of the file (" + std::to_string(m_cur.remaining()) +
                                 " bytes left); the file is truncated or corrupt");
            t.name = m_cur.take(nameLength);
            const std::string who = "tensor " + quoted(t.name);
            if (!m_cur.read(t.nDims))
                return truncatedInside(entry);
            if (t.nDims == 0 || t.nDims > kMaxDims)
                return badFormat(who + " has " + std::to_string(t.nDims) + " dimensions; GGUF allows 1 to " +
                                 std::to_string(kMaxDims));
            for (uint32_t d = 0; d < t.nDims; ++d)
                if (!m_cur.read(t.ne[d]))
                    return truncatedInside(entry);
            uint32_t typeId = 0;
            if (!m_cur.read(typeId) || !m_cur.read(t.offset))
                return truncatedInside(entry);
            if (auto r = checkShape(t, who, typeId); !r)
                return r;
            if (!m_impl.tensorIndex.emplace(t.name, m_impl.tensors.size()).second)
                return badFormat("duplicate tensor name " + quoted(t.name));
            m_impl.tensors.push_back(t);
        }
        return {};
    }

    Result<void> checkShape(TensorInfo& t, const std::string& who, uint32_t typeId)
    {
        uint64_t n = 1;
        bool overflow = false;
        for (uint32_t d = 0; d < t.nDims; ++d) {
            if (t.ne[d] == 0)
                return badFormat(who + " has a zero-sized dimension (ne[" + std::to_string(d) + "] = 0)");
            overflow = overflow || __builtin_mul_overflow(n, t.ne[d], &n);
        }
        if (overflow || n > static_cast<uint64_t>(INT64_MAX)) {
            std::string dims;
            for (uint32_t d = 0; d < t.nDims; ++d)
                dims += (d ? " x " : "") + std::to_string(t.ne[d]);
            return badFormat(who + ": the product of its dimensions (" + dims + ") overflows 64 bits");
        }
        t.nElements = n;
        auto traits = tensorTypeTraits(typeId);
        if (!traits)
            return makeError(ErrorCode::Unsupported, "unsupported quantization " + std::to_string(typeId) + " (" + who +
                                                         " has a tensor type id Agora does not know)");
        t.type = traits->type;
        if (t.ne[0] % traits->blockElements != 0)
            return badFormat(who + ": row length " + std::to_string(t.ne[0]) + " is not a multiple of the " +
                             std::string(traits->name) + " block size " + std::to_string(traits->blockElements));
        uint64_t blocks = n / traits->blockElements;
        if (__builtin_mul_overflow(blocks, uint64_t{traits->blockBytes}, &t.nBytes))
            return badFormat(who + ": its size in bytes overflows 64 bits");
        if (t.offset % m_impl.alignment != 0)
            return badFormat(who + ": data offset " + std::to_string(t.offset) + " is not a multiple of the alignment " +
                             std::to_string(m_impl.alignment));
        return {};
    }

    uint64_t alignUp(uint64_t v) const { return (v + m_impl.alignment - 1) / m_impl.alignment * m_impl.alignment; }

    Result<void> placeTensorData()
    {
        const uint64_t size = m_impl.bytes.size();
        const uint64_t afterInfos = m_cur.pos();
        // afterInfos <= size and alignment <= 2^30, so this cannot overflow.
        m_impl.dataOffset = alignUp(afterInfos);
        const uint64_t dataBytes = m_impl.dataOffset <= size ? size - m_impl.dataOffset : 0;

        std::vector<size_t> order(m_impl.tensors.size());
        std::iota(order.begin(), order.end(), size_t{0});
        std::sort(order.begin(), order.end(),
                  [&](size_t a, size_t b) { return m_impl.tensors[a].offset < m_impl.tensors[b].offset; });

        // Writers pack tensors back to back (with alignment padding). While that holds, data past
        // the end of the file means a cut download; a tensor after a gap means a bad offset.
        bool packed = true;
        uint64_t packedEnd = 0; // end of the packed prefix, relative to the data section
        uint64_t expectedEnd = 0;
        for (size_t k = 0; k < order.size(); ++k) {
            const TensorInfo& t = m_impl.tensors[order[k]];
            uint64_t end = 0;
            if (__builtin_add_overflow(t.offset, t.nBytes, &end))
                return badFormat("tensor " + quoted(t.name) + ": data offset " + std::to_string(t.offset) +
                                 " is out of range");
            if (k + 1 < order.size() && end > m_impl.tensors[order[k + 1]].offset)
                return badFormat("tensors " + quoted(t.name) + " and " + quoted(m_impl.tensors[order[k + 1]].name) +
                                 " overlap in the data section");
            if (packed && t.offset != alignUp(expectedEnd))
                packed = false;
            if (packed)
                packedEnd = end;
            expectedEnd = end;
        }
        for (size_t k = 0; k < order.size(); ++k) {
            TensorInfo& t = m_impl.tensors[order[k]];
            uint64_t end = t.offset + t.nBytes;
            if (end <= dataBytes) {
                t.data = m_impl.bytes.data() + m_impl.dataOffset + t.offset;
                continue;
            }
            if (!m_options.requireTensorData)
                continue; // t.data stays null: the caller asked for metadata only
            if (end <= packedEnd) {
                uint64_t expected = m_impl.dataOffset + packedEnd;
                return badFormat("this file is truncated: " + formatByteSize(size) + " of " + formatByteSize(expected) +
                                 " present (" + std::to_string(expected - size) +
                                 " bytes of tensor data missing); download it again");
            }
            return badFormat("tensor " + quoted(t.name) + ": data (bytes " + std::to_string(t.offset) + " to " +
                             std::to_string(end) + " of the data section) is out of range: the data section holds " +
                             std::to_string(dataBytes) + " bytes");
        }
        return {};
    }

    GgufFile::Impl& m_impl;
    const OpenOptions& m_options;
    Cursor m_cur;
    uint64_t m_kvCount = 0;
    uint64_t m_tensorCount = 0;
    uint64_t m_itemsSoFar = 0;
};

} // namespace

Result<void> parseGguf(GgufFile::Impl& impl, const OpenOptions& options)
{
    return Parser(impl, options).run();
}

} // namespace agora::gguf
