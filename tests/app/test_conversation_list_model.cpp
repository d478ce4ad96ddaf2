// The conversations sidebar model over a real store in a temporary folder, under
// QAbstractItemModelTester: ordering by activity, create, rename, delete with undo, search.
#include "persistence/conversation_store.h"
#include "viewmodels/conversation_list_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using agora::app::ConversationListModel;
using namespace agora::app::store;

class TestConversationListModel : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ConversationStore> m_store;
    std::unique_ptr<ConversationListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    QStringList titles() const
    {
        QStringList list;
        for (int row = 0; row < m_model->rowCount(); ++row)
            list << m_model->data(m_model->index(row), ConversationListModel::TitleRole).toString();
        return list;
    }

    qint64 idAt(int row) const
    {
        return m_model->data(m_model->index(row), ConversationListModel::IdRole).toLongLong();
    }

    void addMessage(qint64 conversationId, const QString& text)
    {
        Message m;
        m.conversationId = conversationId;
        m.role = QStringLiteral("user");
        m.content = text;
        QSignalSpy saved(m_store.get(), &ConversationStore::messageSaved);
        m_store->saveMessage(m);
        QVERIFY(saved.wait(5000));
    }

private slots:
    void init()
    {
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
        m_store = std::make_unique<ConversationStore>();
        QSignalSpy opened(m_store.get(), &ConversationStore::opened);
        m_store->open(m_dir.path());
        QVERIFY(opened.wait(5000));
        QVERIFY(opened.at(0).at(1).toBool());
        m_model = std::make_unique<ConversationListModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_model->setUndoWindowMs(300);
        m_model->setStore(m_store.get());
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
        m_store.reset();
    }

    void createRenameAndOrder()
    {
        QSignalSpy created(m_model.get(), &ConversationListModel::conversationCreated);
        m_model->createConversation("Groceries");
        QVERIFY(created.wait(5000));
        QTest::qWait(5);
        m_model->createConversation("Holiday");
        QVERIFY(created.wait(5000));
        QTRY_COMPARE(titles(), (QStringList{"Holiday", "Groceries"}));

        // Activity in an older conversation moves it to the top.
        const qint64 groceries = created.at(0).at(0).toLongLong();
        QTest::qWait(5);
        addMessage(groceries, "Milk and bread");
        m_model->refresh();
        QTRY_COMPARE(titles(), (QStringList{"Groceries", "Holiday"}));

        m_model->rename(groceries, "  Shopping list ");
        QTRY_COMPARE(titles().value(0), QStringLiteral("Shopping list"));
        // Renamed from search results: the title changes, the settings stay.
        {
            Conversation withSettings;
            withSettings.id = groceries;
            withSettings.title = "Shopping list";
            withSettings.systemPrompt = "Keep me";
            withSettings.overflowPolicy = "drop-oldest";
            QSignalSpy updated(m_store.get(), &ConversationStore::conversationSaved);
            m_store->updateConversation(withSettings);
            QVERIFY(updated.wait(5000));
        }
        m_model->setSearchText("milk");
        QTRY_COMPARE(m_model->rowCount(), 1);
        m_model->rename(groceries, "Groceries again");
        QTRY_COMPARE(titles().value(0), QStringLiteral("Groceries again"));
        QSignalSpy loaded(m_store.get(), &ConversationStore::conversationLoaded);
        m_store->loadConversation(groceries);
        QVERIFY(loaded.wait(5000));
        QCOMPARE(loaded.at(0).at(1).value<Conversation>().overflowPolicy, QStringLiteral("drop-oldest"));
        QCOMPARE(loaded.at(0).at(1).value<Conversation>().systemPrompt, QStringLiteral("Keep me"));
        m_model->setSearchText("");
        QTRY_COMPARE(m_model->rowCount(), 2);
        m_model->rename(groceries, "Shopping list");
        QTRY_COMPARE(titles().value(0), QStringLiteral("Shopping list"));
        QCOMPARE(m_model->rowOf(groceries), 0);
        QCOMPARE(m_model->data(m_model->index(0), ConversationListModel::KindRole).toString(), QStringLiteral("chat"));
        QVERIFY(m_model->data(m_model->index(0), ConversationListModel::UpdatedRole).toDateTime().isValid());

        m_model->createConversation("");
        QTRY_COMPARE(titles().value(0), QStringLiteral("Untitled conversation"));
    }

    void removeWithUndo()
    {
        QSignalSpy created(m_model.get(), &ConversationListModel::conversationCreated);
        m_model->createConversation("Keep me");
        QVERIFY(created.wait(5000));
        QTRY_COMPARE(m_model->rowCount(), 1);
        const qint64 id = idAt(0);

        m_model->remove(id);
        QCOMPARE(m_model->rowCount(), 0); // gone from view at once
        QVERIFY(m_model->canUndoRemove());
        QCOMPARE(m_model->pendingRemovalTitle(), QStringLiteral("Keep me"));
        QSignalSpy undone(m_model.get(), &ConversationListModel::removalUndone);
        m_model->undoRemove();
        QVERIFY(!m_model->canUndoRemove());
        QCOMPARE(undone.size(), 1);
        QCOMPARE(undone.at(0).at(0).toLongLong(), id);
        QTRY_COMPARE(m_model->rowCount(), 1);

        // Without undo, the store deletes it when the window closes.
        m_model->remove(id);
        QTRY_VERIFY(!m_model->canUndoRemove());
        QSignalSpy listed(m_store.get(), &ConversationStore::conversationsListed);
        m_store->listConversations();
        QVERIFY(listed.wait(5000));
        QCOMPARE(listed.at(0).at(1).value<QList<Conversation>>().size(), 0);
        m_model->refresh();
        QTest::qWait(100);
        QCOMPARE(m_model->rowCount(), 0);
    }

    void searchFiltersRows()
    {
        QSignalSpy created(m_model.get(), &ConversationListModel::conversationCreated);
        m_model->createConversation("Birds");
        QVERIFY(created.wait(5000));
        m_model->createConversation("Fish");
        QVERIFY(created.wait(5000));
        addMessage(created.at(0).at(0).toLongLong(), "Robins sing at dawn");
        addMessage(created.at(1).at(0).toLongLong(), "Salmon swim upstream at dawn");
        QTRY_COMPARE(m_model->rowCount(), 2);

        m_model->setSearchText("robin");
        QTRY_COMPARE(titles(), QStringList{"Birds"});
        QCOMPARE(m_model->data(m_model->index(0), ConversationListModel::SearchSnippetRole).toString(),
                 QStringLiteral("[Robins] sing at dawn"));
        m_model->setSearchText("dawn");
        QTRY_COMPARE(m_model->rowCount(), 2);
        m_model->setSearchText("nothing-like-this");
        QTRY_COMPARE(m_model->rowCount(), 0);
        m_model->setSearchText("");
        QTRY_COMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->data(m_model->index(0), ConversationListModel::SearchSnippetRole).toString(), QString());
    }

    void othersChangesRefreshTheList()
    {
        QSignalSpy created(m_model.get(), &ConversationListModel::conversationCreated);
        m_model->createConversation("Older");
        QVERIFY(created.wait(5000));
        QTest::qWait(5);
        m_model->createConversation("");
        QVERIFY(created.wait(5000));
        QTRY_COMPARE(titles(), (QStringList{"Untitled conversation", "Older"}));

        // The chat names its conversation through the store, not through this model.
        Conversation named;
        named.id = created.at(1).at(0).toLongLong();
        named.title = "Named by the chat";
        m_store->updateConversation(named);
        QTRY_COMPARE(titles(), (QStringList{"Named by the chat", "Older"}));

        // A message saved elsewhere moves its conversation to the top, without a refresh() call.
        QTest::qWait(5);
        addMessage(created.at(0).at(0).toLongLong(), "new activity");
        QTRY_COMPARE(titles(), (QStringList{"Older", "Named by the chat"}));
    }

    void storeErrorsAreReported()
    {
        m_model->rename(12345, "no such row"); // not in the model: ignored, no request
        QCOMPARE(m_model->lastError(), QString());
        ConversationStore closed; // never opened
        ConversationListModel model;
        QSignalSpy error(&model, &ConversationListModel::lastErrorChanged);
        model.setStore(&closed);
        QVERIFY(error.wait(5000));
        QVERIFY(model.lastError().contains("not open"));
    }
};

QTEST_GUILESS_MAIN(TestConversationListModel)
#include "test_conversation_list_model.moc"
