// The shipped catalog against SCHEMA.md, the validator against broken catalogs (one named case
// each), the Hugging Face listing parser, and the memory-fit recommendation.
#include "catalog/catalog.h"
#include "catalog/model_fit.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace agora::app;

namespace {

constexpr qint64 GiB = qint64(1) << 30;

QByteArray shippedCatalogJson()
{
    QFile file(QStringLiteral(AGORA_SOURCE_DIR "/resources/catalog/catalog.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read resources/catalog/catalog.json");
    return file.readAll();
}

// The shipped catalog with one change to its first entry.
QByteArray withFirstEntry(const std::function<void(QJsonObject&)>& change)
{
    QJsonObject root = QJsonDocument::fromJson(shippedCatalogJson()).object();
    QJsonArray models = root.value(u"models").toArray();
    QJsonObject first = models.at(0).toObject();
    change(first);
    models.replace(0, first);
    root.insert(u"models", models);
    return QJsonDocument(root).toJson();
}

CatalogEntry entry(const char* id, qint64 parameters, qint64 minMemory, bool supported = true, bool reasoning = false)
{
    CatalogEntry e;
    e.reasoning = reasoning;
    e.id = QString::fromLatin1(id);
    e.parameterCount = parameters;
    e.minMemoryBytes = minMemory;
    e.supported = supported;
    return e;
}

} // namespace

class TestCatalog : public QObject {
    Q_OBJECT

private slots:
    void shippedCatalogIsValid()
    {
        const CatalogParse parse = parseCatalog(shippedCatalogJson());
        QVERIFY2(parse.ok(), qPrintable(parse.errors.join(u'\n')));
        QVERIFY(parse.catalog.entries.size() >= 12);
        QVERIFY(parse.catalog.entries.size() <= 20);
    }

    void builtInCatalogMatchesTheFile()
    {
        const CatalogParse builtIn = loadBuiltInCatalog();
        QVERIFY2(builtIn.ok(), qPrintable(builtIn.errors.join(u'\n')));
        QCOMPARE(builtIn.catalog.entries.size(), parseCatalog(shippedCatalogJson()).catalog.entries.size());
    }

    void originsAreBalanced()
    {
        QHash<QString, int> perRegion;
        for (const CatalogEntry& e : parseCatalog(shippedCatalogJson()).catalog.entries)
            perRegion[e.region] += e.supported ? 1 : 0;
        // Each of the three regions has at least two models a user can download today.
        for (const char* region : {"Europe", "North America", "China"})
            QVERIFY2(perRegion.value(QString::fromLatin1(region)) >= 2, region);
    }

    void supportedOnlyForImplementedArchitectures()
    {
        // Keep in step with engine/src/model/hparams.cpp (architectureFromName).
        const QSet<QString> implemented{QStringLiteral("llama"), QStringLiteral("qwen2"), QStringLiteral("qwen3"),
                                       QStringLiteral("gemma2"), QStringLiteral("gemma3"), QStringLiteral("phi3")};
        for (const CatalogEntry& e : parseCatalog(shippedCatalogJson()).catalog.entries) {
            if (e.supported)
                QVERIFY2(implemented.contains(e.architecture), qPrintable(e.id + QStringLiteral(" is marked supported but is ") + e.architecture));
        }
    }

    void refusesBrokenEntries_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << QByteArray("{\"models\": [") << "not valid JSON";
        QTest::newRow("future format") << QByteArray("{\"formatVersion\": 2, \"models\": []}") << "formatVersion 2";
        QTest::newRow("no models") << QByteArray("{\"formatVersion\": 1, \"models\": []}") << "non-empty array";
        QTest::newRow("missing name") << withFirstEntry([](QJsonObject& o) { o.remove(u"displayName"); }) << "displayName must be";
        QTest::newRow("bad id") << withFirstEntry([](QJsonObject& o) { o.insert(u"id", "Mistral 7B"); }) << "id must use";
        QTest::newRow("bad country") << withFirstEntry([](QJsonObject& o) { o.insert(u"origin", QJsonObject{{"country", "France"}, {"region", "Europe"}}); }) << "origin.country";
        QTest::newRow("bad region") << withFirstEntry([](QJsonObject& o) { o.insert(u"origin", QJsonObject{{"country", "FR"}, {"region", "Mars"}}); }) << "origin.region";
        QTest::newRow("url not canonical") << withFirstEntry([](QJsonObject& o) { o.insert(u"url", "http://example.com/x.gguf"); }) << "url must be https://huggingface.co/";
        QTest::newRow("negative size") << withFirstEntry([](QJsonObject& o) { o.insert(u"fileSizeBytes", -5); }) << "fileSizeBytes must be a positive integer";
        QTest::newRow("fractional size") << withFirstEntry([](QJsonObject& o) { o.insert(u"fileSizeBytes", 1.5); }) << "fileSizeBytes must be a positive integer";
        QTest::newRow("short sha") << withFirstEntry([](QJsonObject& o) { o.insert(u"sha256", "abc"); }) << "sha256 must be null";
        QTest::newRow("memory below size") << withFirstEntry([](QJsonObject& o) { o.insert(u"minMemoryBytes", 1); }) << "minMemoryBytes must be at least";
        QTest::newRow("no languages") << withFirstEntry([](QJsonObject& o) { o.insert(u"languages", QJsonArray()); }) << "languages must be a non-empty";
        QTest::newRow("bad language") << withFirstEntry([](QJsonObject& o) { o.insert(u"languages", QJsonArray{"english"}); }) << "ISO 639-1";
        QTest::newRow("long description") << withFirstEntry([](QJsonObject& o) { o.insert(u"description", QString(200, u'x')); }) << "one line";
        QTest::newRow("unknown status") << withFirstEntry([](QJsonObject& o) { o.insert(u"status", "beta"); }) << "status must be";
        QTest::newRow("not a gguf") << withFirstEntry([](QJsonObject& o) { o.insert(u"fileName", "model.bin"); }) << "fileName must be";
        QTest::newRow("duplicate id") << withFirstEntry([](QJsonObject& o) { o.insert(u"id", "llama-3.2-1b-instruct"); }) << "appears twice";
    }

    void refusesBrokenEntries()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const CatalogParse parse = parseCatalog(json);
        QVERIFY(!parse.ok());
        QVERIFY2(parse.errors.join(u'\n').contains(expected), qPrintable(parse.errors.join(u'\n')));
    }

    void errorsNameTheEntry()
    {
        const CatalogParse parse = parseCatalog(withFirstEntry([](QJsonObject& o) { o.remove(u"publisher"); }));
        QCOMPARE(parse.errors.size(), 1);
        QVERIFY2(parse.errors.first().startsWith(u"models[0] (mistral-7b-instruct-v0.3): publisher"), qPrintable(parse.errors.first()));
    }

    void readsShaFromHuggingFaceListing()
    {
        const QByteArray listing = R"([
            {"type":"file","path":"README.md","size":100},
            {"type":"file","path":"m-Q8_0.gguf","size":10,"lfs":{"oid":"1111111111111111111111111111111111111111111111111111111111111111","size":10}},
            {"type":"file","path":"m-Q4_K_M.gguf","size":9,"lfs":{"oid":"ABCDEFabcdef0123456789abcdef0123456789abcdef0123456789abcdef0123","size":9}}
        ])";
        QCOMPARE(sha256FromFileListing(listing, QStringLiteral("m-Q4_K_M.gguf")),
                 QStringLiteral("abcdefabcdef0123456789abcdef0123456789abcdef0123456789abcdef0123"));
        QVERIFY(sha256FromFileListing(listing, QStringLiteral("README.md")).isEmpty());
        QVERIFY(sha256FromFileListing(listing, QStringLiteral("absent.gguf")).isEmpty());
        QVERIFY(sha256FromFileListing("not json", QStringLiteral("m-Q4_K_M.gguf")).isEmpty());
        CatalogEntry e;
        e.huggingFaceRepo = QStringLiteral("Qwen/Qwen2.5-0.5B-Instruct-GGUF");
        QCOMPARE(fileListingUrl(e), QStringLiteral("https://huggingface.co/api/models/Qwen/Qwen2.5-0.5B-Instruct-GGUF/tree/main"));
    }

    void memoryFitBoundaries()
    {
        QCOMPARE(memoryFit(4 * GiB, 5 * GiB), MemoryFit::Fits);          // exactly 80%
        QCOMPARE(memoryFit(4 * GiB + 1, 5 * GiB), MemoryFit::FitsTightly);
        QCOMPARE(memoryFit(5 * GiB, 5 * GiB), MemoryFit::FitsTightly);
        QCOMPARE(memoryFit(5 * GiB + 1, 5 * GiB), MemoryFit::DoesNotFit);
        QCOMPARE(memoryFit(1, 0), MemoryFit::DoesNotFit);
        QCOMPARE(memoryFitKey(MemoryFit::FitsTightly), QStringLiteral("tight"));
    }

    void budgetPerDeviceType()
    {
        // Discrete: its own memory, whatever the RAM.
        QCOMPARE(memoryBudgetBytes(QStringLiteral("discrete"), 8 * GiB, true, 32 * GiB), 8 * GiB);
        // Integrated: half the RAM, or the device-local heap when that is larger and plausible.
        QCOMPARE(memoryBudgetBytes(QStringLiteral("integrated"), 512 << 20, true, 16 * GiB), 8 * GiB);
        QCOMPARE(memoryBudgetBytes(QStringLiteral("integrated"), 12 * GiB, true, 16 * GiB), 12 * GiB);
        QCOMPARE(memoryBudgetBytes(QStringLiteral("cpu"), 24 * GiB, true, 24 * GiB), 24 * GiB);
        QCOMPARE(memoryBudgetBytes(QStringLiteral("cpu"), 48 * GiB, true, 24 * GiB), 12 * GiB);
        // Unusable device: nothing runs.
        QCOMPARE(memoryBudgetBytes(QStringLiteral("discrete"), 8 * GiB, false, 32 * GiB), 0);
    }

    void recommendsTheLargestComfortableModel()
    {
        const QList<CatalogEntry> entries{
            entry("small", 500'000'000, 1 * GiB),
            entry("mid", 3'000'000'000, 3 * GiB),
            entry("big", 7'000'000'000, 6 * GiB),
            entry("future", 9'000'000'000, 2 * GiB, false),
        };
        QCOMPARE(recommendedEntryIndex(entries, 8 * GiB), 2);     // 6/8 = 75%
        QCOMPARE(recommendedEntryIndex(entries, 7 * GiB), 1);     // big only fits tightly
        QCOMPARE(recommendedEntryIndex(entries, qint64(1.1 * GiB)), 0); // small only tightly: still offered
        QCOMPARE(recommendedEntryIndex(entries, GiB / 2), -1);
    }

    void reasoningModelsAreNotTheFirstChoice()
    {
        const QList<CatalogEntry> entries{
            entry("chat", 3'000'000'000, 3 * GiB),
            entry("thinker", 8'000'000'000, 6 * GiB, true, true),
        };
        QCOMPARE(recommendedEntryIndex(entries, 8 * GiB), 0);
        QCOMPARE(recommendedEntryIndex({entries.at(1)}, 8 * GiB), 0); // alone, it is offered
        QVERIFY(!parseCatalog(withFirstEntry([](QJsonObject& o) { o.insert(u"reasoning", "yes"); })).ok());
    }

    void shippedCatalogRecommendations()
    {
        const QList<CatalogEntry> entries = parseCatalog(shippedCatalogJson()).catalog.entries;
        // An 8 GiB discrete GPU gets a 7B-class model; a 4 GiB one gets something smaller; every
        // recommendation is downloadable today.
        const int on8 = recommendedEntryIndex(entries, 8 * GiB);
        const int on4 = recommendedEntryIndex(entries, 4 * GiB);
        QVERIFY(on8 >= 0 && on4 >= 0);
        QVERIFY(entries.at(on8).parameterCount >= 7'000'000'000);
        QVERIFY(entries.at(on4).parameterCount < entries.at(on8).parameterCount);
        QVERIFY(entries.at(on8).supported && entries.at(on4).supported);
        QVERIFY(!entries.at(on8).reasoning && !entries.at(on4).reasoning);
        QCOMPARE(memoryFit(entries.at(on4).minMemoryBytes, 4 * GiB), MemoryFit::Fits);
    }

    // lavapipe: plenty of RAM, little speed. The shipped catalog's suggestion there is a small
    // general chat model; with no small model at all, the memory rule still answers.
    void cpuDevicesGetASmallModel()
    {
        const QList<CatalogEntry> shipped = parseCatalog(shippedCatalogJson()).catalog.entries;
        const qint64 cap = recommendationParameterCap(QStringLiteral("cpu"));
        QCOMPARE(recommendationParameterCap(QStringLiteral("discrete")), qint64(0));
        const int onCpu = recommendedEntryIndex(shipped, 12 * GiB, cap);
        QVERIFY(onCpu >= 0);
        QVERIFY(shipped.at(onCpu).parameterCount <= cap);
        QVERIFY(shipped.at(onCpu).parameterCount >= 1'000'000'000);
        QVERIFY(!shipped.at(onCpu).reasoning);
        QVERIFY(shipped.at(recommendedEntryIndex(shipped, 12 * GiB)).parameterCount > cap);
        const QList<CatalogEntry> bigOnly{entry("big", 7'000'000'000, 6 * GiB)};
        QCOMPARE(recommendedEntryIndex(bigOnly, 12 * GiB, cap), 0);
    }

    void readsSystemMemory()
    {
        const qint64 ram = systemMemoryBytes();
        QVERIFY2(ram > 256 * (qint64(1) << 20), qPrintable(QString::number(ram)));
    }
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "test_catalog.moc"
