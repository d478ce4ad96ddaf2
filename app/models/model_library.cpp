#include "models/model_library.h"

#include "catalog/model_fit.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

#include <cmath>

namespace agora::app {

namespace {

bool samePath(const QString& a, const QString& b)
{
    return !a.isEmpty() && !b.isEmpty() && QFileInfo(a).absoluteFilePath() == QFileInfo(b).absoluteFilePath();
}

// File names in a stable order people expect (case folded), ties broken so the order is total.
bool listedBefore(const QString& a, const QString& b)
{
    const int folded = QString::compare(a, b, Qt::CaseInsensitive);
    return folded != 0 ? folded < 0 : a < b;
}

QString localPath(const QString& pathOrUrl)
{
    if (pathOrUrl.startsWith(QLatin1String("file:")))
        return QUrl(pathOrUrl).toLocalFile();
    return pathOrUrl;
}

} // namespace

ModelLibrary::ModelLibrary(QObject* parent) : QAbstractListModel(parent)
{
    m_rescanSoon.setSingleShot(true);
    m_rescanSoon.setInterval(150);
    connect(&m_rescanSoon, &QTimer::timeout, this, &ModelLibrary::rescan);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] { m_rescanSoon.start(); });
    connect(&m_importer, &ModelImporter::stateChanged, this, &ModelLibrary::importStateChanged);
    connect(&m_importer, &ModelImporter::imported, this, [this](const QString& target) {
        rescan(); // at once, not when the watcher gets round to it: the new row is there on the signal
        emit importFinished(target);
    });
    connect(&m_importer, &ModelImporter::failed, this, [this](const QString& fileName, const QString& message) {
        setLastError(message);
        emit importFailed(fileName, message);
    });
}

ModelLibrary::~ModelLibrary() = default;

int ModelLibrary::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QHash<int, QByteArray> ModelLibrary::roleNames() const
{
    return {
        {PathRole, "path"},
        {FileNameRole, "fileName"},
        {DisplayNameRole, "displayName"},
        {FileBytesRole, "fileBytes"},
        {CardRole, "card"},
        {StatusRole, "status"},
        {StatusMessageRole, "statusMessage"},
        {FitsRole, "fits"},
        {DeviceBytesRole, "deviceBytes"},
        {LoadedRole, "loaded"},
        {LoadingRole, "loading"},
        {LoadErrorRole, "loadError"},
        {IsLinkRole, "isLink"},
    };
}

QVariant ModelLibrary::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry& entry = m_entries.at(index.row());
    const bool isChatModel = samePath(chatModelPath(), entry.path);
    const EngineBridge::ModelState state = m_bridge ? m_bridge->modelState() : EngineBridge::ModelState::NoModel;
    switch (role) {
    case Qt::DisplayRole:
    case DisplayNameRole: {
        const QString name = entry.card.value(QStringLiteral("name")).toString();
        return name.isEmpty() ? QFileInfo(entry.fileName).completeBaseName() : name;
    }
    case PathRole: return entry.path;
    case FileNameRole: return entry.fileName;
    case FileBytesRole: return entry.fileBytes;
    case CardRole: return entry.card;
    case StatusRole: return entry.status;
    case StatusMessageRole: return entry.statusMessage;
    case FitsRole: return fitOf(entry);
    case DeviceBytesRole: return entry.card.value(QStringLiteral("deviceBytes"), qint64(0)).toLongLong();
    case LoadedRole: return isChatModel && state == EngineBridge::ModelState::Ready;
    case LoadingRole:
        return (isChatModel && (state == EngineBridge::ModelState::Loading || state == EngineBridge::ModelState::Unloading))
            || samePath(m_pendingLoad, entry.path);
    case LoadErrorRole:
        return isChatModel && state == EngineBridge::ModelState::Failed ? m_bridge->modelError() : QString();
    case IsLinkRole: return entry.isLink;
    default: return {};
    }
}

QVariantMap ModelLibrary::get(int row) const
{
    QVariantMap values;
    if (row < 0 || row >= rowCount())
        return values;
    const QHash<int, QByteArray> names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        values.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return values;
}

int ModelLibrary::indexOfPath(const QString& path) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (samePath(m_entries.at(row).path, localPath(path)))
            return row;
    }
    return -1;
}

void ModelLibrary::setBridge(EngineBridge* bridge)
{
    if (m_bridge == bridge)
        return;
    for (const QMetaObject::Connection& connection : std::as_const(m_bridgeConnections))
        disconnect(connection);
    m_bridgeConnections.clear();
    m_bridge = bridge;
    m_importer.setBridge(bridge);
    if (m_bridge) {
        m_bridgeConnections << connect(m_bridge, &QObject::destroyed, this, [this] {
            m_bridge = nullptr;
            m_bridgeConnections.clear();
        });
        m_bridgeConnections << connect(m_bridge, &EngineBridge::modelInspected, this, &ModelLibrary::onInspected)
                            << connect(m_bridge, &EngineBridge::modelStateChanged, this, &ModelLibrary::onModelStateChanged)
                            << connect(m_bridge, &EngineBridge::devicesScanned, this, &ModelLibrary::updateBudget)
                            << connect(m_bridge, &EngineBridge::modelLoadFailed, this, &ModelLibrary::setLastError);
        if (!m_bridge->hasScan() && !m_bridge->scanning())
            m_bridge->refreshDevices();
        for (Entry& entry : m_entries) {
            if (entry.status == u"pending")
                inspect(entry);
        }
    }
    updateBudget();
    onModelStateChanged(); // a model may be loaded already
    emit bridgeChanged();
}

void ModelLibrary::setFolder(const QString& folder)
{
    const QString path = localPath(folder);
    if (m_folder == path)
        return;
    m_folder = path;
    m_importer.setFolder(path);
    watchFolder();
    rescan();
    emit folderChanged();
}

void ModelLibrary::watchFolder()
{
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    if (!m_folder.isEmpty() && QFileInfo(m_folder).isDir())
        m_watcher.addPath(m_folder);
}

void ModelLibrary::setDevice(const QString& device)
{
    if (m_device == device)
        return;
    m_device = device;
    updateBudget();
    emit deviceChanged();
}

void ModelLibrary::setContextLength(int contextLength)
{
    contextLength = std::max(0, contextLength);
    if (m_contextLength == contextLength)
        return;
    m_contextLength = contextLength;
    // The memory estimate depends on the context: read every card again at the new size.
    for (Entry& entry : m_entries) {
        if (!entry.isLink || QFileInfo::exists(entry.path)) // a broken link stays as it is
            inspect(entry);
    }
    rowsChanged({});
    emit contextLengthChanged();
}

void ModelLibrary::setLastError(const QString& message)
{
    m_lastError = message;
    emit lastErrorChanged();
}

void ModelLibrary::rowsChanged(const QList<int>& roles)
{
    if (!m_entries.isEmpty())
        emit dataChanged(index(0), index(int(m_entries.size()) - 1), roles);
}

void ModelLibrary::updateBudget()
{
    static const qint64 systemRam = systemMemoryBytes();
    const DeviceBudget budget = m_bridge ? deviceBudget(m_bridge->lastScan(), m_device, systemRam) : DeviceBudget{};
    if (budget.known == m_budget.known && budget.deviceName == m_budget.deviceName && budget.budgetBytes == m_budget.budgetBytes)
        return;
    m_budget = budget;
    emit budgetChanged();
    rowsChanged({FitsRole});
}

QString ModelLibrary::fitOf(const Entry& entry) const
{
    const qint64 needed = entry.card.value(QStringLiteral("deviceBytes"), qint64(0)).toLongLong();
    if (entry.status != u"ok" || needed <= 0 || !m_budget.known)
        return QStringLiteral("unknown");
    return memoryFitKey(memoryFit(needed, m_budget.budgetBytes));
}

void ModelLibrary::rescan()
{
    m_rescanSoon.stop();
    if (m_watcher.directories().isEmpty())
        watchFolder(); // the folder may have been created since
    QList<Entry> found;
    if (!m_folder.isEmpty()) {
        // System: broken links are listed too, so a link whose file went away shows as an error.
        const QFileInfoList infos = QDir(m_folder).entryInfoList({QStringLiteral("*.gguf")},
                                                                   QDir::Files | QDir::System | QDir::Hidden);
        for (const QFileInfo& info : infos) {
            if (!info.isFile() && !info.isSymLink())
                continue; // a FIFO or socket that happens to end in .gguf
            Entry entry;
            entry.path = info.absoluteFilePath();
            entry.fileName = info.fileName();
            entry.fileBytes = info.exists() ? info.size() : 0;
            entry.modified = info.exists() ? info.lastModified() : QDateTime();
            entry.isLink = info.isSymLink();
            found << entry;
        }
    }
    std::sort(found.begin(), found.end(), [](const Entry& a, const Entry& b) { return listedBefore(a.fileName, b.fileName); });

    const int before = int(m_entries.size());
    for (int row = int(m_entries.size()) - 1; row >= 0; --row) {
        const QString& path = m_entries.at(row).path;
        if (std::none_of(found.cbegin(), found.cend(), [&](const Entry& e) { return e.path == path; })) {
            beginRemoveRows({}, row, row);
            m_entries.removeAt(row);
            endRemoveRows();
        }
    }
    // What is left is in the same order as `found`: walk both, inserting the new files.
    for (int row = 0; row < found.size(); ++row) {
        const Entry& seen = found.at(row);
        if (row < m_entries.size() && m_entries.at(row).path == seen.path) {
            Entry& kept = m_entries[row];
            if (kept.fileBytes == seen.fileBytes && kept.modified == seen.modified && kept.isLink == seen.isLink)
                continue;
            kept = seen; // replaced or still being written: read its header again
        } else {
            beginInsertRows({}, row, row);
            m_entries.insert(row, seen);
            endInsertRows();
        }
        Entry& entry = m_entries[row];
        if (entry.isLink && !QFileInfo::exists(entry.path)) {
            entry.status = QStringLiteral("corrupt");
            entry.statusMessage = tr("The file this link points to is gone: %1").arg(QFileInfo(entry.path).symLinkTarget());
        } else {
            inspect(entry);
        }
        emit dataChanged(index(row), index(row));
    }
    if (before != m_entries.size())
        emit countChanged();
}

void ModelLibrary::inspect(Entry& entry)
{
    entry.status = QStringLiteral("pending");
    entry.statusMessage.clear();
    entry.inspectTicket = m_bridge ? m_bridge->inspectModel(entry.path, m_contextLength) : 0;
}

void ModelLibrary::onInspected(quint64 ticket, const QString&, const QVariantMap& card, const QString& error)
{
    const auto found = std::find_if(m_entries.begin(), m_entries.end(), [&](const Entry& e) { return e.inspectTicket == ticket; });
    if (found == m_entries.end())
        return; // someone else's inspection, or a file that is gone or changed since
    Entry& entry = *found;
    entry.inspectTicket = 0;
    entry.card = card;
    const QStringList unsupportedTypes = card.value(QStringLiteral("unsupportedTypes")).toStringList();
    static const QString unsupportedSentence = EngineBridge::describeError(BackendError{QStringLiteral("unsupported"), {}});
    if (!error.isEmpty()) {
        entry.status = error.startsWith(unsupportedSentence) ? QStringLiteral("unsupported") : QStringLiteral("corrupt");
        entry.statusMessage = error;
    } else if (!unsupportedTypes.isEmpty()) {
        entry.status = QStringLiteral("unsupported");
        entry.statusMessage = tr("Agora cannot run this model yet: its weights use %1.").arg(unsupportedTypes.join(QStringLiteral(", ")));
    } else if (card.value(QStringLiteral("vocabOnly")).toBool()) {
        entry.status = QStringLiteral("unsupported");
        entry.statusMessage = tr("This file holds only a vocabulary, no model weights.");
    } else {
        entry.status = QStringLiteral("ok");
        entry.statusMessage.clear();
    }
    const int row = int(std::distance(m_entries.begin(), found));
    emit dataChanged(index(row), index(row));
}

QString ModelLibrary::chatModelPath() const
{
    if (!m_bridge || m_bridge->modelState() == EngineBridge::ModelState::NoModel)
        return QString();
    return m_bridge->modelPath().isEmpty() ? m_chatPath : m_bridge->modelPath();
}

void ModelLibrary::onModelStateChanged()
{
    const QString before = m_chatPath;
    if (m_bridge && m_bridge->modelState() == EngineBridge::ModelState::Loading)
        m_chatPath = m_bridge->modelPath(); // whoever started the load: the bridge still has the path
    else if (!m_bridge || m_bridge->modelState() == EngineBridge::ModelState::NoModel)
        m_chatPath.clear();
    else if (!m_bridge->modelPath().isEmpty())
        m_chatPath = m_bridge->modelPath();
    if (m_chatPath != before)
        emit chatModelChanged();
    if (m_bridge && !m_pendingLoad.isEmpty()) {
        const EngineBridge::ModelState state = m_bridge->modelState();
        if (state == EngineBridge::ModelState::NoModel || state == EngineBridge::ModelState::Failed) {
            const QString path = std::exchange(m_pendingLoad, QString());
            m_bridge->loadModel(path, m_contextLength, m_device);
        } else if (state == EngineBridge::ModelState::Ready && !samePath(chatModelPath(), m_pendingLoad)) {
            m_bridge->unloadModel();
        } else if (state == EngineBridge::ModelState::Ready) {
            m_pendingLoad.clear();
        }
    }
    rowsChanged({LoadedRole, LoadingRole, LoadErrorRole});
}

bool ModelLibrary::load(const QString& pathOrUrl)
{
    const QString path = localPath(pathOrUrl);
    const int row = indexOfPath(path);
    if (!m_bridge) {
        setLastError(tr("The engine is not ready yet; try again in a moment."));
        return false;
    }
    if (row < 0) {
        setLastError(tr("“%1” is not in the models folder.").arg(QFileInfo(path).fileName()));
        return false;
    }
    const Entry& entry = m_entries.at(row);
    if (entry.status == u"corrupt" || entry.status == u"unsupported") {
        setLastError(entry.statusMessage);
        return false;
    }
    const EngineBridge::ModelState state = m_bridge->modelState();
    if (samePath(chatModelPath(), entry.path)
        && (state == EngineBridge::ModelState::Ready || state == EngineBridge::ModelState::Loading)) {
        m_pendingLoad.clear();
        rowsChanged({LoadingRole});
        return true;
    }
    if (state == EngineBridge::ModelState::NoModel || state == EngineBridge::ModelState::Failed) {
        m_pendingLoad.clear();
        return m_bridge->loadModel(entry.path, m_contextLength, m_device);
    }
    // One chat model at a time: the current one goes first, this one follows (onModelStateChanged).
    m_pendingLoad = entry.path;
    if (state == EngineBridge::ModelState::Ready)
        m_bridge->unloadModel();
    rowsChanged({LoadingRole});
    return true;
}

void ModelLibrary::unload()
{
    m_pendingLoad.clear();
    if (m_bridge)
        m_bridge->unloadModel();
    rowsChanged({LoadingRole});
}

bool ModelLibrary::importFile(const QUrl& file, const QString& mode)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.path();
    if (path.isEmpty()) {
        setLastError(tr("Only files on this computer can be imported."));
        return false;
    }
    if (mode != u"copy" && mode != u"link") {
        setLastError(tr("Unknown import mode “%1”.").arg(mode));
        return false;
    }
    m_importer.enqueue(path, mode == u"link" ? ModelImporter::Mode::Link : ModelImporter::Mode::Copy);
    return true;
}

void ModelLibrary::cancelImport()
{
    m_importer.cancel();
}

bool ModelLibrary::remove(const QString& pathOrUrl)
{
    const int row = indexOfPath(localPath(pathOrUrl));
    if (row < 0) {
        setLastError(tr("“%1” is not in the models folder.").arg(QFileInfo(localPath(pathOrUrl)).fileName()));
        return false;
    }
    const Entry entry = m_entries.at(row);
    if (m_bridge && samePath(chatModelPath(), entry.path)
        && m_bridge->modelState() != EngineBridge::ModelState::NoModel
        && m_bridge->modelState() != EngineBridge::ModelState::Failed) {
        setLastError(tr("“%1” is in use. Unload it before removing it.").arg(entry.fileName));
        return false;
    }
    // QFile::remove on a link removes the link, never the file it points to.
    QFile file(entry.path);
    if (!file.remove()) {
        setLastError(tr("“%1” could not be removed: %2").arg(entry.fileName, file.errorString()));
        return false;
    }
    rescan();
    return true;
}

QString ModelLibrary::parameterText(qint64 parameterCount)
{
    if (parameterCount <= 0)
        return QString();
    const QLocale locale;
    struct Unit { double scale; const char* suffix; };
    for (const Unit unit : {Unit{1e12, "T"}, Unit{1e9, "B"}, Unit{1e6, "M"}, Unit{1e3, "K"}}) {
        if (double(parameterCount) >= unit.scale) {
            const double value = double(parameterCount) / unit.scale;
            // "1.5 B" but "7 B" and "260 K": one decimal only where it says something.
            const bool decimal = value < 10 && std::abs(value - std::round(value)) >= 0.05;
            return locale.toString(value, 'f', decimal ? 1 : 0) + u' ' + QLatin1String(unit.suffix);
        }
    }
    return locale.toString(parameterCount);
}

QString ModelLibrary::bytesText(qint64 bytes)
{
    return bytes > 0 ? QLocale().formattedDataSize(bytes) : QString();
}

} // namespace agora::app
