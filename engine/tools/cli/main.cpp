// agora-cli: scriptable access to the Agora engine. Each command is one cmd_*.cpp; this table is
// the only place that lists them. Flags and JSON output are a stable interface (README).
#include "cli.h"

#include <cstring>
#include <iostream>
#include <string>
#include <vector>

namespace agora::cli {
int cmdDevices(const std::vector<std::string>& args);
} // namespace agora::cli

namespace {

struct Command {
    const char* name;
    int (*run)(const std::vector<std::string>&);
    const char* usage;
};

const Command kCommands[] = {
    {"devices", agora::cli::cmdDevices,
     "devices [--json]\n"
     "      List every Vulkan device: type, driver, memory, subgroup size, limits, features,\n"
     "      and why a device is unusable. The default device is marked with '*'."},
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
