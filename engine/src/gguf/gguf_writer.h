// Builds GGUF v3 (or v2) files: metadata of every value type, including nested arrays, then the
// tensor table and the tensor data with alignment padding. Output goes to memory or to disk; on
// disk, tensor data can be streamed from a generator in chunks so that a large synthetic model is
// never held in memory whole. Used by `agora-cli synth`, the tests and the fuzz corpus.
#pragma once

#include "agora/engine.h"
#include "gguf/gguf.h"

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace agora::gguf {

// Little-endian primitives appended to a byte vector: the GGUF encoding of each field. Public so
// that tests can hand-craft malformed files field by field.
class ByteEncoder {
public:
    explicit ByteEncoder(std::vector<uint8_t>& out) : m_out(out) {}
    void u8(uint8_t v) { m_out.push_back(v); }
    void u16(uint16_t v) { raw(&v, sizeof v); }
    void u32(uint32_t v) { raw(&v, sizeof v); }
    void u64(uint64_t v) { raw(&v, sizeof v); }
    void f32(float v) { raw(&v, sizeof v); }
    void f64(double v) { raw(&v, sizeof v); }
    void string(std::string_view s); // u64 length + bytes
    void value(const Value& v);      // the payload of v (no type tag), arrays recursively
    void raw(const void* data, size_t n);

private:
    std::vector<uint8_t>& m_out;
};

// Fills `chunk` with the tensor's bytes starting at byte `offset` of that tensor.
using TensorDataSource = std::function<void(uint64_t offset, std::span<uint8_t> chunk)>;

class GgufWriter {
public:
    explicit GgufWriter(uint32_t version = 3) : m_version(version) {}

    // Tensor data is padded to this (a power of two). A value other than 32 is also recorded
    // as general.alignment unless that key was added explicitly.
    void setAlignment(uint64_t alignment) { m_alignment = alignment; }
    uint64_t alignment() const { return m_alignment; }

    // Metadata, in file order. Values are encoded at once, so views they hold may die after.
    void addUInt8(std::string_view key, uint8_t v) { add(key, Value::fromUInt(ValueType::UInt8, v)); }
    void addInt8(std::string_view key, int8_t v) { add(key, Value::fromInt(ValueType::Int8, v)); }
    void addUInt16(std::string_view key, uint16_t v) { add(key, Value::fromUInt(ValueType::UInt16, v)); }
    void addInt16(std::string_view key, int16_t v) { add(key, Value::fromInt(ValueType::Int16, v)); }
    void addUInt32(std::string_view key, uint32_t v) { add(key, Value::fromUInt(ValueType::UInt32, v)); }
    void addInt32(std::string_view key, int32_t v) { add(key, Value::fromInt(ValueType::Int32, v)); }
    void addUInt64(std::string_view key, uint64_t v) { add(key, Value::fromUInt(ValueType::UInt64, v)); }
    void addInt64(std::string_view key, int64_t v) { add(key, Value::fromInt(ValueType::Int64, v)); }
    void addFloat32(std::string_view key, float v) { add(key, Value::fromFloat(ValueType::Float32, v)); }
    void addFloat64(std::string_view key, double v) { add(key, Value::fromFloat(ValueType::Float64, v)); }
    void addBool(std::string_view key, bool v) { add(key, Value::fromBool(v)); }
    void addString(std::string_view key, std::string_view v) { add(key, Value::fromString(v)); }
    void addStringArray(std::string_view key, const std::vector<std::string>& items);
    void addFloat32Array(std::string_view key, std::span<const float> items);
    void addInt32Array(std::string_view key, std::span<const int32_t> items);
    void add(std::string_view key, const Value& value); // any type, nested arrays included

    // Tensors, in file order; ne in ggml order (ne[0] = row length), 1 to 4 dimensions.
    // The in-memory form copies the bytes; the streaming form calls `source` while writing.
    void addTensor(std::string_view name, TensorType type, std::vector<uint64_t> ne, std::span<const uint8_t> data);
    void addTensor(std::string_view name, TensorType type, std::vector<uint64_t> ne, TensorDataSource source);

    // Lets tests write what a valid writer must refuse (duplicate keys or tensor names).
    void allowDuplicatesForTests(bool allow) { m_allowDuplicates = allow; }

    // InvalidArgument for a wrong shape/data size, a duplicate name or a bad alignment.
    Result<std::vector<uint8_t>> toBytes() const;
    // Io error when the file cannot be written; the file is written to path + ".part" first
    // and renamed into place, so a failed write never leaves a truncated model behind.
    Result<void> writeFile(const std::string& path) const;

    // Byte size of the complete file (header, metadata, tensor table, padded data).
    Result<uint64_t> fileSize() const;

private:
    struct PendingTensor {
        std::string name;
        TensorType type;
        std::vector<uint64_t> ne;
        uint64_t nBytes = 0;
        uint64_t offset = 0;
        std::vector<uint8_t> bytes; // in-memory form
        TensorDataSource source;    // streaming form
    };
    bool addTensorInfo(std::string_view name, TensorType type, std::vector<uint64_t> ne, TensorDataSource source);
    // Everything before the tensor data (offsets assigned), or an error.
    Result<std::vector<uint8_t>> encodeHead() const;
    Result<void> emit(const std::function<bool(const uint8_t*, size_t)>& sink) const;

    uint32_t m_version;
    uint64_t m_alignment = 32;
    bool m_allowDuplicates = false;
    bool m_hasAlignmentKey = false;
    uint64_t m_kvCount = 0;
    std::vector<uint8_t> m_metadata; // encoded key/value pairs
    std::vector<std::string> m_keys;
    std::vector<PendingTensor> m_tensors;
    std::string m_error;         // first misuse, reported by toBytes()/writeFile()
};

} // namespace agora::gguf
