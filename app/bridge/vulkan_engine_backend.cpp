#include "bridge/vulkan_engine_backend.h"

#include "agora/engine.h"

namespace agora::app {
namespace {

QString fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

DeviceRecord toRecord(const DeviceInfo& info)
{
    DeviceRecord record;
    record.index = static_cast<int>(info.index);
    record.name = fromStd(info.name);
    record.vendor = fromStd(info.vendor);
    record.type = QLatin1String(deviceTypeName(info.type));
    record.driver = (fromStd(info.driverName) + u' ' + fromStd(info.driverInfo)).trimmed();
    record.apiVersion = fromStd(info.apiVersion);
    record.memoryBytes = static_cast<qint64>(info.deviceLocalBytes);
    record.subgroupSize = static_cast<int>(info.subgroupSize);
    record.maxStorageBufferRange = static_cast<qint64>(info.maxStorageBufferRange);
    record.sharedMemoryBytes = static_cast<int>(info.sharedMemoryBytes);
    const std::pair<bool, const char*> flags[] = {
        {info.fp16, DeviceFeature::Fp16},
        {info.int8, DeviceFeature::Int8},
        {info.storage16bit, DeviceFeature::Storage16},
        {info.storage8bit, DeviceFeature::Storage8},
        {info.integerDotProduct, DeviceFeature::IntegerDot},
        {info.cooperativeMatrix, DeviceFeature::CooperativeMatrix},
        {info.timestampQueries, DeviceFeature::Timestamps},
    };
    for (const auto& [present, feature] : flags) {
        if (present)
            record.features << QLatin1String(feature);
    }
    record.usable = info.usable;
    record.unusableReason = fromStd(info.unusableReason);
    return record;
}

} // namespace

DeviceScan VulkanEngineBackend::scanDevices()
{
    DeviceScan scan;
    Result<std::vector<DeviceInfo>> devices = listDevices();
    if (!devices) {
        scan.error = fromStd(devices.error().message);
        return scan;
    }
    for (const DeviceInfo& info : *devices)
        scan.devices << toRecord(info);
    if (std::optional<uint32_t> chosen = defaultDeviceIndex(*devices))
        scan.defaultIndex = static_cast<int>(*chosen);
    return scan;
}

} // namespace agora::app
