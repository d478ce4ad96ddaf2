// Loading models: hyperparameters and weights from GGUF files written in the test (a tiny llama
// or qwen2 with random weights), every malformed case a named row with the message a user sees,
// and the CPU forward pass giving the same logits for a batch as for one token at a time.
#include "gguf/gguf_writer.h"
#include "model/cpu_forward.h"
#include "model/model.h"

#include <QtTest>

#include <cmath>
#include <functional>
#include <random>

using namespace agora;

namespace {

struct TinySpec {
    std::string arch = "llama";
    uint32_t nEmbd = 32, nHead = 4, nHeadKv = 2, nLayer = 2, nFf = 48, nVocab = 40;
    bool biases = false;
    std::function<void(gguf::GgufWriter&)> extraKeys;      // added after the standard keys
    std::function<bool(const std::string&)> dropTensor;     // omit a tensor by name
    std::function<bool(const std::string&)> dropKey;        // omit a key by name
    std::string misshapenTensor;                            // gets one row too many
};

std::vector<uint8_t> floatBytes(size_t n, std::mt19937& rng, float scale, float offset = 0.0f)
{
    std::normal_distribution<float> dist(0.0f, scale);
    std::vector<float> v(n);
    for (float& x : v)
        x = offset + dist(rng);
    std::vector<uint8_t> bytes(n * sizeof(float));
    std::memcpy(bytes.data(), v.data(), bytes.size());
    return bytes;
}

std::vector<uint8_t> buildFile(const TinySpec& s)
{
    gguf::GgufWriter w;
    auto key = [&](const std::string& name) { return s.arch + "." + name; };
    auto keep = [&](const std::string& k) { return !s.dropKey || !s.dropKey(k); };
    w.addString("general.architecture", s.arch);
    if (keep(key("block_count")))
        w.addUInt32(key("block_count"), s.nLayer);
    w.addUInt32(key("embedding_length"), s.nEmbd);
    w.addUInt32(key("feed_forward_length"), s.nFf);
    w.addUInt32(key("attention.head_count"), s.nHead);
    w.addUInt32(key("attention.head_count_kv"), s.nHeadKv);
    w.addFloat32(key("attention.layer_norm_rms_epsilon"), 1e-5f);
    w.addUInt32(key("context_length"), 128);
    if (s.extraKeys)
        s.extraKeys(w);

    std::mt19937 rng(7);
    const uint64_t headDim = s.nEmbd / s.nHead, q = s.nHead * headDim, kv = s.nHeadKv * headDim;
    auto tensor = [&](const std::string& name, std::vector<uint64_t> ne, float scale, float offset = 0.0f) {
        if (s.dropTensor && s.dropTensor(name))
            return;
        if (name == s.misshapenTensor)
            ne.back() += 1;
        uint64_t n = 1;
        for (uint64_t d : ne)
            n *= d;
        const auto bytes = floatBytes(n, rng, scale, offset);
        w.addTensor(name, TensorType::F32, ne, bytes);
    };
    tensor("token_embd.weight", {s.nEmbd, s.nVocab}, 0.5f);
    for (uint32_t i = 0; i < s.nLayer; ++i) {
        const std::string p = "blk." + std::to_string(i) + ".";
        tensor(p + "attn_norm.weight", {s.nEmbd}, 0.1f, 1.0f);
        tensor(p + "attn_q.weight", {s.nEmbd, q}, 0.2f);
        tensor(p + "attn_k.weight", {s.nEmbd, kv}, 0.2f);
        tensor(p + "attn_v.weight", {s.nEmbd, kv}, 0.2f);
        if (s.biases) {
            tensor(p + "attn_q.bias", {q}, 0.5f);
            tensor(p + "attn_k.bias", {kv}, 0.5f);
            tensor(p + "attn_v.bias", {kv}, 0.1f);
        }
        tensor(p + "attn_output.weight", {q, s.nEmbd}, 0.3f);
        tensor(p + "ffn_norm.weight", {s.nEmbd}, 0.1f, 1.0f);
        tensor(p + "ffn_gate.weight", {s.nEmbd, s.nFf}, 0.2f);
        tensor(p + "ffn_up.weight", {s.nEmbd, s.nFf}, 0.2f);
        tensor(p + "ffn_down.weight", {s.nFf, s.nEmbd}, 0.3f);
    }
    tensor("output_norm.weight", {s.nEmbd}, 0.1f, 1.0f);
    auto bytes = w.toBytes();
    if (!bytes)
        qFatal("writer: %s", bytes.error().message.c_str());
    return *bytes;
}

Result<std::unique_ptr<model::Model>> load(const std::vector<uint8_t>& bytes)
{
    auto file = gguf::GgufFile::fromMemory(bytes);
    if (!file)
        return file.error();
    return model::Model::fromFile(std::move(*file));
}

} // namespace

class TestModelLoad : public QObject {
    Q_OBJECT
private slots:
    void readsHyperparametersWithDefaults()
    {
        const auto bytes = buildFile(TinySpec{});
        auto model = load(bytes);
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message.c_str());
        const model::HParams& hp = (*model)->hparams();
        QCOMPARE(hp.arch, model::Architecture::Llama);
        QCOMPARE(hp.nVocab, 40u); // from the embedding: the file has no llama.vocab_size
        QCOMPARE(hp.headDimK, 8u);
        QCOMPARE(hp.ropeDims, 8u);
        QCOMPARE(hp.ropeFreqBase, 10000.0f);
        QCOMPARE(hp.ropeMode, cpu::RopeMode::Normal);
        QVERIFY((*model)->weights().tiedOutput);
    }

    void qwen2HasBiasesAndNeoxRope()
    {
        TinySpec spec;
        spec.arch = "qwen2";
        spec.biases = true;
        const auto bytes = buildFile(spec);
        auto model = load(bytes);
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message.c_str());
        QCOMPARE((*model)->hparams().ropeMode, cpu::RopeMode::Neox);
        QVERIFY((*model)->weights().layers[1].bv);
    }

    void malformedModelsAreClearErrors_data()
    {
        QTest::addColumn<int>("caseIndex");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        const QList<std::tuple<const char*, ErrorCode, const char*>> cases{
            {"unknown architecture", ErrorCode::Unsupported,
             "architecture mamba is not supported yet (supported: llama, qwen2, qwen3, gemma2, gemma3, phi3)"},
            {"missing block_count", ErrorCode::BadFormat, "the model file lacks the key llama.block_count"},
            {"heads not shared evenly", ErrorCode::BadFormat, "4 heads cannot be shared by 3 KV heads"},
            {"yarn rope scaling", ErrorCode::Unsupported, "rope scaling 'yarn' is not supported yet"},
            {"missing tensor", ErrorCode::BadFormat, "the model file lacks the tensor blk.1.ffn_up.weight"},
            {"misshapen tensor", ErrorCode::BadFormat, "blk.0.attn_k.weight has shape (32, 17, 1, 1)"},
            {"qwen2 without biases", ErrorCode::BadFormat, "the model file lacks the tensor blk.0.attn_q.bias"},
            {"rope dims larger than the head", ErrorCode::BadFormat, "rope.dimension_count 12 does not fit"},
            {"mixture of experts", ErrorCode::Unsupported,
             "mixture-of-experts models are not supported yet (llama with 8 experts)"},
        };
        for (int i = 0; i < cases.size(); ++i)
            QTest::newRow(std::get<0>(cases[i])) << i << int(std::get<1>(cases[i])) << QString(std::get<2>(cases[i]));
    }

    void malformedModelsAreClearErrors()
    {
        QFETCH(int, caseIndex);
        QFETCH(int, code);
        QFETCH(QString, message);
        TinySpec spec;
        switch (caseIndex) {
        case 0: spec.arch = "mamba"; break;
        case 1: spec.dropKey = [](const std::string& k) { return k == "llama.block_count"; }; break;
        case 2: spec.nHeadKv = 3; break;
        case 3: spec.extraKeys = [](gguf::GgufWriter& w) { w.addString("llama.rope.scaling.type", "yarn"); }; break;
        case 4: spec.dropTensor = [](const std::string& n) { return n == "blk.1.ffn_up.weight"; }; break;
        case 5: spec.misshapenTensor = "blk.0.attn_k.weight"; break;
        case 6: spec.arch = "qwen2"; break;
        case 7: spec.extraKeys = [](gguf::GgufWriter& w) { w.addUInt32("llama.rope.dimension_count", 12); }; break;
        case 8: spec.extraKeys = [](gguf::GgufWriter& w) { w.addUInt32("llama.expert_count", 8); }; break;
        }
        const auto bytes = buildFile(spec);
        auto model = load(bytes);
        QVERIFY(!model.ok());
        QCOMPARE(int(model.error().code), code);
        QVERIFY2(QString::fromStdString(model.error().message).contains(message), model.error().message.c_str());
    }

    void batchEqualsTokenByToken()
    {
        // The causal batch and incremental decoding must agree: the KV cache, the positions and
        // the mask are all exercised. Run for both rope modes (llama, qwen2 with biases).
        for (const char* arch : {"llama", "qwen2"}) {
            TinySpec spec;
            spec.arch = arch;
            spec.biases = spec.arch == "qwen2";
            const auto bytes = buildFile(spec);
            auto model = load(bytes);
            QVERIFY(model.ok());
            const std::vector<int32_t> tokens{1, 5, 9, 3, 39, 0, 12};
            model::CpuForward batch(**model, 16), single(**model, 16);
            auto all = batch.evaluate(tokens, 0, true);
            QVERIFY(all.ok());
            for (size_t t = 0; t < tokens.size(); ++t) {
                auto one = single.evaluate(std::span(&tokens[t], 1), uint32_t(t), false);
                QVERIFY(one.ok());
                for (size_t v = 0; v < 40; ++v)
                    QVERIFY2(std::fabs((*one)[v] - (*all)[t * 40 + v]) < 1e-4f,
                             qPrintable(QString("%1 token %2 logit %3").arg(arch).arg(t).arg(v)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestModelLoad)
#include "test_model_load.moc"
