// agora-cli: scriptable access to the Agora engine. Each command is one cmd_*.cpp; this table is
// the only place that lists them. Flags and JSON output are a stable interface (README).
#include "cli.h"

#include <cstring>
#include <iostream>
#include <string>
#include <vector>

namespace agora::cli {
int cmdDevices(const std::vector<std::string>& args);
int cmdLogits(const std::vector<std::string>& args);
int cmdGenerate(const std::vector<std::string>& args);
int cmdBench(const std::vector<std::string>& args);
int cmdBenchStreams(const std::vector<std::string>& args);
int cmdInspect(const std::vector<std::string>& args);
int cmdTemplate(const std::vector<std::string>& args);
int cmdChat(const std::vector<std::string>& args);
int cmdSynth(const std::vector<std::string>& args);
int cmdTokenize(const std::vector<std::string>& args);
int cmdCompare(const std::vector<std::string>& args);
} // namespace agora::cli

namespace {

struct Command {
    const char* name;
    int (*run)(const std::vector<std::string>&);
    const char* usage;
};

const Command kCommands[] = {
    {"chat", agora::cli::cmdChat,
     "chat -m MODEL [--system TEXT] [--ctx N] [--max-tokens N] [--temp T] [--seed S] [--drop-old-turns]\n"
     "      Interactive chat in the terminal: the model's chat template is applied, replies stream\n"
     "      as they are generated, Ctrl+C stops the reply (not the program), Ctrl+D or /exit quits.\n"
     "      Models without a chat template continue the text. Stats per reply go to stderr."},
    {"compare", agora::cli::cmdCompare,
     "compare -m A.gguf -m B.gguf [-m ...] (--prompt TEXT | --suite FILE|perspectives) [--system TEXT]\n"
     "        [--temp T] [--seed S] [-n 256] [--ctx C] [--out report.html|.md|.csv] [--json]\n"
     "        [--memory-budget BYTES] [--print-suite]\n"
     "      The same prompt, or every prompt of a suite (.jsonl/.csv, or the built-in 'perspectives'),\n"
     "      to 1-4 models: they answer together, or one after the other when they do not fit in\n"
     "      device memory together (a note says so). Per answer: tokens, tok/s, time to first token,\n"
     "      stop reason, refusal flag. --out writes a report; --print-suite prints a suite as JSONL."},
    {"devices", agora::cli::cmdDevices,
     "devices [--json]\n"
     "      List every Vulkan device: type, driver, memory, subgroup size, limits, features,\n"
     "      and why a device is unusable. The default device is marked with '*'."},
    {"logits", agora::cli::cmdLogits,
     "logits -m MODEL --tokens 1,2,3 [--top 20] [--json] [--full] [--device D] [--cpu]\n"
     "      Evaluate the token ids as one batch and print each position's top logits; --json in\n"
     "      the shape of llama.cpp reference dumps, --full adds the last position's whole vector.\n"
     "      --cpu uses the CPU reference forward pass instead of the GPU."},
    {"generate", agora::cli::cmdGenerate,
     "generate -m MODEL -p TEXT [-n 64] [--device D] [--ctx C] [--seed S] [--temp 0.8] [--ids] [--cpu]\n"
     "      Continue TEXT by N tokens, streaming the text (--ids: the generated token ids).\n"
     "      --temp 0 is greedy; timings go to stderr."},
    {"bench", agora::cli::cmdBench,
     "bench -m MODEL [-p 512] [-n 128] [--batch 64] [-r 1] [--device D] [--cpu] [--json]\n"
     "      [--ctx-sweep] [--sweep-n 16] [--profile] [--profile-depth D] [--ctx N] [--no-warmup]\n"
     "      Load time, prompt processing and generation tokens/s, device memory. -r N repeats\n"
     "      (median, min, max) after an untimed warm-up (the prompt and one decoded token, as\n"
     "      llama-bench does; --no-warmup skips it); --ctx-sweep: decode tokens/s at context depths\n"
     "      0..4096, the whole sweep -r N times over (median, min, max per depth);\n"
     "      --profile: GPU time per token of each kind of weight matrix, GB/s vs copy bandwidth,\n"
     "      the cost of one small dispatch, and every kernel of 16 decoded tokens timed dispatch by\n"
     "      dispatch (JSON: profile.kernels, ms_per_token and dispatches_per_token per kernel),\n"
     "      decoded after the prompt or at context depth D (--profile-depth; JSON: timed_depth);\n"
     "      --ctx N: KV cache for N positions (default: what the run fills); the JSON's\n"
     "      device_memory_overhead is device memory / (weights + KV cache) - 1 and\n"
     "      dispatches_per_token the kernel dispatches of the last submission (a decoded token).\n"
     "      AGORA_VK_INT_DOT=off turns the integer products (Q5_0, Q8_0, Q4_K, Q6_K) off,\n"
     "      AGORA_VK_FUSE_DECODE=off the grouped q/k/v and gate/up products of a decoded token,\n"
     "      AGORA_VK_SCRATCH_SCORES=off the attention scores in the scratch of CPU devices,\n"
     "      AGORA_VK_ROW_INTERLEAVE=off the interleaved weight rows of CPU devices (A/B runs)."},
    {"bench-streams", agora::cli::cmdBenchStreams,
     "bench-streams -m MODEL [-n 128] [--streams 2] [--ctx C] [--device D] [--json]\n"
     "      Generation tokens/s of N concurrent greedy streams through the engine thread against\n"
     "      one stream alone (share of the single-stream rate per stream; the text must not change)."},
    {"inspect", agora::cli::cmdInspect,
     "inspect MODEL.gguf [--json] [--ctx N]\n"
     "      What a model file is, without loading it: architecture, name/author/license, parameters,\n"
     "      quantization and tensor mix, context, layers, heads (GQA), rope, vocabulary, chat\n"
     "      template, and memory for weights + f16 KV cache at N positions (default: trained context)."},
    {"template", agora::cli::cmdTemplate,
     "template (-m MODEL | --template FILE.jinja) --messages FILE.json [--no-generation-prompt]\n"
     "         [--bos S] [--eos S] [--now ISO-DATE]\n"
     "      Render a conversation (a JSON list of messages, or an object with \"messages\" and extra\n"
     "      variables) through the model's or a file's chat template and print the prompt exactly.\n"
     "      --now pins strftime_now (e.g. 2026-11-28T12:00:00). Template errors go to stderr, exit 1."},
    {"synth", agora::cli::cmdSynth,
     "synth --shape llama3.2-1b|qwen2.5-0.5b|tiny-llama --type q4_k_m|q8_0|f16 -o FILE\n"
     "      [--seed S] [--threads N] [--json] [--quiet]\n"
     "      Write a random-weight GGUF of a real model's shape, with that model's metadata, a\n"
     "      synthetic byte-level BPE vocabulary of its size and llama.cpp's tensor-type mixture.\n"
     "      Seeded and deterministic: the same options give the same file."},
    {"tokenize", agora::cli::cmdTokenize,
     "tokenize MODEL.gguf \"text\" [--ids] [--raw] [--file PATH]\n"
     "      The model's tokens for a text: one line per token (id -> 'piece'), or --ids for the ids\n"
     "      on one line separated by spaces. --raw adds no BOS/EOS and leaves special-token text\n"
     "      (\"<|im_start|>\") as text, the mode of the tokenizer test suite. --file reads the text\n"
     "      from a file, byte for byte. Vocab-only GGUF files work."},
};

void printHelp()
{
    std::cout << "agora-cli " AGORA_VERSION " - the Agora engine on the command line\n\n"
                 "usage: agora-cli <command> [options]\n\ncommands:\n";
    for (const Command& c : kCommands)
        std::cout << "  " << c.usage << "\n\n";
    std::cout << "Common options: --device D picks a GPU by index or name (see 'devices').\n"
                 "Environment: AGORA_LOG=trace|debug|info|warn|error sets the log level.\n"
                 "Exit status: 0 success, 1 failure (message on stderr), 2 usage error.\n";
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "help")) {
        printHelp();
        return argc < 2 ? 2 : 0;
    }
    if (!std::strcmp(argv[1], "--version")) {
        std::cout << "agora-cli " AGORA_VERSION "\n";
        return 0;
    }
    for (const Command& c : kCommands) {
        if (std::strcmp(argv[1], c.name) == 0)
            return c.run(std::vector<std::string>(argv + 2, argv + argc));
    }
    return agora::cli::usageError(std::string("unknown command '") + argv[1] + "'");
}
