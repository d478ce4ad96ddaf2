#include "bench_profile.h"

#include "cli.h"

#include "model/gpu_kernels.h"
#include "model/model.h"
#include "model/weights.h"
#include "vk/bandwidth.h"
#include "vk/buffer.h"
#include "vk/context.h"
#include "vk/quant_kernels.h"
#include "vk/recorder.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sstream>

namespace agora::cli {
namespace {

struct Kind {
    std::string name;
    std::vector<model::Tensor> tensors;
};

std::vector<Kind> matrixKinds(const model::Model& model)
{
    const model::ModelWeights& w = model.weights();
    std::vector<Kind> kinds = {{"attn_q", {}}, {"attn_k", {}},  {"attn_v", {}},   {"attn_output", {}},
                               {"ffn_gate", {}}, {"ffn_up", {}}, {"ffn_down", {}}};
    for (const model::LayerWeights& layer : w.layers) {
        const model::Tensor* perKind[] = {&layer.wq, &layer.wk, &layer.wv, &layer.wo,
                                          &layer.wGate, &layer.wUp, &layer.wDown};
        for (size_t k = 0; k < kinds.size(); ++k)
            if (*perKind[k])
                kinds[k].tensors.push_back(*perKind[k]);
    }
    kinds.push_back({"output", {}});
    if (w.output)
        kinds.back().tensors.push_back(w.output);
    std::erase_if(kinds, [](const Kind& k) {
        return k.tensors.empty() || std::any_of(k.tensors.begin(), k.tensors.end(), [](const model::Tensor& t) {
                   return !vk::hasQuantKernels(t.type());
               });
    });
    return kinds;
}

uint64_t alignUp(uint64_t value, uint64_t alignment) { return (value + alignment - 1) / alignment * alignment; }

// Submits the recorded work `repetitions` times: the fastest run's milliseconds between its
// "start" and "end" timestamps (wall time around the submission where the device has none).
Result<double> fastestRun(vk::CommandRecorder& recorder, int repetitions)
{
    double best = 0;
    for (int r = 0; r < std::max(repetitions, 1); ++r) {
        const auto start = std::chrono::steady_clock::now();
        if (auto submitted = recorder.submit(); !submitted)
            return submitted.error();
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        const auto samples = recorder.timings();
        if (samples.size() == 2 && samples[1].milliseconds > samples[0].milliseconds)
            ms = samples[1].milliseconds - samples[0].milliseconds;
        best = r == 0 ? ms : std::min(best, ms);
    }
    return best;
}

Result<MatVecKindProfile> profileKind(const Kind& kind, const std::shared_ptr<vk::Context>& context, int repetitions)
{
    MatVecKindProfile p;
    p.kind = kind.name;
    p.matrices = uint32_t(kind.tensors.size());
    p.rows = uint32_t(kind.tensors.front().rows());
    p.cols = uint32_t(kind.tensors.front().cols());
    const uint64_t alignment = std::max<uint64_t>(context->storageOffsetAlignment(), 16);
    std::vector<uint64_t> offsets;
    uint64_t total = 0, maxCols = 0, totalRows = 0;
    // Rows laid out as GpuForward uploads them: padded to the stride the device reads best,
    // interleaved as it reads them best.
    std::vector<uint64_t> strides, sizes;
    std::vector<uint32_t> interleaves;
    for (const model::Tensor& t : kind.tensors) {
        const uint64_t packed = rowBytes(t.type(), uint32_t(t.cols())).value_or(0);
        strides.push_back(std::max(vk::preferredRowStride(*context, t.type(), uint32_t(t.cols())), packed));
        interleaves.push_back(vk::preferredRowInterleave(*context, t.type(), uint32_t(t.cols())));
        sizes.push_back(vk::matrixBytes(uint32_t(t.rows()), strides.back(), interleaves.back()));
        offsets.push_back(total);
        total = alignUp(total + sizes.back() + 16, alignment);
        maxCols = std::max<uint64_t>(maxCols, t.cols());
        totalRows += t.rows();
        p.bytes += t.bytes();
        const std::string type(tensorTypeName(t.type()));
        if (p.types.find(type) == std::string::npos)
            p.types += (p.types.empty() ? "" : "+") + type;
    }
    auto weights = vk::Buffer::create(context, total, vk::MemoryUse::DeviceLocal);
    if (!weights)
        return weights.error();
    for (size_t i = 0; i < kind.tensors.size(); ++i) {
        const model::Tensor& t = kind.tensors[i];
        const uint64_t packed = rowBytes(t.type(), uint32_t(t.cols())).value_or(0);
        const auto* source = reinterpret_cast<const std::byte*>(t.data());
        std::vector<std::byte> padded(size_t(sizes[i]));
        vk::layOutRows(source, 0, uint64_t(t.rows()), packed, strides[i], interleaves[i], padded);
        if (auto up = vk::upload(*context, *weights, offsets[i], padded); !up)
            return up.error();
    }
    auto x = vk::Buffer::create(context, alignUp(maxCols * sizeof(float), 16), vk::MemoryUse::DeviceLocal);
    auto y = vk::Buffer::create(context, totalRows * sizeof(float), vk::MemoryUse::DeviceLocal);
    if (!x || !y)
        return !x ? x.error() : y.error();
    const std::vector<float> input(maxCols, 0.01f);
    if (auto up = vk::uploadFloats(*context, *x, input); !up)
        return up.error();

    // x as the integer decode products read it (packed Q8_0 codes), packed before the timing as
    // decoding packs once per input; every matrix of a kind has the same columns.
    const uint32_t kindCols = uint32_t(kind.tensors.front().cols());
    auto packedX = vk::Buffer::create(context, vk::packedVectorBytes(kindCols), vk::MemoryUse::DeviceLocal);
    if (!packedX)
        return packedX.error();

    auto recorder = vk::CommandRecorder::create(context, 4);
    if (!recorder)
        return recorder.error();
    if (kindCols % 32 == 0)
        model::gpu::recordPackActivations(**recorder, *context, x->range(0, kindCols * sizeof(float)), packedX->range(),
                                          kindCols);
    (*recorder)->timestamp("start");
    uint64_t row = 0;
    for (size_t i = 0; i < kind.tensors.size(); ++i) {
        const model::Tensor& t = kind.tensors[i];
        const vk::WeightMatrix w{weights->range(offsets[i], sizes[i]), t.type(), uint32_t(t.rows()),
                                 uint32_t(t.cols()), uint32_t(strides[i]), interleaves[i]};
        // Every product writes its own slice of y, so the recorder puts no barrier between them.
        const vk::BufferRange out = y->range(row * sizeof(float), t.rows() * sizeof(float));
        if (t.cols() == kindCols && vk::packedProductApplies(*context, w))
            vk::recordMatVecPacked(**recorder, *context, w, packedX->range(), out, nullptr);
        else
            vk::recordMatVec(**recorder, *context, w, x->range(0, alignUp(t.cols() * sizeof(float), 16)), out);
        row += t.rows();
    }
    (*recorder)->timestamp("end");
    auto ms = fastestRun(**recorder, repetitions);
    if (!ms)
        return ms.error();
    p.msPerToken = *ms;
    p.gbPerSecond = p.msPerToken > 0 ? double(p.bytes) / (p.msPerToken / 1000.0) / 1e9 : 0.0;
    return p;
}

// The cost of one small dispatch that depends on the one before it (a tiny in-place scale, as a
// norm or a rope of a decoded token is), so that a token's kernel count can be weighed against
// its products: on lavapipe each dispatch hands the work to the driver's worker threads and waits.
Result<double> measureDispatchMicroseconds(const std::shared_ptr<vk::Context>& context, int repetitions)
{
    constexpr uint32_t kDispatches = 256, kFloats = 64;
    auto buffer = vk::Buffer::create(context, kFloats * sizeof(float), vk::MemoryUse::DeviceLocal);
    if (!buffer)
        return buffer.error();
    auto recorder = vk::CommandRecorder::create(context, 4);
    if (!recorder)
        return recorder.error();
    (*recorder)->timestamp("start");
    for (uint32_t i = 0; i < kDispatches; ++i)
        model::gpu::recordScale(**recorder, *context, buffer->range(), kFloats, 1.0f);
    (*recorder)->timestamp("end");
    auto ms = fastestRun(**recorder, repetitions);
    if (!ms)
        return ms.error();
    return *ms * 1000.0 / kDispatches;
}

} // namespace

double BenchProfile::matVecMsPerToken() const
{
    double total = 0;
    for (const MatVecKindProfile& k : kinds)
        total += k.msPerToken;
    return total;
}

Result<BenchProfile> profileMatVecs(const model::Model& model, std::shared_ptr<vk::Context> context, int repetitions)
{
    BenchProfile profile;
    profile.layout = vk::resolveLayout(*context, vk::ProductLayout::Auto) == vk::ProductLayout::RowPerInvocation
                         ? "rows"
                         : "subgroup";
    auto copy = vk::measureCopyBandwidth(context, 64ull << 20, repetitions);
    if (!copy)
        return copy.error();
    profile.copyKernelGBps = copy->kernelReadGBps;
    profile.copyTransferGBps = copy->transferReadGBps;
    auto dispatchCost = measureDispatchMicroseconds(context, repetitions);
    if (!dispatchCost)
        return dispatchCost.error();
    profile.dispatchMicroseconds = *dispatchCost;
    for (const Kind& kind : matrixKinds(model)) {
        auto p = profileKind(kind, context, repetitions);
        if (!p)
            return p.error();
        profile.kinds.push_back(std::move(*p));
    }
    return profile;
}

std::string profileJson(const BenchProfile& profile)
{
    std::ostringstream out;
    out << "{\"matvec_layout\": \"" << profile.layout << "\", \"copy_kernel_gbps\": "
        << jsonFloat(float(profile.copyKernelGBps)) << ", \"copy_transfer_gbps\": "
        << jsonFloat(float(profile.copyTransferGBps)) << ", \"dispatch_us\": "
        << jsonFloat(float(profile.dispatchMicroseconds)) << ", \"matvec_ms_per_token\": "
        << jsonFloat(float(profile.matVecMsPerToken())) << ", \"kinds\": [";
    for (size_t i = 0; i < profile.kinds.size(); ++i) {
        const MatVecKindProfile& k = profile.kinds[i];
        out << (i ? ", " : "") << "{\"kind\": \"" << k.kind << "\", \"types\": \"" << k.types
            << "\", \"matrices\": " << k.matrices << ", \"rows\": " << k.rows << ", \"cols\": " << k.cols
            << ", \"bytes\": " << k.bytes << ", \"ms_per_token\": " << jsonFloat(float(k.msPerToken))
            << ", \"gbps\": " << jsonFloat(float(k.gbPerSecond)) << "}";
    }
    out << "], \"timed_tokens\": " << profile.timedTokens << ", \"timed_depth\": " << profile.timedDepth
        << ", \"timed_token_ms\": " << jsonFloat(float(profile.timedTokenMs))
        << ", \"kernels\": [";
    for (size_t i = 0; i < profile.kernels.size(); ++i) {
        const KernelShare& k = profile.kernels[i];
        out << (i ? ", " : "") << "{\"kernel\": \"" << k.kernel << "\", \"ms_per_token\": " << jsonFloat(float(k.msPerToken))
            << ", \"dispatches_per_token\": " << jsonFloat(float(k.dispatchesPerToken)) << "}";
    }
    out << "]}";
    return out.str();
}

void printProfile(const BenchProfile& profile, double tokenMs)
{
    const double copy = std::max(profile.copyKernelGBps, profile.copyTransferGBps);
    std::printf("profile (matvec layout: %s; copy bandwidth: kernel %.1f GB/s, transfer %.1f GB/s; "
                "a small dependent dispatch: %.1f us)\n",
                profile.layout.c_str(), profile.copyKernelGBps, profile.copyTransferGBps,
                profile.dispatchMicroseconds);
    std::printf("  %-12s %-10s %4s %13s %9s %8s %7s\n", "kind", "types", "n", "rows x cols", "ms/token", "GB/s",
                "of copy");
    for (const MatVecKindProfile& k : profile.kinds)
        std::printf("  %-12s %-10s %4u %6u x %-6u %9.2f %8.2f %6.0f%%\n", k.kind.c_str(), k.types.c_str(), k.matrices,
                    k.rows, k.cols, k.msPerToken, k.gbPerSecond, copy > 0 ? 100.0 * k.gbPerSecond / copy : 0.0);
    const double matvec = profile.matVecMsPerToken();
    std::printf("  %-12s %40.2f ms\n", "all matvec", matvec);
    if (tokenMs > 0)
        std::printf("  %-12s %40.2f ms (measured token %.2f ms minus the products)\n", "other", tokenMs - matvec,
                    tokenMs);
    if (profile.kernels.empty())
        return;
    std::vector<KernelShare> kernels = profile.kernels;
    std::sort(kernels.begin(), kernels.end(), [](const KernelShare& a, const KernelShare& b) { return a.msPerToken > b.msPerToken; });
    double total = 0, dispatches = 0;
    for (const KernelShare& k : kernels) {
        total += k.msPerToken;
        dispatches += k.dispatchesPerToken;
    }
    std::printf("every kernel of %u decoded tokens at depth %u, timed dispatch by dispatch (hand-offs included):\n",
                profile.timedTokens, profile.timedDepth);
    std::printf("  %-24s %10s %10s %8s\n", "kernel", "dispatches", "ms/token", "share");
    for (const KernelShare& k : kernels)
        std::printf("  %-24s %10.1f %10.2f %7.1f%%\n", k.kernel.c_str(), k.dispatchesPerToken, k.msPerToken,
                    total > 0 ? 100.0 * k.msPerToken / total : 0.0);
    std::printf("  %-24s %10.1f %10.2f ms (token %.2f ms with the timing)\n", "all kernels", dispatches, total,
                profile.timedTokenMs);
}

} // namespace agora::cli
