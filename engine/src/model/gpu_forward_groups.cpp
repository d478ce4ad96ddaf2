// GpuForward's product groups: a decoded token's q, k and v (and gate and up) are products of one
// input, each small enough that on lavapipe handing it to the driver's threads costs about as much
// as computing it (k and v of the Qwen2.5-0.5B shape: 128 rows, one workgroup, one CPU thread).
// Where a layer's matrices share a type and column count they are uploaded into one buffer, row
// after row, and a decoded token multiplies them in one dispatch into outputs that sit next to
// each other (m_decodeActs); prompt batches still multiply them one by one, through the members'
// views of the same rows. The arithmetic of every row is the same either way.
#include "model/gpu_forward.h"

#include "model/gpu_kernels.h"
#include "vk/context.h"
#include "vk/quant_kernels.h"

#include <algorithm>
#include <numeric>

namespace agora::model {

namespace {
constexpr uint64_t kFloat = sizeof(float);

uint64_t alignUp(uint64_t value, uint64_t alignment) { return (value + alignment - 1) / alignment * alignment; }

// Offsets that a binding (storage or texel view) may start at on this device.
uint64_t bindingAlignment(const vk::Context& context)
{
    return std::max<uint64_t>({context.storageOffsetAlignment(), context.limits().minTexelBufferOffsetAlignment, 16});
}
} // namespace

std::vector<std::vector<Tensor>> GpuForward::productGroups() const
{
    std::vector<std::vector<Tensor>> groups;
    if (m_options.dequantizeWeights || !m_options.fuseDecodeProducts)
        return groups;
    const uint64_t alignment = bindingAlignment(*m_context);
    const uint64_t maxBytes = m_options.maxBindingBytes ? m_options.maxBindingBytes : m_context->maxStorageBufferRange();
    std::vector<const void*> taken;
    auto add = [&](std::vector<Tensor> candidates) {
        // The longest prefix of two or more that shares one buffer: same quantized type and
        // columns (so the same row stride and interleave), every member starting at a bindable
        // offset and on a whole interleaved group of rows.
        while (candidates.size() >= 2) {
            const Tensor& first = candidates.front();
            bool fits = vk::hasQuantKernels(first.type());
            const uint64_t packedRow = rowBytes(first.type(), uint32_t(first.cols())).value_or(0);
            const uint64_t stride =
                std::max(vk::preferredRowStride(*m_context, first.type(), uint32_t(first.cols())), packedRow);
            const uint32_t interleave = vk::preferredRowInterleave(*m_context, first.type(), uint32_t(first.cols()));
            uint64_t offset = 0;
            for (const Tensor& t : candidates) {
                fits = fits && t && t.type() == first.type() && t.cols() == first.cols() && offset % alignment == 0
                       && t.rows() % interleave == 0 && std::find(taken.begin(), taken.end(), key(t)) == taken.end();
                offset += uint64_t(t.rows()) * stride;
            }
            if (fits && offset + 16 <= maxBytes) {
                for (const Tensor& t : candidates)
                    taken.push_back(key(t));
                groups.push_back(std::move(candidates));
                return;
            }
            candidates.pop_back();
        }
    };
    for (const LayerWeights& l : m_model.weights().layers) {
        add({l.wq, l.wk, l.wv});
        add({l.wGate, l.wUp});
    }
    return groups;
}

Result<void> GpuForward::uploadGroup(const std::vector<Tensor>& members, uint64_t& done, uint64_t total)
{
    const Tensor& first = members.front();
    const uint32_t cols = uint32_t(first.cols());
    const uint64_t packedRow = rowBytes(first.type(), cols).value_or(0);
    const uint64_t stride = std::max(vk::preferredRowStride(*m_context, first.type(), cols), packedRow);
    const uint32_t interleave = vk::preferredRowInterleave(*m_context, first.type(), cols);
    uint32_t rows = 0;
    for (const Tensor& t : members)
        rows += uint32_t(t.rows());
    // As uploadMatrix: kernels read whole words, so a little padding follows the last row.
    auto buffer = makeBuffer((vk::matrixBytes(rows, stride, interleave) + 19) / 16 * 16);
    if (!buffer)
        return buffer.error();
    SharedWeights::Group group;
    uint64_t offset = 0;
    for (const Tensor& t : members) {
        const uint64_t before = done;
        auto report = [&](uint64_t partDone, uint64_t) {
            if (m_options.progress)
                m_options.progress(before + partDone, total);
        };
        if (auto uploaded = uploadRows(*m_context, *buffer, offset, t, packedRow, stride, interleave, report);
            !uploaded)
            return makeError(uploaded.error().code, t.name() + ": " + uploaded.error().message);
        done += t.bytes();
        m_weightBytes += t.bytes();
        DeviceMatrix& m = m_matrices[key(t)];
        m.quantized = true;
        m.rows = uint32_t(t.rows());
        m.cols = cols;
        m.sourceType = t.type();
        // The member's rows and what follows them in the buffer (the next member, or the padding):
        // reads past a row's last word stay inside the buffer.
        m.weights = vk::WeightMatrix{buffer->range(offset, buffer->size() - offset), t.type(), m.rows, cols,
                                     uint32_t(stride), interleave};
        group.members.push_back(key(t));
        group.memberRows.push_back(m.rows);
        offset += uint64_t(m.rows) * stride;
    }
    group.matrix.quantized = true;
    group.matrix.rows = rows;
    group.matrix.cols = cols;
    group.matrix.sourceType = first.type();
    group.matrix.weights = vk::WeightMatrix{buffer->range(), first.type(), rows, cols, uint32_t(stride), interleave};
    group.matrix.buffer = std::move(*buffer);
    m_shared->groups.emplace(key(first), std::move(group));
    return {};
}

Result<void> GpuForward::uploadGroupBiases()
{
    // A group of q/k(/v) whose members all have biases adds them in its one product.
    for (const LayerWeights& l : m_model.weights().layers) {
        auto group = m_shared->groups.find(key(l.wq));
        if (group == m_shared->groups.end() || !(l.bq && l.bk && l.bv))
            continue;
        std::vector<float> biases;
        const Tensor* memberBiases[] = {&l.bq, &l.bk, &l.bv};
        for (size_t i = 0; i < group->second.members.size(); ++i) {
            const std::vector<float> values = m_model.readVector(*memberBiases[i]);
            biases.insert(biases.end(), values.begin(), values.end());
        }
        auto buffer = makeBuffer(biases.size() * kFloat);
        if (!buffer)
            return buffer.error();
        if (auto uploaded = vk::uploadFloats(*m_context, *buffer, biases); !uploaded)
            return uploaded.error();
        group->second.bias = std::move(*buffer);
    }
    return {};
}

Result<void> GpuForward::allocateDecodeActs()
{
    if (!m_options.fuseDecodeProducts)
        return {};
    // q|k|v, then gate|up at the next bindable offset; within a set each output starts where the
    // one before ends when that offset is bindable (it is for every model with widths that are
    // multiples of 64), otherwise at the next bindable offset (no group product then).
    const uint64_t alignment = bindingAlignment(*m_context);
    uint64_t offset = 0;
    std::array<uint64_t, kActCount> offsets{};
    for (const std::initializer_list<Act>& set : {std::initializer_list<Act>{Act::Q, Act::K, Act::V},
                                                  std::initializer_list<Act>{Act::Gate, Act::Up}}) {
        offset = alignUp(offset, alignment);
        for (Act a : set) {
            offset = alignUp(offset, alignment);
            offsets[size_t(a)] = offset;
            offset += uint64_t(width(a)) * kFloat;
        }
    }
    auto buffer = makeBuffer(alignUp(offset, 16));
    if (!buffer)
        return buffer.error();
    m_decodeActs = std::move(*buffer);
    for (Act a : {Act::Q, Act::K, Act::V, Act::Gate, Act::Up})
        m_decodeRanges[size_t(a)] = m_decodeActs.range(offsets[size_t(a)], uint64_t(width(a)) * kFloat);
    return {};
}

void GpuForward::linearGroup(std::initializer_list<Projection> products, Act in)
{
    size_t done = 0;
    const auto group = products.size() > 0 && m_tokens.size() == 1
                           ? m_shared->groups.find(key(*products.begin()->weight))
                           : m_shared->groups.end();
    if (group != m_shared->groups.end() && group->second.members.size() <= products.size()) {
        const SharedWeights::Group& g = group->second;
        // The group's members in order, each writing where the previous output ends, and biases
        // for all of them (added by the product) or for none.
        const vk::BufferRange first = range(products.begin()->out);
        uint64_t end = first.offset;
        bool matches = true, anyBias = false, allBias = true;
        for (size_t i = 0; i < g.members.size(); ++i) {
            const Projection& p = products.begin()[i];
            const vk::BufferRange out = range(p.out);
            matches = matches && key(*p.weight) == g.members[i] && p.out != in && out.buffer == first.buffer
                      && out.offset == end && out.size == uint64_t(g.memberRows[i]) * kFloat;
            end = out.offset + out.size;
            anyBias = anyBias || p.bias;
            allBias = allBias && p.bias;
        }
        const vk::BufferRange outputs{first.buffer, first.offset, end - first.offset};
        if (matches && !anyBias) {
            multiplyInto(g.matrix, in, outputs, true, 1, 0);
            done = g.members.size();
        } else if (matches && allBias && g.bias.size() > 0) {
            // The biases in the product where the device's kernel adds them, else in one pass
            // over the adjacent outputs.
            if (!multiplyAddInto(g.matrix, in, outputs, true, g.bias.range())) {
                multiplyInto(g.matrix, in, outputs, true, 1, 0);
                const uint32_t n = uint32_t(outputs.size / kFloat);
                gpu::recordBiasAdd(*m_recorder, *m_context, outputs, g.bias.range(), outputs, n, n);
            }
            done = g.members.size();
        }
    }
    // The rest as GraphOps does it: products first, then the biases it does not fuse.
    const bool fused = fusesBias();
    for (size_t i = done; i < products.size(); ++i) {
        const Projection& p = products.begin()[i];
        if (p.bias && fused)
            linearBias(*p.weight, *p.bias, in, p.out);
        else
            linear(*p.weight, in, p.out);
    }
    for (size_t i = done; i < products.size(); ++i) {
        const Projection& p = products.begin()[i];
        if (p.bias && !fused)
            addBias(*p.bias, p.out);
    }
}

void GpuForward::linearGated(const Tensor& gate, const Tensor& up, Act in, Act out, GateActivation act)
{
    // A decoded token whose gate and up are one group: both products and the activation in one
    // dispatch (vk::recordMatVecGated), where the device's product kernel pairs rows that way.
    const auto group = m_tokens.size() == 1 ? m_shared->groups.find(key(gate)) : m_shared->groups.end();
    if (group != m_shared->groups.end() && in != out
        && group->second.members == std::vector<const void*>{key(gate), key(up)}) {
        const DeviceMatrix& m = group->second.matrix;
        const vk::Gate kind = act == GateActivation::Silu ? vk::Gate::Silu : vk::Gate::Gelu;
        if (packedApplies(m, in)) {
            const bool recorded = vk::recordMatVecGated(*m_recorder, *m_context, m.weights, packedInput(m, in), range(out),
                                                        kind, true, m_options.maxBindingBytes);
            packedRecorded(true); // recorded or not, the packing stays current for the fallback
            if (recorded)
                return;
        } else if (m.quantized) {
            const bool recorded = vk::recordMatVecGated(*m_recorder, *m_context, m.weights, productInput(m, in),
                                                        range(out), kind, false, m_options.maxBindingBytes);
            productRecorded(true);
            if (recorded)
                return;
        }
    }
    GraphOps::linearGated(gate, up, in, out, act);
}

void GpuForward::ropePair(Act q, uint32_t nHeadsQ, Act k, uint32_t nHeadsK)
{
    // Adjacent q and k (a decoded token's) rotate as one tensor of nHeadsQ + nHeadsK heads: the
    // rotation depends only on the position and the dimension.
    const vk::BufferRange rq = range(q), rk = range(k);
    if (rq.buffer == rk.buffer && rq.offset + rq.size == rk.offset) {
        ropeRange(vk::BufferRange{rq.buffer, rq.offset, rq.size + rk.size}, nHeadsQ + nHeadsK, m_hp.ropeFreqBase,
                  m_hp.ropeFreqScale);
        return;
    }
    rope(q, nHeadsQ);
    rope(k, nHeadsK);
}

} // namespace agora::model
