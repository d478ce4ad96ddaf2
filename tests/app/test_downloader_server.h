// A tiny HTTP/1.1 server for the downloader tests, listening on 127.0.0.1 only (never any other
// address). Each path serves a configured body with a chosen behaviour: Range support, a dropped
// connection midway, slow delivery (to pause or cancel in the middle), or an error status.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

namespace agora::app::testing {

struct ServedFile {
    QByteArray body;
    int status = 200;             // anything but 200 is sent as an error page
    bool acceptRanges = true;     // false: Range is ignored and the whole body is sent with 200
    qint64 dropAfterBytes = -1;   // close the connection after this many body bytes, once
    int chunkBytes = 0;           // > 0: send in chunks of this size ...
    int chunkIntervalMs = 0;      // ... this far apart
    QByteArray etag = "\"agora-test-1\"";
};

class TestHttpServer : public QObject {
    Q_OBJECT
public:
    explicit TestHttpServer(QObject* parent = nullptr);

    bool listen();
    QUrl url(const QString& path) const;
    void serve(const QString& path, const ServedFile& file) { m_files.insert(path, file); }
    ServedFile& file(const QString& path) { return m_files[path]; }

    int requestCount(const QString& path) const { return m_requests.value(path); }
    int totalRequests() const;
    // The Range header of every request for `path`, "" where none was sent.
    QList<QByteArray> rangeHeaders(const QString& path) const { return m_ranges.value(path); }

private:
    void onNewConnection();
    void respond(class QTcpSocket* socket, const QByteArray& request);

    QTcpServer m_server;
    QHash<QString, ServedFile> m_files;
    QHash<QString, int> m_requests;
    QHash<QString, QList<QByteArray>> m_ranges;
};

} // namespace agora::app::testing
