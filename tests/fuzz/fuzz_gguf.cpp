// libFuzzer entry point over the GGUF reader and the model summary: any input must give either a
// valid file or an error, never a crash, a sanitizer report or an allocation driven by a count.
// Built by tests/fuzz/run.sh with clang++ -fsanitize=fuzzer,address,undefined (no Qt).
#include "gguf/gguf.h"
#include "gguf/model_summary.h"

#include <cstddef>
#include <cstdint>

namespace {

// Reads every byte the reader says belongs to a tensor: an over-read shows up under ASan.
uint64_t touchTensors(const agora::gguf::GgufFile& file)
{
    uint64_t sum = 0;
    for (const auto& t : file.tensors()) {
        if (!t.data)
            continue;
        sum += t.data[0];
        sum += t.data[t.nBytes - 1];
    }
    return sum;
}

uint64_t touchMetadata(const agora::gguf::Value& v, uint64_t depth = 0)
{
    uint64_t sum = depth + static_cast<uint64_t>(v.type());
    if (auto s = v.asString(); s && !s->empty())
        sum += static_cast<unsigned char>(s->back());
    if (const auto* a = v.asArray())
        for (const auto& item : a->items)
            sum += touchMetadata(item, depth + 1);
    return sum;
}

void exercise(const agora::gguf::GgufFile& file)
{
    volatile uint64_t sink = touchTensors(file);
    for (const auto& kv : file.metadata())
        sink = sink + touchMetadata(kv.value) + kv.key.size();
    agora::ModelSummary s = agora::gguf::summarize(file, 4096);
    sink = sink + s.parameterCount + s.kvCacheBytes;
    (void)agora::gguf::checkSupportedTypes(file);
    for (const auto& t : file.tensors())
        if (file.findTensor(t.name) == nullptr)
            __builtin_trap(); // every listed tensor must be found by its name
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    std::span<const uint8_t> bytes(data, size);
    if (auto full = agora::gguf::GgufFile::fromMemory(bytes); full.ok())
        exercise(**full);
    if (auto headerOnly = agora::gguf::GgufFile::fromMemory(bytes, {.requireTensorData = false}); headerOnly.ok())
        exercise(**headerOnly);
    return 0;
}
