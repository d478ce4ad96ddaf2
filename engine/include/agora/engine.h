// The one public header of the Agora engine: everything the app (through its bridge) and
// agora-cli may use. Qt-free, exception-free across threads: every fallible call returns a
// Result<T> that holds either a value or an Error a user can read.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace agora {

// ---------------------------------------------------------------------------------------------
// Errors as values
// ---------------------------------------------------------------------------------------------

enum class ErrorCode {
    Io,                // file missing, unreadable, disk full
    BadFormat,         // corrupt or truncated file, malformed input
    Unsupported,       // valid input we cannot handle yet (quant type, architecture, template)
    OutOfDeviceMemory, // the GPU has no room; the engine stays usable
    DeviceLost,        // the driver gave up; reload needed
    NoDevice,          // no usable Vulkan device on this machine
    Cancelled,         // the caller asked us to stop
    InvalidArgument,   // a caller mistake (bad index, bad flag value)
    Internal,          // a bug in Agora; message says where
};

const char* errorCodeName(ErrorCode code);

struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message; // says what happened and, where possible, what the user can do
};

// A minimal expected<T, Error>: Debian 12's g++/clang do not both ship std::expected.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(m_v); }
    const T& value() const& { return std::get<0>(m_v); }
    T&& value() && { return std::get<0>(std::move(m_v)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

inline Error makeError(ErrorCode code, std::string message) { return Error{code, std::move(message)}; }

// ---------------------------------------------------------------------------------------------
// Logging
// ---------------------------------------------------------------------------------------------

struct LogOptions {
    std::string filePath;       // empty: console (stderr) only
    std::string level = "info"; // trace, debug, info, warn, error, off; AGORA_LOG overrides
    std::size_t maxFileBytes = 5 * 1024 * 1024;
    std::size_t maxFiles = 3;
};

// Sets up the named loggers (engine.gguf, engine.vk, engine.sched, ...). Safe to call again.
void configureLogging(const LogOptions& options);

// ---------------------------------------------------------------------------------------------
// Devices
// ---------------------------------------------------------------------------------------------

enum class DeviceType { Discrete, Integrated, Virtual, Cpu, Other };
const char* deviceTypeName(DeviceType type);

struct DeviceInfo {
    uint32_t index = 0; // position in the Vulkan enumeration
    std::string name;
    std::string vendor; // "NVIDIA", "AMD", "Intel", "Mesa (lavapipe)", ...
    uint32_t vendorId = 0;
    uint32_t deviceId = 0;
    DeviceType type = DeviceType::Other;
    std::string driverName;
    std::string driverInfo;
    std::string apiVersion; // "1.3.230"
    uint64_t deviceLocalBytes = 0;
    uint32_t subgroupSize = 0;
    uint64_t maxStorageBufferRange = 0;
    uint64_t maxMemoryAllocationSize = 0;
    uint32_t sharedMemoryBytes = 0; // maxComputeSharedMemorySize
    uint32_t maxWorkgroupInvocations = 0;
    bool fp16 = false;          // shaderFloat16
    bool int8 = false;          // shaderInt8
    bool storage16bit = false;  // storageBuffer16BitAccess
    bool storage8bit = false;   // storageBuffer8BitAccess
    bool integerDotProduct = false;
    bool cooperativeMatrix = false;
    bool timestampQueries = false;
    bool usable = false;
    std::string unusableReason; // why Agora cannot run on it (empty when usable)
};

// Enumerates every Vulkan physical device. An error (NoDevice) when no loader or ICD exists.
Result<std::vector<DeviceInfo>> listDevices();

// The default choice: discrete > integrated > virtual > CPU among usable devices.
std::optional<uint32_t> defaultDeviceIndex(const std::vector<DeviceInfo>& devices);

// Resolves a user's choice: empty = default, a number = index, otherwise a case-insensitive
// substring of the device name.
Result<uint32_t> selectDevice(const std::vector<DeviceInfo>& devices, const std::string& choice);

// ---------------------------------------------------------------------------------------------
// Sampling, conversations and the engine thread
// ---------------------------------------------------------------------------------------------

struct SamplingParams {
    float temperature = 0.8f;       // <= 0: greedy (argmax)
    int32_t topK = 40;              // <= 0: off
    float topP = 0.95f;             // >= 1: off
    float minP = 0.05f;             // <= 0: off; drops tokens below minP x the top probability
    float repeatPenalty = 1.0f;     // 1: off; > 1 makes recently seen tokens less likely
    float presencePenalty = 0.0f;   // subtracted once from the logit of every recently seen token
    float frequencyPenalty = 0.0f;  // subtracted per occurrence
    int32_t penaltyWindow = 64;     // how many recent tokens the penalties look at
    uint64_t seed = 0;              // same seed, same settings, same model: same reply
};

using RequestId = uint64_t;      // every request gets one; its events carry it
using ModelId = uint64_t;        // a loaded model is named by the id of the load request
using ConversationId = uint64_t; // chosen by the caller; one KV cache per (model, conversation)

struct ChatMessage {
    std::string role; // "system", "user", "assistant"
    std::string content;
};

enum class ContextOverflowPolicy {
    StopGeneration,  // stop the reply and say that the context is full
    DropOldestTurns, // forget the oldest messages (never the system prompt) and carry on
};

enum class StopReason { EndOfTurn, StopString, MaxTokens, ContextFull, Cancelled };
const char* stopReasonName(StopReason reason);

struct LoadRequest {
    std::string path;           // a .gguf file
    uint32_t contextLength = 0; // positions per conversation; 0: the trained length; capped by device memory
    std::string device;         // as selectDevice() reads it; empty: the default device
};

struct GenerateRequest {
    ModelId model = 0;
    ConversationId conversation = 0;
    std::vector<ChatMessage> messages; // the whole conversation so far; what is cached is reused
    std::string rawPrompt;             // continuation mode (model without a template): the text to continue
    std::optional<SamplingParams> sampling; // nullopt: the model's own defaults (general.sampling.*)
    int32_t maxTokens = 512;           // <= 0: until the context is full
    std::vector<std::string> stopStrings;
    ContextOverflowPolicy overflow = ContextOverflowPolicy::StopGeneration;
};

// One tensor type's share of a model file (ModelSummary::tensorTypes).
struct TensorTypeShare {
    std::string type;      // "Q4_K", "F32", ...
    uint32_t tensors = 0;
    uint64_t elements = 0;
    uint64_t bytes = 0;
};

struct ModelSummary {
    std::string name;
    uint32_t trainedContextLength = 0;
    uint32_t contextLength = 0;     // per conversation, as loaded
    int32_t vocabSize = 0;
    uint64_t deviceBytes = 0;       // weights + one conversation's KV cache, counted against the budget
    bool continuationMode = false;  // no chat template: plain text continuation (label it as such)
    std::string templateWarning;    // non-empty: the template fell back to a built-in format
    std::string contextNote;        // non-empty: the asked context did not fit and contextLength is smaller
    SamplingParams samplingDefaults;

    // What the file says about itself; inspectModel() fills these without loading weights.
    std::string path;
    uint64_t fileBytes = 0;
    uint32_t ggufVersion = 0;
    std::string architecture;       // "llama", "qwen2", "gemma3", ...
    std::string author, organization, license, baseModel, sizeLabel, finetune; // general.*
    std::vector<std::string> languages;
    uint64_t parameterCount = 0;
    std::string quantLabel;         // "Q4_K_M": from general.file_type, else the dominant tensor type
    std::vector<TensorTypeShare> tensorTypes; // largest share first
    uint32_t tensorCount = 0;
    std::vector<std::string> unsupportedTypes; // tensor types Agora cannot run (empty: all fine)
    uint32_t layers = 0, heads = 0, kvHeads = 0; // kvHeads < heads: grouped-query attention
    uint32_t embeddingLength = 0, ffnLength = 0;
    uint32_t keyLength = 0, valueLength = 0;     // per-head dims (head_dim)
    double ropeFreqBase = 0.0;
    std::string ropeScalingType;    // empty: none
    double ropeScalingFactor = 0.0;
    uint32_t ropeDims = 0;
    uint32_t slidingWindow = 0;     // 0: none
    std::vector<std::string> familyFeatures; // "sliding window 4096 (...)", "final softcap 30", "q/k norm", ...
    std::string tokenizerModel, tokenizerPre; // tokenizer.ggml.model / .pre
    bool hasChatTemplate = false;
    bool vocabOnly = false;         // a tokenizer file without weights
    uint64_t weightsBytes = 0;
    uint64_t kvCacheBytes = 0;      // f16 K and V of every layer at contextLength positions (a sliding-window
                                    // layer: its ring of window + batch - 1 slots, as the engine allocates)
};

// Reads a model's summary from its GGUF header without loading weights. contextLength 0: the
// trained context length. deviceBytes = weightsBytes + kvCacheBytes. Errors as GGUF reading.
Result<ModelSummary> inspectModel(const std::string& path, uint32_t contextLength = 0);

struct GenerationStats {
    StopReason stopReason = StopReason::EndOfTurn;
    int32_t promptTokens = 0;          // tokens of the formatted prompt
    int32_t promptTokensEvaluated = 0; // of those, the ones not already in the conversation's cache
    int32_t generatedTokens = 0;
    double timeToFirstTokenMs = 0.0;   // from the request entering the engine to the first token
    double promptTokensPerSecond = 0.0;
    double generationTokensPerSecond = 0.0;
};

enum class DeltaKind { Text, Reasoning }; // Reasoning: inside <think>...</think>

namespace event {
struct LoadProgress { RequestId request = 0; float fraction = 0.0f; };
struct Loaded { RequestId request = 0; ModelSummary summary; }; // the ModelId is `request`
struct Unloaded { RequestId request = 0; ModelId model = 0; };
struct TokenDelta { RequestId request = 0; DeltaKind kind = DeltaKind::Text; std::string text; };
struct ContextOverflow {
    RequestId request = 0;
    ContextOverflowPolicy policy = ContextOverflowPolicy::StopGeneration;
    int32_t droppedMessages = 0;
    std::string message; // what happened, for the user
};
struct Finished { RequestId request = 0; GenerationStats stats; std::string text; std::string reasoning; };
struct Failed { RequestId request = 0; Error error; };
} // namespace event

using EngineEvent = std::variant<event::LoadProgress, event::Loaded, event::Unloaded, event::TokenDelta,
    event::ContextOverflow, event::Finished, event::Failed>;
// Called on the engine thread; keep it short (re-post to your own thread).
using EventCallback = std::function<void(const EngineEvent&)>;

struct EngineOptions {
    uint64_t deviceMemoryBudget = 0; // bytes all loaded models and caches may use; 0: ask the device
    uint32_t prefillChunk = 128;     // prompt tokens evaluated per scheduler step
};

// One thread owns the device and every loaded model. Calls only queue a request and return its
// id; results arrive as events. Every generate ends with exactly one Finished or Failed, every
// load with Loaded or Failed (OutOfDeviceMemory when it does not fit next to the loaded models:
// unload one and load again to run them one after the other).
class Engine {
public:
    static Result<std::unique_ptr<Engine>> create(EngineOptions options = {});
    virtual ~Engine() = default;

    virtual void setEventCallback(EventCallback callback) = 0;
    virtual RequestId load(LoadRequest request) = 0;
    virtual RequestId unload(ModelId model) = 0;
    virtual RequestId generate(GenerateRequest request) = 0;
    virtual void cancel(RequestId request) = 0; // a generation stops within one scheduler step
    virtual void closeConversation(ModelId model, ConversationId conversation) = 0; // frees its cache
};

// ---------------------------------------------------------------------------------------------
// Compare and Arena (engine/src/compare): what the app's compare, arena and suite views need
// without the engine's internals. agora-cli compare uses the same code.
// ---------------------------------------------------------------------------------------------

// A blind arena vote. Ties and "both bad" count as half a win for each side.
enum class ArenaOutcome { ABetter, BBetter, Tie, BothBad };
struct ArenaVote {
    std::string modelA;
    std::string modelB;
    ArenaOutcome outcome = ArenaOutcome::Tie;
};
struct ArenaStanding {
    std::string model;
    double rating = 1000.0;            // Bradley-Terry on the Elo scale, mean 1000
    double ciLow = 1000.0, ciHigh = 1000.0; // 95% bootstrap interval (seeded)
    int votes = 0, wins = 0, losses = 0, ties = 0, bothBad = 0;
    double winRate = 0.0;              // (wins + half the ties and both-bad) / votes
};
// Best first. Same votes and seed, same table.
std::vector<ArenaStanding> arenaLeaderboard(const std::vector<ArenaVote>& votes, uint64_t seed = 1);

// Whether an answer opens with a refusal (English, German, French, Chinese; the rule is in
// resources/suites/README.md). matchedPhrase, when given, receives the phrase that decided it.
bool looksLikeRefusal(const std::string& answer, std::string* matchedPhrase = nullptr);

struct PromptSuiteEntry {
    std::string id, category, language, system, text;
};
// "perspectives" (the built-in suite) or a .jsonl / .csv file; errors name the bad line.
Result<std::vector<PromptSuiteEntry>> loadPromptSuite(const std::string& nameOrPath);

} // namespace agora
