#include "core/json.h"
#include "core/utf8.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace agora::json {

// ---------------------------------------------------------------------------------------------
// Value helpers
// ---------------------------------------------------------------------------------------------

const Value* Value::find(std::string_view key) const
{
    if (!isObject())
        return nullptr;
    for (const auto& [k, v] : asObject())
        if (k == key)
            return &v;
    return nullptr;
}

void Value::set(std::string key, Value value)
{
    if (!isObject())
        m_data = Object{};
    Object& object = asObject();
    for (auto& [k, v] : object) {
        if (k == key) {
            v = std::move(value);
            return;
        }
    }
    object.emplace_back(std::move(key), std::move(value));
}

std::string Value::stringOr(std::string_view key, std::string fallback) const
{
    const Value* v = find(key);
    return v && v->isString() ? v->asString() : fallback;
}

// ---------------------------------------------------------------------------------------------
// Parser
// ---------------------------------------------------------------------------------------------

namespace {

class Parser {
public:
    Parser(std::string_view text, ParseOptions options) : m_text(text), m_options(options) {}

    Result<Value> parseDocument()
    {
        skipWhitespace();
        Value v;
        if (!parseValue(v, 0))
            return makeError(ErrorCode::BadFormat, m_error);
        skipWhitespace();
        if (m_pos != m_text.size()) {
            fail("unexpected text after the JSON value");
            return makeError(ErrorCode::BadFormat, m_error);
        }
        return v;
    }

private:
    bool fail(const std::string& what)
    {
        if (!m_error.empty())
            return false;
        // Line and column (1-based, column counted in characters) of m_pos.
        size_t line = 1, column = 1;
        for (size_t i = 0; i < m_pos && i < m_text.size(); ++i) {
            const unsigned char c = static_cast<unsigned char>(m_text[i]);
            if (c == '\n') {
                ++line;
                column = 1;
            } else if ((c & 0xC0) != 0x80) {
                ++column;
            }
        }
        m_error = "JSON error at line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + what;
        return false;
    }

    void skipWhitespace()
    {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                break;
            ++m_pos;
        }
    }

    bool atEnd() const { return m_pos >= m_text.size(); }

    bool parseValue(Value& out, int depth)
    {
        if (depth > m_options.maxDepth)
            return fail("nesting deeper than " + std::to_string(m_options.maxDepth) + " levels");
        if (atEnd())
            return fail("unexpected end of input, expected a value");
        const char c = m_text[m_pos];
        switch (c) {
        case '{': return parseObject(out, depth);
        case '[': return parseArray(out, depth);
        case '"': {
            std::string s;
            if (!parseString(s))
                return false;
            out = Value(std::move(s));
            return true;
        }
        case 't': return parseLiteral("true", Value(true), out);
        case 'f': return parseLiteral("false", Value(false), out);
        case 'n': return parseLiteral("null", Value(), out);
        default:
            if (c == '-' || (c >= '0' && c <= '9'))
                return parseNumber(out);
            return fail(std::string("unexpected character '") + printable(c) + "'");
        }
    }

    static std::string printable(char c)
    {
        const unsigned char u = static_cast<unsigned char>(c);
        if (u < 0x20 || u >= 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", u);
            return buf;
        }
        return std::string(1, c);
    }

    bool parseLiteral(std::string_view word, Value value, Value& out)
    {
        if (m_text.substr(m_pos, word.size()) != word)
            return fail("invalid literal, expected '" + std::string(word) + "'");
        m_pos += word.size();
        out = std::move(value);
        return true;
    }

    bool parseNumber(Value& out)
    {
        const size_t start = m_pos;
        bool isFloat = false;
        if (m_text[m_pos] == '-')
            ++m_pos;
        if (atEnd() || !isDigit(m_text[m_pos]))
            return fail("a number needs digits");
        if (m_text[m_pos] == '0') {
            ++m_pos;
            if (!atEnd() && isDigit(m_text[m_pos]))
                return fail("numbers must not have leading zeros");
        } else {
            while (!atEnd() && isDigit(m_text[m_pos]))
                ++m_pos;
        }
        if (!atEnd() && m_text[m_pos] == '.') {
            isFloat = true;
            ++m_pos;
            if (atEnd() || !isDigit(m_text[m_pos]))
                return fail("a fraction needs digits after '.'");
            while (!atEnd() && isDigit(m_text[m_pos]))
                ++m_pos;
        }
        if (!atEnd() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
            isFloat = true;
            ++m_pos;
            if (!atEnd() && (m_text[m_pos] == '+' || m_text[m_pos] == '-'))
                ++m_pos;
            if (atEnd() || !isDigit(m_text[m_pos]))
                return fail("an exponent needs digits");
            while (!atEnd() && isDigit(m_text[m_pos]))
                ++m_pos;
        }
        const char* first = m_text.data() + start;
        const char* last = m_text.data() + m_pos;
        if (!isFloat) {
            int64_t i = 0;
            auto [ptr, ec] = std::from_chars(first, last, i);
            if (ec == std::errc() && ptr == last) {
                out = Value(i);
                return true;
            }
            // Too large for int64: keep it as a double like most JSON readers.
        }
        double d = 0;
        auto [ptr, ec] = std::from_chars(first, last, d);
        if (ptr != last || (ec != std::errc() && ec != std::errc::result_out_of_range))
            return fail("malformed number");
        out = Value(d);
        return true;
    }

    static bool isDigit(char c) { return c >= '0' && c <= '9'; }

    bool parseHex4(uint32_t& out)
    {
        if (m_pos + 4 > m_text.size())
            return fail("truncated \\u escape");
        out = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_text[m_pos + i];
            uint32_t d;
            if (c >= '0' && c <= '9') d = uint32_t(c - '0');
            else if (c >= 'a' && c <= 'f') d = uint32_t(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') d = uint32_t(c - 'A' + 10);
            else return fail("invalid hex digit in \\u escape");
            out = out * 16 + d;
        }
        m_pos += 4;
        return true;
    }

    // Validates one UTF-8 sequence starting at m_pos (first byte >= 0x80) and copies it.
    bool copyUtf8Sequence(std::string& s)
    {
        const auto byteAt = [&](size_t i) { return static_cast<unsigned char>(m_text[i]); };
        const unsigned char lead = byteAt(m_pos);
        int extra;
        uint32_t cp;
        if (lead >= 0xC2 && lead <= 0xDF) { extra = 1; cp = lead & 0x1F; }
        else if (lead >= 0xE0 && lead <= 0xEF) { extra = 2; cp = lead & 0x0F; }
        else if (lead >= 0xF0 && lead <= 0xF4) { extra = 3; cp = lead & 0x07; }
        else return fail("invalid UTF-8 byte in string");
        if (m_pos + size_t(extra) >= m_text.size())
            return fail("truncated UTF-8 sequence in string");
        for (int i = 1; i <= extra; ++i) {
            const unsigned char b = byteAt(m_pos + size_t(i));
            if ((b & 0xC0) != 0x80)
                return fail("invalid UTF-8 continuation byte in string");
            cp = (cp << 6) | (b & 0x3F);
        }
        const bool overlong = (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000);
        if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return fail("invalid UTF-8 sequence in string");
        s.append(m_text.substr(m_pos, size_t(extra) + 1));
        m_pos += size_t(extra) + 1;
        return true;
    }

    bool parseString(std::string& s)
    {
        ++m_pos; // opening quote
        while (true) {
            if (atEnd())
                return fail("unterminated string");
            const char c = m_text[m_pos];
            const unsigned char u = static_cast<unsigned char>(c);
            if (c == '"') {
                ++m_pos;
                return true;
            }
            if (u < 0x20)
                return fail("control character in string (escape it as \\u" + std::string(u < 0x10 ? "000" : "00") + "...)");
            if (u >= 0x80) {
                if (!copyUtf8Sequence(s))
                    return false;
                continue;
            }
            if (c != '\\') {
                s += c;
                ++m_pos;
                continue;
            }
            ++m_pos;
            if (atEnd())
                return fail("unterminated escape");
            const char e = m_text[m_pos++];
            switch (e) {
            case '"': s += '"'; break;
            case '\\': s += '\\'; break;
            case '/': s += '/'; break;
            case 'b': s += '\b'; break;
            case 'f': s += '\f'; break;
            case 'n': s += '\n'; break;
            case 'r': s += '\r'; break;
            case 't': s += '\t'; break;
            case 'u': {
                uint32_t cp = 0;
                if (!parseHex4(cp))
                    return false;
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    if (m_text.substr(m_pos, 2) != "\\u")
                        return fail("high surrogate without a following low surrogate");
                    m_pos += 2;
                    uint32_t low = 0;
                    if (!parseHex4(low))
                        return false;
                    if (low < 0xDC00 || low > 0xDFFF)
                        return fail("high surrogate followed by something other than a low surrogate");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    return fail("lone low surrogate in \\u escape");
                }
                utf8::append(s, cp);
                break;
            }
            default:
                --m_pos;
                return fail(std::string("invalid escape '\\") + printable(e) + "'");
            }
        }
    }

    bool parseArray(Value& out, int depth)
    {
        ++m_pos;
        Array items;
        skipWhitespace();
        if (!atEnd() && m_text[m_pos] == ']') {
            ++m_pos;
            out = Value(std::move(items));
            return true;
        }
        while (true) {
            skipWhitespace();
            Value item;
            if (!parseValue(item, depth + 1))
                return false;
            items.push_back(std::move(item));
            skipWhitespace();
            if (atEnd())
                return fail("unterminated array, expected ',' or ']'");
            if (m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_text[m_pos] == ']') {
                ++m_pos;
                out = Value(std::move(items));
                return true;
            }
            return fail("expected ',' or ']' in array");
        }
    }

    bool parseObject(Value& out, int depth)
    {
        ++m_pos;
        Value object{Object{}};
        skipWhitespace();
        if (!atEnd() && m_text[m_pos] == '}') {
            ++m_pos;
            out = std::move(object);
            return true;
        }
        while (true) {
            skipWhitespace();
            if (atEnd() || m_text[m_pos] != '"')
                return fail("expected a string key in object");
            std::string key;
            if (!parseString(key))
                return false;
            skipWhitespace();
            if (atEnd() || m_text[m_pos] != ':')
                return fail("expected ':' after object key");
            ++m_pos;
            skipWhitespace();
            Value item;
            if (!parseValue(item, depth + 1))
                return false;
            object.set(std::move(key), std::move(item)); // duplicate keys: last wins, like Python
            skipWhitespace();
            if (atEnd())
                return fail("unterminated object, expected ',' or '}'");
            if (m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_text[m_pos] == '}') {
                ++m_pos;
                out = std::move(object);
                return true;
            }
            return fail("expected ',' or '}' in object");
        }
    }

    std::string_view m_text;
    ParseOptions m_options;
    size_t m_pos = 0;
    std::string m_error;
};

} // namespace

Result<Value> parse(std::string_view text, ParseOptions options)
{
    return Parser(text, options).parseDocument();
}

// ---------------------------------------------------------------------------------------------
// Writer
// ---------------------------------------------------------------------------------------------

std::string pythonFloatRepr(double value)
{
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value < 0 ? "-inf" : "inf";
    if (value == 0)
        return std::signbit(value) ? "-0.0" : "0.0";
    // Shortest round-trip digits, then laid out the way Python's repr does: positional for
    // exponents in [-4, 16), scientific with a two-digit exponent otherwise.
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
    std::string sci(buf, res.ptr);
    std::string sign;
    if (sci[0] == '-') {
        sign = "-";
        sci.erase(0, 1);
    }
    const size_t ePos = sci.find('e');
    std::string digits = sci.substr(0, ePos);
    digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
    const int exponent = std::stoi(sci.substr(ePos + 1));
    if (exponent >= -4 && exponent < 16) {
        std::string out;
        if (exponent < 0) {
            out = "0." + std::string(size_t(-exponent - 1), '0') + digits;
        } else {
            const size_t intDigits = size_t(exponent) + 1;
            if (digits.size() <= intDigits) {
                out = digits + std::string(intDigits - digits.size(), '0') + ".0";
            } else {
                out = digits.substr(0, intDigits) + "." + digits.substr(intDigits);
            }
        }
        return sign + out;
    }
    std::string mantissa = digits.substr(0, 1);
    if (digits.size() > 1)
        mantissa += "." + digits.substr(1);
    char expBuf[16];
    std::snprintf(expBuf, sizeof expBuf, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
    return sign + mantissa + expBuf;
}

void appendQuoted(std::string& out, std::string_view s, bool asciiOnly)
{
    out += '"';
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        switch (c) {
        case '"': out += "\\\""; continue;
        case '\\': out += "\\\\"; continue;
        case '\n': out += "\\n"; continue;
        case '\r': out += "\\r"; continue;
        case '\t': out += "\\t"; continue;
        case '\b': out += "\\b"; continue;
        case '\f': out += "\\f"; continue;
        default: break;
        }
        char buf[16];
        if (c < 0x20 || c == 0x7f) {
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else if (c >= 0x80 && asciiOnly) {
            // Decode one UTF-8 sequence; invalid bytes are written as U+FFFD.
            uint32_t cp = 0xFFFD;
            int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
            if (extra > 0 && i + size_t(extra) < s.size()) {
                cp = c & (0x3F >> extra);
                for (int k = 1; k <= extra; ++k)
                    cp = (cp << 6) | (static_cast<unsigned char>(s[i + size_t(k)]) & 0x3F);
                i += size_t(extra);
            }
            if (cp >= 0x10000) {
                cp -= 0x10000;
                std::snprintf(buf, sizeof buf, "\\u%04x\\u%04x", 0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
            } else {
                std::snprintf(buf, sizeof buf, "\\u%04x", cp);
            }
            out += buf;
        } else {
            out += char(c);
        }
    }
    out += '"';
}

namespace {

void writeValue(std::string& out, const Value& v, const WriteOptions& o, int level)
{
    const std::string itemSep = o.itemSeparator.empty() ? "," : o.itemSeparator;
    const std::string keySep = !o.keySeparator.empty() ? o.keySeparator : (o.indent >= 0 ? ": " : ":");
    const auto newline = [&](int lvl) {
        if (o.indent >= 0) {
            out += '\n';
            out.append(size_t(o.indent) * size_t(lvl), ' ');
        }
    };
    switch (v.type()) {
    case Type::Null: out += "null"; break;
    case Type::Bool: out += v.asBool() ? "true" : "false"; break;
    case Type::Int: out += std::to_string(v.asInt()); break;
    case Type::Float: {
        const double d = v.asNumber();
        if (std::isnan(d)) out += "NaN";
        else if (std::isinf(d)) out += d < 0 ? "-Infinity" : "Infinity";
        else out += pythonFloatRepr(d);
        break;
    }
    case Type::String: appendQuoted(out, v.asString(), o.asciiOnly); break;
    case Type::List: {
        const Array& a = v.asArray();
        if (a.empty()) {
            out += "[]";
            break;
        }
        out += '[';
        for (size_t i = 0; i < a.size(); ++i) {
            if (i)
                out += itemSep;
            newline(level + 1);
            writeValue(out, a[i], o, level + 1);
        }
        newline(level);
        out += ']';
        break;
    }
    case Type::Map: {
        const Object& obj = v.asObject();
        if (obj.empty()) {
            out += "{}";
            break;
        }
        std::vector<const std::pair<std::string, Value>*> items;
        for (const auto& kv : obj)
            items.push_back(&kv);
        if (o.sortKeys)
            std::stable_sort(items.begin(), items.end(), [](auto* a, auto* b) { return a->first < b->first; });
        out += '{';
        for (size_t i = 0; i < items.size(); ++i) {
            if (i)
                out += itemSep;
            newline(level + 1);
            appendQuoted(out, items[i]->first, o.asciiOnly);
            out += keySep;
            writeValue(out, items[i]->second, o, level + 1);
        }
        newline(level);
        out += '}';
        break;
    }
    }
}

} // namespace

std::string write(const Value& value, const WriteOptions& options)
{
    std::string out;
    writeValue(out, value, options, 0);
    return out;
}

} // namespace agora::json
