// The stream filter alone: stop strings split across tokens, false starts released, think tags
// split into reasoning and text, and multi-byte characters never cut in two.
#include "session/stream_filter.h"

#include <QtTest>

using agora::DeltaKind;
using agora::session::Delta;
using agora::session::StreamFilter;

namespace {

struct Collected {
    std::string text, reasoning;
    std::vector<Delta> deltas;
};

void collect(Collected& c, const std::vector<Delta>& ds)
{
    for (const Delta& d : ds) {
        (d.kind == DeltaKind::Reasoning ? c.reasoning : c.text) += d.text;
        c.deltas.push_back(d);
    }
}

// Feeds `pieces` one by one (each is one token's bytes) and finishes.
Collected run(StreamFilter& f, const std::vector<std::string>& pieces)
{
    Collected c;
    for (const std::string& p : pieces)
        collect(c, f.push(p));
    collect(c, f.finish());
    return c;
}

std::vector<std::string> bytesOf(const std::string& s)
{
    std::vector<std::string> out;
    for (char ch : s)
        out.emplace_back(1, ch);
    return out;
}

bool validUtf8(const std::string& s) { return agora::session::sanitizeUtf8(s) == s; }

} // namespace

class TestStreamFilter : public QObject {
    Q_OBJECT

private slots:
    void plainTextPassesImmediately()
    {
        StreamFilter f({}, false);
        const auto d = f.push("Hello");
        QCOMPARE(d.size(), size_t(1));
        QCOMPARE(d[0].text, std::string("Hello"));
        QCOMPARE(f.heldBytes(), size_t(0));
    }

    void stopStringSplitAcrossTokens()
    {
        StreamFilter f({"</answer>"}, false);
        Collected c;
        collect(c, f.push("The result</an"));
        QCOMPARE(c.text, std::string("The result")); // "</an" is held: it may become the stop string
        QCOMPARE(f.heldBytes(), size_t(4));
        collect(c, f.push("swer> and more"));
        QVERIFY(f.stopped());
        collect(c, f.push("ignored"));
        collect(c, f.finish());
        QCOMPARE(c.text, std::string("The result"));
    }

    void falseStartIsReleased()
    {
        StreamFilter f({"STOP"}, false);
        const Collected c = run(f, bytesOf("a STOx STO"));
        QVERIFY(!f.stopped());
        QCOMPARE(c.text, std::string("a STOx STO")); // the trailing "STO" comes out at finish
        for (const Delta& d : c.deltas)
            QVERIFY(d.text.find("STOP") == std::string::npos);
    }

    void earliestOfSeveralStopStrings()
    {
        StreamFilter f({"World", "lo W"}, false);
        const Collected c = run(f, {"Hel", "lo World"});
        QVERIFY(f.stopped());
        QCOMPARE(c.text, std::string("Hel"));
    }

    void thinkTagsSplitReasoningFromText()
    {
        StreamFilter f({}, false);
        const Collected c = run(f, bytesOf("<think>\nLet me see.\n</think>\n\nIt is 4."));
        QCOMPARE(c.reasoning, std::string("Let me see.\n"));
        QCOMPARE(c.text, std::string("It is 4."));
        for (const Delta& d : c.deltas)
            QVERIFY(d.text.find('<') == std::string::npos); // tags never leak
    }

    void promptOpenedTheThinkBlock()
    {
        StreamFilter f({}, true);
        const Collected c = run(f, {"\nhm", "m</th", "ink>", "Yes"});
        QCOMPARE(c.reasoning, std::string("hmm"));
        QCOMPARE(c.text, std::string("Yes"));
    }

    void multiByteCharactersAreNeverCut()
    {
        const std::string s = "h\xC3\xA9llo \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x8E\x89!"; // héllo 日本 🎉!
        StreamFilter f({}, false);
        Collected c;
        for (const std::string& b : bytesOf(s)) {
            const auto ds = f.push(b);
            for (const Delta& d : ds)
                QVERIFY2(validUtf8(d.text), "a delta cut a character");
            collect(c, ds);
        }
        collect(c, f.finish());
        QCOMPARE(c.text, s);
        QVERIFY(c.deltas.size() >= 8); // streamed as it came, not all at the end
    }

    void invalidBytesBecomeReplacementCharacters()
    {
        StreamFilter f({}, false);
        const Collected c = run(f, {"a\x80", "b\xE6\x97", "\xFF"});
        QCOMPARE(c.text, std::string("a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"));
    }

    void unicodeStopString()
    {
        StreamFilter f({"\xE3\x80\x82"}, false); // "。"
        const Collected c = run(f, bytesOf("\xE5\xA5\xBD\xE3\x80\x82\xE5\x90\x97")); // 好。吗
        QVERIFY(f.stopped());
        QCOMPARE(c.text, std::string("\xE5\xA5\xBD"));
    }
};

QTEST_GUILESS_MAIN(TestStreamFilter)
#include "test_stream_filter.moc"
