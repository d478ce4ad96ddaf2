// Checks a finished download before it becomes a model: its sha256, computed off the GUI thread
// (a 5 GB file takes tens of seconds), and that it opens as a GGUF model.
#pragma once

#include <QString>

#include <functional>

class QObject;

namespace agora::app {

// Returns an empty string when the file is a usable model, else a message for the user. The app
// injects one backed by agora::inspectModel (through the engine bridge); the default below only
// checks the GGUF magic and version, so the downloader never depends on the engine.
using ModelFileCheck = std::function<QString(const QString& path)>;
QString checkGgufHeader(const QString& path);

// The same question answered later: the engine reads the header on its own thread (through
// EngineBridge::inspectModel), so the check calls `done(problem)` when it knows; an empty problem
// means the file is a usable model. `done` may be called on the GUI thread only, at most once.
using ModelFileCheckDone = std::function<void(const QString& problem)>;
using AsyncModelFileCheck = std::function<void(const QString& path, ModelFileCheckDone done)>;

// Hashes `path` on the global thread pool and calls `done(hexDigest, errorMessage)` on the thread
// of `context` (the GUI thread), unless `context` is gone by then.
void sha256OfFileAsync(const QString& path, QObject* context, std::function<void(QString, QString)> done);

// Blocking variant for tests and the worker above.
QString sha256OfFile(const QString& path, QString* error);

} // namespace agora::app
