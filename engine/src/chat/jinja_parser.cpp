// Statement grammar of the Jinja parser: text, {{ }} output and the tags chat templates use
// (if/for/set/macro/call/filter/with/generation/break/continue/do); unknown tags are errors
// naming the tag and line. parseTemplate() is the entry point.
#include "chat/jinja_parser.h"

#include "chat/jinja_parser_state.h"

namespace agora::chat::jinja {

Body Parser::parseBody(std::initializer_list<const char*> endTags, std::string& endTag)
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

StmtPtr Parser::parseStatement(const std::string& tag, int line)
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

std::vector<std::string> Parser::parseTargets()
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

std::vector<MacroParam> Parser::parseParams()
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

std::shared_ptr<const Template> parseTemplate(std::string_view source)
{
    return Parser(tokenize(source)).run();
}

} // namespace agora::chat::jinja
