#include "gguf_broken.h"

#include "gguf/gguf_writer.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <map>

namespace agora::testsupport {
namespace {

using gguf::ByteEncoder;
using gguf::ValueType;

constexpr uint32_t kTypeF32 = 0;
constexpr uint32_t kTypeQ8_0 = 8;

struct RawTensor {
    std::string name;
    uint32_t nDims;
    std::vector<uint64_t> ne;
    uint32_t type;
    uint64_t offset;
};

// Every field of a GGUF file, free to be set to anything a hostile writer could write.
struct RawFile {
    std::string magic = "GGUF";
    uint32_t version = 3;
    std::optional<uint64_t> tensorCount; // default: tensors.size()
    std::optional<uint64_t> kvCount;     // default: the entries added
    std::vector<uint8_t> metadata;
    uint64_t kvEntries = 0;
    std::vector<RawTensor> tensors;
    uint64_t alignment = 32;
    std::vector<uint8_t> data;

    // One key/value entry: the key, the type id, then whatever `payload` writes.
    void kv(std::string_view key, uint32_t type, const std::function<void(ByteEncoder&)>& payload)
    {
        ByteEncoder e(metadata);
        e.string(key);
        e.u32(type);
        payload(e);
        ++kvEntries;
    }
    void kvString(std::string_view key, std::string_view v)
    {
        kv(key, static_cast<uint32_t>(ValueType::String), [&](ByteEncoder& e) { e.string(v); });
    }
    void kvU32(std::string_view key, uint32_t v)
    {
        kv(key, static_cast<uint32_t>(ValueType::UInt32), [&](ByteEncoder& e) { e.u32(v); });
    }

    std::vector<uint8_t> encode() const
    {
        std::vector<uint8_t> out;
        ByteEncoder e(out);
        e.raw(magic.data(), 4);
        e.u32(version);
        e.u64(tensorCount.value_or(tensors.size()));
        e.u64(kvCount.value_or(kvEntries));
        e.raw(metadata.data(), metadata.size());
        for (const RawTensor& t : tensors) {
            e.string(t.name);
            e.u32(t.nDims);
            for (uint64_t d : t.ne)
                e.u64(d);
            e.u32(t.type);
            e.u64(t.offset);
        }
        out.resize((out.size() + alignment - 1) / alignment * alignment, 0);
        out.insert(out.end(), data.begin(), data.end());
        return out;
    }
};

constexpr uint64_t kTensorABytes = 8 * 2 * 4;    // F32 [8, 2]
constexpr uint64_t kTensorBBytes = 2 * 34;       // Q8_0 [32, 2]

// The valid base file: the cases below change one thing each.
RawFile baseFile()
{
    RawFile f;
    f.kvString("general.architecture", "llama");
    f.kvString("general.name", "broken-case");
    f.kvU32("llama.block_count", 1);
    f.kv("tokenizer.ggml.tokens", static_cast<uint32_t>(ValueType::Array), [](ByteEncoder& e) {
        e.u32(static_cast<uint32_t>(ValueType::String));
        e.u64(3);
        e.string("a");
        e.string("b");
        e.string("c");
    });
    f.tensors.push_back({"a", 2, {8, 2}, kTypeF32, 0});
    f.tensors.push_back({"b", 2, {32, 2}, kTypeQ8_0, kTensorABytes}); // packed, as writers do
    f.data.resize(kTensorABytes + kTensorBBytes);
    for (size_t i = 0; i < f.data.size(); ++i)
        f.data[i] = static_cast<uint8_t>(i * 13 + 1);
    return f;
}

std::vector<uint8_t> cut(std::vector<uint8_t> bytes, size_t keep)
{
    bytes.resize(std::min(keep, bytes.size()));
    return bytes;
}

// Header (24 bytes) + metadata: where the tensor table starts in an encoded baseFile().
size_t tensorTableStart(const RawFile& f) { return 24 + f.metadata.size(); }

using Maker = std::function<std::vector<uint8_t>()>;

const std::map<std::string, Maker, std::less<>>& makers()
{
    static const std::map<std::string, Maker, std::less<>> kMakers = {
        {"empty_file", [] { return std::vector<uint8_t>{}; }},
        {"bad_magic", [] { RawFile f = baseFile(); f.magic = "GGML"; return f.encode(); }},
        {"unsupported_version", [] { RawFile f = baseFile(); f.version = 4; return f.encode(); }},
        {"version_1", [] { RawFile f = baseFile(); f.version = 1; return f.encode(); }},
        {"big_endian", [] { RawFile f = baseFile(); f.version = 0x03000000; return f.encode(); }},
        {"truncated_header", [] { return cut(baseFile().encode(), 12); }},
        {"truncated_metadata", [] {
             RawFile f = baseFile();
             // Ends 3 bytes before the last string of the tokens array: inside its length.
             return cut(f.encode(), 24 + f.metadata.size() - 3);
         }},
        {"truncated_tensor_infos", [] {
             RawFile f = baseFile();
             return cut(f.encode(), tensorTableStart(f) + 10);
         }},
        {"truncated_tensor_data", [] {
             std::vector<uint8_t> bytes = baseFile().encode();
             return cut(bytes, bytes.size() - 50);
         }},
        {"missing_tensor_data", [] {
             RawFile f = baseFile();
             f.data.clear(); // a download that stopped right after the header
             return f.encode();
         }},
        {"string_length_past_eof", [] {
             RawFile f;
             f.kvString("general.architecture", "llama");
             f.kv("general.name", static_cast<uint32_t>(ValueType::String), [](ByteEncoder& e) {
                 e.u64(uint64_t{1} << 40);
                 e.raw("abc", 3);
             });
             return f.encode();
         }},
        {"array_count_2_60", [] {
             RawFile f;
             f.kv("tokenizer.ggml.tokens", static_cast<uint32_t>(ValueType::Array), [](ByteEncoder& e) {
                 e.u32(static_cast<uint32_t>(ValueType::String));
                 e.u64(uint64_t{1} << 60);
                 e.string("a");
             });
             return f.encode();
         }},
        {"key_length_huge", [] {
             RawFile f;
             f.kvEntries = 1;
             ByteEncoder e(f.metadata);
             e.u64(uint64_t{1} << 62);
             e.raw("general.name", 12);
             return f.encode();
         }},
        {"kv_count_huge", [] { RawFile f = baseFile(); f.kvCount = uint64_t{1} << 61; return f.encode(); }},
        {"tensor_count_huge", [] { RawFile f = baseFile(); f.tensorCount = uint64_t{1} << 59; return f.encode(); }},
        {"tensor_name_length_huge", [] {
             RawFile f = baseFile();
             f.tensors.resize(1);
             std::vector<uint8_t> bytes = f.encode();
             uint64_t huge = uint64_t{1} << 50;
             std::memcpy(bytes.data() + tensorTableStart(f), &huge, 8);
             return bytes;
         }},
        {"tensor_offset_out_of_range", [] { RawFile f = baseFile(); f.tensors[1].offset = uint64_t{1} << 40; return f.encode(); }},
        {"tensor_offset_overflow", [] { RawFile f = baseFile(); f.tensors[1].offset = ~uint64_t{0} - 31; return f.encode(); }},
        {"misaligned_data_offset", [] { RawFile f = baseFile(); f.tensors[1].offset = 65; return f.encode(); }}, // 65: not a multiple of 32
        {"overlapping_tensors", [] { RawFile f = baseFile(); f.tensors[1].offset = 32; return f.encode(); }},
        {"bad_alignment", [] { RawFile f = baseFile(); f.kvU32("general.alignment", 48); return f.encode(); }},
        {"zero_alignment", [] { RawFile f = baseFile(); f.kvU32("general.alignment", 0); return f.encode(); }},
        {"alignment_not_integer", [] { RawFile f = baseFile(); f.kvString("general.alignment", "32"); return f.encode(); }},
        {"duplicate_key", [] { RawFile f = baseFile(); f.kvString("general.name", "again"); return f.encode(); }},
        {"duplicate_tensor", [] { RawFile f = baseFile(); f.tensors[1].name = "a"; return f.encode(); }},
        {"unknown_value_type", [] {
             RawFile f = baseFile();
             f.kv("general.mystery", 13, [](ByteEncoder& e) { e.u32(7); });
             return f.encode();
         }},
        {"unknown_array_element_type", [] {
             RawFile f = baseFile();
             f.kv("general.mystery", static_cast<uint32_t>(ValueType::Array), [](ByteEncoder& e) {
                 e.u32(99);
                 e.u64(1);
                 e.u32(0);
             });
             return f.encode();
         }},
        {"unknown_tensor_type", [] { RawFile f = baseFile(); f.tensors[1].type = 77; return f.encode(); }},
        {"too_many_dims", [] {
             RawFile f = baseFile();
             f.tensors[0] = {"a", 5, {8, 2, 1, 1, 1}, kTypeF32, 0};
             return f.encode();
         }},
        {"zero_dims", [] { RawFile f = baseFile(); f.tensors[0] = {"a", 0, {}, kTypeF32, 0}; return f.encode(); }},
        {"zero_dim", [] { RawFile f = baseFile(); f.tensors[0].ne = {8, 0}; return f.encode(); }},
        {"dims_product_overflow", [] {
             RawFile f = baseFile();
             f.tensors[0] = {"a", 3, {uint64_t{1} << 32, uint64_t{1} << 32, 4}, kTypeF32, 0};
             return f.encode();
         }},
        {"row_not_multiple_of_block", [] { RawFile f = baseFile(); f.tensors[1].ne = {31, 2}; return f.encode(); }},
        {"nested_array_depth_bomb", [] {
             RawFile f;
             f.kv("general.bomb", static_cast<uint32_t>(ValueType::Array), [](ByteEncoder& e) {
                 for (int depth = 0; depth < 10000; ++depth) {
                     e.u32(static_cast<uint32_t>(ValueType::Array));
                     e.u64(1);
                 }
                 e.u32(static_cast<uint32_t>(ValueType::UInt8));
                 e.u64(0);
             });
             return f.encode();
         }},
    };
    return kMakers;
}

} // namespace

std::vector<uint8_t> validGgufBytes() { return baseFile().encode(); }

std::vector<std::string> brokenGgufCaseNames()
{
    std::vector<std::string> names;
    for (const auto& [name, make] : makers())
        names.push_back(name);
    return names;
}

std::optional<std::vector<uint8_t>> brokenGguf(std::string_view name)
{
    auto it = makers().find(name);
    if (it == makers().end())
        return std::nullopt;
    return it->second();
}

} // namespace agora::testsupport
