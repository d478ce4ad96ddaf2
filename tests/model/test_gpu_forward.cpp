// The Vulkan forward pass (lavapipe in CI) against llama.cpp's CPU references, with the same
// tolerances as the CPU reference path: teacher-forced logits at all 64 positions evaluated as
// one batch (the batched matmul path) and greedy continuations one token per submission (the
// decode path); stories260K's 200-token greedy story from BOS.
#include "../gpu/gpu_test_util.h"

#include "model/gpu_forward.h"
#include "model/model.h"
#include "reference_check.h"

#include <QDir>
#include <QElapsedTimer>
#include <QtTest>

using namespace agora;

namespace {

const QString kShared = QStringLiteral(AGORA_SHARED_DIR);

int childMain(const char*) { return 99; }

} // namespace

class TestGpuForward : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_context = gputest::openDevice();
        QVERIFY2(m_context, "no Vulkan device (lavapipe expected)");
    }

    void matchesLlamaCppReference_data()
    {
        QTest::addColumn<QString>("refPath");
        QTest::addColumn<int>("maxBatch");
        QTest::addColumn<bool>("dequantize");
        QTest::addColumn<qulonglong>("maxBindingBytes");
        const QDir dir(kShared + "/reference/llama.cpp/cpu");
        const auto files = test::referenceFiles(dir.path(), "*.cpu.json");
        QVERIFY2(files.size() >= 27, "the reference dumps are missing");
        for (const test::ReferenceFile& f : files)
            QTest::newRow(qPrintable(f.rowName)) << f.path << 64 << false << 0ull;
        // Llama-3 features: rope_freqs factors, head dim 96 != n_embd/n_head, untied output.
        const auto llama3 = test::referenceFiles(kShared + "/reference/llama.cpp/architectures", "syn-llama3-*.cpu.json");
        QCOMPARE(llama3.size(), size_t(3));
        for (const test::ReferenceFile& f : llama3)
            QTest::newRow(qPrintable(f.rowName)) << f.path << 64 << false << 0ull;
        // The prompt split over several submissions must give the same answer.
        QTest::newRow("syn-qwen2-4k-Q4_K_M in batches of 24")
            << dir.filePath("syn-qwen2-4k-Q4_K_M.cpu.json") << 24 << false << 0ull;
        // The f32-weights path (types without GPU kernels; a diagnosis aid) gives the same answer.
        QTest::newRow("syn-llama-bpe4k-r500k-Q4_K_M as f32 weights")
            << dir.filePath("syn-llama-bpe4k-r500k-Q4_K_M.cpu.json") << 64 << true << 0ull;
        // Every matrix split across bindings of 40 KiB, as a 128k-vocabulary embedding/output
        // matrix is on a device with a 128 MiB maxStorageBufferRange (lavapipe), in both paths.
        QTest::newRow("syn-llama-bpe4k-r500k-Q4_K_M split bindings")
            << dir.filePath("syn-llama-bpe4k-r500k-Q4_K_M.cpu.json") << 64 << false << 40960ull;
        QTest::newRow("syn-llama-bpe4k-r500k-F16 split bindings as f32")
            << dir.filePath("syn-llama-bpe4k-r500k-F16.cpu.json") << 64 << true << 40960ull;
    }

    void matchesLlamaCppReference()
    {
        QFETCH(QString, refPath);
        QFETCH(int, maxBatch);
        QFETCH(bool, dequantize);
        QFETCH(qulonglong, maxBindingBytes);
        test::RefDump ref;
        QString error;
        QVERIFY2(test::loadRefDump(refPath, &ref, &error), qPrintable(error));
        auto model = model::Model::open(test::referenceModelPath(ref.model).toStdString());
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message.c_str());

        QElapsedTimer timer;
        timer.start();
        model::GpuForwardOptions options;
        options.nCtx = uint32_t(ref.tokens.size() + ref.greedyIds.size());
        options.maxBatch = uint32_t(maxBatch);
        options.dequantizeWeights = dequantize;
        options.maxBindingBytes = maxBindingBytes;
        uint64_t lastProgress = 0, progressTotal = 0;
        options.progress = [&](uint64_t done, uint64_t total) {
            QVERIFY(done >= lastProgress && done <= total);
            lastProgress = done;
            progressTotal = total;
        };
        auto forward = model::GpuForward::create(**model, m_context, options);
        QVERIFY2(forward.ok(), forward.ok() ? "" : forward.error().message.c_str());
        QCOMPARE(lastProgress, progressTotal);
        QVERIFY(progressTotal > 0);
        const qint64 loadMs = timer.restart();

        const test::Tolerance tol = test::toleranceFor(ref.model);
        const test::Comparison c = test::compareWithReference(
            ref, [&](std::span<const int32_t> t, uint32_t pos, bool all) { return (*forward)->evaluate(t, pos, all); },
            tol);
        QVERIFY2(c.error.isEmpty(), qPrintable(c.error));

        const QString label = ref.model + (maxBatch != 64 ? QString(" (batch %1)").arg(maxBatch) : QString()) +
                              (dequantize ? QString(" (f32)") : QString()) +
                              (maxBindingBytes ? QString(" (split)") : QString());
        const QString row = "GPU " + test::comparisonRow(label, 36, ref, c, c.greedyRobust) +
                            QString(" | load %1 ms, eval %2 ms | %3 MiB on device")
                                .arg(loadMs)
                                .arg(timer.elapsed())
                                .arg(double((*forward)->deviceBytes()) / 1048576.0, 0, 'f', 1);
        m_table << row;
        qInfo("%s", qPrintable(row));
        if (!c.firstMismatches.isEmpty())
            qInfo("first mismatches:\n%s", qPrintable(c.firstMismatches));

        const QString violation = test::toleranceViolation(c, tol, c.greedyRobust);
        QVERIFY2(violation.isEmpty(), qPrintable(violation));
    }

    void stories260KGreedyStoryFromBos()
    {
        const std::vector<int32_t> expected = test::storiesGreedyIds();
        QCOMPARE(expected.size(), size_t(200));

        auto model = model::Model::open((kShared + "/fixtures/models/stories260K.gguf").toStdString());
        QVERIFY(model.ok());
        model::GpuForwardOptions options;
        options.nCtx = 256;
        auto forward = model::GpuForward::create(**model, m_context, options);
        QVERIFY2(forward.ok(), forward.ok() ? "" : forward.error().message.c_str());
        int32_t token = 1; // BOS
        size_t matched = 0;
        for (size_t step = 0; step < expected.size(); ++step) {
            auto logits = (*forward)->evaluate(std::span(&token, 1), uint32_t(step), false);
            QVERIFY2(logits.ok(), logits.ok() ? "" : logits.error().message.c_str());
            token = test::argmax(*logits);
            if (token != expected[step])
                break;
            ++matched;
        }
        const QString row = QString("GPU stories260K greedy from BOS: %1/200 ids equal to llama2.c").arg(matched);
        m_table << row;
        qInfo("%s", qPrintable(row));
        QVERIFY2(matched >= 185, qPrintable(row));
    }

    // A decoded token's grouped products (q/k/v or q/k, gate/up as one dispatch each, q and k
    // rotated together) compute every row as the separate products do: the logits are the same
    // bits, with fewer dispatches. Biases (qwen2), integer products (Q5_0/Q8_0 on lavapipe),
    // k-quants and f16 weights.
    void fusedDecodeMatchesUnfused_data()
    {
        QTest::addColumn<QString>("file");
        for (const char* name : {"syn-qwen2-4k-Q4_K_M", "syn-qwen2-4k-Q8_0", "syn-llama3-2k-Q4_K_M", "syn-qwen3-2k-F16",
                                 "syn-gemma2-2k-Q8_0", "syn-phi3-2k-Q4_K_M"})
            QTest::newRow(name) << QString(name);
    }

    void fusedDecodeMatchesUnfused()
    {
        QFETCH(QString, file);
        auto model = model::Model::open((kShared + "/fixtures/models/synthetic/" + file + ".gguf").toStdString());
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message.c_str());
        model::GpuForwardOptions options;
        options.nCtx = 32;
        options.maxBatch = 8;
        auto fused = model::GpuForward::create(**model, m_context, options);
        options.fuseDecodeProducts = false;
        auto separate = model::GpuForward::create(**model, m_context, options);
        QVERIFY2(fused.ok() && separate.ok(), "model did not load");
        const std::vector<int32_t> prompt{1, 17, 305, 42, 1024, 7, 99};
        auto a = (*fused)->evaluate(prompt, 0, false);
        auto b = (*separate)->evaluate(prompt, 0, false);
        QVERIFY(a.ok() && b.ok());
        QVERIFY(*a == *b); // the prompt runs as a batch either way
        int32_t token = test::argmax(*a);
        for (uint32_t step = 0; step < 6; ++step) {
            const uint32_t pos = uint32_t(prompt.size()) + step;
            a = (*fused)->evaluate(std::span(&token, 1), pos, false);
            b = (*separate)->evaluate(std::span(&token, 1), pos, false);
            QVERIFY(a.ok() && b.ok());
            QVERIFY2(*a == *b, qPrintable(QString("decode step %1: the logits differ").arg(step)));
            QVERIFY((*fused)->lastDispatchCount() < (*separate)->lastDispatchCount());
            token = test::argmax(*a);
        }
        qInfo("%s: %u dispatches per decoded token grouped, %u separate", qPrintable(file),
              (*fused)->lastDispatchCount(), (*separate)->lastDispatchCount());
    }

    void outOfDeviceMemoryIsAClearError()
    {
        // A device budget smaller than the weights: a value, not a crash, and the same device
        // then still serves a model that fits.
        vk::ContextOptions tight;
        tight.memory.budgetBytes = 2ull << 20;
        tight.memory.blockBytes = 1ull << 20;
        auto small = gputest::openDevice(tight);
        QVERIFY(small);
        auto model = model::Model::open((kShared + "/fixtures/models/synthetic/syn-llama-spm4k-Q8_0.gguf").toStdString());
        QVERIFY(model.ok());
        auto forward = model::GpuForward::create(**model, small, model::GpuForwardOptions{});
        QVERIFY(!forward.ok());
        QCOMPARE(forward.error().code, ErrorCode::OutOfDeviceMemory);
        qInfo("%s", forward.error().message.c_str());

        auto stories = model::Model::open((kShared + "/fixtures/models/stories260K.gguf").toStdString());
        QVERIFY(stories.ok());
        model::GpuForwardOptions options;
        options.nCtx = 16;
        options.maxBatch = 8;
        auto fits = model::GpuForward::create(**stories, small, options);
        QVERIFY2(fits.ok(), fits.ok() ? "" : fits.error().message.c_str());
        const std::vector<int32_t> bos{1};
        auto logits = (*fits)->evaluate(bos, 0, false);
        QVERIFY(logits.ok());
        QCOMPARE(test::argmax(*logits), 403); // the story's first token
    }

    void cleanupTestCase()
    {
        qInfo("\n%s", qPrintable(m_table.join('\n')));
        m_context.reset();
    }

private:
    std::shared_ptr<vk::Context> m_context;
    QStringList m_table;
};

AGORA_GPU_TEST_MAIN(TestGpuForward, childMain)
#include "test_gpu_forward.moc"
