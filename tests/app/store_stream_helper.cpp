// Child process for the kill-during-stream test: opens the store in the folder given, creates a
// conversation with a user message, then streams a reply "t0 t1 t2 ..." one token every 10 ms,
// printing "appended N" after each hand-over, until it is killed.
#include "persistence/conversation_store.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

using namespace agora::app::store;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: store_stream_helper <folder>\n");
        return 2;
    }
    ConversationStore store;
    store.open(QString::fromLocal8Bit(argv[1]));
    store.createConversation(Conversation{0, QStringLiteral("Killed mid-answer"), 0, 0, {}, {}, 0,
                                          QStringLiteral("truncate-middle"), QStringLiteral("chat")});

    int tokens = 0;
    RequestId stream = 0;
    QTimer tick;
    QObject::connect(&store, &ConversationStore::conversationSaved, &app, [&](RequestId, const Conversation& c) {
        Message question;
        question.conversationId = c.id;
        question.role = QStringLiteral("user");
        question.content = QStringLiteral("Tell me a long story.");
        store.saveMessage(question);
        Message reply;
        reply.conversationId = c.id;
        reply.role = QStringLiteral("assistant");
        stream = store.beginReply(reply);
        tick.start(10);
    });
    QObject::connect(&store, &ConversationStore::failed, &app, [](RequestId, const QString& error) {
        std::fprintf(stderr, "store_stream_helper: %s\n", qPrintable(error));
    });
    QObject::connect(&tick, &QTimer::timeout, &app, [&] {
        store.appendReply(stream, QStringLiteral("t%1 ").arg(tokens));
        std::printf("appended %d\n", tokens);
        std::fflush(stdout);
        ++tokens;
    });
    return QCoreApplication::exec();
}
