// Compare with the real engine (Vulkan; lavapipe without a GPU): stories260K (a base model,
// continuation mode) and a synthetic qwen2 chat model answer the same prompt side by side under
// greedy sampling; each answer must equal what that model gives alone through the bridge, and
// the same again when the session runs the models one after another (the sequential mode used
// when they do not fit together).
#include "bridge/engine_bridge.h"
#include "bridge/vulkan_engine_backend.h"
#include "compare/compare_session.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>

using agora::app::CompareSession;
using agora::app::EngineBridge;
using agora::app::GenerationSpec;
using agora::app::SamplingSettings;
using agora::app::VulkanEngineBackend;

namespace {

const QString kStories = QStringLiteral(AGORA_SHARED_DIR "/fixtures/models/stories260K.gguf");
const QString kQwen = QStringLiteral(AGORA_SHARED_DIR "/fixtures/models/synthetic/syn-qwen2-4k-Q8_0.gguf");
const QString kPrompt = QStringLiteral("Once upon a time");
constexpr int kMaxTokens = 24;

QVariantMap greedy()
{
    return {{QStringLiteral("temperature"), 0.0}, {QStringLiteral("topK"), 1}, {QStringLiteral("seed"), 1}};
}

} // namespace

class TestCompareEndToEnd : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<EngineBridge> m_bridge;

    // One model alone: a slot of its own, the prompt the session would send it, nothing else loaded.
    QString answerAlone(const QString& path)
    {
        QSignalSpy loaded(m_bridge.get(), &EngineBridge::slotLoaded);
        QSignalSpy loadFailed(m_bridge.get(), &EngineBridge::slotLoadFailed);
        const quint64 slot = m_bridge->loadSlot(path);
        if (!QTest::qWaitFor([&] { return loaded.count() > 0 || loadFailed.count() > 0; }, 120000) || loaded.isEmpty())
            return QStringLiteral("<load failed>");
        const QVariantMap info = m_bridge->slotInfo(slot);
        GenerationSpec spec;
        spec.maxTokens = kMaxTokens;
        spec.conversation = 999;
        SamplingSettings sampling;
        sampling.temperature = 0.0;
        sampling.topK = 1;
        sampling.seed = 1;
        spec.sampling = sampling;
        spec.messages.append({QStringLiteral("user"), kPrompt});
        if (info.value(QStringLiteral("continuationMode")).toBool())
            spec.rawPrompt = kPrompt;
        QSignalSpy finished(m_bridge.get(), &EngineBridge::replyFinished);
        const quint64 ticket = m_bridge->generateOn(slot, spec);
        QString text = QStringLiteral("<no answer>");
        if (QTest::qWaitFor([&] { return !finished.isEmpty(); }, 300000) && finished.at(0).at(0).toULongLong() == ticket)
            text = finished.at(0).at(1).toMap().value(QStringLiteral("text")).toString();
        QSignalSpy unloaded(m_bridge.get(), &EngineBridge::slotUnloaded);
        m_bridge->unloadSlot(slot);
        unloaded.wait(60000);
        return text;
    }

    QStringList compareTexts(bool sequential)
    {
        CompareSession session;
        session.setBridge(m_bridge.get());
        session.setModelPaths({kStories, kQwen});
        session.setSampling(greedy());
        session.setMaxTokens(kMaxTokens);
        session.setSequential(sequential);
        QSignalSpy finished(&session, &CompareSession::turnFinished);
        QSignalSpy failed(&session, &CompareSession::failed);
        if (!session.send(kPrompt))
            return {QStringLiteral("<send refused: %1>").arg(session.error())};
        if (!QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 600000) || !failed.isEmpty())
            return {QStringLiteral("<failed: %1>").arg(session.error())};
        QStringList texts{session.paneText(0), session.paneText(1)};
        for (int pane = 0; pane < 2; ++pane) {
            const QModelIndex at = session.index(pane);
            qInfo("%s pane %d (%s): %d tokens, %.1f tokens/s, first token %.0f ms, %s: %s", sequential ? "sequential" : "together",
                  pane, qPrintable(at.data(CompareSession::ModelNameRole).toString()),
                  at.data(CompareSession::GeneratedTokensRole).toInt(), at.data(CompareSession::TokensPerSecondRole).toDouble(),
                  at.data(CompareSession::TimeToFirstTokenMsRole).toDouble(),
                  qPrintable(at.data(CompareSession::StopReasonRole).toString()), qPrintable(texts.at(pane).left(80)));
        }
        session.unload();
        QTest::qWait(200);
        return texts;
    }

private slots:
    void initTestCase()
    {
        if (!QFileInfo::exists(kStories) || !QFileInfo::exists(kQwen))
            QSKIP("model fixtures not present");
        m_bridge = std::make_unique<EngineBridge>(std::make_shared<VulkanEngineBackend>());
    }

    void cleanupTestCase() { m_bridge.reset(); }

    void sideBySideEqualsEachAlone()
    {
        const QStringList together = compareTexts(false);
        QCOMPARE(together.size(), 2);
        QVERIFY2(!together.at(0).isEmpty() && !together.at(0).startsWith(u'<'), qPrintable(together.at(0)));
        QVERIFY2(!together.at(1).isEmpty() && !together.at(1).startsWith(u'<'), qPrintable(together.at(1)));
        QVERIFY(together.at(0) != together.at(1)); // two different models, two different answers

        QCOMPARE(answerAlone(kStories), together.at(0));
        QCOMPARE(answerAlone(kQwen), together.at(1));

        // One after another (the out-of-memory fall-back): the same answers.
        QCOMPARE(compareTexts(true), together);
    }
};

QTEST_MAIN(TestCompareEndToEnd)
#include "test_compare_end_to_end.moc"
