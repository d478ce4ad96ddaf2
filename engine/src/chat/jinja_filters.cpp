// Jinja filters (Interpreter::applyFilter): the subset real chat templates use, with Jinja2's
// argument names and defaults, and HF transformers' tojson (keeps non-ASCII, key order,
// indent/separators/sort_keys as json.dumps).
#include "chat/jinja_interpreter.h"
#include "chat/jinja_text.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <optional>
#include <unordered_map>

namespace agora::chat::jinja {
namespace {

using FilterFn = Value (*)(Interpreter&, const Value&, CallArgs&);

std::string asText(const Value& v) { return v.str(); }

int64_t intArg(const Value& v, const char* what)
{
    if (v.isInt() || v.isBool())
        return v.asInt();
    if (v.isFloat())
        return int64_t(v.asDouble());
    raiseRender(std::string("TypeError: ") + what + " must be an integer, not " + v.typeName());
}

// Follows "a.b.0" through attributes / items, as Jinja2's make_attrgetter does.
Value attributeChain(const Value& item, const Value& attribute)
{
    if (attribute.isInt())
        return getItem(item, attribute);
    Value current = item;
    const std::string path = attribute.str();
    size_t start = 0;
    while (true) {
        const size_t dot = path.find('.', start);
        const std::string part = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        int64_t index = 0;
        const auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), index);
        if (ec == std::errc() && ptr == part.data() + part.size() && !current.isDict())
            current = getItem(current, Value(index));
        else
            current = getItem(current, Value(part));
        if (dot == std::string::npos)
            return current;
        start = dot + 1;
    }
}

Value filterDefault(Interpreter&, const Value& v, CallArgs& a)
{
    const Value fallback = a.get(0, "default_value", Value(""));
    const bool boolean = a.get(1, "boolean", Value(false)).truthy();
    if (v.isUndefined() || (boolean && !v.truthy()))
        return fallback;
    return v;
}

Value filterLength(Interpreter&, const Value& v, CallArgs&) { return Value(v.length()); }

Value filterTrim(Interpreter&, const Value& v, CallArgs& a)
{
    const Value chars = a.get(0, "chars", Value::none());
    const std::string set = chars.isString() ? chars.asString() : std::string();
    return Value(text::strip(asText(v), text::Side::Both, chars.isString() ? &set : nullptr));
}

Value filterUpper(Interpreter&, const Value& v, CallArgs&) { return Value(text::upper(asText(v))); }
Value filterLower(Interpreter&, const Value& v, CallArgs&) { return Value(text::lower(asText(v))); }
Value filterCapitalize(Interpreter&, const Value& v, CallArgs&) { return Value(text::capitalize(asText(v))); }
Value filterTitle(Interpreter&, const Value& v, CallArgs&) { return Value(text::title(asText(v))); }
Value filterString(Interpreter&, const Value& v, CallArgs&) { return Value(asText(v)); }
Value filterSafe(Interpreter&, const Value& v, CallArgs&) { return Value::markup(asText(v)); }
Value filterEscape(Interpreter&, const Value& v, CallArgs&)
{
    return v.isMarkup() ? v : Value::markup(text::htmlEscape(asText(v)));
}
Value filterForceEscape(Interpreter&, const Value& v, CallArgs&) { return Value::markup(text::htmlEscape(asText(v))); }

Value filterJoin(Interpreter&, const Value& v, CallArgs& a)
{
    const std::string sep = a.get(0, "d", Value("")).str();
    const Value attribute = a.get(1, "attribute", Value::none());
    std::string out;
    bool first = true;
    for (const auto& item : v.iterate()) {
        if (!first)
            out += sep;
        first = false;
        out += (attribute.isNone() ? item : attributeChain(item, attribute)).str();
    }
    return Value(std::move(out));
}

Value filterReplace(Interpreter&, const Value& v, CallArgs& a)
{
    const std::string from = a.get(0, "old").str();
    const std::string to = a.get(1, "new").str();
    const Value count = a.get(2, "count", Value::none());
    return Value(text::replace(asText(v), from, to, count.isNone() ? -1 : intArg(count, "count")));
}

Value filterToJson(Interpreter&, const Value& v, CallArgs& a)
{
    const Value indentArg = a.get(0, "indent", Value::none());
    const Value separators = a.get(1, "separators", Value::none());
    const bool sortKeys = a.get(2, "sort_keys", Value(false)).truthy();
    const Value* ascii = a.keywordValue("ensure_ascii");
    const bool asciiOnly = ascii && ascii->truthy();
    const int indent = indentArg.isNone() ? -1 : int(intArg(indentArg, "indent"));
    std::string itemSep = indent >= 0 ? "," : ", ";
    std::string keySep = ": ";
    if (separators.isList() && separators.asList().items.size() == 2) {
        itemSep = separators.asList().items[0].str();
        keySep = separators.asList().items[1].str();
    }
    return Value(v.toJson(indent, itemSep, keySep, sortKeys, asciiOnly));
}

Value filterItems(Interpreter&, const Value& v, CallArgs&)
{
    if (v.isUndefined())
        return Value::list();
    if (!v.isDict())
        raiseRender("TypeError: can only get item pairs from a mapping, not " + v.typeName());
    std::vector<Value> pairs;
    for (const auto& [k, item] : v.asDict().items)
        pairs.push_back(Value::tuple({k, item}));
    return Value::list(std::move(pairs));
}

Value filterFirst(Interpreter&, const Value& v, CallArgs&)
{
    const auto items = v.iterate();
    return items.empty() ? Value::undefined("No first item, sequence was empty.") : items.front();
}

Value filterLast(Interpreter&, const Value& v, CallArgs&)
{
    const auto items = v.iterate();
    return items.empty() ? Value::undefined("No last item, sequence was empty.") : items.back();
}

Value filterList(Interpreter&, const Value& v, CallArgs&) { return Value::list(v.iterate()); }

Value filterMap(Interpreter& interp, const Value& v, CallArgs& a)
{
    std::vector<Value> out;
    if (!v.truthy()) // Jinja2's map/select start with `if value:` so None maps to nothing
        return Value::list();
    if (const Value* attribute = a.keywordValue("attribute")) {
        const Value* fallback = a.keywordValue("default");
        for (const auto& item : v.iterate()) {
            Value mapped = attributeChain(item, *attribute);
            out.push_back(mapped.isUndefined() && fallback ? *fallback : mapped);
        }
        return Value::list(std::move(out));
    }
    if (a.positional.empty())
        raiseRender("map() needs a filter name or attribute=");
    const std::string filterName = a.positional[0].str();
    CallArgs rest;
    rest.positional.assign(a.positional.begin() + 1, a.positional.end());
    rest.keyword = a.keyword;
    for (const auto& item : v.iterate()) {
        CallArgs copy = rest;
        out.push_back(interp.applyFilter(filterName, item, copy));
    }
    return Value::list(std::move(out));
}

// select / reject / selectattr / rejectattr share one loop.
Value selectImpl(Interpreter& interp, const Value& v, CallArgs& a, bool byAttribute, bool keep)
{
    if (!v.truthy())
        return Value::list();
    size_t next = 0;
    Value attribute;
    if (byAttribute) {
        if (a.positional.empty())
            raiseRender("selectattr/rejectattr need an attribute name");
        attribute = a.positional[next++];
    }
    std::string testName;
    if (next < a.positional.size())
        testName = a.positional[next++].str();
    CallArgs testArgs;
    testArgs.positional.assign(a.positional.begin() + long(next), a.positional.end());
    testArgs.keyword = a.keyword;
    std::vector<Value> out;
    for (const auto& item : v.iterate()) {
        const Value subject = byAttribute ? attributeChain(item, attribute) : item;
        bool passed;
        if (testName.empty()) {
            passed = subject.truthy();
        } else {
            CallArgs copy = testArgs;
            passed = interp.applyTest(testName, subject, copy);
        }
        if (passed == keep)
            out.push_back(item);
    }
    return Value::list(std::move(out));
}

Value filterSelect(Interpreter& i, const Value& v, CallArgs& a) { return selectImpl(i, v, a, false, true); }
Value filterReject(Interpreter& i, const Value& v, CallArgs& a) { return selectImpl(i, v, a, false, false); }
Value filterSelectAttr(Interpreter& i, const Value& v, CallArgs& a) { return selectImpl(i, v, a, true, true); }
Value filterRejectAttr(Interpreter& i, const Value& v, CallArgs& a) { return selectImpl(i, v, a, true, false); }

Value filterIndent(Interpreter&, const Value& v, CallArgs& a)
{
    const Value width = a.get(0, "width", Value(4));
    const bool first = a.get(1, "first", Value(false)).truthy();
    const bool blank = a.get(2, "blank", Value(false)).truthy();
    const std::string indentation = width.isString() ? width.asString() : std::string(size_t(std::max<int64_t>(0, intArg(width, "width"))), ' ');
    // Jinja2 appends a newline before splitlines() so a trailing newline keeps its line.
    const std::vector<std::string> lines = text::splitLines(asText(v) + "\n", false);
    std::string out;
    for (size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) {
            out += "\n";
            if (blank || !lines[i].empty())
                out += indentation;
        }
        out += lines[i];
    }
    if (first)
        out = indentation + out;
    return Value(std::move(out));
}

std::optional<int64_t> parseIntText(std::string s, int base)
{
    s = text::strip(s, text::Side::Both);
    s.erase(std::remove(s.begin(), s.end(), '_'), s.end());
    bool negative = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        negative = s[0] == '-';
        s.erase(0, 1);
    }
    // Python's int(text, base) accepts the 0x/0o/0b prefix matching the base; base 0 infers it.
    if (s.size() > 2 && s[0] == '0') {
        const char p = char(s[1] | 0x20);
        const int prefixBase = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (prefixBase && (base == 0 || base == prefixBase)) {
            base = prefixBase;
            s.erase(0, 2);
        }
    }
    if (base == 0)
        base = 10;
    int64_t out = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out, base);
    if (s.empty() || ec != std::errc() || ptr != s.data() + s.size())
        return std::nullopt;
    return negative ? -out : out;
}

std::optional<double> parseFloatText(std::string s)
{
    s = text::strip(s, text::Side::Both);
    double out = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    if (s.empty() || ec != std::errc() || ptr != s.data() + s.size())
        return std::nullopt;
    return out;
}

Value filterInt(Interpreter&, const Value& v, CallArgs& a)
{
    const Value fallback = a.get(0, "default", Value(0));
    const int base = int(intArg(a.get(1, "base", Value(10)), "base"));
    if (v.isInt() || v.isBool())
        return Value(v.asInt());
    if (v.isFloat())
        return Value(int64_t(v.asDouble()));
    if (v.isString()) {
        if (auto i = parseIntText(v.asString(), base))
            return Value(*i);
        if (auto d = parseFloatText(v.asString()))
            return Value(int64_t(*d));
    }
    return fallback;
}

Value filterFloat(Interpreter&, const Value& v, CallArgs& a)
{
    const Value fallback = a.get(0, "default", Value(0.0));
    if (v.isNumber())
        return Value(v.asDouble());
    if (v.isString())
        if (auto d = parseFloatText(v.asString()))
            return Value(*d);
    return fallback;
}

Value filterRound(Interpreter&, const Value& v, CallArgs& a)
{
    const int64_t precision = intArg(a.get(0, "precision", Value(0)), "precision");
    const std::string method = a.get(1, "method", Value("common")).str();
    if (!v.isNumber())
        raiseRender("TypeError: round() needs a number, not " + v.typeName());
    if (method == "common" && !v.isFloat() && precision >= 0)
        return Value(v.asInt()); // Python's round() of an int stays an int
    const double scale = std::pow(10.0, double(precision));
    const double x = v.asDouble() * scale;
    double r;
    if (method == "common") {
        // Python rounds halves to even.
        r = std::round(x);
        if (std::fabs(x - std::trunc(x)) == 0.5)
            r = 2.0 * std::round(x / 2.0);
    }
    else if (method == "ceil") r = std::ceil(x);
    else if (method == "floor") r = std::floor(x);
    else raiseRender("FilterArgumentError: method must be common, ceil or floor");
    return Value(r / scale);
}

Value filterAbs(Interpreter&, const Value& v, CallArgs&)
{
    if (v.isFloat())
        return Value(std::fabs(v.asDouble()));
    if (v.isNumber())
    {
        if (v.asInt() == INT64_MIN)
            raiseRender("OverflowError: integer result does not fit in 64 bits");
        return Value(v.asInt() < 0 ? -v.asInt() : v.asInt());
    }
    raiseRender("TypeError: bad operand type for abs(): '" + v.typeName() + "'");
}

// Sort key: case-insensitive strings unless asked otherwise (Jinja2's ignore_case).
Value sortKey(const Value& item, const Value& attribute, bool caseSensitive)
{
    Value key = attribute.isNone() ? item : attributeChain(item, attribute);
    if (!caseSensitive && key.isString())
        return Value(text::lower(key.asString()));
    return key;
}

Value filterSort(Interpreter&, const Value& v, CallArgs& a)
{
    const bool reverse = a.get(0, "reverse", Value(false)).truthy();
    const bool caseSensitive = a.get(1, "case_sensitive", Value(false)).truthy();
    const Value attribute = a.get(2, "attribute", Value::none());
    std::vector<Value> items = v.iterate();
    std::vector<std::pair<Value, Value>> keyed;
    for (auto& item : items)
        keyed.emplace_back(sortKey(item, attribute, caseSensitive), item);
    std::stable_sort(keyed.begin(), keyed.end(), [reverse](const auto& x, const auto& y) {
        return reverse ? y.first.less(x.first) : x.first.less(y.first);
    });
    std::vector<Value> out;
    for (auto& kv : keyed)
        out.push_back(std::move(kv.second));
    return Value::list(std::move(out));
}

Value filterDictSort(Interpreter&, const Value& v, CallArgs& a)
{
    const bool caseSensitive = a.get(0, "case_sensitive", Value(false)).truthy();
    const std::string by = a.get(1, "by", Value("key")).str();
    const bool reverse = a.get(2, "reverse", Value(false)).truthy();
    if (!v.isDict())
        raiseRender("TypeError: dictsort needs a mapping, not " + v.typeName());
    const bool byValue = by == "value";
    if (!byValue && by != "key")
        raiseRender("FilterArgumentError: You can only sort by either \"key\" or \"value\"");
    std::vector<std::pair<Value, Value>> items = v.asDict().items;
    std::stable_sort(items.begin(), items.end(), [&](const auto& x, const auto& y) {
        const Value kx = sortKey(byValue ? x.second : x.first, Value::none(), caseSensitive);
        const Value ky = sortKey(byValue ? y.second : y.first, Value::none(), caseSensitive);
        return reverse ? ky.less(kx) : kx.less(ky);
    });
    std::vector<Value> out;
    for (auto& [k, item] : items)
        out.push_back(Value::tuple({k, item}));
    return Value::list(std::move(out));
}

Value filterUnique(Interpreter&, const Value& v, CallArgs& a)
{
    const bool caseSensitive = a.get(0, "case_sensitive", Value(false)).truthy();
    const Value attribute = a.get(1, "attribute", Value::none());
    std::vector<Value> seen, out;
    for (const auto& item : v.iterate()) {
        const Value key = sortKey(item, attribute, caseSensitive);
        if (std::none_of(seen.begin(), seen.end(), [&](const Value& s) { return s.equals(key); })) {
            seen.push_back(key);
            out.push_back(item);
        }
    }
    return Value::list(std::move(out));
}

Value filterReverse(Interpreter&, const Value& v, CallArgs&)
{
    if (v.isString()) {
        auto cps = splitCodePoints(v.asString());
        std::string out;
        for (auto it = cps.rbegin(); it != cps.rend(); ++it)
            out += *it;
        return Value(std::move(out));
    }
    std::vector<Value> items = v.iterate();
    std::reverse(items.begin(), items.end());
    return Value::list(std::move(items));
}

Value minMax(const Value& v, CallArgs& a, bool wantMax)
{
    const bool caseSensitive = a.get(0, "case_sensitive", Value(false)).truthy();
    const Value attribute = a.get(1, "attribute", Value::none());
    const auto items = v.iterate();
    if (items.empty())
        return Value::undefined(std::string("No aggregated item, sequence was empty."));
    size_t best = 0;
    for (size_t i = 1; i < items.size(); ++i) {
        const Value k = sortKey(items[i], attribute, caseSensitive);
        const Value b = sortKey(items[best], attribute, caseSensitive);
        if (wantMax ? b.less(k) : k.less(b))
            best = i;
    }
    return items[best];
}

Value filterMin(Interpreter&, const Value& v, CallArgs& a) { return minMax(v, a, false); }
Value filterMax(Interpreter&, const Value& v, CallArgs& a) { return minMax(v, a, true); }

Value filterSum(Interpreter&, const Value& v, CallArgs& a)
{
    const Value attribute = a.get(0, "attribute", Value::none());
    Value total = a.get(1, "start", Value(0));
    for (const auto& item : v.iterate()) {
        const Value x = attribute.isNone() ? item : attributeChain(item, attribute);
        if (!x.isNumber() || !total.isNumber())
            raiseRender("TypeError: unsupported operand type(s) for +: '" + total.typeName() + "' and '" + x.typeName() + "'");
        int64_t sum = 0;
        if (!x.isFloat() && !total.isFloat() && __builtin_add_overflow(total.asInt(), x.asInt(), &sum))
            raiseRender("OverflowError: integer result does not fit in 64 bits");
        total = (x.isFloat() || total.isFloat()) ? Value(total.asDouble() + x.asDouble()) : Value(sum);
    }
    return total;
}

Value filterWordCount(Interpreter&, const Value& v, CallArgs&)
{
    const std::string s = asText(v);
    int64_t words = 0;
    bool inWord = false;
    for (const char c : s) {
        const bool wordChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                              static_cast<unsigned char>(c) >= 0x80;
        if (wordChar && !inWord)
            ++words;
        inWord = wordChar;
    }
    return Value(words);
}

Value filterCenter(Interpreter&, const Value& v, CallArgs& a)
{
    const std::string s = asText(v);
    const int64_t width = intArg(a.get(0, "width", Value(80)), "width");
    const int64_t len = Value(s).length();
    if (width <= len)
        return Value(s);
    const int64_t total = width - len;
    // Python's str.center puts the extra space on the right for odd widths of even strings.
    const int64_t left = total / 2 + (total & width & 1);
    return Value(std::string(size_t(left), ' ') + s + std::string(size_t(total - left), ' '));
}

// attr() looks up Python attributes only: a plain dict's keys are not attributes.
Value filterAttr(Interpreter&, const Value& v, CallArgs& a)
{
    const std::string name = a.get(0, "name").str();
    if (v.isDict() && !v.asDict().isNamespace && !hasMethod(v, name))
        return Value::undefined("'dict object' has no attribute '" + name + "'");
    return getAttribute(v, name);
}

Value filterBatch(Interpreter&, const Value& v, CallArgs& a)
{
    const int64_t size = intArg(a.get(0, "linecount"), "linecount");
    const Value fill = a.get(1, "fill_with", Value::none());
    if (size <= 0)
        raiseRender("ValueError: batch size must be positive");
    std::vector<Value> out, current;
    for (const auto& item : v.iterate()) {
        current.push_back(item);
        if (int64_t(current.size()) == size) {
            out.push_back(Value::list(std::move(current)));
            current.clear();
        }
    }
    if (!current.empty()) {
        if (!fill.isNone())
            while (int64_t(current.size()) < size)
                current.push_back(fill);
        out.push_back(Value::list(std::move(current)));
    }
    return Value::list(std::move(out));
}

const std::unordered_map<std::string, FilterFn>& filterTable()
{
    static const std::unordered_map<std::string, FilterFn> table = {
        {"default", filterDefault}, {"d", filterDefault}, {"length", filterLength}, {"count", filterLength},
        {"trim", filterTrim}, {"upper", filterUpper}, {"lower", filterLower}, {"capitalize", filterCapitalize},
        {"title", filterTitle}, {"string", filterString}, {"safe", filterSafe}, {"escape", filterEscape},
        {"e", filterEscape}, {"forceescape", filterForceEscape}, {"join", filterJoin}, {"replace", filterReplace},
        {"tojson", filterToJson}, {"items", filterItems}, {"first", filterFirst}, {"last", filterLast},
        {"list", filterList}, {"map", filterMap}, {"select", filterSelect}, {"reject", filterReject},
        {"selectattr", filterSelectAttr}, {"rejectattr", filterRejectAttr}, {"indent", filterIndent},
        {"int", filterInt}, {"float", filterFloat}, {"round", filterRound}, {"abs", filterAbs},
        {"sort", filterSort}, {"dictsort", filterDictSort}, {"unique", filterUnique}, {"reverse", filterReverse},
        {"min", filterMin}, {"max", filterMax}, {"sum", filterSum}, {"wordcount", filterWordCount},
        {"center", filterCenter}, {"attr", filterAttr}, {"batch", filterBatch},
    };
    return table;
}

} // namespace

Value Interpreter::applyFilter(const std::string& name, const Value& input, CallArgs& args)
{
    const auto& table = filterTable();
    const auto it = table.find(name);
    if (it == table.end())
        raiseRender("unsupported filter '" + name + "'");
    // Jinja2 filters that format text treat Undefined as ""; the rest see it as it is.
    return it->second(*this, input, args);
}

bool isKnownFilter(const std::string& name) { return filterTable().count(name) != 0; }

} // namespace agora::chat::jinja
