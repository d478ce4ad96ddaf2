#include "tensor/synth_writer.h"

#include "core/log.h"
#include "gguf/gguf_writer.h"
#include "tensor/quant.h"
#include "tensor/synth_random.h"
#include "tensor/synth_vocab.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <numbers>
#include <thread>
#include <vector>

namespace agora::tensor {

namespace {

// Llama 3 long-context rope scaling (factor 32, low/high frequency factors 1 and 4, original
// context 8192): one divisor per rotary frequency, as the rope_freqs tensor stores them.
void llama3RopeFactors(const SynthShape& shape, float* out, uint64_t n)
{
    const double factor = 32.0, lowFreqFactor = 1.0, highFreqFactor = 4.0, originalContext = 8192.0;
    const double lowFreqWavelength = originalContext / lowFreqFactor;
    const double highFreqWavelength = originalContext / highFreqFactor;
    for (uint64_t i = 0; i < n; ++i) {
        const double freq = std::pow(double(shape.ropeFreqBase), -2.0 * double(i) / double(shape.headDim));
        const double wavelength = 2.0 * std::numbers::pi / freq;
        double divisor = 1.0;
        if (wavelength > lowFreqWavelength) {
            divisor = factor;
        } else if (wavelength >= highFreqWavelength) {
            const double smooth = (originalContext / wavelength - lowFreqFactor) / (highFreqFactor - lowFreqFactor);
            divisor = 1.0 / ((1.0 - smooth) / factor + smooth);
        }
        out[i] = static_cast<float>(divisor);
    }
}

// One tensor's bytes, generated when the writer first asks for them and released after its
// last chunk, so only one tensor is in memory at a time.
class TensorProducer {
public:
    TensorProducer(const SynthShape& shape, uint64_t seed, unsigned threads)
        : m_shape(shape), m_seed(seed), m_threads(threads)
    {
    }

    void fill(const PlannedTensor& t, uint64_t index, uint64_t offset, std::span<uint8_t> chunk)
    {
        if (m_index != index || m_bytes.empty()) {
            generate(t, index);
            m_index = index;
        }
        std::memcpy(chunk.data(), m_bytes.data() + offset, chunk.size());
        if (offset + chunk.size() == m_bytes.size())
            std::vector<uint8_t>().swap(m_bytes);
    }

private:
    void generate(const PlannedTensor& t, uint64_t index)
    {
        const uint64_t cols = t.ne[0];
        const uint64_t rows = t.ne.size() > 1 ? t.ne[1] : 1;
        const uint64_t bytesPerRow = *rowBytes(t.type, cols);
        m_bytes.assign(bytesPerRow * rows, 0);
        if (t.init == WeightInit::RopeFreqs) {
            std::vector<float> values(cols);
            llama3RopeFactors(m_shape, values.data(), cols);
            (void)quantizeRow(t.type, values.data(), m_bytes.data(), cols); // F32: a copy
            return;
        }
        auto work = [&](uint64_t firstRow, uint64_t endRow) {
            std::vector<float> values(cols);
            for (uint64_t r = firstRow; r < endRow; ++r) {
                drawSynthRow(t, m_seed, index, r, values.data());
                // Values are finite and small (|x| < 1e3), so quantizeRow cannot fail here.
                (void)quantizeRow(t.type, values.data(), m_bytes.data() + r * bytesPerRow, cols);
            }
        };
        const unsigned threads = static_cast<unsigned>(std::min<uint64_t>(m_threads, std::max<uint64_t>(1, rows / 64)));
        if (threads <= 1) {
            work(0, rows);
            return;
        }
        std::vector<std::thread> pool;
        for (unsigned k = 0; k < threads; ++k)
            pool.emplace_back(work, rows * k / threads, rows * (k + 1) / threads);
        for (auto& th : pool)
            th.join();
    }

    const SynthShape& m_shape;
    uint64_t m_seed;
    unsigned m_threads;
    uint64_t m_index = UINT64_MAX;
    std::vector<uint8_t> m_bytes;
};

void addMetadata(gguf::GgufWriter& w, const SynthShape& s, SynthMix mix, const SynthVocab& vocab, uint64_t seed)
{
    const std::string a = s.architecture;
    w.addString("general.architecture", a);
    w.addString("general.type", "model");
    w.addString("general.name", "Synthetic " + s.key + " (random weights, seed " + std::to_string(seed) + ")");
    w.addString("general.size_label", s.sizeLabel);
    w.addUInt32("general.file_type", synthMixFileType(mix));
    if (mix != SynthMix::F16)
        w.addUInt32("general.quantization_version", 2);
    w.addUInt32(a + ".context_length", s.contextLength);
    w.addUInt32(a + ".embedding_length", s.embeddingLength);
    w.addUInt32(a + ".block_count", s.layers);
    w.addUInt32(a + ".feed_forward_length", s.ffnLength);
    w.addUInt32(a + ".attention.head_count", s.heads);
    w.addUInt32(a + ".attention.head_count_kv", s.kvHeads);
    w.addUInt32(a + ".attention.key_length", s.headDim);
    w.addUInt32(a + ".attention.value_length", s.headDim);
    w.addUInt32(a + ".rope.dimension_count", s.headDim);
    w.addFloat32(a + ".rope.freq_base", s.ropeFreqBase);
    w.addFloat32(a + ".attention.layer_norm_rms_epsilon", s.rmsEpsilon);
    w.addUInt32(a + ".vocab_size", s.vocabSize);

    w.addString("tokenizer.ggml.model", vocab.model);
    w.addString("tokenizer.ggml.pre", vocab.pre);
    w.addStringArray("tokenizer.ggml.tokens", vocab.tokens);
    w.addInt32Array("tokenizer.ggml.token_type", vocab.tokenTypes);
    w.addStringArray("tokenizer.ggml.merges", vocab.merges);
    w.addUInt32("tokenizer.ggml.bos_token_id", static_cast<uint32_t>(vocab.bosId));
    w.addUInt32("tokenizer.ggml.eos_token_id", static_cast<uint32_t>(vocab.eosId));
    if (vocab.paddingId >= 0)
        w.addUInt32("tokenizer.ggml.padding_token_id", static_cast<uint32_t>(vocab.paddingId));
    w.addBool("tokenizer.ggml.add_bos_token", vocab.addBos);
    w.addString("tokenizer.chat_template", vocab.chatTemplate);
}

} // namespace

void drawSynthRow(const PlannedTensor& tensor, uint64_t seed, uint64_t tensorIndex, uint64_t row, float* out)
{
    // One stream per (tensor, row); rows below 2^40 keep the ids of different tensors apart.
    NormalStream stream(seed, (tensorIndex << 40) ^ row);
    const uint64_t cols = tensor.ne[0];
    for (uint64_t i = 0; i < cols; ++i) {
        const float z = stream.next();
        out[i] = tensor.init == WeightInit::NormWeight ? 1.0f + 0.1f * z : z * tensor.stddev;
    }
}

Result<SynthReport> writeSyntheticModel(const SynthOptions& options, const std::string& path)
{
    const SynthShape& shape = options.shape;
    if (shape.vocabSize < 512 || shape.layers == 0 || shape.headDim == 0 || shape.heads % std::max(1u, shape.kvHeads) != 0)
        return makeError(ErrorCode::InvalidArgument, "synthetic shape '" + shape.key + "' is not a valid model shape");
    auto log = log::get("engine.tensor");

    const SynthVocab vocab = makeSynthVocab(shape, options.seed);
    const std::vector<PlannedTensor> plan = planTensors(shape, options.mix);

    gguf::GgufWriter writer;
    addMetadata(writer, shape, options.mix, vocab, options.seed);

    const unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    auto producer = std::make_shared<TensorProducer>(shape, options.seed, threads);
    auto done = std::make_shared<size_t>(0);
    SynthReport report;
    for (size_t i = 0; i < plan.size(); ++i) {
        const PlannedTensor& t = plan[i];
        const uint64_t bytes = *rowBytes(t.type, t.ne[0]) * (t.ne.size() > 1 ? t.ne[1] : 1);
        writer.addTensor(t.name, t.type, t.ne,
                         [producer, done, &plan, i, bytes, &options](uint64_t offset, std::span<uint8_t> chunk) {
                             producer->fill(plan[i], i, offset, chunk);
                             if (offset + chunk.size() == bytes && options.progress)
                                 options.progress(++*done, plan.size());
                         });
        uint64_t elements = 1;
        for (uint64_t d : t.ne)
            elements *= d;
        report.parameters += elements;
        ++report.tensors;
        ++report.tensorsPerType[std::string(tensorTypeName(t.type))];
    }
    log->info("synth: writing {} ({} {}, {} tensors, seed {})", path, shape.key, synthMixName(options.mix), plan.size(),
              options.seed);
    if (auto written = writer.writeFile(path); !written)
        return written.error();
    auto size = writer.fileSize();
    report.fileBytes = size ? *size : 0;
    report.vocabSize = static_cast<uint32_t>(vocab.tokens.size());
    report.merges = static_cast<uint32_t>(vocab.merges.size());
    return report;
}

} // namespace agora::tensor
