// core/json: strict parsing with positioned errors, insertion order, Python-compatible output.
#include "core/json.h"

#include <QtTest>

using agora::json::Value;

class TestJson : public QObject {
    Q_OBJECT

private slots:
    void parsesScalarsAndContainers()
    {
        auto r = agora::json::parse(" {\"b\": 1, \"a\": [true, false, null, -2.5e1, \"x\"], \"c\": {}} ");
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        const Value& v = *r;
        QVERIFY(v.isObject());
        QCOMPARE(v.asObject().size(), size_t(3));
        QCOMPARE(v.asObject()[0].first, std::string("b")); // insertion order kept
        QCOMPARE(v.asObject()[1].first, std::string("a"));
        QCOMPARE(v.find("b")->asInt(), int64_t(1));
        const auto& a = v.find("a")->asArray();
        QCOMPARE(a.size(), size_t(5));
        QVERIFY(a[0].asBool());
        QVERIFY(a[2].isNull());
        QCOMPARE(a[3].asNumber(), -25.0);
        QCOMPARE(a[4].asString(), std::string("x"));
    }

    void decodesEscapesAndSurrogatePairs()
    {
        auto r = agora::json::parse("\"a\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00fc\\u4f60\\ud83c\\udf0d\"");
        QVERIFY(r.ok());
        QCOMPARE(r->asString(), std::string("a\"\\/\b\f\n\r\t\xc3\xbc\xe4\xbd\xa0\xf0\x9f\x8c\x8d"));
    }

    void rejectsMalformedInputWithPosition_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("trailing comma") << QByteArray("[1,2,]") << "line 1, column 6: unexpected character ']'";
        QTest::newRow("leading zero") << QByteArray("01") << "leading zeros";
        QTest::newRow("single quotes") << QByteArray("{'a':1}") << "expected a string key";
        QTest::newRow("unterminated") << QByteArray("\"abc") << "unterminated string";
        QTest::newRow("lone low surrogate") << QByteArray("\"\\udc00\"") << "lone low surrogate";
        QTest::newRow("high without low") << QByteArray("\"\\ud800x\"") << "high surrogate without";
        QTest::newRow("control char") << QByteArray("\"a\tb\"") << "control character";
        QTest::newRow("bad escape") << QByteArray("\"\\x\"") << "invalid escape";
        QTest::newRow("second line") << QByteArray("{\n  \"a\": tru\n}") << "line 2, column 8";
        QTest::newRow("garbage after") << QByteArray("{} x") << "unexpected text after";
        QTest::newRow("empty") << QByteArray("") << "unexpected end of input";
        QTest::newRow("bad utf8") << QByteArray("\"\xff\"") << "invalid UTF-8";
        QTest::newRow("overlong utf8") << QByteArray("\"\xc0\x80\"") << "invalid UTF-8";
        QTest::newRow("truncated utf8") << QByteArray("\"\xe4\xbd") << "UTF-8";
        QTest::newRow("missing colon") << QByteArray("{\"a\" 1}") << "expected ':'";
        QTest::newRow("minus alone") << QByteArray("-") << "needs digits";
        QTest::newRow("fraction") << QByteArray("1.") << "fraction needs digits";
    }

    void rejectsMalformedInputWithPosition()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        const QByteArray& bytes = text;
        auto r = agora::json::parse(std::string_view(bytes.constData(), size_t(bytes.size())));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, agora::ErrorCode::BadFormat);
        QVERIFY2(r.error().message.find(message.toStdString()) != std::string::npos, r.error().message.c_str());
    }

    void enforcesDepthLimit()
    {
        std::string deep(300, '[');
        deep += std::string(300, ']');
        auto r = agora::json::parse(deep);
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.find("nesting deeper") != std::string::npos);
        auto ok = agora::json::parse(deep, agora::json::ParseOptions{400});
        QVERIFY(ok.ok());
    }

    void writesCompactAndPretty()
    {
        auto r = agora::json::parse("{\"z\":[1,2.5,\"\\u00fc\\n\"],\"a\":{\"k\":null},\"e\":[],\"o\":{}}");
        QVERIFY(r.ok());
        QCOMPARE(agora::json::write(*r), std::string("{\"z\":[1,2.5,\"\xc3\xbc\\n\"],\"a\":{\"k\":null},\"e\":[],\"o\":{}}"));
        agora::json::WriteOptions pretty;
        pretty.indent = 2;
        QCOMPARE(agora::json::write(*r, pretty),
                 std::string("{\n  \"z\": [\n    1,\n    2.5,\n    \"\xc3\xbc\\n\"\n  ],\n  \"a\": {\n    \"k\": null\n  },\n"
                             "  \"e\": [],\n  \"o\": {}\n}"));
        agora::json::WriteOptions ascii;
        ascii.asciiOnly = true;
        ascii.sortKeys = true;
        ascii.itemSeparator = ", ";
        ascii.keySeparator = ": ";
        auto emoji = agora::json::parse("{\"b\":\"\\ud83c\\udf0d\",\"a\":1}");
        QCOMPARE(agora::json::write(*emoji, ascii), std::string("{\"a\": 1, \"b\": \"\\ud83c\\udf0d\"}"));
    }

    void roundTripsThroughWriter()
    {
        const std::string text = "{\"messages\":[{\"role\":\"user\",\"content\":\"Gr\\u00fc\\u00dfe \\\"x\\\" \\\\ \\ud83c\\udf0d\"}],\"n\":-0.001,\"big\":12345678901234}";
        auto first = agora::json::parse(text);
        QVERIFY(first.ok());
        auto second = agora::json::parse(agora::json::write(*first));
        QVERIFY(second.ok());
        QVERIFY(*first == *second);
    }

    void formatsFloatsLikePython_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("repr");
        QTest::newRow("one") << 1.0 << "1.0";
        QTest::newRow("tenth") << 0.1 << "0.1";
        QTest::newRow("small") << 1e-05 << "1e-05";
        QTest::newRow("edge small") << 0.0001 << "0.0001";
        QTest::newRow("big") << 1e16 << "1e+16";
        QTest::newRow("below big") << 1234567890123456.0 << "1234567890123456.0";
        QTest::newRow("neg") << -2.5 << "-2.5";
        QTest::newRow("third") << 1.0 / 3.0 << "0.3333333333333333";
        QTest::newRow("sci mantissa") << 1.5e300 << "1.5e+300";
        QTest::newRow("zero") << 0.0 << "0.0";
    }

    void formatsFloatsLikePython()
    {
        QFETCH(double, value);
        QFETCH(QString, repr);
        QCOMPARE(QString::fromStdString(agora::json::pythonFloatRepr(value)), repr);
    }

    void keepsOrderOnSetAndReplacesDuplicates()
    {
        auto r = agora::json::parse("{\"a\":1,\"b\":2,\"a\":3}");
        QVERIFY(r.ok());
        QCOMPARE(agora::json::write(*r), std::string("{\"a\":3,\"b\":2}"));
        Value v;
        v.set("x", 1);
        v.set("y", "s");
        v.set("x", 2);
        QCOMPARE(agora::json::write(v), std::string("{\"x\":2,\"y\":\"s\"}"));
        QCOMPARE(v.stringOr("y"), std::string("s"));
        QCOMPARE(v.stringOr("x", "fb"), std::string("fb"));
    }
};

QTEST_GUILESS_MAIN(TestJson)
#include "test_json.moc"
