// agora-cli devices [--json]: the device table.
#include "cli.h"

#include "agora/engine.h"

#include <iomanip>
#include <iostream>
#include <sstream>

namespace agora::cli {
namespace {

std::string mib(uint64_t bytes)
{
    std::ostringstream s;
    s << (bytes >> 20) << " MiB";
    return s.str();
}

void printJson(const std::vector<DeviceInfo>& devices, std::optional<uint32_t> chosen)
{
    auto b = [](bool v) { return v ? "true" : "false"; };
    std::cout << "{\"default\": " << (chosen ? std::to_string(*chosen) : "null") << ", \"devices\": [";
    for (size_t i = 0; i < devices.size(); ++i) {
        const DeviceInfo& d = devices[i];
        std::cout << (i ? ", " : "") << "\n  {"
                  << "\"index\": " << d.index << ", \"name\": \"" << jsonEscape(d.name) << "\""
                  << ", \"vendor\": \"" << jsonEscape(d.vendor) << "\""
                  << ", \"vendor_id\": " << d.vendorId << ", \"device_id\": " << d.deviceId
                  << ", \"type\": \"" << deviceTypeName(d.type) << "\""
                  << ", \"driver\": \"" << jsonEscape(d.driverName) << "\""
                  << ", \"driver_info\": \"" << jsonEscape(d.driverInfo) << "\""
                  << ", \"api_version\": \"" << d.apiVersion << "\""
                  << ", \"device_local_bytes\": " << d.deviceLocalBytes
                  << ", \"subgroup_size\": " << d.subgroupSize
                  << ", \"max_storage_buffer_range\": " << d.maxStorageBufferRange
                  << ", \"max_allocation_bytes\": " << d.maxMemoryAllocationSize
                  << ", \"shared_memory_bytes\": " << d.sharedMemoryBytes
                  << ", \"max_workgroup_invocations\": " << d.maxWorkgroupInvocations
                  << ", \"fp16\": " << b(d.fp16) << ", \"int8\": " << b(d.int8)
                  << ", \"storage_16bit\": " << b(d.storage16bit) << ", \"storage_8bit\": " << b(d.storage8bit)
                  << ", \"integer_dot_product\": " << b(d.integerDotProduct)
                  << ", \"cooperative_matrix\": " << b(d.cooperativeMatrix)
                  << ", \"timestamps\": " << b(d.timestampQueries)
                  << ", \"usable\": " << b(d.usable)
                  << ", \"unusable_reason\": \"" << jsonEscape(d.unusableReason) << "\"}";
    }
    std::cout << "\n]}\n";
}

void printTable(const std::vector<DeviceInfo>& devices, std::optional<uint32_t> chosen)
{
    for (const DeviceInfo& d : devices) {
        bool isDefault = chosen && *chosen == d.index;
        std::cout << (isDefault ? "* " : "  ") << d.index << ": " << d.name << " (" << deviceTypeName(d.type)
                  << ", " << d.vendor << ")\n"
                  << "      driver " << d.driverName << " " << d.driverInfo << ", Vulkan " << d.apiVersion << "\n"
                  << "      memory " << mib(d.deviceLocalBytes) << ", max buffer range " << mib(d.maxStorageBufferRange)
                  << ", max allocation " << mib(d.maxMemoryAllocationSize) << "\n"
                  << "      subgroup " << d.subgroupSize << ", shared memory " << d.sharedMemoryBytes / 1024
                  << " KiB, workgroup " << d.maxWorkgroupInvocations << "\n"
                  << "      fp16 " << (d.fp16 ? "yes" : "no") << ", int8 " << (d.int8 ? "yes" : "no")
                  << ", 16-bit storage " << (d.storage16bit ? "yes" : "no")
                  << ", 8-bit storage " << (d.storage8bit ? "yes" : "no")
                  << ", integer dot " << (d.integerDotProduct ? "yes" : "no")
                  << ", cooperative matrix " << (d.cooperativeMatrix ? "yes" : "no") << "\n";
        if (!d.usable)
            std::cout << "      unusable: " << d.unusableReason << "\n";
    }
}

} // namespace

int cmdDevices(const std::vector<std::string>& argv)
{
    Args args(argv, {"json"});
    if (auto bad = args.unknown({"json"}); !bad.empty())
        return usageError("devices: unknown option --" + bad.front());
    auto devices = listDevices();
    if (!devices)
        return failure(devices.error().message);
    auto chosen = defaultDeviceIndex(*devices);
    if (args.flag("json"))
        printJson(*devices, chosen);
    else
        printTable(*devices, chosen);
    return 0;
}

} // namespace agora::cli
