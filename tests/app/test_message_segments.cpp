// Splitting replies into prose and fenced code blocks (message_segments.h), including a reply
// cut off mid-stream, and the sampling presets (sampling_presets.h): their values, the clamping
// of custom values, and the seed rule.
#include "viewmodels/message_segments.h"
#include "viewmodels/sampling_presets.h"

#include <QTest>

using agora::app::MessageSegment;
using agora::app::SamplingPresets;
using agora::app::splitMessageSegments;

namespace {

QString describe(const QList<MessageSegment>& segments)
{
    QStringList parts;
    for (const MessageSegment& s : segments) {
        if (s.kind == MessageSegment::Kind::Text)
            parts << QStringLiteral("T(%1)").arg(s.text);
        else
            parts << QStringLiteral("C%1[%2](%3)").arg(s.closed ? QString() : QStringLiteral("~"), s.language, s.text);
    }
    return parts.join(u'|');
}

} // namespace

class TestMessageSegments : public QObject {
    Q_OBJECT

private slots:
    void splits_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("expected");
        QTest::newRow("prose only") << "# Title\n\n- one\n- two" << "T(# Title\n\n- one\n- two)";
        QTest::newRow("empty") << "" << "";
        QTest::newRow("code between prose")
            << "Use this:\n```python\nprint('hi')\n\nx = 1\n```\nDone." << "T(Use this:)|C[python](print('hi')\n\nx = 1)|T(Done.)";
        QTest::newRow("no language, tildes") << "~~~\nls -l\n~~~" << "C[](ls -l)";
        QTest::newRow("info string keeps its first word") << "```c++ linenos\nint x;\n```" << "C[c++](int x;)";
        QTest::newRow("a shorter fence does not close") << "````md\n```\ninner\n```\n````" << "C[md](```\ninner\n```)";
        QTest::newRow("the other fence character does not close") << "```\na\n~~~\nb\n```" << "C[](a\n~~~\nb)";
        QTest::newRow("closing fence with text is content") << "```\na\n``` not\n```" << "C[](a\n``` not)";
        QTest::newRow("inline backticks are prose") << "Run ```x``` now" << "T(Run ```x``` now)";
        QTest::newRow("four spaces is not a fence") << "    ```\n    code" << "T(    ```\n    code)";
        QTest::newRow("indented fence") << "  ```js\nlet a;\n  ```" << "C[js](let a;)";
        QTest::newRow("two blocks") << "```a\n1\n```\n\n```b\n2\n```" << "C[a](1)|C[b](2)";
        QTest::newRow("windows line ends") << "x\r\n```sh\r\necho\r\n```\r\n" << "T(x)|C[sh](echo)";
        // Streaming: the reply stops mid-block, or right after the opening fence.
        QTest::newRow("unterminated while streaming") << "Here:\n```rust\nfn main() {" << "T(Here:)|C~[rust](fn main() {)";
        QTest::newRow("only the opening fence yet") << "Here:\n```" << "T(Here:)|C~[]()";
        QTest::newRow("a partial fence is still prose") << "Here:\n``" << "T(Here:\n``)";
    }

    void splits()
    {
        QFETCH(QString, markdown);
        QFETCH(QString, expected);
        QCOMPARE(describe(splitMessageSegments(markdown)), expected);
    }

    void variantListForQml()
    {
        const QVariantList list = agora::app::segmentsToVariantList(splitMessageSegments("a\n```py\nx\n"));
        QCOMPARE(list.size(), 2);
        const QVariantMap code = list.at(1).toMap();
        QCOMPARE(code.value("kind").toString(), QStringLiteral("code"));
        QCOMPARE(code.value("language").toString(), QStringLiteral("py"));
        QCOMPARE(code.value("text").toString(), QStringLiteral("x\n"));
        QCOMPARE(code.value("closed").toBool(), false);
        QCOMPARE(list.at(0).toMap().value("kind").toString(), QStringLiteral("text"));
    }

    void presetsHaveTheDocumentedValues()
    {
        SamplingPresets presets;
        QCOMPARE(presets.names(), (QStringList{"precise", "balanced", "creative", "custom"}));
        const auto precise = SamplingPresets::settingsFor(SamplingPresets::presetJson("precise"), 7);
        QCOMPARE(precise.temperature, 0.2);
        QCOMPARE(precise.topK, 20);
        QCOMPARE(precise.topP, 0.9);
        QCOMPARE(precise.minP, 0.1);
        QCOMPARE(precise.repeatPenalty, 1.0);
        QCOMPARE(precise.seed, quint64(7)); // presets draw a new seed per reply
        const auto balanced = SamplingPresets::settingsFor(SamplingPresets::presetJson("balanced"), 1);
        QCOMPARE(balanced.temperature, 0.7);
        QCOMPARE(balanced.topK, 40);
        const auto creative = SamplingPresets::settingsFor(SamplingPresets::presetJson("creative"), 1);
        QCOMPARE(creative.temperature, 1.0);
        QCOMPARE(creative.repeatPenalty, 1.1);
        QVERIFY(precise.temperature < balanced.temperature && balanced.temperature < creative.temperature);
        // An unknown name is balanced, never an error.
        QCOMPARE(presets.values("nonsense").value("preset").toString(), QStringLiteral("balanced"));
        QCOMPARE(SamplingPresets::maxTokensFor(SamplingPresets::presetJson("precise")), SamplingPresets::kDefaultMaxTokens);
        QCOMPARE(presets.label("creative"), QStringLiteral("Creative"));
        QVERIFY(!presets.description("precise").isEmpty());
    }

    void namedPresetsIgnoreStoredValues()
    {
        // A stored "precise" with an old temperature still samples as precise is defined now.
        const QJsonObject stored{{"preset", "precise"}, {"temperature", 1.7}, {"maxTokens", 200}};
        QCOMPARE(SamplingPresets::settingsFor(stored, 1).temperature, 0.2);
        QCOMPARE(SamplingPresets::maxTokensFor(stored), 200); // the reply length is not part of a preset
    }

    void customValuesAreClamped()
    {
        const QJsonObject custom{{"preset", "custom"}, {"temperature", 5.0}, {"topK", -3}, {"topP", 1.5},
                                 {"minP", 0.3}, {"repeatPenalty", 0.2}, {"seed", 42.7}, {"maxTokens", 1e9}};
        const auto s = SamplingPresets::settingsFor(custom, 99);
        QCOMPARE(s.temperature, 2.0);
        QCOMPARE(s.topK, 0);
        QCOMPARE(s.topP, 1.0);
        QCOMPARE(s.minP, 0.3);
        QCOMPARE(s.repeatPenalty, 1.0);
        QCOMPARE(s.seed, quint64(42)); // a fixed seed: repeatable replies
        QCOMPARE(SamplingPresets::maxTokensFor(custom), SamplingPresets::kMaxMaxTokens);
        // Missing or wrongly typed values fall back to balanced's.
        const auto partial = SamplingPresets::settingsFor(QJsonObject{{"preset", "custom"}, {"temperature", "hot"}}, 5);
        QCOMPARE(partial.temperature, 0.7);
        QCOMPARE(partial.seed, quint64(5));
        SamplingPresets presets;
        QCOMPARE(presets.normalized(QVariantMap{{"preset", "custom"}, {"topK", 5000}}).value("topK").toInt(), 1000);
    }
};

QTEST_GUILESS_MAIN(TestMessageSegments)
#include "test_message_segments.moc"
