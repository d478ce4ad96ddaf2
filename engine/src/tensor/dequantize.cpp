// dequantizeRow: validates the request and dispatches to the per-format dequantizer.
#include "tensor/dequantize_internal.h"
#include "tensor/quant.h"

#include <cstring>
#include <string>

namespace agora::tensor {

namespace {

using BlockDequantizer = void (*)(const uint8_t*, float*, size_t);

BlockDequantizer blockDequantizerFor(TensorType type)
{
    switch (type) {
    case TensorType::Q8_0: return detail::dequantizeQ8_0;
    case TensorType::Q4_0: return detail::dequantizeQ4_0;
    case TensorType::Q4_1: return detail::dequantizeQ4_1;
    case TensorType::Q5_0: return detail::dequantizeQ5_0;
    case TensorType::Q5_1: return detail::dequantizeQ5_1;
    case TensorType::Q2_K: return detail::dequantizeQ2_K;
    case TensorType::Q3_K: return detail::dequantizeQ3_K;
    case TensorType::Q4_K: return detail::dequantizeQ4_K;
    case TensorType::Q5_K: return detail::dequantizeQ5_K;
    case TensorType::Q6_K: return detail::dequantizeQ6_K;
    case TensorType::IQ4_NL: return detail::dequantizeIQ4_NL;
    case TensorType::IQ4_XS: return detail::dequantizeIQ4_XS;
    default: return nullptr;
    }
}

bool isPlainFloat(TensorType type)
{
    return type == TensorType::F32 || type == TensorType::F16 || type == TensorType::BF16;
}

// Reads the i-th 16-bit little-endian word at any alignment.
uint16_t loadU16(const uint8_t* bytes, size_t i)
{
    uint16_t v = 0;
    std::memcpy(&v, bytes + 2 * i, sizeof v);
    return v;
}

} // namespace

bool canDequantize(TensorType type) { return isPlainFloat(type) || blockDequantizerFor(type) != nullptr; }

Result<void> dequantizeRow(TensorType type, const void* src, float* dst, size_t n)
{
    if (!canDequantize(type))
        return makeError(ErrorCode::Unsupported, "unsupported quantization " + std::string(tensorTypeName(type)));
    const auto& traits = traitsOf(type);
    if (n % traits.blockElements != 0)
        return makeError(ErrorCode::InvalidArgument,
                         "cannot dequantize " + std::to_string(n) + " elements of " + std::string(traits.name)
                             + ": not a multiple of its block size " + std::to_string(traits.blockElements));
    if (n == 0)
        return {};
    if (src == nullptr || dst == nullptr)
        return makeError(ErrorCode::InvalidArgument, "dequantizeRow: null source or destination");

    const auto* bytes = static_cast<const uint8_t*>(src);
    switch (type) {
    case TensorType::F32:
        std::memcpy(dst, bytes, n * sizeof(float));
        return {};
    case TensorType::F16:
        for (size_t i = 0; i < n; ++i)
            dst[i] = fp16ToFp32(loadU16(bytes, i));
        return {};
    case TensorType::BF16:
        for (size_t i = 0; i < n; ++i)
            dst[i] = bf16ToFp32(loadU16(bytes, i));
        return {};
    default:
        blockDequantizerFor(type)(bytes, dst, n / traits.blockElements);
        return {};
    }
}

} // namespace agora::tensor
