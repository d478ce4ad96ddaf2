// Loading and validating tokenizer.ggml.* into a Vocab.
#include "tokenizer/vocab.h"

#include "core/log.h"
#include "gguf/gguf.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <limits>

namespace agora::tokenizer {
namespace {

constexpr const char* kLogName = "engine.tokenizer";

Error badFormat(std::string message) { return makeError(ErrorCode::BadFormat, std::move(message)); }

std::string lowercase(std::string_view s)
{
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Reads an optional array key and checks its element count. nullptr when the key is absent.
Result<const gguf::ArrayValue*> optionalArray(const gguf::GgufFile& file, std::string_view key, size_t expected)
{
    const gguf::Value* v = file.find(key);
    if (!v)
        return static_cast<const gguf::ArrayValue*>(nullptr);
    const gguf::ArrayValue* a = v->asArray();
    if (!a)
        return badFormat(std::string(key) + " is a " + std::string(gguf::valueTypeName(v->type())) +
                         ", expected an array");
    if (expected != 0 && a->items.size() != expected)
        return badFormat(std::string(key) + " has " + std::to_string(a->items.size()) + " entries but the vocabulary has " +
                         std::to_string(expected) + " tokens");
    return a;
}

// A special-token id key. Absent keys and the "none" sentinels (-1, 0xFFFFFFFF) leave `id` as is.
Result<void> readSpecialId(const gguf::GgufFile& file, std::string_view key, int32_t vocabSize, bool mustBeValid,
                           int32_t& id)
{
    const gguf::Value* v = file.find(key);
    if (!v)
        return {};
    std::optional<int64_t> value = v->asInt();
    if (!value)
        return badFormat(std::string(key) + " is a " + std::string(gguf::valueTypeName(v->type())) +
                         ", expected an integer token id");
    if (*value == -1 || *value == 0xFFFFFFFFll) {
        id = kNoToken;
        return {};
    }
    if (*value < 0 || *value >= vocabSize) {
        std::string message = std::string(key) + " = " + std::to_string(*value) + " is outside the vocabulary (" +
                              std::to_string(vocabSize) + " tokens)";
        if (mustBeValid)
            return badFormat(message);
        // Padding/separator ids past the end are common in converted files and never used for
        // generation; like other loaders we drop them instead of refusing the model.
        log::get(kLogName)->warn("{}; ignoring it", message);
        id = kNoToken;
        return {};
    }
    id = static_cast<int32_t>(*value);
    return {};
}

void readFlag(const gguf::GgufFile& file, std::string_view key, bool& flag)
{
    if (auto v = file.getBool(key))
        flag = *v;
}

} // namespace

const char* tokenTypeName(TokenType type)
{
    switch (type) {
    case TokenType::Undefined: return "undefined";
    case TokenType::Normal: return "normal";
    case TokenType::Unknown: return "unknown";
    case TokenType::Control: return "control";
    case TokenType::UserDefined: return "user-defined";
    case TokenType::Unused: return "unused";
    case TokenType::Byte: return "byte";
    }
    return "?";
}

const char* vocabKindName(VocabKind kind)
{
    switch (kind) {
    case VocabKind::Spm: return "SentencePiece (llama)";
    case VocabKind::Bpe: return "byte-level BPE (gpt2)";
    case VocabKind::Wpm: return "WordPiece (bert)";
    }
    return "?";
}

Result<Vocab> Vocab::fromGguf(const gguf::GgufFile& file)
{
    Vocab v;
    std::optional<std::string_view> model = file.getString("tokenizer.ggml.model");
    if (!model)
        return badFormat("this file has no tokenizer (tokenizer.ggml.model is missing)");
    v.m_modelName = std::string(*model);
    if (*model == "llama") {
        v.m_kind = VocabKind::Spm;
        v.m_addSpacePrefix = true;
        v.m_addBos = true;
    } else if (*model == "gpt2") {
        v.m_kind = VocabKind::Bpe;
    } else if (*model == "bert") {
        v.m_kind = VocabKind::Wpm;
        v.m_addBos = true; // [CLS] ... [SEP]
        v.m_addSep = true;
    } else {
        return makeError(ErrorCode::Unsupported, "tokenizer model '" + v.m_modelName +
                                                     "' is not supported (supported: llama, gpt2, bert)");
    }
    if (auto pre = file.getString("tokenizer.ggml.pre"); pre && !pre->empty())
        v.m_preName = std::string(*pre);
    else if (v.m_kind == VocabKind::Bpe) // old conversions: the reference loader falls back the same way
        log::get(kLogName)->warn("tokenizer.ggml.pre is missing; using the default pre-tokenizer, which may "
                                 "split text differently from the model's own tokenizer");
    if (auto name = file.getString("general.name"))
        v.m_generalName = lowercase(*name);

    const gguf::ArrayValue* tokens = file.getArray("tokenizer.ggml.tokens");
    if (!tokens)
        return badFormat("tokenizer.ggml.tokens is missing or not an array");
    if (tokens->items.empty())
        return badFormat("tokenizer.ggml.tokens is empty");
    if (tokens->items.size() > static_cast<size_t>(std::numeric_limits<int32_t>::max()))
        return badFormat("tokenizer.ggml.tokens has more entries than token ids can address");
    const size_t n = tokens->items.size();

    auto scores = optionalArray(file, "tokenizer.ggml.scores", n);
    if (!scores)
        return scores.error();
    auto types = optionalArray(file, "tokenizer.ggml.token_type", n);
    if (!types)
        return types.error();

    v.m_tokens.resize(n);
    for (size_t i = 0; i < n; ++i) {
        TokenData& t = v.m_tokens[i];
        std::optional<std::string_view> text = tokens->items[i].asString();
        if (!text)
            return badFormat("tokenizer.ggml.tokens[" + std::to_string(i) + "] is not a string");
        t.text = std::string(*text);
        if (*scores) {
            std::optional<double> s = (*scores)->items[i].asFloat();
            if (!s)
                return badFormat("tokenizer.ggml.scores[" + std::to_string(i) + "] is not a number");
            t.score = static_cast<float>(*s);
        }
        if (*types) {
            std::optional<int64_t> ty = (*types)->items[i].asInt();
            if (!ty || *ty < 0 || *ty > static_cast<int64_t>(TokenType::Byte))
                return badFormat("tokenizer.ggml.token_type[" + std::to_string(i) + "] is not a known token type (0..6)");
            t.type = static_cast<TokenType>(*ty);
        }
    }

    if (v.m_kind == VocabKind::Bpe) {
        const gguf::ArrayValue* merges = file.getArray("tokenizer.ggml.merges");
        if (!merges)
            return badFormat("tokenizer.ggml.merges is missing: a byte-level BPE vocabulary needs its merges");
        v.m_merges.reserve(merges->items.size());
        for (size_t i = 0; i < merges->items.size(); ++i) {
            std::optional<std::string_view> m = merges->items[i].asString();
            if (!m)
                return badFormat("tokenizer.ggml.merges[" + std::to_string(i) + "] is not a string");
            // "left right": the separator is the first space after the first character, so a
            // left piece may itself start with a space.
            size_t space = m->size() > 1 ? m->find(' ', 1) : std::string_view::npos;
            if (space == std::string_view::npos)
                return badFormat("tokenizer.ggml.merges[" + std::to_string(i) + "] = '" + std::string(*m) +
                                 "' is not two pieces separated by a space");
            v.m_merges.emplace_back(std::string(m->substr(0, space)), std::string(m->substr(space + 1)));
        }
    }

    // Defaults by model, then the file's own ids.
    const auto vocabSize = static_cast<int32_t>(n);
    SpecialIds& sp = v.m_special;
    if (v.m_kind == VocabKind::Spm) {
        sp.unk = 0 < vocabSize ? 0 : kNoToken;
        sp.bos = 1 < vocabSize ? 1 : kNoToken;
        sp.eos = 2 < vocabSize ? 2 : kNoToken;
    } else if (v.m_kind == VocabKind::Wpm) {
        sp.unk = 100 < vocabSize ? 100 : kNoToken;
        sp.cls = 101 < vocabSize ? 101 : kNoToken;
        sp.sep = 102 < vocabSize ? 102 : kNoToken;
        sp.mask = 103 < vocabSize ? 103 : kNoToken;
        sp.pad = 0;
    }
    struct Key {
        const char* name;
        int32_t* id;
        bool mustBeValid;
    };
    const Key keys[] = {
        {"tokenizer.ggml.bos_token_id", &sp.bos, true},
        {"tokenizer.ggml.eos_token_id", &sp.eos, true},
        {"tokenizer.ggml.eot_token_id", &sp.eot, true},
        {"tokenizer.ggml.eom_token_id", &sp.eom, true},
        {"tokenizer.ggml.unknown_token_id", &sp.unk, true},
        {"tokenizer.ggml.padding_token_id", &sp.pad, false},
        {"tokenizer.ggml.seperator_token_id", &sp.sep, false}, // sic: the GGUF key is misspelled
        {"tokenizer.ggml.cls_token_id", &sp.cls, false},
        {"tokenizer.ggml.mask_token_id", &sp.mask, false},
    };
    for (const Key& k : keys) {
        if (auto r = readSpecialId(file, k.name, vocabSize, k.mustBeValid, *k.id); !r)
            return r.error();
    }
    if (v.m_kind == VocabKind::Wpm)
        sp.bos = sp.cls; // BERT's sequence start is [CLS]

    // Pre-tokenizer families whose encoding adds BOS or skips merges without saying so in keys.
    if (v.m_kind == VocabKind::Bpe) {
        static const char* const kLlama3Like[] = {"llama3", "llama-v3", "llama-bpe", "falcon3", "pixtral"};
        for (const char* name : kLlama3Like) {
            if (v.m_preName == name) {
                v.m_ignoreMerges = true;
                v.m_addBos = true;
            }
        }
        if (v.m_preName == "tekken") {
            v.m_ignoreMerges = true;
            v.m_addBos = true;
        }
    }
    readFlag(file, "tokenizer.ggml.add_bos_token", v.m_addBos);
    readFlag(file, "tokenizer.ggml.add_eos_token", v.m_addEos);
    readFlag(file, "tokenizer.ggml.add_sep_token", v.m_addSep);
    readFlag(file, "tokenizer.ggml.add_space_prefix", v.m_addSpacePrefix);

    if (auto r = v.finish(); !r)
        return r.error();
    return v;
}

int32_t Vocab::find(std::string_view text) const
{
    return m_idOfText.find(text, [this](int32_t id) { return std::string_view(m_tokens[static_cast<size_t>(id)].text); });
}

bool Vocab::isEndOfGeneration(int32_t id) const
{
    return std::find(m_endOfGeneration.begin(), m_endOfGeneration.end(), id) != m_endOfGeneration.end();
}

int Vocab::byteValue(int32_t id) const
{
    if (!contains(id))
        return -1;
    const std::string& t = text(id);
    if (t.size() != 6 || t.compare(0, 3, "<0x") != 0 || t[5] != '>')
        return -1;
    int value = 0;
    auto [end, ec] = std::from_chars(t.data() + 3, t.data() + 5, value, 16);
    if (ec != std::errc() || end != t.data() + 5)
        return -1;
    return value;
}

int32_t Vocab::byteToken(uint8_t byte) const
{
    if (m_kind == VocabKind::Spm) {
        static const char kHex[] = "0123456789ABCDEF";
        const char name[6] = {'<', '0', 'x', kHex[byte >> 4], kHex[byte & 15], '>'};
        int32_t id = find(std::string_view(name, 6));
        if (id != kNoToken)
            return id;
    }
    const char raw = static_cast<char>(byte);
    return find(std::string_view(&raw, 1));
}

Result<void> Vocab::finish()
{
    // A repeated text maps to its last id, as the reference loader does.
    m_idOfText.build(size(), [this](int32_t id) { return std::string_view(m_tokens[static_cast<size_t>(id)].text); });
    m_maxTokenLength = 0;
    for (const TokenData& t : m_tokens)
        m_maxTokenLength = std::max(m_maxTokenLength, t.text.size());

    // Chat-end tokens by name. They must be control tokens so user text cannot produce them;
    // some conversions mark them user-defined, which we correct here.
    static const char* const kEndOfTurnNames[] = {
        "<|eot_id|>", "<|im_end|>", "<|end|>", "<end_of_turn>", "<|endoftext|>", "<EOT>", "_<EOT>",
        ("<\xEF\xBD\x9C" "end\xE2\x96\x81of\xE2\x96\x81sentence\xEF\xBD\x9C>"), // DeepSeek: full-width bars
        "<end_of_utterance>",
    };
    auto markControl = [&](int32_t id) {
        if (m_tokens[static_cast<size_t>(id)].type != TokenType::Control) {
            log::get(kLogName)->debug("token {} '{}' names a chat end but is {}; treating it as control", id,
                                      m_tokens[static_cast<size_t>(id)].text,
                                      tokenTypeName(m_tokens[static_cast<size_t>(id)].type));
            m_tokens[static_cast<size_t>(id)].type = TokenType::Control;
        }
    };
    if (m_special.eot == kNoToken) {
        for (const char* name : kEndOfTurnNames) {
            if (int32_t id = find(name); id != kNoToken) {
                m_special.eot = id;
                markControl(id);
                break;
            }
        }
    }
    if (m_special.eom == kNoToken) {
        if (int32_t id = find("<|eom_id|>"); id != kNoToken) {
            m_special.eom = id;
            markControl(id);
        }
    }

    m_endOfGeneration.clear();
    auto addEndOfGeneration = [&](int32_t id) {
        if (id != kNoToken && !isEndOfGeneration(id))
            m_endOfGeneration.push_back(id);
    };
    addEndOfGeneration(m_special.eos);
    addEndOfGeneration(m_special.eot);
    addEndOfGeneration(m_special.eom);
    static const char* const kMoreEnds[] = {"<|eot_id|>", "<|im_end|>", "<|end|>", "<end_of_turn>",
                                             "<|endoftext|>", "<|eom_id|>", "<EOT>", "_<EOT>",
                                             "<|end_of_text|>", "<end_of_utterance>"};
    for (const char* name : kMoreEnds) {
        int32_t id = find(name);
        if (id != kNoToken && type(id) == TokenType::Control)
            addEndOfGeneration(id);
    }

    // Phi-3's chat tokens strip the whitespace that follows them in text.
    if (m_generalName.find("phi-3") != std::string::npos || m_generalName.find("phi3") != std::string::npos) {
        for (TokenData& t : m_tokens) {
            if (t.type == TokenType::Control || t.type == TokenType::UserDefined || t.type == TokenType::Unknown)
                t.stripRight = true;
        }
        if (int32_t id = find("</s>"); id != kNoToken)
            m_tokens[static_cast<size_t>(id)].stripRight = true;
        for (const char* name : {"<unk>", "<s>", "<|endoftext|>"}) {
            if (int32_t id = find(name); id != kNoToken)
                m_tokens[static_cast<size_t>(id)].stripRight = false;
        }
    }

    m_textMatchedTokens.clear();
    for (size_t i = 0; i < m_tokens.size(); ++i) {
        TokenType t = m_tokens[i].type;
        if ((t == TokenType::Control || t == TokenType::UserDefined || t == TokenType::Unknown) &&
            !m_tokens[i].text.empty())
            m_textMatchedTokens.push_back(static_cast<int32_t>(i));
    }
    // Longest first, so that "<|im_start|>" wins over a shorter token that is its prefix.
    std::stable_sort(m_textMatchedTokens.begin(), m_textMatchedTokens.end(),
                     [&](int32_t a, int32_t b) { return text(a).size() > text(b).size(); });

    if (m_addBos && m_special.bos == kNoToken) {
        log::get(kLogName)->warn("the vocabulary asks for a BOS token but defines none; not adding one");
        m_addBos = false;
    }
    if (m_addEos && m_special.eos == kNoToken) {
        log::get(kLogName)->warn("the vocabulary asks for an EOS token but defines none; not adding one");
        m_addEos = false;
    }
    return {};
}

} // namespace agora::tokenizer
