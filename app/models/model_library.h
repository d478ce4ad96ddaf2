// The models folder as a list: every .gguf in it (watched, so a download or a file dropped in by
// hand shows up by itself), each with the card the engine reads from its header, whether it runs
// at all, whether it fits the chosen device, and whether it is the bridge's loaded chat model.
// Import (copy or link), remove, load and unload go through here. Other pages (compare, arena,
// suites) use it as the list of models to pick from:
//     ModelLibrary { bridge: window.bridge; folder: window.modelsFolder }
// Roles stay stable: path, fileName, displayName, fileBytes, card, status, statusMessage, fits,
// deviceBytes, loaded, loading, loadError, isLink.
#pragma once

#include "bridge/engine_bridge.h"
#include "models/device_budget.h"
#include "models/model_importer.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QFileSystemWatcher>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace agora::app {

class ModelLibrary : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(agora::app::EngineBridge* bridge READ bridge WRITE setBridge NOTIFY bridgeChanged)
    Q_PROPERTY(QString folder READ folder WRITE setFolder NOTIFY folderChanged)
    // The device a load goes to and the fit is judged against, as the engine reads a choice:
    // empty = the default device, a number = its index, else part of its name.
    Q_PROPERTY(QString device READ device WRITE setDevice NOTIFY deviceChanged)
    // Positions per conversation for loads and memory estimates; 0: the model's default.
    Q_PROPERTY(int contextLength READ contextLength WRITE setContextLength NOTIFY contextLengthChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString deviceName READ deviceName NOTIFY budgetChanged)
    Q_PROPERTY(qint64 budgetBytes READ budgetBytes NOTIFY budgetChanged)
    Q_PROPERTY(bool importing READ importing NOTIFY importStateChanged)
    Q_PROPERTY(double importProgress READ importProgress NOTIFY importStateChanged)
    Q_PROPERTY(QString importFileName READ importFileName NOTIFY importStateChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    // The file of the bridge's chat model (loading, ready, unloading or failed); "" when none.
    Q_PROPERTY(QString chatModelPath READ chatModelPath NOTIFY chatModelChanged)

public:
    enum Role {
        PathRole = Qt::UserRole + 1,
        FileNameRole,
        DisplayNameRole,   // the card's name, else the file name without .gguf
        FileBytesRole,
        CardRole,          // QVariantMap (keys in bridge/chat_types.h), empty until read
        StatusRole,        // "pending" (being read), "ok", "unsupported", "corrupt"
        StatusMessageRole, // why it is unsupported or corrupt, translated
        FitsRole,          // "fits", "tight" (over 80% of the budget), "no", "unknown"
        DeviceBytesRole,   // the estimated memory at the library's context length
        LoadedRole,        // the bridge's chat model, ready
        LoadingRole,       // being loaded (or unloaded) as the chat model
        LoadErrorRole,     // the last load of this file failed: why
        IsLinkRole,        // a link to a file elsewhere (removing it keeps that file)
    };
    Q_ENUM(Role)

    explicit ModelLibrary(QObject* parent = nullptr);
    ~ModelLibrary() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    EngineBridge* bridge() const { return m_bridge; }
    void setBridge(EngineBridge* bridge);
    QString folder() const { return m_folder; }
    void setFolder(const QString& folder);
    QString device() const { return m_device; }
    void setDevice(const QString& device);
    int contextLength() const { return m_contextLength; }
    void setContextLength(int contextLength);
    QString deviceName() const { return m_budget.deviceName; }
    qint64 budgetBytes() const { return m_budget.budgetBytes; }
    bool importing() const { return m_importer.busy(); }
    double importProgress() const { return m_importer.progress(); }
    QString importFileName() const { return m_importer.currentFileName(); }
    QString lastError() const { return m_lastError; }
    QString chatModelPath() const;

    // mode "copy" (into the folder, off the GUI thread) or "link" (a symbolic link to the file).
    // Queued; importFinished or importFailed follows. false: refused at once (lastError says why).
    Q_INVOKABLE bool importFile(const QUrl& file, const QString& mode = QStringLiteral("copy"));
    Q_INVOKABLE void cancelImport();
    // Deletes the file (a link: only the link). The page asks for confirmation first.
    Q_INVOKABLE bool remove(const QString& path);
    Q_INVOKABLE void rescan();
    // Makes the file the bridge's chat model, unloading the current one first if needed.
    Q_INVOKABLE bool load(const QString& path);
    Q_INVOKABLE void unload();

    Q_INVOKABLE int indexOfPath(const QString& path) const;
    // Every role of one row by name, for combo boxes and other pages; empty when out of range.
    Q_INVOKABLE QVariantMap get(int row) const;

    // "1.5 B", "260 K": the parameter count as people say it; "" when unknown.
    Q_INVOKABLE static QString parameterText(qint64 parameterCount);
    Q_INVOKABLE static QString bytesText(qint64 bytes);

signals:
    void bridgeChanged();
    void folderChanged();
    void deviceChanged();
    void contextLengthChanged();
    void countChanged();
    void budgetChanged();
    void importStateChanged();
    void lastErrorChanged();
    void chatModelChanged();
    void importFinished(const QString& path);
    void importFailed(const QString& fileName, const QString& message);

private:
    struct Entry {
        QString path;
        QString fileName;
        qint64 fileBytes = 0;
        QDateTime modified;
        bool isLink = false;
        QVariantMap card;
        QString status = QStringLiteral("pending");
        QString statusMessage;
        quint64 inspectTicket = 0;
    };

    void setLastError(const QString& message);
    void inspect(Entry& entry);
    void onInspected(quint64 ticket, const QString& path, const QVariantMap& card, const QString& error);
    void onModelStateChanged();
    void updateBudget();
    void rowsChanged(const QList<int>& roles);
    QString fitOf(const Entry& entry) const;
    void watchFolder();

    // A plain pointer cleared by the bridge's destroyed(): GCC 12 -O2 reports every QPointer
    // access after a null check as a potential null dereference (-Werror in CI).
    EngineBridge* m_bridge = nullptr;
    QList<QMetaObject::Connection> m_bridgeConnections;
    QString m_folder;
    QString m_device;
    int m_contextLength = 0;
    QList<Entry> m_entries;
    DeviceBudget m_budget;
    QFileSystemWatcher m_watcher;
    QTimer m_rescanSoon; // coalesces a burst of folder changes (a copy's .part, then the rename)
    ModelImporter m_importer;
    QString m_pendingLoad; // to load once the current chat model is unloaded
    // The chat model's file as the bridge named it when its load began: the engine's "loaded"
    // answer may not repeat the path, so the bridge's modelPath can be empty once it is ready.
    QString m_chatPath;
    QString m_lastError;
};

} // namespace agora::app
