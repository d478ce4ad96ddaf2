// Checks the CPU reference ops against values worked out by hand, so that the references the GPU
// kernels are judged by are themselves proven.
#include "cpu/ops.h"

#include <QtTest>

#include <cmath>
#include <vector>

class TestCpuOps : public QObject {
    Q_OBJECT
private slots:
    void rmsNormMatchesHandComputed()
    {
        const std::vector<float> x{1.0f, 2.0f, 3.0f, 4.0f};
        const std::vector<float> w{1.0f, 0.5f, 2.0f, -1.0f};
        std::vector<float> out(4);
        agora::cpu::rmsNorm(x, w, 1e-5f, out);
        const float rms = std::sqrt((1.0f + 4.0f + 9.0f + 16.0f) / 4.0f + 1e-5f);
        for (size_t i = 0; i < x.size(); ++i)
            QVERIFY2(std::fabs(out[i] - x[i] / rms * w[i]) < 1e-6f, qPrintable(QString::number(i)));
    }

    void rmsNormMayAliasInput()
    {
        std::vector<float> x{3.0f, -4.0f};
        const std::vector<float> w{1.0f, 1.0f};
        agora::cpu::rmsNorm(x, w, 0.0f, x);
        const float rms = std::sqrt(12.5f);
        QCOMPARE(x[0], 3.0f / rms);
        QCOMPARE(x[1], -4.0f / rms);
    }

    void matVecIsRowMajor()
    {
        // w = [[1 2 3], [4 5 6]]; x = [1, 0, -1] -> [-2, -2]; x = [0,1,0] -> [2, 5]
        const std::vector<float> w{1, 2, 3, 4, 5, 6};
        std::vector<float> out(2);
        agora::cpu::matVec(w, 2, 3, std::vector<float>{1, 0, -1}, out);
        QCOMPARE(out[0], -2.0f);
        QCOMPARE(out[1], -2.0f);
        agora::cpu::matVec(w, 2, 3, std::vector<float>{0, 1, 0}, out);
        QCOMPARE(out[0], 2.0f);
        QCOMPARE(out[1], 5.0f);
    }
};

QTEST_GUILESS_MAIN(TestCpuOps)
#include "test_cpu_ops.moc"
