#include "chat/jinja_value.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace agora::chat::jinja {

void raiseRender(const std::string& message)
{
    throw TemplateError(TemplateError::Kind::Render, message);
}

// ---------------------------------------------------------------------------------------------
// DictData
// ---------------------------------------------------------------------------------------------

const Value* DictData::find(const Value& key) const
{
    for (const auto& [k, v] : items)
        if (k.equals(key))
            return &v;
    return nullptr;
}

Value* DictData::find(const Value& key)
{
    for (auto& [k, v] : items)
        if (k.equals(key))
            return &v;
    return nullptr;
}

const Value* DictData::findKey(std::string_view key) const
{
    for (const auto& [k, v] : items)
        if (k.isString() && k.asString() == key)
            return &v;
    return nullptr;
}

void DictData::set(const Value& key, Value value)
{
    if (Value* existing = find(key)) {
        *existing = std::move(value);
        return;
    }
    items.emplace_back(key, std::move(value));
}

bool DictData::erase(const Value& key)
{
    for (auto it = items.begin(); it != items.end(); ++it) {
        if (it->first.equals(key)) {
            items.erase(it);
            return true;
        }
    }
    return false;
}

// ---------------------------------------------------------------------------------------------
// Construction
// ---------------------------------------------------------------------------------------------

Value Value::list(std::vector<Value> items)
{
    Value v;
    auto data = std::make_shared<ListData>();
    data->items = std::move(items);
    v.m_data = std::move(data);
    return v;
}

Value Value::tuple(std::vector<Value> items)
{
    Value v = list(std::move(items));
    v.asList().isTuple = true;
    return v;
}

Value Value::dict()
{
    Value v;
    v.m_data = std::make_shared<DictData>();
    return v;
}

Value Value::function(std::string name, NativeFunction fn)
{
    Value v;
    v.m_data = std::make_shared<Function>(Function{std::move(name), std::move(fn)});
    return v;
}

Value Value::fromJson(const json::Value& j)
{
    switch (j.type()) {
    case json::Type::Null: return none();
    case json::Type::Bool: return Value(j.asBool());
    case json::Type::Int: return Value(j.asInt());
    case json::Type::Float: return Value(j.asNumber());
    case json::Type::String: return Value(j.asString());
    case json::Type::List: {
        std::vector<Value> items;
        items.reserve(j.asArray().size());
        for (const auto& item : j.asArray())
            items.push_back(fromJson(item));
        return list(std::move(items));
    }
    case json::Type::Map: {
        Value d = dict();
        for (const auto& [k, item] : j.asObject())
            d.asDict().items.emplace_back(Value(k), fromJson(item));
        return d;
    }
    }
    return none();
}

// ---------------------------------------------------------------------------------------------
// Conversions
// ---------------------------------------------------------------------------------------------

int64_t Value::asInt() const
{
    if (isBool())
        return asBool() ? 1 : 0;
    return std::get<int64_t>(m_data);
}

double Value::asDouble() const
{
    if (isFloat())
        return std::get<double>(m_data);
    return double(asInt());
}

bool Value::truthy() const
{
    switch (kind()) {
    case Kind::Undefined:
    case Kind::None: return false;
    case Kind::Bool: return asBool();
    case Kind::Int: return asInt() != 0;
    case Kind::Float: return asDouble() != 0.0;
    case Kind::String: return !asString().empty();
    case Kind::List: return !asList().items.empty();
    case Kind::Dict: return !asDict().items.empty();
    case Kind::Callable: return true;
    }
    return false;
}

std::string Value::typeName() const
{
    switch (kind()) {
    case Kind::Undefined: return "Undefined";
    case Kind::None: return "NoneType";
    case Kind::Bool: return "bool";
    case Kind::Int: return "int";
    case Kind::Float: return "float";
    case Kind::String: return "str";
    case Kind::List: return asList().isTuple ? "tuple" : "list";
    case Kind::Dict: return asDict().isNamespace ? "Namespace" : "dict";
    case Kind::Callable: return "function";
    }
    return "object";
}

namespace {

std::string reprString(const std::string& s)
{
    const bool hasSingle = s.find('\'') != std::string::npos;
    const bool hasDouble = s.find('"') != std::string::npos;
    const char quote = hasSingle && !hasDouble ? '"' : '\'';
    std::string out(1, quote);
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == static_cast<unsigned char>(quote) || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20 || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0) {
            // U+0080..U+009F are not printable: Python escapes them as \x80..\x9f.
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(s[i + 1]));
            out += buf;
            ++i;
        } else {
            out += char(c);
        }
    }
    out += quote;
    return out;
}

} // namespace

std::string Value::repr() const
{
    switch (kind()) {
    case Kind::Undefined: return "Undefined";
    case Kind::String: return reprString(asString());
    default: return str();
    }
}

std::string Value::str() const
{
    switch (kind()) {
    case Kind::Undefined: return "";
    case Kind::None: return "None";
    case Kind::Bool: return asBool() ? "True" : "False";
    case Kind::Int: return std::to_string(asInt());
    case Kind::Float: return json::pythonFloatRepr(asDouble());
    case Kind::String: return asString();
    case Kind::List: {
        const ListData& l = asList();
        std::string out = l.isTuple ? "(" : "[";
        for (size_t i = 0; i < l.items.size(); ++i) {
            if (i)
                out += ", ";
            out += l.items[i].repr();
        }
        if (l.isTuple && l.items.size() == 1)
            out += ",";
        out += l.isTuple ? ")" : "]";
        return out;
    }
    case Kind::Dict: {
        const DictData& d = asDict();
        if (d.isNamespace)
            return "<Namespace>";
        std::string out = "{";
        for (size_t i = 0; i < d.items.size(); ++i) {
            if (i)
                out += ", ";
            out += d.items[i].first.repr() + ": " + d.items[i].second.repr();
        }
        return out + "}";
    }
    case Kind::Callable: return "<function " + asCallable().name + ">";
    }
    return "";
}

namespace {

void jsonInto(std::string& out, const Value& v, int indent, const std::string& itemSep, const std::string& keySep,
              bool sortKeys, bool ascii, int level)
{
    const auto newline = [&](int lvl) {
        if (indent >= 0) {
            out += '\n';
            out.append(size_t(indent) * size_t(lvl), ' ');
        }
    };
    switch (v.kind()) {
    case Kind::None: out += "null"; return;
    case Kind::Bool: out += v.asBool() ? "true" : "false"; return;
    case Kind::Int: out += std::to_string(v.asInt()); return;
    case Kind::Float: {
        const double d = v.asDouble();
        if (std::isnan(d)) out += "NaN";
        else if (std::isinf(d)) out += d < 0 ? "-Infinity" : "Infinity";
        else out += json::pythonFloatRepr(d);
        return;
    }
    case Kind::String: json::appendQuoted(out, v.asString(), ascii); return;
    case Kind::List: {
        const auto& items = v.asList().items;
        if (items.empty()) {
            out += "[]";
            return;
        }
        out += '[';
        for (size_t i = 0; i < items.size(); ++i) {
            if (i)
                out += itemSep;
            newline(level + 1);
            jsonInto(out, items[i], indent, itemSep, keySep, sortKeys, ascii, level + 1);
        }
        newline(level);
        out += ']';
        return;
    }
    case Kind::Dict: {
        const auto& items = v.asDict().items;
        if (items.empty()) {
            out += "{}";
            return;
        }
        // JSON keys are strings: Python converts int/float/bool/None keys and rejects others.
        std::vector<std::pair<std::string, const Value*>> entries;
        for (const auto& [k, item] : items) {
            std::string key;
            switch (k.kind()) {
            case Kind::String: key = k.asString(); break;
            case Kind::Int:
            case Kind::Float: key = k.str(); break;
            case Kind::Bool: key = k.asBool() ? "true" : "false"; break;
            case Kind::None: key = "null"; break;
            default: raiseRender("TypeError: keys must be str, int, float, bool or None, not " + k.typeName());
            }
            entries.emplace_back(std::move(key), &item);
        }
        if (sortKeys)
            std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        out += '{';
        for (size_t i = 0; i < entries.size(); ++i) {
            if (i)
                out += itemSep;
            newline(level + 1);
            json::appendQuoted(out, entries[i].first, ascii);
            out += keySep;
            jsonInto(out, *entries[i].second, indent, itemSep, keySep, sortKeys, ascii, level + 1);
        }
        newline(level);
        out += '}';
        return;
    }
    case Kind::Undefined:
    case Kind::Callable:
        raiseRender("TypeError: Object of type " + v.typeName() + " is not JSON serializable");
    }
}

} // namespace

std::string Value::toJson(int indent, const std::string& itemSep, const std::string& keySep, bool sortKeys,
                          bool asciiOnly) const
{
    std::string out;
    jsonInto(out, *this, indent, itemSep, keySep, sortKeys, asciiOnly, 0);
    return out;
}

// ---------------------------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------------------------

bool Value::equals(const Value& other) const
{
    if (isNumber() && other.isNumber()) {
        if ((isInt() || isBool()) && (other.isInt() || other.isBool()))
            return asInt() == other.asInt();
        return asDouble() == other.asDouble();
    }
    if (kind() != other.kind())
        return false;
    switch (kind()) {
    case Kind::Undefined:
    case Kind::None: return true;
    case Kind::String: return asString() == other.asString();
    case Kind::List: {
        const ListData& a = asList();
        const ListData& b = other.asList();
        if (a.isTuple != b.isTuple || a.items.size() != b.items.size())
            return false;
        for (size_t i = 0; i < a.items.size(); ++i)
            if (!a.items[i].equals(b.items[i]))
                return false;
        return true;
    }
    case Kind::Dict: {
        const DictData& a = asDict();
        const DictData& b = other.asDict();
        if (&a == &b)
            return true;
        if (a.isNamespace || b.isNamespace || a.items.size() != b.items.size())
            return false;
        for (const auto& [k, v] : a.items) {
            const Value* w = b.find(k);
            if (!w || !v.equals(*w))
                return false;
        }
        return true;
    }
    case Kind::Callable: return &asCallable() == &other.asCallable();
    default: return false;
    }
}

bool Value::less(const Value& other) const
{
    if (isNumber() && other.isNumber()) {
        if ((isInt() || isBool()) && (other.isInt() || other.isBool()))
            return asInt() < other.asInt();
        return asDouble() < other.asDouble();
    }
    if (isString() && other.isString())
        return asString() < other.asString(); // UTF-8 byte order is code point order
    if (isList() && other.isList()) {
        const auto& a = asList().items;
        const auto& b = other.asList().items;
        for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
            if (a[i].equals(b[i]))
                continue;
            return a[i].less(b[i]);
        }
        return a.size() < b.size();
    }
    raiseRender("TypeError: '<' not supported between instances of '" + typeName() + "' and '" + other.typeName() + "'");
}

// ---------------------------------------------------------------------------------------------
// Iteration
// ---------------------------------------------------------------------------------------------

std::vector<Value> Value::iterate() const
{
    switch (kind()) {
    case Kind::Undefined: return {};
    case Kind::List: return asList().items;
    case Kind::Dict: {
        std::vector<Value> keys;
        keys.reserve(asDict().items.size());
        for (const auto& kv : asDict().items)
            keys.push_back(kv.first);
        return keys;
    }
    case Kind::String: {
        std::vector<Value> chars;
        for (auto& c : splitCodePoints(asString()))
            chars.emplace_back(std::move(c));
        return chars;
    }
    default: raiseRender("TypeError: '" + typeName() + "' object is not iterable");
    }
}

int64_t Value::length() const
{
    switch (kind()) {
    case Kind::Undefined: return 0;
    case Kind::String: {
        int64_t n = 0;
        for (const char c : asString())
            if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
                ++n;
        return n;
    }
    case Kind::List: return int64_t(asList().items.size());
    case Kind::Dict: return int64_t(asDict().items.size());
    default: raiseRender("TypeError: object of type '" + typeName() + "' has no len()");
    }
}

std::vector<std::string> splitCodePoints(std::string_view s)
{
    std::vector<std::string> out;
    out.reserve(s.size());
    size_t i = 0;
    while (i < s.size()) {
        size_t j = i + 1;
        while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80)
            ++j;
        out.emplace_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

bool isAscii(std::string_view s)
{
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

} // namespace agora::chat::jinja
