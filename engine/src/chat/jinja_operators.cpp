// Python's binary operators for the Jinja interpreter: arithmetic with int/float promotion and
// floor division/modulo, overflow-checked 64-bit integers (Python's are unbounded: overflow is
// an error here, never UB), string/list concatenation and repetition (Markup-aware), string
// %-formatting, and membership (`in`).
#include "chat/jinja_operators.h"

#include "chat/jinja_interpreter.h"
#include "chat/jinja_text.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace agora::chat::jinja {
namespace {


[[noreturn]] void unsupportedOperands(const std::string& op, const Value& a, const Value& b)
{
    if (a.isUndefined())
        raiseUndefined(a);
    if (b.isUndefined())
        raiseUndefined(b);
    raiseRender("TypeError: unsupported operand type(s) for " + op + ": '" + a.typeName() + "' and '" + b.typeName() + "'");
}

bool bothInts(const Value& a, const Value& b) { return !a.isFloat() && !b.isFloat(); }

// Python integers are unbounded; ours are 64-bit, so overflow is an error instead of UB.
int64_t checked(bool overflowed, int64_t value)
{
    if (overflowed)
        raiseRender("OverflowError: integer result does not fit in 64 bits");
    return value;
}

int64_t checkedAdd(int64_t x, int64_t y)
{
    int64_t r = 0;
    const bool overflowed = __builtin_add_overflow(x, y, &r);
    return checked(overflowed, r);
}
int64_t checkedSub(int64_t x, int64_t y)
{
    int64_t r = 0;
    const bool overflowed = __builtin_sub_overflow(x, y, &r);
    return checked(overflowed, r);
}
int64_t checkedMul(int64_t x, int64_t y)
{
    int64_t r = 0;
    const bool overflowed = __builtin_mul_overflow(x, y, &r);
    return checked(overflowed, r);
}

// Repetition ('ab' * n, [x] * n) is capped so a template cannot exhaust memory.
constexpr size_t kMaxRepeatBytes = size_t(64) << 20;

// Python's "text % args" for the conversions templates use: %s %r %d %i %f %%.
std::string printfFormat(const std::string& format, const Value& args)
{
    const std::vector<Value> values = args.isList() && args.asList().isTuple ? args.asList().items : std::vector<Value>{args};
    size_t next = 0;
    std::string out;
    for (size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '%') {
            out += format[i];
            continue;
        }
        if (i + 1 >= format.size())
            raiseRender("ValueError: incomplete format");
        const char conv = format[++i];
        if (conv == '%') {
            out += '%';
            continue;
        }
        if (next >= values.size())
            raiseRender("TypeError: not enough arguments for format string");
        const Value& v = values[next++];
        switch (conv) {
        case 's': out += v.str(); break;
        case 'r': out += v.repr(); break;
        case 'd':
        case 'i':
            if (!v.isNumber())
                raiseRender("TypeError: %" + std::string(1, conv) + " format: a real number is required, not " + v.typeName());
            out += std::to_string(v.isFloat() ? int64_t(v.asDouble()) : v.asInt());
            break;
        case 'f': {
            if (!v.isNumber())
                raiseRender("TypeError: must be real number, not " + v.typeName());
            char buf[64];
            std::snprintf(buf, sizeof buf, "%f", v.asDouble());
            out += buf;
            break;
        }
        default: raiseRender(std::string("unsupported format character '") + conv + "'");
        }
    }
    if (next < values.size() && !args.isDict()) // Python ignores an unused mapping argument
        raiseRender("TypeError: not all arguments converted during string formatting");
    return out;
}

} // namespace

int64_t subInts(int64_t x, int64_t y) { return checkedSub(x, y); }

Value arithmetic(const std::string& op, const Value& a, const Value& b)
{
    if (op == "+") {
        if (a.isNumber() && b.isNumber())
            return bothInts(a, b) ? Value(checkedAdd(a.asInt(), b.asInt())) : Value(a.asDouble() + b.asDouble());
        if (a.isString() && b.isString()) {
            if (a.isMarkup() || b.isMarkup()) // markupsafe escapes the plain operand
                return Value::markup((a.isMarkup() ? a.asString() : text::htmlEscape(a.asString())) +
                                     (b.isMarkup() ? b.asString() : text::htmlEscape(b.asString())));
            return Value(a.asString() + b.asString());
        }
        if (a.isList() && b.isList() && a.asList().isTuple == b.asList().isTuple) {
            std::vector<Value> items = a.asList().items;
            items.insert(items.end(), b.asList().items.begin(), b.asList().items.end());
            return a.asList().isTuple ? Value::tuple(std::move(items)) : Value::list(std::move(items));
        }
        unsupportedOperands(op, a, b);
    }
    if (op == "*") {
        if (a.isNumber() && b.isNumber())
            return bothInts(a, b) ? Value(checkedMul(a.asInt(), b.asInt())) : Value(a.asDouble() * b.asDouble());
        const Value* seq = a.isString() || a.isList() ? &a : b.isString() || b.isList() ? &b : nullptr;
        const Value* count = seq == &a ? &b : &a;
        if (seq && (count->isInt() || count->isBool())) {
            const int64_t n = std::max<int64_t>(0, count->asInt());
            const size_t unit = seq->isString() ? seq->asString().size() : seq->asList().items.size() * sizeof(Value);
            if (unit > 0 && uint64_t(n) > kMaxRepeatBytes / unit)
                raiseRender("MemoryError: repetition result too large");
            if (seq->isString()) {
                std::string out;
                for (int64_t i = 0; i < n; ++i)
                    out += seq->asString();
                return Value(std::move(out));
            }
            std::vector<Value> items;
            for (int64_t i = 0; i < n; ++i)
                items.insert(items.end(), seq->asList().items.begin(), seq->asList().items.end());
            return seq->asList().isTuple ? Value::tuple(std::move(items)) : Value::list(std::move(items));
        }
        unsupportedOperands(op, a, b);
    }
    if (op == "%" && a.isString())
        return Value(printfFormat(a.asString(), b));
    if (!a.isNumber() || !b.isNumber())
        unsupportedOperands(op, a, b);
    if (op == "-")
        return bothInts(a, b) ? Value(checkedSub(a.asInt(), b.asInt())) : Value(a.asDouble() - b.asDouble());
    if (op == "/") {
        if (b.asDouble() == 0)
            raiseRender("ZeroDivisionError: division by zero");
        return Value(a.asDouble() / b.asDouble());
    }
    if (op == "//" || op == "%") {
        if (b.asDouble() == 0)
            raiseRender(op == "//" ? "ZeroDivisionError: integer division or modulo by zero"
                                   : "ZeroDivisionError: integer modulo by zero");
        if (bothInts(a, b)) {
            const int64_t x = a.asInt(), y = b.asInt();
            if (x == INT64_MIN && y == -1)
                raiseRender("OverflowError: integer result does not fit in 64 bits");
            int64_t q = x / y;
            if ((x % y != 0) && ((x < 0) != (y < 0)))
                --q; // Python floors
            return op == "//" ? Value(q) : Value(x - q * y);
        }
        const double x = a.asDouble(), y = b.asDouble();
        const double q = std::floor(x / y);
        return op == "//" ? Value(q) : Value(x - q * y);
    }
    if (op == "**") {
        if (bothInts(a, b) && b.asInt() >= 0) {
            int64_t result = 1, base = a.asInt(), e = b.asInt();
            while (e > 0) { // square-and-multiply, overflow-checked
                if (e & 1)
                    result = checkedMul(result, base);
                e >>= 1;
                if (e)
                    base = checkedMul(base, base);
            }
            return Value(result);
        }
        return Value(std::pow(a.asDouble(), b.asDouble()));
    }
    raiseRender("unsupported operator '" + op + "'");
}

bool contains(const Value& container, const Value& needle)
{
    switch (container.kind()) {
    case Kind::String:
        if (!needle.isString())
            raiseRender("TypeError: 'in <string>' requires string as left operand, not " + needle.typeName());
        return container.asString().find(needle.asString()) != std::string::npos;
    case Kind::List:
        for (const auto& item : container.asList().items)
            if (item.equals(needle))
                return true;
        return false;
    case Kind::Dict: return container.asDict().find(needle) != nullptr;
    case Kind::Undefined: return false;
    default: raiseRender("TypeError: argument of type '" + container.typeName() + "' is not iterable");
    }
}


} // namespace agora::chat::jinja
