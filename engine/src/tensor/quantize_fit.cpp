#include "tensor/quantize_fit.h"

#include <algorithm>
#include <cmath>

namespace agora::tensor::detail {

int roundClamp(float v, int lo, int hi)
{
    // NaN never reaches here (quantizeRow rejects non-finite input); clamp before converting so
    // that huge quotients cannot overflow the integer conversion. Halves round away from zero:
    // an add and a truncation, much cheaper than a libm rounding call in these inner loops.
    const float c = std::clamp(v, static_cast<float>(lo), static_cast<float>(hi));
    return static_cast<int>(c + (c >= 0 ? 0.5f : -0.5f));
}

namespace {

// The element of largest magnitude, with its sign.
float signedAbsMax(const float* x, int n)
{
    float best = 0;
    for (int i = 0; i < n; ++i)
        if (std::fabs(x[i]) > std::fabs(best))
            best = x[i];
    return best;
}

} // namespace

float fitSymmetric(const float* x, int n, int qmin, int qmax, int8_t* codes)
{
    const float peak = signedAbsMax(x, n);
    if (peak == 0) {
        std::fill(codes, codes + n, int8_t(0));
        return 0;
    }
    int8_t trial[256];
    float bestScale = 0;
    double bestError = INFINITY;
    // Candidate scales map the peak onto an edge code (the wider edge first: -8 for -8..7) or a
    // little inside it, trading clipping of the peak against resolution for everything else.
    // Each candidate's codes then get the least-squares scale for those codes.
    for (int edge : {qmin, qmax}) {
        for (int step = 0; step <= 8; ++step) {
            // step 2 is the edge itself, exactly: data already on a grid comes back unchanged.
            const float magnitude = static_cast<float>(std::abs(edge)) + 0.15f * static_cast<float>(2 - step);
            const float inverse = (edge < 0 ? -magnitude : magnitude) / peak;
            double sumXQ = 0, sumQQ = 0;
            for (int i = 0; i < n; ++i) {
                trial[i] = static_cast<int8_t>(roundClamp(x[i] * inverse, qmin, qmax));
                sumXQ += double(x[i]) * trial[i];
                sumQQ += double(trial[i]) * trial[i];
            }
            if (sumQQ == 0)
                continue;
            // With the least-squares scale the squared error is sum(x^2) - sumXQ^2 / sumQQ, so
            // the best candidate is the one with the largest sumXQ^2 / sumQQ.
            const float scale = static_cast<float>(sumXQ / sumQQ);
            const double err = -sumXQ * sumXQ / sumQQ;
            if (err < bestError) {
                bestError = err;
                bestScale = scale;
                std::copy(trial, trial + n, codes);
            }
        }
    }
    return bestScale;
}

AffineFit fitAffine(const float* x, int n, int qmax, bool offsetNonPositive, uint8_t* codes)
{
    float lo = *std::min_element(x, x + n);
    const float hi = *std::max_element(x, x + n);
    if (offsetNonPositive)
        lo = std::min(lo, 0.0f);
    AffineFit best;
    if (hi == lo) { // constant group: the offset alone reproduces it (scale 0, codes 0)
        std::fill(codes, codes + n, uint8_t(0));
        best.offset = lo;
        if (offsetNonPositive && hi > 0) { // a positive constant needs the scale instead
            best.offset = 0;
            best.scale = hi / static_cast<float>(qmax);
            std::fill(codes, codes + n, static_cast<uint8_t>(qmax));
        }
        return best;
    }
    uint8_t trial[256];
    double bestError = INFINITY;
    // A few range shrinks (clipping outliers can pay off), each polished by alternating
    // least squares: codes for the current (scale, offset), then the best (scale, offset)
    // for those codes.
    for (int shrink = 0; shrink < 4; ++shrink) {
        const float span = (hi - lo) * (1.0f - 0.04f * static_cast<float>(shrink));
        AffineFit fit{span / static_cast<float>(qmax), lo};
        for (int iteration = 0; iteration < 3; ++iteration) {
            const float inverse = fit.scale > 0 ? 1.0f / fit.scale : 0.0f;
            double sq = 0, sqq = 0, sx = 0, sxq = 0;
            for (int i = 0; i < n; ++i) {
                trial[i] = static_cast<uint8_t>(roundClamp((x[i] - fit.offset) * inverse, 0, qmax));
                sq += trial[i];
                sqq += double(trial[i]) * trial[i];
                sx += x[i];
                sxq += double(x[i]) * trial[i];
            }
            const double det = n * sqq - sq * sq;
            if (det <= 0)
                break;
            double scale = (n * sxq - sq * sx) / det;
            double offset = (sx - scale * sq) / n;
            if (offsetNonPositive && offset > 0) {
                offset = 0;
                scale = sqq > 0 ? sxq / sqq : 0;
            }
            if (scale <= 0)
                break;
            fit = AffineFit{static_cast<float>(scale), static_cast<float>(offset)};
            // Residual of a least-squares fit, less the constant sum(x^2): -(scale*sxq + offset*sx).
            const double err = -(scale * sxq + offset * sx);
            if (err < bestError) {
                bestError = err;
                best = fit;
                std::copy(trial, trial + n, codes);
            }
        }
    }
    if (bestError == INFINITY) { // degenerate fits everywhere: plain min/max rounding
        best = AffineFit{(hi - lo) / static_cast<float>(qmax), lo};
        for (int i = 0; i < n; ++i)
            codes[i] = static_cast<uint8_t>(roundClamp((x[i] - lo) / best.scale, 0, qmax));
    }
    return best;
}

int nearestTableIndex(const int8_t table[16], float v)
{
    if (v <= table[0])
        return 0;
    if (v >= table[15])
        return 15;
    int lo = 0, hi = 15; // table[lo] < v <= table[hi]
    while (hi - lo > 1) {
        const int mid = (lo + hi) / 2;
        if (v > table[mid])
            lo = mid;
        else
            hi = mid;
    }
    return (v - table[lo] <= table[hi] - v) ? lo : hi;
}

float fitTable(const float* x, int n, const int8_t table[16], uint8_t* codes)
{
    const float peak = signedAbsMax(x, n);
    if (peak == 0) {
        // Index 8 holds the code point nearest zero (+1): zero scale reproduces zeros exactly.
        std::fill(codes, codes + n, uint8_t(8));
        return 0;
    }
    uint8_t trial[256];
    float bestScale = 0;
    double bestError = INFINITY;
    // The peak maps onto the table's far end (-127) or near end (+113), scaled a little inside;
    // each choice of codes is then given its least-squares scale.
    for (int edge : {static_cast<int>(table[0]), static_cast<int>(table[15])}) {
        for (int step = 0; step <= 6; ++step) {
            const float target = static_cast<float>(edge) * (1.0f - 0.04f * static_cast<float>(step));
            const float inverse = target / peak;
            double sumXV = 0, sumVV = 0;
            for (int i = 0; i < n; ++i) {
                trial[i] = static_cast<uint8_t>(nearestTableIndex(table, x[i] * inverse));
                const double v = table[trial[i]];
                sumXV += double(x[i]) * v;
                sumVV += v * v;
            }
            const float scale = static_cast<float>(sumXV / sumVV);
            const double err = -sumXV * sumXV / sumVV; // least-squares residual less sum(x^2)
            if (err < bestError) {
                bestError = err;
                bestScale = scale;
                std::copy(trial, trial + n, codes);
            }
        }
    }
    return bestScale;
}

} // namespace agora::tensor::detail
