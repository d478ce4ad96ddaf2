#include "cli.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace agora::cli {

Args::Args(std::vector<std::string> argv, std::vector<std::string> flagNames)
{
    auto isFlag = [&](const std::string& n) {
        return std::find(flagNames.begin(), flagNames.end(), n) != flagNames.end();
    };
    for (size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a == "--") {
            for (++i; i < argv.size(); ++i)
                m_positionals.push_back(argv[i]);
            break;
        }
        bool isOption = a.size() > 1 && a[0] == '-' && !(a.size() > 1 && (std::isdigit(static_cast<unsigned char>(a[1])) || a[1] == '.'));
        if (!isOption) {
            m_positionals.push_back(a);
            continue;
        }
        std::string name = a.substr(a[1] == '-' ? 2 : 1);
        auto eq = name.find('=');
        if (eq != std::string::npos) {
            m_options.emplace_back(name.substr(0, eq), name.substr(eq + 1));
        } else if (isFlag(name)) {
            m_flags.push_back(name);
        } else if (i + 1 < argv.size()) {
            m_options.emplace_back(name, argv[++i]);
        } else {
            m_options.emplace_back(name, std::string());
        }
    }
}

bool Args::flag(const std::string& name) const
{
    return std::find(m_flags.begin(), m_flags.end(), name) != m_flags.end();
}

std::optional<std::string> Args::value(const std::string& name) const
{
    std::optional<std::string> out;
    for (const auto& [k, v] : m_options)
        if (k == name)
            out = v;
    return out;
}

std::vector<std::string> Args::values(const std::string& name) const
{
    std::vector<std::string> out;
    for (const auto& [k, v] : m_options)
        if (k == name)
            out.push_back(v);
    return out;
}

std::vector<std::string> Args::unknown(const std::vector<std::string>& known) const
{
    std::vector<std::string> out;
    auto isKnown = [&](const std::string& n) { return std::find(known.begin(), known.end(), n) != known.end(); };
    for (const auto& [k, v] : m_options)
        if (!isKnown(k))
            out.push_back(k);
    for (const auto& f : m_flags)
        if (!isKnown(f))
            out.push_back(f);
    return out;
}

std::optional<int64_t> Args::intValue(const std::string& name, std::string* error) const
{
    auto v = value(name);
    if (!v)
        return std::nullopt;
    char* end = nullptr;
    long long n = std::strtoll(v->c_str(), &end, 10);
    if (v->empty() || *end != '\0') {
        if (error)
            *error = "--" + name + " expects a whole number, got '" + *v + "'";
        return std::nullopt;
    }
    return n;
}

std::optional<double> Args::doubleValue(const std::string& name, std::string* error) const
{
    auto v = value(name);
    if (!v)
        return std::nullopt;
    char* end = nullptr;
    double d = std::strtod(v->c_str(), &end);
    if (v->empty() || *end != '\0' || !std::isfinite(d)) {
        if (error)
            *error = "--" + name + " expects a number, got '" + *v + "'";
        return std::nullopt;
    }
    return d;
}

int usageError(const std::string& message)
{
    std::cerr << "agora-cli: " << message << "\n(see agora-cli --help)\n";
    return 2;
}

int failure(const std::string& message)
{
    std::cerr << "agora-cli: " << message << "\n";
    return 1;
}

std::string jsonEscape(const std::string& s)
{
    std::string out;
    out.reserve(s.size() + 2);
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    return out;
}

std::string jsonFloat(float value)
{
    if (!std::isfinite(value))
        return "null";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.9g", static_cast<double>(value));
    return buf;
}

} // namespace agora::cli
