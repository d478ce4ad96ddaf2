// Helpers shared by the GPU tests: opening the device (lavapipe in CI), comparing kernel output
// with a CPU reference under a value-scaled tolerance while printing the first mismatches, and
// re-running the test binary as a child process for cases that must not touch this process
// (no Vulkan driver at all, a deliberate contract violation that aborts).
#pragma once

#include "vk/context.h"

#include <QProcess>
#include <QString>
#include <QtTest>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <random>
#include <span>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

namespace agora::gputest {

inline void prepareVulkanEnvironment()
{
    // The loader and lavapipe want a runtime directory; CI shells may not have one.
    if (!std::getenv("XDG_RUNTIME_DIR")) {
        static std::string dir = "/tmp/agora-gpu-tests-" + std::to_string(::getuid());
        ::mkdir(dir.c_str(), 0700);
        ::setenv("XDG_RUNTIME_DIR", dir.c_str(), 0);
    }
}

inline std::shared_ptr<vk::Context> openDevice(vk::ContextOptions options = {})
{
    prepareVulkanEnvironment();
    auto context = vk::Context::createDefault(options);
    if (!context) {
        qWarning("no Vulkan device: %s", context.error().message.c_str());
        return nullptr;
    }
    return *context;
}

inline std::vector<float> randomFloats(size_t n, uint32_t seed, float scale = 1.0f)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> dist(-scale, scale);
    std::vector<float> v(n);
    for (float& x : v)
        x = dist(rng);
    return v;
}

// Element i passes when |actual - expected| <= tolerance[i]; tolerances come from the values
// (e.g. eps * sum |w*x| for a dot product), so large and small outputs are judged alike.
// Prints the first `show` mismatches and the worst error; returns whether all passed.
inline bool compareWithTolerance(const char* what, std::span<const float> expected, std::span<const float> actual,
                                 std::span<const float> tolerance, size_t show = 8)
{
    if (expected.size() != actual.size()) {
        std::printf("%s: size %zu, expected %zu\n", what, actual.size(), expected.size());
        return false;
    }
    size_t bad = 0;
    double worst = 0;
    size_t worstAt = 0;
    for (size_t i = 0; i < expected.size(); ++i) {
        const double error = std::fabs(double(actual[i]) - double(expected[i]));
        const bool ok = error <= tolerance[i] && std::isfinite(actual[i]);
        if (!(error <= worst)) {
            worst = error;
            worstAt = i;
        }
        if (!ok && bad++ < show)
            std::printf("%s: mismatch at %zu: got %.9g expected %.9g (|error| %.3g > tolerance %.3g)\n", what, i,
                        double(actual[i]), double(expected[i]), error, double(tolerance[i]));
    }
    std::printf("%s: %zu values, %zu mismatches, max |error| %.3g at %zu\n", what, expected.size(), bad, worst,
                worstAt);
    return bad == 0;
}

// The child-process mechanism: main() checks AGORA_GPU_TEST_CHILD before starting Qt Test.
inline const char* childMode() { return std::getenv("AGORA_GPU_TEST_CHILD"); }

struct ChildResult {
    bool started = false;
    bool crashed = false;
    int exitCode = -1;
    QString output; // stdout + stderr
};

inline ChildResult runSelfAsChild(const QString& mode, const QStringList& extraEnvironment = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("AGORA_GPU_TEST_CHILD", mode);
    for (const QString& kv : extraEnvironment)
        env.insert(kv.section('=', 0, 0), kv.section('=', 1));
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QCoreApplication::applicationFilePath(), {});
    ChildResult result;
    result.started = process.waitForStarted(10000);
    if (!result.started)
        return result;
    process.waitForFinished(60000);
    result.crashed = process.exitStatus() == QProcess::CrashExit;
    result.exitCode = process.exitCode();
    result.output = QString::fromLocal8Bit(process.readAll());
    return result;
}

} // namespace agora::gputest

// A Qt Test main that first serves child-process modes (`handler(mode)` returns the exit code).
#define AGORA_GPU_TEST_MAIN(TestClass, handler)                                                    \
    int main(int argc, char** argv)                                                                \
    {                                                                                              \
        agora::gputest::prepareVulkanEnvironment();                                                \
        if (const char* mode = agora::gputest::childMode())                                        \
            return handler(mode);                                                                  \
        QCoreApplication app(argc, argv);                                                          \
        TestClass test;                                                                            \
        return QTest::qExec(&test, argc, argv);                                                    \
    }
