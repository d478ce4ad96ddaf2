// A synthetic byte-level BPE vocabulary of a given size, for synthetic models: the 256 byte
// tokens (in GPT-2's byte-to-printable-character form), merges drawn from a seeded stream, and
// the special tokens of the family the model imitates. Nothing is copied from a real vocabulary;
// only the sizes, the special-token names and the token ids they sit at follow the real models.
#pragma once

#include "tensor/synth_plan.h"

#include <cstdint>
#include <string>
#include <vector>

namespace agora::tensor {

// GGUF tokenizer.ggml.token_type values.
enum class SynthTokenType : int32_t { Normal = 1, Unknown = 2, Control = 3, UserDefined = 4, Unused = 5, Byte = 6 };

struct SynthVocab {
    std::string model;                // tokenizer.ggml.model: "gpt2"
    std::string pre;                  // tokenizer.ggml.pre: "llama-bpe", "qwen2"
    std::vector<std::string> tokens;  // exactly vocabSize entries
    std::vector<int32_t> tokenTypes;  // SynthTokenType values
    std::vector<std::string> merges;  // "left right", in rank order
    int32_t bosId = -1, eosId = -1, paddingId = -1;
    bool addBos = false;
    std::string chatTemplate;
};

// The printable character GPT-2's byte-level BPE uses for a byte, as UTF-8.
std::string byteToBpeChar(uint8_t byte);

SynthVocab makeSynthVocab(const SynthShape& shape, uint64_t seed);

} // namespace agora::tensor
