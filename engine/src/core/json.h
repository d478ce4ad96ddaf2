// A small JSON document model for the engine and agora-cli (the engine is Qt-free): a strict
// RFC 8259 parser with line/column errors and a depth limit, objects that keep insertion order
// (chat templates iterate dict items in the order the caller wrote them), and compact or pretty
// writers whose number formatting matches Python's json.dumps.
#pragma once

#include "agora/engine.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace agora::json {

class Value;
using Array = std::vector<Value>;
// Ordered key/value pairs. Lookups are linear: documents handled here are small (messages, tool
// schemas, settings) and keeping order matters more than O(1) access.
using Object = std::vector<std::pair<std::string, Value>>;

// Array and Object are the container aliases above, so the enum names them List and Map.
enum class Type { Null, Bool, Int, Float, String, List, Map };

class Value {
public:
    Value() = default; // null
    Value(std::nullptr_t) {}
    Value(bool b) : m_data(b) {}
    Value(int v) : m_data(int64_t(v)) {}
    Value(int64_t v) : m_data(v) {}
    Value(double v) : m_data(v) {}
    Value(const char* s) : m_data(std::string(s)) {}
    Value(std::string s) : m_data(std::move(s)) {}
    Value(std::string_view s) : m_data(std::string(s)) {}
    Value(Array a) : m_data(std::move(a)) {}
    Value(Object o) : m_data(std::move(o)) {}

    Type type() const { return Type(m_data.index()); }
    bool isNull() const { return type() == Type::Null; }
    bool isBool() const { return type() == Type::Bool; }
    bool isInt() const { return type() == Type::Int; }
    bool isFloat() const { return type() == Type::Float; }
    bool isNumber() const { return isInt() || isFloat(); }
    bool isString() const { return type() == Type::String; }
    bool isArray() const { return type() == Type::List; }
    bool isObject() const { return type() == Type::Map; }

    // Accessors assume the matching type (check first); they assert otherwise.
    bool asBool() const { return std::get<bool>(m_data); }
    int64_t asInt() const { return std::get<int64_t>(m_data); }
    double asNumber() const { return isInt() ? double(asInt()) : std::get<double>(m_data); }
    const std::string& asString() const { return std::get<std::string>(m_data); }
    const Array& asArray() const { return std::get<Array>(m_data); }
    Array& asArray() { return std::get<Array>(m_data); }
    const Object& asObject() const { return std::get<Object>(m_data); }
    Object& asObject() { return std::get<Object>(m_data); }

    // Object helpers: find returns nullptr when absent (or when this is not an object); set
    // replaces an existing key in place and appends a new one.
    const Value* find(std::string_view key) const;
    void set(std::string key, Value value);
    // Convenience: the string at key, or fallback when absent / not a string.
    std::string stringOr(std::string_view key, std::string fallback = {}) const;

    bool operator==(const Value& other) const { return m_data == other.m_data; }

private:
    std::variant<std::nullptr_t, bool, int64_t, double, std::string, Array, Object> m_data;
};

struct ParseOptions {
    int maxDepth = 256; // nesting beyond this is rejected rather than risking the stack
};

// Parses one JSON text. Errors (BadFormat) read "JSON error at line L, column C: what".
Result<Value> parse(std::string_view text, ParseOptions options = {});

struct WriteOptions {
    int indent = -1;              // < 0: compact; >= 0: newline + indent spaces per level
    bool asciiOnly = false;       // escape non-ASCII as \uXXXX (surrogate pairs above the BMP)
    std::string itemSeparator;    // default "," (pretty or compact)
    std::string keySeparator;     // default ":" compact, ": " pretty
    bool sortKeys = false;
};

std::string write(const Value& value, const WriteOptions& options = {});

// Python repr() of a float ("1.0", "0.1", "1e-05", "1e+16", "inf", "nan"): what json.dumps and
// str() print. Shared with the chat template interpreter.
std::string pythonFloatRepr(double value);

// Appends s as a JSON string literal (with quotes).
void appendQuoted(std::string& out, std::string_view s, bool asciiOnly = false);

} // namespace agora::json
