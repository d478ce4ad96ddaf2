// Host side of the kernels that read weights in their GGUF type: the matrix-vector product
// (decode: one token's projections and logits), the batched matrix product (prompt processing)
// and the embedding lookup (get rows), for every type in shaders/quant_kernels.cmake. Both split a matrix larger than maxStorageBufferRange
// into several bindings by rows, so a 128k-vocabulary embedding or output matrix works on
// devices with 128 MiB ranges (lavapipe).
#pragma once

#include "core/tensor_type.h"
#include "vk/buffer.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace agora::vk {

class CommandRecorder;
class Context;

// A weight matrix in device memory, stored in its GGUF type: `rows` rows of `cols` weights,
// row-major, each row rowBytes(type, cols) bytes, starting at data.offset (which must be a
// multiple of the device's minStorageBufferOffsetAlignment). Kernels read 32-bit words, so
// data.size should include up to 3 bytes of padding past the last row when rows*rowBytes is not
// a multiple of 4 (allocate tensors rounded up to 4 bytes).
struct WeightMatrix {
    BufferRange data;
    TensorType type = TensorType::F32;
    uint32_t rows = 0;
    uint32_t cols = 0;
    // Bytes from one row to the next: 0 means packed (rowBytes(type, cols)); more leaves padding
    // after each row. rowStride(context, ...) says what suits the device's kernels best.
    uint32_t rowStride = 0;
    // 1: rows one after another. I > 1 (a power of two, with rowStride a multiple of 16): rows
    // in groups of I interleaved texel by texel, texel t of row r at texel
    // ((r / I) * rowStride / 16 + t) * I + r % I, the last group whole (data holds
    // ceil(rows / I) * I rows); only the texel kernels and get-rows read it
    // (preferredRowInterleave, shaders/common/row_interleave.glsl).
    uint32_t rowInterleave = 1;
};

// The bytes a matrix's rows occupy: its row count rounded up to whole interleaved groups, times
// the stride.
uint64_t matrixBytes(uint32_t rows, uint64_t rowStride, uint32_t rowInterleave);

// Lays out packed rows (packedRow bytes each, as in a GGUF file) as a WeightMatrix with rowStride
// `stride` and rowInterleave `interleave` stores them: `out` receives whole groups of
// `interleave` rows starting at row firstRow (a multiple of interleave), padding and the rows
// past `rows` (the matrix's count) zero. `source` points at row firstRow.
void layOutRows(const std::byte* source, uint64_t firstRow, uint64_t rows, uint64_t packedRow, uint64_t stride,
                uint32_t interleave, std::span<std::byte> out);

// True when the GPU has matvec and get-rows kernels for the type.
bool hasQuantKernels(TensorType type);

// One binding's worth of rows of a matrix.
struct RowRange {
    uint32_t firstRow = 0;
    uint32_t rows = 0;
    VkDeviceSize offset = 0; // absolute offset in the buffer
    VkDeviceSize bytes = 0;  // rows * rowBytes (interleaved rows: whole groups)
};

// Splits `rows` rows of `rowBytes` bytes starting at `offset` into ranges of at most `maxBytes`
// bytes each, every range starting at a multiple of `alignment`. Empty when even one row does
// not fit in `maxBytes`.
std::vector<RowRange> splitRows(uint32_t rows, uint64_t rowBytes, VkDeviceSize offset, VkDeviceSize maxBytes,
                                VkDeviceSize alignment);

// How the matrix products map rows to invocations. RowPerSubgroup (matvec_quant.comp,
// matmul_quant.comp): lanes of a subgroup read neighbouring blocks of one row, coalesced on GPUs.
// RowPerInvocation (matvec_rows.comp, matmul_rows.comp): every invocation owns a row, so all
// reads of x are the same across a subgroup, which CPU drivers (lavapipe) do as one scalar load
// instead of one load per lane. Auto picks RowPerInvocation on CPU devices, RowPerSubgroup
// elsewhere; the environment variable AGORA_VK_PRODUCT_LAYOUT=subgroup|rows overrides Auto (for
// benchmarks). Tests force each layout so both are checked on any device.
enum class ProductLayout { Auto, RowPerSubgroup, RowPerInvocation };

// The layout Auto resolves to on this device.
ProductLayout resolveLayout(const Context& context, ProductLayout requested);

// The row stride to upload a `type` matrix of `cols` columns with (WeightMatrix::rowStride):
// on devices that run the row-per-invocation layout, rows padded to whole 16-byte texels, so the
// matrix-vector product can read them through texel buffers (matvec_texel.comp), which llvmpipe
// loads several times faster than storage buffers; elsewhere the packed row size. 0 when the
// type has no kernels or the row is not whole blocks. AGORA_VK_TEXEL_PRODUCTS=off in the
// environment keeps rows packed (the storage-buffer kernels then run: for A/B benchmarks).
uint64_t preferredRowStride(const Context& context, TensorType type, uint32_t cols);

// The row interleave to upload a `type` matrix of `cols` columns with (WeightMatrix::rowInterleave):
// on devices that run the row-per-invocation layout with texel reads, the SIMD width (the
// subgroup size) for the types whose texel products take a row per lane (Q8_0, Q5_0, Q4_K,
// Q6_K), so that the lanes of a SIMD group read neighbouring texels and a group's rows stream
// forward (on lavapipe the Q5_0 products of a decoded token went from 37 to 23 ms:
// bench/README.md); 1 elsewhere. AGORA_VK_ROW_INTERLEAVE=off (or AGORA_VK_TEXEL_PRODUCTS=off) in the
// environment keeps 1 (A/B).
uint32_t preferredRowInterleave(const Context& context, TensorType type, uint32_t cols);

// True when recordMatVec in the row-per-invocation layout reads `w` and `x` through texel
// buffers (matvec_texel.comp): rows padded to whole 16-byte texels (rowStride), both ranges at
// offsets texel views may start at. Otherwise it reads them as storage buffers (matvec_rows.comp).
bool texelProductApplies(const Context& context, const WeightMatrix& w, const BufferRange& x);

// y[r] = dot(w[r, :], x) for r in [0, w.rows). x holds w.cols floats, y w.rows floats.
// `maxBindingBytes` (0: the device's maxStorageBufferRange) exists so tests can force splits.
void recordMatVec(CommandRecorder& recorder, const Context& context, const WeightMatrix& w, const BufferRange& x,
                  const BufferRange& y, VkDeviceSize maxBindingBytes = 0, ProductLayout layout = ProductLayout::Auto);

// y[r] = dot(w[r, :], x) + addend[r] in one dispatch (addend may be y itself: y += W x), where
// the product reads through texel buffers (texelProductApplies on a row-per-invocation device).
// Returns false, recording nothing, elsewhere: the caller then adds separately.
bool recordMatVecAdd(CommandRecorder& recorder, const Context& context, const WeightMatrix& w, const BufferRange& x,
                     const BufferRange& y, const BufferRange& addend, VkDeviceSize maxBindingBytes = 0);

// The activation of a gated feed-forward (the values are matvec_texel.comp's GATE).
enum class Gate : uint32_t { None = 0, Silu = 1, Gelu = 2 };
// w holds the gate rows then as many up rows: y[r] = act(gate_r . x) * (up_r . x) for r below
// w.rows / 2, in one dispatch (matvec_texel.comp GATE), with x as floats or, packedX, packed like
// recordMatVecPacked's. Returns false, recording nothing, where that kernel does not apply (not a
// two-rows-per-lane type, not texel reads, the halves not in one binding).
bool recordMatVecGated(CommandRecorder& recorder, const Context& context, const WeightMatrix& w, const BufferRange& x,
                       const BufferRange& y, Gate gate, bool packedX, VkDeviceSize maxBindingBytes = 0);

// The integer product (matvec_texel.comp INT_DOT): x as Q8_0 codes packed by the model layer's
// packing kernel (round_activations.comp PACK_Q8_0: packedVectorBytes(cols) bytes), the sums formed
// in integers like llama.cpp's. Applies to Q5_0 and Q8_0 rows of whole pairs of blocks and Q4_K /
// Q6_K rows of whole super-blocks (x still in blocks of 32, where llama.cpp's Q8_K has 256) read
// through texel buffers; AGORA_VK_INT_DOT=off in the environment turns it off (A/B benchmarks).
bool packedProductApplies(const Context& context, const WeightMatrix& w);
uint64_t packedVectorBytes(uint32_t cols);
// y = W x (+ addend when not null; it may be y) from the packed x; requires packedProductApplies.
void recordMatVecPacked(CommandRecorder& recorder, const Context& context, const WeightMatrix& w,
                        const BufferRange& packedX, const BufferRange& y, const BufferRange* addend,
                        VkDeviceSize maxBindingBytes = 0);

struct MatMulShape;
// recordMatMul from x packed per token row (rows packedVectorBytes(cols) apart): the integer
// product for a batch; requires packedProductApplies and Q5_0 or Q8_0 weights.
void recordMatMulPacked(CommandRecorder& recorder, const Context& context, const WeightMatrix& w,
                        const BufferRange& packedX, const BufferRange& y, const MatMulShape& shape,
                        VkDeviceSize maxBindingBytes = 0);

// The batch of a prompt: y[t * outStride + outOffset + r] = dot(w[r, :], x[xFirstRow + t, :])
// for t in [0, nTokens); x rows hold w.cols floats.
struct MatMulShape {
    uint32_t nTokens = 1;
    uint32_t xFirstRow = 0; // first row of x used (e.g. only the last token for the logits)
    uint32_t outOffset = 0; // where row 0 of w lands within a row of y
    uint32_t outStride = 0; // floats per row of y (0: w.rows)
};
void recordMatMul(CommandRecorder& recorder, const Context& context, const WeightMatrix& w, const BufferRange& x,
                  const BufferRange& y, const MatMulShape& shape, VkDeviceSize maxBindingBytes = 0,
                  ProductLayout layout = ProductLayout::Auto);

// out[i, :] = dequantize(table[ids[i], :]) for i in [0, count); ids are uint32 row indices
// (the caller guarantees they are < table.rows), out holds count * table.cols floats.
void recordGetRows(CommandRecorder& recorder, const Context& context, const WeightMatrix& table,
                   const BufferRange& ids, uint32_t count, const BufferRange& out, VkDeviceSize maxBindingBytes = 0);

} // namespace agora::vk
