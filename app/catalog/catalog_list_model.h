// The catalog for QML: one row per model with what the first-run page and the catalog view show,
// each with its memory verdict for the selected device ("fits", "tight", "no"), and the one model
// recommended for this computer.
#pragma once

#include "catalog/catalog.h"

#include <QAbstractListModel>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace agora::app {

class CatalogListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    // Empty: the catalog built into the app. A file path: that catalog (tests use a fake one).
    Q_PROPERTY(QString source READ source WRITE setSource NOTIFY catalogChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY catalogChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY catalogChanged)
    // The selected device, as DeviceListModel gives it (type key, device-local bytes, usable).
    Q_PROPERTY(QString deviceType MEMBER m_deviceType WRITE setDeviceType NOTIFY budgetChanged)
    Q_PROPERTY(qint64 deviceMemoryBytes MEMBER m_deviceMemoryBytes WRITE setDeviceMemoryBytes NOTIFY budgetChanged)
    Q_PROPERTY(bool deviceUsable MEMBER m_deviceUsable WRITE setDeviceUsable NOTIFY budgetChanged)
    // Detected from /proc/meminfo; settable for tests.
    Q_PROPERTY(qint64 systemMemoryBytes MEMBER m_systemMemoryBytes WRITE setSystemMemoryBytes NOTIFY budgetChanged)
    Q_PROPERTY(qint64 budgetBytes READ budgetBytes NOTIFY budgetChanged)
    Q_PROPERTY(int recommendedRow READ recommendedRow NOTIFY budgetChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        DisplayNameRole,
        PublisherRole,
        CountryRole,
        RegionRole,
        RegionTextRole,     // translated
        LicenseRole,
        ArchitectureRole,
        ParametersTextRole, // "1.2 B"
        QuantizationRole,
        FileSizeBytesRole,
        FileSizeTextRole,
        MinMemoryTextRole,
        LanguagesRole,
        DescriptionRole,
        SupportedRole,
        FitRole,            // "fits", "tight", "no"
        FitTextRole,        // translated
        RecommendedRole,
    };
    Q_ENUM(Role)

    explicit CatalogListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString source() const { return m_source; }
    void setSource(const QString& source);
    QString errorText() const { return m_errorText; }
    void setDeviceType(const QString& type);
    void setDeviceMemoryBytes(qint64 bytes);
    void setDeviceUsable(bool usable);
    void setSystemMemoryBytes(qint64 bytes);
    qint64 budgetBytes() const;
    int recommendedRow() const;

    // Everything about one row, by role name, plus url, fileName, huggingFaceRepo and sha256
    // (what ModelDownload::start needs). Empty for a row out of range.
    Q_INVOKABLE QVariantMap get(int row) const;

    static QString fitText(const QString& fitKey);
    static QString regionText(const QString& region);

signals:
    void catalogChanged();
    void budgetChanged();

private:
    void reload();
    void budgetUpdated();

    QString m_source;
    QString m_errorText;
    QList<CatalogEntry> m_entries;
    QString m_deviceType;
    qint64 m_deviceMemoryBytes = 0;
    bool m_deviceUsable = false;
    qint64 m_systemMemoryBytes = 0;
};

} // namespace agora::app
