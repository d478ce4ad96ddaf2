// Compares a forward pass with llama.cpp's reference dumps (refdump-v1, ../shared/reference):
// teacher-forced logits at every position and the greedy continuation, scored with the
// tolerances of ../shared/reference/README.md. Backend-agnostic: the CPU and GPU model tests both
// hand in an evaluate function.
#pragma once

#include "agora/engine.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace agora::test {

struct RefDump {
    QString model;
    std::vector<int32_t> tokens;
    std::vector<std::vector<std::pair<int32_t, float>>> top; // per position, best first
    std::vector<float> lastLogits;
    std::vector<int32_t> greedyIds;
    std::vector<float> greedyMargins;
};

// Reads ../shared/reference/llama.cpp/cpu/<name>; errors as text in *error.
bool loadRefDump(const QString& path, RefDump* dump, QString* error);

struct Tolerance {
    float maxTop5;   // max |Δ| over each position's reference top-5
    float meanLast;  // mean |Δ| over the last position's full logits
    float top1Margin; // top-1 must agree where the reference's top-1/top-2 margin exceeds this
};
// From the model file name: F32, F16/BF16, or quantized.
Tolerance toleranceFor(const QString& modelName);

// evaluate(tokens, firstPos, allLogits) -> logits rows, as model::CpuForward::evaluate does.
using EvaluateFn = std::function<Result<std::vector<float>>(std::span<const int32_t>, uint32_t, bool)>;

struct Comparison {
    float maxTop5 = 0;
    float meanLast = 0;
    int top1Agree = 0;      // positions where our argmax equals the reference's top-1
    int top1Clear = 0;      // positions whose reference margin is clear
    int top1ClearAgree = 0; // of those, how many agree
    int greedyMatch = 0;    // common prefix of the greedy ids
    int greedyRobust = 0;   // steps before the first reference margin < 0.1
    QString firstMismatches; // a few lines describing the worst disagreements
    QString error;          // evaluation failed
};

Comparison compareWithReference(const RefDump& ref, const EvaluateFn& evaluate, const Tolerance& tol);

// The fixture model a reference dump names: "stories260K-F32.gguf" is stories260K.gguf, the other
// stories260K files sit beside it, everything else is under fixtures/models/synthetic.
QString referenceModelPath(const QString& modelName);

// The reference dumps in dir matching pattern, sorted by name; rowName is the file name without
// ".cpu.json", as the model tests name their data rows.
struct ReferenceFile {
    QString rowName;
    QString path;
};
std::vector<ReferenceFile> referenceFiles(const QString& dir, const QString& pattern);

// One row of the result table without the timing columns: label (left-aligned to labelWidth),
// max |Δ| over the top-5 (with the bound when given), mean |Δ| at the last position, top-1
// agreement and the greedy prefix against the robust length.
QString comparisonRow(const QString& label, int labelWidth, const RefDump& ref, const Comparison& c, int robust,
                      std::optional<float> bound = std::nullopt);

// The first tolerance the comparison breaks, described; empty when it keeps them all. robust is
// how many greedy steps must agree.
QString toleranceViolation(const Comparison& c, const Tolerance& tol, int robust);

// llama2.c's greedy story from BOS for stories260K (fixtures/llama2c, 200 ids); empty when the
// fixture cannot be read.
std::vector<int32_t> storiesGreedyIds();

// Index of the largest value, ties to the lowest index (as the reference's greedy decode).
int32_t argmax(std::span<const float> v);

} // namespace agora::test
