// End to end with the real engine (Vulkan, lavapipe on CI) on stories260K: import the model into
// a models folder through the ModelLibrary (a copy with its card; a file that is no model is
// refused), load it with progress, send, watch the reply stream, stop it, send again to
// completion with stats, then "restart" (new bridge, store and view-model over the same data
// folder) and find the conversation intact. Privacy: all along, a sampler looks for internet
// sockets (TCP, UDP, raw; v4 and v6) among this process's file descriptors; the sampler itself is
// shown to catch a bound UDP socket, so the check can fail.
#include "bridge/engine_bridge.h"
#include "bridge/vulkan_engine_backend.h"
#include "models/model_library.h"
#include "persistence/conversation_store.h"
#include "viewmodels/message_list_model.h"

#include <QDir>
#include <QSet>
#include <QTimer>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using agora::app::EngineBridge;
using agora::app::MessageListModel;
using agora::app::ModelLibrary;
using agora::app::VulkanEngineBackend;
using agora::app::store::Conversation;
using agora::app::store::ConversationStore;

namespace {

// Socket inodes this process holds open (from /proc/self/fd links "socket:[inode]").
QSet<QString> ownSocketInodes()
{
    QSet<QString> inodes;
    const QDir fds(QStringLiteral("/proc/self/fd"));
    for (const QString& fd : fds.entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot)) {
        const QString target = QFile::symLinkTarget(fds.filePath(fd));
        const QString name = QFileInfo(target).fileName();
        if (name.startsWith(QLatin1String("socket:[")))
            inodes.insert(name.mid(8, name.size() - 9));
    }
    return inodes;
}

// The internet sockets among them, as "tcp:<inode>" etc.; unix-domain sockets (the display,
// the Vulkan loader) are not network connections and are not listed in these tables.
QStringList ownInternetSockets()
{
    const QSet<QString> own = ownSocketInodes();
    QStringList found;
    for (const char* table : {"tcp", "tcp6", "udp", "udp6", "raw", "raw6"}) {
        QFile file(QStringLiteral("/proc/self/net/") + QLatin1String(table));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        file.readLine(); // header
        while (!file.atEnd()) {
            const QStringList columns = QString::fromLatin1(file.readLine()).simplified().split(u' ');
            if (columns.size() > 9 && own.contains(columns.at(9)))
                found << QLatin1String(table) + u':' + columns.at(9);
        }
    }
    return found;
}

} // namespace

class TestChatEndToEnd : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_data;
    QTemporaryDir m_runtime;

private slots:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) // the Vulkan loader wants one
            qputenv("XDG_RUNTIME_DIR", m_runtime.path().toLocal8Bit());
    }

    void socketCheckSeesAnInternetSocket()
    {
        QVERIFY(ownInternetSockets().isEmpty());
        const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
        const QStringList seen = ownInternetSockets();
        ::close(fd);
        QCOMPARE(seen.size(), 1);
        QVERIFY(seen.first().startsWith(QLatin1String("udp:")));
        QVERIFY(ownInternetSockets().isEmpty());
    }

    void chatStopRestart()
    {
        // Sample for internet sockets every 5 ms through the whole flow below.
        QStringList networkUse;
        int samples = 0;
        QTimer sampler;
        connect(&sampler, &QTimer::timeout, this, [&] {
            networkUse << ownInternetSockets();
            ++samples;
        });
        sampler.start(5);

        const QString source = QStringLiteral(AGORA_SHARED_DIR "/fixtures/models/stories260K.gguf");
        if (!QFile::exists(source))
            QSKIP("stories260K fixture not present");
        QVERIFY(QDir(m_data.path()).mkpath(QStringLiteral("models")));
        const QString modelsFolder = m_data.filePath(QStringLiteral("models"));
        const QString modelPath = m_data.filePath(QStringLiteral("models/stories260K.gguf"));

        qint64 conversationId = 0;
        QStringList contents;
        {
            EngineBridge bridge(std::make_shared<VulkanEngineBackend>());

            // Import through the model manager: the engine reads the header (a real GGUF), the
            // file is copied off the GUI thread into the models folder, and its card is filled.
            ModelLibrary library;
            library.setBridge(&bridge);
            library.setFolder(modelsFolder);
            library.setContextLength(512);
            QCOMPARE(library.rowCount(), 0);
            QSignalSpy imported(&library, &ModelLibrary::importFinished);
            QSignalSpy refused(&library, &ModelLibrary::importFailed);
            QVERIFY(library.importFile(QUrl::fromLocalFile(source), QStringLiteral("copy")));
            QTRY_VERIFY_WITH_TIMEOUT(imported.count() + refused.count() > 0, 30000);
            QVERIFY2(refused.isEmpty(), qPrintable(refused.isEmpty() ? QString() : refused.at(0).at(1).toString()));
            QCOMPARE(imported.at(0).at(0).toString(), modelPath);
            QCOMPARE(QFileInfo(modelPath).size(), QFileInfo(source).size());
            QVERIFY(!QFileInfo(modelPath).isSymLink());
            QCOMPARE(library.rowCount(), 1);
            QTRY_VERIFY_WITH_TIMEOUT(library.data(library.index(0), ModelLibrary::StatusRole).toString() != u"pending", 30000);
            QCOMPARE(library.data(library.index(0), ModelLibrary::StatusRole).toString(), QStringLiteral("ok"));
            const QVariantMap card = library.data(library.index(0), ModelLibrary::CardRole).toMap();
            QCOMPARE(card.value(QStringLiteral("architecture")).toString(), QStringLiteral("llama"));
            QCOMPARE(card.value(QStringLiteral("contextLength")).toInt(), 512);
            QVERIFY(card.value(QStringLiteral("deviceBytes")).toLongLong() > 0);
            // A file that is no model is refused by the real engine too, and leaves nothing behind.
            const QString notAModel = m_data.filePath(QStringLiteral("notes.gguf"));
            {
                QFile notes(notAModel);
                QVERIFY(notes.open(QIODevice::WriteOnly));
                notes.write("shopping list: bread, milk");
            }
            QVERIFY(library.importFile(QUrl::fromLocalFile(notAModel), QStringLiteral("copy")));
            QTRY_VERIFY_WITH_TIMEOUT(refused.count() == 1, 30000);
            QCOMPARE(QDir(modelsFolder).entryList(QDir::Files | QDir::NoDotAndDotDot), QStringList{QStringLiteral("stories260K.gguf")});

            QSignalSpy progress(&bridge, &EngineBridge::loadProgressChanged);
            QVERIFY(library.load(modelPath));
            QTRY_VERIFY_WITH_TIMEOUT(bridge.modelState() != EngineBridge::ModelState::Loading, 60000);
            QVERIFY2(bridge.modelState() == EngineBridge::ModelState::Ready, qPrintable(bridge.modelError()));
            QVERIFY(library.data(library.index(0), ModelLibrary::LoadedRole).toBool());
            QCOMPARE(library.chatModelPath(), modelPath);
            QCOMPARE(bridge.loadProgress(), 1.0);
            QVERIFY(progress.count() >= 2);
            QVERIFY(bridge.continuationMode()); // a base model: the reply continues the text
            QCOMPARE(bridge.contextLength(), 512);

            ConversationStore store;
            QSignalSpy opened(&store, &ConversationStore::opened);
            store.open(m_data.path());
            QVERIFY(opened.wait(5000));
            QSignalSpy saved(&store, &ConversationStore::conversationSaved);
            Conversation conversation;
            conversation.title = QStringLiteral("Stories");
            store.createConversation(conversation);
            QVERIFY(saved.wait(5000));
            conversationId = saved.at(0).at(1).value<Conversation>().id;

            MessageListModel model;
            model.setBridge(&bridge);
            model.setStoreObject(&store);
            model.setConversationId(conversationId);

            // Send, see text arrive, stop: the reply ends early as cancelled and keeps its text.
            model.setMaxTokens(0); // until the context is full: only stop ends it soon
            QVERIFY(model.send(QStringLiteral("Once upon a time")));
            QTRY_VERIFY_WITH_TIMEOUT(!model.textAt(1).isEmpty(), 60000);
            model.stop();
            QTRY_VERIFY_WITH_TIMEOUT(!model.streaming(), 60000);
            QCOMPARE(model.index(1).data(MessageListModel::StopReasonRole).toString(), QStringLiteral("cancelled"));
            QVERIFY(!model.textAt(1).isEmpty());

            // Send again and let it finish: the footer has the model, tokens/s and time.
            model.setMaxTokens(24);
            QVERIFY(model.send(QStringLiteral("The little dog")));
            QTRY_VERIFY_WITH_TIMEOUT(!model.streaming(), 60000);
            const QModelIndex reply = model.index(3);
            QVERIFY2(reply.data(MessageListModel::ErrorRole).toString().isEmpty(),
                     qPrintable(reply.data(MessageListModel::ErrorRole).toString()));
            const QString reason = reply.data(MessageListModel::StopReasonRole).toString();
            QVERIFY2(reason == QLatin1String("max_tokens") || reason == QLatin1String("end_of_turn"), qPrintable(reason));
            QVERIFY(reply.data(MessageListModel::TokensPerSecondRole).toDouble() > 0.0);
            QVERIFY(reply.data(MessageListModel::StatsTextRole).toString().contains(QStringLiteral("tokens/s")));
            QVERIFY(!model.textAt(3).isEmpty());
            qInfo("stories260K on the bridge: %s", qPrintable(reply.data(MessageListModel::StatsTextRole).toString()));
            for (int row = 0; row < model.rowCount(); ++row)
                contents << model.textAt(row);
            QTRY_VERIFY(model.index(3).data(MessageListModel::MessageIdRole).toLongLong() != 0);
        } // the app quits: bridge, store and view-model are gone

        ConversationStore store;
        QSignalSpy opened(&store, &ConversationStore::opened);
        store.open(m_data.path());
        QVERIFY(opened.wait(5000));
        MessageListModel reopened;
        reopened.setStoreObject(&store);
        reopened.setConversationId(conversationId);
        QTRY_COMPARE(reopened.rowCount(), 4);
        QStringList after;
        for (int row = 0; row < reopened.rowCount(); ++row)
            after << reopened.textAt(row);
        QCOMPARE(after, contents);
        QCOMPARE(reopened.index(3).data(MessageListModel::ModelNameRole).toString().isEmpty(), false);
        QVERIFY(reopened.index(3).data(MessageListModel::TokensPerSecondRole).toDouble() > 0.0);

        networkUse << ownInternetSockets();
        networkUse.removeDuplicates();
        QVERIFY2(samples >= 5, qPrintable(QString::number(samples))); // it really looked during the flow
        QVERIFY2(networkUse.isEmpty(), qPrintable(networkUse.join(u' ')));
    }
};

QTEST_GUILESS_MAIN(TestChatEndToEnd)
#include "test_chat_end_to_end.moc"
