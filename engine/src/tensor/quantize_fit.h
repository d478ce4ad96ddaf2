// Scale fitting for the quantizers: given a small group of weights and an integer code range,
// find the scale (and offset) that reproduce the weights with the least squared error. Each
// format's quantizer (quantize_legacy.cpp, quantize_k.cpp) builds its blocks from these.
#pragma once

#include <cstdint>

namespace agora::tensor::detail {

// Rounds to the nearest integer and clamps it to [lo, hi].
int roundClamp(float v, int lo, int hi);

// Symmetric fit x[i] ~= scale * q[i], q in [qmin, qmax] (qmin < 0 < qmax). The scale may come
// out negative when that fits better (codes are asymmetric, e.g. -8..7). Writes the codes and
// returns the scale; an all-zero group gives scale 0 and zero codes.
float fitSymmetric(const float* x, int n, int qmin, int qmax, int8_t* codes);

// Affine fit x[i] ~= scale * q[i] + offset, q in [0, qmax], scale >= 0. With offsetNonPositive,
// the offset is kept <= 0 (the K-quants store it as a subtracted unsigned minimum).
struct AffineFit {
    float scale = 0;
    float offset = 0;
};
AffineFit fitAffine(const float* x, int n, int qmax, bool offsetNonPositive, uint8_t* codes);

// Non-linear fit x[i] ~= scale * table[q[i]] for a sorted 16-entry table (IQ4_NL's code
// points). Writes indices 0..15; returns the scale (either sign).
float fitTable(const float* x, int n, const int8_t table[16], uint8_t* codes);

// The index of the table entry nearest to v (table sorted ascending).
int nearestTableIndex(const int8_t table[16], float v);

} // namespace agora::tensor::detail
