#include "tensor/synth_vocab.h"

#include "tensor/synth_random.h"

#include <unordered_set>

namespace agora::tensor {

namespace {

// Bytes that byte-level BPE shows as themselves: printable Latin-1 except space and soft hyphen.
bool isSelfMapped(uint32_t b) { return (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255); }

std::string utf8(uint32_t codePoint)
{
    std::string out;
    if (codePoint < 0x80) {
        out += static_cast<char>(codePoint);
    } else if (codePoint < 0x800) {
        out += static_cast<char>(0xC0 | (codePoint >> 6));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (codePoint >> 12));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    }
    return out;
}

struct SpecialToken {
    std::string text;
    SynthTokenType type;
};

// Llama 3's 256 special tokens from id 128000 (or vocabSize - 256 for smaller shapes).
std::vector<SpecialToken> llama3Specials()
{
    std::vector<SpecialToken> s = {
        {"<|begin_of_text|>", SynthTokenType::Control}, {"<|end_of_text|>", SynthTokenType::Control},
        {"<|reserved_special_token_0|>", SynthTokenType::Control},
        {"<|reserved_special_token_1|>", SynthTokenType::Control},
        {"<|finetune_right_pad_id|>", SynthTokenType::Control},
        {"<|reserved_special_token_2|>", SynthTokenType::Control},
        {"<|start_header_id|>", SynthTokenType::Control}, {"<|end_header_id|>", SynthTokenType::Control},
        {"<|eom_id|>", SynthTokenType::Control}, {"<|eot_id|>", SynthTokenType::Control},
        {"<|python_tag|>", SynthTokenType::Control},
    };
    for (int i = 3; s.size() < 256; ++i)
        s.push_back({"<|reserved_special_token_" + std::to_string(i) + "|>", SynthTokenType::Control});
    return s;
}

// Qwen2.5's added tokens from id 151643; the embedding is padded beyond them.
std::vector<SpecialToken> qwen2Specials()
{
    std::vector<SpecialToken> s;
    for (const char* t : {"<|endoftext|>", "<|im_start|>", "<|im_end|>", "<|object_ref_start|>", "<|object_ref_end|>",
                          "<|box_start|>", "<|box_end|>", "<|quad_start|>", "<|quad_end|>", "<|vision_start|>",
                          "<|vision_end|>", "<|vision_pad|>", "<|image_pad|>", "<|video_pad|>"})
        s.push_back({t, SynthTokenType::Control});
    for (const char* t : {"<tool_call>", "</tool_call>", "<|fim_prefix|>", "<|fim_middle|>", "<|fim_suffix|>",
                          "<|fim_pad|>", "<|repo_name|>", "<|file_sep|>"})
        s.push_back({t, SynthTokenType::UserDefined});
    return s;
}

// Chat templates in the two families' turn formats (written here, minimal: no tools).
const char* kLlama3Template =
    "{{- bos_token }}{%- for message in messages %}"
    "{{- '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n' + message['content'] | trim + '<|eot_id|>' }}"
    "{%- endfor %}{%- if add_generation_prompt %}{{- '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{%- endif %}";
const char* kChatMlTemplate =
    "{%- for message in messages %}"
    "{{- '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n' }}"
    "{%- endfor %}{%- if add_generation_prompt %}{{- '<|im_start|>assistant\\n' }}{%- endif %}";

} // namespace

std::string byteToBpeChar(uint8_t byte)
{
    if (isSelfMapped(byte))
        return utf8(byte);
    // The others are numbered 256, 257, ... in byte order.
    uint32_t index = 0;
    for (uint32_t b = 0; b < byte; ++b)
        if (!isSelfMapped(b))
            ++index;
    return utf8(256 + index);
}

SynthVocab makeSynthVocab(const SynthShape& shape, uint64_t seed)
{
    SynthVocab v;
    v.model = "gpt2";
    const bool llama3 = shape.vocabStyle == SynthVocabStyle::Llama3;
    v.pre = llama3 ? "llama-bpe" : "qwen2";
    const std::vector<SpecialToken> specials = llama3 ? llama3Specials() : qwen2Specials();
    // Llama 3: specials fill the top 256 ids. Qwen2: 151643 BPE tokens, the specials, padding.
    const size_t bpeCount = llama3 ? shape.vocabSize - specials.size()
                                   : std::min<size_t>(151643, shape.vocabSize - specials.size());

    std::unordered_set<std::string> seen;
    // Pieces are kept as byte-char strings; `length` counts characters for the merge draw.
    std::vector<uint32_t> length;
    for (uint32_t b = 0; b < 256; ++b) {
        v.tokens.push_back(byteToBpeChar(static_cast<uint8_t>(b)));
        v.tokenTypes.push_back(static_cast<int32_t>(SynthTokenType::Normal));
        seen.insert(v.tokens.back());
        length.push_back(1);
    }
    // Merges: a left piece from the tokens so far (short ones, as early BPE merges are) and a
    // right piece that is mostly a letter, a space marker or a short token. Space-led pieces
    // ("Ġ" + word) are common, as in real vocabularies.
    SplitMix64 rng(seed ^ 0x766f636162ull); // "vocab"
    const std::string space = byteToBpeChar(' ');
    auto letter = [&]() -> uint32_t { return static_cast<uint32_t>((rng.next() % 2 ? 'a' : 'A') + rng.next() % 26); };
    while (v.tokens.size() < bpeCount) {
        const size_t n = v.tokens.size();
        size_t left = 0, right = 0;
        const uint64_t kind = rng.next() % 4;
        if (kind == 0)
            left = static_cast<uint8_t>(' ');
        else
            left = rng.next() % n;
        right = kind == 3 ? rng.next() % n : letter();
        if (length[left] + length[right] > 16)
            continue;
        std::string merged = v.tokens[left] + v.tokens[right];
        if (!seen.insert(merged).second)
            continue;
        v.merges.push_back(v.tokens[left] + " " + v.tokens[right]);
        v.tokens.push_back(std::move(merged));
        v.tokenTypes.push_back(static_cast<int32_t>(SynthTokenType::Normal));
        length.push_back(length[left] + length[right]);
    }
    const auto firstSpecial = static_cast<int32_t>(v.tokens.size());
    for (const auto& s : specials) {
        v.tokens.push_back(s.text);
        v.tokenTypes.push_back(static_cast<int32_t>(s.type));
    }
    while (v.tokens.size() < shape.vocabSize) {
        v.tokens.push_back("[PAD" + std::to_string(v.tokens.size()) + "]");
        v.tokenTypes.push_back(static_cast<int32_t>(SynthTokenType::Unused));
    }
    if (llama3) {
        v.bosId = firstSpecial;     // <|begin_of_text|>
        v.eosId = firstSpecial + 9; // <|eot_id|>
        v.addBos = true;
        v.chatTemplate = kLlama3Template;
    } else {
        v.bosId = firstSpecial;     // <|endoftext|>
        v.eosId = firstSpecial + 2; // <|im_end|>
        v.paddingId = firstSpecial;
        v.addBos = false;
        v.chatTemplate = kChatMlTemplate;
    }
    return v;
}

} // namespace agora::tensor
