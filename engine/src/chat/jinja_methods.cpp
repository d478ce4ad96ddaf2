// Python methods of str, list and dict that chat templates call (`content.split('</think>')`,
// `message.get('tool_calls')`, `ns.items.append(x)`), with Python's argument conventions.
#include "chat/jinja_interpreter.h"
#include "chat/jinja_text.h"

#include <algorithm>
#include <unordered_set>

namespace agora::chat::jinja {
namespace {

const std::unordered_set<std::string>& stringMethods()
{
    static const std::unordered_set<std::string> names = {
        "startswith", "endswith", "split", "rsplit", "strip", "lstrip", "rstrip", "upper", "lower", "title",
        "capitalize", "replace", "find", "rfind", "index", "rindex", "count", "format", "join", "isdigit",
        "isalpha", "isalnum", "isspace", "islower", "isupper", "isnumeric", "isdecimal", "splitlines",
        "removeprefix", "removesuffix", "partition", "rpartition", "casefold", "zfill", "ljust", "rjust", "center"};
    return names;
}

const std::unordered_set<std::string>& listMethods()
{
    static const std::unordered_set<std::string> names = {"append", "pop", "extend", "insert", "index", "count",
                                                           "remove", "reverse", "copy", "clear", "sort"};
    return names;
}

const std::unordered_set<std::string>& dictMethods()
{
    static const std::unordered_set<std::string> names = {"get", "items", "keys", "values", "pop", "update",
                                                           "setdefault", "copy", "clear"};
    return names;
}

std::optional<std::string> optionalString(const Value& v, const char* method)
{
    if (v.isNone() || v.isUndefined())
        return std::nullopt;
    if (!v.isString())
        raiseRender(std::string("TypeError: ") + method + " arg must be None or str, not " + v.typeName());
    return v.asString();
}

int64_t intOr(const Value& v, int64_t fallback)
{
    if (v.isUndefined() || v.isNone())
        return fallback;
    if (!v.isInt() && !v.isBool())
        raiseRender("TypeError: '" + v.typeName() + "' object cannot be interpreted as an integer");
    return v.asInt();
}

// str.format: {} / {0} / {name} fields with {{ }} escapes; format specs are not supported.
std::string pythonFormat(const std::string& fmt, const CallArgs& a)
{
    std::string out;
    size_t autoIndex = 0;
    for (size_t i = 0; i < fmt.size(); ++i) {
        const char c = fmt[i];
        if (c == '{' && i + 1 < fmt.size() && fmt[i + 1] == '{') {
            out += '{';
            ++i;
            continue;
        }
        if (c == '}' && i + 1 < fmt.size() && fmt[i + 1] == '}') {
            out += '}';
            ++i;
            continue;
        }
        if (c != '{') {
            out += c;
            continue;
        }
        const size_t close = fmt.find('}', i);
        if (close == std::string::npos)
            raiseRender("ValueError: Single '{' encountered in format string");
        std::string field = fmt.substr(i + 1, close - i - 1);
        if (field.find(':') != std::string::npos || field.find('!') != std::string::npos)
            raiseRender("unsupported format spec in str.format field '{" + field + "}'");
        Value v;
        if (field.empty()) {
            if (autoIndex >= a.positional.size())
                raiseRender("IndexError: Replacement index " + std::to_string(autoIndex) + " out of range");
            v = a.positional[autoIndex++];
        } else if (std::all_of(field.begin(), field.end(), [](char d) { return d >= '0' && d <= '9'; })) {
            const size_t idx = field.size() > 9 ? a.positional.size() : size_t(std::stoul(field));
            if (idx >= a.positional.size())
                raiseRender("IndexError: Replacement index " + field + " out of range");
            v = a.positional[idx];
        } else {
            const Value* kw = a.keywordValue(field.c_str());
            if (!kw)
                raiseRender("KeyError: '" + field + "'");
            v = *kw;
        }
        out += v.str();
        i = close;
    }
    return out;
}

Value stringMethod(const std::string& s, const std::string& name, CallArgs& a)
{
    using text::Side;
    if (name == "startswith" || name == "endswith") {
        const Value arg = a.get(0, "prefix");
        std::vector<Value> options = arg.isList() ? arg.asList().items : std::vector<Value>{arg};
        for (const auto& o : options) {
            if (!o.isString())
                raiseRender("TypeError: " + name + " first arg must be str or a tuple of str, not " + o.typeName());
            const std::string& p = o.asString();
            const bool hit = name == "startswith" ? s.compare(0, p.size(), p) == 0 && s.size() >= p.size()
                                                  : s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
            if (hit)
                return Value(true);
        }
        return Value(false);
    }
    if (name == "split" || name == "rsplit") {
        const auto sep = optionalString(a.get(0, "sep", Value::none()), name.c_str());
        const int64_t maxSplit = intOr(a.get(1, "maxsplit", Value(-1)), -1);
        std::vector<Value> parts;
        for (auto& p : text::split(s, sep ? &*sep : nullptr, maxSplit, name == "rsplit"))
            parts.emplace_back(std::move(p));
        return Value::list(std::move(parts));
    }
    if (name == "strip" || name == "lstrip" || name == "rstrip") {
        const auto chars = optionalString(a.get(0, "chars", Value::none()), name.c_str());
        const Side side = name == "strip" ? Side::Both : name == "lstrip" ? Side::Left : Side::Right;
        return Value(text::strip(s, side, chars ? &*chars : nullptr));
    }
    if (name == "upper") return Value(text::upper(s));
    if (name == "lower" || name == "casefold") return Value(text::lower(s));
    if (name == "title") return Value(text::title(s));
    if (name == "capitalize") return Value(text::capitalize(s));
    if (name == "replace")
        return Value(text::replace(s, a.get(0, "old").str(), a.get(1, "new").str(), intOr(a.get(2, "count", Value(-1)), -1)));
    if (name == "find" || name == "rfind" || name == "index" || name == "rindex") {
        const Value sub = a.get(0, "sub");
        if (!sub.isString())
            raiseRender("TypeError: must be str, not " + sub.typeName());
        const bool right = name[0] == 'r';
        const size_t pos = right ? s.rfind(sub.asString()) : s.find(sub.asString());
        if (pos == std::string::npos) {
            if (name == "index" || name == "rindex")
                raiseRender("ValueError: substring not found");
            return Value(-1);
        }
        return Value(text::codePointIndex(s, pos));
    }
    if (name == "count") return Value(text::countOf(s, a.get(0, "sub").str()));
    if (name == "format") return Value(pythonFormat(s, a));
    if (name == "join") {
        std::string out;
        bool first = true;
        for (const auto& item : a.get(0, "iterable").iterate()) {
            if (!item.isString())
                raiseRender("TypeError: sequence item: expected str instance, " + item.typeName() + " found");
            if (!first)
                out += s;
            first = false;
            out += item.asString();
        }
        return Value(std::move(out));
    }
    if (name == "splitlines") {
        std::vector<Value> lines;
        for (auto& l : text::splitLines(s, a.get(0, "keepends", Value(false)).truthy()))
            lines.emplace_back(std::move(l));
        return Value::list(std::move(lines));
    }
    if (name == "removeprefix") {
        const std::string p = a.get(0, "prefix").str();
        return Value(s.compare(0, p.size(), p) == 0 && s.size() >= p.size() ? s.substr(p.size()) : s);
    }
    if (name == "removesuffix") {
        const std::string p = a.get(0, "suffix").str();
        const bool hit = !p.empty() && s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
        return Value(hit ? s.substr(0, s.size() - p.size()) : s);
    }
    if (name == "partition" || name == "rpartition") {
        const std::string sep = a.get(0, "sep").str();
        if (sep.empty())
            raiseRender("ValueError: empty separator");
        const size_t pos = name == "partition" ? s.find(sep) : s.rfind(sep);
        if (pos == std::string::npos)
            return name == "partition" ? Value::tuple({Value(s), Value(""), Value("")})
                                       : Value::tuple({Value(""), Value(""), Value(s)});
        return Value::tuple({Value(s.substr(0, pos)), Value(sep), Value(s.substr(pos + sep.size()))});
    }
    if (name == "zfill" || name == "ljust" || name == "rjust" || name == "center") {
        const int64_t width = intOr(a.get(0, "width"), 0);
        const int64_t len = Value(s).length();
        if (width <= len)
            return Value(s);
        const size_t pad = size_t(width - len);
        const std::string fill = name == "zfill" ? "0" : a.get(1, "fillchar", Value(" ")).str();
        const auto repeat = [&](size_t n) {
            std::string r;
            for (size_t i = 0; i < n; ++i)
                r += fill;
            return r;
        };
        if (name == "ljust") return Value(s + repeat(pad));
        if (name == "rjust") return Value(repeat(pad) + s);
        if (name == "zfill") {
            if (!s.empty() && (s[0] == '-' || s[0] == '+'))
                return Value(s.substr(0, 1) + repeat(pad) + s.substr(1));
            return Value(repeat(pad) + s);
        }
        const size_t left = pad / 2 + (pad & size_t(width) & 1);
        return Value(repeat(left) + s + repeat(pad - left));
    }
    // Character class predicates (ASCII classes; non-ASCII letters count as alphabetic).
    const auto all = [&](auto pred) { return Value(!s.empty() && std::all_of(s.begin(), s.end(), pred)); };
    if (name == "isdigit" || name == "isnumeric" || name == "isdecimal")
        return all([](char c) { return c >= '0' && c <= '9'; });
    if (name == "isalpha")
        return all([](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80; });
    if (name == "isalnum")
        return all([](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
        });
    if (name == "isspace")
        return Value(!s.empty() && text::strip(s, Side::Both).empty());
    if (name == "islower")
        return Value(std::any_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
                     std::none_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; }));
    if (name == "isupper")
        return Value(std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&
                     std::none_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; }));
    raiseRender("unsupported str method '" + name + "'");
}

Value listMethod(const Value& self, const std::string& name, CallArgs& a)
{
    auto& items = self.asList().items;
    const auto normalize = [&](int64_t index, bool forInsert) {
        const int64_t n = int64_t(items.size());
        if (index < 0)
            index += n;
        if (forInsert)
            return std::clamp<int64_t>(index, 0, n);
        if (index < 0 || index >= n)
            raiseRender("IndexError: pop index out of range");
        return index;
    };
    if (self.asList().isTuple && name != "index" && name != "count")
        raiseRender("AttributeError: 'tuple' object has no attribute '" + name + "'");
    if (name == "append") {
        items.push_back(a.get(0, "object"));
        return Value::none();
    }
    if (name == "extend") {
        for (const auto& v : a.get(0, "iterable").iterate())
            items.push_back(v);
        return Value::none();
    }
    if (name == "insert") {
        const int64_t at = normalize(intOr(a.get(0, "index"), 0), true);
        items.insert(items.begin() + at, a.get(1, "object"));
        return Value::none();
    }
    if (name == "pop") {
        if (items.empty())
            raiseRender("IndexError: pop from empty list");
        const int64_t at = normalize(intOr(a.get(0, "index", Value(-1)), -1), false);
        Value v = items[size_t(at)];
        items.erase(items.begin() + at);
        return v;
    }
    if (name == "index" || name == "count" || name == "remove") {
        const Value needle = a.get(0, "value");
        int64_t count = 0;
        for (size_t i = 0; i < items.size(); ++i) {
            if (!items[i].equals(needle))
                continue;
            if (name == "index")
                return Value(int64_t(i));
            if (name == "remove") {
                items.erase(items.begin() + long(i));
                return Value::none();
            }
            ++count;
        }
        if (name == "count")
            return Value(count);
        raiseRender("ValueError: " + needle.repr() + " is not in list");
    }
    if (name == "reverse") {
        std::reverse(items.begin(), items.end());
        return Value::none();
    }
    if (name == "sort") {
        const bool reverse = a.get(1, "reverse", Value(false)).truthy();
        std::stable_sort(items.begin(), items.end(), [reverse](const Value& x, const Value& y) { return reverse ? y.less(x) : x.less(y); });
        return Value::none();
    }
    if (name == "copy") return Value::list(items);
    if (name == "clear") {
        items.clear();
        return Value::none();
    }
    raiseRender("unsupported list method '" + name + "'");
}

Value dictMethod(const Value& self, const std::string& name, CallArgs& a)
{
    DictData& d = self.asDict();
    if (name == "get") {
        const Value* v = d.find(a.get(0, "key"));
        return v ? *v : a.get(1, "default", Value::none());
    }
    if (name == "items") {
        std::vector<Value> pairs;
        for (const auto& [k, v] : d.items)
            pairs.push_back(Value::tuple({k, v}));
        return Value::list(std::move(pairs));
    }
    if (name == "keys" || name == "values") {
        std::vector<Value> out;
        for (const auto& [k, v] : d.items)
            out.push_back(name == "keys" ? k : v);
        return Value::list(std::move(out));
    }
    if (name == "pop") {
        const Value key = a.get(0, "key");
        if (const Value* v = d.find(key)) {
            Value out = *v;
            d.erase(key);
            return out;
        }
        if (a.positional.size() > 1)
            return a.positional[1];
        raiseRender("KeyError: " + key.repr());
    }
    if (name == "setdefault") {
        const Value key = a.get(0, "key");
        if (const Value* v = d.find(key))
            return *v;
        const Value fallback = a.get(1, "default", Value::none());
        d.set(key, fallback);
        return fallback;
    }
    if (name == "update") {
        if (!a.positional.empty()) {
            const Value& other = a.positional[0];
            if (!other.isDict())
                raiseRender("TypeError: dict.update needs a mapping");
            for (const auto& [k, v] : other.asDict().items)
                d.set(k, v);
        }
        for (const auto& [k, v] : a.keyword)
            d.set(Value(k), v);
        return Value::none();
    }
    if (name == "copy") {
        Value copy = Value::dict();
        copy.asDict().items = d.items;
        return copy;
    }
    if (name == "clear") {
        d.items.clear();
        return Value::none();
    }
    raiseRender("unsupported dict method '" + name + "'");
}

} // namespace

bool hasMethod(const Value& object, const std::string& name)
{
    switch (object.kind()) {
    case Kind::String: return stringMethods().count(name) != 0;
    case Kind::List: return listMethods().count(name) != 0;
    case Kind::Dict: return !object.asDict().isNamespace && dictMethods().count(name) != 0;
    default: return false;
    }
}

Value callMethod(Interpreter&, const Value& object, const std::string& name, CallArgs& args)
{
    // Chat templates run in Jinja2's ImmutableSandboxedEnvironment (as transformers renders
    // them): methods that modify a list or dict are refused, so templates behave the same here.
    static const std::unordered_set<std::string> mutatingList = {"append", "pop", "extend", "insert", "remove",
                                                                  "reverse", "sort", "clear"};
    static const std::unordered_set<std::string> mutatingDict = {"pop", "update", "setdefault", "clear"};
    if ((object.isList() && mutatingList.count(name)) || (object.isDict() && mutatingDict.count(name)))
        raiseRender("SecurityError: access to attribute '" + name + "' of '" + object.typeName() +
                    "' object is unsafe.");
    switch (object.kind()) {
    case Kind::String: return stringMethod(object.asString(), name, args);
    case Kind::List: return listMethod(object, name, args);
    case Kind::Dict: return dictMethod(object, name, args);
    default: raiseRender("'" + object.typeName() + " object' has no attribute '" + name + "'");
    }
}

} // namespace agora::chat::jinja
