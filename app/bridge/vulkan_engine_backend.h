// The real EngineBackend: asks the Agora engine (Vulkan) for its devices.
#pragma once

#include "bridge/engine_backend.h"

namespace agora::app {

class VulkanEngineBackend final : public EngineBackend {
public:
    DeviceScan scanDevices() override;
};

} // namespace agora::app
