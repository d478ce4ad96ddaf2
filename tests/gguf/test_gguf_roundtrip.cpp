// The writer and the reader agree: every metadata value type (nested arrays included), tensor
// shapes and data, alignment padding, v2 and v3, in memory and on disk (streamed).
#include "gguf/gguf.h"
#include "gguf/gguf_writer.h"

#include <QtTest>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <limits>
#include <numeric>

using namespace agora;
using gguf::Value;
using gguf::ValueType;

namespace {

std::vector<uint8_t> iota(size_t n, uint8_t start)
{
    std::vector<uint8_t> v(n);
    std::iota(v.begin(), v.end(), start);
    return v;
}

std::shared_ptr<gguf::ArrayValue> arrayOf(ValueType t, std::vector<Value> items)
{
    auto a = std::make_shared<gguf::ArrayValue>();
    a->elementType = t;
    a->items = std::move(items);
    return a;
}

} // namespace

class TestGgufRoundTrip : public QObject {
    Q_OBJECT
private slots:
    void everyValueType_data()
    {
        QTest::addColumn<int>("version");
        QTest::newRow("v3") << 3;
        QTest::newRow("v2") << 2;
    }

    void everyValueType()
    {
        QFETCH(int, version);
        gguf::GgufWriter w(static_cast<uint32_t>(version));
        w.addUInt8("u8", 250);
        w.addInt8("i8", -100);
        w.addUInt16("u16", 65000);
        w.addInt16("i16", -32000);
        w.addUInt32("u32", 4000000000u);
        w.addInt32("i32", -2000000000);
        w.addUInt64("u64", std::numeric_limits<uint64_t>::max());
        w.addInt64("i64", std::numeric_limits<int64_t>::min());
        w.addFloat32("f32", 0.1f);
        w.addFloat64("f64", 1e300);
        w.addBool("bool_true", true);
        w.addBool("bool_false", false);
        w.addString("string", "h\xC3\xA9llo\nworld");
        w.addString("empty", "");
        w.addStringArray("strings", {"a", "", "ccc"});
        const float floats[] = {1.5f, -2.25f, 1e-20f};
        w.addFloat32Array("floats", floats);
        const int32_t ints[] = {7, -8};
        w.addInt32Array("ints", ints);
        auto inner1 = arrayOf(ValueType::UInt16, {Value::fromUInt(ValueType::UInt16, 1), Value::fromUInt(ValueType::UInt16, 2)});
        auto inner2 = arrayOf(ValueType::UInt16, {});
        w.add("nested", Value::fromArray(arrayOf(ValueType::Array, {Value::fromArray(inner1), Value::fromArray(inner2)})));
        w.add("empty_array", Value::fromArray(arrayOf(ValueType::Bool, {})));

        auto bytes = w.toBytes();
        QVERIFY2(bytes.ok(), bytes.ok() ? "" : bytes.error().message.c_str());
        auto f = gguf::GgufFile::fromMemory(*bytes);
        QVERIFY2(f.ok(), f.ok() ? "" : f.error().message.c_str());
        const auto& file = **f;
        QCOMPARE(file.version(), uint32_t(version));
        QCOMPARE(file.metadata().size(), size_t(19));
        QCOMPARE(file.metadata()[0].key, std::string_view("u8")); // file order kept
        QCOMPARE(file.find("u8")->type(), ValueType::UInt8);
        QCOMPARE(*file.getUInt("u8"), uint64_t(250));
        QCOMPARE(*file.getInt("i8"), int64_t(-100));
        QCOMPARE(file.find("i8")->type(), ValueType::Int8);
        QCOMPARE(*file.getUInt("u16"), uint64_t(65000));
        QCOMPARE(*file.getInt("i16"), int64_t(-32000));
        QCOMPARE(*file.getUInt("u32"), uint64_t(4000000000u));
        QCOMPARE(*file.getInt("i32"), int64_t(-2000000000));
        QCOMPARE(*file.getUInt("u64"), std::numeric_limits<uint64_t>::max());
        QVERIFY(!file.getInt("u64")); // does not fit
        QCOMPARE(*file.getInt("i64"), std::numeric_limits<int64_t>::min());
        QVERIFY(!file.getUInt("i8")); // negative
        QCOMPARE(float(*file.getFloat("f32")), 0.1f);
        QCOMPARE(file.find("f32")->type(), ValueType::Float32);
        QCOMPARE(*file.getFloat("f64"), 1e300);
        QCOMPARE(*file.getFloat("u16"), 65000.0); // integers convert to float
        QCOMPARE(*file.getBool("bool_true"), true);
        QCOMPARE(*file.getBool("bool_false"), false);
        QCOMPARE(*file.getString("string"), std::string_view("h\xC3\xA9llo\nworld"));
        QCOMPARE(*file.getString("empty"), std::string_view(""));
        const auto* strings = file.getArray("strings");
        QVERIFY(strings);
        QCOMPARE(strings->elementType, ValueType::String);
        QCOMPARE(strings->items.size(), size_t(3));
        QCOMPARE(*strings->items[2].asString(), std::string_view("ccc"));
        const auto* fl = file.getArray("floats");
        QVERIFY(fl && fl->items.size() == 3);
        QCOMPARE(float(*fl->items[2].asFloat()), 1e-20f);
        const auto* in = file.getArray("ints");
        QVERIFY(in && in->elementType == ValueType::Int32);
        QCOMPARE(*in->items[1].asInt(), int64_t(-8));
        const auto* nested = file.getArray("nested");
        QVERIFY(nested && nested->elementType == ValueType::Array && nested->items.size() == 2);
        const auto* n0 = nested->items[0].asArray();
        QVERIFY(n0 && n0->elementType == ValueType::UInt16 && n0->items.size() == 2);
        QCOMPARE(*n0->items[1].asUInt(), uint64_t(2));
        QCOMPARE(nested->items[1].asArray()->items.size(), size_t(0));
        QCOMPARE(file.getArray("empty_array")->elementType, ValueType::Bool);
        QVERIFY(file.tensors().empty());
    }

    void tensorsWithPadding_data()
    {
        QTest::addColumn<qulonglong>("alignment");
        QTest::newRow("default 32") << 32ull;
        QTest::newRow("64") << 64ull;
        QTest::newRow("1") << 1ull;
    }

    void tensorsWithPadding()
    {
        QFETCH(qulonglong, alignment);
        gguf::GgufWriter w;
        w.setAlignment(alignment);
        w.addString("general.architecture", "test");
        const auto a = iota(3 * 4, 1);        // F32 [3]
        const auto b = iota(2 * 34, 7);       // Q8_0 [32, 2]
        const auto c = iota(5 * 2 * 2 * 2 * 2, 9); // F16 [5, 2, 2, 2]
        w.addTensor("a", TensorType::F32, {3}, a);
        w.addTensor("b", TensorType::Q8_0, {32, 2}, b);
        w.addTensor("c", TensorType::F16, {5, 2, 2, 2}, c);
        auto bytes = w.toBytes();
        QVERIFY2(bytes.ok(), bytes.ok() ? "" : bytes.error().message.c_str());
        QCOMPARE(qulonglong(bytes->size()), qulonglong(*w.fileSize()));
        auto f = gguf::GgufFile::fromMemory(*bytes);
        QVERIFY2(f.ok(), f.ok() ? "" : f.error().message.c_str());
        const auto& file = **f;
        QCOMPARE(qulonglong(file.alignment()), alignment);
        QCOMPARE(file.dataOffset() % alignment, 0ull);
        QCOMPARE(file.tensors().size(), size_t(3));
        const auto* tb = file.findTensor("b");
        QVERIFY(tb);
        QCOMPARE(tb->type, TensorType::Q8_0);
        QCOMPARE(tb->nDims, 2u);
        QCOMPARE(tb->ne[0], 32ull);
        QCOMPARE(tb->ne[1], 2ull);
        QCOMPARE(tb->ne[2], 1ull);
        QCOMPARE(tb->nElements, 64ull);
        QCOMPARE(tb->nBytes, 68ull);
        QCOMPARE(tb->rows(), 2ull);
        QVERIFY(std::memcmp(tb->data, b.data(), b.size()) == 0);
        const auto* tc = file.findTensor("c");
        QCOMPARE(tc->nDims, 4u);
        QCOMPARE(tc->nElements, 40ull);
        QVERIFY(std::memcmp(tc->data, c.data(), c.size()) == 0);
        QVERIFY(std::memcmp(file.findTensor("a")->data, a.data(), a.size()) == 0);
        for (const auto& t : file.tensors())
            QCOMPARE(t.offset % alignment, 0ull);
        if (alignment != 32)
            QCOMPARE(*file.getUInt("general.alignment"), alignment);
    }

    void streamedToDisk()
    {
        const std::string path = QDir::tempPath().toStdString() + "/agora-test-stream-" +
                                 std::to_string(QCoreApplication::applicationPid()) + ".gguf";
        gguf::GgufWriter w;
        w.addString("general.architecture", "test");
        // 3 MiB + a bit, generated in chunks: byte i of the tensor is (i * 7) & 0xff.
        const uint64_t n = (3u << 20) / 4 + 5;
        w.addTensor("big", TensorType::F32, {n}, [](uint64_t offset, std::span<uint8_t> chunk) {
            for (size_t i = 0; i < chunk.size(); ++i)
                chunk[i] = static_cast<uint8_t>((offset + i) * 7);
        });
        w.addTensor("small", TensorType::F32, {1}, iota(4, 42));
        auto written = w.writeFile(path);
        QVERIFY2(written.ok(), written.ok() ? "" : written.error().message.c_str());
        QVERIFY(!std::filesystem::exists(path + ".part"));
        auto f = gguf::GgufFile::open(path);
        QVERIFY2(f.ok(), f.ok() ? "" : f.error().message.c_str());
        QCOMPARE((*f)->fileSize(), *w.fileSize());
        const auto* big = (*f)->findTensor("big");
        QVERIFY(big && big->nBytes == n * 4);
        bool same = true;
        for (uint64_t i = 0; i < big->nBytes && same; ++i)
            same = big->data[i] == static_cast<uint8_t>(i * 7);
        QVERIFY(same);
        QCOMPARE((*f)->findTensor("small")->data[3], uint8_t(45));
        f = makeError(ErrorCode::Internal, "closed");
        std::filesystem::remove(path);
    }

    void writerRefusesMisuse()
    {
        {
            gguf::GgufWriter w;
            w.addString("k", "a");
            w.addString("k", "b");
            auto r = w.toBytes();
            QVERIFY(!r.ok());
            QVERIFY(r.error().message.find("duplicate metadata key 'k'") != std::string::npos);
        }
        {
            gguf::GgufWriter w;
            w.addTensor("t", TensorType::Q4_0, {31}, iota(18, 0));
            QVERIFY(!w.toBytes().ok());
        }
        {
            gguf::GgufWriter w;
            w.addTensor("t", TensorType::F32, {4}, iota(15, 0)); // one byte short
            auto r = w.toBytes();
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
        }
        {
            gguf::GgufWriter w;
            auto r = w.writeFile("/nonexistent-dir/x.gguf");
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, ErrorCode::Io);
        }
    }
};

QTEST_GUILESS_MAIN(TestGgufRoundTrip)
#include "test_gguf_roundtrip.moc"
