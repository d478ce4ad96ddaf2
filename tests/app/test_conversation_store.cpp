// The conversation store in a temporary folder: open, WAL, CRUD and ordering, migration from a
// hand-made v1 database, refusal of newer/foreign files, search, export/import round trip,
// streaming saves, and a kill-during-stream test with a real child process.
#include "persistence/conversation_codec.h"
#include "persistence/conversation_store.h"
#include "persistence/schema_migrations.h"
#include "store_test_support.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace agora::app::store;
using agora::app::testing::RawDatabase;

namespace {

// Runs one request and returns the arguments of the signal that answered it.
template <typename Signal>
QList<QVariant> await(ConversationStore& store, Signal signal, RequestId id, int timeoutMs = 5000)
{
    QSignalSpy answered(&store, signal);
    QSignalSpy failed(&store, &ConversationStore::failed);
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        for (const auto& args : answered)
            if (args.at(0).value<RequestId>() == id)
                return args;
        for (const auto& args : failed)
            if (args.at(0).value<RequestId>() == id)
                return {QVariant(QStringLiteral("FAILED: ") + args.at(1).toString())};
        QTest::qWait(5);
    }
    return {QVariant(QStringLiteral("TIMEOUT"))};
}

QString failureOf(const QList<QVariant>& args)
{
    return args.size() == 1 ? args.at(0).toString() : QString();
}

Conversation makeConversation(const QString& title)
{
    Conversation c;
    c.title = title;
    c.systemPrompt = QStringLiteral("You are terse.");
    c.sampling = QJsonObject{{"preset", "precise"}, {"temperature", 0.2}};
    c.contextLength = 4096;
    return c;
}

Message makeMessage(qint64 conversationId, const QString& role, const QString& content)
{
    Message m;
    m.conversationId = conversationId;
    m.role = role;
    m.content = content;
    return m;
}

} // namespace

class TestConversationStore : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString historyPath() const { return QDir(m_dir.path()).filePath("history.sqlite"); }

    Conversation create(ConversationStore& store, const Conversation& c)
    {
        const auto args = await(store, &ConversationStore::conversationSaved, store.createConversation(c));
        if (!failureOf(args).isEmpty())
            qWarning("%s", qPrintable(failureOf(args)));
        return args.size() > 1 ? args.at(1).value<Conversation>() : Conversation{};
    }
    Message save(ConversationStore& store, const Message& m)
    {
        const auto args = await(store, &ConversationStore::messageSaved, store.saveMessage(m));
        if (!failureOf(args).isEmpty())
            qWarning("%s", qPrintable(failureOf(args)));
        return args.size() > 1 ? args.at(1).value<Message>() : Message{};
    }
    void openStore(ConversationStore& store)
    {
        const auto args = await(store, &ConversationStore::opened, store.open(m_dir.path()));
        QVERIFY2(args.size() == 4 && args.at(1).toBool(), qPrintable(args.size() == 4 ? args.at(2).toString()
                                                                                       : failureOf(args)));
        QVERIFY(args.at(3).toBool()); // Debian's SQLite has FTS5
    }

private slots:
    void init() { QVERIFY(m_dir.isValid()); }
    void cleanup()
    {
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
    }

    void opensNewDatabaseInWalMode()
    {
        {
            ConversationStore store;
            openStore(store);
            QVERIFY(create(store, makeConversation("first")).id > 0);
        }
        QVERIFY(QFile::exists(historyPath()));
        RawDatabase raw(historyPath());
        QCOMPARE(raw.scalar("PRAGMA journal_mode").toString(), QStringLiteral("wal"));
        QCOMPARE(raw.scalar("SELECT version FROM schema_version").toInt(), kCurrentSchemaVersion);
        QCOMPARE(raw.scalar("SELECT count(*) FROM conversations").toInt(), 1);
    }

    void requestsBeforeOpenFail()
    {
        ConversationStore store;
        const auto args = await(store, &ConversationStore::conversationsListed, store.listConversations());
        QVERIFY(failureOf(args).contains("not open"));
    }

    void conversationsAndMessages()
    {
        ConversationStore store;
        openStore(store);
        Conversation a = create(store, makeConversation("Alpha"));
        QTest::qWait(5);
        Conversation b = create(store, makeConversation("Beta"));
        QVERIFY(a.id > 0 && b.id > a.id);

        // Newest activity first: Beta, until Alpha gets a message.
        auto listed = await(store, &ConversationStore::conversationsListed, store.listConversations());
        auto list = listed.at(1).value<QList<Conversation>>();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).title, QStringLiteral("Beta"));
        QTest::qWait(5);
        Message first = save(store, makeMessage(a.id, "user", "Hello there"));
        Message second = save(store, makeMessage(a.id, "assistant", "Hi!"));
        QCOMPARE(first.position, 1);
        QCOMPARE(second.position, 2);
        listed = await(store, &ConversationStore::conversationsListed, store.listConversations());
        list = listed.at(1).value<QList<Conversation>>();
        QCOMPARE(list.at(0).title, QStringLiteral("Alpha"));
        QCOMPARE(list.at(0).sampling.value("preset").toString(), QStringLiteral("precise"));
        QCOMPARE(list.at(0).contextLength, 4096);

        // Edit a message in place; rename a conversation.
        second.content = "Hi! How can I help?";
        second.stats = QJsonObject{{"tokens", 6}, {"tokensPerSecond", 42.5}};
        QCOMPARE(save(store, second).id, second.id);
        a.title = "Alpha renamed";
        const auto renamed = await(store, &ConversationStore::conversationSaved, store.updateConversation(a));
        QCOMPARE(renamed.at(1).value<Conversation>().title, QStringLiteral("Alpha renamed"));

        // A rename changes the title only.
        const auto renamedOnly = await(store, &ConversationStore::conversationSaved,
                                       store.renameConversation(b.id, QStringLiteral("Beta renamed")));
        QCOMPARE(renamedOnly.at(1).value<Conversation>().title, QStringLiteral("Beta renamed"));
        QCOMPARE(renamedOnly.at(1).value<Conversation>().systemPrompt, QStringLiteral("You are terse."));
        QCOMPARE(renamedOnly.at(1).value<Conversation>().updatedMs, b.updatedMs);
        QVERIFY(failureOf(await(store, &ConversationStore::conversationSaved, store.renameConversation(999, "x")))
                    .contains("does not exist"));

        const auto one = await(store, &ConversationStore::conversationLoaded, store.loadConversation(a.id));
        QCOMPARE(one.at(1).value<Conversation>().title, QStringLiteral("Alpha renamed"));
        QCOMPARE(one.at(1).value<Conversation>().systemPrompt, QStringLiteral("You are terse."));
        QVERIFY(failureOf(await(store, &ConversationStore::conversationLoaded, store.loadConversation(424242)))
                    .contains("does not exist"));

        auto loaded = await(store, &ConversationStore::messagesLoaded, store.loadMessages(a.id));
        const auto messages = loaded.at(2).value<QList<Message>>();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(1).content, QStringLiteral("Hi! How can I help?"));
        QCOMPARE(messages.at(1).stats.value("tokensPerSecond").toDouble(), 42.5);

        // Deleting a conversation takes its messages with it.
        QCOMPARE(await(store, &ConversationStore::conversationDeleted, store.deleteConversation(a.id)).size(), 2);
        loaded = await(store, &ConversationStore::messagesLoaded, store.loadMessages(a.id));
        QCOMPARE(loaded.at(2).value<QList<Message>>().size(), 0);
        QVERIFY(failureOf(await(store, &ConversationStore::conversationDeleted, store.deleteConversation(a.id)))
                    .contains("does not exist"));
    }

    void migratesHandMadeVersion1()
    {
        // A database exactly as the first release wrote it, made here without our code.
        {
            RawDatabase raw(historyPath());
            for (const char* sql : {
                     "CREATE TABLE schema_version (version INTEGER NOT NULL)",
                     "INSERT INTO schema_version VALUES (1)",
                     "CREATE TABLE conversations (id INTEGER PRIMARY KEY, title TEXT NOT NULL, created INTEGER NOT NULL,"
                     " updated INTEGER NOT NULL, system_prompt TEXT NOT NULL DEFAULT '',"
                     " sampling_json TEXT NOT NULL DEFAULT '{}')",
                     "CREATE TABLE messages (id INTEGER PRIMARY KEY, conversation_id INTEGER NOT NULL"
                     " REFERENCES conversations(id) ON DELETE CASCADE, position INTEGER NOT NULL, role TEXT NOT NULL,"
                     " content TEXT NOT NULL, model_name TEXT NOT NULL DEFAULT '', created INTEGER NOT NULL)",
                     "INSERT INTO conversations VALUES (7, 'Old trip plans', 1000, 2000, 'Be brief', '{\"preset\":\"creative\"}')",
                     "INSERT INTO messages VALUES (1, 7, 1, 'user', 'Which train goes to Zürich?', '', 1500)",
                     "INSERT INTO messages VALUES (2, 7, 2, 'assistant', 'The night train from Hamburg.', 'tiny-llama', 1600)",
                 })
                QVERIFY2(raw.exec(sql), sql);
        }
        ConversationStore store;
        openStore(store);
        const auto listed = await(store, &ConversationStore::conversationsListed, store.listConversations());
        const auto list = listed.at(1).value<QList<Conversation>>();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0).id, 7);
        QCOMPARE(list.at(0).title, QStringLiteral("Old trip plans"));
        QCOMPARE(list.at(0).systemPrompt, QStringLiteral("Be brief"));
        QCOMPARE(list.at(0).sampling.value("preset").toString(), QStringLiteral("creative"));
        QCOMPARE(list.at(0).kind, QStringLiteral("chat"));
        QCOMPARE(list.at(0).overflowPolicy, QStringLiteral("truncate-middle"));
        const auto loaded = await(store, &ConversationStore::messagesLoaded, store.loadMessages(7));
        const auto messages = loaded.at(2).value<QList<Message>>();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(1).modelName, QStringLiteral("tiny-llama"));
        QCOMPARE(messages.at(1).updatedMs, 1600); // v2 back-fills the update time
        QCOMPARE(messages.at(1).reasoning, QString());
        // Old messages are in the new full-text index (accent-insensitive: "zurich").
        const auto found = await(store, &ConversationStore::searchFinished, store.search("zurich"));
        const auto hits = found.at(2).value<QList<SearchHit>>();
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.at(0).messageId, 1);
        QCOMPARE(hits.at(0).conversationTitle, QStringLiteral("Old trip plans"));

        RawDatabase raw(historyPath());
        QCOMPARE(raw.scalar("SELECT version FROM schema_version").toInt(), kCurrentSchemaVersion);
    }

    void migratesVersion2ToVersion3KeepingData()
    {
        // A version 2 file (v1 tables plus the v2 columns), as the previous release wrote it.
        {
            RawDatabase raw(historyPath());
            for (const char* sql : {
                     "CREATE TABLE schema_version (version INTEGER NOT NULL)",
                     "INSERT INTO schema_version VALUES (2)",
                     "CREATE TABLE conversations (id INTEGER PRIMARY KEY, title TEXT NOT NULL, created INTEGER NOT NULL,"
                     " updated INTEGER NOT NULL, system_prompt TEXT NOT NULL DEFAULT '',"
                     " sampling_json TEXT NOT NULL DEFAULT '{}', context_length INTEGER NOT NULL DEFAULT 0,"
                     " overflow_policy TEXT NOT NULL DEFAULT 'truncate-middle', kind TEXT NOT NULL DEFAULT 'chat')",
                     "CREATE TABLE messages (id INTEGER PRIMARY KEY, conversation_id INTEGER NOT NULL"
                     " REFERENCES conversations(id) ON DELETE CASCADE, position INTEGER NOT NULL, role TEXT NOT NULL,"
                     " content TEXT NOT NULL, model_name TEXT NOT NULL DEFAULT '', created INTEGER NOT NULL,"
                     " reasoning TEXT NOT NULL DEFAULT '', model_hash TEXT NOT NULL DEFAULT '',"
                     " sampling_json TEXT NOT NULL DEFAULT '{}', stats_json TEXT NOT NULL DEFAULT '{}',"
                     " updated INTEGER NOT NULL DEFAULT 0)",
                     "INSERT INTO conversations VALUES (3, 'Compare run', 1000, 2000, '', '{}', 8192, 'drop-oldest',"
                     " 'compare')",
                     "INSERT INTO messages VALUES (1, 3, 1, 'user', 'Name a river in Ghana', '', 1500, '', '', '{}',"
                     " '{}', 1500)",
                     "INSERT INTO messages VALUES (2, 3, 2, 'assistant', 'The Volta.', 'qwen', 1600, 'Rivers...',"
                     " 'sha256:ab', '{\"temperature\":0.2}', '{\"tokens\":3}', 1700)",
                 })
                QVERIFY2(raw.exec(sql), sql);
        }
        {
            ConversationStore store;
            openStore(store);
            const auto listed = await(store, &ConversationStore::conversationsListed, store.listConversations());
            const auto list = listed.at(1).value<QList<Conversation>>();
            QCOMPARE(list.size(), 1);
            QCOMPARE(list.at(0).kind, QStringLiteral("compare"));
            QCOMPARE(list.at(0).contextLength, 8192);
            QCOMPARE(list.at(0).overflowPolicy, QStringLiteral("drop-oldest"));
            const auto loaded = await(store, &ConversationStore::messagesLoaded, store.loadMessages(3));
            const auto messages = loaded.at(2).value<QList<Message>>();
            QCOMPARE(messages.size(), 2);
            QCOMPARE(messages.at(1).reasoning, QStringLiteral("Rivers..."));
            QCOMPARE(messages.at(1).stats.value("tokens").toInt(), 3);
            QCOMPARE(messages.at(1).updatedMs, 1700);
            // The new table is there and usable at once.
            ArenaVote vote;
            vote.modelA = "qwen";
            vote.modelB = "llama";
            vote.outcome = "tie";
            const auto saved = await(store, &ConversationStore::arenaVoteSaved, store.saveArenaVote(vote));
            QVERIFY2(saved.size() == 2, qPrintable(failureOf(saved)));
        }
        RawDatabase raw(historyPath());
        QCOMPARE(raw.scalar("SELECT version FROM schema_version").toInt(), 3);
        QCOMPARE(raw.scalar("SELECT count(*) FROM arena_votes").toInt(), 1);
    }

    void arenaVotesAreSavedListedAndCleared()
    {
        ConversationStore store;
        openStore(store);
        const Conversation kept = create(store, makeConversation("Not a vote"));
        auto vote = [](const QString& a, const QString& b, const QString& outcome, qint64 at) {
            ArenaVote v;
            v.modelA = a;
            v.modelB = b;
            v.modelAPath = "/models/" + a + ".gguf";
            v.modelBPath = "/models/" + b + ".gguf";
            v.outcome = outcome;
            v.prompt = "Tell me about the sea";
            v.createdMs = at;
            return v;
        };
        // Saved out of time order: listing is oldest first regardless.
        const auto later = await(store, &ConversationStore::arenaVoteSaved, store.saveArenaVote(vote("m1", "m2", "a", 2000)));
        QVERIFY2(later.size() == 2, qPrintable(failureOf(later)));
        QVERIFY(later.at(1).value<ArenaVote>().id > 0);
        await(store, &ConversationStore::arenaVoteSaved, store.saveArenaVote(vote("m2", "m3", "both-bad", 1000)));
        const auto now = await(store, &ConversationStore::arenaVoteSaved, store.saveArenaVote(vote("m3", "m1", "b", 0)));
        QVERIFY(now.at(1).value<ArenaVote>().createdMs > 2000); // 0 means now

        // Bad input is refused with a reason, and nothing is stored.
        QVERIFY(failureOf(await(store, &ConversationStore::arenaVoteSaved, store.saveArenaVote(vote("m1", "m2", "A", 5))))
                    .contains("unknown arena outcome"));
        QVERIFY(failureOf(await(store, &ConversationStore::arenaVoteSaved, store.saveArenaVote(vote("", "m2", "a", 5))))
                    .contains("both models"));

        auto listed = await(store, &ConversationStore::arenaVotesListed, store.listArenaVotes());
        auto votes = listed.at(1).value<QList<ArenaVote>>();
        QCOMPARE(votes.size(), 3);
        QCOMPARE(votes.at(0).outcome, QStringLiteral("both-bad"));
        QCOMPARE(votes.at(0).modelA, QStringLiteral("m2"));
        QCOMPARE(votes.at(1).outcome, QStringLiteral("a"));
        QCOMPARE(votes.at(1).modelBPath, QStringLiteral("/models/m2.gguf"));
        QCOMPARE(votes.at(1).prompt, QStringLiteral("Tell me about the sea"));
        QCOMPARE(votes.at(2).modelA, QStringLiteral("m3"));

        QCOMPARE(await(store, &ConversationStore::arenaVotesCleared, store.clearArenaVotes()).size(), 1);
        listed = await(store, &ConversationStore::arenaVotesListed, store.listArenaVotes());
        QCOMPARE(listed.at(1).value<QList<ArenaVote>>().size(), 0);
        // Clearing votes leaves the history alone.
        const auto conversations = await(store, &ConversationStore::conversationsListed, store.listConversations());
        QCOMPARE(conversations.at(1).value<QList<Conversation>>().size(), 1);
        QCOMPARE(conversations.at(1).value<QList<Conversation>>().at(0).id, kept.id);
    }

    void deleteMessagesFromAPosition()
    {
        ConversationStore store;
        openStore(store);
        const Conversation c = create(store, makeConversation("Edit me"));
        const Conversation other = create(store, makeConversation("Other"));
        save(store, makeMessage(c.id, "user", "first question about otters"));
        save(store, makeMessage(c.id, "assistant", "otters answer"));
        const Message second = save(store, makeMessage(c.id, "user", "second question about beavers"));
        save(store, makeMessage(c.id, "assistant", "beavers answer"));
        save(store, makeMessage(other.id, "user", "beavers elsewhere"));
        QCOMPARE(second.position, 3);

        const auto deleted = await(store, &ConversationStore::messagesDeleted, store.deleteMessagesFrom(c.id, 3));
        QVERIFY2(deleted.size() == 3, qPrintable(failureOf(deleted)));
        QCOMPARE(deleted.at(1).toLongLong(), c.id);
        QCOMPARE(deleted.at(2).toInt(), 3);
        auto loaded = await(store, &ConversationStore::messagesLoaded, store.loadMessages(c.id));
        auto messages = loaded.at(2).value<QList<Message>>();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(1).content, QStringLiteral("otters answer"));
        // The full-text index forgot the deleted rows but not the other conversation's.
        auto found = await(store, &ConversationStore::searchFinished, store.search("beavers"));
        auto hits = found.at(2).value<QList<SearchHit>>();
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.at(0).conversationId, other.id);
        // New messages continue the numbering after what is left.
        QCOMPARE(save(store, makeMessage(c.id, "user", "edited question")).position, 3);

        // A reply streaming into a deleted row is dropped without an error.
        const RequestId stream = store.beginReply(makeMessage(c.id, "assistant", ""));
        QCOMPARE(await(store, &ConversationStore::messageSaved, stream).at(1).value<Message>().position, 4);
        store.appendReply(stream, "partial");
        QSignalSpy failures(&store, &ConversationStore::failed);
        QCOMPARE(await(store, &ConversationStore::messagesDeleted, store.deleteMessagesFrom(c.id, 3)).size(), 3);
        store.appendReply(stream, " more");
        store.finishReply(stream, QJsonObject{{"tokens", 2}});
        loaded = await(store, &ConversationStore::messagesLoaded, store.loadMessages(c.id));
        QCOMPARE(loaded.at(2).value<QList<Message>>().size(), 2);
        QCOMPARE(failures.size(), 0);

        QVERIFY(failureOf(await(store, &ConversationStore::messagesDeleted, store.deleteMessagesFrom(9999, 1)))
                    .contains("does not exist"));
    }

    void refusesNewerAndForeignDatabases_data()
    {
        QTest::addColumn<QStringList>("setup");
        QTest::addColumn<QString>("expectedError");
        QTest::newRow("newer schema") << QStringList{"CREATE TABLE schema_version (version INTEGER NOT NULL)",
                                                     "INSERT INTO schema_version VALUES (99)"}
                                      << "newer Agora";
        QTest::newRow("someone else's database") << QStringList{"CREATE TABLE photos (id INTEGER, path TEXT)"}
                                                 << "not an Agora history database";
        QTest::newRow("empty version table") << QStringList{"CREATE TABLE schema_version (version INTEGER NOT NULL)"}
                                             << "damaged version table";
    }

    void refusesNewerAndForeignDatabases()
    {
        QFETCH(QStringList, setup);
        QFETCH(QString, expectedError);
        {
            RawDatabase raw(historyPath());
            for (const QString& sql : setup)
                QVERIFY(raw.exec(sql));
        }
        ConversationStore store;
        const auto args = await(store, &ConversationStore::opened, store.open(m_dir.path()));
        QCOMPARE(args.size(), 4);
        QVERIFY(!args.at(1).toBool());
        QVERIFY2(args.at(2).toString().contains(expectedError), qPrintable(args.at(2).toString()));
        // Nothing was changed in the file we refused.
        RawDatabase raw(historyPath());
        QVERIFY(!raw.scalar("SELECT name FROM sqlite_master WHERE name = 'messages'").isValid());
    }

    void searchAcrossConversations()
    {
        ConversationStore store;
        openStore(store);
        const Conversation cooking = create(store, makeConversation("Cooking"));
        const Conversation code = create(store, makeConversation("Code"));
        save(store, makeMessage(cooking.id, "user", "How long do I boil an egg?"));
        save(store, makeMessage(cooking.id, "assistant", "Boil it for seven minutes."));
        Message thought = makeMessage(code.id, "assistant", "Use std::vector here.");
        thought.reasoning = "The user wants a growable array in C++.";
        save(store, thought);
        save(store, makeMessage(code.id, "user", "What does \"AND\" mean in SQL: NEAR(x)?"));

        auto hitsFor = [&](const QString& text) {
            const auto args = await(store, &ConversationStore::searchFinished, store.search(text));
            return args.size() == 3 ? args.at(2).value<QList<SearchHit>>() : QList<SearchHit>{};
        };
        QCOMPARE(hitsFor("boil").size(), 2);
        QCOMPARE(hitsFor("boil seven").size(), 1);
        QCOMPARE(hitsFor("boil seven").at(0).snippet, QStringLiteral("[Boil] it for [seven] minutes."));
        QCOMPARE(hitsFor("min").size(), 1); // the last word is a prefix (search as you type)
        QCOMPARE(hitsFor("growable").size(), 1); // reasoning is searched too
        QCOMPARE(hitsFor("growable").at(0).conversationId, code.id);
        // Query syntax characters are text, not errors.
        QCOMPARE(hitsFor("\"AND\" NEAR(x)").size(), 1);
        QCOMPARE(hitsFor("C++").size(), 1);
        QCOMPARE(hitsFor("   ").size(), 0);
        QCOMPARE(hitsFor("pancakes").size(), 0);
    }

    void exportImportRoundTrip()
    {
        ConversationStore store;
        openStore(store);
        const Conversation original = create(store, makeConversation("Round trip ✓"));
        save(store, makeMessage(original.id, "system", "You are terse."));
        save(store, makeMessage(original.id, "user", "Explain WAL.\nBriefly."));
        Message reply = makeMessage(original.id, "assistant", "A log of changes applied later.\n\n| a | b |\n|---|---|");
        reply.reasoning = "They want one line.";
        reply.modelName = "stories260K";
        reply.modelHash = "sha256:0123abcd";
        reply.sampling = QJsonObject{{"temperature", 0.7}, {"top_p", 0.9}};
        reply.stats = QJsonObject{{"tokens", 12}, {"seconds", 0.5}};
        save(store, reply);

        const auto jsonArgs = await(store, &ConversationStore::exported,
                                    store.exportConversation(original.id, ExportFormat::Json));
        QCOMPARE(jsonArgs.size(), 4);
        const QByteArray json = jsonArgs.at(3).toByteArray();
        const QJsonObject root = QJsonDocument::fromJson(json).object();
        QCOMPARE(root.value("format").toString(), QStringLiteral("agora.conversation"));
        QCOMPARE(root.value("messages").toArray().size(), 3);

        const auto importedArgs = await(store, &ConversationStore::imported, store.importConversation(json));
        QVERIFY2(importedArgs.size() == 2, qPrintable(failureOf(importedArgs)));
        const Conversation copy = importedArgs.at(1).value<Conversation>();
        QVERIFY(copy.id != original.id);
        QCOMPARE(copy.title, original.title);

        // Exporting the import gives the same bytes: nothing was lost or changed on the way.
        const auto again = await(store, &ConversationStore::exported, store.exportConversation(copy.id, ExportFormat::Json));
        QCOMPARE(again.at(3).toByteArray(), json);

        const auto mdArgs = await(store, &ConversationStore::exported,
                                  store.exportConversation(original.id, ExportFormat::Markdown));
        const QString markdown = QString::fromUtf8(mdArgs.at(3).toByteArray());
        QVERIFY(markdown.startsWith("# Round trip ✓\n"));
        QVERIFY(markdown.contains("## You\n\nExplain WAL.\nBriefly."));
        QVERIFY(markdown.contains("## Assistant (stories260K)"));
        QVERIFY(markdown.contains("<summary>Reasoning</summary>\n\nThey want one line."));
        QVERIFY(markdown.contains("| a | b |"));
    }

    void importRejectsBadFiles_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expectedError");
        QTest::newRow("not json") << QByteArray("{\"format\": ") << "invalid JSON";
        QTest::newRow("wrong format") << QByteArray("{\"format\": \"chatgpt\"}") << "\"format\"";
        QTest::newRow("future version")
            << QByteArray("{\"format\": \"agora.conversation\", \"formatVersion\": 9}") << "version 9";
        QTest::newRow("no messages") << QByteArray("{\"format\": \"agora.conversation\", \"formatVersion\": 1,"
                                                   " \"conversation\": {}}")
                                     << "missing";
        QTest::newRow("bad role")
            << QByteArray("{\"format\": \"agora.conversation\", \"formatVersion\": 1, \"conversation\": {\"created\":"
                          " \"2026-01-01T00:00:00.000Z\", \"updated\": \"2026-01-01T00:00:00.000Z\"}, \"messages\":"
                          " [{\"role\": \"robot\", \"content\": \"x\"}]}")
            << "unknown role \"robot\"";
        QTest::newRow("bad time")
            << QByteArray("{\"format\": \"agora.conversation\", \"formatVersion\": 1, \"conversation\": {\"created\":"
                          " \"yesterday\", \"updated\": \"2026-01-01T00:00:00.000Z\"}, \"messages\": []}")
            << "ISO 8601";
    }

    void importRejectsBadFiles()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expectedError);
        ConversationStore store;
        openStore(store);
        const QString error = failureOf(await(store, &ConversationStore::imported, store.importConversation(json)));
        QVERIFY2(error.contains(expectedError), qPrintable(error));
        const auto listed = await(store, &ConversationStore::conversationsListed, store.listConversations());
        QCOMPARE(listed.at(1).value<QList<Conversation>>().size(), 0); // nothing half-imported
    }

    void streamingReplyIsSavedWhileItGrows()
    {
        ConversationStore store;
        openStore(store);
        const Conversation c = create(store, makeConversation("Stream"));
        Message initial = makeMessage(c.id, "assistant", "");
        initial.modelName = "stories260K";
        const RequestId stream = store.beginReply(initial);
        const auto begun = await(store, &ConversationStore::messageSaved, stream);
        QVERIFY2(begun.size() == 2, qPrintable(failureOf(begun)));
        const qint64 messageId = begun.at(1).value<Message>().id;
        QVERIFY(messageId > 0);

        store.appendReply(stream, "Once upon", "thinking");
        store.appendReply(stream, " a time");
        RawDatabase raw(historyPath());
        const QString contentSql = QStringLiteral("SELECT content FROM messages WHERE id = %1").arg(messageId);
        // Visible to another connection within the flush interval, before the reply finishes.
        QTRY_COMPARE_WITH_TIMEOUT(raw.scalar(contentSql).toString(), QStringLiteral("Once upon a time"), 1500);

        store.appendReply(stream, ".");
        store.finishReply(stream, QJsonObject{{"tokens", 5}});
        const auto loaded = await(store, &ConversationStore::messagesLoaded, store.loadMessages(c.id));
        const auto messages = loaded.at(2).value<QList<Message>>();
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.at(0).content, QStringLiteral("Once upon a time."));
        QCOMPARE(messages.at(0).reasoning, QStringLiteral("thinking"));
        QCOMPARE(messages.at(0).stats.value("tokens").toInt(), 5);
    }

    void deltasAreWrittenOnClose()
    {
        qint64 conversationId = 0;
        {
            ConversationStore store;
            openStore(store);
            conversationId = create(store, makeConversation("Closing")).id;
            store.setFlushInterval(60'000); // only the shutdown flush can save it
            const RequestId stream = store.beginReply(makeMessage(conversationId, "assistant", ""));
            store.appendReply(stream, "kept on exit");
        }
        RawDatabase raw(historyPath());
        QCOMPARE(raw.scalar(QStringLiteral("SELECT content FROM messages WHERE conversation_id = %1").arg(conversationId))
                     .toString(),
                 QStringLiteral("kept on exit"));
    }

    void killDuringStreamLosesAtMostOneSecond()
    {
        QProcess child;
        child.setProgram(QStringLiteral(STORE_STREAM_HELPER));
        child.setArguments({m_dir.path()});
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start();
        QVERIFY(child.waitForStarted(5000));

        // The child prints "appended N" after handing token N to the store; remember when.
        QElapsedTimer clock;
        clock.start();
        QList<QPair<qint64, int>> appendedAt;
        QByteArray pending;
        while (clock.elapsed() < 10000 && (appendedAt.isEmpty() || appendedAt.last().second < 250)) {
            child.waitForReadyRead(50);
            pending += child.readAllStandardOutput();
            while (pending.contains('\n')) {
                const QByteArray line = pending.left(pending.indexOf('\n'));
                pending.remove(0, line.size() + 1);
                if (line.startsWith("appended "))
                    appendedAt.append({clock.elapsed(), line.mid(9).toInt()});
            }
        }
        QVERIFY2(!appendedAt.isEmpty() && appendedAt.last().second >= 250, "the helper did not stream");
        const qint64 killedAt = clock.elapsed();
        child.kill(); // SIGKILL: no flush, no destructor
        QVERIFY(child.waitForFinished(5000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        // Every token handed over more than a second before the kill must be on disk.
        int mustHave = -1;
        for (const auto& [at, n] : appendedAt)
            if (at <= killedAt - 1000)
                mustHave = n;
        QVERIFY2(mustHave >= 50, "the helper streamed too slowly for a meaningful check");

        ConversationStore store;
        openStore(store);
        const auto listed = await(store, &ConversationStore::conversationsListed, store.listConversations());
        const auto list = listed.at(1).value<QList<Conversation>>();
        QCOMPARE(list.size(), 1);
        const auto loaded = await(store, &ConversationStore::messagesLoaded, store.loadMessages(list.at(0).id));
        const auto messages = loaded.at(2).value<QList<Message>>();
        QCOMPARE(messages.size(), 2);
        const QStringList tokens = messages.at(1).content.split(u' ', Qt::SkipEmptyParts);
        // The saved text is an unbroken prefix t0 t1 ... tK of what was streamed.
        for (int i = 0; i < tokens.size(); ++i)
            QCOMPARE(tokens.at(i), QStringLiteral("t%1").arg(i));
        const int lastSaved = static_cast<int>(tokens.size()) - 1;
        qInfo("streamed %d tokens, %d saved, %d required (killed %lld ms after start)", appendedAt.last().second,
              lastSaved, mustHave, killedAt);
        QVERIFY2(lastSaved >= mustHave, qPrintable(QStringLiteral("saved up to t%1, but t%2 was streamed over a "
                                                                  "second before the kill")
                                                       .arg(lastSaved)
                                                       .arg(mustHave)));
        RawDatabase raw(historyPath());
        QCOMPARE(raw.scalar("PRAGMA integrity_check").toString(), QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestConversationStore)
#include "test_conversation_store.moc"
