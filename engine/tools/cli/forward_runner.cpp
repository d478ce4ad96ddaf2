#include "forward_runner.h"

#include "model/cpu_forward.h"
#include "model/gpu_forward.h"
#include "model/model.h"
#include "vk/context.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace agora::cli {

LoadedForward::LoadedForward() = default;
LoadedForward::~LoadedForward()
{
    forward.reset(); // device buffers go before the context they came from
    context.reset();
}
LoadedForward::LoadedForward(LoadedForward&&) noexcept = default;

namespace {

Result<std::shared_ptr<vk::Context>> openDevice(const std::optional<std::string>& wanted)
{
    if (!wanted)
        return vk::Context::createDefault();
    auto devices = listDevices();
    if (!devices)
        return devices.error();
    char* end = nullptr;
    const unsigned long index = std::strtoul(wanted->c_str(), &end, 10);
    const bool isIndex = !wanted->empty() && *end == '\0';
    for (const DeviceInfo& d : *devices) {
        if ((isIndex && d.index == index) || (!isIndex && d.name.find(*wanted) != std::string::npos))
            return vk::Context::create(d.index);
    }
    return makeError(ErrorCode::InvalidArgument,
                     "no Vulkan device matches --device " + *wanted + " (see 'agora-cli devices')");
}

} // namespace

Result<LoadedForward> loadForward(const ForwardRequest& request)
{
    const auto start = std::chrono::steady_clock::now();
    LoadedForward loaded;
    auto model = model::Model::open(request.modelPath);
    if (!model)
        return model.error();
    loaded.model = std::move(*model);
    if (request.cpu) {
        loaded.deviceName = "CPU (reference)";
        loaded.forward = std::make_unique<model::CpuForward>(*loaded.model, request.nCtx);
    } else {
        auto context = openDevice(request.device);
        if (!context)
            return context.error();
        loaded.context = *context;
        loaded.deviceName = loaded.context->info().name;
        model::GpuForwardOptions options;
        options.nCtx = request.nCtx;
        options.maxBatch = request.maxBatch;
        // AGORA_VK_FUSE_DECODE=off: a decoded token's products one by one (before/after
        // measurements, as AGORA_VK_INT_DOT=off for the integer products).
        const char* fuse = std::getenv("AGORA_VK_FUSE_DECODE");
        options.fuseDecodeProducts = !(fuse && std::string_view(fuse) == "off");
        if (request.showProgress) {
            options.progress = [last = -1](uint64_t done, uint64_t total) mutable {
                const int percent = total ? int(done * 100 / total) : 100;
                if (percent / 10 != last / 10 || percent == 100) {
                    std::fprintf(stderr, "\ruploading weights: %3d%%", percent);
                    if (percent == 100)
                        std::fprintf(stderr, "\n");
                    last = percent;
                }
            };
        }
        auto forward = model::GpuForward::create(*loaded.model, loaded.context, options);
        if (!forward)
            return forward.error();
        loaded.deviceBytes = (*forward)->deviceBytes();
        loaded.forward = std::move(*forward);
    }
    loaded.loadSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return loaded;
}

} // namespace agora::cli
