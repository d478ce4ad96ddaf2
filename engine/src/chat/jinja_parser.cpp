#include "chat/jinja_parser.h"

#include "chat/jinja_lexer.h"

#include <initializer_list>

namespace agora::chat::jinja {
namespace {

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

    const Token& peek(size_t ahead = 0) const
    {
        const size_t i = m_pos + ahead;
        return i < m_tokens.size() ? m_tokens[i] : m_tokens.back();
    }
    const Token& next() { return m_tokens[m_pos < m_tokens.size() - 1 ? m_pos++ : m_pos]; }

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
    [[noreturn]] void expected(const std::string& what) const { fail("expected " + what + ", got " + describe(peek())); }

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

    // ---- statements -------------------------------------------------------------------

    // Parses statements until one of endTags opens a block; that tag's name goes to endTag and
    // the parser stands after the tag name. With no end tags, parses to the end of input.
    Body parseBody(std::initializer_list<const char*> endTags, std::string& endTag)
    {
        Body body;
        while (true) {
            const Token& t = peek();
            if (t.type == TokenType::End) {
                if (endTags.size() != 0) {
                    std::string list;
                    for (const char* e : endTags)
                        list += std::string(list.empty() ? "" : " or ") + "'" + e + "'";
                    fail("unexpected end of template, expected " + list);
                }
                return body;
            }
            if (t.type == TokenType::Text) {
                auto s = std::make_unique<Stmt>();
                s->kind = StmtKind::Text;
                s->line = t.line;
                s->text = t.text;
                body.push_back(std::move(s));
                ++m_pos;
                continue;
            }
            if (t.type == TokenType::VarBegin) {
                ++m_pos;
                auto s = std::make_unique<Stmt>();
                s->kind = StmtKind::Output;
                s->line = t.line;
                s->expr = parseTuple(true);
                if (peek().type != TokenType::VarEnd)
                    expected("'}}'");
                ++m_pos;
                body.push_back(std::move(s));
                continue;
            }
            if (t.type != TokenType::BlockBegin)
                expected("text or a tag");
            const Token& nameTok = peek(1);
            if (nameTok.type != TokenType::Name) {
                ++m_pos;
                expected("a tag name");
            }
            for (const char* e : endTags) {
                if (nameTok.text == e) {
                    m_pos += 2;
                    endTag = e;
                    return body;
                }
            }
            m_pos += 2;
            body.push_back(parseStatement(nameTok.text, nameTok.line));
        }
    }

    StmtPtr parseStatement(const std::string& tag, int line)
    {
        DepthGuard guard(*this);
        auto s = std::make_unique<Stmt>();
        s->line = line;
        std::string endTag;
        if (tag == "if") {
            s->kind = StmtKind::If;
            s->conditions.push_back(parseTuple(false));
            expectBlockEnd();
            while (true) {
                s->bodies.push_back(parseBody({"elif", "else", "endif"}, endTag));
                if (endTag == "elif") {
                    s->conditions.push_back(parseTuple(false));
                    expectBlockEnd();
                    continue;
                }
                if (endTag == "else") {
                    expectBlockEnd();
                    s->elseBody = parseBody({"endif"}, endTag);
                }
                expectBlockEnd();
                break;
            }
        } else if (tag == "for") {
            s->kind = StmtKind::For;
            s->targets = parseTargets();
            if (!skipName("in"))
                expected("'in'");
            s->expr = parseTupleNoCondition();
            if (skipName("if"))
                s->condition = parseTuple(false);
            if (isName("recursive"))
                fail("unsupported recursive for loop");
            expectBlockEnd();
            s->body = parseBody({"else", "endfor"}, endTag);
            if (endTag == "else") {
                expectBlockEnd();
                s->elseBody = parseBody({"endfor"}, endTag);
            }
            expectBlockEnd();
        } else if (tag == "set") {
            std::vector<std::string> targets = parseTargets();
            if (targets.size() == 1 && skipOp(".")) {
                s->attribute = expectName();
            }
            s->targets = std::move(targets);
            if (skipOp("=")) {
                s->kind = StmtKind::Set;
                s->expr = parseTuple(true);
                expectBlockEnd();
            } else {
                if (s->targets.size() != 1 || !s->attribute.empty())
                    expected("'=' (a block set assigns one name)");
                s->kind = StmtKind::SetBlock;
                if (isOp("|")) {
                    s->expr = parseFilterChain(nullptr);
                }
                expectBlockEnd();
                s->body = parseBody({"endset"}, endTag);
                expectBlockEnd();
            }
        } else if (tag == "macro") {
            s->kind = StmtKind::Macro;
            s->text = expectName();
            s->params = parseParams();
            expectBlockEnd();
            s->body = parseBody({"endmacro"}, endTag);
            skipName(s->text.c_str());
            expectBlockEnd();
        } else if (tag == "call") {
            s->kind = StmtKind::CallBlock;
            if (isOp("("))
                s->params = parseParams();
            s->expr = parseExpression();
            if (s->expr->kind != ExprKind::Call)
                fail("expected a macro call in the call block");
            expectBlockEnd();
            s->body = parseBody({"endcall"}, endTag);
            expectBlockEnd();
        } else if (tag == "filter") {
            s->kind = StmtKind::FilterBlock;
            s->expr = parseFilterChain(nullptr, /*leadingPipe=*/false);
            expectBlockEnd();
            s->body = parseBody({"endfilter"}, endTag);
            expectBlockEnd();
        } else if (tag == "break" || tag == "continue") {
            s->kind = tag == "break" ? StmtKind::Break : StmtKind::Continue;
            expectBlockEnd();
        } else if (tag == "generation") {
            // transformers' AssistantTracker marks assistant spans; rendering emits the body.
            s->kind = StmtKind::Scope;
            expectBlockEnd();
            s->body = parseBody({"endgeneration"}, endTag);
            expectBlockEnd();
        } else if (tag == "with") {
            s->kind = StmtKind::Scope;
            s->newScope = true;
            while (peek().type != TokenType::BlockEnd) {
                if (!s->assignments.empty())
                    expectOp(",");
                std::string name = expectName();
                expectOp("=");
                s->assignments.emplace_back(std::move(name), parseExpression());
            }
            expectBlockEnd();
            s->body = parseBody({"endwith"}, endTag);
            expectBlockEnd();
        } else if (tag == "do") {
            // {% do expr %} (jinja2.ext.do): evaluate for side effects, print nothing.
            s->kind = StmtKind::Set;
            s->expr = parseTuple(true);
            expectBlockEnd();
        } else {
            m_pos -= 1;
            fail("unsupported tag '" + tag + "'");
        }
        return s;
    }

    std::vector<std::string> parseTargets()
    {
        std::vector<std::string> names;
        const bool paren = skipOp("(");
        names.push_back(expectName());
        while (skipOp(",")) {
            if (peek().type != TokenType::Name)
                break;
            names.push_back(expectName());
        }
        if (paren)
            expectOp(")");
        return names;
    }

    std::vector<MacroParam> parseParams()
    {
        std::vector<MacroParam> params;
        expectOp("(");
        while (!skipOp(")")) {
            if (!params.empty())
                expectOp(",");
            if (skipOp(")"))
                break;
            MacroParam p;
            p.name = expectName();
            if (skipOp("="))
                p.defaultValue = parseExpression();
            params.push_back(std::move(p));
        }
        return params;
    }

    // ---- expressions ------------------------------------------------------------------

    ExprPtr parseTuple(bool allowTuple)
    {
        const int line = peek().line;
        ExprPtr first = parseExpression();
        if (!allowTuple || !isOp(","))
            return first;
        auto t = makeExpr(ExprKind::TupleLit, line);
        t->children.push_back(std::move(first));
        while (skipOp(",")) {
            if (peek().type == TokenType::VarEnd || peek().type == TokenType::BlockEnd)
                break;
            t->children.push_back(parseExpression());
        }
        return t;
    }

    // A for loop's iterable: no conditional expression, since `if` starts the loop filter.
    ExprPtr parseTupleNoCondition()
    {
        const int line = peek().line;
        ExprPtr first = parseOr();
        if (!isOp(","))
            return first;
        auto t = makeExpr(ExprKind::TupleLit, line);
        t->children.push_back(std::move(first));
        while (skipOp(","))
            t->children.push_back(parseOr());
        return t;
    }

    ExprPtr parseExpression()
    {
        ExprPtr e = parseOr();
        while (isName("if")) {
            const int line = peek().line;
            ++m_pos;
            auto c = makeExpr(ExprKind::Cond, line);
            c->children.push_back(parseOr());
            c->children.push_back(std::move(e));
            c->children.push_back(skipName("else") ? parseExpression() : nullptr);
            e = std::move(c);
        }
        return e;
    }

    ExprPtr parseOr()
    {
        ExprPtr left = parseAnd();
        while (isName("or")) {
            auto e = makeExpr(ExprKind::Or, next().line);
            e->children.push_back(std::move(left));
            e->children.push_back(parseAnd());
            left = std::move(e);
        }
        return left;
    }

    ExprPtr parseAnd()
    {
        ExprPtr left = parseNot();
        while (isName("and")) {
            auto e = makeExpr(ExprKind::And, next().line);
            e->children.push_back(std::move(left));
            e->children.push_back(parseNot());
            left = std::move(e);
        }
        return left;
    }

    ExprPtr parseNot()
    {
        if (isName("not")) {
            auto e = makeExpr(ExprKind::Unary, next().line);
            e->name = "not";
            e->children.push_back(parseNot());
            return e;
        }
        return parseCompare();
    }

    ExprPtr parseCompare()
    {
        ExprPtr left = parseMath1();
        while (true) {
            std::string op;
            const int line = peek().line;
            if (peek().type == TokenType::Operator &&
                (peek().text == "==" || peek().text == "!=" || peek().text == "<" || peek().text == "<=" ||
                 peek().text == ">" || peek().text == ">=")) {
                op = next().text;
            } else if (isName("in")) {
                ++m_pos;
                op = "in";
            } else if (isName("not") && isName("in", 1)) {
                m_pos += 2;
                op = "not in";
            } else {
                return left;
            }
            auto e = makeExpr(ExprKind::Binary, line);
            e->name = op;
            e->children.push_back(std::move(left));
            e->children.push_back(parseMath1());
            left = std::move(e);
        }
    }

    ExprPtr binary(ExprPtr left, std::string op, ExprPtr right, int line)
    {
        auto e = makeExpr(ExprKind::Binary, line);
        e->name = std::move(op);
        e->children.push_back(std::move(left));
        e->children.push_back(std::move(right));
        return e;
    }

    ExprPtr parseMath1()
    {
        ExprPtr left = parseConcat();
        while (isOp("+") || isOp("-")) {
            const Token& t = next();
            left = binary(std::move(left), t.text, parseConcat(), t.line);
        }
        return left;
    }

    ExprPtr parseConcat()
    {
        ExprPtr left = parseMath2();
        while (isOp("~")) {
            const int line = next().line;
            left = binary(std::move(left), "~", parseMath2(), line);
        }
        return left;
    }

    ExprPtr parseMath2()
    {
        ExprPtr left = parsePow();
        while (isOp("*") || isOp("/") || isOp("//") || isOp("%")) {
            const Token& t = next();
            left = binary(std::move(left), t.text, parsePow(), t.line);
        }
        return left;
    }

    ExprPtr parsePow()
    {
        ExprPtr left = parseUnary(true);
        while (isOp("**")) {
            const int line = next().line;
            left = binary(std::move(left), "**", parseUnary(true), line);
        }
        return left;
    }

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

    ExprPtr parseUnary(bool withFilter)
    {
        DepthGuard guard(*this);
        ExprPtr node;
        if (isOp("-") || isOp("+")) {
            const Token& t = next();
            node = makeExpr(ExprKind::Unary, t.line);
            node->name = t.text;
            node->children.push_back(parseUnary(false));
        } else {
            node = parsePrimary();
        }
        node = parsePostfix(std::move(node));
        if (withFilter)
            node = parseFilterExpr(std::move(node));
        return node;
    }

    ExprPtr parsePrimary()
    {
        const Token& t = peek();
        switch (t.type) {
        case TokenType::Name: {
            ++m_pos;
            if (t.text == "true" || t.text == "True")
                return literal(Value(true), t.line);
            if (t.text == "false" || t.text == "False")
                return literal(Value(false), t.line);
            if (t.text == "none" || t.text == "None")
                return literal(Value::none(), t.line);
            auto e = makeExpr(ExprKind::Name, t.line);
            e->name = t.text;
            return e;
        }
        case TokenType::String: {
            std::string s = next().text;
            while (peek().type == TokenType::String) // adjacent literals concatenate
                s += next().text;
            return literal(Value(std::move(s)), t.line);
        }
        case TokenType::Int: return literal(Value(next().intValue), t.line);
        case TokenType::Float: return literal(Value(next().floatValue), t.line);
        case TokenType::Operator:
            if (t.text == "(") {
                ++m_pos;
                if (skipOp(")")) {
                    auto e = makeExpr(ExprKind::TupleLit, t.line);
                    return e;
                }
                ExprPtr first = parseExpression();
                if (skipOp(")"))
                    return first;
                auto tuple = makeExpr(ExprKind::TupleLit, t.line);
                tuple->children.push_back(std::move(first));
                while (skipOp(",")) {
                    if (isOp(")"))
                        break;
                    tuple->children.push_back(parseExpression());
                }
                expectOp(")");
                return tuple;
            }
            if (t.text == "[") {
                ++m_pos;
                auto e = makeExpr(ExprKind::ListLit, t.line);
                while (!skipOp("]")) {
                    if (!e->children.empty())
                        expectOp(",");
                    if (skipOp("]"))
                        break;
                    e->children.push_back(parseExpression());
                }
                return e;
            }
            if (t.text == "{") {
                ++m_pos;
                auto e = makeExpr(ExprKind::DictLit, t.line);
                while (!skipOp("}")) {
                    if (!e->children.empty())
                        expectOp(",");
                    if (skipOp("}"))
                        break;
                    e->children.push_back(parseExpression());
                    expectOp(":");
                    e->children.push_back(parseExpression());
                }
                return e;
            }
            break;
        default: break;
        }
        expected("an expression");
    }

    ExprPtr literal(Value v, int line)
    {
        auto e = makeExpr(ExprKind::Literal, line);
        e->value = std::move(v);
        return e;
    }

    ExprPtr parsePostfix(ExprPtr node)
    {
        while (true) {
            const int line = peek().line;
            if (skipOp(".")) {
                auto e = makeExpr(ExprKind::Attr, line);
                if (peek().type == TokenType::Int) {
                    // foo.0 is foo[0] in Jinja
                    auto item = makeExpr(ExprKind::Item, line);
                    item->children.push_back(std::move(node));
                    item->children.push_back(literal(Value(next().intValue), line));
                    node = std::move(item);
                    continue;
                }
                e->name = expectName();
                e->children.push_back(std::move(node));
                node = std::move(e);
            } else if (skipOp("[")) {
                node = parseSubscript(std::move(node), line);
            } else if (isOp("(")) {
                auto e = makeExpr(ExprKind::Call, line);
                e->children.push_back(std::move(node));
                e->args = parseCallArgs();
                node = std::move(e);
            } else {
                return node;
            }
        }
    }

    ExprPtr parseSubscript(ExprPtr node, int line)
    {
        ExprPtr parts[3];
        bool isSlice = false;
        if (!isOp(":"))
            parts[0] = parseExpression();
        if (skipOp(":")) {
            isSlice = true;
            if (!isOp("]") && !isOp(":"))
                parts[1] = parseExpression();
            if (skipOp(":") && !isOp("]"))
                parts[2] = parseExpression();
        }
        expectOp("]");
        if (!isSlice) {
            auto e = makeExpr(ExprKind::Item, line);
            e->children.push_back(std::move(node));
            e->children.push_back(std::move(parts[0]));
            return e;
        }
        auto e = makeExpr(ExprKind::Slice, line);
        e->children.push_back(std::move(node));
        for (auto& p : parts)
            e->children.push_back(std::move(p));
        return e;
    }

    Arguments parseCallArgs()
    {
        Arguments args;
        expectOp("(");
        bool first = true;
        while (!skipOp(")")) {
            if (!first)
                expectOp(",");
            first = false;
            if (skipOp(")"))
                break;
            if (isOp("*") || isOp("**"))
                fail("unsupported *args/**kwargs in a call");
            if (peek().type == TokenType::Name && isOp("=", 1)) {
                std::string name = next().text;
                ++m_pos;
                args.keyword.emplace_back(std::move(name), parseExpression());
            } else {
                if (!args.keyword.empty())
                    fail("positional argument after a keyword argument");
                args.positional.push_back(parseExpression());
            }
        }
        return args;
    }

    ExprPtr parseFilterExpr(ExprPtr node)
    {
        while (true) {
            if (isOp("|")) {
                node = parseFilterChain(std::move(node));
            } else if (isName("is")) {
                node = parseTest(std::move(node));
            } else if (isOp("(")) {
                auto e = makeExpr(ExprKind::Call, peek().line);
                e->children.push_back(std::move(node));
                e->args = parseCallArgs();
                node = std::move(e);
            } else {
                return node;
            }
        }
    }

    // `| f1(args) | f2 ...` applied to node (null: the input of a filter block or block set).
    ExprPtr parseFilterChain(ExprPtr node, bool leadingPipe = true)
    {
        bool needPipe = leadingPipe;
        do {
            if (needPipe)
                expectOp("|");
            needPipe = true;
            const int line = peek().line;
            auto e = makeExpr(ExprKind::Filter, line);
            e->name = expectName();
            while (isOp(".") && peek(1).type == TokenType::Name) { // dotted filter names
                m_pos += 1;
                e->name += "." + next().text;
            }
            if (isOp("("))
                e->args = parseCallArgs();
            e->children.push_back(std::move(node));
            node = std::move(e);
        } while (isOp("|"));
        return node;
    }

    ExprPtr parseTest(ExprPtr node)
    {
        const int line = next().line; // 'is'
        auto e = makeExpr(ExprKind::Test, line);
        e->negated = skipName("not");
        e->name = expectName();
        while (isOp(".") && peek(1).type == TokenType::Name) {
            m_pos += 1;
            e->name += "." + next().text;
        }
        const Token& t = peek();
        if (isOp("(")) {
            e->args = parseCallArgs();
        } else if ((t.type == TokenType::Name || t.type == TokenType::String || t.type == TokenType::Int ||
                    t.type == TokenType::Float || isOp("[") || isOp("{")) &&
                   !isName("else") && !isName("or") && !isName("and") && !isName("if") && !isName("in") &&
                   !isName("not") && !isName("is")) {
            ExprPtr arg = parsePrimary();
            e->args.positional.push_back(parsePostfix(std::move(arg)));
        }
        e->children.push_back(std::move(node));
        return e;
    }

    std::vector<Token> m_tokens;
    size_t m_pos = 0;
    int m_depth = 0;
};

} // namespace

std::shared_ptr<const Template> parseTemplate(std::string_view source)
{
    return Parser(tokenize(source)).run();
}

} // namespace agora::chat::jinja
