// End to end with the real engine (Vulkan, lavapipe on CI) on stories260K: import the model into
// a models folder, load it through the bridge with progress, send, watch the reply stream, stop
// it, send again to completion with stats, then "restart" (new bridge, store and view-model over
// the same data folder) and find the conversation intact. Privacy: all along, a sampler looks
// for internet sockets (TCP, UDP, raw; v4 and v6) among this process's file descriptors; the
// sampler itself is shown to catch a bound UDP socket, so the check can fail.
#include "bridge/engine_bridge.h"
#include "bridge/vulkan_engine_backend.h"
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
        // Import: the file is copied into the data folder's models directory.
        QVERIFY(QDir(m_data.path()).mkpath(QStringLiteral("models")));
        const QString modelPath = m_data.filePath(QStringLiteral("models/stories260K.gguf"));
        QVERIFY(QFile::copy(source, modelPath));

        qint64 conversationId = 0;
        QStringList contents;
        {
            EngineBridge bridge(std::make_shared<VulkanEngineBackend>());
            QSignalSpy progress(&bridge, &EngineBridge::loadProgressChanged);
            QVERIFY(bridge.loadModel(modelPath, 512));
            QTRY_VERIFY_WITH_TIMEOUT(bridge.modelState() != EngineBridge::ModelState::Loading, 60000);
            QVERIFY2(bridge.modelState() == EngineBridge::ModelState::Ready, qPrintable(bridge.modelError()));
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
