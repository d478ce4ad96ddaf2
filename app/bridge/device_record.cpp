#include "bridge/device_record.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace agora::app {

DeviceRecord deviceRecordFromJson(const QJsonObject& object)
{
    DeviceRecord record;
    record.index = object.value(u"index").toInt(-1);
    record.name = object.value(u"name").toString();
    record.vendor = object.value(u"vendor").toString();
    record.type = object.value(u"type").toString(QStringLiteral("other"));
    record.driver = (object.value(u"driver").toString() + u' ' + object.value(u"driver_info").toString()).trimmed();
    record.apiVersion = object.value(u"api_version").toString();
    record.memoryBytes = object.value(u"device_local_bytes").toInteger();
    record.subgroupSize = object.value(u"subgroup_size").toInt();
    record.maxStorageBufferRange = object.value(u"max_storage_buffer_range").toInteger();
    record.sharedMemoryBytes = object.value(u"shared_memory_bytes").toInt();
    const std::pair<const char*, const char*> flags[] = {
        {"fp16", DeviceFeature::Fp16},
        {"int8", DeviceFeature::Int8},
        {"storage_16bit", DeviceFeature::Storage16},
        {"storage_8bit", DeviceFeature::Storage8},
        {"integer_dot_product", DeviceFeature::IntegerDot},
        {"cooperative_matrix", DeviceFeature::CooperativeMatrix},
        {"timestamps", DeviceFeature::Timestamps},
    };
    for (const auto& [jsonKey, feature] : flags) {
        if (object.value(QLatin1String(jsonKey)).toBool())
            record.features << QLatin1String(feature);
    }
    record.usable = object.value(u"usable").toBool();
    record.unusableReason = object.value(u"unusable_reason").toString();
    return record;
}

DeviceScan deviceScanFromJson(const QByteArray& json)
{
    DeviceScan scan;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        scan.error = QStringLiteral("device list is not valid JSON: %1 at offset %2")
                         .arg(parseError.errorString())
                         .arg(parseError.offset);
        return scan;
    }
    const QJsonObject root = doc.object();
    if (!root.value(u"devices").isArray()) {
        scan.error = QStringLiteral("device list has no \"devices\" array");
        return scan;
    }
    for (const QJsonValue& value : root.value(u"devices").toArray())
        scan.devices << deviceRecordFromJson(value.toObject());
    scan.defaultIndex = root.value(u"default").toInt(-1);
    scan.error = root.value(u"error").toString();
    return scan;
}

} // namespace agora::app
