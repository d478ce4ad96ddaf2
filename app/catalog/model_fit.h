// Which catalog models fit this computer: pure functions from the selected device's memory and
// the system RAM to a per-model verdict and one recommendation, so they are tested without a GPU.
#pragma once

#include "catalog/catalog.h"

#include <QString>

namespace agora::app {

enum class MemoryFit {
    Fits,        // at most 80% of the budget: room for a longer context and the desktop
    FitsTightly, // within the budget, but little left for anything else
    DoesNotFit,
};

// The memory a model may use. A discrete GPU has its own memory; an integrated GPU or a CPU
// Vulkan driver shares system RAM, and we leave half of it to the system and other programs.
// deviceType uses the engine's names (discrete, integrated, virtual, cpu, other). A device that
// is not usable gives no budget at all: the engine cannot run on it.
qint64 memoryBudgetBytes(const QString& deviceType, qint64 deviceLocalBytes, bool deviceUsable, qint64 systemRamBytes);

MemoryFit memoryFit(qint64 minMemoryBytes, qint64 budgetBytes);

// Stable key for QML and tests: "fits", "tight", "no".
QString memoryFitKey(MemoryFit fit);

// The index in `entries` of the model to suggest: the supported general chat model with the most
// parameters that Fits; failing that, such a reasoning model; failing that, the smallest
// supported model that FitsTightly; -1 when nothing does. maxParameters > 0 leaves out larger
// models, except as the last resort (see recommendationParameterCap).
int recommendedEntryIndex(const QList<CatalogEntry>& entries, qint64 budgetBytes, qint64 maxParameters = 0);

// On a CPU Vulkan driver (lavapipe) memory is not the limit, speed is: a 9B model fits in RAM but
// answers at a word every few seconds. There we suggest models up to ~2B parameters; GPUs: no cap.
qint64 recommendationParameterCap(const QString& deviceType);

// Total RAM from /proc/meminfo (Linux), 0 when unknown. Not pure: kept apart from the above.
qint64 systemMemoryBytes();

} // namespace agora::app
