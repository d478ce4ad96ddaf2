#include "catalog/catalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace agora::app {
namespace {

// Collects problems for one entry, prefixed with where they are, so a maintainer can fix them
// all in one pass.
class EntryReader {
public:
    EntryReader(const QJsonObject& object, QString where, QStringList& errors)
        : m_object(object), m_where(std::move(where)), m_errors(errors) {}

    QString string(QStringView key, const QJsonObject* from = nullptr)
    {
        const QJsonValue value = (from ? *from : m_object).value(key);
        if (!value.isString() || value.toString().trimmed().isEmpty()) {
            fail(key, QStringLiteral("must be a non-empty string"));
            return {};
        }
        return value.toString();
    }

    qint64 positiveInteger(QStringView key)
    {
        const QJsonValue value = m_object.value(key);
        // JSON numbers are doubles; sizes up to 2^53 are exact, far beyond any model file.
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number <= 0 || number != static_cast<double>(static_cast<qint64>(number))) {
            fail(key, QStringLiteral("must be a positive integer"));
            return 0;
        }
        return static_cast<qint64>(number);
    }

    QJsonObject object(QStringView key)
    {
        const QJsonValue value = m_object.value(key);
        if (!value.isObject()) {
            fail(key, QStringLiteral("must be an object"));
            return {};
        }
        return value.toObject();
    }

    void fail(QStringView key, const QString& what) { m_errors << QStringLiteral("%1: %2 %3").arg(m_where, key, what); }

private:
    QJsonObject m_object;
    QString m_where;
    QStringList& m_errors;
};

const QSet<QString>& knownRegions()
{
    static const QSet<QString> regions{QStringLiteral("Europe"), QStringLiteral("North America"),
                                       QStringLiteral("China"), QStringLiteral("Asia"), QStringLiteral("Other")};
    return regions;
}

CatalogEntry readEntry(const QJsonObject& object, int index, QStringList& errors)
{
    const QString provisionalId = object.value(u"id").toString();
    EntryReader reader(object, QStringLiteral("models[%1] (%2)").arg(index).arg(provisionalId.isEmpty() ? QStringLiteral("no id") : provisionalId), errors);
    CatalogEntry entry;
    entry.id = reader.string(u"id");
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9][a-z0-9.-]*$"));
    if (!entry.id.isEmpty() && !idPattern.match(entry.id).hasMatch())
        reader.fail(u"id", QStringLiteral("must use only a-z, 0-9, '.' and '-'"));
    entry.displayName = reader.string(u"displayName");
    entry.publisher = reader.string(u"publisher");

    const QJsonObject origin = reader.object(u"origin");
    entry.country = reader.string(u"country", &origin);
    static const QRegularExpression countryPattern(QStringLiteral("^[A-Z]{2}$"));
    if (!entry.country.isEmpty() && !countryPattern.match(entry.country).hasMatch())
        reader.fail(u"origin.country", QStringLiteral("must be an ISO 3166-1 alpha-2 code"));
    entry.region = reader.string(u"region", &origin);
    if (!entry.region.isEmpty() && !knownRegions().contains(entry.region))
        reader.fail(u"origin.region", QStringLiteral("must be Europe, North America, China, Asia or Other"));

    const QJsonObject license = reader.object(u"license");
    entry.licenseId = reader.string(u"id", &license);
    entry.licenseUrl = reader.string(u"url", &license);
    if (!entry.licenseUrl.isEmpty() && !entry.licenseUrl.startsWith(u"https://"))
        reader.fail(u"license.url", QStringLiteral("must be an https:// link"));

    entry.architecture = reader.string(u"architecture");
    entry.parameterCount = reader.positiveInteger(u"parameterCount");
    entry.quantization = reader.string(u"quantization");
    entry.huggingFaceRepo = reader.string(u"huggingFaceRepo");
    static const QRegularExpression repoPattern(QStringLiteral("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$"));
    if (!entry.huggingFaceRepo.isEmpty() && !repoPattern.match(entry.huggingFaceRepo).hasMatch())
        reader.fail(u"huggingFaceRepo", QStringLiteral("must be owner/name"));
    entry.fileName = reader.string(u"fileName");
    if (!entry.fileName.isEmpty() && (entry.fileName.contains(u'/') || !entry.fileName.endsWith(u".gguf")))
        reader.fail(u"fileName", QStringLiteral("must be a .gguf file name without '/'"));
    entry.url = reader.string(u"url");
    const QString expectedUrl = QStringLiteral("https://huggingface.co/%1/resolve/main/%2").arg(entry.huggingFaceRepo, entry.fileName);
    if (!entry.url.isEmpty() && entry.url != expectedUrl)
        reader.fail(u"url", QStringLiteral("must be %1").arg(expectedUrl));
    entry.fileSizeBytes = reader.positiveInteger(u"fileSizeBytes");

    const QJsonValue sha = object.value(u"sha256");
    static const QRegularExpression shaPattern(QStringLiteral("^[0-9a-f]{64}$"));
    if (sha.isString() && shaPattern.match(sha.toString()).hasMatch())
        entry.sha256 = sha.toString();
    else if (!sha.isNull())
        reader.fail(u"sha256", QStringLiteral("must be null or 64 lower-case hex digits"));

    entry.minMemoryBytes = reader.positiveInteger(u"minMemoryBytes");
    if (entry.minMemoryBytes > 0 && entry.fileSizeBytes > 0 && entry.minMemoryBytes < entry.fileSizeBytes)
        reader.fail(u"minMemoryBytes", QStringLiteral("must be at least fileSizeBytes"));

    const QJsonValue languages = object.value(u"languages");
    static const QRegularExpression languagePattern(QStringLiteral("^[a-z]{2}$"));
    for (const QJsonValue& language : languages.toArray()) {
        if (!language.isString() || !languagePattern.match(language.toString()).hasMatch())
            reader.fail(u"languages", QStringLiteral("must hold ISO 639-1 codes"));
        else
            entry.languages << language.toString();
    }
    if (!languages.isArray() || entry.languages.isEmpty())
        reader.fail(u"languages", QStringLiteral("must be a non-empty array"));

    entry.description = reader.string(u"description");
    if (entry.description.size() >= 140 || entry.description.contains(u'\n'))
        reader.fail(u"description", QStringLiteral("must be one line under 140 characters"));

    const QJsonValue reasoning = object.value(u"reasoning");
    if (!reasoning.isUndefined() && !reasoning.isBool())
        reader.fail(u"reasoning", QStringLiteral("must be true or false when present"));
    entry.reasoning = reasoning.toBool(false);

    const QString status = reader.string(u"status");
    if (!status.isEmpty() && status != u"supported" && status != u"coming-soon")
        reader.fail(u"status", QStringLiteral("must be \"supported\" or \"coming-soon\""));
    entry.supported = status == u"supported";
    return entry;
}

} // namespace

CatalogParse parseCatalog(const QByteArray& json)
{
    CatalogParse result;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.errors << QStringLiteral("not valid JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString());
        return result;
    }
    if (!document.isObject()) {
        result.errors << QStringLiteral("the catalog must be a JSON object");
        return result;
    }
    const QJsonObject root = document.object();
    result.catalog.formatVersion = root.value(u"formatVersion").toInt(0);
    if (result.catalog.formatVersion != kCatalogFormatVersion) {
        result.errors << QStringLiteral("formatVersion %1 is not supported (this app reads version %2)")
                             .arg(root.value(u"formatVersion").toVariant().toString()).arg(kCatalogFormatVersion);
        return result;
    }
    result.catalog.catalogVersion = root.value(u"catalogVersion").toString();
    if (!root.value(u"models").isArray() || root.value(u"models").toArray().isEmpty()) {
        result.errors << QStringLiteral("models must be a non-empty array");
        return result;
    }
    QSet<QString> seenIds;
    const QJsonArray models = root.value(u"models").toArray();
    for (int i = 0; i < models.size(); ++i) {
        if (!models.at(i).isObject()) {
            result.errors << QStringLiteral("models[%1]: must be an object").arg(i);
            continue;
        }
        CatalogEntry entry = readEntry(models.at(i).toObject(), i, result.errors);
        if (!entry.id.isEmpty() && seenIds.contains(entry.id))
            result.errors << QStringLiteral("models[%1]: id %2 appears twice").arg(i).arg(entry.id);
        seenIds.insert(entry.id);
        result.catalog.entries << std::move(entry);
    }
    return result;
}

CatalogParse loadBuiltInCatalog()
{
    QFile file(QStringLiteral(":/agora/catalog/catalog.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        CatalogParse result;
        result.errors << QStringLiteral("the built-in model catalog is missing from this build");
        return result;
    }
    return parseCatalog(file.readAll());
}

QString fileListingUrl(const CatalogEntry& entry)
{
    return QStringLiteral("https://huggingface.co/api/models/%1/tree/main").arg(entry.huggingFaceRepo);
}

QString sha256FromFileListing(const QByteArray& listingJson, const QString& fileName)
{
    static const QRegularExpression shaPattern(QStringLiteral("^[0-9a-f]{64}$"));
    const QJsonArray files = QJsonDocument::fromJson(listingJson).array();
    for (const QJsonValue& file : files) {
        const QJsonObject object = file.toObject();
        if (object.value(u"path").toString() != fileName)
            continue;
        const QString oid = object.value(u"lfs").toObject().value(u"oid").toString().toLower();
        return shaPattern.match(oid).hasMatch() ? oid : QString();
    }
    return {};
}

} // namespace agora::app
