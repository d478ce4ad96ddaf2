// quantizeRow: validates the request and the values, then dispatches to the per-format
// quantizer.
#include "tensor/quant.h"
#include "tensor/quantize_internal.h"

#include <cmath>
#include <cstring>
#include <string>

namespace agora::tensor {

namespace {

using BlockQuantizer = void (*)(const float*, uint8_t*, size_t);

BlockQuantizer blockQuantizerFor(TensorType type)
{
    switch (type) {
    case TensorType::Q8_0: return detail::quantizeQ8_0;
    case TensorType::Q4_0: return detail::quantizeQ4_0;
    case TensorType::Q4_1: return detail::quantizeQ4_1;
    case TensorType::Q5_0: return detail::quantizeQ5_0;
    case TensorType::Q5_1: return detail::quantizeQ5_1;
    case TensorType::Q2_K: return detail::quantizeQ2_K;
    case TensorType::Q3_K: return detail::quantizeQ3_K;
    case TensorType::Q4_K: return detail::quantizeQ4_K;
    case TensorType::Q5_K: return detail::quantizeQ5_K;
    case TensorType::Q6_K: return detail::quantizeQ6_K;
    case TensorType::IQ4_NL: return detail::quantizeIQ4_NL;
    case TensorType::IQ4_XS: return detail::quantizeIQ4_XS;
    default: return nullptr;
    }
}

bool isPlainFloat(TensorType type)
{
    return type == TensorType::F32 || type == TensorType::F16 || type == TensorType::BF16;
}

void storeU16(uint8_t* bytes, size_t i, uint16_t v) { std::memcpy(bytes + 2 * i, &v, sizeof v); }

// Block formats keep their scales in fp16, so they hold at most |x| <= 65504.
constexpr float kBlockValueLimit = 65504.0f;

} // namespace

bool canQuantize(TensorType type) { return isPlainFloat(type) || blockQuantizerFor(type) != nullptr; }

Result<void> quantizeRow(TensorType type, const float* src, void* dst, size_t n)
{
    if (!canQuantize(type))
        return makeError(ErrorCode::Unsupported, "unsupported quantization " + std::string(tensorTypeName(type)));
    const auto& traits = traitsOf(type);
    if (n % traits.blockElements != 0)
        return makeError(ErrorCode::InvalidArgument,
                         "cannot quantize " + std::to_string(n) + " elements to " + std::string(traits.name)
                             + ": not a multiple of its block size " + std::to_string(traits.blockElements));
    if (n == 0)
        return {};
    if (src == nullptr || dst == nullptr)
        return makeError(ErrorCode::InvalidArgument, "quantizeRow: null source or destination");

    auto* bytes = static_cast<uint8_t*>(dst);
    switch (type) {
    case TensorType::F32:
        std::memcpy(bytes, src, n * sizeof(float));
        return {};
    case TensorType::F16:
        for (size_t i = 0; i < n; ++i)
            storeU16(bytes, i, fp32ToFp16(src[i]));
        return {};
    case TensorType::BF16:
        for (size_t i = 0; i < n; ++i)
            storeU16(bytes, i, fp32ToBf16(src[i]));
        return {};
    default:
        break;
    }
    for (size_t i = 0; i < n; ++i) {
        if (!std::isfinite(src[i]) || std::fabs(src[i]) > kBlockValueLimit)
            return makeError(ErrorCode::InvalidArgument,
                             "cannot quantize to " + std::string(traits.name) + ": value " + std::to_string(src[i])
                                 + " at index " + std::to_string(i) + " is not finite or exceeds 65504");
    }
    blockQuantizerFor(type)(src, bytes, n / traits.blockElements);
    return {};
}

} // namespace agora::tensor
