// Every malformed file the broken-case generator makes is refused with its own message (never a
// crash or an over-read: this test also runs under ASan/UBSan), and cut files can still be read
// for their metadata when the caller asks for no tensor data.
#include "gguf/gguf.h"
#include "gguf_broken.h"

#include <QtTest>

#include <set>

using namespace agora;

class TestGgufBroken : public QObject {
    Q_OBJECT
private slots:
    void validBaseOpens()
    {
        const auto bytes = testsupport::validGgufBytes();
        auto f = gguf::GgufFile::fromMemory(bytes);
        QVERIFY2(f.ok(), f.ok() ? "" : f.error().message.c_str());
        QCOMPARE((*f)->tensors().size(), size_t(2));
        QCOMPARE((*f)->metadata().size(), size_t(4));
        QVERIFY((*f)->findTensor("b")->data != nullptr);
    }

    void brokenCase_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message"); // must appear in the error message
        const int bad = int(ErrorCode::BadFormat), unsupported = int(ErrorCode::Unsupported);
        auto row = [](const char* name, int code, const char* message) {
            QTest::newRow(name) << QString(name) << code << QString(message);
        };
        row("empty_file", bad, "not a GGUF file: the file is empty");
        row("bad_magic", bad, "not a GGUF file: it starts with bytes 47 47 4d 4c instead of the magic 'GGUF'");
        row("unsupported_version", unsupported, "unsupported GGUF version 4 (Agora reads versions 2 and 3)");
        row("version_1", unsupported, "unsupported GGUF version 1");
        row("big_endian", unsupported, "this GGUF file is big-endian");
        row("truncated_header", bad, "this file is truncated: it ends inside the GGUF header (12 of 24 bytes)");
        row("truncated_metadata", bad, "inside the metadata value 'tokenizer.ggml.tokens'; download it again");
        row("truncated_tensor_infos", bad, "inside the tensor table (tensor #0)");
        row("truncated_tensor_data", bad, "this file is truncated: 402 bytes of 452 bytes present (50 bytes of tensor data missing); download it again");
        row("missing_tensor_data", bad, "this file is truncated: 320 bytes of 452 bytes present (132 bytes of tensor data missing)");
        row("string_length_past_eof", bad, "metadata 'general.name': string length 1099511627776 runs past the end of the file (27 bytes left); the file is truncated or corrupt");
        row("array_count_2_60", bad, "metadata array 'tokenizer.ggml.tokens' claims 1152921504606846976 items, but the remaining 27 bytes can hold at most 3");
        row("key_length_huge", bad, "metadata entry #0: key length 4611686018427387904 runs past the end of the file");
        row("kv_count_huge", bad, "metadata count 2305843009213693952 is more than the remaining");
        row("tensor_count_huge", bad, "tensor count 576460752303423488 is more than the remaining");
        row("tensor_name_length_huge", bad, "tensor #0: name length 1125899906842624 runs past the end of the file");
        row("tensor_offset_out_of_range", bad, "tensor 'b': data (bytes 1099511627776 to 1099511627844 of the data section) is out of range: the data section holds 132 bytes");
        row("tensor_offset_overflow", bad, "tensor 'b': data offset 18446744073709551584 is out of range");
        row("misaligned_data_offset", bad, "tensor 'b': data offset 65 is not a multiple of the alignment 32");
        row("overlapping_tensors", bad, "tensors 'a' and 'b' overlap in the data section");
        row("bad_alignment", bad, "general.alignment must be a power of two between 1 and 1073741824, got 48");
        row("zero_alignment", bad, "general.alignment must be a power of two between 1 and 1073741824, got 0");
        row("alignment_not_integer", bad, "general.alignment must be a power of two between 1 and 1073741824, got a string");
        row("duplicate_key", bad, "duplicate metadata key 'general.name'");
        row("duplicate_tensor", bad, "duplicate tensor name 'a'");
        row("unknown_value_type", bad, "metadata 'general.mystery' has unknown value type 13");
        row("unknown_array_element_type", bad, "metadata 'general.mystery' is an array of unknown value type 99");
        row("unknown_tensor_type", unsupported, "unsupported quantization 77 (tensor 'b' has a tensor type id Agora does not know)");
        row("too_many_dims", bad, "tensor 'a' has 5 dimensions; GGUF allows 1 to 4");
        row("zero_dims", bad, "tensor 'a' has 0 dimensions; GGUF allows 1 to 4");
        row("zero_dim", bad, "tensor 'a' has a zero-sized dimension (ne[1] = 0)");
        row("dims_product_overflow", bad, "tensor 'a': the product of its dimensions (4294967296 x 4294967296 x 4) overflows 64 bits");
        row("row_not_multiple_of_block", bad, "tensor 'b': row length 31 is not a multiple of the Q8_0 block size 32");
        row("nested_array_depth_bomb", bad, "metadata 'general.bomb': arrays nested more than 8 levels deep");
    }

    void brokenCase()
    {
        QFETCH(QString, name);
        QFETCH(int, code);
        QFETCH(QString, message);
        auto bytes = testsupport::brokenGguf(name.toStdString());
        QVERIFY2(bytes.has_value(), "the generator does not know this case");
        auto f = gguf::GgufFile::fromMemory(*bytes);
        QVERIFY2(!f.ok(), "a broken file was accepted");
        QCOMPARE(int(f.error().code), code);
        const QString actual = QString::fromStdString(f.error().message);
        QVERIFY2(actual.contains(message), qPrintable("got: " + actual));
    }

    void everyGeneratedCaseIsChecked()
    {
        // A new case in the generator needs an expected message above.
        QStringList checked;
        const QStringList expected = {"empty_file", "bad_magic", "unsupported_version", "version_1", "big_endian",
            "truncated_header", "truncated_metadata", "truncated_tensor_infos", "truncated_tensor_data",
            "missing_tensor_data", "string_length_past_eof", "array_count_2_60", "key_length_huge", "kv_count_huge",
            "tensor_count_huge", "tensor_name_length_huge", "tensor_offset_out_of_range", "tensor_offset_overflow",
            "misaligned_data_offset", "overlapping_tensors", "bad_alignment", "zero_alignment",
            "alignment_not_integer", "duplicate_key", "duplicate_tensor", "unknown_value_type",
            "unknown_array_element_type", "unknown_tensor_type", "too_many_dims", "zero_dims", "zero_dim",
            "dims_product_overflow", "row_not_multiple_of_block", "nested_array_depth_bomb"};
        for (const std::string& n : testsupport::brokenGgufCaseNames())
            QVERIFY2(expected.contains(QString::fromStdString(n)), n.c_str());
        QCOMPARE(testsupport::brokenGgufCaseNames().size(), size_t(expected.size()));
        QVERIFY(!testsupport::brokenGguf("no_such_case"));
    }

    void metadataOnlyAcceptsCutData()
    {
        for (const char* name : {"truncated_tensor_data", "missing_tensor_data"}) {
            auto bytes = testsupport::brokenGguf(name);
            auto f = gguf::GgufFile::fromMemory(*bytes, gguf::OpenOptions{.requireTensorData = false});
            QVERIFY2(f.ok(), f.ok() ? "" : f.error().message.c_str());
            QCOMPARE((*f)->getString("general.name").value_or(""), std::string_view("broken-case"));
            QCOMPARE((*f)->tensors().size(), size_t(2));
            QVERIFY((*f)->findTensor("b")->data == nullptr); // cut: no pointer past the buffer
        }
        // Cut metadata is still an error in this mode.
        auto bytes = testsupport::brokenGguf("truncated_metadata");
        QVERIFY(!gguf::GgufFile::fromMemory(*bytes, gguf::OpenOptions{.requireTensorData = false}).ok());
    }

    void openNamesTheFile()
    {
        // Through open() (mmap) the message also names the file, for the app to show as is.
        QTemporaryFile tmp(QDir::tempPath() + "/agora-broken-XXXXXX.gguf");
        QVERIFY(tmp.open());
        const auto bytes = *testsupport::brokenGguf("truncated_tensor_data");
        tmp.write(reinterpret_cast<const char*>(bytes.data()), qint64(bytes.size()));
        tmp.close();
        auto f = gguf::GgufFile::open(tmp.fileName().toStdString());
        QVERIFY(!f.ok());
        QCOMPARE(f.error().code, ErrorCode::BadFormat);
        const std::string expected = "'" + tmp.fileName().toStdString() + "': this file is truncated: 402 bytes of 452 bytes present";
        QVERIFY2(f.error().message.starts_with(expected), f.error().message.c_str());
        QVERIFY(gguf::GgufFile::open(tmp.fileName().toStdString(), {.requireTensorData = false}).ok());
    }

    void everyPrefixOfAValidFileIsRefusedCleanly()
    {
        // Every possible truncation point: an error, never a crash or an out-of-bounds read.
        const auto full = testsupport::validGgufBytes();
        for (size_t keep = 0; keep < full.size(); ++keep) {
            std::vector<uint8_t> prefix(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(keep));
            auto f = gguf::GgufFile::fromMemory(prefix);
            QVERIFY2(!f.ok(), qPrintable(QString("prefix of %1 bytes accepted").arg(keep)));
            QCOMPARE(f.error().code, ErrorCode::BadFormat);
            QVERIFY2(f.error().message.find("truncated") != std::string::npos ||
                         f.error().message.find("not a GGUF file") != std::string::npos,
                     f.error().message.c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestGgufBroken)
#include "test_gguf_broken.moc"
