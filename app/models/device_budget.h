// Which device a model would run on and how much memory it may use there, from the bridge's last
// device scan. Pure functions, so the fit badges are tested from a JSON device fixture.
#pragma once

#include "bridge/device_record.h"

#include <QString>

namespace agora::app {

struct DeviceBudget {
    bool known = false;       // false: no scan yet, or the choice names no usable device
    QString deviceName;       // for "too big for <device>"
    qint64 budgetBytes = 0;   // what a model may use there (catalog/model_fit.h's rule)
};

// The device the engine would pick for `choice` (as the engine's selectDevice reads it: empty is
// the default device, digits an index, anything else a case-insensitive part of the name).
const DeviceRecord* chosenDevice(const DeviceScan& scan, const QString& choice);

DeviceBudget deviceBudget(const DeviceScan& scan, const QString& choice, qint64 systemRamBytes);

} // namespace agora::app
