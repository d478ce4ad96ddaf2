#include "vk/instance.h"

#include "core/log.h"
#include "vk/vk_error.h"
#include "vk/vk_struct.h"

#include <cstdlib>
#include <cstring>
#include <string>

namespace agora::vk {
namespace {

constexpr const char* kValidationLayer = "VK_LAYER_KHRONOS_validation";

bool validationRequested()
{
    const char* env = std::getenv("AGORA_VK_VALIDATE");
    return env && std::strcmp(env, "1") == 0;
}

bool hasLayer(const char* name)
{
    uint32_t count = 0;
    if (vkEnumerateInstanceLayerProperties(&count, nullptr) != VK_SUCCESS)
        return false;
    std::vector<VkLayerProperties> layers(count);
    if (vkEnumerateInstanceLayerProperties(&count, layers.data()) != VK_SUCCESS)
        return false;
    for (const VkLayerProperties& layer : layers) {
        if (std::strcmp(layer.layerName, name) == 0)
            return true;
    }
    return false;
}

VKAPI_ATTR VkBool32 VKAPI_CALL onValidationMessage(VkDebugUtilsMessageSeverityFlagBitsEXT severity,
                                                   VkDebugUtilsMessageTypeFlagsEXT,
                                                   const VkDebugUtilsMessengerCallbackDataEXT* data, void*)
{
    auto logger = log::get("engine.vk");
    if (severity & VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT)
        logger->error("validation: {}", data->pMessage);
    else
        logger->warn("validation: {}", data->pMessage);
    return VK_FALSE;
}

} // namespace

Result<std::shared_ptr<Instance>> Instance::create()
{
    auto logger = log::get("engine.vk");
    uint32_t loaderVersion = VK_API_VERSION_1_0;
    if (vkEnumerateInstanceVersion(&loaderVersion) != VK_SUCCESS)
        loaderVersion = VK_API_VERSION_1_0;

    auto app = vkStruct<VkApplicationInfo>(VK_STRUCTURE_TYPE_APPLICATION_INFO);
    app.pApplicationName = "Agora";
    app.pEngineName = "agora-engine";
    // We need 1.2 features; asking for 1.3 lets 1.3 devices expose theirs. A 1.0 loader would
    // reject anything above 1.0, and such a machine has no usable device anyway.
    app.apiVersion = loaderVersion >= VK_API_VERSION_1_3 ? VK_API_VERSION_1_3
                     : loaderVersion >= VK_API_VERSION_1_2 ? VK_API_VERSION_1_2
                                                           : VK_API_VERSION_1_0;

    std::vector<const char*> layers;
    std::vector<const char*> extensions;
    bool validate = validationRequested();
    if (validate) {
        if (hasLayer(kValidationLayer)) {
            layers.push_back(kValidationLayer);
            extensions.push_back(VK_EXT_DEBUG_UTILS_EXTENSION_NAME);
        } else {
            logger->warn("AGORA_VK_VALIDATE=1 but {} is not installed; continuing without it", kValidationLayer);
            validate = false;
        }
    }

    auto info = vkStruct<VkInstanceCreateInfo>(VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO);
    info.pApplicationInfo = &app;
    info.enabledLayerCount = static_cast<uint32_t>(layers.size());
    info.ppEnabledLayerNames = layers.data();
    info.enabledExtensionCount = static_cast<uint32_t>(extensions.size());
    info.ppEnabledExtensionNames = extensions.data();

    std::shared_ptr<Instance> instance(new Instance());
    instance->m_apiVersion = app.apiVersion;
    VkResult result = vkCreateInstance(&info, nullptr, &instance->m_instance);
    if (result != VK_SUCCESS) {
        instance->m_instance = VK_NULL_HANDLE;
        return makeError(ErrorCode::NoDevice,
                         std::string("no Vulkan driver could be started (vkCreateInstance: ") + resultName(result)
                             + "); install your GPU's Vulkan driver, or mesa-vulkan-drivers for the CPU driver");
    }

    if (validate) {
        auto createMessenger = reinterpret_cast<PFN_vkCreateDebugUtilsMessengerEXT>(
            vkGetInstanceProcAddr(instance->m_instance, "vkCreateDebugUtilsMessengerEXT"));
        if (createMessenger) {
            auto messenger = vkStruct<VkDebugUtilsMessengerCreateInfoEXT>(VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT);
            messenger.messageSeverity =
                VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
            messenger.messageType = VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT
                                    | VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT
                                    | VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT;
            messenger.pfnUserCallback = onValidationMessage;
            createMessenger(instance->m_instance, &messenger, nullptr, &instance->m_messenger);
        }
        logger->info("Vulkan validation layer enabled");
    }

    uint32_t count = 0;
    result = vkEnumeratePhysicalDevices(instance->m_instance, &count, nullptr);
    if (result == VK_SUCCESS && count > 0) {
        instance->m_physicalDevices.resize(count);
        result = vkEnumeratePhysicalDevices(instance->m_instance, &count, instance->m_physicalDevices.data());
        instance->m_physicalDevices.resize(count);
    }
    if ((result != VK_SUCCESS && result != VK_INCOMPLETE) || instance->m_physicalDevices.empty()) {
        return makeError(ErrorCode::NoDevice,
                         "no Vulkan device found: the Vulkan loader works but no driver reports a device; "
                         "install your GPU's Vulkan driver, or mesa-vulkan-drivers for the CPU driver (lavapipe)");
    }
    return instance;
}

Instance::~Instance()
{
    if (m_messenger != VK_NULL_HANDLE) {
        auto destroyMessenger = reinterpret_cast<PFN_vkDestroyDebugUtilsMessengerEXT>(
            vkGetInstanceProcAddr(m_instance, "vkDestroyDebugUtilsMessengerEXT"));
        if (destroyMessenger)
            destroyMessenger(m_instance, m_messenger, nullptr);
    }
    if (m_instance != VK_NULL_HANDLE)
        vkDestroyInstance(m_instance, nullptr);
}

} // namespace agora::vk
