// The KV cache of sliding-window layers and Phi-3's LongRoPE factors on the Vulkan device
// (lavapipe in CI), on tiny models written in the test, against the CPU reference forward pass:
// - a gemma2 model with a window of 8 positions: its local layers keep a ring of window +
//   batch - 1 slots, yet the logits of 40 positions (a prompt in batches of 4, then one token at
//   a time, far past the window) and a greedy continuation match the CPU, which keeps every
//   position; the device memory is smaller than with full caches by exactly the ring savings;
// - a phi3 model with rope_factors_long/short: a context beyond the original length rotates with
//   the long factors (GPU = CPU there), a shorter one with the short factors, and the two differ.
// The GGUF writer names a member after a Qt keyword: include it before Qt.
#include "gguf/gguf.h"
#include "gguf/gguf_writer.h"
#include "model/cpu_forward.h"
#include "model/gpu_forward.h"
#include "model/model.h"
#include "session/model_factory.h"

#include "../gpu/gpu_test_util.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>

using namespace agora;

namespace {

int childMain(const char*) { return 99; }

model::GpuForwardOptions options(uint32_t nCtx, uint32_t maxBatch)
{
    model::GpuForwardOptions o;
    o.nCtx = nCtx;
    o.maxBatch = maxBatch;
    return o;
}

struct TinyFamily {
    std::string arch;
    uint32_t nEmbd = 64, nHead = 4, nHeadKv = 2, nLayer = 4, nFf = 96, nVocab = 50;
    uint32_t window = 0;           // gemma2: attention.sliding_window
    bool longRope = false;         // phi3: rope factors, original context 16, attention factor
};

void addTensor(gguf::GgufWriter& w, std::mt19937& rng, const std::string& name, std::vector<uint64_t> ne,
               float scale, float offset = 0.0f)
{
    uint64_t n = 1;
    for (uint64_t d : ne)
        n *= d;
    std::normal_distribution<float> dist(0.0f, scale);
    std::vector<float> values(n);
    for (float& v : values)
        v = offset + dist(rng);
    std::vector<uint8_t> bytes(n * sizeof(float));
    std::memcpy(bytes.data(), values.data(), bytes.size());
    w.addTensor(name, TensorType::F32, ne, bytes);
}

std::vector<uint8_t> writeTiny(const TinyFamily& f)
{
    gguf::GgufWriter w;
    auto key = [&](const std::string& name) { return f.arch + "." + name; };
    w.addString("general.architecture", f.arch);
    w.addUInt32(key("block_count"), f.nLayer);
    w.addUInt32(key("embedding_length"), f.nEmbd);
    w.addUInt32(key("feed_forward_length"), f.nFf);
    w.addUInt32(key("attention.head_count"), f.nHead);
    w.addUInt32(key("attention.head_count_kv"), f.nHeadKv);
    w.addFloat32(key("attention.layer_norm_rms_epsilon"), 1e-6f);
    w.addUInt32(key("context_length"), 128);
    if (f.arch == "gemma2")
        w.addUInt32(key("attention.sliding_window"), f.window);
    if (f.longRope) {
        w.addUInt32(key("rope.scaling.original_context_length"), 16);
        w.addFloat32(key("rope.scaling.attn_factor"), 1.19f);
    }
    std::mt19937 rng(11);
    const uint64_t headDim = f.nEmbd / f.nHead, q = f.nHead * headDim, kv = f.nHeadKv * headDim;
    addTensor(w, rng, "token_embd.weight", {f.nEmbd, f.nVocab}, f.arch == "gemma2" ? 0.1f : 0.5f);
    if (f.longRope) {
        std::vector<float> shortFactors(headDim / 2), longFactors(headDim / 2);
        for (size_t i = 0; i < shortFactors.size(); ++i) {
            shortFactors[i] = 1.0f + 0.05f * float(i);
            longFactors[i] = 1.0f + 1.5f * float(i); // far apart: the choice shows in the logits
        }
        for (const auto& [name, factors] : {std::pair{"rope_factors_short.weight", shortFactors},
                                            std::pair{"rope_factors_long.weight", longFactors}})
            w.addTensor(name, TensorType::F32, {headDim / 2},
                        std::span(reinterpret_cast<const uint8_t*>(factors.data()), factors.size() * sizeof(float)));
    }
    for (uint32_t i = 0; i < f.nLayer; ++i) {
        const std::string p = "blk." + std::to_string(i) + ".";
        addTensor(w, rng, p + "attn_norm.weight", {f.nEmbd}, 0.1f, 1.0f);
        // Phi-3's attention factor sharpens the scores by 1.19^2: smaller q/k weights keep the
        // softmax from amplifying the CPU's f16 rounding of q beyond the tolerance.
        const float qkScale = f.longRope ? 0.15f : 0.3f;
        addTensor(w, rng, p + "attn_q.weight", {f.nEmbd, q}, qkScale);
        addTensor(w, rng, p + "attn_k.weight", {f.nEmbd, kv}, qkScale);
        addTensor(w, rng, p + "attn_v.weight", {f.nEmbd, kv}, 0.3f);
        addTensor(w, rng, p + "attn_output.weight", {q, f.nEmbd}, 0.2f);
        addTensor(w, rng, p + "ffn_norm.weight", {f.nEmbd}, 0.1f, 1.0f);
        addTensor(w, rng, p + "ffn_gate.weight", {f.nEmbd, f.nFf}, 0.2f);
        addTensor(w, rng, p + "ffn_up.weight", {f.nEmbd, f.nFf}, 0.2f);
        addTensor(w, rng, p + "ffn_down.weight", {f.nFf, f.nEmbd}, 0.2f);
        if (f.arch == "gemma2") {
            addTensor(w, rng, p + "post_attention_norm.weight", {f.nEmbd}, 0.1f, 1.0f);
            addTensor(w, rng, p + "post_ffw_norm.weight", {f.nEmbd}, 0.1f, 1.0f);
        }
    }
    addTensor(w, rng, "output_norm.weight", {f.nEmbd}, 0.1f, 1.0f);
    auto bytes = w.toBytes();
    if (!bytes)
        qFatal("writer: %s", bytes.error().message.c_str());
    return *bytes;
}

std::unique_ptr<model::Model> load(const std::vector<uint8_t>& bytes)
{
    auto file = gguf::GgufFile::fromMemory(bytes);
    if (!file)
        qFatal("gguf: %s", file.error().message.c_str());
    auto model = model::Model::fromFile(std::move(*file));
    if (!model)
        qFatal("model: %s", model.error().message.c_str());
    return std::move(*model);
}

std::vector<int32_t> someTokens(size_t n, uint32_t vocab)
{
    std::mt19937 rng(5);
    std::vector<int32_t> ids(n);
    for (int32_t& id : ids)
        id = int32_t(rng() % vocab);
    return ids;
}

// The f32 GPU path and the CPU reference (which rounds q and the probabilities to f16 like
// ggml) differ by a few 1e-3 on logits of order 1.
bool logitsMatch(const char* what, const std::vector<float>& expected, const std::vector<float>& actual)
{
    std::vector<float> tolerance(expected.size());
    for (size_t i = 0; i < expected.size(); ++i)
        tolerance[i] = 2e-2f + 1e-2f * std::fabs(expected[i]);
    return gputest::compareWithTolerance(what, expected, actual, tolerance);
}

int32_t argmax(std::span<const float> row) { return int32_t(std::max_element(row.begin(), row.end()) - row.begin()); }

// Greedy continuation of `prompt` by n tokens, one evaluate per token after the prompt.
std::vector<int32_t> greedy(model::Forward& forward, std::vector<int32_t> prompt, size_t n, uint32_t vocab)
{
    auto logits = forward.evaluate(prompt, 0, false);
    std::vector<int32_t> out;
    while (logits && out.size() < n) {
        out.push_back(argmax(std::span(*logits).first(vocab)));
        logits = forward.evaluate(std::span(out).last(1), uint32_t(prompt.size() + out.size() - 1), false);
    }
    return out;
}

} // namespace

class TestWindowCacheGpu : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_context = gputest::openDevice();
        QVERIFY2(m_context, "no Vulkan device (lavapipe expected)");
    }

    void slidingWindowRingMatchesCpu()
    {
        const std::vector<uint8_t> bytes = writeTiny(TinyFamily{"gemma2", 64, 4, 2, 4, 96, 50, 8, false});
        const auto model = load(bytes);
        const model::HParams& hp = model->hparams();
        QCOMPARE(hp.slidingWindow, 8u);
        QVERIFY(hp.isLocalLayer(0) && !hp.isLocalLayer(1));
        const uint32_t nCtx = 48, maxBatch = 4;
        const std::vector<int32_t> tokens = someTokens(40, hp.nVocab);

        model::CpuForward cpu(*model, nCtx);
        auto expected = cpu.evaluate(tokens, 0, true);
        QVERIFY(expected.ok());

        auto gpu = model::GpuForward::create(*model, m_context, options(nCtx, maxBatch));
        QVERIFY2(gpu.ok(), gpu ? "" : gpu.error().message.c_str());
        // A prompt of 10 (batches of 4, 4, 2), then one token at a time up to 40: 32 positions past the window.
        std::vector<float> actual;
        auto prompt = (*gpu)->evaluate(std::span(tokens).first(10), 0, true);
        QVERIFY(prompt.ok());
        actual = *prompt;
        for (uint32_t p = 10; p < tokens.size(); ++p) {
            auto step = (*gpu)->evaluate(std::span(tokens).subspan(p, 1), p, true);
            QVERIFY(step.ok());
            actual.insert(actual.end(), step->begin(), step->end());
        }
        QVERIFY(logitsMatch("gemma2 window 8 ring vs cpu", *expected, actual));

        // Rewinding (a regenerated reply): the local rings hold positions 29..39, so a restart
        // needs p - 7 >= 29; from 37 the logits are the CPU's again.
        QCOMPARE((*gpu)->earliestRestart(40), 36u);
        QCOMPARE((*gpu)->earliestRestart(11), 0u);
        auto rewound = (*gpu)->evaluate(std::span(tokens).subspan(37), 37, true);
        QVERIFY(rewound.ok());
        QVERIFY(logitsMatch("restart at 37 vs cpu",
                            std::vector<float>(expected->begin() + 37 * hp.nVocab, expected->end()), *rewound));

        // Greedy: 30 tokens after a 5-token prompt, far past the window.
        model::CpuForward cpuAgain(*model, nCtx);
        const std::vector<int32_t> prompt5(tokens.begin(), tokens.begin() + 5);
        auto gpuGreedy = model::GpuForward::create(*model, m_context, options(nCtx, maxBatch));
        QVERIFY(gpuGreedy.ok());
        const std::vector<int32_t> cpuIds = greedy(cpuAgain, prompt5, 30, hp.nVocab);
        const std::vector<int32_t> gpuIds = greedy(**gpuGreedy, prompt5, 30, hp.nVocab);
        QCOMPARE(gpuIds.size(), size_t(30));
        QCOMPARE(gpuIds, cpuIds);

        // Memory: the local layers (0 and 2) hold 8 + 4 - 1 = 11 slots instead of 48.
        const uint64_t slotBytes = uint64_t(hp.kvSize()) * sizeof(uint16_t) * 2; // K and V
        QCOMPARE(model::GpuForward::kvCacheBytes(hp, nCtx, maxBatch), slotBytes * (11 + 48 + 11 + 48));
        const auto fullBytes = writeTiny(TinyFamily{"gemma2", 64, 4, 2, 4, 96, 50, 0, false});
        const auto fullModel = load(fullBytes);
        auto full = model::GpuForward::create(*fullModel, m_context, options(nCtx, maxBatch));
        QVERIFY(full.ok());
        qInfo("device bytes: window ring %llu, full caches %llu", (unsigned long long)(*gpu)->deviceBytes(),
              (unsigned long long)(*full)->deviceBytes());
        QCOMPARE((*full)->deviceBytes() - (*gpu)->deviceBytes(), slotBytes * 2 * (48 - 11));
    }

    // What a load is charged (the engine's budget) and what inspectModel reports (the model
    // card's "Memory needed", `agora-cli inspect`): the gemma2 fixture's local layer costs its
    // ring, not 8192 positions, in both.
    void footprintCountsRingsNotTheContext()
    {
        const std::string path = std::string(AGORA_SHARED_DIR) + "/fixtures/models/synthetic/syn-gemma2-2k-F16.gguf";
        const auto summary = inspectModel(path, 8192);
        QVERIFY(summary.ok());
        QCOMPARE(summary->slidingWindow, 16u);
        auto footprint = session::defaultModelFactory().footprint(LoadRequest{path, 8192, {}});
        QVERIFY(footprint.ok());
        const uint64_t slotBytes = 2 * uint64_t(summary->kvHeads) * summary->keyLength * sizeof(uint16_t);
        // Two layers: layer 0 local (a ring of 16 + 64 - 1 slots), layer 1 global.
        QCOMPARE(footprint->kvBytesPerToken, slotBytes);
        QCOMPARE(footprint->weightBytes, summary->weightsBytes + slotBytes * (16 + 64 - 1));
        const uint64_t charged = footprint->weightBytes + footprint->kvBytesPerToken * 8192;
        qInfo("gemma2 fixture at 8192 positions: charged %llu bytes", (unsigned long long)charged);
        QCOMPARE(summary->kvCacheBytes, slotBytes * (8192 + 16 + 64 - 1));
        QCOMPARE(summary->deviceBytes, charged);
        // A context shorter than the ring: every layer holds the whole context.
        const auto small = inspectModel(path, 32);
        QVERIFY(small.ok());
        QCOMPARE(small->kvCacheBytes, slotBytes * 2 * 32);
    }

    void longRopeFactorsBeyondOriginalContext()
    {
        const std::vector<uint8_t> bytes = writeTiny(TinyFamily{"phi3", 64, 4, 4, 2, 96, 50, 0, true});
        const auto model = load(bytes);
        const model::HParams& hp = model->hparams();
        QCOMPARE(hp.nCtxOrig, 16u);
        QVERIFY(model->weights().ropeFactorsLong && model->weights().ropeFreqs);
        const std::vector<int32_t> tokens = someTokens(30, hp.nVocab);

        // Context 40 > 16: the long factors, on both paths.
        model::CpuForward cpuLong(*model, 40);
        auto expectedLong = cpuLong.evaluate(tokens, 0, true);
        auto gpuLong = model::GpuForward::create(*model, m_context, options(40, 8));
        QVERIFY(expectedLong.ok() && gpuLong.ok());
        auto actualLong = (*gpuLong)->evaluate(tokens, 0, true);
        QVERIFY(actualLong.ok());
        QVERIFY(logitsMatch("phi3 long factors vs cpu", *expectedLong, *actualLong));

        // Context 16: the short factors; the first 16 positions' logits change with the choice.
        model::CpuForward cpuShort(*model, 16);
        const std::span<const int32_t> first16 = std::span(tokens).first(16);
        auto expectedShort = cpuShort.evaluate(first16, 0, true);
        auto gpuShort = model::GpuForward::create(*model, m_context, options(16, 8));
        QVERIFY(expectedShort.ok() && gpuShort.ok());
        auto actualShort = (*gpuShort)->evaluate(first16, 0, true);
        QVERIFY(actualShort.ok());
        QVERIFY(logitsMatch("phi3 short factors vs cpu", *expectedShort, *actualShort));
        double difference = 0;
        for (size_t i = 0; i < actualShort->size(); ++i)
            difference = std::max(difference, double(std::fabs((*actualShort)[i] - (*actualLong)[i])));
        qInfo("max |logit(short factors) - logit(long factors)| over 16 positions: %.3f", difference);
        QVERIFY2(difference > 0.1, "the long and short factors must give different logits");
    }

private:
    std::shared_ptr<vk::Context> m_context;
};

AGORA_GPU_TEST_MAIN(TestWindowCacheGpu, childMain)
#include "test_window_cache_gpu.moc"
