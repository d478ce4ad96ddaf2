// GgufFile: opening (mapping + validation) and the lookups other subsystems use.
#include "gguf/gguf_impl.h"

#include "core/log.h"
#include "gguf/byte_size.h"

namespace agora::gguf {

GgufFile::GgufFile(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
GgufFile::~GgufFile() = default;

Result<std::unique_ptr<GgufFile>> GgufFile::open(const std::string& path, OpenOptions options)
{
    auto mapping = MappedFile::open(path);
    if (!mapping)
        return mapping.error();
    auto impl = std::make_unique<Impl>();
    impl->bytes = (*mapping)->bytes();
    impl->mapping = std::move(*mapping);
    if (auto parsed = parseGguf(*impl, options); !parsed)
        return makeError(parsed.error().code, "'" + path + "': " + parsed.error().message);
    log::get("engine.gguf")->debug("opened {}: GGUF v{}, {} metadata keys, {} tensors, {}", path, impl->version,
                                   impl->metadata.size(), impl->tensors.size(), formatByteSize(impl->bytes.size()));
    return std::unique_ptr<GgufFile>(new GgufFile(std::move(impl)));
}

Result<std::unique_ptr<GgufFile>> GgufFile::fromMemory(std::span<const uint8_t> bytes, OpenOptions options)
{
    auto impl = std::make_unique<Impl>();
    impl->bytes = bytes;
    if (auto parsed = parseGguf(*impl, options); !parsed)
        return parsed.error();
    return std::unique_ptr<GgufFile>(new GgufFile(std::move(impl)));
}

uint32_t GgufFile::version() const { return m_impl->version; }
uint64_t GgufFile::fileSize() const { return m_impl->bytes.size(); }
uint64_t GgufFile::alignment() const { return m_impl->alignment; }
uint64_t GgufFile::dataOffset() const { return m_impl->dataOffset; }
const std::vector<KeyValue>& GgufFile::metadata() const { return m_impl->metadata; }
const std::vector<TensorInfo>& GgufFile::tensors() const { return m_impl->tensors; }

const Value* GgufFile::find(std::string_view key) const
{
    auto it = m_impl->keyIndex.find(key);
    return it == m_impl->keyIndex.end() ? nullptr : &m_impl->metadata[it->second].value;
}

std::optional<std::string_view> GgufFile::getString(std::string_view key) const
{
    const Value* v = find(key);
    return v ? v->asString() : std::nullopt;
}

std::optional<int64_t> GgufFile::getInt(std::string_view key) const
{
    const Value* v = find(key);
    return v ? v->asInt() : std::nullopt;
}

std::optional<uint64_t> GgufFile::getUInt(std::string_view key) const
{
    const Value* v = find(key);
    return v ? v->asUInt() : std::nullopt;
}

std::optional<double> GgufFile::getFloat(std::string_view key) const
{
    const Value* v = find(key);
    return v ? v->asFloat() : std::nullopt;
}

std::optional<bool> GgufFile::getBool(std::string_view key) const
{
    const Value* v = find(key);
    return v ? v->asBool() : std::nullopt;
}

const ArrayValue* GgufFile::getArray(std::string_view key) const
{
    const Value* v = find(key);
    return v ? v->asArray() : nullptr;
}

const TensorInfo* GgufFile::findTensor(std::string_view name) const
{
    auto it = m_impl->tensorIndex.find(name);
    return it == m_impl->tensorIndex.end() ? nullptr : &m_impl->tensors[it->second];
}

std::string GgufFile::architecture() const
{
    return std::string(getString("general.architecture").value_or(""));
}

} // namespace agora::gguf
