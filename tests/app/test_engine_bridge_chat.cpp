// EngineBridge's chat half with a fake engine: load with progress and clear errors for missing
// and corrupt files, streamed replies coalesced on the GUI thread (text and reasoning kept
// apart), per-reply stats, stop, unload, and teardown while a reply is still streaming.
#include "bridge/engine_bridge.h"
#include "fake_engine_backend.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using agora::app::EngineBridge;
using agora::app::GenerationSpec;
using agora::app::testing::FakeEngineBackend;

namespace {

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return QString();
    return path;
}

GenerationSpec userSays(const QString& text)
{
    GenerationSpec spec;
    spec.conversation = 7;
    spec.messages.append({QStringLiteral("user"), text});
    return spec;
}

} // namespace

class TestEngineBridgeChat : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_modelPath;

    std::shared_ptr<FakeEngineBackend> makeBackend() { return std::make_shared<FakeEngineBackend>(QByteArray("{}")); }

    bool loadInto(EngineBridge& bridge)
    {
        if (!bridge.loadModel(m_modelPath))
            return false;
        return QTest::qWaitFor([&] { return bridge.modelState() == EngineBridge::ModelState::Ready; }, 5000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_modelPath = writeFile(m_dir, QStringLiteral("tiny-stories.gguf"), QByteArrayLiteral("GGUF\x03\0\0\0 rest"));
        QVERIFY(!m_modelPath.isEmpty());
    }

    void loadReportsProgressThenReady()
    {
        auto backend = makeBackend();
        EngineBridge bridge(backend);
        QSignalSpy progress(&bridge, &EngineBridge::loadProgressChanged);
        QSignalSpy states(&bridge, &EngineBridge::modelStateChanged);
        QVERIFY(bridge.loadModel(m_modelPath, 512));
        QCOMPARE(bridge.modelState(), EngineBridge::ModelState::Loading);
        QVERIFY(!bridge.loadModel(m_modelPath)); // one at a time
        QTRY_COMPARE(bridge.modelState(), EngineBridge::ModelState::Ready);
        QCOMPARE(bridge.modelName(), QStringLiteral("tiny-stories"));
        QCOMPARE(bridge.contextLength(), 512);
        QCOMPARE(bridge.loadProgress(), 1.0);
        QVERIFY(progress.count() >= 4); // reset, 0.25, 0.5, 1.0 (from progress) and the final 1.0
        QVERIFY(states.count() >= 2);
        QVERIFY(backend->lastChatThread() != nullptr);
        QVERIFY(backend->lastChatThread() != QThread::currentThread());
    }

    void missingAndCorruptFilesFailWithReadableErrors()
    {
        EngineBridge bridge(makeBackend());
        QSignalSpy failed(&bridge, &EngineBridge::modelLoadFailed);
        QVERIFY(bridge.loadModel(m_dir.filePath(QStringLiteral("nowhere.gguf"))));
        QTRY_COMPARE(bridge.modelState(), EngineBridge::ModelState::Failed);
        QVERIFY2(bridge.modelError().startsWith(QStringLiteral("The file could not be read.")), qPrintable(bridge.modelError()));
        QVERIFY(bridge.modelError().contains(QStringLiteral("nowhere.gguf")));
        QCOMPARE(failed.count(), 1);

        const QString junk = writeFile(m_dir, QStringLiteral("junk.gguf"), QByteArrayLiteral("PK\x03\x04 not a model"));
        QVERIFY(bridge.loadModel(junk)); // a failed load can be retried with another file
        QTRY_COMPARE(failed.count(), 2);
        QVERIFY2(bridge.modelError().startsWith(QStringLiteral("The file is damaged or is not a GGUF model.")),
                 qPrintable(bridge.modelError()));
        QCOMPARE(bridge.modelState(), EngineBridge::ModelState::Failed);
    }

    void replyStreamsCoalescedWithStats()
    {
        auto backend = makeBackend();
        QStringList pieces;
        for (int i = 0; i < 60; ++i)
            pieces << QStringLiteral("w%1 ").arg(i);
        pieces.insert(0, QStringLiteral("think:pondering "));
        backend->setReply(pieces, 2);
        EngineBridge bridge(backend);
        QVERIFY(loadInto(bridge));

        QString text, reasoning;
        int deltas = 0;
        connect(&bridge, &EngineBridge::replyDelta, this, [&](quint64, const QString& t, const QString& r) {
            QCOMPARE(QThread::currentThread(), qApp->thread());
            text += t;
            reasoning += r;
            ++deltas;
        });
        QSignalSpy finished(&bridge, &EngineBridge::replyFinished);
        QElapsedTimer streamClock;
        streamClock.start();
        const quint64 ticket = bridge.generate(userSays(QStringLiteral("hi")));
        QVERIFY(ticket != 0);
        QVERIFY(bridge.generating());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        const qint64 streamMs = streamClock.elapsed();
        QVERIFY(!bridge.generating());
        QCOMPARE(finished.at(0).at(0).toULongLong(), ticket);
        const QVariantMap stats = finished.at(0).at(1).toMap();
        QCOMPARE(reasoning, QStringLiteral("pondering "));
        QCOMPARE(text, stats.value(QStringLiteral("text")).toString());
        QVERIFY(text.startsWith(QStringLiteral("w0 w1 ")) && text.endsWith(QStringLiteral("w59 ")));
        QCOMPARE(stats.value(QStringLiteral("modelName")).toString(), QStringLiteral("tiny-stories"));
        QCOMPARE(stats.value(QStringLiteral("generatedTokens")).toInt(), 61);
        QCOMPARE(stats.value(QStringLiteral("stopReason")).toString(), QStringLiteral("end_of_turn"));
        QVERIFY(stats.value(QStringLiteral("tokensPerSecond")).toDouble() > 0.0);
        QVERIFY(stats.value(QStringLiteral("seconds")).toDouble() > 0.0);
        // 61 pieces arrive in ~30 ms batches, not one signal each: at most one batch per 30 ms
        // of streaming (plus the final flush), however slow a loaded machine makes the fake.
        QVERIFY2(deltas >= 1 && deltas < 61 && deltas <= streamMs / 30 + 2,
                 qPrintable(QStringLiteral("%1 deltas in %2 ms").arg(deltas).arg(streamMs)));
        QCOMPARE(backend->lastSpec().messages.size(), 1);
        QCOMPARE(backend->lastSpec().conversation, quint64(7));
    }

    void stopEndsTheReplyEarly()
    {
        auto backend = makeBackend();
        backend->setReply(QStringList(400, QStringLiteral("x")), 5);
        EngineBridge bridge(backend);
        QVERIFY(loadInto(bridge));
        QSignalSpy deltas(&bridge, &EngineBridge::replyDelta);
        QSignalSpy finished(&bridge, &EngineBridge::replyFinished);
        const quint64 ticket = bridge.generate(userSays(QStringLiteral("go on")));
        QTRY_VERIFY(deltas.count() >= 1);
        bridge.stop(ticket);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
        const QVariantMap stats = finished.at(0).at(1).toMap();
        QCOMPARE(stats.value(QStringLiteral("stopReason")).toString(), QStringLiteral("cancelled"));
        QVERIFY(stats.value(QStringLiteral("generatedTokens")).toInt() < 400);
        QVERIFY(!bridge.generating());
    }

    void generateWithoutModelFails()
    {
        EngineBridge bridge(makeBackend());
        QSignalSpy failed(&bridge, &EngineBridge::replyFailed);
        const quint64 ticket = bridge.generate(userSays(QStringLiteral("anyone?")));
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).toULongLong(), ticket);
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("Load a model before sending a message."));
    }

    void unloadReturnsToNoModel()
    {
        auto backend = makeBackend();
        EngineBridge bridge(backend);
        QVERIFY(loadInto(bridge));
        bridge.closeConversation(7);
        QTRY_COMPARE(backend->closedConversations(), 1);
        bridge.unloadModel();
        QCOMPARE(bridge.modelState(), EngineBridge::ModelState::Unloading);
        QTRY_COMPARE(bridge.modelState(), EngineBridge::ModelState::NoModel);
        QVERIFY(bridge.modelName().isEmpty());
        QVERIFY(loadInto(bridge)); // and loads again
    }

    void errorsAreTranslatedSentencesWithDetail()
    {
        const QString text = EngineBridge::describeError({QStringLiteral("out-of-device-memory"), QStringLiteral("needs 3 GiB")});
        QCOMPARE(text, QStringLiteral("The model does not fit into the graphics card's memory.\nneeds 3 GiB"));
        QCOMPARE(EngineBridge::describeError({QStringLiteral("weird"), QString()}),
                 QStringLiteral("Something went wrong inside Agora."));
    }

    void inspectAnswersWithACardOrAnError()
    {
        EngineBridge bridge(makeBackend());
        QSignalSpy inspected(&bridge, &EngineBridge::modelInspected);
        const quint64 good = bridge.inspectModel(m_modelPath, 1024);
        const QString corrupt = writeFile(m_dir, QStringLiteral("notes.gguf"), QByteArrayLiteral("hello"));
        const quint64 bad = bridge.inspectModel(corrupt);
        QVERIFY(good != bad);
        QTRY_COMPARE(inspected.count(), 2);
        QCOMPARE(inspected.at(0).at(0).toULongLong(), good);
        const QVariantMap card = inspected.at(0).at(2).toMap();
        QCOMPARE(card.value(QStringLiteral("name")).toString(), QStringLiteral("tiny-stories"));
        QCOMPARE(card.value(QStringLiteral("contextLength")).toInt(), 1024);
        QVERIFY(inspected.at(0).at(3).toString().isEmpty());
        QCOMPARE(inspected.at(1).at(0).toULongLong(), bad);
        QVERIFY(inspected.at(1).at(2).toMap().isEmpty());
        QVERIFY(inspected.at(1).at(3).toString().contains(QStringLiteral("damaged")));
    }

    // Slots: two more models next to "the" model, each streaming its own reply; unloading one
    // leaves the other working, and a failed slot load says why.
    void slotsLoadGenerateAndUnloadIndependently()
    {
        auto backend = makeBackend();
        EngineBridge bridge(backend);
        QVERIFY(loadInto(bridge));
        const QString second = writeFile(m_dir, QStringLiteral("second.gguf"), QByteArrayLiteral("GGUF\x03\0\0\0 b"));
        QSignalSpy loaded(&bridge, &EngineBridge::slotLoaded);
        QSignalSpy failedLoads(&bridge, &EngineBridge::slotLoadFailed);
        QSignalSpy progress(&bridge, &EngineBridge::slotLoadProgress);
        const quint64 a = bridge.loadSlot(m_modelPath, 256);
        const quint64 b = bridge.loadSlot(second);
        const quint64 broken = bridge.loadSlot(m_dir.filePath(QStringLiteral("missing.gguf")));
        QTRY_COMPARE(loaded.count(), 2);
        QTRY_COMPARE(failedLoads.count(), 1);
        QCOMPARE(failedLoads.at(0).at(0).toULongLong(), broken);
        QCOMPARE(failedLoads.at(0).at(2).toString(), QStringLiteral("io"));
        QVERIFY(progress.count() >= 6);
        QCOMPARE(bridge.slotInfo(a).value(QStringLiteral("name")).toString(), QStringLiteral("tiny-stories"));
        QCOMPARE(bridge.slotInfo(a).value(QStringLiteral("contextLength")).toInt(), 256);
        QCOMPARE(bridge.slotInfo(b).value(QStringLiteral("name")).toString(), QStringLiteral("second"));
        QVERIFY(bridge.slotInfo(broken).isEmpty());

        QSignalSpy finished(&bridge, &EngineBridge::replyFinished);
        const quint64 ra = bridge.generateOn(a, userSays(QStringLiteral("hi")));
        const quint64 rb = bridge.generateOn(b, userSays(QStringLiteral("hi")));
        QTRY_COMPARE(finished.count(), 2);
        QSet<quint64> done;
        QStringList names;
        for (const auto& args : finished) {
            done << args.at(0).toULongLong();
            names << args.at(1).toMap().value(QStringLiteral("modelName")).toString();
        }
        QCOMPARE(done, (QSet<quint64>{ra, rb}));
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("second"), QStringLiteral("tiny-stories")}));

        QSignalSpy unloaded(&bridge, &EngineBridge::slotUnloaded);
        bridge.unloadSlot(a);
        QTRY_COMPARE(unloaded.count(), 1);
        QCOMPARE(unloaded.at(0).at(0).toULongLong(), a);
        QVERIFY(bridge.slotInfo(a).isEmpty());
        QSignalSpy failedReplies(&bridge, &EngineBridge::replyFailed);
        bridge.generateOn(a, userSays(QStringLiteral("again")));
        QTRY_COMPARE(failedReplies.count(), 1);
        bridge.generateOn(b, userSays(QStringLiteral("again")));
        QTRY_COMPARE(finished.count(), 3);
        QCOMPARE(bridge.modelState(), EngineBridge::ModelState::Ready); // "the" model untouched
    }

    void slotUnloadedWhileLoadingNeverReportsLoaded()
    {
        EngineBridge bridge(makeBackend());
        QSignalSpy loaded(&bridge, &EngineBridge::slotLoaded);
        QSignalSpy unloaded(&bridge, &EngineBridge::slotUnloaded);
        const quint64 slot = bridge.loadSlot(m_modelPath);
        bridge.unloadSlot(slot);
        QTRY_COMPARE(unloaded.count(), 1);
        QCOMPARE(loaded.count(), 0);
    }

    void leaderboardAndSuitesComeBackAsRows()
    {
        EngineBridge bridge(makeBackend());
        QSignalSpy table(&bridge, &EngineBridge::leaderboardComputed);
        const QVariantList votes{
            QVariantMap{{QStringLiteral("modelA"), QStringLiteral("x")}, {QStringLiteral("modelB"), QStringLiteral("y")},
                        {QStringLiteral("outcome"), QStringLiteral("a")}},
            QVariantMap{{QStringLiteral("modelA"), QStringLiteral("y")}, {QStringLiteral("modelB"), QStringLiteral("x")},
                        {QStringLiteral("outcome"), QStringLiteral("b")}}};
        const quint64 ticket = bridge.computeLeaderboard(votes);
        QTRY_COMPARE(table.count(), 1);
        QCOMPARE(table.at(0).at(0).toULongLong(), ticket);
        const QVariantList rows = table.at(0).at(1).toList();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).toMap().value(QStringLiteral("model")).toString(), QStringLiteral("x"));
        QCOMPARE(rows.at(0).toMap().value(QStringLiteral("wins")).toInt(), 2);

        QSignalSpy suites(&bridge, &EngineBridge::promptSuiteLoaded);
        bridge.loadPromptSuite(QStringLiteral("perspectives"));
        bridge.loadPromptSuite(m_dir.filePath(QStringLiteral("absent.jsonl")));
        QTRY_COMPARE(suites.count(), 2);
        QCOMPARE(suites.at(0).at(1).toList().size(), 3);
        QVERIFY(suites.at(0).at(2).toString().isEmpty());
        QVERIFY(suites.at(1).at(1).toList().isEmpty());
        QVERIFY(suites.at(1).at(2).toString().contains(QStringLiteral("could not be read")));
    }

    void refusalsAreFlaggedInTheStats()
    {
        auto backend = makeBackend();
        EngineBridge bridge(backend);
        QVERIFY(loadInto(bridge));
        backend->setReply({QStringLiteral("I cannot"), QStringLiteral(" help with that.")}, 1);
        QSignalSpy finished(&bridge, &EngineBridge::replyFinished);
        bridge.generate(userSays(QStringLiteral("?")));
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(finished.at(0).at(1).toMap().value(QStringLiteral("refusal")).toBool());
    }

    void teardownWhileStreamingIsClean()
    {
        auto backend = makeBackend();
        backend->setReply(QStringList(1000, QStringLiteral("y")), 2);
        {
            EngineBridge bridge(backend);
            QVERIFY(loadInto(bridge));
            QSignalSpy deltas(&bridge, &EngineBridge::replyDelta);
            bridge.generate(userSays(QStringLiteral("long one")));
            QTRY_VERIFY(deltas.count() >= 1);
        } // the bridge goes away mid-reply; the backend keeps running and must not call into it
        QTest::qWait(50);
    }
};

QTEST_GUILESS_MAIN(TestEngineBridgeChat)
#include "test_engine_bridge_chat.moc"
