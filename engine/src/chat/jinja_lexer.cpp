#include "chat/jinja_lexer.h"

#include "chat/jinja_value.h"
#include "core/utf8.h"

#include <cstdlib>
#include <cstring>

namespace agora::chat::jinja {
namespace {

[[noreturn]] void syntaxError(const std::string& what, int line)
{
    throw TemplateError(TemplateError::Kind::Syntax, what + " at line " + std::to_string(line));
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool isNameStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool isNameChar(char c) { return isNameStart(c) || (c >= '0' && c <= '9'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Jinja2 joins the template's lines with "\n" and, without keep_trailing_newline, drops the
// final empty line: one trailing newline disappears.
std::string normalizeNewlines(std::string_view source)
{
    std::string out;
    out.reserve(source.size());
    for (size_t i = 0; i < source.size(); ++i) {
        if (source[i] == '\r') {
            out += '\n';
            if (i + 1 < source.size() && source[i + 1] == '\n')
                ++i;
        } else {
            out += source[i];
        }
    }
    if (!out.empty() && out.back() == '\n')
        out.pop_back();
    return out;
}

class Lexer {
public:
    explicit Lexer(std::string source) : m_src(std::move(source)) {}

    std::vector<Token> run()
    {
        bool lineStarting = true; // Jinja2's "the previous match ended with a newline"
        while (m_pos < m_src.size()) {
            const size_t tagStart = findTagStart(m_pos);
            std::string text = m_src.substr(m_pos, tagStart - m_pos);
            if (tagStart == m_src.size()) {
                emitText(std::move(text));
                m_pos = tagStart;
                break;
            }
            const char kind = m_src[tagStart + 1]; // '{', '%' or '#'
            const char control = tagStart + 2 < m_src.size() ? m_src[tagStart + 2] : '\0';
            applyLeftControl(text, kind, control, lineStarting);
            countLines(m_pos, tagStart);
            emitText(std::move(text));
            m_pos = tagStart + 2 + ((control == '-' || control == '+') ? 1 : 0);
            if (kind == '#')
                lexComment();
            else if (kind == '%' && isRawTag())
                lexRaw();
            else
                lexTag(kind == '{');
            lineStarting = m_pos > 0 && m_src[m_pos - 1] == '\n';
        }
        m_tokens.push_back(Token{TokenType::End, {}, 0, 0, m_line});
        return std::move(m_tokens);
    }

private:
    size_t findTagStart(size_t from) const
    {
        size_t p = from;
        while ((p = m_src.find('{', p)) != std::string::npos) {
            if (p + 1 < m_src.size() && (m_src[p + 1] == '{' || m_src[p + 1] == '%' || m_src[p + 1] == '#'))
                return p;
            ++p;
        }
        return m_src.size();
    }

    void countLines(size_t from, size_t to)
    {
        for (size_t i = from; i < to && i < m_src.size(); ++i)
            if (m_src[i] == '\n')
                ++m_line;
    }

    // `{%-` strips all whitespace before the tag; otherwise lstrip_blocks removes the spaces
    // and tabs between a line start and a block or comment tag (not `{{`, not `{%+`).
    static void applyLeftControl(std::string& text, char kind, char control, bool lineStarting)
    {
        if (control == '-') {
            size_t end = text.size();
            while (end > 0 && isSpace(text[end - 1]))
                --end;
            text.resize(end);
            return;
        }
        if (control == '+' || kind == '{')
            return;
        const size_t lineStart = text.rfind('\n') == std::string::npos ? 0 : text.rfind('\n') + 1;
        if (lineStart == 0 && !lineStarting)
            return;
        if (lineStart == text.size())
            return;
        for (size_t i = lineStart; i < text.size(); ++i)
            if (!isSpace(text[i]))
                return;
        text.resize(lineStart);
    }

    void emitText(std::string text)
    {
        if (text.empty())
            return;
        m_tokens.push_back(Token{TokenType::Text, std::move(text), 0, 0, m_line});
    }

    // After a block or comment tag: `-` eats all following whitespace, `+` keeps it, and the
    // default (trim_blocks) eats one newline.
    void applyRightControl(char control, bool trimBlocks)
    {
        if (control == '-') {
            while (m_pos < m_src.size() && isSpace(m_src[m_pos])) {
                if (m_src[m_pos] == '\n')
                    ++m_line;
                ++m_pos;
            }
        } else if (control != '+' && trimBlocks && m_pos < m_src.size() && m_src[m_pos] == '\n') {
            ++m_pos;
            ++m_line;
        }
    }

    void lexComment()
    {
        const int startLine = m_line;
        const size_t end = m_src.find("#}", m_pos);
        if (end == std::string::npos)
            syntaxError("unterminated comment", startLine);
        const char control = end > m_pos && (m_src[end - 1] == '-' || m_src[end - 1] == '+') ? m_src[end - 1] : '\0';
        countLines(m_pos, end);
        m_pos = end + 2;
        applyRightControl(control, true);
    }

    bool isRawTag() const
    {
        size_t p = m_pos;
        while (p < m_src.size() && isSpace(m_src[p]))
            ++p;
        if (m_src.compare(p, 3, "raw") != 0)
            return false;
        p += 3;
        return p < m_src.size() && !isNameChar(m_src[p]);
    }

    void lexRaw()
    {
        const int startLine = m_line;
        size_t p = m_src.find("raw", m_pos) + 3;
        while (p < m_src.size() && isSpace(m_src[p]))
            ++p;
        char beginControl = '\0';
        if (p < m_src.size() && (m_src[p] == '-' || m_src[p] == '+'))
            beginControl = m_src[p++];
        if (m_src.compare(p, 2, "%}") != 0)
            syntaxError("malformed raw tag", startLine);
        countLines(m_pos, p + 2);
        m_pos = p + 2;
        // Jinja2's raw-begin rule does not apply trim_blocks; only `-%}` strips after it.
        applyRightControl(beginControl == '-' ? '-' : '+', false);
        const size_t bodyStart = m_pos;
        // Find {%[-+]? endraw [-+]?%}
        size_t search = m_pos;
        while (true) {
            const size_t open = m_src.find("{%", search);
            if (open == std::string::npos)
                syntaxError("missing {% endraw %} for the raw block", startLine);
            size_t q = open + 2;
            char leftControl = '\0';
            if (q < m_src.size() && (m_src[q] == '-' || m_src[q] == '+'))
                leftControl = m_src[q++];
            while (q < m_src.size() && isSpace(m_src[q]))
                ++q;
            if (m_src.compare(q, 6, "endraw") != 0) {
                search = open + 2;
                continue;
            }
            q += 6;
            while (q < m_src.size() && isSpace(m_src[q]))
                ++q;
            char rightControl = '\0';
            if (q < m_src.size() && (m_src[q] == '-' || m_src[q] == '+'))
                rightControl = m_src[q++];
            if (m_src.compare(q, 2, "%}") != 0) {
                search = open + 2;
                continue;
            }
            std::string body = m_src.substr(bodyStart, open - bodyStart);
            applyLeftControl(body, '%', leftControl, bodyStart > 0 && m_src[bodyStart - 1] == '\n');
            emitText(std::move(body));
            countLines(bodyStart, q + 2);
            m_pos = q + 2;
            applyRightControl(rightControl, true);
            return;
        }
    }

    void lexTag(bool isVariable)
    {
        const int startLine = m_line;
        m_tokens.push_back(Token{isVariable ? TokenType::VarBegin : TokenType::BlockBegin, {}, 0, 0, m_line});
        const char closeChar = isVariable ? '}' : '%';
        int depth = 0; // open brackets: an end marker inside them is not the end (Jinja's balancing)
        while (true) {
            while (m_pos < m_src.size() && isSpace(m_src[m_pos])) {
                if (m_src[m_pos] == '\n')
                    ++m_line;
                ++m_pos;
            }
            if (m_pos >= m_src.size())
                syntaxError(std::string("unterminated ") + (isVariable ? "'{{' expression" : "'{%' tag"), startLine);
            if (depth == 0) {
                char control = '\0';
                size_t p = m_pos;
                if (m_src[p] == '-' || m_src[p] == '+')
                    control = m_src[p++];
                if (p + 1 < m_src.size() && m_src[p] == closeChar && m_src[p + 1] == '}') {
                    m_pos = p + 2;
                    m_tokens.push_back(Token{isVariable ? TokenType::VarEnd : TokenType::BlockEnd, {}, 0, 0, m_line});
                    applyRightControl(control, !isVariable);
                    return;
                }
            }
            lexOne(depth);
        }
    }

    void lexOne(int& depth)
    {
        const char c = m_src[m_pos];
        Token t;
        t.line = m_line;
        if (isNameStart(c)) {
            const size_t start = m_pos;
            while (m_pos < m_src.size() && isNameChar(m_src[m_pos]))
                ++m_pos;
            t.type = TokenType::Name;
            t.text = m_src.substr(start, m_pos - start);
        } else if (isDigit(c)) {
            lexNumber(t);
        } else if (c == '\'' || c == '"') {
            lexString(t);
        } else {
            static const char* const kOps[] = {"//", "**", "==", "!=", "<=", ">=", "+", "-", "*", "/", "%", "~", "(",
                                               ")", "[", "]", "{", "}", ",", ".", ":", "|", "=", "<", ">", ";"};
            for (const char* op : kOps) {
                const size_t n = std::strlen(op);
                if (m_src.compare(m_pos, n, op) == 0) {
                    t.type = TokenType::Operator;
                    t.text = op;
                    m_pos += n;
                    break;
                }
            }
            if (t.type != TokenType::Operator)
                syntaxError(std::string("unexpected character '") + c + "'", m_line);
            if (t.text == "(" || t.text == "[" || t.text == "{")
                ++depth;
            else if ((t.text == ")" || t.text == "]" || t.text == "}") && depth > 0)
                --depth;
        }
        m_tokens.push_back(std::move(t));
    }

    void lexNumber(Token& t)
    {
        const size_t start = m_pos;
        const bool afterDot = !m_tokens.empty() && m_tokens.back().type == TokenType::Operator && m_tokens.back().text == ".";
        std::string digits;
        auto takeDigits = [&] {
            while (m_pos < m_src.size() && (isDigit(m_src[m_pos]) || (m_src[m_pos] == '_' && m_pos + 1 < m_src.size() && isDigit(m_src[m_pos + 1])))) {
                if (m_src[m_pos] != '_')
                    digits += m_src[m_pos];
                ++m_pos;
            }
        };
        takeDigits();
        bool isFloat = false;
        if (!afterDot && m_pos + 1 < m_src.size() && m_src[m_pos] == '.' && isDigit(m_src[m_pos + 1])) {
            isFloat = true;
            digits += '.';
            ++m_pos;
            takeDigits();
        }
        if (!afterDot && m_pos < m_src.size() && (m_src[m_pos] == 'e' || m_src[m_pos] == 'E')) {
            size_t p = m_pos + 1;
            if (p < m_src.size() && (m_src[p] == '+' || m_src[p] == '-'))
                ++p;
            if (p < m_src.size() && isDigit(m_src[p])) {
                isFloat = true;
                digits += 'e';
                digits.append(m_src, m_pos + 1, p - m_pos - 1);
                m_pos = p;
                takeDigits();
            }
        }
        (void)start;
        if (isFloat) {
            t.type = TokenType::Float;
            t.floatValue = std::strtod(digits.c_str(), nullptr); // overflow gives inf, as Python
        } else {
            t.type = TokenType::Int;
            try {
                t.intValue = std::stoll(digits);
            } catch (const std::exception&) {
                syntaxError("integer literal too large", m_line);
            }
        }
        t.text = digits;
    }

    void lexString(Token& t)
    {
        const char quote = m_src[m_pos++];
        const int startLine = m_line;
        std::string out;
        while (true) {
            if (m_pos >= m_src.size())
                syntaxError("unterminated string literal", startLine);
            const char c = m_src[m_pos++];
            if (c == quote)
                break;
            if (c == '\n')
                ++m_line;
            if (c != '\\') {
                out += c;
                continue;
            }
            if (m_pos >= m_src.size())
                syntaxError("unterminated string literal", startLine);
            const char e = m_src[m_pos++];
            switch (e) {
            case 'n': out += '\n'; break;
            case 't': out += '\t'; break;
            case 'r': out += '\r'; break;
            case '0': out += '\0'; break;
            case 'a': out += '\a'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'v': out += '\v'; break;
            case '\\': out += '\\'; break;
            case '\'': out += '\''; break;
            case '"': out += '"'; break;
            case '\n': ++m_line; break; // line continuation
            case 'x':
            case 'u':
            case 'U': {
                const size_t n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                if (m_pos + n > m_src.size())
                    syntaxError("truncated \\" + std::string(1, e) + " escape", m_line);
                uint32_t cp = 0;
                for (size_t i = 0; i < n; ++i) {
                    const char h = m_src[m_pos + i];
                    uint32_t d;
                    if (h >= '0' && h <= '9') d = uint32_t(h - '0');
                    else if (h >= 'a' && h <= 'f') d = uint32_t(h - 'a' + 10);
                    else if (h >= 'A' && h <= 'F') d = uint32_t(h - 'A' + 10);
                    else syntaxError("invalid \\" + std::string(1, e) + " escape", m_line);
                    cp = cp * 16 + d;
                }
                m_pos += n;
                utf8::append(out, cp);
                break;
            }
            default: // Python keeps unknown escapes verbatim
                out += '\\';
                out += e;
            }
        }
        t.type = TokenType::String;
        t.text = std::move(out);
    }

    std::string m_src;
    size_t m_pos = 0;
    int m_line = 1;
    std::vector<Token> m_tokens;
};

} // namespace

std::vector<Token> tokenize(std::string_view source)
{
    return Lexer(normalizeNewlines(source)).run();
}

} // namespace agora::chat::jinja
