// The seam between the GUI and the engine. EngineBridge calls it on its worker thread, never on
// the GUI thread; the real implementation (VulkanEngineBackend) is the only code that talks to
// agora/engine.h, and tests inject fakes through this interface.
#pragma once

#include "bridge/device_record.h"

namespace agora::app {

class EngineBackend {
public:
    virtual ~EngineBackend() = default;

    // Enumerates the devices. May take a while (driver start-up); runs off the GUI thread.
    virtual DeviceScan scanDevices() = 0;
};

} // namespace agora::app
