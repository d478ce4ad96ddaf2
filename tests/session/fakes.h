// Deterministic fakes for session and engine-thread tests: a byte-level tokenizer with a few
// special tokens, a simple chat format, a LanguageModel whose next token is a function of what
// its KV "cache" holds (so cache bugs change the output), and a factory serving them by path.
#pragma once

#include "session/model_factory.h"

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace fake {

using agora::ChatMessage;
using agora::ErrorCode;
using agora::Result;
using agora::makeError;

// Tokens 0..255 are bytes; then the specials.
enum Special : int32_t { Bos = 256, Eot = 257, System = 258, User = 259, Assistant = 260, End = 261, VocabSize = 262 };

inline const std::map<std::string, int32_t>& specialTexts()
{
    static const std::map<std::string, int32_t> m{{"<s>", Bos}, {"<|eot|>", Eot}, {"<|system|>", System},
        {"<|user|>", User}, {"<|assistant|>", Assistant}, {"<|end|>", End}};
    return m;
}

class Tokenizer final : public agora::session::Tokenizer {
public:
    Result<std::vector<int32_t>> encode(std::string_view text, bool parseSpecial) const override
    {
        std::vector<int32_t> out;
        size_t i = 0;
        while (i < text.size()) {
            bool matched = false;
            if (parseSpecial) {
                for (const auto& [s, id] : specialTexts()) {
                    if (text.substr(i, s.size()) == s) {
                        out.push_back(id);
                        i += s.size();
                        matched = true;
                        break;
                    }
                }
            }
            if (!matched)
                out.push_back(static_cast<unsigned char>(text[i++]));
        }
        return out;
    }
    std::string tokenBytes(int32_t id) const override
    {
        if (id >= 0 && id < 256)
            return std::string(1, static_cast<char>(id));
        for (const auto& [s, sid] : specialTexts()) {
            if (sid == id)
                return s;
        }
        return {};
    }
    bool isEndOfGeneration(int32_t id) const override { return id == Eot || id == End; }
};

// "<|role|>content<|end|>" per message, then "<|assistant|>" (+ a suffix, e.g. "<think>").
class Formatter final : public agora::session::PromptFormatter {
public:
    explicit Formatter(std::string generationSuffix = {}) : m_suffix(std::move(generationSuffix)) {}
    Result<std::string> render(const std::vector<ChatMessage>& messages) const override
    {
        std::string out;
        for (const ChatMessage& m : messages) {
            if (m.role != "system" && m.role != "user" && m.role != "assistant")
                return makeError(ErrorCode::InvalidArgument, "unknown role " + m.role);
            out += "<|" + m.role + "|>" + m.content + "<|end|>";
        }
        return out + "<|assistant|>" + m_suffix;
    }

private:
    std::string m_suffix;
};

struct ModelSpec {
    std::string reply = "Hello!";  // the bytes emitted after the last <|assistant|>, then <|end|>
    bool loop = false;             // repeat the reply forever instead of ending
    uint64_t weightBytes = 1000;
    uint64_t kvBytesPerToken = 1;
    uint32_t trainedContext = 256;
    uint32_t maxContext = 0;       // the longest cache the fake device holds per buffer; 0: no limit
    uint32_t ringSlack = 0;        // > 0: like a sliding-window ring, restarts reach back at most this far
    bool chatTemplate = true;
    std::string generationSuffix;  // appended by the formatter after <|assistant|>
    std::chrono::microseconds evalDelay{0};
    std::string name = "fake";

    // Chainable setters: fake::ModelSpec().setReply("Hi").setLoop(true).
    ModelSpec& setReply(std::string v) { reply = std::move(v); return *this; }
    ModelSpec& setLoop(bool v) { loop = v; return *this; }
    ModelSpec& setWeightBytes(uint64_t v) { weightBytes = v; return *this; }
    ModelSpec& setKvBytesPerToken(uint64_t v) { kvBytesPerToken = v; return *this; }
    ModelSpec& setMaxContext(uint32_t v) { maxContext = v; return *this; }
    ModelSpec& setRingSlack(uint32_t v) { ringSlack = v; return *this; }
    ModelSpec& setChatTemplate(bool v) { chatTemplate = v; return *this; }
    ModelSpec& setGenerationSuffix(std::string v) { generationSuffix = std::move(v); return *this; }
    ModelSpec& setEvalDelay(std::chrono::microseconds v) { evalDelay = v; return *this; }
};

// Counters shared with the test (the model itself is owned by the engine).
struct ModelProbe {
    std::atomic<int64_t> evaluatedTokens{0};
    std::atomic<int64_t> evaluateCalls{0};
    std::atomic<int32_t> liveSequences{0};
    std::mutex mutex;
    std::vector<std::vector<int32_t>> lastHistory; // per sequence id, what the cache holds
    std::vector<std::string> callLog;              // "name:pos+n" for every evaluate, in order
};

class Model final : public agora::session::LanguageModel {
public:
    Model(ModelSpec spec, std::shared_ptr<ModelProbe> probe, std::shared_ptr<std::vector<std::string>> globalLog,
        std::shared_ptr<std::mutex> globalMutex)
        : m_spec(std::move(spec)), m_probe(std::move(probe)), m_global(std::move(globalLog)), m_globalMutex(std::move(globalMutex))
    {
    }
    ~Model() override = default;

    int32_t vocabSize() const override { return VocabSize; }
    uint32_t trainedContextLength() const override { return m_spec.trainedContext; }
    uint64_t deviceBytesPerToken() const override { return m_spec.kvBytesPerToken; }
    uint32_t earliestRestart(agora::session::SequenceId, uint32_t cachedLength) const override
    {
        return m_spec.ringSlack > 0 && cachedLength > m_spec.ringSlack ? cachedLength - m_spec.ringSlack : 0;
    }

    Result<agora::session::SequenceId> createSequence(uint32_t nCtx) override
    {
        std::lock_guard lock(m_probe->mutex);
        m_histories.push_back({});
        m_capacity.push_back(nCtx);
        m_probe->lastHistory.push_back({});
        ++m_probe->liveSequences;
        return static_cast<agora::session::SequenceId>(m_histories.size() - 1);
    }
    void destroySequence(agora::session::SequenceId id) override
    {
        std::lock_guard lock(m_probe->mutex);
        m_capacity.at(id) = 0;
        --m_probe->liveSequences;
    }

    Result<std::vector<float>> evaluate(agora::session::SequenceId id, uint32_t pos, std::span<const int32_t> tokens) override
    {
        if (m_spec.evalDelay.count() > 0)
            std::this_thread::sleep_for(m_spec.evalDelay);
        std::vector<int32_t>& h = m_histories.at(id);
        if (tokens.empty() || pos > h.size() || pos + tokens.size() > m_capacity.at(id))
            return makeError(ErrorCode::InvalidArgument, "fake: bad evaluate at " + std::to_string(pos) + "+"
                    + std::to_string(tokens.size()) + " (cache " + std::to_string(h.size()) + "/"
                    + std::to_string(m_capacity.at(id)) + ")");
        h.resize(pos);
        h.insert(h.end(), tokens.begin(), tokens.end());
        m_probe->evaluatedTokens += static_cast<int64_t>(tokens.size());
        ++m_probe->evaluateCalls;
        {
            std::lock_guard lock(m_probe->mutex);
            m_probe->lastHistory.at(id) = h;
            m_probe->callLog.push_back(m_spec.name + ":" + std::to_string(pos) + "+" + std::to_string(tokens.size()));
        }
        {
            std::lock_guard lock(*m_globalMutex);
            m_global->push_back(m_spec.name);
        }
        std::vector<float> logits(VocabSize, 0.0f);
        // A little spread so temperature sampling has something to choose from.
        for (int32_t t = 'a'; t <= 'z'; ++t)
            logits[static_cast<size_t>(t)] = 1.0f + 0.1f * static_cast<float>((t * 7 + static_cast<int32_t>(h.size())) % 11);
        if (m_spec.reply.empty()) // nothing scripted: free text for sampling tests, never ending
            logits[End] = logits[Eot] = -30.0f;
        else
            logits[static_cast<size_t>(nextToken(h))] = 8.0f;
        return logits;
    }

private:
    int32_t nextToken(const std::vector<int32_t>& h) const
    {
        size_t k = h.size();
        for (size_t i = h.size(); i-- > 0;) {
            if (h[i] == Assistant) {
                k = h.size() - i - 1;
                break;
            }
        }
        // After the header the template may add a suffix ("<think>"): the reply starts after it.
        if (k != h.size())
            k = k >= m_spec.generationSuffix.size() ? k - m_spec.generationSuffix.size() : 0;
        if (k >= m_spec.reply.size() && !m_spec.loop)
            return End;
        return static_cast<unsigned char>(m_spec.reply[k % m_spec.reply.size()]);
    }

    ModelSpec m_spec;
    std::shared_ptr<ModelProbe> m_probe;
    std::shared_ptr<std::vector<std::string>> m_global;
    std::shared_ptr<std::mutex> m_globalMutex;
    std::vector<std::vector<int32_t>> m_histories;
    std::vector<uint32_t> m_capacity;
};

// Serves ModelSpecs registered under a path; "missing" paths fail like a missing file.
class Factory {
public:
    std::map<std::string, ModelSpec> specs;
    std::map<std::string, std::shared_ptr<ModelProbe>> probes;
    std::shared_ptr<std::vector<std::string>> globalLog = std::make_shared<std::vector<std::string>>();
    std::shared_ptr<std::mutex> globalMutex = std::make_shared<std::mutex>();
    uint64_t budget = 0;

    ModelProbe& add(const std::string& path, ModelSpec spec)
    {
        spec.name = path;
        specs[path] = std::move(spec);
        probes[path] = std::make_shared<ModelProbe>();
        return *probes[path];
    }

    std::vector<std::string> globalCalls()
    {
        std::lock_guard lock(*globalMutex);
        return *globalLog;
    }

    agora::session::ModelFactory make()
    {
        agora::session::ModelFactory f;
        f.footprint = [this](const agora::LoadRequest& r) -> Result<agora::session::ModelFootprint> {
            auto it = specs.find(r.path);
            if (it == specs.end())
                return makeError(ErrorCode::Io, "no such file: " + r.path);
            return agora::session::ModelFootprint{it->second.weightBytes, it->second.kvBytesPerToken,
                it->second.trainedContext, it->second.maxContext};
        };
        f.load = [this](const agora::LoadRequest& r, const agora::session::LoadProgress& progress)
            -> Result<agora::session::LoadedModel> {
            const ModelSpec& spec = specs.at(r.path);
            if (!progress(0.5f) || !progress(1.0f))
                return makeError(ErrorCode::Cancelled, "cancelled");
            agora::session::LoadedModel m;
            m.model = std::make_unique<Model>(spec, probes.at(r.path), globalLog, globalMutex);
            m.tokenizer = std::make_unique<Tokenizer>();
            if (spec.chatTemplate)
                m.formatter = std::make_unique<Formatter>(spec.generationSuffix);
            m.bosToken = Bos;
            m.name = spec.name;
            m.samplingDefaults.temperature = 0.0f; // greedy unless a test asks otherwise
            return m;
        };
        if (budget > 0)
            f.deviceBudget = [b = budget] { return b; };
        return f;
    }
};

} // namespace fake
