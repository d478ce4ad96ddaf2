// Values of the Jinja interpreter, with Python's semantics where chat templates depend on them:
// truthiness, str()/repr() of None/True/lists/dicts, equality across int/float/bool, ordering,
// and reference semantics for lists and dicts (namespace attribute sets and list.append mutate
// the object every name refers to). Undefined follows Jinja2's default Undefined.
#pragma once

#include "core/json.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace agora::chat::jinja {

// Raised inside the interpreter and caught at the render boundary (ChatTemplate::render), which
// turns it into an agora::Error: it never leaves the chat subsystem. Exceptions keep the
// evaluator readable where every expression step could otherwise fail.
struct TemplateError : std::runtime_error {
    enum class Kind { Syntax, Render, Raised };
    TemplateError(Kind k, const std::string& message, bool hasLocation = false)
        : std::runtime_error(message), kind(k), located(hasLocation) {}
    Kind kind;
    bool located; // the message already names the line
};

[[noreturn]] void raiseRender(const std::string& message);

class Value;
struct CallArgs;

struct ListData {
    std::vector<Value> items;
    bool isTuple = false; // printed with parentheses; otherwise a list
};

struct DictData {
    std::vector<std::pair<Value, Value>> items; // insertion order, keys unique
    bool isNamespace = false;                    // namespace(): attribute assignment allowed

    const Value* find(const Value& key) const;
    Value* find(const Value& key);
    const Value* findKey(std::string_view key) const;
    void set(const Value& key, Value value);
    bool erase(const Value& key);
};

class Interpreter;
using NativeFunction = std::function<Value(Interpreter&, CallArgs&)>;

struct Function {
    std::string name; // for messages: "macro 'foo'", "method 'split'"
    NativeFunction fn;
};

struct UndefinedInfo {
    std::string hint; // "'foo' is undefined", "'dict object' has no attribute 'x'"
};

enum class Kind { Undefined, None, Bool, Int, Float, String, List, Dict, Callable };

class Value {
public:
    Value() : m_data(UndefinedInfo{}) {}
    static Value undefined(std::string hint) { Value v; v.m_data = UndefinedInfo{std::move(hint)}; return v; }
    static Value none() { Value v; v.m_data = nullptr; return v; }
    Value(bool b) : m_data(b) {}
    Value(int v) : m_data(int64_t(v)) {}
    Value(int64_t v) : m_data(v) {}
    Value(double v) : m_data(v) {}
    Value(std::string s) : m_data(std::move(s)) {}
    Value(const char* s) : m_data(std::string(s)) {}
    Value(std::string_view s) : m_data(std::string(s)) {}
    // A Markup string (Jinja2's `safe`): concatenating a plain string onto it HTML-escapes the
    // plain one, as markupsafe does. Otherwise it behaves as a string.
    static Value markup(std::string s) { Value v(std::move(s)); v.m_markup = true; return v; }
    bool isMarkup() const { return m_markup && isString(); }
    static Value list(std::vector<Value> items = {});
    static Value tuple(std::vector<Value> items);
    static Value dict();
    static Value function(std::string name, NativeFunction fn);
    static Value fromJson(const json::Value& j);

    Kind kind() const { return Kind(m_data.index()); }
    bool isUndefined() const { return kind() == Kind::Undefined; }
    bool isNone() const { return kind() == Kind::None; }
    bool isBool() const { return kind() == Kind::Bool; }
    bool isInt() const { return kind() == Kind::Int; }
    bool isFloat() const { return kind() == Kind::Float; }
    bool isNumber() const { return isInt() || isFloat() || isBool(); }
    bool isString() const { return kind() == Kind::String; }
    bool isList() const { return kind() == Kind::List; }
    bool isDict() const { return kind() == Kind::Dict; }
    bool isCallable() const { return kind() == Kind::Callable; }

    bool asBool() const { return std::get<bool>(m_data); }
    int64_t asInt() const; // int or bool
    double asDouble() const; // int, float or bool
    const std::string& asString() const { return std::get<std::string>(m_data); }
    ListData& asList() const { return *std::get<std::shared_ptr<ListData>>(m_data); }
    DictData& asDict() const { return *std::get<std::shared_ptr<DictData>>(m_data); }
    const Function& asCallable() const { return *std::get<std::shared_ptr<Function>>(m_data); }
    const std::string& undefinedHint() const { return std::get<UndefinedInfo>(m_data).hint; }

    // Python bool(value).
    bool truthy() const;
    // Python str(value) as Jinja prints it (Undefined prints as "").
    std::string str() const;
    // Python repr(value): used inside str() of lists and dicts.
    std::string repr() const;
    // Python's type name for messages ("str", "int", "list", "dict", "NoneType").
    std::string typeName() const;
    // json.dumps(value) with Python's options; errors for values JSON cannot hold.
    std::string toJson(int indent, const std::string& itemSep, const std::string& keySep, bool sortKeys,
                       bool asciiOnly = false) const;

    // Python ==, with 1 == 1.0 == True and deep comparison of containers.
    bool equals(const Value& other) const;
    // Python <, for numbers, strings and sequences; raises a render error otherwise.
    bool less(const Value& other) const;

    // Items of an iterable for `for`, join, list, ...: list items, dict keys, string characters.
    // Raises "'X' object is not iterable" for others; Undefined iterates as empty.
    std::vector<Value> iterate() const;
    // len(): strings count code points.
    int64_t length() const;

private:
    std::variant<UndefinedInfo, std::nullptr_t, bool, int64_t, double, std::string, std::shared_ptr<ListData>,
                 std::shared_ptr<DictData>, std::shared_ptr<Function>>
        m_data;
    bool m_markup = false;
};

// UTF-8 helpers shared by filters and methods: Python indexes strings by code point.
std::vector<std::string> splitCodePoints(std::string_view s);
bool isAscii(std::string_view s);

} // namespace agora::chat::jinja
