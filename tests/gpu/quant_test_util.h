// Helpers shared by the tests of the quantized product kernels (test_vk_quant_kernels,
// test_vk_texel_products): every weight type, device buffers from host bytes, reading results
// back, and the float64 reference dot products with their tolerance.
#pragma once

#include "core/tensor_type.h"
#include "vk/buffer.h"

#include <QtTest>

#include <cmath>
#include <memory>
#include <span>
#include <vector>

namespace agora::gputest {

// Every weight type the engine runs, in the order the tests report them.
inline constexpr TensorType kAllWeightTypes[] = {
    TensorType::F32,  TensorType::F16,  TensorType::BF16, TensorType::Q8_0, TensorType::Q4_0,
    TensorType::Q4_1, TensorType::Q5_0, TensorType::Q5_1, TensorType::Q2_K, TensorType::Q3_K,
    TensorType::Q4_K, TensorType::Q5_K, TensorType::Q6_K, TensorType::IQ4_NL, TensorType::IQ4_XS};

inline vk::Buffer deviceBytes(const std::shared_ptr<vk::Context>& context, std::span<const std::byte> bytes)
{
    auto buffer = vk::Buffer::create(context, bytes.size(), vk::MemoryUse::DeviceLocal).value();
    if (auto up = vk::upload(*context, buffer, 0, bytes); !up)
        qFatal("upload: %s", up.error().message.c_str());
    return buffer;
}

inline std::vector<float> readBack(vk::Context& context, const vk::Buffer& buffer, size_t floats)
{
    std::vector<float> out(floats);
    if (auto down = vk::downloadFloats(context, buffer, out); !down)
        qFatal("download: %s", down.error().message.c_str());
    return out;
}

// Row-major `values` (rows x cols) times x in float64, with the tolerance float32 accumulation
// deserves: 1e-6 * sqrt(cols) * sum |w*x| per row.
inline void referenceDotProducts(std::span<const float> values, uint32_t rows, uint32_t cols,
                                 std::span<const float> x, std::vector<float>& expected, std::vector<float>& tolerance)
{
    expected.assign(rows, 0);
    tolerance.assign(rows, 0);
    for (uint32_t r = 0; r < rows; ++r) {
        double sum = 0, magnitude = 0;
        for (uint32_t c = 0; c < cols; ++c) {
            const double p = double(values[size_t(r) * cols + c]) * x[c];
            sum += p;
            magnitude += std::fabs(p);
        }
        expected[r] = float(sum);
        tolerance[r] = float(1e-6 * std::sqrt(double(cols)) * magnitude + 1e-6);
    }
}

} // namespace agora::gputest
