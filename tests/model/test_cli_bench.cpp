// agora-cli bench end to end on lavapipe: the JSON the README documents (prompt and decode
// tokens/s, dispatches per token, the --profile tables) from a real model, the kernel table adding
// up to the decoded token's dispatches, the warm-up switch, AGORA_VK_FUSE_DECODE=off giving more of them, the
// repeated context sweep, the profile at a chosen depth, and the usage errors of --profile with --cpu
// and of --profile-depth without --profile.
#include "../gpu/gpu_test_util.h"
#include "cli_run.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

namespace {

const QString kShared = QStringLiteral(AGORA_SHARED_DIR);
const QString kCli = QStringLiteral(AGORA_CLI_PATH);

int childMain(const char*) { return 99; }

using Run = agora::test::CliRun;

Run runCli(const QStringList& args, const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    return agora::test::runProgram(kCli, args, 300000, env);
}

} // namespace

class TestCliBench : public QObject {
    Q_OBJECT
private slots:
    void profileJsonAddsUp()
    {
        const QString model = kShared + "/fixtures/models/stories260K-Q8_0.gguf";
        const QStringList args{"bench", "-m", model, "-p", "8", "-n", "8", "--json", "--profile"};
        const Run r = runCli(args);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonParseError error;
        const QJsonObject bench = QJsonDocument::fromJson(r.out, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY(bench["prompt_tokens_per_second"].toDouble() > 0);
        QVERIFY(bench["gen_tokens_per_second"].toDouble() > 0);
        QCOMPARE(bench["warmup"].toBool(true), true); // a key of its own, on by default
        const int dispatches = bench["dispatches_per_token"].toInt();
        QVERIFY(dispatches > 0);
        const QJsonObject profile = bench["profile"].toObject();
        QVERIFY(profile["dispatch_us"].toDouble() > 0);
        QVERIFY(profile["matvec_ms_per_token"].toDouble() > 0);
        QCOMPARE(profile["timed_tokens"].toInt(), 16);
        QCOMPARE(profile["timed_depth"].toInt(), 8); // after the prompt
        const QJsonArray kernels = profile["kernels"].toArray();
        QVERIFY(!kernels.isEmpty());
        double perToken = 0, ms = 0;
        for (const QJsonValue& k : kernels) {
            QVERIFY(!k["kernel"].toString().isEmpty());
            perToken += k["dispatches_per_token"].toDouble();
            ms += k["ms_per_token"].toDouble();
        }
        // Every timed token sits below depth 128, so each has the last token's dispatches.
        QCOMPARE(qRound(perToken), dispatches);
        QVERIFY(ms > 0 && ms <= profile["timed_token_ms"].toDouble() * 1.01);

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("AGORA_VK_FUSE_DECODE", "off");
        const Run separate = runCli({"bench", "-m", model, "-p", "8", "-n", "8", "--json", "--no-warmup"}, env);
        QVERIFY2(separate.exitCode == 0, separate.err.constData());
        QCOMPARE(QJsonDocument::fromJson(separate.out).object()["warmup"].toBool(true), false);
        const int separateDispatches = QJsonDocument::fromJson(separate.out).object()["dispatches_per_token"].toInt();
        qInfo("stories260K-Q8_0: %d dispatches per decoded token, %d with AGORA_VK_FUSE_DECODE=off", dispatches,
              separateDispatches);
        QVERIFY(separateDispatches > dispatches);
    }

    // -r N runs the whole sweep N times and reports each depth's median, min and max.
    void sweepRepeatsEveryDepth()
    {
        const QString model = kShared + "/fixtures/models/stories260K-Q8_0.gguf";
        const Run r = runCli({"bench", "-m", model, "-p", "4", "-n", "1", "--ctx-sweep", "--sweep-n", "2", "-r", "3",
                              "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray sweep = QJsonDocument::fromJson(r.out).object()["ctx_sweep"].toArray();
        QCOMPARE(sweep.size(), 6);
        QCOMPARE(sweep.first()["depth"].toInt(), 0);
        QCOMPARE(sweep.last()["depth"].toInt(), 4096);
        for (const QJsonValue& depth : sweep) {
            const double median = depth["gen_tokens_per_second_median"].toDouble();
            QVERIFY(depth["gen_tokens_per_second_min"].toDouble() > 0);
            QVERIFY(depth["gen_tokens_per_second_min"].toDouble() <= median);
            QVERIFY(median <= depth["gen_tokens_per_second_max"].toDouble());
            QCOMPARE(depth["gen_tokens_per_second"].toDouble(), median);
            QCOMPARE(depth["gen_tokens"].toInt(), 2);
        }
    }

    // The profiled tokens decoded at a chosen depth: the JSON says which.
    void profileAtADepth()
    {
        const QString model = kShared + "/fixtures/models/stories260K-Q8_0.gguf";
        const Run r = runCli({"bench", "-m", model, "-p", "4", "-n", "1", "--profile", "--profile-depth", "700", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject profile = QJsonDocument::fromJson(r.out).object()["profile"].toObject();
        QCOMPARE(profile["timed_depth"].toInt(), 700);
        QVERIFY(!profile["kernels"].toArray().isEmpty());
        QVERIFY(QJsonDocument::fromJson(r.out).object()["context"].toInt() >= 716);
        const Run alone = runCli({"bench", "-m", model, "--profile-depth", "700"});
        QCOMPARE(alone.exitCode, 2);
        QVERIFY(alone.err.contains("--profile-depth"));
    }

    void profileWithCpuIsAUsageError()
    {
        const Run r = runCli({"bench", "-m", kShared + "/fixtures/models/stories260K.gguf", "--cpu", "--profile"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--profile"));
    }
};

AGORA_GPU_TEST_MAIN(TestCliBench, childMain)
#include "test_cli_bench.moc"
