// Every fixture model and vocab file opens, and its tensor type mix matches the table the
// reference implementation produced (../shared/reference/llama.cpp/README.md §2.4).
#include "gguf/gguf.h"

#include <QtTest>

#include <filesystem>
#include <map>
#include <string>

using namespace agora;
namespace fs = std::filesystem;

namespace {

const fs::path kShared = AGORA_SHARED_DIR;

fs::path locateFixture(const std::string& name)
{
    for (const char* dir : {"fixtures/models", "fixtures/models/synthetic", "fixtures/vocab"})
        if (fs::exists(kShared / dir / name))
            return kShared / dir / name;
    return {};
}

// "F16x5, F32x11, Q4_0x31, Q8_0x1": types in name order, as the reference table writes them.
std::string typeMix(const gguf::GgufFile& file)
{
    std::map<std::string, int> counts;
    for (const auto& t : file.tensors())
        ++counts[std::string(tensorTypeName(t.type))];
    std::string out;
    for (const auto& [name, n] : counts)
        out += (out.empty() ? "" : ", ") + name + "x" + std::to_string(n);
    return out;
}

} // namespace

class TestGgufFixtures : public QObject {
    Q_OBJECT
private slots:
    void referenceTable_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<qulonglong>("bytes");
        QTest::addColumn<QString>("mix");
        QTest::addColumn<int>("fileType");    // -1: the table does not say
        QTest::addColumn<int>("tensorCount"); // -1: the table does not say
        int rows = 0;
        // §2.4:  | syn-llama-spm4k-BF16.gguf | 8225568 | e6c63b9d6d515537 | BF16x29, F32x9 | emb=BF16 out=tied |
        // arch:  | `syn-llama3-2k-F16.gguf` | 4,143,264 | `9a5d...` | MOSTLY_F16 (1) | 22 | F16×16, F32×6 | F16 / F16 |
        for (const char* readmePath : {"reference/llama.cpp/README.md", "reference/llama.cpp/architectures/README.md"}) {
            QFile readme(QString::fromStdString((kShared / readmePath).string()));
            QVERIFY2(readme.open(QIODevice::ReadOnly), readmePath);
            for (const QString& line : QString::fromUtf8(readme.readAll()).split('\n')) {
                QStringList cells = line.split('|');
                for (QString& c : cells)
                    c = c.trimmed().remove('`');
                if (cells.size() < 6 || !cells[1].endsWith(".gguf"))
                    continue;
                bool numeric = false;
                const qulonglong bytes = QString(cells[2]).remove(',').toULongLong(&numeric);
                if (!numeric)
                    continue;
                const bool archTable = cells.size() >= 8 && cells[4].contains('(');
                int fileType = -1, tensorCount = -1;
                QString mix = cells[4];
                if (archTable) {
                    fileType = cells[4].section('(', 1).section(')', 0, 0).toInt();
                    tensorCount = cells[5].toInt();
                    mix = cells[6];
                }
                mix.replace(QChar(0x00D7), 'x'); // '×'
                QTest::newRow(qPrintable(cells[1])) << cells[1] << bytes << mix << fileType << tensorCount;
                ++rows;
            }
        }
        QVERIFY2(rows >= 43, "the reference tables should list at least 43 files");
    }

    void referenceTable()
    {
        QFETCH(QString, file);
        QFETCH(qulonglong, bytes);
        QFETCH(QString, mix);
        QFETCH(int, fileType);
        QFETCH(int, tensorCount);
        fs::path path = locateFixture(file.toStdString());
        QVERIFY2(!path.empty(), qPrintable("fixture missing: " + file));
        auto f = gguf::GgufFile::open(path.string());
        QVERIFY2(f.ok(), f.ok() ? "" : f.error().message.c_str());
        QCOMPARE(qulonglong((*f)->fileSize()), bytes);
        QCOMPARE(QString::fromStdString(typeMix(**f)), mix);
        QCOMPARE((*f)->version(), 3u);
        if (fileType >= 0)
            QCOMPARE(qint64((*f)->getUInt("general.file_type").value_or(999)), qint64(fileType));
        if (tensorCount >= 0)
            QCOMPARE(int((*f)->tensors().size()), tensorCount);
        const uint8_t* dataSection = nullptr;
        for (const auto& t : (*f)->tensors()) {
            QVERIFY(t.data != nullptr);
            if (!dataSection)
                dataSection = t.data - t.offset;
            QVERIFY(t.data - t.offset == dataSection); // every tensor points into one data section
            QVERIFY(t.offset + t.nBytes <= (*f)->fileSize() - (*f)->dataOffset());
            QCOMPARE(t.offset % (*f)->alignment(), 0ull);
        }
    }

    void everyFixtureOpens_data()
    {
        QTest::addColumn<QString>("path");
        for (const char* dir : {"fixtures/models", "fixtures/models/synthetic", "fixtures/vocab"})
            for (const auto& e : fs::directory_iterator(kShared / dir))
                if (e.path().extension() == ".gguf")
                    QTest::newRow(e.path().filename().string().c_str()) << QString::fromStdString(e.path().string());
    }

    void everyFixtureOpens()
    {
        QFETCH(QString, path);
        auto f = gguf::GgufFile::open(path.toStdString());
        QVERIFY2(f.ok(), f.ok() ? "" : f.error().message.c_str());
        const auto& file = **f;
        QVERIFY(!file.architecture().empty());
        QVERIFY(file.getArray("tokenizer.ggml.tokens") != nullptr);
        const bool vocabOnly = path.contains("/vocab/");
        QCOMPARE(file.tensors().empty(), vocabOnly);
        for (const auto& t : file.tensors()) {
            QVERIFY(file.findTensor(t.name) == &t);
            QVERIFY(t.nElements > 0 && t.nBytes > 0);
        }
        if (!vocabOnly) {
            QVERIFY(file.findTensor("token_embd.weight") != nullptr);
            QVERIFY(file.getUInt(file.architecture() + ".block_count").value_or(0) > 0);
        }
    }

    void llamaTinyRandomDetails()
    {
        auto f = gguf::GgufFile::open((kShared / "fixtures/models/llama-2-tiny-random.gguf").string());
        QVERIFY2(f.ok(), f.ok() ? "" : f.error().message.c_str());
        const auto* tokens = (*f)->getArray("tokenizer.ggml.tokens");
        QVERIFY(tokens);
        QCOMPARE(tokens->elementType, gguf::ValueType::String);
        QCOMPARE(tokens->items.size(), size_t(32000));
        QCOMPARE(tokens->items[1].asString().value_or(""), std::string_view("<s>"));
        QCOMPARE((*f)->getString("tokenizer.ggml.model").value_or(""), std::string_view("llama"));
        QCOMPARE((*f)->architecture(), std::string("llama"));
        QVERIFY(!(*f)->getString("general.nonexistent"));
        QVERIFY(!(*f)->getUInt("tokenizer.ggml.model")); // a string is not an integer
    }

    void missingFileIsIoError()
    {
        auto f = gguf::GgufFile::open("/nonexistent/model.gguf");
        QVERIFY(!f.ok());
        QCOMPARE(f.error().code, ErrorCode::Io);
        QVERIFY(f.error().message.find("/nonexistent/model.gguf") != std::string::npos);
        auto dir = gguf::GgufFile::open(kShared.string());
        QVERIFY(!dir.ok());
        QCOMPARE(dir.error().code, ErrorCode::Io);
    }
};

QTEST_GUILESS_MAIN(TestGgufFixtures)
#include "test_gguf_fixtures.moc"
