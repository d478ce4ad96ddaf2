#include "catalog/catalog_list_model.h"

#include "catalog/model_fit.h"

#include <QFile>
#include <QLocale>
#include <QUrl>

namespace agora::app {

CatalogListModel::CatalogListModel(QObject* parent) : QAbstractListModel(parent), m_systemMemoryBytes(systemMemoryBytes())
{
    reload();
}

int CatalogListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QString CatalogListModel::fitText(const QString& fitKey)
{
    if (fitKey == u"fits")
        return tr("Fits this computer");
    if (fitKey == u"tight")
        return tr("Fits, but tightly");
    return tr("Too large for this computer");
}

QString CatalogListModel::regionText(const QString& region)
{
    if (region == u"Europe")
        return tr("Europe");
    if (region == u"North America")
        return tr("North America");
    if (region == u"China")
        return tr("China");
    if (region == u"Asia")
        return tr("Asia");
    return tr("Other");
}

QVariant CatalogListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CatalogEntry& entry = m_entries.at(index.row());
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
    case DisplayNameRole: return entry.displayName;
    case IdRole: return entry.id;
    case PublisherRole: return entry.publisher;
    case CountryRole: return entry.country;
    case RegionRole: return entry.region;
    case RegionTextRole: return regionText(entry.region);
    case LicenseRole: return entry.licenseId;
    case ArchitectureRole: return entry.architecture;
    case ParametersTextRole:
        //: parameter count of a model in billions, e.g. "1.5 B"
        return tr("%1 B").arg(locale.toString(double(entry.parameterCount) / 1e9, 'f', 1));
    case QuantizationRole: return entry.quantization;
    case FileSizeBytesRole: return entry.fileSizeBytes;
    case FileSizeTextRole: return locale.formattedDataSize(entry.fileSizeBytes, 1, QLocale::DataSizeSIFormat);
    case MinMemoryTextRole: return locale.formattedDataSize(entry.minMemoryBytes, 1, QLocale::DataSizeTraditionalFormat);
    case LanguagesRole: return entry.languages;
    case DescriptionRole: return entry.description;
    case SupportedRole: return entry.supported;
    case FitRole: return memoryFitKey(memoryFit(entry.minMemoryBytes, budgetBytes()));
    case FitTextRole: return fitText(memoryFitKey(memoryFit(entry.minMemoryBytes, budgetBytes())));
    case RecommendedRole: return index.row() == recommendedRow();
    default: return {};
    }
}

QHash<int, QByteArray> CatalogListModel::roleNames() const
{
    return {
        {IdRole, "modelId"}, {DisplayNameRole, "displayName"}, {PublisherRole, "publisher"},
        {CountryRole, "country"}, {RegionRole, "region"}, {RegionTextRole, "regionText"},
        {LicenseRole, "license"}, {ArchitectureRole, "architecture"}, {ParametersTextRole, "parametersText"},
        {QuantizationRole, "quantization"}, {FileSizeBytesRole, "fileSizeBytes"}, {FileSizeTextRole, "fileSizeText"},
        {MinMemoryTextRole, "minMemoryText"}, {LanguagesRole, "languages"}, {DescriptionRole, "description"},
        {SupportedRole, "supported"}, {FitRole, "fit"}, {FitTextRole, "fitText"}, {RecommendedRole, "recommended"},
    };
}

void CatalogListModel::setSource(const QString& source)
{
    if (source == m_source)
        return;
    m_source = source;
    reload();
}

void CatalogListModel::reload()
{
    CatalogParse parse;
    if (m_source.isEmpty()) {
        parse = loadBuiltInCatalog();
    } else {
        QFile file(m_source.startsWith(u"file:") ? QUrl(m_source).toLocalFile() : m_source);
        if (file.open(QIODevice::ReadOnly))
            parse = parseCatalog(file.readAll());
        else
            parse.errors << tr("Cannot read the model catalog %1: %2").arg(file.fileName(), file.errorString());
    }
    beginResetModel();
    m_entries = parse.ok() ? parse.catalog.entries : QList<CatalogEntry>();
    m_errorText = parse.errors.join(u'\n');
    endResetModel();
    emit catalogChanged();
    emit budgetChanged();
}

void CatalogListModel::setDeviceType(const QString& type)
{
    if (type != m_deviceType) {
        m_deviceType = type;
        budgetUpdated();
    }
}

void CatalogListModel::setDeviceMemoryBytes(qint64 bytes)
{
    if (bytes != m_deviceMemoryBytes) {
        m_deviceMemoryBytes = bytes;
        budgetUpdated();
    }
}

void CatalogListModel::setDeviceUsable(bool usable)
{
    if (usable != m_deviceUsable) {
        m_deviceUsable = usable;
        budgetUpdated();
    }
}

void CatalogListModel::setSystemMemoryBytes(qint64 bytes)
{
    if (bytes != m_systemMemoryBytes) {
        m_systemMemoryBytes = bytes;
        budgetUpdated();
    }
}

void CatalogListModel::budgetUpdated()
{
    emit budgetChanged();
    if (!m_entries.isEmpty())
        emit dataChanged(index(0), index(rowCount() - 1), {FitRole, FitTextRole, RecommendedRole});
}

qint64 CatalogListModel::budgetBytes() const
{
    return memoryBudgetBytes(m_deviceType, m_deviceMemoryBytes, m_deviceUsable, m_systemMemoryBytes);
}

int CatalogListModel::recommendedRow() const
{
    return recommendedEntryIndex(m_entries, budgetBytes(), recommendationParameterCap(m_deviceType));
}

QVariantMap CatalogListModel::get(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    QVariantMap map;
    const QHash<int, QByteArray> roles = roleNames();
    for (auto it = roles.cbegin(); it != roles.cend(); ++it)
        map.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    const CatalogEntry& entry = m_entries.at(row);
    map.insert(QStringLiteral("url"), entry.url);
    map.insert(QStringLiteral("fileName"), entry.fileName);
    map.insert(QStringLiteral("huggingFaceRepo"), entry.huggingFaceRepo);
    map.insert(QStringLiteral("sha256"), entry.sha256);
    return map;
}

} // namespace agora::app
