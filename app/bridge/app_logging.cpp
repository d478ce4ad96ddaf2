#include "bridge/app_logging.h"

#include "agora/engine.h"

#include <QDir>

#include <chrono>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace agora::app {
namespace {

std::shared_ptr<spdlog::logger> appLogger()
{
    // Registered before configureLogging(), which re-points every registered logger at the
    // shared sinks (console + rotating file), so this one ends up in the same file.
    static std::shared_ptr<spdlog::logger> logger = [] {
        if (auto existing = spdlog::get("app"))
            return existing;
        auto created = std::make_shared<spdlog::logger>("app", std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
        spdlog::register_logger(created);
        return created;
    }();
    return logger;
}

void forwardQtMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    spdlog::level::level_enum level = spdlog::level::info;
    switch (type) {
    case QtDebugMsg: level = spdlog::level::debug; break;
    case QtInfoMsg: level = spdlog::level::info; break;
    case QtWarningMsg: level = spdlog::level::warn; break;
    case QtCriticalMsg: level = spdlog::level::err; break;
    case QtFatalMsg: level = spdlog::level::critical; break;
    }
    const QByteArray text = message.toUtf8();
    if (context.category && qstrcmp(context.category, "default") != 0)
        appLogger()->log(level, "[{}] {}", context.category, text.constData());
    else
        appLogger()->log(level, "{}", text.constData());
    if (type == QtFatalMsg)
        appLogger()->flush();
}

} // namespace

void setUpLogging(const QString& dataFolder)
{
    appLogger();
    LogOptions options;
    if (QDir().mkpath(dataFolder))
        options.filePath = QDir(dataFolder).filePath(QStringLiteral("agora.log")).toStdString();
    configureLogging(options);
    // Warnings reach the file immediately (a crash right after one must not lose it), the
    // rest within a second even if the process is killed.
    spdlog::flush_on(spdlog::level::warn);
    spdlog::flush_every(std::chrono::seconds(1));
    qInstallMessageHandler(forwardQtMessage);
    appLogger()->info("Agora starting, log file {}", options.filePath.empty() ? "(none)" : options.filePath);
}

} // namespace agora::app
