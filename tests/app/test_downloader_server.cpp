#include "test_downloader_server.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>

namespace agora::app::testing {

TestHttpServer::TestHttpServer(QObject* parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TestHttpServer::onNewConnection);
}

bool TestHttpServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl TestHttpServer::url(const QString& path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
}

int TestHttpServer::totalRequests() const
{
    int total = 0;
    for (int count : m_requests)
        total += count;
    return total;
}

void TestHttpServer::onNewConnection()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        auto* buffer = new QByteArray;
        connect(socket, &QObject::destroyed, socket, [buffer]() { delete buffer; });
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer]() {
            buffer->append(socket->readAll());
            if (!buffer->contains("\r\n\r\n") || socket->property("answered").toBool())
                return;
            socket->setProperty("answered", true);
            respond(socket, *buffer);
        });
    }
}

void TestHttpServer::respond(QTcpSocket* socket, const QByteArray& request)
{
    const QList<QByteArray> lines = request.left(request.indexOf("\r\n\r\n")).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    const QString path = QString::fromLatin1(requestLine.value(1));
    QByteArray range;
    QByteArray ifRange;
    for (const QByteArray& line : lines.mid(1)) {
        const int colon = line.indexOf(':');
        const QByteArray name = line.left(colon).trimmed().toLower();
        if (name == "range")
            range = line.mid(colon + 1).trimmed();
        else if (name == "if-range")
            ifRange = line.mid(colon + 1).trimmed();
    }
    m_requests[path] += 1;
    m_ranges[path].append(range);

    if (!m_files.contains(path) || m_files[path].status != 200) {
        const int status = m_files.contains(path) ? m_files[path].status : 404;
        const QByteArray page = "<html>error " + QByteArray::number(status) + "</html>";
        socket->write("HTTP/1.1 " + QByteArray::number(status) + (status == 404 ? " Not Found" : " Internal Server Error")
                      + "\r\nContent-Type: text/html\r\nContent-Length: " + QByteArray::number(page.size())
                      + "\r\nConnection: close\r\n\r\n" + page);
        socket->disconnectFromHost();
        return;
    }
    ServedFile& served = m_files[path];
    qint64 first = 0;
    static const QRegularExpression rangePattern(QStringLiteral("^bytes=(\\d+)-$"));
    const QRegularExpressionMatch match = rangePattern.match(QString::fromLatin1(range));
    const bool partial = served.acceptRanges && match.hasMatch() && (ifRange.isEmpty() || ifRange == served.etag);
    if (partial)
        first = match.captured(1).toLongLong();
    const qint64 size = served.body.size();
    QByteArray head;
    if (partial && first >= size) {
        head = "HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */" + QByteArray::number(size)
               + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        socket->write(head);
        socket->disconnectFromHost();
        return;
    }
    const QByteArray body = served.body.mid(first);
    if (partial)
        head = "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes " + QByteArray::number(first) + '-'
               + QByteArray::number(size - 1) + '/' + QByteArray::number(size) + "\r\n";
    else
        head = "HTTP/1.1 200 OK\r\n";
    head += "Content-Type: application/octet-stream\r\nContent-Length: " + QByteArray::number(body.size())
            + "\r\nETag: " + served.etag + (served.acceptRanges ? "\r\nAccept-Ranges: bytes" : "")
            + "\r\nConnection: close\r\n\r\n";
    socket->write(head);

    qint64 limit = body.size();
    if (served.dropAfterBytes >= 0) {
        limit = std::min<qint64>(limit, served.dropAfterBytes);
        served.dropAfterBytes = -1; // only the first request is cut
    }
    if (served.chunkBytes <= 0) {
        socket->write(body.left(limit));
        socket->disconnectFromHost();
        return;
    }
    // Slow delivery: one chunk per tick until the limit, then close.
    auto* timer = new QTimer(socket);
    auto sent = std::make_shared<qint64>(0);
    const int chunk = served.chunkBytes;
    connect(timer, &QTimer::timeout, socket, [socket, timer, sent, body, limit, chunk]() {
        if (socket->state() != QAbstractSocket::ConnectedState) {
            timer->stop();
            return;
        }
        const qint64 n = std::min<qint64>(chunk, limit - *sent);
        socket->write(body.mid(*sent, n));
        *sent += n;
        if (*sent >= limit) {
            timer->stop();
            socket->disconnectFromHost();
        }
    });
    timer->start(served.chunkIntervalMs);
}

} // namespace agora::app::testing
