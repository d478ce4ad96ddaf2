// Expression grammar of the Jinja parser: conditional expressions, or/and/not, comparisons,
// arithmetic by precedence, unary operators, primaries, postfix access, calls, filters, tests.
#include "chat/jinja_parser_state.h"

namespace agora::chat::jinja {

ExprPtr Parser::parseTuple(bool allowTuple)
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
ExprPtr Parser::parseTupleNoCondition()
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

ExprPtr Parser::parseExpression()
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

ExprPtr Parser::parseOr()
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

ExprPtr Parser::parseAnd()
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

ExprPtr Parser::parseNot()
{
    if (isName("not")) {
        auto e = makeExpr(ExprKind::Unary, next().line);
        e->name = "not";
        e->children.push_back(parseNot());
        return e;
    }
    return parseCompare();
}

ExprPtr Parser::parseCompare()
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

ExprPtr Parser::binary(ExprPtr left, std::string op, ExprPtr right, int line)
{
    auto e = makeExpr(ExprKind::Binary, line);
    e->name = std::move(op);
    e->children.push_back(std::move(left));
    e->children.push_back(std::move(right));
    return e;
}

ExprPtr Parser::parseMath1()
{
    ExprPtr left = parseConcat();
    while (isOp("+") || isOp("-")) {
        const Token& t = next();
        left = binary(std::move(left), t.text, parseConcat(), t.line);
    }
    return left;
}

ExprPtr Parser::parseConcat()
{
    ExprPtr left = parseMath2();
    while (isOp("~")) {
        const int line = next().line;
        left = binary(std::move(left), "~", parseMath2(), line);
    }
    return left;
}

ExprPtr Parser::parseMath2()
{
    ExprPtr left = parsePow();
    while (isOp("*") || isOp("/") || isOp("//") || isOp("%")) {
        const Token& t = next();
        left = binary(std::move(left), t.text, parsePow(), t.line);
    }
    return left;
}

ExprPtr Parser::parsePow()
{
    ExprPtr left = parseUnary(true);
    while (isOp("**")) {
        const int line = next().line;
        left = binary(std::move(left), "**", parseUnary(true), line);
    }
    return left;
}

ExprPtr Parser::parseUnary(bool withFilter)
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

ExprPtr Parser::parsePrimary()
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

ExprPtr Parser::literal(Value v, int line)
{
    auto e = makeExpr(ExprKind::Literal, line);
    e->value = std::move(v);
    return e;
}

ExprPtr Parser::parsePostfix(ExprPtr node)
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

ExprPtr Parser::parseSubscript(ExprPtr node, int line)
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

Arguments Parser::parseCallArgs()
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

ExprPtr Parser::parseFilterExpr(ExprPtr node)
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
ExprPtr Parser::parseFilterChain(ExprPtr node, bool leadingPipe)
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

ExprPtr Parser::parseTest(ExprPtr node)
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

} // namespace agora::chat::jinja
