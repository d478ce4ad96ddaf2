#include "vk/quant_kernels.h"

#include "vk/basic_kernels.h"
#include "vk/context.h"
#include "vk/recorder.h"
#include "vk/vk_error.h"

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>

namespace agora::vk {
namespace {

// Whether the A/B switch `name` (an environment variable) says "off"; callers read it once.
bool switchedOff(const char* name)
{
    const char* value = std::getenv(name);
    return value && std::string_view(value) == "off";
}

using shaders::KernelId;

struct TypeKernels {
    KernelId matVec;
    KernelId matMul;
    KernelId getRows;
    KernelId matVecRows; // the row-per-invocation layouts for CPU drivers
    KernelId matMulRows;
    KernelId matVecTexel; // matVecRows and matMulRows reading through texel buffers (padded rows)
    KernelId matMulTexel;
};

std::optional<TypeKernels> kernelsFor(TensorType type)
{
    switch (type) {
    case TensorType::F32: return TypeKernels{KernelId::MatVec_F32, KernelId::MatMul_F32, KernelId::GetRows_F32,
                                         KernelId::MatVecRows_F32, KernelId::MatMulRows_F32,
                                         KernelId::MatVecTexel_F32, KernelId::MatMulTexel_F32};
    case TensorType::F16: return TypeKernels{KernelId::MatVec_F16, KernelId::MatMul_F16, KernelId::GetRows_F16,
                                         KernelId::MatVecRows_F16, KernelId::MatMulRows_F16,
                                         KernelId::MatVecTexel_F16, KernelId::MatMulTexel_F16};
    case TensorType::BF16: return TypeKernels{KernelId::MatVec_BF16, KernelId::MatMul_BF16, KernelId::GetRows_BF16,
                                         KernelId::MatVecRows_BF16, KernelId::MatMulRows_BF16,
                                         KernelId::MatVecTexel_BF16, KernelId::MatMulTexel_BF16};
    case TensorType::Q8_0: return TypeKernels{KernelId::MatVec_Q8_0, KernelId::MatMul_Q8_0, KernelId::GetRows_Q8_0,
                                         KernelId::MatVecRows_Q8_0, KernelId::MatMulRows_Q8_0,
                                         KernelId::MatVecTexel_Q8_0, KernelId::MatMulTexel_Q8_0};
    case TensorType::Q4_0: return TypeKernels{KernelId::MatVec_Q4_0, KernelId::MatMul_Q4_0, KernelId::GetRows_Q4_0,
                                         KernelId::MatVecRows_Q4_0, KernelId::MatMulRows_Q4_0,
                                         KernelId::MatVecTexel_Q4_0, KernelId::MatMulTexel_Q4_0};
    case TensorType::Q4_1: return TypeKernels{KernelId::MatVec_Q4_1, KernelId::MatMul_Q4_1, KernelId::GetRows_Q4_1,
                                         KernelId::MatVecRows_Q4_1, KernelId::MatMulRows_Q4_1,
                                         KernelId::MatVecTexel_Q4_1, KernelId::MatMulTexel_Q4_1};
    case TensorType::Q5_0: return TypeKernels{KernelId::MatVec_Q5_0, KernelId::MatMul_Q5_0, KernelId::GetRows_Q5_0,
                                         KernelId::MatVecRows_Q5_0, KernelId::MatMulRows_Q5_0,
                                         KernelId::MatVecTexel_Q5_0, KernelId::MatMulTexel_Q5_0};
    case TensorType::Q5_1: return TypeKernels{KernelId::MatVec_Q5_1, KernelId::MatMul_Q5_1, KernelId::GetRows_Q5_1,
                                         KernelId::MatVecRows_Q5_1, KernelId::MatMulRows_Q5_1,
                                         KernelId::MatVecTexel_Q5_1, KernelId::MatMulTexel_Q5_1};
    case TensorType::Q2_K: return TypeKernels{KernelId::MatVec_Q2_K, KernelId::MatMul_Q2_K, KernelId::GetRows_Q2_K,
                                         KernelId::MatVecRows_Q2_K, KernelId::MatMulRows_Q2_K,
                                         KernelId::MatVecTexel_Q2_K, KernelId::MatMulTexel_Q2_K};
    case TensorType::Q3_K: return TypeKernels{KernelId::MatVec_Q3_K, KernelId::MatMul_Q3_K, KernelId::GetRows_Q3_K,
                                         KernelId::MatVecRows_Q3_K, KernelId::MatMulRows_Q3_K,
                                         KernelId::MatVecTexel_Q3_K, KernelId::MatMulTexel_Q3_K};
    case TensorType::Q4_K: return TypeKernels{KernelId::MatVec_Q4_K, KernelId::MatMul_Q4_K, KernelId::GetRows_Q4_K,
                                         KernelId::MatVecRows_Q4_K, KernelId::MatMulRows_Q4_K,
                                         KernelId::MatVecTexel_Q4_K, KernelId::MatMulTexel_Q4_K};
    case TensorType::Q5_K: return TypeKernels{KernelId::MatVec_Q5_K, KernelId::MatMul_Q5_K, KernelId::GetRows_Q5_K,
                                         KernelId::MatVecRows_Q5_K, KernelId::MatMulRows_Q5_K,
                                         KernelId::MatVecTexel_Q5_K, KernelId::MatMulTexel_Q5_K};
    case TensorType::Q6_K: return TypeKernels{KernelId::MatVec_Q6_K, KernelId::MatMul_Q6_K, KernelId::GetRows_Q6_K,
                                         KernelId::MatVecRows_Q6_K, KernelId::MatMulRows_Q6_K,
                                         KernelId::MatVecTexel_Q6_K, KernelId::MatMulTexel_Q6_K};
    case TensorType::IQ4_NL: return TypeKernels{KernelId::MatVec_IQ4_NL, KernelId::MatMul_IQ4_NL, KernelId::GetRows_IQ4_NL,
                                         KernelId::MatVecRows_IQ4_NL, KernelId::MatMulRows_IQ4_NL,
                                         KernelId::MatVecTexel_IQ4_NL, KernelId::MatMulTexel_IQ4_NL};
    case TensorType::IQ4_XS: return TypeKernels{KernelId::MatVec_IQ4_XS, KernelId::MatMul_IQ4_XS, KernelId::GetRows_IQ4_XS,
                                         KernelId::MatVecRows_IQ4_XS, KernelId::MatMulRows_IQ4_XS,
                                         KernelId::MatVecTexel_IQ4_XS, KernelId::MatMulTexel_IQ4_XS};
    default: return std::nullopt;
    }
}

struct MatVecPush {
    uint32_t rows;
    uint32_t cols;
    uint32_t rowBytes;
    uint32_t outOffset;
};

struct MatMulPush {
    uint32_t rows;
    uint32_t cols;
    uint32_t rowBytes;
    uint32_t nTokens;
    uint32_t xFirstRow;
    uint32_t outOffset;
    uint32_t outStride;
};

// Invocations (= rows) per workgroup of the row-per-invocation kernels: enough rows to amortise
// lavapipe's per-workgroup cost, few enough that a 896-row matrix still feeds every CPU thread.
constexpr uint32_t kRowsPerInvocationWorkgroup = 64;

uint32_t rowsWorkgroupSize(const Context& context)
{
    const uint32_t subgroup = std::max<uint32_t>(context.subgroupSize(), 1);
    const uint32_t size = std::min(kRowsPerInvocationWorkgroup, context.info().maxWorkgroupInvocations);
    return std::max(size / subgroup * subgroup, std::min(subgroup, size));
}

ProductLayout layoutFromEnvironment()
{
    const char* value = std::getenv("AGORA_VK_PRODUCT_LAYOUT");
    if (value && std::string_view(value) == "subgroup")
        return ProductLayout::RowPerSubgroup;
    if (value && std::string_view(value) == "rows")
        return ProductLayout::RowPerInvocation;
    return ProductLayout::Auto;
}

// Tokens per tile of matmul_quant.comp and matmul_rows.comp (their TOKENS_PER_TILE).
constexpr uint32_t kTokensPerTile = 8;

struct GetRowsPush {
    uint32_t count;
    uint32_t cols;
    uint32_t rowBytes;
    uint32_t firstRow;
    uint32_t rows;
};

// What the kernels need from a matrix, checked once: its kernels, row stride and row ranges.
// `rowBytes` is the stride (the kernels' push constant of that name only steps between rows).
struct PreparedMatrix {
    TypeKernels kernels;
    uint32_t rowBytes;
    std::vector<RowRange> ranges;
};

constexpr VkDeviceSize kTexelBytes = 16; // a uvec4 texel of the 't' bindings

PreparedMatrix prepare(const Context& context, const WeightMatrix& w, VkDeviceSize maxBindingBytes,
                       bool texelRanges = false)
{
    auto kernels = kernelsFor(w.type);
    AGORA_VK_REQUIRE(kernels.has_value(), "no GPU kernels for " + std::string(tensorTypeName(w.type)));
    auto bytes = rowBytes(w.type, w.cols);
    AGORA_VK_REQUIRE(bytes.has_value(), "a row of " + std::to_string(w.cols) + " is not whole blocks of "
                                            + std::string(tensorTypeName(w.type)));
    AGORA_VK_REQUIRE(w.rows > 0 && w.cols > 0, "empty weight matrix");
    AGORA_VK_REQUIRE(w.rowStride == 0 || w.rowStride >= *bytes, "row stride shorter than a row");
    const uint64_t stride = w.rowStride ? w.rowStride : *bytes;
    const uint32_t interleave = w.rowInterleave;
    AGORA_VK_REQUIRE(interleave == 1 || (std::has_single_bit(interleave) && stride % kTexelBytes == 0),
                     "interleaved rows need a power-of-two group and a stride of whole texels");
    AGORA_VK_REQUIRE(interleave == 1 ? uint64_t(w.rows - 1) * stride + *bytes <= w.data.size
                                     : matrixBytes(w.rows, stride, interleave) <= w.data.size,
                     "weight range smaller than the rows");
    VkDeviceSize limit = maxBindingBytes ? maxBindingBytes : context.maxStorageBufferRange();
    VkDeviceSize alignment = context.storageOffsetAlignment();
    if (texelRanges) {
        limit = std::min<VkDeviceSize>(limit, VkDeviceSize(context.limits().maxTexelBufferElements) * kTexelBytes);
        alignment = std::max<VkDeviceSize>(alignment, context.limits().minTexelBufferOffsetAlignment);
    }
    // Kernels read whole 32-bit words: leave room for the last word of every range. Interleaved
    // rows split between whole groups (each range's bytes are whole groups).
    auto ranges = splitRows((w.rows + interleave - 1) / interleave, stride * interleave, w.data.offset, limit - 4,
                            alignment);
    for (RowRange& range : ranges) {
        range.firstRow *= interleave;
        range.rows = uint32_t(std::min<uint64_t>(uint64_t(range.rows) * interleave, w.rows - range.firstRow));
    }
    AGORA_VK_REQUIRE(!ranges.empty(), "one row of the matrix exceeds the binding limit");
    return PreparedMatrix{*kernels, static_cast<uint32_t>(stride), std::move(ranges)};
}

} // namespace

bool texelProductApplies(const Context& context, const WeightMatrix& w, const BufferRange& x)
{
    const VkDeviceSize alignment = std::max<VkDeviceSize>(context.limits().minTexelBufferOffsetAlignment, 1);
    const VkDeviceSize xBytes = (uint64_t(w.cols) * sizeof(float) + kTexelBytes - 1) / kTexelBytes * kTexelBytes;
    return w.rowStride != 0 && w.rowStride % kTexelBytes == 0 && w.data.offset % alignment == 0
           && w.data.size >= uint64_t(w.rows) * w.rowStride
           && x.offset % alignment == 0 && x.size >= xBytes
           && xBytes / kTexelBytes <= context.limits().maxTexelBufferElements;
}

namespace {

// The binding of one row range, rounded up to whole words where the matrix's range allows.
BufferRange bindingOf(const WeightMatrix& w, const RowRange& range)
{
    const VkDeviceSize end = w.data.offset + w.data.size;
    const VkDeviceSize padded = std::min<VkDeviceSize>((range.bytes + 3) / 4 * 4, end - range.offset);
    return BufferRange{w.data.buffer, range.offset, padded};
}

} // namespace

bool hasQuantKernels(TensorType type) { return kernelsFor(type).has_value(); }

uint64_t matrixBytes(uint32_t rows, uint64_t rowStride, uint32_t rowInterleave)
{
    const uint64_t interleave = std::max<uint32_t>(rowInterleave, 1);
    return (uint64_t(rows) + interleave - 1) / interleave * interleave * rowStride;
}

void layOutRows(const std::byte* source, uint64_t firstRow, uint64_t rows, uint64_t packedRow, uint64_t stride,
                uint32_t interleave, std::span<std::byte> out)
{
    AGORA_VK_REQUIRE(interleave >= 1 && firstRow % interleave == 0 && stride >= packedRow
                         && (interleave == 1 || stride % kTexelBytes == 0) && out.size() % (stride * interleave) == 0,
                     "rows laid out in whole groups of whole texels");
    std::fill(out.begin(), out.end(), std::byte{0});
    const uint64_t count = std::min<uint64_t>(out.size() / stride, rows > firstRow ? rows - firstRow : 0);
    for (uint64_t r = 0; r < count; ++r) {
        const std::byte* row = source + r * packedRow;
        if (interleave == 1) {
            std::copy_n(row, size_t(packedRow), out.data() + r * stride);
            continue;
        }
        // Texel t of the group's row r % I goes to texel t * I + r % I of the group.
        std::byte* slot = out.data() + (r / interleave) * stride * interleave + (r % interleave) * kTexelBytes;
        for (uint64_t t = 0; t * kTexelBytes < packedRow; ++t)
            std::copy_n(row + t * kTexelBytes, size_t(std::min(kTexelBytes, packedRow - t * kTexelBytes)),
                        slot + t * interleave * kTexelBytes);
    }
}

uint32_t preferredRowInterleave(const Context& context, TensorType type, uint32_t cols)
{
    // Off as well with AGORA_VK_TEXEL_PRODUCTS=off, whose rows are for the storage-buffer kernels.
    static const bool off = switchedOff("AGORA_VK_ROW_INTERLEAVE") || switchedOff("AGORA_VK_TEXEL_PRODUCTS");
    const bool rowPerLaneTexels = type == TensorType::Q8_0 || type == TensorType::Q5_0 || type == TensorType::Q4_K
                                  || type == TensorType::Q6_K;
    const uint64_t stride = preferredRowStride(context, type, cols);
    const uint32_t simdWidth = context.subgroupSize();
    if (off || !rowPerLaneTexels || stride == 0 || stride % kTexelBytes != 0 || !std::has_single_bit(simdWidth)
        || resolveLayout(context, ProductLayout::Auto) != ProductLayout::RowPerInvocation)
        return 1;
    return std::min<uint32_t>(simdWidth, 64);
}

uint64_t preferredRowStride(const Context& context, TensorType type, uint32_t cols)
{
    const auto bytes = rowBytes(type, cols);
    if (!bytes || !kernelsFor(type))
        return 0;
    // AGORA_VK_TEXEL_PRODUCTS=off keeps rows packed, so the storage-buffer kernels run (A/B benchmarks).
    static const bool texelOff = switchedOff("AGORA_VK_TEXEL_PRODUCTS");
    if (texelOff || resolveLayout(context, ProductLayout::Auto) != ProductLayout::RowPerInvocation)
        return *bytes;
    return (*bytes + kTexelBytes - 1) / kTexelBytes * kTexelBytes;
}

ProductLayout resolveLayout(const Context& context, ProductLayout requested)
{
    if (requested != ProductLayout::Auto)
        return requested;
    static const ProductLayout fromEnvironment = layoutFromEnvironment();
    if (fromEnvironment != ProductLayout::Auto)
        return fromEnvironment;
    return context.info().type == DeviceType::Cpu ? ProductLayout::RowPerInvocation : ProductLayout::RowPerSubgroup;
}

std::vector<RowRange> splitRows(uint32_t rows, uint64_t rowBytes, VkDeviceSize offset, VkDeviceSize maxBytes,
                                VkDeviceSize alignment)
{
    std::vector<RowRange> ranges;
    if (rowBytes == 0 || rowBytes > maxBytes)
        return ranges;
    alignment = std::max<VkDeviceSize>(alignment, 1);
    // Ranges after the first start at offset + k * rowsPerRange * rowBytes: a multiple of the
    // alignment when rowsPerRange is a multiple of alignment / gcd(rowBytes, alignment).
    const uint64_t step = alignment / std::gcd(rowBytes, alignment);
    uint64_t rowsPerRange = maxBytes / rowBytes / step * step;
    if (rowsPerRange == 0) {
        if (uint64_t(rows) * rowBytes > maxBytes)
            return ranges;
        rowsPerRange = rows;
    }
    for (uint64_t first = 0; first < rows; first += rowsPerRange) {
        const uint64_t count = std::min<uint64_t>(rowsPerRange, rows - first);
        ranges.push_back(RowRange{static_cast<uint32_t>(first), static_cast<uint32_t>(count),
                                  offset + first * rowBytes, count * rowBytes});
    }
    return ranges;
}

namespace {

// The texel-buffer matrix-vector product, y = W x (+ addend when there is one); `packedX`: x is
// packed Q8_0 codes for the integer variant.
void recordTexelMatVec(CommandRecorder& recorder, const Context& context, const WeightMatrix& w,
                       const PreparedMatrix& m, const BufferRange& x, const BufferRange& y, const BufferRange* addend,
                       bool packedX = false, Gate gate = Gate::None)
{
    // matvec_texel.comp's LANE_ROWS: Q8_0, Q5_0, Q4_K and Q6_K lanes compute two rows each, the
    // integer Q5_0 products four.
    const bool pairedRows = w.type == TensorType::Q8_0 || w.type == TensorType::Q5_0 || w.type == TensorType::Q4_K
                            || w.type == TensorType::Q6_K;
    const uint32_t laneRows = !pairedRows ? 1 : packedX && w.type == TensorType::Q5_0 ? 4 : 2;
    const uint32_t workgroupSize = rowsWorkgroupSize(context);
    // GATE: a lane's rows are gate rows and their up rows, and it stores one row of y per pair.
    const uint32_t rowsPerWorkgroup = gate != Gate::None ? workgroupSize * laneRows / 2 : workgroupSize * laneRows;
    const BufferRange xTexels{x.buffer, x.offset,
                              packedX ? packedVectorBytes(w.cols)
                                      : (uint64_t(w.cols) * sizeof(float) + kTexelBytes - 1) / kTexelBytes * kTexelBytes};
    const KernelId kernel = !packedX                     ? m.kernels.matVecTexel
                            : w.type == TensorType::Q5_0 ? KernelId::MatVecInt_Q5_0
                            : w.type == TensorType::Q4_K ? KernelId::MatVecInt_Q4_K
                            : w.type == TensorType::Q6_K ? KernelId::MatVecInt_Q6_K
                                                         : KernelId::MatVecInt_Q8_0;
    // matvec_texel.comp TAIL_PAIRS: the pairs of blocks after the row's whole groups of eight.
    const uint32_t tailPairs = w.cols / 32 % 8 / 2;
    for (const RowRange& range : m.ranges) {
        // Gated: one range of both halves (recordMatVecGated checks), y rows = gate rows.
        const uint32_t rowsOfY = gate != Gate::None ? range.rows / 2 : range.rows;
        const uint64_t workgroups = (uint64_t(rowsOfY) + rowsPerWorkgroup - 1) / rowsPerWorkgroup;
        // The stride is whole texels, so the range is too.
        // Without an addend y is bound in its place (never read: HAS_ADDEND is 0).
        recorder.dispatch(kernel, {workgroupSize, addend ? 1u : 0u, uint32_t(gate), w.rowInterleave, tailPairs},
                          {BufferRange{w.data.buffer, range.offset, range.bytes}, xTexels, y, addend ? *addend : y},
                          MatVecPush{rowsOfY, w.cols, m.rowBytes, range.firstRow},
                          linearGroups(context, workgroups));
    }
}

} // namespace

bool packedProductApplies(const Context& context, const WeightMatrix& w)
{
    static const bool disabled = switchedOff("AGORA_VK_INT_DOT");
    const bool integerType = w.type == TensorType::Q5_0 || w.type == TensorType::Q8_0
                             || ((w.type == TensorType::Q4_K || w.type == TensorType::Q6_K) && w.cols % 256 == 0);
    if (disabled || !integerType || w.cols % 64 != 0
        || resolveLayout(context, ProductLayout::Auto) != ProductLayout::RowPerInvocation)
        return false;
    const VkDeviceSize alignment = std::max<VkDeviceSize>(context.limits().minTexelBufferOffsetAlignment, 1);
    return w.rowStride != 0 && w.rowStride % kTexelBytes == 0 && w.data.offset % alignment == 0
           && w.data.size >= uint64_t(w.rows) * w.rowStride
           && packedVectorBytes(w.cols) / kTexelBytes <= context.limits().maxTexelBufferElements;
}

uint64_t packedVectorBytes(uint32_t cols)
{
    // 16 words of codes per block of 32, then two words (scale, code sum) per block, in whole texels.
    const uint64_t blocks = (uint64_t(cols) + 31) / 32;
    return (16 * blocks + (2 * blocks + 3) / 4 * 4) * 4;
}

void recordMatVecPacked(CommandRecorder& recorder, const Context& context, const WeightMatrix& w,
                        const BufferRange& packedX, const BufferRange& y, const BufferRange* addend,
                        VkDeviceSize maxBindingBytes)
{
    AGORA_VK_REQUIRE(packedProductApplies(context, w), "the packed-x product does not apply to this matrix");
    AGORA_VK_REQUIRE(packedX.size >= packedVectorBytes(w.cols), "packed vector shorter than cols need");
    AGORA_VK_REQUIRE(y.size >= uint64_t(w.rows) * sizeof(float), "matvec output shorter than rows");
    AGORA_VK_REQUIRE(!addend || addend->size >= uint64_t(w.rows) * sizeof(float), "matvec addend shorter than rows");
    recordTexelMatVec(recorder, context, w, prepare(context, w, maxBindingBytes, true), packedX, y, addend, true);
}

void recordMatMulPacked(CommandRecorder& recorder, const Context& context, const WeightMatrix& w,
                        const BufferRange& packedX, const BufferRange& y, const MatMulShape& shape,
                        VkDeviceSize maxBindingBytes)
{
    if (shape.nTokens == 0)
        return;
    AGORA_VK_REQUIRE(packedProductApplies(context, w) && (w.type == TensorType::Q5_0 || w.type == TensorType::Q8_0),
                     "the packed-x batched product does not apply to this matrix");
    const uint64_t xBytes = (uint64_t(shape.xFirstRow) + shape.nTokens) * packedVectorBytes(w.cols);
    AGORA_VK_REQUIRE(packedX.size >= xBytes, "packed input shorter than (xFirstRow + nTokens) rows");
    const uint32_t outStride = shape.outStride ? shape.outStride : w.rows;
    AGORA_VK_REQUIRE(y.size >= (uint64_t(shape.nTokens - 1) * outStride + shape.outOffset + w.rows) * sizeof(float),
                     "matmul output too short");
    const PreparedMatrix m = prepare(context, w, maxBindingBytes, true);
    const uint64_t tiles = (uint64_t(shape.nTokens) + kTokensPerTile - 1) / kTokensPerTile;
    const uint32_t workgroupSize = rowsWorkgroupSize(context);
    const uint32_t rowsPerWorkgroup = 2 * workgroupSize; // matmul_texel.comp INT_DOT: LANE_ROWS
    const KernelId kernel = w.type == TensorType::Q5_0 ? KernelId::MatMulInt_Q5_0 : KernelId::MatMulInt_Q8_0;
    for (const RowRange& range : m.ranges) {
        const uint64_t rowGroups = (uint64_t(range.rows) + rowsPerWorkgroup - 1) / rowsPerWorkgroup;
        recorder.dispatch(kernel, {workgroupSize, w.rowInterleave},
                          {BufferRange{w.data.buffer, range.offset, range.bytes},
                           BufferRange{packedX.buffer, packedX.offset, xBytes}, y},
                          MatMulPush{range.rows, w.cols, m.rowBytes, shape.nTokens, shape.xFirstRow,
                                     shape.outOffset + range.firstRow, outStride},
                          linearGroups(context, rowGroups * tiles));
    }
}

bool recordMatVecGated(CommandRecorder& recorder, const Context& context, const WeightMatrix& w, const BufferRange& x,
                       const BufferRange& y, Gate gate, bool packedX, VkDeviceSize maxBindingBytes)
{
    // Two rows per lane (matvec_texel.comp LANE_ROWS) is what pairs a gate row with its up row.
    const bool laneRowTypes = w.type == TensorType::Q8_0 || w.type == TensorType::Q5_0 || w.type == TensorType::Q4_K
                              || w.type == TensorType::Q6_K;
    // Interleaved: the up rows must start a group, as the gate rows do.
    if (gate == Gate::None || w.rows % (2 * w.rowInterleave) != 0 || !laneRowTypes
        || resolveLayout(context, ProductLayout::Auto) != ProductLayout::RowPerInvocation
        || (packedX ? !packedProductApplies(context, w) : !texelProductApplies(context, w, x)))
        return false;
    const PreparedMatrix m = prepare(context, w, maxBindingBytes, true);
    if (m.ranges.size() != 1)
        return false; // the gate and up halves must be one binding
    AGORA_VK_REQUIRE(x.size >= (packedX ? packedVectorBytes(w.cols) : uint64_t(w.cols) * sizeof(float)),
                     "matvec vector shorter than cols");
    AGORA_VK_REQUIRE(y.size >= uint64_t(w.rows / 2) * sizeof(float), "gated matvec output shorter than rows / 2");
    recordTexelMatVec(recorder, context, w, m, x, y, nullptr, packedX, gate);
    return true;
}

bool recordMatVecAdd(CommandRecorder& recorder, const Context& context, const WeightMatrix& w, const BufferRange& x,
                     const BufferRange& y, const BufferRange& addend, VkDeviceSize maxBindingBytes)
{
    if (resolveLayout(context, ProductLayout::Auto) != ProductLayout::RowPerInvocation
        || !texelProductApplies(context, w, x))
        return false;
    AGORA_VK_REQUIRE(x.size >= uint64_t(w.cols) * sizeof(float), "matvec vector shorter than cols");
    AGORA_VK_REQUIRE(y.size >= uint64_t(w.rows) * sizeof(float), "matvec output shorter than rows");
    AGORA_VK_REQUIRE(addend.size >= uint64_t(w.rows) * sizeof(float), "matvec addend shorter than rows");
    recordTexelMatVec(recorder, context, w, prepare(context, w, maxBindingBytes, true), x, y, &addend);
    return true;
}

void recordMatVec(CommandRecorder& recorder, const Context& context, const WeightMatrix& w, const BufferRange& x,
                  const BufferRange& y, VkDeviceSize maxBindingBytes, ProductLayout layout)
{
    const bool rowsLayout = resolveLayout(context, layout) == ProductLayout::RowPerInvocation;
    const bool texel = rowsLayout && texelProductApplies(context, w, x);
    const PreparedMatrix m = prepare(context, w, maxBindingBytes, texel);
    AGORA_VK_REQUIRE(x.size >= uint64_t(w.cols) * sizeof(float), "matvec vector shorter than cols");
    AGORA_VK_REQUIRE(y.size >= uint64_t(w.rows) * sizeof(float), "matvec output shorter than rows");
    if (texel)
        return recordTexelMatVec(recorder, context, w, m, x, y, nullptr);
    AGORA_VK_REQUIRE(w.rowInterleave == 1, "interleaved rows are read by the texel kernels only");
    if (rowsLayout) {
        const uint32_t rowsPerWorkgroup = rowsWorkgroupSize(context);
        for (const RowRange& range : m.ranges) {
            const uint64_t workgroups = (uint64_t(range.rows) + rowsPerWorkgroup - 1) / rowsPerWorkgroup;
            recorder.dispatch(m.kernels.matVecRows, {rowsPerWorkgroup}, {bindingOf(w, range), x, y},
                              MatVecPush{range.rows, w.cols, m.rowBytes, range.firstRow},
                              linearGroups(context, workgroups));
        }
        return;
    }
    const uint32_t workgroup = rowWorkgroupSize(context);
    const uint32_t rowsPerWorkgroup = std::max<uint32_t>(workgroup / std::max<uint32_t>(context.subgroupSize(), 1), 1);
    for (const RowRange& range : m.ranges) {
        const uint64_t workgroups = (uint64_t(range.rows) + rowsPerWorkgroup - 1) / rowsPerWorkgroup;
        recorder.dispatch(m.kernels.matVec, {workgroup, rowsPerWorkgroup}, {bindingOf(w, range), x, y},
                          MatVecPush{range.rows, w.cols, m.rowBytes, range.firstRow},
                          linearGroups(context, workgroups));
    }
}

void recordMatMul(CommandRecorder& recorder, const Context& context, const WeightMatrix& w, const BufferRange& x,
                  const BufferRange& y, const MatMulShape& shape, VkDeviceSize maxBindingBytes,
                  ProductLayout layout)
{
    if (shape.nTokens == 0)
        return;
    const PreparedMatrix m = prepare(context, w, maxBindingBytes);
    const uint32_t outStride = shape.outStride ? shape.outStride : w.rows;
    AGORA_VK_REQUIRE(x.size >= (uint64_t(shape.xFirstRow) + shape.nTokens) * w.cols * sizeof(float),
                     "matmul input shorter than (xFirstRow + nTokens) rows");
    AGORA_VK_REQUIRE(y.size >= (uint64_t(shape.nTokens - 1) * outStride + shape.outOffset + w.rows) * sizeof(float),
                     "matmul output too short");
    const uint64_t tiles = (uint64_t(shape.nTokens) + kTokensPerTile - 1) / kTokensPerTile;
    const bool rowsLayout = resolveLayout(context, layout) == ProductLayout::RowPerInvocation;
    // x rows must be whole texels for the texel kernel; x as one view of all the rows read.
    const BufferRange xTexels{x.buffer, x.offset, (uint64_t(shape.xFirstRow) + shape.nTokens) * w.cols * sizeof(float)};
    if (rowsLayout && w.cols % 4 == 0 && texelProductApplies(context, w, xTexels)
        && xTexels.size / kTexelBytes <= context.limits().maxTexelBufferElements) {
        const PreparedMatrix texelMatrix = prepare(context, w, maxBindingBytes, true);
        // matmul_texel.comp: Q4_K and Q6_K lanes compute two rows each.
        const uint32_t laneRows = w.type == TensorType::Q4_K || w.type == TensorType::Q6_K ? 2 : 1;
        const uint32_t workgroupSize = rowsWorkgroupSize(context);
        const uint32_t rowsPerWorkgroup = laneRows * workgroupSize;
        for (const RowRange& range : texelMatrix.ranges) {
            const uint64_t rowGroups = (uint64_t(range.rows) + rowsPerWorkgroup - 1) / rowsPerWorkgroup;
            recorder.dispatch(m.kernels.matMulTexel, {workgroupSize, w.rowInterleave},
                              {BufferRange{w.data.buffer, range.offset, range.bytes}, xTexels, y},
                              MatMulPush{range.rows, w.cols, m.rowBytes, shape.nTokens, shape.xFirstRow,
                                         shape.outOffset + range.firstRow, outStride},
                              linearGroups(context, rowGroups * tiles));
        }
        return;
    }
    AGORA_VK_REQUIRE(w.rowInterleave == 1, "interleaved rows are read by the texel kernels only");
    if (rowsLayout) {
        const uint32_t rowsPerWorkgroup = rowsWorkgroupSize(context);
        for (const RowRange& range : m.ranges) {
            const uint64_t rowGroups = (uint64_t(range.rows) + rowsPerWorkgroup - 1) / rowsPerWorkgroup;
            recorder.dispatch(m.kernels.matMulRows, {rowsPerWorkgroup}, {bindingOf(w, range), x, y},
                              MatMulPush{range.rows, w.cols, m.rowBytes, shape.nTokens, shape.xFirstRow,
                                         shape.outOffset + range.firstRow, outStride},
                              linearGroups(context, rowGroups * tiles));
        }
        return;
    }
    const uint32_t workgroup = rowWorkgroupSize(context);
    const uint32_t rowsPerWorkgroup = std::max<uint32_t>(workgroup / std::max<uint32_t>(context.subgroupSize(), 1), 1);
    for (const RowRange& range : m.ranges) {
        const uint64_t rowGroups = (uint64_t(range.rows) + rowsPerWorkgroup - 1) / rowsPerWorkgroup;
        recorder.dispatch(m.kernels.matMul, {workgroup, rowsPerWorkgroup}, {bindingOf(w, range), x, y},
                          MatMulPush{range.rows, w.cols, m.rowBytes, shape.nTokens, shape.xFirstRow,
                                     shape.outOffset + range.firstRow, outStride},
                          linearGroups(context, rowGroups * tiles));
    }
}

void recordGetRows(CommandRecorder& recorder, const Context& context, const WeightMatrix& table,
                   const BufferRange& ids, uint32_t count, const BufferRange& out, VkDeviceSize maxBindingBytes)
{
    if (count == 0)
        return;
    const PreparedMatrix m = prepare(context, table, maxBindingBytes);
    AGORA_VK_REQUIRE(ids.size >= uint64_t(count) * sizeof(uint32_t), "get-rows ids shorter than count");
    AGORA_VK_REQUIRE(out.size >= uint64_t(count) * table.cols * sizeof(float), "get-rows output too short");
    const uint32_t workgroup = rowWorkgroupSize(context);
    const uint64_t items = uint64_t(count) * ((table.cols + 31) / 32);
    for (const RowRange& range : m.ranges) {
        recorder.dispatch(m.kernels.getRows, {workgroup, table.rowInterleave}, {bindingOf(table, range), ids, out},
                          GetRowsPush{count, table.cols, m.rowBytes, range.firstRow, range.rows},
                          linearGroups(context, (items + workgroup - 1) / workgroup));
    }
}

} // namespace agora::vk
