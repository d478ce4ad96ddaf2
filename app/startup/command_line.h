// The command line: what `agora --help` documents. Parsed before the GUI application exists, so
// --version, --help and a bad option work on a machine without a display.
#pragma once

#include <QString>
#include <QStringList>

namespace agora::app {

struct CommandLine {
    QString language;  // --lang: en, de, fr; empty: the settings, then the system locale
    QString theme;     // --theme: light, dark, system; empty: the settings (not saved either way)
    QString section;   // --section: which section the window opens on; empty: chat
    QString openModel; // --open-model: a .gguf loaded at start (absolute path)
    QStringList compareModels; // --compare (2 to 4 times): open Compare with these models (absolute paths)
    QString send;      // --send: sent in a new conversation once the model is ready, or to every
                       // compared model once they are loaded
    QString dataDir;   // --data-dir: history, models, settings and log here (absolute path)
    QString error;     // set when the command line cannot be used; the app prints it and exits 2
};

// The section keys Main.qml knows, in navigation order (Ctrl+1 .. Ctrl+7).
QStringList sectionKeys();

// Exits for --help and --version (needs applyAppIdentity() first for the version).
CommandLine parseCommandLine(const QStringList& arguments);

} // namespace agora::app
