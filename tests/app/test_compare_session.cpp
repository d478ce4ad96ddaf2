// CompareSession under QAbstractItemModelTester with the fake engine: panes stream at the same
// time and end with the texts each model gives alone; an out-of-memory load turns the session
// sequential (never two models loaded at once); follow-ups carry each pane's own thread and
// sampling; stop; blind labels and reveal; the comparison saved as a "compare" conversation and
// reopened; Markdown and HTML exports (the HTML read back by an XML parser, text escaped).
#include "bridge/engine_bridge.h"
#include "compare/compare_session.h"
#include "fake_engine_backend.h"
#include "persistence/conversation_store.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using agora::app::CompareSession;
using agora::app::EngineBridge;
using agora::app::GenerationSpec;
using agora::app::store::Conversation;
using agora::app::store::ConversationStore;
using agora::app::store::Message;
using agora::app::testing::FakeEngineBackend;
using State = CompareSession::State;

class TestCompareSession : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QStringList m_paths;
    std::shared_ptr<FakeEngineBackend> m_backend;
    std::unique_ptr<EngineBridge> m_bridge;
    std::unique_ptr<QTemporaryDir> m_storeDir; // one per test: no WAL file of an earlier test
    std::unique_ptr<ConversationStore> m_store;

    QString writeModel(const QString& name)
    {
        const QString path = m_dir.filePath(name + QStringLiteral(".gguf"));
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write("GGUF\x03\0\0\0", 8);
        return path;
    }

    std::unique_ptr<CompareSession> makeSession(const QStringList& paths, bool withStore = false)
    {
        auto session = std::make_unique<CompareSession>();
        new QAbstractItemModelTester(session.get(), QAbstractItemModelTester::FailureReportingMode::QtTest, session.get());
        session->setBridge(m_bridge.get());
        if (withStore)
            session->setStoreObject(m_store.get());
        session->setModelPaths(paths);
        return session;
    }

    static QVariant role(const CompareSession& s, int row, int role) { return s.data(s.index(row), role); }

    bool loadAndWait(CompareSession& session)
    {
        QSignalSpy loaded(&session, &CompareSession::loaded);
        return session.load() && (loaded.count() > 0 || loaded.wait(5000)) && session.state() == State::Ready;
    }

    bool sendAndWait(CompareSession& session, const QString& prompt)
    {
        QSignalSpy finished(&session, &CompareSession::turnFinished);
        return session.send(prompt) && finished.wait(10000);
    }

    QList<Message> storedMessages(qint64 conversationId)
    {
        QSignalSpy loaded(m_store.get(), &ConversationStore::messagesLoaded);
        m_store->loadMessages(conversationId);
        if (!loaded.wait(5000))
            return {};
        return loaded.at(0).at(2).value<QList<Message>>();
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_paths = {writeModel(QStringLiteral("alpha-chat")), writeModel(QStringLiteral("beta-chat"))};
        m_backend = std::make_shared<FakeEngineBackend>(QByteArray("{}"));
        m_bridge = std::make_unique<EngineBridge>(m_backend);
        m_storeDir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_storeDir->isValid());
        m_store = std::make_unique<ConversationStore>();
        m_store->setFlushInterval(50);
        QSignalSpy opened(m_store.get(), &ConversationStore::opened);
        m_store->open(m_storeDir->path());
        QVERIFY(opened.wait(5000));
        QVERIFY(opened.at(0).at(1).toBool());
    }

    void cleanup()
    {
        m_store.reset();
        m_bridge.reset();
        m_backend.reset();
        m_storeDir.reset();
    }

    void panesStreamConcurrentlyAndMatchEachAlone()
    {
        const QStringList pieces{QStringLiteral("One"), QStringLiteral(" two"), QStringLiteral(" three"),
                                 QStringLiteral(" four"), QStringLiteral(" five")};
        m_backend->setReply(pieces, 40);
        auto session = makeSession(m_paths);
        QCOMPARE(session->rowCount(), 2);
        QVERIFY(loadAndWait(*session));
        QCOMPARE(role(*session, 0, CompareSession::ModelNameRole).toString(), QStringLiteral("alpha-chat"));
        QCOMPARE(role(*session, 1, CompareSession::LoadProgressRole).toDouble(), 1.0);

        // Both panes have text before either has finished: they stream side by side.
        bool overlapped = false;
        connect(session.get(), &QAbstractItemModel::dataChanged, session.get(), [&] {
            const bool bothGrowing = !session->paneText(0).isEmpty() && !session->paneText(1).isEmpty()
                && role(*session, 0, CompareSession::StreamingRole).toBool()
                && role(*session, 1, CompareSession::StreamingRole).toBool();
            overlapped = overlapped || bothGrowing;
        });
        QVERIFY(sendAndWait(*session, QStringLiteral("Count to five")));
        QVERIFY(overlapped);
        QCOMPARE(session->state(), State::Ready);
        const QString full = pieces.join(QString());
        for (int pane = 0; pane < 2; ++pane) {
            QCOMPARE(session->paneText(pane), full);
            QCOMPARE(role(*session, pane, CompareSession::GeneratedTokensRole).toInt(), 5);
            QCOMPARE(role(*session, pane, CompareSession::StopReasonRole).toString(), QStringLiteral("end_of_turn"));
            QVERIFY(role(*session, pane, CompareSession::TokensPerSecondRole).toDouble() > 0.0);
            QCOMPARE(role(*session, pane, CompareSession::PaneStateRole).toInt(), int(CompareSession::PaneState::Done));
        }
        const QList<GenerationSpec> sent = m_backend->specs();
        QCOMPARE(sent.size(), 2);

        // Each model alone, through the bridge directly, with the spec the session sent it.
        for (int pane = 0; pane < 2; ++pane) {
            QSignalSpy slotLoaded(m_bridge.get(), &EngineBridge::slotLoaded);
            const quint64 slot = m_bridge->loadSlot(m_paths.at(pane));
            QVERIFY(slotLoaded.wait(5000));
            QSignalSpy finished(m_bridge.get(), &EngineBridge::replyFinished);
            const quint64 ticket = m_bridge->generateOn(slot, sent.at(pane));
            QVERIFY(finished.wait(5000));
            QCOMPARE(finished.at(0).at(0).toULongLong(), ticket);
            QCOMPARE(finished.at(0).at(1).toMap().value(QStringLiteral("text")).toString(), session->paneText(pane));
            m_bridge->unloadSlot(slot);
        }
    }

    void refusesOutsideTwoToFourModels()
    {
        auto session = makeSession({m_paths.at(0)});
        QVERIFY(!session->load());
        QVERIFY(!session->error().isEmpty());
        QVERIFY(!session->send(QStringLiteral("hello")));
        session->setModelPaths(m_paths);
        QVERIFY(!session->send(QStringLiteral("   ")));
    }

    void outOfMemoryFallsBackToSequential()
    {
        m_backend->setMaxLoadedModels(1);
        m_backend->setReply({QStringLiteral("Hi"), QStringLiteral(" there")}, 10);
        const QStringList three{m_paths.at(0), m_paths.at(1), writeModel(QStringLiteral("gamma-chat"))};
        auto session = makeSession(three);
        QVERIFY(session->notice().isEmpty());
        QSignalSpy failed(session.get(), &CompareSession::failed);
        QVERIFY(loadAndWait(*session));
        QVERIFY(session->sequential());
        QVERIFY(session->notice().contains(QStringLiteral("one after")));
        QCOMPARE(failed.count(), 0);
        QTRY_COMPARE(m_backend->loadedModels(), 0);

        int mostLoaded = 0;
        connect(session.get(), &QAbstractItemModel::dataChanged, session.get(),
                [&] { mostLoaded = std::max(mostLoaded, m_backend->loadedModels()); });
        QVERIFY(sendAndWait(*session, QStringLiteral("Greet me")));
        QCOMPARE(mostLoaded, 1);
        for (int pane = 0; pane < 3; ++pane) {
            QCOMPARE(session->paneText(pane), QStringLiteral("Hi there"));
            QVERIFY(role(*session, pane, CompareSession::ErrorRole).toString().isEmpty());
        }
        QCOMPARE(m_backend->loadedModels(), 0); // the turn ends with every model unloaded
        QCOMPARE(m_backend->specs().size(), 3);

        // Other models may fit together: choosing them tries side by side again.
        m_backend->setMaxLoadedModels(0);
        session->setModelPaths(m_paths);
        QVERIFY(!session->sequential());
        QVERIFY(session->notice().isEmpty());
        QVERIFY(loadAndWait(*session));
        QVERIFY(!session->sequential());
        QCOMPARE(m_backend->loadedModels(), 2);
    }

    void followUpsCarryEachPanesOwnThread()
    {
        // Sequential, so each pane's answer can differ: the reply changes once pane 0 is done.
        m_backend->setReply({QStringLiteral("Alpha says one")}, 5);
        auto session = makeSession(m_paths);
        session->setSequential(true);
        session->setSystemPrompt(QStringLiteral("Be brief."));
        session->setSampling({{QStringLiteral("temperature"), 0.0}, {QStringLiteral("seed"), 7}});
        session->setPaneSampling(1, {{QStringLiteral("temperature"), 0.5}});
        connect(session.get(), &QAbstractItemModel::dataChanged, session.get(), [&] {
            if (role(*session, 0, CompareSession::PaneStateRole).toInt() == int(CompareSession::PaneState::Done))
                m_backend->setReply({QStringLiteral("Beta says two")}, 5);
        });
        QVERIFY(sendAndWait(*session, QStringLiteral("First question")));
        QCOMPARE(session->paneText(0), QStringLiteral("Alpha says one"));
        QCOMPARE(session->paneText(1), QStringLiteral("Beta says two"));

        QVERIFY(sendAndWait(*session, QStringLiteral("Second question")));
        QCOMPARE(session->turnCount(), 2);
        const QList<GenerationSpec> sent = m_backend->specs();
        QCOMPARE(sent.size(), 4);
        const QStringList ownAnswers{QStringLiteral("Alpha says one"), QStringLiteral("Beta says two")};
        for (int pane = 0; pane < 2; ++pane) {
            const GenerationSpec& spec = sent.at(2 + pane); // sequential: pane order
            QCOMPARE(spec.messages.size(), 4);
            QCOMPARE(spec.messages.at(0).role, QStringLiteral("system"));
            QCOMPARE(spec.messages.at(0).content, QStringLiteral("Be brief."));
            QCOMPARE(spec.messages.at(1).content, QStringLiteral("First question"));
            QCOMPARE(spec.messages.at(2).role, QStringLiteral("assistant"));
            QCOMPARE(spec.messages.at(2).content, ownAnswers.at(pane));
            QCOMPARE(spec.messages.at(3).content, QStringLiteral("Second question"));
            QVERIFY(spec.sampling.has_value());
            QCOMPARE(spec.sampling->seed, quint64(7));
            QCOMPARE(spec.sampling->temperature, pane == 0 ? 0.0 : 0.5);
        }
        const QVariantList earlier = role(*session, 1, CompareSession::EarlierTurnsRole).toList();
        QCOMPARE(earlier.size(), 1);
        QCOMPARE(earlier.at(0).toMap().value(QStringLiteral("text")).toString(), QStringLiteral("Beta says two"));
    }

    void concurrentFollowUpUsesSlotsAndOwnSampling()
    {
        m_backend->setReply({QStringLiteral("Same")}, 5);
        auto session = makeSession(m_paths);
        session->setPaneSampling(0, {{QStringLiteral("topK"), 5}});
        QVERIFY(loadAndWait(*session));
        QVERIFY(sendAndWait(*session, QStringLiteral("Q1")));
        QVERIFY(sendAndWait(*session, QStringLiteral("Q2")));
        const QList<GenerationSpec> sent = m_backend->specs();
        QCOMPARE(sent.size(), 4);
        QSet<quint64> models;
        int overridden = 0;
        for (const GenerationSpec& spec : sent.mid(2)) {
            models.insert(spec.model);
            QCOMPARE(spec.messages.size(), 3);
            QCOMPARE(spec.messages.at(0).content, QStringLiteral("Q1"));
            QCOMPARE(spec.messages.at(1).content, QStringLiteral("Same"));
            // Pane 0 carries its override; pane 1 has none and keeps its model's own defaults.
            if (spec.sampling.has_value()) {
                QCOMPARE(spec.sampling->topK, 5);
                ++overridden;
            }
        }
        QCOMPARE(models.size(), 2);
        QCOMPARE(overridden, 1);
        QCOMPARE(session->paneSampling(0).value(QStringLiteral("topK")).toInt(), 5);
        QVERIFY(session->paneSampling(1).isEmpty());
    }

    void stopEndsEveryPane()
    {
        QStringList many;
        for (int i = 0; i < 200; ++i)
            many << QStringLiteral(" w%1").arg(i);
        m_backend->setReply(many, 20);
        auto session = makeSession(m_paths);
        QVERIFY(loadAndWait(*session));
        QSignalSpy finished(session.get(), &CompareSession::turnFinished);
        QVERIFY(session->send(QStringLiteral("Talk a lot")));
        QCOMPARE(session->state(), State::Running);
        QVERIFY(session->busy());
        QVERIFY(!session->send(QStringLiteral("Too soon"))); // one turn at a time
        QTRY_VERIFY(!session->paneText(0).isEmpty() && !session->paneText(1).isEmpty());
        session->stop();
        QVERIFY(finished.wait(5000));
        for (int pane = 0; pane < 2; ++pane) {
            QCOMPARE(role(*session, pane, CompareSession::StopReasonRole).toString(), QStringLiteral("cancelled"));
            QVERIFY(session->paneText(pane).size() < many.join(QString()).size());
        }
        QCOMPARE(session->state(), State::Ready);
    }

    void stopInSequentialModeSkipsTheRest()
    {
        QStringList many;
        for (int i = 0; i < 100; ++i)
            many << QStringLiteral(" w");
        m_backend->setReply(many, 20);
        auto session = makeSession(m_paths);
        session->setSequential(true);
        QSignalSpy finished(session.get(), &CompareSession::turnFinished);
        QVERIFY(session->send(QStringLiteral("Talk")));
        QTRY_VERIFY(!session->paneText(0).isEmpty());
        session->stop();
        QVERIFY(finished.wait(5000));
        QCOMPARE(role(*session, 0, CompareSession::StopReasonRole).toString(), QStringLiteral("cancelled"));
        QCOMPARE(role(*session, 1, CompareSession::StopReasonRole).toString(), QStringLiteral("cancelled"));
        QVERIFY(session->paneText(1).isEmpty());
        QTRY_COMPARE(m_backend->loadedModels(), 0);
    }

    void blindNamesUntilReveal()
    {
        m_backend->setReply({QStringLiteral("Answer")}, 5);
        auto session = makeSession(m_paths);
        session->setBlind(true);
        QVERIFY(loadAndWait(*session));
        QVERIFY(sendAndWait(*session, QStringLiteral("Who are you?")));
        QCOMPARE(role(*session, 0, CompareSession::ModelNameRole).toString(), CompareSession::blindLabel(0));
        QCOMPARE(role(*session, 1, CompareSession::ModelNameRole).toString(), QStringLiteral("Model B"));
        QVERIFY(role(*session, 0, CompareSession::ModelPathRole).toString().isEmpty());
        QVERIFY(!session->exportMarkdown().contains(QStringLiteral("alpha-chat")));
        QVERIFY(!session->exportHtml().contains(QStringLiteral("beta-chat")));
        QVERIFY(!session->revealed());
        QSignalSpy changed(session.get(), &QAbstractItemModel::dataChanged);
        session->reveal();
        QVERIFY(session->revealed());
        QVERIFY(changed.count() > 0);
        QCOMPARE(role(*session, 0, CompareSession::ModelNameRole).toString(), QStringLiteral("alpha-chat"));
        QCOMPARE(role(*session, 1, CompareSession::ModelPathRole).toString(), m_paths.at(1));
        QVERIFY(session->exportMarkdown().contains(QStringLiteral("beta-chat")));
    }

    void savedAsCompareConversationAndReopened()
    {
        m_backend->setReply({QStringLiteral("Paris")}, 5);
        auto session = makeSession(m_paths, true);
        session->setSystemPrompt(QStringLiteral("Answer in one word."));
        QVERIFY(loadAndWait(*session));
        QVERIFY(sendAndWait(*session, QStringLiteral("Capital of France?\nPlease.")));
        m_backend->setReply({QStringLiteral("Berlin")}, 5);
        QVERIFY(sendAndWait(*session, QStringLiteral("And of Germany?")));
        const qint64 id = session->conversationId();
        QVERIFY(id > 0);

        QSignalSpy listed(m_store.get(), &ConversationStore::conversationsListed);
        m_store->listConversations();
        QVERIFY(listed.wait(5000));
        const auto conversations = listed.at(0).at(1).value<QList<Conversation>>();
        QCOMPARE(conversations.size(), 1);
        QCOMPARE(conversations.at(0).kind, QStringLiteral("compare"));
        QCOMPARE(conversations.at(0).title, QStringLiteral("Capital of France?"));
        QCOMPARE(conversations.at(0).systemPrompt, QStringLiteral("Answer in one word."));
        QTRY_COMPARE(session->history().size(), 1);
        QCOMPARE(session->history().at(0).toMap().value(QStringLiteral("conversationId")).toLongLong(), id);

        QList<Message> messages;
        QTRY_VERIFY((messages = storedMessages(id)).size() == 6 && !messages.constLast().stats.isEmpty()
                    && messages.constLast().stats.contains(QStringLiteral("stopReason")));
        QCOMPARE(messages.at(0).role, QStringLiteral("user"));
        int users = 0;
        QSet<int> panes;
        for (const Message& m : messages) {
            if (m.role == QLatin1String("user")) {
                ++users;
                continue;
            }
            panes.insert(m.stats.value(QStringLiteral("pane")).toInt());
            QVERIFY(!m.modelName.isEmpty());
            QCOMPARE(m.stats.value(QStringLiteral("stopReason")).toString(), QStringLiteral("end_of_turn"));
            QVERIFY(m.content == QLatin1String("Paris") || m.content == QLatin1String("Berlin"));
        }
        QCOMPARE(users, 2);
        QCOMPARE(panes, (QSet<int>{0, 1}));

        // A fresh session (the app restarted) reopens it: panes rebuilt, models not loaded yet.
        auto reopened = makeSession({}, true);
        QSignalSpy opened(reopened.get(), &CompareSession::opened);
        reopened->open(id);
        QVERIFY(opened.wait(5000));
        QCOMPARE(opened.at(0).at(0).toLongLong(), id);
        QCOMPARE(reopened->rowCount(), 2);
        QCOMPARE(reopened->modelPaths(), m_paths);
        QCOMPARE(reopened->turnCount(), 2);
        QCOMPARE(reopened->conversationId(), id);
        QCOMPARE(reopened->systemPrompt(), QStringLiteral("Answer in one word."));
        QCOMPARE(reopened->state(), State::Idle);
        QCOMPARE(reopened->paneText(1), QStringLiteral("Berlin"));
        QCOMPARE(role(*reopened, 0, CompareSession::PromptRole).toString(), QStringLiteral("And of Germany?"));
        QCOMPARE(role(*reopened, 0, CompareSession::EarlierTurnsRole).toList().size(), 1);

        // Continuing loads the models again and each model sees its own earlier turns.
        m_backend->setReply({QStringLiteral("Rome")}, 5);
        QVERIFY(sendAndWait(*reopened, QStringLiteral("And of Italy?")));
        QCOMPARE(reopened->paneText(0), QStringLiteral("Rome"));
        const GenerationSpec last = m_backend->lastSpec();
        QCOMPARE(last.messages.size(), 6); // system + two earlier exchanges + the new question
        QCOMPARE(last.messages.at(2).content, QStringLiteral("Paris"));
        QCOMPARE(last.messages.at(4).content, QStringLiteral("Berlin"));
        QTRY_COMPARE(storedMessages(id).size(), 9);

        // A new comparison with the same models starts a new conversation.
        reopened->reset();
        QCOMPARE(reopened->conversationId(), 0);
        QCOMPARE(reopened->turnCount(), 0);
        QCOMPARE(reopened->rowCount(), 2);
        QVERIFY(reopened->paneText(0).isEmpty());
        QCOMPARE(reopened->state(), State::Ready);
    }

    void deletingTheOpenComparisonStartsANewOne()
    {
        m_backend->setReply({QStringLiteral("Yes")}, 5);
        auto session = makeSession(m_paths, true);
        QVERIFY(sendAndWait(*session, QStringLiteral("Sent before loading: loads first")));
        QCOMPARE(session->paneText(0), QStringLiteral("Yes"));
        const qint64 id = session->conversationId();
        QVERIFY(id > 0);
        QTRY_COMPARE(session->history().size(), 1);
        session->deleteComparison(id);
        QCOMPARE(session->conversationId(), 0);
        QCOMPARE(session->turnCount(), 0);
        QTRY_COMPARE(session->history().size(), 0);
        QVERIFY(storedMessages(id).isEmpty());
    }

    void htmlExportIsWellFormedAndEscaped()
    {
        const QString nasty = QStringLiteral("<script>alert('x')</script> & \"quotes\" 1 < 2");
        m_backend->setReply({nasty}, 5);
        auto session = makeSession(m_paths);
        session->setSystemPrompt(QStringLiteral("System <b>bold</b>"));
        QVERIFY(loadAndWait(*session));
        QVERIFY(sendAndWait(*session, QStringLiteral("Prompt with <i>tags</i> & ampersand")));
        m_backend->setReply({QStringLiteral("Second answer")}, 5);
        QVERIFY(sendAndWait(*session, QStringLiteral("Follow-up")));

        const QString html = session->exportHtml();
        QVERIFY(!html.contains(QStringLiteral("<script>")));
        QVERIFY(!html.contains(QStringLiteral("<i>tags")));
        QVERIFY(html.contains(QStringLiteral("&lt;script&gt;")));
        QVERIFY(html.contains(QStringLiteral("<style>")));      // self-contained: inline CSS
        QVERIFY(!html.contains(QStringLiteral("http://"), Qt::CaseInsensitive)
                || html.count(QStringLiteral("http://")) == 1); // only the XHTML namespace

        QXmlStreamReader xml(html);
        QStringList answers, headers, stats, prompts;
        QStringList stack; // the class of every open element
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement()) {
                if (xml.name() == QLatin1String("th")) {
                    headers << xml.readElementText(); // reads through its end element
                    continue;
                }
                stack.append(xml.attributes().value(QStringLiteral("class")).toString());
            } else if (xml.isEndElement()) {
                if (!stack.isEmpty())
                    stack.removeLast();
            } else if (xml.isCharacters() && !stack.isEmpty()) {
                const QString kind = stack.constLast();
                if (kind == QLatin1String("answer"))
                    answers << xml.text().toString();
                else if (kind == QLatin1String("stats"))
                    stats << xml.text().toString();
                else if (kind == QLatin1String("prompt"))
                    prompts << xml.text().toString();
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(answers, (QStringList{nasty, nasty, QStringLiteral("Second answer"), QStringLiteral("Second answer")}));
        QCOMPARE(headers, (QStringList{QStringLiteral("alpha-chat"), QStringLiteral("beta-chat"),
                                      QStringLiteral("alpha-chat"), QStringLiteral("beta-chat")}));
        QCOMPARE(prompts.first(), QStringLiteral("Prompt with <i>tags</i> & ampersand"));
        QCOMPARE(stats.size(), 4);
        QVERIFY(stats.at(0).contains(QStringLiteral("tokens/s")));
        QVERIFY(stats.at(0).contains(QStringLiteral("end_of_turn")));
    }

    void markdownExportAndSaving()
    {
        m_backend->setReply({QStringLiteral("```code``` and **bold**")}, 5);
        auto session = makeSession(m_paths);
        QVERIFY(!session->saveExport(QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("empty.md"))), QStringLiteral("markdown")));
        QVERIFY(!session->error().isEmpty()); // nothing to export yet
        QVERIFY(loadAndWait(*session));
        QVERIFY(sendAndWait(*session, QStringLiteral("Show ``` fences")));
        const QString md = session->exportMarkdown();
        QVERIFY(md.startsWith(QStringLiteral("# Show ``` fences")));
        QVERIFY(md.contains(QStringLiteral("### alpha-chat")));
        QVERIFY(md.contains(QStringLiteral("### beta-chat")));
        QCOMPARE(md.count(QStringLiteral("```code``` and **bold**")), 2);
        QVERIFY(md.contains(QStringLiteral("````\nShow ``` fences\n````"))); // the fence outgrows the text's
        QVERIFY(md.contains(QStringLiteral("end_of_turn")));

        const QString mdPath = m_dir.filePath(QStringLiteral("compare.md"));
        QVERIFY(session->saveExport(QUrl::fromLocalFile(mdPath), QStringLiteral("markdown")));
        QFile mdFile(mdPath);
        QVERIFY(mdFile.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(mdFile.readAll()), md);
        const QString htmlPath = m_dir.filePath(QStringLiteral("compare.html"));
        QVERIFY(session->saveExport(QUrl::fromLocalFile(htmlPath), QStringLiteral("html")));
        QVERIFY(QFileInfo(htmlPath).size() > 0);
        QVERIFY(!session->saveExport(QUrl::fromLocalFile(QStringLiteral("/nonexistent-dir/x.md")), QStringLiteral("markdown")));
        QVERIFY(session->error().contains(QStringLiteral("/nonexistent-dir/x.md")));
        QVERIFY(!session->saveExport(QUrl::fromLocalFile(mdPath), QStringLiteral("pdf")));
    }

    void brokenModelFailsWithItsName()
    {
        const QString broken = m_dir.filePath(QStringLiteral("broken.gguf"));
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a model");
        file.close();
        auto session = makeSession({m_paths.at(0), broken});
        QSignalSpy failed(session.get(), &CompareSession::failed);
        QVERIFY(session->load());
        QVERIFY(failed.wait(5000));
        QCOMPARE(session->state(), State::Failed);
        QVERIFY(session->error().contains(QStringLiteral("broken")));
        QVERIFY(!role(*session, 1, CompareSession::ErrorRole).toString().isEmpty());
        QTRY_COMPARE(m_backend->loadedModels(), 0); // the model that did load is unloaded again
    }
};

QTEST_MAIN(TestCompareSession)
#include "test_compare_session.moc"
