// The devices the engine found, one row each, for the welcome page and (later) the settings'
// GPU choice. Fed by an EngineBridge; every text a user reads is translated here or in QML.
#pragma once

#include "bridge/device_record.h"
#include "bridge/engine_bridge.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace agora::app {

class DeviceListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(agora::app::EngineBridge* bridge READ bridge WRITE setBridge NOTIFY bridgeChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool scanning READ scanning NOTIFY scanningChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    Q_PROPERTY(int usableCount READ usableCount NOTIFY countChanged)

public:
    enum Role {
        IndexRole = Qt::UserRole + 1,
        NameRole,
        VendorRole,
        TypeRole,           // engine key: discrete, integrated, virtual, cpu, other
        TypeTextRole,       // translated
        DriverRole,
        ApiVersionRole,
        MemoryBytesRole,
        MemoryTextRole,     // localized size
        SubgroupSizeRole,
        StorageBufferRangeTextRole,
        SharedMemoryTextRole,
        FeatureKeysRole,    // QStringList of stable keys
        FeatureTextsRole,   // QStringList, translated
        UsableRole,
        UnusableReasonRole,
        IsDefaultRole,
    };
    Q_ENUM(Role)

    explicit DeviceListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    EngineBridge* bridge() const { return m_bridge; }
    void setBridge(EngineBridge* bridge);
    bool scanning() const;
    QString errorText() const { return m_errorText; }
    int usableCount() const;

    // Replaces the rows with a scan's devices (also what the bridge's signal ends up calling).
    void setScan(const DeviceScan& scan);

    // Translated display names, shared with the tests.
    static QString typeText(const QString& typeKey);
    static QString featureText(const QString& featureKey);

signals:
    void bridgeChanged();
    void countChanged();
    void scanningChanged();
    void errorTextChanged();

private:
    QPointer<EngineBridge> m_bridge;
    QList<DeviceRecord> m_devices;
    int m_defaultIndex = -1;
    QString m_errorText;
};

} // namespace agora::app
