// The public device functions of agora/engine.h: listing, the default choice, the user's choice.
#include "agora/engine.h"

#include "core/log.h"
#include "vk/device_query.h"
#include "vk/instance.h"

#include <algorithm>
#include <cctype>

namespace agora {
namespace {

int typeRank(DeviceType type)
{
    switch (type) {
    case DeviceType::Discrete: return 0;
    case DeviceType::Integrated: return 1;
    case DeviceType::Virtual: return 2;
    case DeviceType::Cpu: return 3;
    default: return 4;
    }
}

std::string lowercase(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

} // namespace

const char* deviceTypeName(DeviceType type)
{
    switch (type) {
    case DeviceType::Discrete: return "discrete";
    case DeviceType::Integrated: return "integrated";
    case DeviceType::Virtual: return "virtual";
    case DeviceType::Cpu: return "cpu";
    default: return "other";
    }
}

Result<std::vector<DeviceInfo>> listDevices()
{
    auto instance = vk::Instance::create();
    if (!instance)
        return instance.error();
    std::vector<DeviceInfo> devices;
    const auto& physical = (*instance)->physicalDevices();
    for (uint32_t i = 0; i < physical.size(); ++i)
        devices.push_back(vk::queryDevice(physical[i], i).info);
    return devices;
}

std::optional<uint32_t> defaultDeviceIndex(const std::vector<DeviceInfo>& devices)
{
    std::optional<uint32_t> best;
    int bestRank = 1000;
    for (const DeviceInfo& d : devices) {
        // Ties keep the first in enumeration order; among equal types the larger memory wins.
        int rank = typeRank(d.type);
        if (!d.usable)
            continue;
        if (!best || rank < bestRank
            || (rank == bestRank && d.deviceLocalBytes > devices[*best].deviceLocalBytes)) {
            best = static_cast<uint32_t>(&d - devices.data());
            bestRank = rank;
        }
    }
    if (best)
        return devices[*best].index;
    return std::nullopt;
}

Result<uint32_t> selectDevice(const std::vector<DeviceInfo>& devices, const std::string& choice)
{
    if (devices.empty())
        return makeError(ErrorCode::NoDevice, "no Vulkan device found");
    if (choice.empty()) {
        if (auto index = defaultDeviceIndex(devices))
            return *index;
        std::string reasons;
        for (const DeviceInfo& d : devices)
            reasons += "\n  " + d.name + ": " + d.unusableReason;
        return makeError(ErrorCode::NoDevice, "no usable Vulkan device:" + reasons);
    }
    const bool numeric = std::all_of(choice.begin(), choice.end(), [](unsigned char c) { return std::isdigit(c); });
    const DeviceInfo* found = nullptr;
    if (numeric) {
        unsigned long index = std::stoul(choice.size() > 9 ? std::string("999999999") : choice);
        for (const DeviceInfo& d : devices) {
            if (d.index == index)
                found = &d;
        }
        if (!found)
            return makeError(ErrorCode::InvalidArgument, "there is no device " + choice + " (there are "
                                                             + std::to_string(devices.size())
                                                             + "; see 'agora-cli devices')");
    } else {
        const std::string wanted = lowercase(choice);
        for (const DeviceInfo& d : devices) {
            if (lowercase(d.name).find(wanted) == std::string::npos)
                continue;
            if (found)
                return makeError(ErrorCode::InvalidArgument, "'" + choice + "' matches both '" + found->name
                                                                 + "' and '" + d.name + "'; use the device index");
            found = &d;
        }
        if (!found)
            return makeError(ErrorCode::InvalidArgument,
                             "no device name contains '" + choice + "' (see 'agora-cli devices')");
    }
    if (!found->usable)
        return makeError(ErrorCode::Unsupported, "device " + std::to_string(found->index) + " (" + found->name
                                                     + ") cannot run Agora: " + found->unusableReason);
    return found->index;
}

} // namespace agora
