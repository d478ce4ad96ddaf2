#include "vk/pipeline_cache.h"

#include "core/log.h"
#include "vk/context.h"
#include "vk/vk_error.h"
#include "vk/vk_struct.h"

#include <string>

namespace agora::vk {

VkDescriptorType descriptorTypeOf(char bindingAccess)
{
    switch (bindingAccess) {
    case 't':
        return VK_DESCRIPTOR_TYPE_UNIFORM_TEXEL_BUFFER;
    case 'i':
    case 'I':
        return VK_DESCRIPTOR_TYPE_STORAGE_TEXEL_BUFFER;
    default:
        return VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
    }
}

bool isTexelBinding(char bindingAccess) { return bindingAccess == 't' || bindingAccess == 'i' || bindingAccess == 'I'; }

bool isWrittenBinding(char bindingAccess) { return bindingAccess == 'w' || bindingAccess == 'I'; }

PipelineCache::PipelineCache(Context& context)
    : m_context(context)
{
    auto info = vkStruct<VkPipelineCacheCreateInfo>(VK_STRUCTURE_TYPE_PIPELINE_CACHE_CREATE_INFO);
    if (vkCreatePipelineCache(context.device(), &info, nullptr, &m_driverCache) != VK_SUCCESS)
        m_driverCache = VK_NULL_HANDLE; // only an optimization: pipelines still build without it
}

PipelineCache::~PipelineCache()
{
    VkDevice device = m_context.device();
    for (auto& [key, p] : m_pipelines) {
        vkDestroyPipeline(device, p->pipeline, nullptr);
        vkDestroyPipelineLayout(device, p->layout, nullptr);
        vkDestroyDescriptorSetLayout(device, p->setLayout, nullptr);
    }
    if (m_driverCache != VK_NULL_HANDLE)
        vkDestroyPipelineCache(device, m_driverCache, nullptr);
}

size_t PipelineCache::size() const
{
    std::lock_guard lock(m_mutex);
    return m_pipelines.size();
}

Result<const Pipeline*> PipelineCache::get(shaders::KernelId kernel, std::span<const uint32_t> specs)
{
    const shaders::KernelInfo& info = shaders::kernelInfo(kernel);
    AGORA_VK_REQUIRE(specs.size() == info.specializationCount,
                     std::string(info.name) + " declares " + std::to_string(info.specializationCount)
                         + " specialization constants but " + std::to_string(specs.size()) + " were given");
    std::lock_guard lock(m_mutex);
    auto key = std::make_pair(static_cast<uint32_t>(kernel), std::vector<uint32_t>(specs.begin(), specs.end()));
    if (auto it = m_pipelines.find(key); it != m_pipelines.end())
        return static_cast<const Pipeline*>(it->second.get());
    auto built = build(kernel, specs);
    if (!built)
        return built.error();
    const Pipeline* pipeline = built->get();
    m_pipelines.emplace(std::move(key), std::move(*built));
    return pipeline;
}

Result<std::unique_ptr<Pipeline>> PipelineCache::build(shaders::KernelId kernel, std::span<const uint32_t> specs)
{
    VkDevice device = m_context.device();
    const shaders::KernelInfo& info = shaders::kernelInfo(kernel);
    const std::string what = "building the " + std::string(info.name) + " pipeline";
    auto p = std::make_unique<Pipeline>();
    p->kernel = &info;

    // Destroys whatever was created so far when a later step fails.
    struct Cleanup {
        VkDevice device;
        Pipeline* p;
        VkShaderModule module = VK_NULL_HANDLE;
        bool keep = false;
        ~Cleanup()
        {
            if (module != VK_NULL_HANDLE)
                vkDestroyShaderModule(device, module, nullptr);
            if (keep)
                return;
            if (p->layout != VK_NULL_HANDLE)
                vkDestroyPipelineLayout(device, p->layout, nullptr);
            if (p->setLayout != VK_NULL_HANDLE)
                vkDestroyDescriptorSetLayout(device, p->setLayout, nullptr);
        }
    } cleanup{device, p.get()};

    std::vector<VkDescriptorSetLayoutBinding> bindings(info.bindingCount);
    for (uint32_t b = 0; b < info.bindingCount; ++b) {
        bindings[b].binding = b;
        bindings[b].descriptorType = descriptorTypeOf(info.bindingAccess[b]);
        bindings[b].descriptorCount = 1;
        bindings[b].stageFlags = VK_SHADER_STAGE_COMPUTE_BIT;
    }
    auto setInfo = vkStruct<VkDescriptorSetLayoutCreateInfo>(VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO);
    setInfo.bindingCount = info.bindingCount;
    setInfo.pBindings = bindings.data();
    if (VkResult r = vkCreateDescriptorSetLayout(device, &setInfo, nullptr, &p->setLayout); r != VK_SUCCESS)
        return vulkanError(r, what);

    VkPushConstantRange push{VK_SHADER_STAGE_COMPUTE_BIT, 0, info.pushConstantBytes};
    auto layoutInfo = vkStruct<VkPipelineLayoutCreateInfo>(VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO);
    layoutInfo.setLayoutCount = 1;
    layoutInfo.pSetLayouts = &p->setLayout;
    layoutInfo.pushConstantRangeCount = info.pushConstantBytes > 0 ? 1 : 0;
    layoutInfo.pPushConstantRanges = &push;
    if (VkResult r = vkCreatePipelineLayout(device, &layoutInfo, nullptr, &p->layout); r != VK_SUCCESS)
        return vulkanError(r, what);

    std::span<const uint32_t> spirv = shaders::kernelSpirv(kernel);
    auto moduleInfo = vkStruct<VkShaderModuleCreateInfo>(VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO);
    moduleInfo.codeSize = spirv.size_bytes();
    moduleInfo.pCode = spirv.data();
    if (VkResult r = vkCreateShaderModule(device, &moduleInfo, nullptr, &cleanup.module); r != VK_SUCCESS)
        return vulkanError(r, what);

    std::vector<VkSpecializationMapEntry> entries(specs.size());
    for (uint32_t i = 0; i < specs.size(); ++i)
        entries[i] = VkSpecializationMapEntry{i, i * static_cast<uint32_t>(sizeof(uint32_t)), sizeof(uint32_t)};
    VkSpecializationInfo specInfo{};
    specInfo.mapEntryCount = static_cast<uint32_t>(entries.size());
    specInfo.pMapEntries = entries.data();
    specInfo.dataSize = specs.size_bytes();
    specInfo.pData = specs.data();

    auto pipelineInfo = vkStruct<VkComputePipelineCreateInfo>(VK_STRUCTURE_TYPE_COMPUTE_PIPELINE_CREATE_INFO);
    pipelineInfo.stage.sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO;
    pipelineInfo.stage.stage = VK_SHADER_STAGE_COMPUTE_BIT;
    pipelineInfo.stage.module = cleanup.module;
    pipelineInfo.stage.pName = "main";
    pipelineInfo.stage.pSpecializationInfo = specs.empty() ? nullptr : &specInfo;
    pipelineInfo.layout = p->layout;
    if (VkResult r = vkCreateComputePipelines(device, m_driverCache, 1, &pipelineInfo, nullptr, &p->pipeline);
        r != VK_SUCCESS)
        return vulkanError(r, what);
    cleanup.keep = true;
    log::get("engine.vk")->debug("built pipeline {} ({} specialization constants)", info.name, specs.size());
    return p;
}

} // namespace agora::vk
