// Compute pipelines built from the embedded SPIR-V, one per (kernel, specialization constants),
// created on first use and kept for the context's lifetime. Each pipeline's layout follows the
// kernel's declared interface (shaders/CMakeLists.txt): N buffer bindings in set 0 (storage
// buffers, or uniform or storage texel buffers) and a push-constant block of the declared size.
#pragma once

#include "agora/engine.h"
#include "agora_shaders/kernels.h"

#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <utility>
#include <vector>

#include <vulkan/vulkan.h>

namespace agora::vk {

class Context;

// A manifest binding letter ('r', 'w', 't', 'i', 'I': shaders/CMakeLists.txt) as a descriptor type,
// and whether the binding is a texel buffer view or is written by the kernel.
VkDescriptorType descriptorTypeOf(char bindingAccess);
bool isTexelBinding(char bindingAccess);
bool isWrittenBinding(char bindingAccess);

struct Pipeline {
    const shaders::KernelInfo* kernel = nullptr;
    VkPipeline pipeline = VK_NULL_HANDLE;
    VkPipelineLayout layout = VK_NULL_HANDLE;
    VkDescriptorSetLayout setLayout = VK_NULL_HANDLE;
};

class PipelineCache {
public:
    explicit PipelineCache(Context& context);
    ~PipelineCache();
    PipelineCache(const PipelineCache&) = delete;
    PipelineCache& operator=(const PipelineCache&) = delete;

    // `specs` are the values of specialization constants 0..n-1 (n as the manifest declares;
    // a different count is a programmer error). The pointer stays valid for the cache's lifetime.
    Result<const Pipeline*> get(shaders::KernelId kernel, std::span<const uint32_t> specs);

    size_t size() const;

private:
    Result<std::unique_ptr<Pipeline>> build(shaders::KernelId kernel, std::span<const uint32_t> specs);

    Context& m_context;
    VkPipelineCache m_driverCache = VK_NULL_HANDLE;
    mutable std::mutex m_mutex;
    std::map<std::pair<uint32_t, std::vector<uint32_t>>, std::unique_ptr<Pipeline>> m_pipelines;
};

} // namespace agora::vk
