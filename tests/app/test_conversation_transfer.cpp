// Export and import through files (ConversationTransfer) over a real store in a temporary
// folder: Markdown and JSON written whole, a JSON export imported back as a new conversation,
// and every bad input (no conversation, a missing, oversized, foreign or unwritable file)
// answered with a sentence, never a crash or a half-written file.
#include "persistence/conversation_store.h"
#include "viewmodels/conversation_transfer.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using agora::app::ConversationTransfer;
using namespace agora::app::store;

class TestConversationTransfer : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ConversationStore> m_store;
    std::unique_ptr<ConversationTransfer> m_transfer;
    qint64 m_conversation = 0;

    QString path(const QString& name) const { return m_dir.filePath(name); }
    QByteArray read(const QString& name) const
    {
        QFile f(path(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_store = std::make_unique<ConversationStore>();
        QSignalSpy opened(m_store.get(), &ConversationStore::opened);
        m_store->open(m_dir.filePath("db"));
        QVERIFY(opened.wait(5000) && opened.at(0).at(1).toBool());
        Conversation c;
        c.title = "Trip: Lyon/Paris?";
        QSignalSpy saved(m_store.get(), &ConversationStore::conversationSaved);
        m_store->createConversation(c);
        QVERIFY(saved.wait(5000));
        m_conversation = saved.at(0).at(1).value<Conversation>().id;
        QSignalSpy messageSaved(m_store.get(), &ConversationStore::messageSaved);
        for (const auto& [role, text] : {std::pair{"user", "Which train?"}, std::pair{"assistant", "The TGV, **2 h**."}}) {
            Message m;
            m.conversationId = m_conversation;
            m.role = QString::fromLatin1(role);
            m.content = QString::fromUtf8(text);
            m_store->saveMessage(m);
            QVERIFY(messageSaved.wait(5000));
        }
        m_transfer = std::make_unique<ConversationTransfer>();
        m_transfer->setStoreObject(m_store.get());
    }

    void cleanup()
    {
        m_transfer.reset();
        m_store.reset();
    }

    void exportsBothFormatsAndImportsJson()
    {
        QSignalSpy exported(m_transfer.get(), &ConversationTransfer::exported);
        QSignalSpy failed(m_transfer.get(), &ConversationTransfer::failed);
        m_transfer->exportTo(m_conversation, QUrl::fromLocalFile(path("trip.md")), "markdown");
        QVERIFY(m_transfer->busy());
        QTRY_COMPARE(exported.size(), 1);
        QVERIFY(!m_transfer->busy());
        QCOMPARE(exported.at(0).at(0).toString(), path("trip.md"));
        const QString markdown = QString::fromUtf8(read("trip.md"));
        QVERIFY2(markdown.startsWith("# Trip: Lyon/Paris?") && markdown.contains("The TGV, **2 h**."), qPrintable(markdown));

        m_transfer->exportTo(m_conversation, QUrl::fromLocalFile(path("trip.json")), "json");
        QTRY_COMPARE(exported.size(), 2);
        const QJsonObject root = QJsonDocument::fromJson(read("trip.json")).object();
        QCOMPARE(root.value("format").toString(), QStringLiteral("agora.conversation"));

        QSignalSpy imported(m_transfer.get(), &ConversationTransfer::imported);
        m_transfer->importFrom(QUrl::fromLocalFile(path("trip.json")));
        QTRY_COMPARE(imported.size(), 1);
        QVERIFY(imported.at(0).at(0).toLongLong() != m_conversation);
        QCOMPARE(imported.at(0).at(1).toString(), QStringLiteral("Trip: Lyon/Paris?"));
        QCOMPARE(failed.size(), 0);
    }

    void badInputIsExplained()
    {
        QSignalSpy failed(m_transfer.get(), &ConversationTransfer::failed);
        auto lastFailure = [&] { return failed.isEmpty() ? QString() : failed.constLast().at(0).toString(); };

        m_transfer->exportTo(0, QUrl::fromLocalFile(path("x.md")), "markdown");
        QCOMPARE(lastFailure(), QStringLiteral("Open a conversation to export it."));

        m_transfer->importFrom(QUrl::fromLocalFile(path("missing.json")));
        QVERIFY2(lastFailure().endsWith("is not a file."), qPrintable(lastFailure()));

        {
            QFile big(path("big.json"));
            QVERIFY(big.open(QIODevice::WriteOnly));
            QVERIFY(big.resize(ConversationTransfer::kMaxImportBytes + 1));
        }
        m_transfer->importFrom(QUrl::fromLocalFile(path("big.json")));
        QVERIFY2(lastFailure().contains("too large"), qPrintable(lastFailure()));

        {
            QFile foreign(path("chatgpt.json"));
            QVERIFY(foreign.open(QIODevice::WriteOnly));
            foreign.write("{\"format\": \"chatgpt\"}");
        }
        const int before = static_cast<int>(failed.size());
        m_transfer->importFrom(QUrl::fromLocalFile(path("chatgpt.json")));
        QTRY_COMPARE(failed.size(), before + 1);
        QVERIFY2(lastFailure().startsWith("This file cannot be imported: "), qPrintable(lastFailure()));
        QVERIFY(!m_transfer->busy());

        // A folder that does not exist: nothing is written, the reason is given.
        m_transfer->exportTo(m_conversation, QUrl::fromLocalFile(path("no/such/folder/x.md")), "markdown");
        QTRY_COMPARE(failed.size(), before + 2);
        QVERIFY2(lastFailure().startsWith("Cannot write "), qPrintable(lastFailure()));
        QVERIFY(!QFile::exists(path("no/such/folder/x.md")));
    }

    void suggestsSafeFileNames()
    {
        QCOMPARE(m_transfer->suggestedFileName("Trip: Lyon/Paris?", "markdown"), QStringLiteral("Trip- Lyon-Paris-.md"));
        QCOMPARE(m_transfer->suggestedFileName("  ", "json"), QStringLiteral("conversation.json"));
    }
};

QTEST_GUILESS_MAIN(TestConversationTransfer)
#include "test_conversation_transfer.moc"
