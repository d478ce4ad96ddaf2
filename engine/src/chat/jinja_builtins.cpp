// Jinja tests (`is defined`, `is mapping`, ...), global functions (range, dict, namespace,
// raise_exception, strftime_now, cycler, joiner) and attribute/item/slice access with
// Jinja2's rules for what is Undefined and what raises.
#include "chat/jinja_interpreter.h"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <optional>
#include <unordered_map>

namespace agora::chat::jinja {
namespace {

using TestFn = bool (*)(const Value&, CallArgs&);

const Value& requireArg(const CallArgs& a, const char* test)
{
    if (a.positional.empty())
        raiseRender(std::string("TypeError: test '") + test + "' needs an argument");
    return a.positional[0];
}

bool testDefined(const Value& v, CallArgs&) { return !v.isUndefined(); }
bool testUndefined(const Value& v, CallArgs&) { return v.isUndefined(); }
bool testNone(const Value& v, CallArgs&) { return v.isNone(); }
bool testBoolean(const Value& v, CallArgs&) { return v.isBool(); }
bool testTrue(const Value& v, CallArgs&) { return v.isBool() && v.asBool(); }
bool testFalse(const Value& v, CallArgs&) { return v.isBool() && !v.asBool(); }
bool testInteger(const Value& v, CallArgs&) { return v.isInt(); }
bool testFloat(const Value& v, CallArgs&) { return v.isFloat(); }
bool testNumber(const Value& v, CallArgs&) { return v.isNumber(); }
bool testString(const Value& v, CallArgs&) { return v.isString(); }
bool testMapping(const Value& v, CallArgs&) { return v.isDict(); }
bool testIterable(const Value& v, CallArgs&) { return v.isList() || v.isDict() || v.isString() || v.isUndefined(); }
bool testSequence(const Value& v, CallArgs&) { return v.isList() || v.isDict() || v.isString(); }
bool testCallable(const Value& v, CallArgs&) { return v.isCallable(); }
bool testEscaped(const Value&, CallArgs&) { return false; }

int64_t integerOf(const Value& v, const char* test)
{
    if (!v.isNumber())
        raiseRender(std::string("TypeError: test '") + test + "' needs a number, not " + v.typeName());
    if (v.isFloat()) {
        const double d = v.asDouble();
        return std::floor(d) == d ? int64_t(d) : 1; // odd/even of a non-integer float: Python gives False/True quirks
    }
    return v.asInt();
}

bool testOdd(const Value& v, CallArgs&) { return integerOf(v, "odd") % 2 != 0; }
bool testEven(const Value& v, CallArgs&) { return integerOf(v, "even") % 2 == 0; }
bool testDivisibleBy(const Value& v, CallArgs& a)
{
    const int64_t d = integerOf(requireArg(a, "divisibleby"), "divisibleby");
    if (d == 0)
        raiseRender("ZeroDivisionError: integer modulo by zero");
    return integerOf(v, "divisibleby") % d == 0;
}
bool testEq(const Value& v, CallArgs& a) { return v.equals(requireArg(a, "eq")); }
bool testNe(const Value& v, CallArgs& a) { return !v.equals(requireArg(a, "ne")); }
bool testLt(const Value& v, CallArgs& a) { return v.less(requireArg(a, "lt")); }
bool testLe(const Value& v, CallArgs& a) { return !requireArg(a, "le").less(v); }
bool testGt(const Value& v, CallArgs& a) { return requireArg(a, "gt").less(v); }
bool testGe(const Value& v, CallArgs& a) { return !v.less(requireArg(a, "ge")); }
bool testSameAs(const Value& v, CallArgs& a)
{
    const Value& other = requireArg(a, "sameas");
    if (v.isList() && other.isList())
        return &v.asList() == &other.asList();
    if (v.isDict() && other.isDict())
        return &v.asDict() == &other.asDict();
    return v.kind() == other.kind() && (v.isNone() || v.isUndefined() || v.equals(other));
}
bool testIn(const Value& v, CallArgs& a)
{
    const Value& container = requireArg(a, "in");
    if (container.isString())
        return v.isString() && container.asString().find(v.asString()) != std::string::npos;
    if (container.isDict())
        return container.asDict().find(v) != nullptr;
    for (const auto& item : container.iterate())
        if (item.equals(v))
            return true;
    return false;
}
bool testLower(const Value& v, CallArgs&)
{
    const std::string s = v.str();
    return std::none_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&
           std::any_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}
bool testUpper(const Value& v, CallArgs&)
{
    const std::string s = v.str();
    return std::none_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
           std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

const std::unordered_map<std::string, TestFn>& testTable()
{
    static const std::unordered_map<std::string, TestFn> table = {
        {"defined", testDefined}, {"undefined", testUndefined}, {"none", testNone}, {"boolean", testBoolean},
        {"true", testTrue}, {"false", testFalse}, {"integer", testInteger}, {"float", testFloat},
        {"number", testNumber}, {"string", testString}, {"mapping", testMapping}, {"iterable", testIterable},
        {"sequence", testSequence}, {"callable", testCallable}, {"escaped", testEscaped}, {"odd", testOdd},
        {"even", testEven}, {"divisibleby", testDivisibleBy}, {"eq", testEq}, {"equalto", testEq}, {"==", testEq},
        {"ne", testNe}, {"!=", testNe}, {"lt", testLt}, {"lessthan", testLt}, {"<", testLt}, {"le", testLe},
        {"<=", testLe}, {"gt", testGt}, {"greaterthan", testGt}, {">", testGt}, {"ge", testGe}, {">=", testGe},
        {"sameas", testSameAs}, {"in", testIn}, {"lower", testLower}, {"upper", testUpper},
    };
    return table;
}

// ---- global functions ------------------------------------------------------------------

Value fnRange(Interpreter&, CallArgs& a)
{
    int64_t start = 0, stop = 0, step = 1;
    const auto num = [](const Value& v) {
        if (!v.isInt() && !v.isBool())
            raiseRender("TypeError: '" + v.typeName() + "' object cannot be interpreted as an integer");
        return v.asInt();
    };
    if (a.positional.size() == 1) {
        stop = num(a.positional[0]);
    } else if (a.positional.size() >= 2) {
        start = num(a.positional[0]);
        stop = num(a.positional[1]);
        if (a.positional.size() >= 3)
            step = num(a.positional[2]);
    } else {
        raiseRender("TypeError: range expected at least 1 argument, got 0");
    }
    if (step == 0)
        raiseRender("ValueError: range() arg 3 must not be zero");
    std::vector<Value> items;
    // The sandbox caps ranges (MAX_RANGE = 100000) so a template cannot exhaust memory.
    for (int64_t i = start; step > 0 ? i < stop : i > stop; i += step) {
        if (items.size() >= 100000)
            raiseRender("OverflowError: Range too big. The sandbox blocks ranges larger than MAX_RANGE (100000).");
        items.emplace_back(i);
    }
    return Value::list(std::move(items));
}

Value fnDict(Interpreter&, CallArgs& a)
{
    Value d = Value::dict();
    if (!a.positional.empty()) {
        const Value& src = a.positional[0];
        if (src.isDict()) {
            d.asDict().items = src.asDict().items;
        } else {
            for (const auto& pair : src.iterate()) {
                const auto kv = pair.iterate();
                if (kv.size() != 2)
                    raiseRender("ValueError: dictionary update sequence element has wrong length");
                d.asDict().set(kv[0], kv[1]);
            }
        }
    }
    for (const auto& [k, v] : a.keyword)
        d.asDict().set(Value(k), v);
    return d;
}

Value fnNamespace(Interpreter& i, CallArgs& a)
{
    Value ns = fnDict(i, a);
    ns.asDict().isNamespace = true;
    return ns;
}

Value fnRaiseException(Interpreter&, CallArgs& a)
{
    throw TemplateError(TemplateError::Kind::Raised, a.get(0, "message", Value("")).str(), true);
}

Value fnStrftimeNow(Interpreter& interp, CallArgs& a)
{
    const std::string format = a.get(0, "format", Value("")).str();
    std::tm tm = interp.context().now;
    char buf[512];
    const size_t n = format.empty() ? 0 : std::strftime(buf, sizeof buf, format.c_str(), &tm);
    return Value(std::string(buf, n));
}

Value fnCycler(Interpreter&, CallArgs& a)
{
    auto items = std::make_shared<std::vector<Value>>(a.positional);
    auto position = std::make_shared<size_t>(0);
    Value object = Value::dict();
    object.asDict().set(Value("next"), Value::function("cycler.next", [items, position](Interpreter&, CallArgs&) {
        if (items->empty())
            return Value::none();
        Value v = (*items)[*position % items->size()];
        ++*position;
        return v;
    }));
    object.asDict().set(Value("reset"), Value::function("cycler.reset", [position](Interpreter&, CallArgs&) {
        *position = 0;
        return Value::none();
    }));
    object.asDict().isNamespace = true; // attribute access reads keys
    return object;
}

Value fnJoiner(Interpreter&, CallArgs& a)
{
    const std::string sep = a.get(0, "sep", Value(", ")).str();
    auto used = std::make_shared<bool>(false);
    return Value::function("joiner", [sep, used](Interpreter&, CallArgs&) {
        if (!*used) {
            *used = true;
            return Value("");
        }
        return Value(sep);
    });
}

} // namespace

bool Interpreter::applyTest(const std::string& name, const Value& input, CallArgs& args)
{
    const auto& table = testTable();
    const auto it = table.find(name);
    if (it == table.end())
        raiseRender("unsupported test '" + name + "'");
    return it->second(input, args);
}

Value makeGlobals(const Value& user)
{
    Value g = Value::dict();
    auto& d = g.asDict();
    d.set(Value("range"), Value::function("range", fnRange));
    d.set(Value("dict"), Value::function("dict", fnDict));
    d.set(Value("namespace"), Value::function("namespace", fnNamespace));
    d.set(Value("raise_exception"), Value::function("raise_exception", fnRaiseException));
    d.set(Value("strftime_now"), Value::function("strftime_now", fnStrftimeNow));
    d.set(Value("cycler"), Value::function("cycler", fnCycler));
    d.set(Value("joiner"), Value::function("joiner", fnJoiner));
    if (user.isDict())
        for (const auto& [k, v] : user.asDict().items)
            d.set(k, v);
    return g;
}

// ---- attribute, item and slice access ---------------------------------------------------

Value getAttribute(const Value& object, const std::string& name)
{
    switch (object.kind()) {
    case Kind::Undefined: raiseUndefined(object);
    case Kind::Dict: {
        const DictData& d = object.asDict();
        if (!d.isNamespace && hasMethod(object, name))
            return Value::function(name, [object, name](Interpreter& i, CallArgs& a) { return callMethod(i, object, name, a); });
        if (const Value* v = d.findKey(name))
            return *v;
        return Value::undefined("'" + object.typeName() + " object' has no attribute '" + name + "'");
    }
    case Kind::String:
    case Kind::List:
        if (hasMethod(object, name))
            return Value::function(name, [object, name](Interpreter& i, CallArgs& a) { return callMethod(i, object, name, a); });
        break;
    default: break;
    }
    return Value::undefined("'" + object.typeName() + " object' has no attribute '" + name + "'");
}

Value getItem(const Value& object, const Value& key)
{
    switch (object.kind()) {
    case Kind::Undefined: raiseUndefined(object);
    case Kind::Dict: {
        if (const Value* v = object.asDict().find(key))
            return *v;
        if (key.isString() && !object.asDict().isNamespace && hasMethod(object, key.asString()))
            return getAttribute(object, key.asString());
        return Value::undefined("'" + object.typeName() + " object' has no attribute '" + key.str() + "'");
    }
    case Kind::List:
    case Kind::String: {
        if (key.isString())
            return getAttribute(object, key.asString());
        if (!key.isInt() && !key.isBool())
            raiseRender("TypeError: " + object.typeName() + " indices must be integers or slices, not " + key.typeName());
        int64_t index = key.asInt();
        if (object.isList()) {
            const auto& items = object.asList().items;
            const int64_t n = int64_t(items.size());
            if (index < 0)
                index += n;
            if (index < 0 || index >= n)
                return Value::undefined(object.typeName() + " object has no element " + std::to_string(key.asInt()));
            return items[size_t(index)];
        }
        const auto cps = splitCodePoints(object.asString());
        const int64_t n = int64_t(cps.size());
        if (index < 0)
            index += n;
        if (index < 0 || index >= n)
            return Value::undefined("str object has no element " + std::to_string(key.asInt()));
        return Value(cps[size_t(index)]);
    }
    default:
        return Value::undefined("'" + object.typeName() + " object' has no attribute '" + key.str() + "'");
    }
}

Value sliceValue(const Value& object, const Value& startV, const Value& stopV, const Value& stepV)
{
    if (object.isUndefined())
        raiseUndefined(object);
    if (!object.isList() && !object.isString()) // Jinja2's getitem gives Undefined here
        return Value::undefined("'" + object.typeName() + " object' has no attribute 'slice'");
    const auto bound = [](const Value& v, const char* what) -> std::optional<int64_t> {
        if (v.isNone() || v.isUndefined())
            return std::nullopt;
        if (!v.isInt() && !v.isBool())
            raiseRender(std::string("TypeError: slice ") + what + " must be an integer or None");
        return v.asInt();
    };
    const int64_t step = bound(stepV, "step").value_or(1);
    if (step == 0)
        raiseRender("ValueError: slice step cannot be zero");
    std::vector<std::string> cps;
    const std::vector<Value>* items = nullptr;
    int64_t n = 0;
    if (object.isString()) {
        cps = splitCodePoints(object.asString());
        n = int64_t(cps.size());
    } else {
        items = &object.asList().items;
        n = int64_t(items->size());
    }
    // Python's slice.indices()
    const auto clamp = [&](std::optional<int64_t> v, int64_t dflt) {
        if (!v)
            return dflt;
        int64_t x = *v;
        if (x < 0)
            x += n;
        if (step > 0)
            return std::clamp<int64_t>(x, 0, n);
        return std::clamp<int64_t>(x, -1, n - 1);
    };
    const int64_t start = clamp(bound(startV, "start"), step > 0 ? 0 : n - 1);
    const int64_t stop = clamp(bound(stopV, "stop"), step > 0 ? n : -1);
    std::string outText;
    std::vector<Value> outItems;
    for (int64_t i = start; step > 0 ? i < stop : i > stop; i += step) {
        if (object.isString())
            outText += cps[size_t(i)];
        else
            outItems.push_back((*items)[size_t(i)]);
    }
    if (object.isString())
        return Value(std::move(outText));
    return object.asList().isTuple ? Value::tuple(std::move(outItems)) : Value::list(std::move(outItems));
}

bool isKnownTest(const std::string& name) { return testTable().count(name) != 0; }

} // namespace agora::chat::jinja
