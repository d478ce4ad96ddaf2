// agora-cli: loading a model for the commands that run it (logits, generate, bench) on the GPU
// chosen by --device, or on the CPU reference path with --cpu.
#pragma once

#include "agora/engine.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace agora::model {
class Forward;
class Model;
}
namespace agora::vk {
class Context;
}

namespace agora::cli {

struct ForwardRequest {
    std::string modelPath;
    bool cpu = false;
    std::optional<std::string> device; // index or part of the name; empty: the default device
    uint32_t nCtx = 512;
    uint32_t maxBatch = 64;
    bool showProgress = false; // weight upload progress on stderr
};

struct LoadedForward {
    std::unique_ptr<model::Model> model;
    std::shared_ptr<vk::Context> context; // null on the CPU path
    std::unique_ptr<model::Forward> forward;
    std::string deviceName;
    double loadSeconds = 0;
    uint64_t deviceBytes = 0; // 0 on the CPU path
    ~LoadedForward();
    LoadedForward();
    LoadedForward(LoadedForward&&) noexcept;
};

Result<LoadedForward> loadForward(const ForwardRequest& request);

} // namespace agora::cli
