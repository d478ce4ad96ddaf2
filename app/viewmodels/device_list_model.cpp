#include "viewmodels/device_list_model.h"

#include <QLocale>

namespace agora::app {

DeviceListModel::DeviceListModel(QObject* parent) : QAbstractListModel(parent) {}

int DeviceListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_devices.size());
}

QVariant DeviceListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_devices.size())
        return {};
    const DeviceRecord& d = m_devices.at(index.row());
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return d.name;
    case IndexRole: return d.index;
    case VendorRole: return d.vendor;
    case TypeRole: return d.type;
    case TypeTextRole: return typeText(d.type);
    case DriverRole: return d.driver;
    case ApiVersionRole: return d.apiVersion;
    case MemoryBytesRole: return d.memoryBytes;
    case MemoryTextRole: return locale.formattedDataSize(d.memoryBytes, 1, QLocale::DataSizeTraditionalFormat);
    case SubgroupSizeRole: return d.subgroupSize;
    case StorageBufferRangeTextRole:
        return locale.formattedDataSize(d.maxStorageBufferRange, 0, QLocale::DataSizeTraditionalFormat);
    case SharedMemoryTextRole:
        return locale.formattedDataSize(d.sharedMemoryBytes, 0, QLocale::DataSizeTraditionalFormat);
    case FeatureKeysRole: return d.features;
    case FeatureTextsRole: {
        QStringList texts;
        for (const QString& key : d.features)
            texts << featureText(key);
        return texts;
    }
    case UsableRole: return d.usable;
    case UnusableReasonRole: return d.unusableReason;
    case IsDefaultRole: return d.index == m_defaultIndex && d.usable;
    default: return {};
    }
}

QHash<int, QByteArray> DeviceListModel::roleNames() const
{
    return {
        {IndexRole, "deviceIndex"},
        {NameRole, "name"},
        {VendorRole, "vendor"},
        {TypeRole, "type"},
        {TypeTextRole, "typeText"},
        {DriverRole, "driver"},
        {ApiVersionRole, "apiVersion"},
        {MemoryBytesRole, "memoryBytes"},
        {MemoryTextRole, "memoryText"},
        {SubgroupSizeRole, "subgroupSize"},
        {StorageBufferRangeTextRole, "storageBufferRangeText"},
        {SharedMemoryTextRole, "sharedMemoryText"},
        {FeatureKeysRole, "featureKeys"},
        {FeatureTextsRole, "featureTexts"},
        {UsableRole, "usable"},
        {UnusableReasonRole, "unusableReason"},
        {IsDefaultRole, "isDefault"},
    };
}

void DeviceListModel::setBridge(EngineBridge* bridge)
{
    if (m_bridge == bridge)
        return;
    if (m_bridge)
        disconnect(m_bridge, nullptr, this, nullptr);
    m_bridge = bridge;
    if (bridge) {
        connect(bridge, &EngineBridge::devicesScanned, this, &DeviceListModel::setScan);
        connect(bridge, &EngineBridge::scanningChanged, this, &DeviceListModel::scanningChanged);
        if (bridge->hasScan())
            setScan(bridge->lastScan());
    }
    emit bridgeChanged();
    emit scanningChanged();
}

bool DeviceListModel::scanning() const
{
    const EngineBridge* bridge = m_bridge.data();
    return bridge != nullptr && bridge->scanning();
}

int DeviceListModel::usableCount() const
{
    return static_cast<int>(std::count_if(m_devices.cbegin(), m_devices.cend(),
                                          [](const DeviceRecord& d) { return d.usable; }));
}

void DeviceListModel::setScan(const DeviceScan& scan)
{
    beginResetModel();
    m_devices = scan.devices;
    m_defaultIndex = scan.defaultIndex;
    endResetModel();
    emit countChanged();
    if (m_errorText != scan.error) {
        m_errorText = scan.error;
        emit errorTextChanged();
    }
}

QString DeviceListModel::typeText(const QString& typeKey)
{
    if (typeKey == u"discrete")
        return tr("Dedicated graphics card");
    if (typeKey == u"integrated")
        return tr("Integrated graphics");
    if (typeKey == u"virtual")
        return tr("Virtual graphics device");
    if (typeKey == u"cpu")
        return tr("Software renderer on the processor");
    return tr("Other device");
}

QString DeviceListModel::featureText(const QString& featureKey)
{
    if (featureKey == QLatin1String(DeviceFeature::Fp16))
        return tr("16-bit floats");
    if (featureKey == QLatin1String(DeviceFeature::Int8))
        return tr("8-bit integers");
    if (featureKey == QLatin1String(DeviceFeature::Storage16))
        return tr("16-bit storage");
    if (featureKey == QLatin1String(DeviceFeature::Storage8))
        return tr("8-bit storage");
    if (featureKey == QLatin1String(DeviceFeature::IntegerDot))
        return tr("Integer dot product");
    if (featureKey == QLatin1String(DeviceFeature::CooperativeMatrix))
        return tr("Cooperative matrix");
    if (featureKey == QLatin1String(DeviceFeature::Timestamps))
        return tr("Timestamps");
    return featureKey;
}

} // namespace agora::app
