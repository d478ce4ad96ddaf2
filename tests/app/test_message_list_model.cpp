// The chat view's MessageListModel under QAbstractItemModelTester, with a fake engine and a real
// ConversationStore in a temporary folder: send streams a reply into the list and into the
// history, stats make the footer text, stop keeps the partial answer, regenerate and edit take
// over the old reply's row, and a fresh store over the same folder finds everything intact.
#include "bridge/engine_bridge.h"
#include "fake_engine_backend.h"
#include "persistence/conversation_store.h"
#include "viewmodels/message_list_model.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using agora::app::EngineBridge;
using agora::app::MessageListModel;
using agora::app::store::Conversation;
using agora::app::store::ConversationStore;
using agora::app::testing::FakeEngineBackend;

class TestMessageListModel : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_modelPath;
    std::shared_ptr<FakeEngineBackend> m_backend;
    std::unique_ptr<EngineBridge> m_bridge;
    std::unique_ptr<ConversationStore> m_store;
    qint64 m_conversation = 0;

    bool openStore()
    {
        m_store = std::make_unique<ConversationStore>();
        m_store->setFlushInterval(50);
        QSignalSpy opened(m_store.get(), &ConversationStore::opened);
        m_store->open(m_dir.path());
        return opened.wait(5000) && opened.at(0).at(1).toBool();
    }

    // A second model over the same store and conversation, as the app after a restart.
    QStringList reloadedContents(int expectedRows)
    {
        MessageListModel reloaded;
        reloaded.setStoreObject(m_store.get());
        reloaded.setConversationId(m_conversation);
        if (!QTest::qWaitFor([&] { return reloaded.rowCount() == expectedRows; }, 5000))
            return {QStringLiteral("<%1 rows>").arg(reloaded.rowCount())};
        QStringList contents;
        for (int row = 0; row < reloaded.rowCount(); ++row)
            contents << reloaded.textAt(row);
        return contents;
    }

    std::unique_ptr<MessageListModel> makeModel()
    {
        auto model = std::make_unique<MessageListModel>();
        new QAbstractItemModelTester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest, model.get());
        model->setBridge(m_bridge.get());
        model->setStoreObject(m_store.get());
        model->setConversationId(m_conversation);
        return model;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_modelPath = m_dir.filePath(QStringLiteral("tiny-stories.gguf"));
        QFile file(m_modelPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("GGUF\x03\0\0\0", 8);
        file.close();
        m_backend = std::make_shared<FakeEngineBackend>(QByteArray("{}"));
        m_bridge = std::make_unique<EngineBridge>(m_backend);
        QVERIFY(m_bridge->loadModel(m_modelPath));
        QTRY_COMPARE(m_bridge->modelState(), EngineBridge::ModelState::Ready);
        QVERIFY(openStore());
        Conversation conversation;
        conversation.title = QStringLiteral("Stories");
        QSignalSpy saved(m_store.get(), &ConversationStore::conversationSaved);
        m_store->createConversation(conversation);
        QVERIFY(saved.wait(5000));
        m_conversation = saved.at(0).at(1).value<Conversation>().id;
        QVERIFY(m_conversation != 0);
    }

    void cleanup()
    {
        m_bridge.reset();
        m_store.reset();
        m_backend.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("history.sqlite")));
        QFile::remove(m_dir.filePath(QStringLiteral("history.sqlite-wal")));
        QFile::remove(m_dir.filePath(QStringLiteral("history.sqlite-shm")));
    }

    void sendStreamsAndSaves()
    {
        m_backend->setReply({QStringLiteral("think:hmm "), QStringLiteral("Once"), QStringLiteral(" upon"),
                             QStringLiteral(" a time")}, 10);
        auto model = makeModel();
        model->setSystemPrompt(QStringLiteral("Be brief."));
        QSignalSpy streaming(model.get(), &MessageListModel::streamingChanged);
        QVERIFY(model->send(QStringLiteral("  Tell me a story \n")));
        QCOMPARE(model->rowCount(), 2);
        QVERIFY(model->streaming());
        QVERIFY(!model->send(QStringLiteral("again"))); // one reply at a time
        QVERIFY(!model->lastError().isEmpty());
        QCOMPARE(model->index(1).data(MessageListModel::StreamingRole).toBool(), true);
        QTRY_VERIFY_WITH_TIMEOUT(!model->streaming(), 5000);

        const QModelIndex reply = model->index(1);
        QCOMPARE(model->index(0).data(MessageListModel::ContentRole).toString(), QStringLiteral("Tell me a story"));
        QCOMPARE(reply.data(MessageListModel::MessageRoleRole).toString(), QStringLiteral("assistant"));
        QCOMPARE(reply.data(MessageListModel::ContentRole).toString(), QStringLiteral("Once upon a time"));
        QCOMPARE(reply.data(MessageListModel::ReasoningRole).toString(), QStringLiteral("hmm "));
        QCOMPARE(reply.data(MessageListModel::ModelNameRole).toString(), QStringLiteral("tiny-stories"));
        QCOMPARE(reply.data(MessageListModel::StreamingRole).toBool(), false);
        QVERIFY(reply.data(MessageListModel::TokensPerSecondRole).toDouble() > 0.0);
        const QString footer = reply.data(MessageListModel::StatsTextRole).toString();
        QVERIFY2(footer.startsWith(QStringLiteral("tiny-stories · ")) && footer.contains(QStringLiteral("tokens/s")),
                 qPrintable(footer));
        QVERIFY(model->index(0).data(MessageListModel::StatsTextRole).toString().isEmpty());
        QTRY_VERIFY(reply.data(MessageListModel::MessageIdRole).toLongLong() != 0);

        const agora::app::GenerationSpec spec = m_backend->lastSpec();
        QCOMPARE(spec.messages.size(), 2);
        QCOMPARE(spec.messages.at(0).role, QStringLiteral("system"));
        QCOMPARE(spec.messages.at(1).content, QStringLiteral("Tell me a story"));
        QCOMPARE(spec.conversation, quint64(m_conversation));

        // The app restarts: a new store over the same folder finds the conversation intact.
        model.reset();
        QVERIFY(openStore());
        QCOMPARE(reloadedContents(2), (QStringList{QStringLiteral("Tell me a story"), QStringLiteral("Once upon a time")}));
    }

    void stopKeepsThePartialAnswer()
    {
        m_backend->setReply(QStringList(300, QStringLiteral("la ")), 5);
        auto model = makeModel();
        QVERIFY(model->send(QStringLiteral("Sing")));
        QTRY_VERIFY(!model->textAt(1).isEmpty());
        model->stop();
        QTRY_VERIFY_WITH_TIMEOUT(!model->streaming(), 5000);
        const QString partial = model->textAt(1);
        QVERIFY(partial.size() < 300 * 3);
        QCOMPARE(model->index(1).data(MessageListModel::StopReasonRole).toString(), QStringLiteral("cancelled"));
        QCOMPARE(reloadedContents(2).value(1), partial);
    }

    void aFastReplyStillGetsItsId()
    {
        // The whole reply can finish before the store answers its first save.
        m_backend->setReply({QStringLiteral("Quick")}, 0);
        auto model = makeModel();
        QVERIFY(model->send(QStringLiteral("Fast?")));
        QTRY_VERIFY(!model->streaming());
        QTRY_VERIFY(model->index(1).data(MessageListModel::MessageIdRole).toLongLong() != 0);
        m_backend->setReply({QStringLiteral("Again")}, 0);
        QVERIFY(model->regenerate());
        QTRY_VERIFY(!model->streaming());
        QCOMPARE(reloadedContents(2), (QStringList{QStringLiteral("Fast?"), QStringLiteral("Again")}));
    }

    void regenerateAndEditTakeOverTheOldReply()
    {
        auto model = makeModel();
        QVERIFY(model->send(QStringLiteral("First")));
        QTRY_VERIFY(!model->streaming());
        QTRY_VERIFY(model->index(1).data(MessageListModel::MessageIdRole).toLongLong() != 0);
        const qint64 replyId = model->index(1).data(MessageListModel::MessageIdRole).toLongLong();

        m_backend->setReply({QStringLiteral("Second take")}, 1);
        QVERIFY(model->regenerate());
        QTRY_VERIFY(!model->streaming());
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->textAt(1), QStringLiteral("Second take"));
        QCOMPARE(model->index(1).data(MessageListModel::MessageIdRole).toLongLong(), replyId);

        m_backend->setReply({QStringLiteral("Edited answer")}, 1);
        QVERIFY(!model->editAndResend(1, QStringLiteral("not a question")));
        QVERIFY(model->editAndResend(0, QStringLiteral("First, edited")));
        QTRY_VERIFY(!model->streaming());
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(m_backend->lastSpec().messages.constLast().content, QStringLiteral("First, edited"));
        QCOMPARE(reloadedContents(2), (QStringList{QStringLiteral("First, edited"), QStringLiteral("Edited answer")}));
    }

    void editAnEarlierQuestionDeletesWhatFollowed()
    {
        auto model = makeModel();
        for (const char* question : {"One", "Two", "Three"}) {
            m_backend->setReply({QStringLiteral("Answer to ") + QLatin1String(question)}, 1);
            QVERIFY(model->send(QLatin1String(question)));
            QTRY_VERIFY(!model->streaming());
        }
        QCOMPARE(model->rowCount(), 6);
        QTRY_VERIFY(model->index(5).data(MessageListModel::MessageIdRole).toLongLong() != 0);

        m_backend->setReply({QStringLiteral("New answer")}, 1);
        QVERIFY(model->editAndResend(2, QStringLiteral("Two, edited")));
        QCOMPARE(model->rowCount(), 4);
        QTRY_VERIFY(!model->streaming());
        // The model saw the history up to the edited question only.
        QStringList seen;
        for (const auto& turn : m_backend->lastSpec().messages)
            seen << turn.content;
        QCOMPARE(seen, (QStringList{"One", "Answer to One", "Two, edited"}));
        const QStringList expected{"One", "Answer to One", "Two, edited", "New answer"};
        for (int row = 0; row < 4; ++row)
            QCOMPARE(model->textAt(row), expected.at(row));
        // The history reads the same after a restart: the third question and its answer are gone.
        QCOMPARE(reloadedContents(4), expected);
    }

    void conversationSettingsShapeTheRequest()
    {
        auto model = makeModel();
        QSignalSpy settingsChanged(model.get(), &MessageListModel::conversationSettingsChanged);
        QTRY_VERIFY(settingsChanged.count() > 0); // the record arrived
        model->setSystemPrompt(QStringLiteral("Answer in French."));
        model->setSampling(QVariantMap{{"preset", "custom"}, {"temperature", 0.33}, {"topK", 7}, {"topP", 0.5},
                                       {"minP", 0.01}, {"repeatPenalty", 1.2}, {"seed", 1234}, {"maxTokens", 99}});
        model->setOverflowPolicy(QStringLiteral("stop"));
        model->setContextLength(2048);
        QVERIFY(model->send(QStringLiteral("Bonjour")));
        QTRY_VERIFY(!model->streaming());
        agora::app::GenerationSpec spec = m_backend->lastSpec();
        QVERIFY(spec.sampling.has_value());
        QCOMPARE(spec.sampling->temperature, 0.33);
        QCOMPARE(spec.sampling->topK, 7);
        QCOMPARE(spec.sampling->topP, 0.5);
        QCOMPARE(spec.sampling->minP, 0.01);
        QCOMPARE(spec.sampling->repeatPenalty, 1.2);
        QCOMPARE(spec.sampling->seed, quint64(1234));
        QCOMPARE(spec.maxTokens, 99);
        QCOMPARE(spec.dropOldestTurns, false);
        QCOMPARE(spec.messages.at(0).content, QStringLiteral("Answer in French."));

        // A named preset, the other policy; presets draw a new seed per reply.
        model->setSampling(QVariantMap{{"preset", "precise"}, {"maxTokens", 300}});
        model->setOverflowPolicy(QStringLiteral("drop-oldest"));
        QVERIFY(model->regenerate());
        QTRY_VERIFY(!model->streaming());
        spec = m_backend->lastSpec();
        QCOMPARE(spec.sampling->temperature, 0.2);
        QCOMPARE(spec.maxTokens, 300);
        QCOMPARE(spec.dropOldestTurns, true);
        const quint64 firstSeed = spec.sampling->seed;
        QVERIFY(model->regenerate());
        QTRY_VERIFY(!model->streaming());
        QVERIFY(m_backend->lastSpec().sampling->seed != firstSeed);

        // Saved with the conversation: another model over it reads the same settings, and the
        // title came from the first question.
        MessageListModel reopened;
        reopened.setStoreObject(m_store.get());
        reopened.setConversationId(m_conversation);
        QTRY_COMPARE(reopened.systemPrompt(), QStringLiteral("Answer in French."));
        QCOMPARE(reopened.sampling().value("preset").toString(), QStringLiteral("precise"));
        QCOMPARE(reopened.sampling().value("maxTokens").toInt(), 300);
        QCOMPARE(reopened.overflowPolicy(), QStringLiteral("drop-oldest"));
        QCOMPARE(reopened.contextLength(), 2048);
        QCOMPARE(reopened.title(), QStringLiteral("Stories")); // named already: kept
    }

    void firstQuestionNamesAnUntitledConversation()
    {
        Conversation untitled;
        QSignalSpy saved(m_store.get(), &ConversationStore::conversationSaved);
        m_store->createConversation(untitled);
        QVERIFY(saved.wait(5000));
        m_conversation = saved.at(0).at(1).value<Conversation>().id;
        auto model = makeModel();
        QVERIFY(model->send(QStringLiteral("How do **glaciers** move downhill so slowly over many centuries of time?")));
        QCOMPARE(model->title(), QStringLiteral("How do glaciers move downhill so slowly over"));
        QTRY_VERIFY(!model->streaming());
        MessageListModel reopened;
        reopened.setStoreObject(m_store.get());
        reopened.setConversationId(m_conversation);
        QTRY_COMPARE(reopened.title(), model->title());
    }

    void segmentsStopReasonAndReasoningTime()
    {
        m_backend->setReply({QStringLiteral("think:pondering "), QStringLiteral("Try:\n```py\n"),
                             QStringLiteral("print(1)\n```\nDone.")}, 20);
        auto model = makeModel();
        QVERIFY(model->send(QStringLiteral("Code?")));
        QTRY_VERIFY(!model->streaming());
        const QModelIndex reply = model->index(1);
        const QVariantList segments = reply.data(MessageListModel::SegmentsRole).toList();
        QCOMPARE(segments.size(), 3);
        QCOMPARE(segments.at(1).toMap().value("kind").toString(), QStringLiteral("code"));
        QCOMPARE(segments.at(1).toMap().value("text").toString(), QStringLiteral("print(1)"));
        QCOMPARE(segments.at(1).toMap().value("language").toString(), QStringLiteral("py"));
        QVERIFY(reply.data(MessageListModel::ReasoningSecondsRole).toDouble() > 0.0);
        QCOMPARE(reply.data(MessageListModel::StopReasonTextRole).toString(), QString()); // a normal end

        m_backend->setReply(QStringList(300, QStringLiteral("la ")), 5);
        QVERIFY(model->regenerate());
        QTRY_VERIFY(!model->textAt(1).isEmpty());
        model->stop();
        QTRY_VERIFY(!model->streaming());
        QCOMPARE(model->index(1).data(MessageListModel::StopReasonTextRole).toString(), QStringLiteral("Stopped"));
    }

    void droppedTurnsAreNoticedAndKept()
    {
        m_backend->setReply(QStringList(40, QStringLiteral("word ")), 5);
        auto model = makeModel();
        QSignalSpy deltas(m_bridge.get(), &EngineBridge::replyDelta);
        QVERIFY(model->send(QStringLiteral("Long talk")));
        QVERIFY(deltas.wait(3000));
        const quint64 ticket = deltas.at(0).at(0).toULongLong();
        QVERIFY(model->index(1).data(MessageListModel::ContextNoticeRole).toString().isEmpty());
        emit m_bridge->contextOverflow(ticket + 1000, QStringLiteral("another reply")); // not ours: ignored
        QVERIFY(model->index(1).data(MessageListModel::ContextNoticeRole).toString().isEmpty());
        emit m_bridge->contextOverflow(ticket, QStringLiteral("dropped 2 turns"));
        QVERIFY(model->index(1).data(MessageListModel::ContextNoticeRole).toString().contains("oldest messages"));
        QTRY_VERIFY(!model->streaming());
        QVERIFY(model->index(1).data(MessageListModel::ContextNoticeRole).toString().contains("oldest messages"));
        // Saved with the reply.
        MessageListModel reloaded;
        reloaded.setStoreObject(m_store.get());
        reloaded.setConversationId(m_conversation);
        QTRY_COMPARE(reloaded.rowCount(), 2);
        QVERIFY(reloaded.index(1).data(MessageListModel::ContextNoticeRole).toString().contains("oldest messages"));
    }

    void failuresShowAsErrorsAndStayOutOfThePrompt()
    {
        auto model = makeModel();
        m_bridge->unloadModel();
        QTRY_COMPARE(m_bridge->modelState(), EngineBridge::ModelState::NoModel);
        QVERIFY(model->send(QStringLiteral("Hello?")));
        QTRY_VERIFY(!model->streaming());
        QCOMPARE(model->index(1).data(MessageListModel::ErrorRole).toString(),
                 QStringLiteral("Load a model before sending a message."));
        QCOMPARE(model->lastError(), QStringLiteral("Load a model before sending a message."));

        QVERIFY(m_bridge->loadModel(m_modelPath));
        QTRY_COMPARE(m_bridge->modelState(), EngineBridge::ModelState::Ready);
        QVERIFY(model->send(QStringLiteral("Now?")));
        QTRY_VERIFY(!model->streaming());
        const QStringList roles = [&] {
            QStringList r;
            for (const auto& turn : m_backend->lastSpec().messages)
                r << turn.role + u':' + turn.content;
            return r;
        }();
        QCOMPARE(roles, (QStringList{QStringLiteral("user:Hello?"), QStringLiteral("user:Now?")}));
    }

    void copiesMessageText()
    {
        auto model = makeModel();
        QVERIFY(model->send(QStringLiteral("Copy me")));
        QTRY_VERIFY(!model->streaming());
        model->copyToClipboard(0);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("Copy me"));
        QVERIFY(!model->send(QStringLiteral("   ")));
    }
};

QTEST_MAIN(TestMessageListModel)
#include "test_message_list_model.moc"
