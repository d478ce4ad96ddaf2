#include "model/gpu_forward.h"

#include "core/log.h"
#include "core/tensor_type.h"
#include "gguf/gguf.h"
#include "model/gpu_kernels.h"
#include "model/split_attention.h"
#include "tensor/quant.h"
#include "vk/basic_kernels.h"
#include "vk/context.h"
#include "vk/quant_kernels.h"
#include "vk/recorder.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

namespace agora::model {

namespace {
constexpr uint64_t kFloat = sizeof(float);

// AGORA_ATTENTION=simple: the one-workgroup-per-head attention kernel (before/after measurements).
bool simpleAttentionKernel()
{
    static const bool simple = [] {
        const char* value = std::getenv("AGORA_ATTENTION");
        return value && std::string(value) == "simple";
    }();
    return simple;
}
} // namespace

GpuForward::GpuForward(const Model& model, std::shared_ptr<vk::Context> context, const GpuForwardOptions& options)
    : m_model(model), m_hp(model.hparams()), m_context(std::move(context)), m_options(options)
{
}

GpuForward::GpuForward(const GpuForward& loaded, const GpuForwardOptions& options)
    : m_model(loaded.m_model), m_hp(loaded.m_hp), m_context(loaded.m_context), m_options(loaded.m_options),
      m_shared(loaded.m_shared)
{
    m_options.nCtx = options.nCtx;
    m_options.maxBatch = options.maxBatch;
    m_options.maxLogitRows = options.maxLogitRows;
    m_options.progress = nullptr; // nothing is uploaded
}

GpuForward::~GpuForward() = default;

Result<void> GpuForward::createRecorder()
{
    // With kernel timing, room for a timestamp per dispatch of a batch (a few hundred per layer
    // at most, and most models have fewer than 64 layers).
    constexpr uint32_t kTimedDispatches = 1u << 15;
    auto recorder = vk::CommandRecorder::create(m_context, m_timeKernels ? kTimedDispatches : 64);
    if (!recorder)
        return recorder.error();
    m_recorder = std::move(*recorder);
    m_recorder->timeEveryDispatch(m_timeKernels);
    return {};
}

Result<void> GpuForward::setKernelTiming(bool on)
{
    if (on == m_timeKernels)
        return {};
    m_timeKernels = on;
    return createRecorder();
}

void GpuForward::addKernelTimes()
{
    const std::vector<vk::TimestampSample> samples = m_recorder->timings();
    for (size_t i = 1; i < samples.size(); ++i) {
        const double ms = samples[i].milliseconds - samples[i - 1].milliseconds;
        auto it = std::find_if(m_kernelTimes.begin(), m_kernelTimes.end(),
                               [&](const KernelTime& k) { return k.kernel == samples[i].label; });
        if (it == m_kernelTimes.end())
            it = m_kernelTimes.insert(m_kernelTimes.end(), KernelTime{samples[i].label, 0.0, 0});
        it->milliseconds += ms;
        ++it->dispatches;
    }
}

Result<std::unique_ptr<GpuForward>> GpuForward::createSharingWeights(const GpuForward& loaded,
                                                                     const GpuForwardOptions& options)
{
    if (options.nCtx == 0 || options.maxBatch == 0)
        return makeError(ErrorCode::InvalidArgument, "the context size and batch size must be positive");
    std::unique_ptr<GpuForward> forward(new GpuForward(loaded, options));
    if (auto recorder = forward->createRecorder(); !recorder)
        return recorder.error();
    if (auto allocated = forward->allocateState(); !allocated)
        return allocated.error();
    return forward;
}

Result<std::unique_ptr<GpuForward>> GpuForward::create(const Model& model, std::shared_ptr<vk::Context> context,
                                                       const GpuForwardOptions& options)
{
    if (options.nCtx == 0 || options.maxBatch == 0)
        return makeError(ErrorCode::InvalidArgument, "the context size and batch size must be positive");
    if (!gpu::splitAttentionSupports(model.hparams().headDimK))
        return makeError(ErrorCode::Unsupported, "the GPU attention needs a head size that is a multiple of 8 and at "
                                                 "most 256; this model's is " +
                                                     std::to_string(model.hparams().headDimK));
    std::unique_ptr<GpuForward> forward(new GpuForward(model, std::move(context), options));
    if (auto recorder = forward->createRecorder(); !recorder)
        return recorder.error();
    if (auto uploaded = forward->uploadWeights(); !uploaded)
        return uploaded.error();
    if (auto allocated = forward->allocateState(); !allocated)
        return allocated.error();
    log::get("engine.model")
        ->info("GPU forward ready: {:.1f} MiB on the device ({:.1f} MiB of weights)",
               double(forward->m_deviceBytes) / 1048576.0, double(forward->m_weightBytes) / 1048576.0);
    return forward;
}

Result<vk::Buffer> GpuForward::makeBuffer(uint64_t bytes)
{
    auto buffer = vk::Buffer::create(m_context, std::max<uint64_t>(bytes, 16), vk::MemoryUse::DeviceLocal);
    if (buffer)
        m_deviceBytes += buffer->size();
    return buffer;
}

// Copies the rows of `t` (packedRow bytes each) into `buffer` from `offset` on, laid out with the
// stride and row interleave the kernels read (vk::layOutRows), in pieces of a few MiB so the padded
// copy never needs the whole matrix twice in host memory.
Result<void> GpuForward::uploadRows(vk::Context& context, vk::Buffer& buffer, uint64_t offset, const Tensor& t,
                                    uint64_t packedRow, uint64_t stride, uint32_t interleave,
                                    const std::function<void(uint64_t, uint64_t)>& report)
{
    const auto* source = reinterpret_cast<const std::byte*>(t.data());
    if (stride == packedRow && interleave == 1)
        return vk::upload(context, buffer, offset, std::span(source, size_t(t.bytes())), report);
    constexpr uint64_t kPieceBytes = 8ull << 20;
    const uint64_t groupBytes = stride * interleave;
    const uint64_t groupsPerPiece = std::max<uint64_t>(kPieceBytes / groupBytes, 1);
    const uint64_t rows = uint64_t(t.rows());
    const uint64_t groups = (rows + interleave - 1) / interleave;
    std::vector<std::byte> piece;
    for (uint64_t first = 0; first < groups; first += groupsPerPiece) {
        const uint64_t n = std::min<uint64_t>(groupsPerPiece, groups - first);
        const uint64_t firstRow = first * interleave;
        piece.resize(size_t(n * groupBytes));
        vk::layOutRows(source + firstRow * packedRow, firstRow, rows, packedRow, stride, interleave, piece);
        if (auto uploaded = vk::upload(context, buffer, offset + first * groupBytes, std::span(piece)); !uploaded)
            return uploaded;
        if (report)
            report(std::min<uint64_t>((firstRow + n * interleave) * packedRow, t.bytes()), t.bytes());
    }
    return {};
}

Result<void> GpuForward::uploadMatrix(const Tensor& t, DeviceMatrix& m, uint64_t& done, uint64_t total)
{
    m.rows = uint32_t(t.rows());
    m.cols = uint32_t(t.cols());
    m.sourceType = t.type();
    const uint64_t before = done;
    auto report = [&](uint64_t partDone, uint64_t) {
        if (m_options.progress)
            m_options.progress(before + partDone, total);
    };
    if (!m_options.dequantizeWeights && vk::hasQuantKernels(t.type())) {
        // As stored in the file, with each row padded to the stride the device's kernels read
        // best (vk::preferredRowStride), plus padding at the end: kernels read whole words.
        const uint64_t packedRow = rowBytes(t.type(), m.cols).value_or(0);
        const uint64_t stride = std::max(vk::preferredRowStride(*m_context, t.type(), m.cols), packedRow);
        const uint32_t interleave = vk::preferredRowInterleave(*m_context, t.type(), m.cols);
        auto buffer = makeBuffer((vk::matrixBytes(m.rows, stride, interleave) + 19) / 16 * 16);
        if (!buffer)
            return buffer.error();
        auto uploaded = uploadRows(*m_context, *buffer, 0, t, packedRow, stride, interleave, report);
        if (!uploaded)
            return uploaded.error();
        done += t.bytes();
        m_weightBytes += t.bytes();
        m.quantized = true;
        m.weights = vk::WeightMatrix{buffer->range(), t.type(), m.rows, m.cols, uint32_t(stride), interleave};
        m.buffer = std::move(*buffer);
        return {};
    }

    const uint64_t rowBytesF32 = uint64_t(m.cols) * kFloat;
    const uint64_t maxRange = m_options.maxBindingBytes ? m_options.maxBindingBytes : m_context->maxStorageBufferRange();
    const uint32_t rowsPerPart = uint32_t(std::min<uint64_t>(m.rows, std::max<uint64_t>(maxRange / rowBytesF32, 1)));
    const uint64_t srcRowBytes = rowBytes(t.type(), m.cols).value_or(0);
    std::vector<float> rows;
    for (uint32_t first = 0; first < m.rows; first += rowsPerPart) {
        const uint32_t n = std::min(rowsPerPart, m.rows - first);
        rows.resize(size_t(n) * m.cols);
        for (uint32_t r = 0; r < n; ++r) {
            auto row = tensor::dequantizeRow(t.type(), t.data() + (first + r) * srcRowBytes,
                                             rows.data() + size_t(r) * m.cols, m.cols);
            if (!row)
                return row.error();
        }
        auto buffer = makeBuffer(rows.size() * kFloat);
        if (!buffer)
            return buffer.error();
        const uint64_t partStart = done;
        auto uploaded = vk::upload(*m_context, *buffer, 0, std::as_bytes(std::span(rows)),
                                   [&](uint64_t partDone, uint64_t) {
                                       if (m_options.progress)
                                           m_options.progress(partStart + partDone, total);
                                   });
        if (!uploaded)
            return uploaded.error();
        done += rows.size() * kFloat;
        m_weightBytes += rows.size() * kFloat;
        m.parts.push_back(std::move(*buffer));
        m.partRows.push_back(n);
    }
    return {};
}

Result<void> GpuForward::uploadWeights()
{
    const ModelWeights& w = m_model.weights();
    std::vector<Tensor> matrices{w.tokenEmbd, w.output};
    std::vector<Tensor> vectors{w.outputNorm};
    for (const LayerWeights& l : w.layers) {
        for (const Tensor& t : {l.wq, l.wk, l.wv, l.wo, l.wGate, l.wUp, l.wDown})
            matrices.push_back(t);
        for (const Tensor& t : {l.attnNorm, l.ffnNorm, l.bq, l.bk, l.bv, l.qNorm, l.kNorm, l.postAttnNorm, l.postFfnNorm})
            if (t)
                vectors.push_back(t);
    }
    auto onDevice = [&](const Tensor& t) { return !m_options.dequantizeWeights && vk::hasQuantKernels(t.type()); };
    // An f32 embedding copy is only needed when it doubles as the output; otherwise the batch's
    // rows are gathered on the CPU.
    auto skip = [&](const Tensor& t) { return key(t) == key(w.tokenEmbd) && !w.tiedOutput && !onDevice(t); };
    uint64_t total = 0;
    std::vector<const void*> counted;
    for (const Tensor& t : matrices) {
        if (skip(t) || std::find(counted.begin(), counted.end(), key(t)) != counted.end())
            continue;
        counted.push_back(key(t));
        total += onDevice(t) ? t.bytes() : t.rows() * t.cols() * kFloat;
    }
    uint64_t done = 0;
    for (const std::vector<Tensor>& group : productGroups())
        if (auto uploaded = uploadGroup(group, done, total); !uploaded)
            return uploaded.error();
    for (const Tensor& t : matrices) {
        if (skip(t) || m_matrices.count(key(t)))
            continue; // the tied output is the embedding (one copy serves both names); group members are up already
        if (auto uploaded = uploadMatrix(t, m_matrices[key(t)], done, total); !uploaded)
            return makeError(uploaded.error().code, t.name() + ": " + uploaded.error().message);
    }
    for (const Tensor& t : vectors) {
        if (m_vectors.count(t.info))
            continue;
        const std::vector<float> values = m_model.readVector(t);
        auto buffer = makeBuffer(values.size() * kFloat);
        if (!buffer)
            return buffer.error();
        if (auto uploaded = vk::uploadFloats(*m_context, *buffer, values); !uploaded)
            return uploaded.error();
        m_weightBytes += values.size() * kFloat;
        m_vectors.emplace(t.info, std::move(*buffer));
    }
    if (auto biases = uploadGroupBiases(); !biases)
        return biases.error();

    // The rope factors (Llama-3's, or Phi-3's short ones) and Phi-3's long ones; each forward
    // pass picks by its own context (ropeFactorsFor), so sequences sharing the weights may differ.
    for (const Tensor* t : {&w.ropeFreqs, &w.ropeFactorsLong}) {
        std::vector<float> factors = m_model.readVector(*t);
        if (factors.empty())
            factors.assign(4, 1.0f); // a placeholder binding the shader never reads
        auto factorBuffer = makeBuffer(factors.size() * kFloat);
        if (!factorBuffer)
            return factorBuffer.error();
        if (auto uploaded = vk::uploadFloats(*m_context, *factorBuffer, factors); !uploaded)
            return uploaded.error();
        (t == &w.ropeFreqs ? m_ropeFactors : m_shared->ropeFactorsLong) = std::move(*factorBuffer);
    }
    return {};
}

uint32_t GpuForward::cacheSlots(const HParams& hp, uint32_t layer, uint32_t nCtx, uint32_t maxBatch)
{
    // A batch stores all its rows before attending, so its first token's window must survive the
    // batch's own writes: window + maxBatch - 1 slots.
    const uint32_t window = attentionOptionsFor(hp, layer).window;
    if (window == 0)
        return nCtx;
    return uint32_t(std::min<uint64_t>(nCtx, uint64_t(window) + std::min(maxBatch, nCtx) - 1));
}

uint32_t GpuForward::earliestRestart(uint32_t evaluatedLength) const
{
    uint32_t earliest = 0;
    for (uint32_t layer = 0; layer < m_hp.nLayer; ++layer) {
        const uint32_t slots = m_cacheSlots[layer];
        const uint32_t window = attentionOptionsFor(m_hp, layer).window;
        // The ring holds positions [evaluatedLength - slots, evaluatedLength).
        if (window > 0 && evaluatedLength > slots)
            earliest = std::max(earliest, evaluatedLength - slots + window - 1);
    }
    return std::min(earliest, evaluatedLength);
}

uint64_t GpuForward::kvCacheBytes(const HParams& hp, uint32_t nCtx, uint32_t maxBatch)
{
    uint64_t total = 0;
    for (uint32_t layer = 0; layer < hp.nLayer; ++layer)
        total += 2 * uint64_t(cacheSlots(hp, layer, nCtx, maxBatch)) * hp.kvSize() * sizeof(uint16_t);
    return total;
}

Result<void> GpuForward::allocateState()
{
    for (uint32_t layer = 0; layer < m_hp.nLayer; ++layer) {
        const uint32_t slots = cacheSlots(m_hp, layer, m_options.nCtx, m_options.maxBatch);
        const uint64_t cacheBytes = uint64_t(slots) * m_hp.kvSize() * sizeof(uint16_t);
        if (cacheBytes > m_context->maxStorageBufferRange())
            return makeError(ErrorCode::Unsupported, "a KV cache of " + std::to_string(m_options.nCtx) +
                                                         " positions does not fit one GPU binding; use a smaller context");
        m_cacheSlots.push_back(slots);
        auto k = makeBuffer(cacheBytes);
        if (!k)
            return k.error();
        auto v = makeBuffer(cacheBytes);
        if (!v)
            return v.error();
        m_kCache.push_back(std::move(*k));
        m_vCache.push_back(std::move(*v));
    }
    auto ids = makeBuffer(uint64_t(m_options.maxBatch) * sizeof(uint32_t));
    if (!ids)
        return ids.error();
    m_tokenIds = std::move(*ids);
    auto scratch = makeBuffer(gpu::splitAttentionScratchBytes(m_hp.headDimK));
    if (!scratch)
        return scratch.error();
    m_attentionScratch = std::move(*scratch);
    uint64_t widestAct = 0; // the widest matrix input, for the rounded copy; logits are only outputs
    for (int a = 0; a < kActCount; ++a) {
        const uint64_t bytes = uint64_t(a == int(Act::Logits) ? logitRows() : m_options.maxBatch) * width(Act(a)) * kFloat;
        if (a != int(Act::Logits))
            widestAct = std::max(widestAct, bytes);
        if (bytes > m_context->maxStorageBufferRange())
            return makeError(ErrorCode::Unsupported, "a batch of " + std::to_string(m_options.maxBatch) +
                                                         " tokens does not fit one GPU binding; use a smaller batch");
        auto buffer = makeBuffer(bytes);
        if (!buffer)
            return buffer.error();
        m_acts[size_t(a)] = std::move(*buffer);
    }
    if (auto decodeActs = allocateDecodeActs(); !decodeActs)
        return decodeActs.error();
    auto rounded = makeBuffer(widestAct);
    if (!rounded)
        return rounded.error();
    m_roundedInput = std::move(*rounded);
    // A batch's widest input as packed Q8_0 codes (the integer products), a row per token.
    auto packed = makeBuffer(uint64_t(m_options.maxBatch)
                             * vk::packedVectorBytes(uint32_t(widestAct / kFloat / m_options.maxBatch)));
    if (!packed)
        return packed.error();
    m_packedInput = std::move(*packed);
    return {};
}

Result<std::vector<float>> GpuForward::evaluate(std::span<const int32_t> tokens, uint32_t firstPos, bool allLogits)
{
    if (tokens.empty())
        return makeError(ErrorCode::InvalidArgument, "nothing to evaluate: the batch has no tokens");
    if (uint64_t(firstPos) + tokens.size() > m_options.nCtx)
        return makeError(ErrorCode::InvalidArgument,
                         "the batch ends at position " + std::to_string(uint64_t(firstPos) + tokens.size()) +
                             ", past the context size " + std::to_string(m_options.nCtx));
    for (int32_t id : tokens) {
        if (id < 0 || uint32_t(id) >= m_hp.nVocab)
            return makeError(ErrorCode::InvalidArgument, "token id " + std::to_string(id) +
                                                             " is outside the vocabulary (0.." +
                                                             std::to_string(m_hp.nVocab - 1) + ")");
    }
    std::vector<float> logits((allLogits ? tokens.size() : 1) * size_t(m_hp.nVocab));
    const size_t chunk = allLogits ? logitRows() : m_options.maxBatch;
    for (size_t first = 0; first < tokens.size(); first += chunk) {
        const size_t n = std::min<size_t>(chunk, tokens.size() - first);
        const bool lastChunk = first + n == tokens.size();
        if (!allLogits && !lastChunk) {
            // Only the cache matters for earlier chunks; their logits are not asked for.
            if (auto r = evaluateChunk(tokens.subspan(first, n), firstPos + uint32_t(first), false, nullptr); !r)
                return r.error();
            continue;
        }
        float* out = allLogits ? logits.data() + first * m_hp.nVocab : logits.data();
        if (auto r = evaluateChunk(tokens.subspan(first, n), firstPos + uint32_t(first), allLogits, out); !r)
            return r.error();
    }
    return logits;
}

Result<void> GpuForward::evaluateChunk(std::span<const int32_t> tokens, uint32_t firstPos, bool allLogits,
                                       float* logitsOut)
{
    m_tokens = tokens;
    m_firstPos = firstPos;
    m_allLogits = allLogits;
    m_error.reset();
    m_recorder->reset();
    m_lastRounded.reset();
    m_lastPacked.reset();
    buildGraph(m_hp, m_model.weights(), *this);
    if (m_error)
        return *m_error;
    m_lastDispatches = m_recorder->dispatchCount();
    if (auto submitted = m_recorder->submit(); !submitted)
        return submitted.error();
    if (m_timeKernels)
        addKernelTimes();
    if (!logitsOut)
        return {};
    const size_t rows = allLogits ? tokens.size() : 1;
    return vk::download(*m_context, m_acts[size_t(Act::Logits)], 0,
                        std::as_writable_bytes(std::span(logitsOut, rows * m_hp.nVocab)));
}

void GpuForward::fail(Error error)
{
    if (!m_error)
        m_error = std::move(error);
}

vk::BufferRange GpuForward::range(Act act) const
{
    if (m_tokens.size() == 1 && m_decodeRanges[size_t(act)])
        return *m_decodeRanges[size_t(act)];
    const uint64_t rows = act == Act::Logits && !m_allLogits ? 1 : m_tokens.size();
    return m_acts[size_t(act)].range(0, rows * width(act) * kFloat);
}

void GpuForward::embed(const Tensor& table, Act out)
{
    const auto onDevice = m_matrices.find(key(table));
    if (onDevice != m_matrices.end() && onDevice->second.quantized) {
        const DeviceMatrix& m = onDevice->second;
        // Only the ids go up; the rows are looked up (and dequantized) on the device.
        const std::vector<uint32_t> ids(m_tokens.begin(), m_tokens.end());
        if (auto uploaded = vk::upload(*m_context, m_tokenIds, 0, std::as_bytes(std::span(ids))); !uploaded)
            return fail(uploaded.error());
        vk::recordGetRows(*m_recorder, *m_context, m.weights, m_tokenIds.range(0, ids.size() * sizeof(uint32_t)),
                          uint32_t(ids.size()), range(out), m_options.maxBindingBytes);
        return;
    }
    // f32 copies: gather the batch's rows from the mapped file (a few KiB per token).
    const size_t cols = table.cols();
    const uint64_t stride = rowBytes(table.type(), cols).value_or(0);
    std::vector<float> rows(m_tokens.size() * cols);
    for (size_t t = 0; t < m_tokens.size(); ++t) {
        auto row = tensor::dequantizeRow(table.type(), table.data() + size_t(m_tokens[t]) * stride,
                                         rows.data() + t * cols, cols);
        if (!row)
            return fail(row.error());
    }
    if (auto uploaded = vk::uploadFloats(*m_context, m_acts[size_t(out)], rows); !uploaded)
        fail(uploaded.error());
}

void GpuForward::rmsNorm(Act in, const Tensor& weight, Act out)
{
    const uint32_t rows = uint32_t(m_tokens.size()), cols = width(in);
    if (in != out && packsProductInputs(cols, rows == 1)) {
        // The products that read the norm next take it packed: one dispatch writes both, and the
        // first product finds the packing current (packedInput).
        gpu::recordRmsNormPacked(*m_recorder, *m_context, range(in), m_vectors.at(weight.info).range(), range(out),
                                 m_packedInput.range(0, rows * vk::packedVectorBytes(cols)), rows, cols, m_hp.rmsEps);
        m_lastPacked = PackedInput{out, cols, m_recorder->dispatchCount()};
        return;
    }
    vk::recordRmsNorm(*m_recorder, *m_context, range(in), m_vectors.at(weight.info).range(), range(out), rows, cols,
                      m_hp.rmsEps);
}


void GpuForward::addBias(const Tensor& bias, Act inout)
{
    const uint32_t n = width(inout);
    gpu::recordBiasAdd(*m_recorder, *m_context, range(inout), m_vectors.at(bias.info).range(), range(inout),
                       uint32_t(m_tokens.size()) * n, n);
}

void GpuForward::rope(Act inout, uint32_t nHeads)
{
    ropeRange(range(inout), nHeads, m_hp.ropeFreqBase, m_hp.ropeFreqScale);
}

gpu::RopeArgs GpuForward::ropeArgs(uint32_t nHeads, float freqBase, float freqScale) const
{
    return gpu::RopeArgs{m_hp.headDimK, nHeads,    m_hp.ropeDims, uint32_t(m_tokens.size()),
                         m_firstPos,    freqBase,  freqScale,     m_hp.ropeMode == cpu::RopeMode::Neox,
                         bool(ropeFactorsFor(m_model.weights(), m_hp, m_options.nCtx))};
}

void GpuForward::ropeRange(const vk::BufferRange& x, uint32_t nHeads, float freqBase, float freqScale)
{
    gpu::recordRope(*m_recorder, *m_context, x, ropeFactorBuffer().range(), ropeArgs(nHeads, freqBase, freqScale));
}

void GpuForward::attention(uint32_t layer, Act q, Act k, Act v, Act out)
{
    attentionWith(layer, q, k, v, out, AttentionOptions{m_hp.attnScale, 0.0f, 0}); // 1/sqrt(head_dim) (phi3: x LongRoPE's factor^2)
}

const vk::Buffer& GpuForward::ropeFactorBuffer() const
{
    const ModelWeights& w = m_model.weights();
    return &ropeFactorsFor(w, m_hp, m_options.nCtx) == &w.ropeFactorsLong ? m_shared->ropeFactorsLong : m_ropeFactors;
}

void GpuForward::ropeAttention(uint32_t layer, Act q, uint32_t nHeadsQ, Act k, uint32_t nHeadsK, Act v, Act out)
{
    // One dispatch rotates q and k and stores k and v (gpu::recordRopeStore); fuseDecodeProducts
    // off keeps rope and store apart for comparisons.
    if (!m_options.fuseDecodeProducts || nHeadsK != m_hp.nHeadKv || m_hp.headDimV != m_hp.headDimK) {
        GraphOps::ropeAttention(layer, q, nHeadsQ, k, nHeadsK, v, out);
        return;
    }
    const gpu::RopeArgs args = ropeArgs(nHeadsQ, m_hp.ropeFreqBase, m_hp.ropeFreqScale);
    const AttentionOptions options{m_hp.attnScale, 0.0f, 0};
    // CPU drivers, a decoded token: the rope and the store inside the attention's dispatch.
    if (!simpleAttentionKernel()) {
        const std::optional<vk::BufferRange> packed = attentionPacking(q, out);
        const std::optional<bool> packedIt = gpu::recordRopeStoreAttention(
            *m_recorder, *m_context, range(q), range(k), range(v), ropeFactorBuffer().range(), m_kCache[layer].range(),
            m_vCache[layer].range(), m_attentionScratch.range(), range(out), attentionArgs(layer, options), args, packed);
        if (packedIt) {
            if (*packedIt)
                m_lastPacked = PackedInput{out, m_hp.nHead * m_hp.headDimK, m_recorder->dispatchCount()};
            return;
        }
    }
    gpu::recordRopeStore(*m_recorder, *m_context, range(q), range(k), range(v), ropeFactorBuffer().range(),
                         m_kCache[layer].range(), m_vCache[layer].range(), args, nHeadsK, m_cacheSlots[layer]);
    attend(layer, q, out, options);
}

void GpuForward::attentionWith(uint32_t layer, Act q, Act k, Act v, Act out, const AttentionOptions& options)
{
    gpu::recordKvStore(*m_recorder, *m_context, range(k), range(v), m_kCache[layer].range(),
                       m_vCache[layer].range(), m_hp.kvSize(), uint32_t(m_tokens.size()), m_firstPos,
                       m_cacheSlots[layer]);
    attend(layer, q, out, options);
}

gpu::AttentionArgs GpuForward::attentionArgs(uint32_t layer, const AttentionOptions& options) const
{
    return gpu::AttentionArgs{m_hp.headDimK,  m_hp.nHead,      m_hp.nHeadKv,   uint32_t(m_tokens.size()),
                              m_firstPos,     options.scale,   options.softcap, options.window,
                              m_cacheSlots[layer]};
}

std::optional<vk::BufferRange> GpuForward::attentionPacking(Act q, Act out) const
{
    // The output projection reads the attention packed when its kernel is an integer product: the
    // attention packs it as it writes it (one dispatch fewer per layer), and that product finds
    // the packing current (packedInput).
    const uint32_t nTokens = uint32_t(m_tokens.size());
    const uint32_t cols = m_hp.nHead * m_hp.headDimK;
    if (m_options.fuseDecodeProducts && q != out && packsProductInputs(cols, nTokens == 1))
        return m_packedInput.range(0, nTokens * vk::packedVectorBytes(cols));
    return std::nullopt;
}

void GpuForward::attend(uint32_t layer, Act q, Act out, const AttentionOptions& options)
{
    const gpu::AttentionArgs args = attentionArgs(layer, options);
    // AGORA_ATTENTION=simple: the one-workgroup-per-head kernel on full-context layers, for
    // before/after measurements (bench/README.md); it reads no ring cache.
    if (simpleAttentionKernel() && m_cacheSlots[layer] == m_options.nCtx) {
        gpu::recordAttention(*m_recorder, *m_context, range(q), m_kCache[layer].range(), m_vCache[layer].range(),
                             range(out), args);
        return;
    }
    if (gpu::recordSplitAttention(*m_recorder, *m_context, range(q), m_kCache[layer].range(), m_vCache[layer].range(),
                                  m_attentionScratch.range(), range(out), args, 0, gpu::AttentionReads::Auto,
                                  attentionPacking(q, out)))
        m_lastPacked = PackedInput{out, m_hp.nHead * m_hp.headDimK, m_recorder->dispatchCount()};
}

void GpuForward::siluGate(Act gate, Act up, Act out)
{
    gpu::recordSiluGate(*m_recorder, *m_context, range(gate), range(up), range(out),
                        uint32_t(m_tokens.size()) * width(gate));
}

void GpuForward::add(Act in, Act inout)
{
    gpu::recordAdd(*m_recorder, *m_context, range(in), range(inout), range(inout),
                   uint32_t(m_tokens.size()) * width(inout));
}

void GpuForward::logits(const Tensor& output, Act in)
{
    const uint32_t nTokens = uint32_t(m_tokens.size());
    const uint32_t nRows = m_allLogits ? nTokens : 1;
    multiply(m_matrices.at(key(output)), in, Act::Logits, nRows, nTokens - nRows);
}

void GpuForward::scale(Act inout, float factor)
{
    gpu::recordScale(*m_recorder, *m_context, range(inout), uint32_t(m_tokens.size()) * width(inout), factor);
}

void GpuForward::rmsNormHeads(Act inout, const Tensor& weight, uint32_t nHeads)
{
    // Each head is a row of head_dim for the norm kernel.
    vk::recordRmsNorm(*m_recorder, *m_context, range(inout), m_vectors.at(weight.info).range(), range(inout),
                      uint32_t(m_tokens.size()) * nHeads, m_hp.headDimK, m_hp.rmsEps);
}

void GpuForward::ropeWithBase(Act inout, uint32_t nHeads, float freqBase, float freqScale)
{
    ropeRange(range(inout), nHeads, freqBase, freqScale);
}

void GpuForward::geluGate(Act gate, Act up, Act out)
{
    gpu::recordGeluGate(*m_recorder, *m_context, range(gate), range(up), range(out),
                        uint32_t(m_tokens.size()) * width(gate));
}

void GpuForward::softcap(Act inout, float cap)
{
    const uint64_t rows = inout == Act::Logits && !m_allLogits ? 1 : m_tokens.size();
    gpu::recordSoftcap(*m_recorder, *m_context, range(inout), uint32_t(rows * width(inout)), cap);
}

} // namespace agora::model
