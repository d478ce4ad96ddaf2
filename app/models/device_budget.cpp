#include "models/device_budget.h"

#include "catalog/model_fit.h"

namespace agora::app {

const DeviceRecord* chosenDevice(const DeviceScan& scan, const QString& choice)
{
    const QString wanted = choice.trimmed();
    bool isIndex = false;
    const int index = wanted.toInt(&isIndex);
    const int lookFor = wanted.isEmpty() ? scan.defaultIndex : (isIndex ? index : -1);
    for (const DeviceRecord& device : scan.devices) {
        if (lookFor >= 0 ? device.index == lookFor : (!wanted.isEmpty() && device.name.contains(wanted, Qt::CaseInsensitive)))
            return &device;
    }
    return nullptr;
}

DeviceBudget deviceBudget(const DeviceScan& scan, const QString& choice, qint64 systemRamBytes)
{
    const DeviceRecord* device = chosenDevice(scan, choice);
    if (!device)
        return {};
    return {true, device->name, memoryBudgetBytes(device->type, device->memoryBytes, device->usable, systemRamBytes)};
}

} // namespace agora::app
