// The curated model catalog (resources/catalog/catalog.json, schema in resources/catalog/SCHEMA.md):
// parsed into plain structs and validated field by field, so a broken catalog is refused with a
// message that names the entry and the field instead of showing half an entry to the user.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace agora::app {

struct CatalogEntry {
    QString id;
    QString displayName;
    QString publisher;
    QString country;        // ISO 3166-1 alpha-2
    QString region;         // Europe, North America, China, Asia, Other
    QString licenseId;
    QString licenseUrl;
    QString architecture;   // GGUF general.architecture
    qint64 parameterCount = 0;
    QString quantization;
    QString huggingFaceRepo;
    QString fileName;
    QString url;
    qint64 fileSizeBytes = 0;
    QString sha256;         // empty: read from the hosting API's file listing at download time
    qint64 minMemoryBytes = 0;
    QStringList languages;
    QString description;
    bool reasoning = false; // thinks aloud before answering: not the first thing to offer a newcomer
    bool supported = false; // status "supported"; otherwise "coming-soon"
};

struct Catalog {
    int formatVersion = 0;
    QString catalogVersion;
    QList<CatalogEntry> entries;
};

struct CatalogParse {
    Catalog catalog;
    QStringList errors; // empty when the catalog is valid
    bool ok() const { return errors.isEmpty(); }
};

inline constexpr int kCatalogFormatVersion = 1;

// Parses and validates catalog JSON. Every rule of SCHEMA.md is checked; all problems are
// reported, not only the first.
CatalogParse parseCatalog(const QByteArray& json);

// The catalog built into the app (":/agora/catalog/catalog.json").
CatalogParse loadBuiltInCatalog();

// The Hugging Face file-listing URL that carries the sha256 (lfs.oid) of the entry's file.
QString fileListingUrl(const CatalogEntry& entry);

// Reads the sha256 of `fileName` from a Hugging Face tree listing (a JSON array of
// {"type","path","size","lfs":{"oid","size"}}). Empty when the file or its digest is missing.
QString sha256FromFileListing(const QByteArray& listingJson, const QString& fileName);

} // namespace agora::app
