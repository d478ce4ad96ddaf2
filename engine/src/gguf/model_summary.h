// What a GGUF file says about the model inside, read from the header only: the data behind
// agora::inspectModel(), `agora-cli inspect` and the app's model manager.
#pragma once

#include "agora/engine.h"
#include "gguf/gguf.h"

#include <optional>
#include <string_view>

namespace agora::gguf {

// Fills every file-derived field of ModelSummary. contextLength 0: the trained context length.
ModelSummary summarize(const GgufFile& file, uint32_t contextLength = 0);

// "Q4_K_M" for llama.cpp's general.file_type 15, and so on; nullopt for ids not known.
std::optional<std::string_view> fileTypeLabel(uint32_t fileType);

// Unsupported with "unsupported quantization X (tensor 'name')" when a tensor has a type Agora
// cannot dequantize or run; the reader itself accepts every type whose geometry it knows.
Result<void> checkSupportedTypes(const GgufFile& file);

// f16 K and V for every layer at `positions`, from the per-layer KV head counts and head dims.
uint64_t kvCacheBytes(const GgufFile& file, uint64_t positions);

} // namespace agora::gguf
