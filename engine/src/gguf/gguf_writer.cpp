#include "gguf/gguf_writer.h"

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unordered_set>

namespace agora::gguf {
namespace {

constexpr size_t kStreamChunkBytes = 4 << 20;

Error invalid(std::string message) { return makeError(ErrorCode::InvalidArgument, "GGUF writer: " + std::move(message)); }

} // namespace

void ByteEncoder::raw(const void* data, size_t n)
{
    const auto* p = static_cast<const uint8_t*>(data);
    m_out.insert(m_out.end(), p, p + n);
}

void ByteEncoder::string(std::string_view s)
{
    u64(s.size());
    raw(s.data(), s.size());
}

void ByteEncoder::value(const Value& v)
{
    switch (v.type()) {
    case ValueType::UInt8: u8(static_cast<uint8_t>(*v.asUInt())); break;
    case ValueType::Int8: u8(static_cast<uint8_t>(static_cast<int8_t>(*v.asInt()))); break;
    case ValueType::UInt16: u16(static_cast<uint16_t>(*v.asUInt())); break;
    case ValueType::Int16: u16(static_cast<uint16_t>(static_cast<int16_t>(*v.asInt()))); break;
    case ValueType::UInt32: u32(static_cast<uint32_t>(*v.asUInt())); break;
    case ValueType::Int32: u32(static_cast<uint32_t>(static_cast<int32_t>(*v.asInt()))); break;
    case ValueType::UInt64: u64(*v.asUInt()); break;
    case ValueType::Int64: u64(static_cast<uint64_t>(*v.asInt())); break;
    case ValueType::Float32: f32(static_cast<float>(*v.asFloat())); break;
    case ValueType::Float64: f64(*v.asFloat()); break;
    case ValueType::Bool: u8(*v.asBool() ? 1 : 0); break;
    case ValueType::String: string(*v.asString()); break;
    case ValueType::Array: {
        const ArrayValue* a = v.asArray();
        u32(static_cast<uint32_t>(a ? a->elementType : ValueType::UInt8));
        u64(a ? a->items.size() : 0);
        if (a)
            for (const Value& item : a->items)
                value(item);
        break;
    }
    }
}

void GgufWriter::add(std::string_view key, const Value& value)
{
    if (!m_allowDuplicates && std::find(m_keys.begin(), m_keys.end(), key) != m_keys.end()) {
        if (m_error.empty())
            m_error = "duplicate metadata key '" + std::string(key) + "'";
        return;
    }
    if (value.type() == ValueType::Array && !value.asArray()) {
        if (m_error.empty())
            m_error = "metadata '" + std::string(key) + "' is an array value without items";
        return;
    }
    if (key == "general.alignment")
        m_hasAlignmentKey = true;
    m_keys.emplace_back(key);
    ByteEncoder enc(m_metadata);
    enc.string(key);
    enc.u32(static_cast<uint32_t>(value.type()));
    enc.value(value);
    ++m_kvCount;
}

void GgufWriter::addStringArray(std::string_view key, const std::vector<std::string>& items)
{
    auto array = std::make_shared<ArrayValue>();
    array->elementType = ValueType::String;
    array->items.reserve(items.size());
    for (const std::string& s : items)
        array->items.push_back(Value::fromString(s));
    add(key, Value::fromArray(std::move(array)));
}

void GgufWriter::addFloat32Array(std::string_view key, std::span<const float> items)
{
    auto array = std::make_shared<ArrayValue>();
    array->elementType = ValueType::Float32;
    array->items.reserve(items.size());
    for (float f : items)
        array->items.push_back(Value::fromFloat(ValueType::Float32, f));
    add(key, Value::fromArray(std::move(array)));
}

void GgufWriter::addInt32Array(std::string_view key, std::span<const int32_t> items)
{
    auto array = std::make_shared<ArrayValue>();
    array->elementType = ValueType::Int32;
    array->items.reserve(items.size());
    for (int32_t v : items)
        array->items.push_back(Value::fromInt(ValueType::Int32, v));
    add(key, Value::fromArray(std::move(array)));
}

void GgufWriter::addTensor(std::string_view name, TensorType type, std::vector<uint64_t> ne,
                           std::span<const uint8_t> data)
{
    if (addTensorInfo(name, type, std::move(ne), TensorDataSource{})) {
        PendingTensor& t = m_tensors.back();
        if (data.size() != t.nBytes && m_error.empty())
            m_error = "tensor '" + std::string(name) + "' needs " + std::to_string(t.nBytes) + " bytes of data, got " +
                      std::to_string(data.size());
        t.bytes.assign(data.begin(), data.end());
    }
}

void GgufWriter::addTensor(std::string_view name, TensorType type, std::vector<uint64_t> ne, TensorDataSource source)
{
    if (!source && m_error.empty())
        m_error = "tensor '" + std::string(name) + "' has no data source";
    addTensorInfo(name, type, std::move(ne), std::move(source));
}

bool GgufWriter::addTensorInfo(std::string_view name, TensorType type, std::vector<uint64_t> ne,
                               TensorDataSource source)
{
    auto fail = [&](const std::string& why) {
        if (m_error.empty())
            m_error = "tensor '" + std::string(name) + "': " + why;
        return false;
    };
    if (ne.empty() || ne.size() > 4)
        return fail("needs 1 to 4 dimensions, got " + std::to_string(ne.size()));
    uint64_t n = 1;
    for (uint64_t d : ne)
        if (d == 0 || __builtin_mul_overflow(n, d, &n))
            return fail("has a zero or overflowing dimension");
    auto bytes = rowBytes(type, ne[0]);
    if (!bytes)
        return fail("row length " + std::to_string(ne[0]) + " is not a multiple of the " +
                    std::string(tensorTypeName(type)) + " block size");
    if (!m_allowDuplicates)
        for (const PendingTensor& t : m_tensors)
            if (t.name == name)
                return fail("duplicate tensor name");
    PendingTensor t;
    t.name = std::string(name);
    t.type = type;
    t.nBytes = *bytes * (n / ne[0]);
    t.ne = std::move(ne);
    t.source = std::move(source);
    m_tensors.push_back(std::move(t));
    return true;
}

Result<std::vector<uint8_t>> GgufWriter::encodeHead() const
{
    if (!m_error.empty())
        return invalid(m_error);
    if (m_alignment == 0 || !std::has_single_bit(m_alignment))
        return invalid("alignment " + std::to_string(m_alignment) + " is not a power of two");
    const bool writeAlignmentKey = m_alignment != 32 && !m_hasAlignmentKey;
    std::vector<uint8_t> head;
    ByteEncoder enc(head);
    enc.raw("GGUF", 4);
    enc.u32(m_version);
    enc.u64(m_tensors.size());
    enc.u64(m_kvCount + (writeAlignmentKey ? 1 : 0));
    if (writeAlignmentKey) {
        enc.string("general.alignment");
        enc.u32(static_cast<uint32_t>(ValueType::UInt32));
        enc.u32(static_cast<uint32_t>(m_alignment));
    }
    head.insert(head.end(), m_metadata.begin(), m_metadata.end());
    uint64_t offset = 0;
    for (const PendingTensor& t : m_tensors) {
        enc.string(t.name);
        enc.u32(static_cast<uint32_t>(t.ne.size()));
        for (uint64_t d : t.ne)
            enc.u64(d);
        enc.u32(static_cast<uint32_t>(t.type));
        enc.u64(offset);
        offset = (offset + t.nBytes + m_alignment - 1) / m_alignment * m_alignment;
    }
    if (!m_tensors.empty())
        head.resize((head.size() + m_alignment - 1) / m_alignment * m_alignment, 0);
    return head;
}

Result<void> GgufWriter::emit(const std::function<bool(const uint8_t*, size_t)>& sink) const
{
    auto head = encodeHead();
    if (!head)
        return head.error();
    if (!sink(head->data(), head->size()))
        return makeError(ErrorCode::Io, "write failed");
    const std::vector<uint8_t> zeros(m_alignment, 0);
    std::vector<uint8_t> chunk;
    for (size_t i = 0; i < m_tensors.size(); ++i) {
        const PendingTensor& t = m_tensors[i];
        if (t.source) {
            chunk.resize(static_cast<size_t>(std::min<uint64_t>(t.nBytes, kStreamChunkBytes)));
            for (uint64_t done = 0; done < t.nBytes;) {
                auto n = static_cast<size_t>(std::min<uint64_t>(t.nBytes - done, chunk.size()));
                t.source(done, std::span<uint8_t>(chunk.data(), n));
                if (!sink(chunk.data(), n))
                    return makeError(ErrorCode::Io, "write failed");
                done += n;
            }
        } else if (!sink(t.bytes.data(), t.bytes.size())) {
            return makeError(ErrorCode::Io, "write failed");
        }
        uint64_t pad = (m_alignment - t.nBytes % m_alignment) % m_alignment;
        if (i + 1 < m_tensors.size() && pad && !sink(zeros.data(), static_cast<size_t>(pad)))
            return makeError(ErrorCode::Io, "write failed");
    }
    return {};
}

Result<std::vector<uint8_t>> GgufWriter::toBytes() const
{
    std::vector<uint8_t> out;
    auto r = emit([&](const uint8_t* p, size_t n) {
        out.insert(out.end(), p, p + n);
        return true;
    });
    if (!r)
        return r.error();
    return out;
}

Result<uint64_t> GgufWriter::fileSize() const
{
    auto head = encodeHead();
    if (!head)
        return head.error();
    uint64_t size = head->size();
    for (size_t i = 0; i < m_tensors.size(); ++i) {
        size += m_tensors[i].nBytes;
        if (i + 1 < m_tensors.size())
            size = (size + m_alignment - 1) / m_alignment * m_alignment;
    }
    return size;
}

Result<void> GgufWriter::writeFile(const std::string& path) const
{
    const std::string partPath = path + ".part";
    std::FILE* f = std::fopen(partPath.c_str(), "wb");
    if (!f)
        return makeError(ErrorCode::Io, "cannot create '" + partPath + "': " + std::strerror(errno));
    auto r = emit([&](const uint8_t* p, size_t n) { return n == 0 || std::fwrite(p, 1, n, f) == n; });
    int writeErrno = errno;
    bool closed = std::fclose(f) == 0;
    if (!r || !closed) {
        std::remove(partPath.c_str());
        if (!r && r.error().code != ErrorCode::Io)
            return r;
        return makeError(ErrorCode::Io, "cannot write '" + path + "': " + std::strerror(writeErrno));
    }
    if (std::rename(partPath.c_str(), path.c_str()) != 0) {
        int e = errno;
        std::remove(partPath.c_str());
        return makeError(ErrorCode::Io, "cannot rename '" + partPath + "' to '" + path + "': " + std::strerror(e));
    }
    return {};
}

} // namespace agora::gguf
