// The Jinja parser's state and grammar (internal to jinja_parser*.cpp): statements are parsed
// in jinja_parser.cpp, expressions in jinja_expression_parser.cpp, following Jinja2's grammar
// and operator precedence.
#pragma once

#include "chat/jinja_ast.h"
#include "chat/jinja_lexer.h"

#include <initializer_list>
#include <string>
#include <vector>

namespace agora::chat::jinja {

class Parser {
public:
    explicit Parser(std::vector<Token> tokens) : m_tokens(std::move(tokens)) {}

    std::shared_ptr<const Template> run()
    {
        auto tmpl = std::make_shared<Template>();
        std::string endTag;
        tmpl->body = parseBody({}, endTag);
        return tmpl;
    }

private:
    // ---- token helpers ------------------------------------------------------------------

    const Token& next() { return m_tokens[m_pos < m_tokens.size() - 1 ? m_pos++ : m_pos]; }

    const Token& peek(size_t ahead = 0) const
    {
        const size_t i = m_pos + ahead;
        return i < m_tokens.size() ? m_tokens[i] : m_tokens.back();
    }

    bool isOp(const char* op, size_t ahead = 0) const
    {
        const Token& t = peek(ahead);
        return t.type == TokenType::Operator && t.text == op;
    }

    bool isName(const char* name, size_t ahead = 0) const
    {
        const Token& t = peek(ahead);
        return t.type == TokenType::Name && t.text == name;
    }

    bool skipOp(const char* op)
    {
        if (!isOp(op))
            return false;
        ++m_pos;
        return true;
    }

    bool skipName(const char* name)
    {
        if (!isName(name))
            return false;
        ++m_pos;
        return true;
    }

    static std::string describe(const Token& t)
    {
        switch (t.type) {
        case TokenType::Text: return "template text";
        case TokenType::VarBegin: return "'{{'";
        case TokenType::VarEnd: return "'}}'";
        case TokenType::BlockBegin: return "'{%'";
        case TokenType::BlockEnd: return "'%}'";
        case TokenType::Name: return "'" + t.text + "'";
        case TokenType::String: return "a string";
        case TokenType::Int:
        case TokenType::Float: return "a number";
        case TokenType::Operator: return "'" + t.text + "'";
        case TokenType::End: return "the end of the template";
        }
        return "?";
    }

    [[noreturn]] void fail(const std::string& what) const
    {
        throw TemplateError(TemplateError::Kind::Syntax, what + " at line " + std::to_string(peek().line));
    }

    void expectOp(const char* op)
    {
        if (!skipOp(op))
            expected(std::string("'") + op + "'");
    }

    std::string expectName()
    {
        if (peek().type != TokenType::Name)
            expected("a name");
        return next().text;
    }

    void expectBlockEnd()
    {
        if (peek().type != TokenType::BlockEnd)
            expected("'%}'");
        ++m_pos;
    }

    ExprPtr makeExpr(ExprKind kind, int line)
    {
        auto e = std::make_unique<Expr>();
        e->kind = kind;
        e->line = line;
        return e;
    }

    [[noreturn]] void expected(const std::string& what) const { fail("expected " + what + ", got " + describe(peek())); }

    // Deeply nested input must fail cleanly rather than overflow the stack.
    struct DepthGuard {
        explicit DepthGuard(Parser& p) : parser(p)
        {
            if (++parser.m_depth > kMaxDepth)
                parser.fail("expression or block nested deeper than " + std::to_string(kMaxDepth) + " levels");
        }
        ~DepthGuard() { --parser.m_depth; }
        Parser& parser;
    };
    static constexpr int kMaxDepth = 200;

    // ---- statements (jinja_parser.cpp) ----------------------------------------------------

    // Parses statements until one of endTags opens a block; that tag's name goes to endTag and
    // the parser stands after the tag name. With no end tags, parses to the end of input.
    Body parseBody(std::initializer_list<const char*> endTags, std::string& endTag);
    StmtPtr parseStatement(const std::string& tag, int line);
    std::vector<std::string> parseTargets();
    std::vector<MacroParam> parseParams();

    // ---- expressions (jinja_expression_parser.cpp) ----------------------------------------

    ExprPtr parseTuple(bool allowTuple);
    ExprPtr parseTupleNoCondition();
    ExprPtr parseExpression();
    ExprPtr parseOr();
    ExprPtr parseAnd();
    ExprPtr parseNot();
    ExprPtr parseCompare();
    ExprPtr binary(ExprPtr left, std::string op, ExprPtr right, int line);
    ExprPtr parseMath1();
    ExprPtr parseConcat();
    ExprPtr parseMath2();
    ExprPtr parsePow();
    ExprPtr parseUnary(bool withFilter);
    ExprPtr parsePrimary();
    ExprPtr literal(Value v, int line);
    ExprPtr parsePostfix(ExprPtr node);
    ExprPtr parseSubscript(ExprPtr node, int line);
    Arguments parseCallArgs();
    ExprPtr parseFilterExpr(ExprPtr node);
    ExprPtr parseFilterChain(ExprPtr node, bool leadingPipe = true);
    ExprPtr parseTest(ExprPtr node);

    std::vector<Token> m_tokens;
    size_t m_pos = 0;
    int m_depth = 0;
};

} // namespace agora::chat::jinja
