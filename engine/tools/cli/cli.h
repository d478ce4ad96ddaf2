// agora-cli: shared pieces of the command-line tool. Each command lives in its own cmd_*.cpp and
// is listed once in main.cpp's command table.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace agora::cli {

// A tiny option parser: "--name value", "--name=value", "-m value", flags and positionals.
class Args {
public:
    Args(std::vector<std::string> argv, std::vector<std::string> flagNames);

    bool flag(const std::string& name) const;                       // --json
    std::optional<std::string> value(const std::string& name) const; // last occurrence
    std::vector<std::string> values(const std::string& name) const;  // every occurrence (-m A -m B)
    const std::vector<std::string>& positionals() const { return m_positionals; }
    // Options given but never asked for: commands report them as errors.
    std::vector<std::string> unknown(const std::vector<std::string>& known) const;

    std::optional<int64_t> intValue(const std::string& name, std::string* error) const;
    std::optional<double> doubleValue(const std::string& name, std::string* error) const;

private:
    std::vector<std::pair<std::string, std::string>> m_options;
    std::vector<std::string> m_flags;
    std::vector<std::string> m_positionals;
};

// Prints "agora-cli: <message>" to stderr and returns the exit code for user errors (2).
int usageError(const std::string& message);
// Prints "agora-cli: <message>" to stderr and returns the exit code for failures (1).
int failure(const std::string& message);

// JSON string escaping (UTF-8 passes through; control characters become \u00XX).
std::string jsonEscape(const std::string& s);
// A float printed so that it round-trips to the same float32 ("%.9g"), or null for NaN/inf.
std::string jsonFloat(float value);

} // namespace agora::cli
