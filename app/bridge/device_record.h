// What the GUI knows about one Vulkan device, in Qt types. Filled by an EngineBackend (the real
// one copies agora::DeviceInfo; test fakes read JSON in the `agora-cli devices --json` format).
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

class QJsonObject;

namespace agora::app {

struct DeviceRecord {
    int index = -1;            // position in the Vulkan enumeration
    QString name;
    QString vendor;
    QString type;              // discrete, integrated, virtual, cpu, other (engine's names)
    QString driver;            // driver name and version info
    QString apiVersion;        // "1.3.230"
    qint64 memoryBytes = 0;    // device-local memory
    int subgroupSize = 0;
    qint64 maxStorageBufferRange = 0;
    int sharedMemoryBytes = 0;
    QStringList features;      // stable keys, see DeviceFeature below; shown translated by the model
    bool usable = false;
    QString unusableReason;    // the engine's reason (English, from the driver's world)
};

// Feature keys as they travel from the backend to the view-model.
namespace DeviceFeature {
inline constexpr auto Fp16 = "fp16";
inline constexpr auto Int8 = "int8";
inline constexpr auto Storage16 = "storage16";
inline constexpr auto Storage8 = "storage8";
inline constexpr auto IntegerDot = "integer-dot";
inline constexpr auto CooperativeMatrix = "cooperative-matrix";
inline constexpr auto Timestamps = "timestamps";
} // namespace DeviceFeature

// The result of one enumeration. `error` is set (and `devices` usually empty) when the engine
// could not enumerate at all, e.g. no Vulkan loader or driver on this machine.
struct DeviceScan {
    QList<DeviceRecord> devices;
    int defaultIndex = -1;     // DeviceRecord::index of the default choice, -1 if none is usable
    QString error;
};

// Reads the JSON that `agora-cli devices --json` prints: {"default": n|null, "devices": [...]}.
// Returns a scan whose `error` explains what is wrong when the JSON does not have that shape.
DeviceScan deviceScanFromJson(const QByteArray& json);
DeviceRecord deviceRecordFromJson(const QJsonObject& object);

} // namespace agora::app

Q_DECLARE_METATYPE(agora::app::DeviceScan)
