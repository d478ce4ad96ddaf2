// GGUF reader (format v2 and v3): memory-maps a file, validates every count, length, offset and
// shape against the file before use, and exposes metadata and tensor infos. Strings and tensor
// data are views into the mapping, valid while the GgufFile lives.
//
// INTERFACE CONTRACT: other subsystems (tensor, tokenizer, model) code against the declarations
// below; extend, but do not rename.
#pragma once

#include "agora/engine.h"
#include "core/tensor_type.h"

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace agora::gguf {

enum class ValueType : uint32_t {
    UInt8 = 0, Int8 = 1, UInt16 = 2, Int16 = 3, UInt32 = 4, Int32 = 5, Float32 = 6, Bool = 7,
    String = 8, Array = 9, UInt64 = 10, Int64 = 11, Float64 = 12,
};
std::string_view valueTypeName(ValueType type);

class Value;
struct ArrayValue {
    ValueType elementType = ValueType::UInt8;
    std::vector<Value> items;
};

// One metadata value. Numeric accessors convert between integer widths when the value fits and
// return nullopt otherwise; asFloat() also accepts integers.
class Value {
public:
    ValueType type() const { return m_type; }
    std::optional<int64_t> asInt() const;
    std::optional<uint64_t> asUInt() const;
    std::optional<double> asFloat() const;
    std::optional<bool> asBool() const;
    std::optional<std::string_view> asString() const;
    const ArrayValue* asArray() const;

    // Construction (used by the reader and by tests).
    static Value fromUInt(ValueType t, uint64_t v);
    static Value fromInt(ValueType t, int64_t v);
    static Value fromFloat(ValueType t, double v);
    static Value fromBool(bool v);
    static Value fromString(std::string_view v);
    static Value fromArray(std::shared_ptr<const ArrayValue> v);

private:
    ValueType m_type = ValueType::UInt8;
    uint64_t m_bits = 0; // integer, bool or double bits
    std::string_view m_string;
    std::shared_ptr<const ArrayValue> m_array;
};

struct KeyValue {
    std::string_view key;
    Value value;
};

struct TensorInfo {
    std::string_view name;
    TensorType type = TensorType::F32;
    uint32_t nDims = 0;
    std::array<uint64_t, 4> ne{1, 1, 1, 1}; // ggml order: ne[0] is the row length (contiguous)
    uint64_t offset = 0;                    // relative to the start of the data section
    uint64_t nElements = 0;
    uint64_t nBytes = 0;
    const uint8_t* data = nullptr;          // points into the mapping (bounds-checked)

    uint64_t rows() const { return nElements / ne[0]; }
};

struct OpenOptions {
    bool requireTensorData = true; // false: accept a file whose tensor data is cut (vocab-only ok)
};

class GgufFile {
public:
    // Maps and validates the file. Errors: Io (missing/unreadable), BadFormat (with a message
    // naming the field at fault and, for truncation, how many bytes are missing), Unsupported
    // (unknown version or tensor type: "unsupported quantization X").
    static Result<std::unique_ptr<GgufFile>> open(const std::string& path, OpenOptions options = {});
    // Same validation over a caller-owned buffer (fuzzing, tests). The buffer must outlive the file.
    static Result<std::unique_ptr<GgufFile>> fromMemory(std::span<const uint8_t> bytes, OpenOptions options = {});

    ~GgufFile();
    GgufFile(const GgufFile&) = delete;
    GgufFile& operator=(const GgufFile&) = delete;

    uint32_t version() const;
    uint64_t fileSize() const;
    uint64_t alignment() const;
    uint64_t dataOffset() const; // absolute offset of the tensor data section

    const std::vector<KeyValue>& metadata() const;
    const Value* find(std::string_view key) const; // nullptr when absent

    // Typed lookups: nullopt when the key is absent or has an incompatible type.
    std::optional<std::string_view> getString(std::string_view key) const;
    std::optional<int64_t> getInt(std::string_view key) const;
    std::optional<uint64_t> getUInt(std::string_view key) const;
    std::optional<double> getFloat(std::string_view key) const;
    std::optional<bool> getBool(std::string_view key) const;
    const ArrayValue* getArray(std::string_view key) const;

    const std::vector<TensorInfo>& tensors() const;
    const TensorInfo* findTensor(std::string_view name) const; // nullptr when absent

    // The architecture prefix of per-model keys, e.g. "llama" for "llama.block_count".
    std::string architecture() const;

    struct Impl;

private:
    explicit GgufFile(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace agora::gguf
