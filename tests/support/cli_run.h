// Runs agora-cli (or another program) for the end-to-end CLI tests and keeps its exit code and
// output. Header-only: the tests that use it link Qt anyway.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace agora::test {

struct CliRun {
    int exitCode = -1; // -1: it did not finish in time
    QByteArray out;
    QByteArray err;
};

// XDG_RUNTIME_DIR is set when missing, as the Vulkan loader wants one.
inline CliRun runProgram(const QString& program, const QStringList& args, int timeoutMs,
                         QProcessEnvironment env = QProcessEnvironment::systemEnvironment())
{
    if (!env.contains("XDG_RUNTIME_DIR"))
        env.insert("XDG_RUNTIME_DIR", "/tmp");
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    CliRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace agora::test
