#include "chat/jinja_interpreter.h"

#include "chat/jinja_operators.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace agora::chat::jinja {

// ---------------------------------------------------------------------------------------------
// CallArgs and Scope
// ---------------------------------------------------------------------------------------------

const Value* CallArgs::keywordValue(const char* name) const
{
    for (const auto& [k, v] : keyword)
        if (k == name)
            return &v;
    return nullptr;
}

Value CallArgs::get(size_t index, const char* name, Value fallback) const
{
    if (index < positional.size())
        return positional[index];
    if (const Value* v = keywordValue(name))
        return *v;
    return fallback;
}

Value* Scope::lookup(const std::string& name)
{
    for (Scope* s = this; s; s = s->parent.get())
        for (auto& [k, v] : s->vars)
            if (k == name)
                return &v;
    return nullptr;
}

void Scope::set(const std::string& name, Value value)
{
    for (auto& [k, v] : vars) {
        if (k == name) {
            v = std::move(value);
            return;
        }
    }
    vars.emplace_back(name, std::move(value));
}

void raiseUndefined(const Value& undefined)
{
    const std::string& hint = undefined.undefinedHint();
    raiseRender("UndefinedError: " + (hint.empty() ? std::string("value is undefined") : hint));
}

// ---------------------------------------------------------------------------------------------
// Interpreter
// ---------------------------------------------------------------------------------------------

Interpreter::Interpreter(std::shared_ptr<const Template> tmpl, RenderContext context)
    : m_template(std::move(tmpl)), m_context(context)
{
}

std::string Interpreter::render(const Value& globals)
{
    m_globals = makeGlobals(globals);
    auto root = std::make_shared<Scope>();
    std::string out;
    out.reserve(4096);
    renderBody(m_template->body, out, root);
    return out;
}

Interpreter::Flow Interpreter::renderBody(const Body& body, std::string& out, const std::shared_ptr<Scope>& scope)
{
    for (const auto& stmt : body) {
        const Flow flow = renderStmt(*stmt, out, scope);
        if (flow != Flow::Normal)
            return flow;
    }
    return Flow::Normal;
}

Interpreter::Flow Interpreter::renderStmt(const Stmt& s, std::string& out, const std::shared_ptr<Scope>& scope)
{
    try {
        switch (s.kind) {
        case StmtKind::Text: out += s.text; return Flow::Normal;
        case StmtKind::Output: out += eval(*s.expr, scope).str(); return Flow::Normal;
        case StmtKind::If:
            for (size_t i = 0; i < s.conditions.size(); ++i)
                if (eval(*s.conditions[i], scope).truthy())
                    return renderBody(s.bodies[i], out, scope);
            return renderBody(s.elseBody, out, scope);
        case StmtKind::For: return renderFor(s, out, scope);
        case StmtKind::Set:
            if (s.targets.empty()) // {% do %}
                (void)eval(*s.expr, scope);
            else
                renderSet(s, scope);
            return Flow::Normal;
        case StmtKind::SetBlock: {
            std::string captured;
            renderBody(s.body, captured, scope);
            Value v(std::move(captured));
            if (s.expr)
                v = evalFilter(*s.expr, scope, &v);
            scope->set(s.targets[0], std::move(v));
            return Flow::Normal;
        }
        case StmtKind::Macro: scope->set(s.text, makeMacro(s, scope, nullptr, nullptr)); return Flow::Normal;
        case StmtKind::CallBlock: {
            // The call expression runs with `caller` bound to this block's body.
            const Expr& callExpr = *s.expr;
            Value callee = eval(*callExpr.children[0], scope);
            if (callee.isUndefined())
                raiseUndefined(callee);
            CallArgs args = evalArgs(callExpr.args, scope);
            args.keyword.emplace_back("caller", makeMacro(s, scope, &s, scope));
            out += call(callee, args).str();
            return Flow::Normal;
        }
        case StmtKind::FilterBlock: {
            std::string captured;
            renderBody(s.body, captured, scope);
            Value input(std::move(captured));
            out += evalFilter(*s.expr, scope, &input).str();
            return Flow::Normal;
        }
        case StmtKind::Break: return Flow::Break;
        case StmtKind::Continue: return Flow::Continue;
        case StmtKind::Scope: {
            if (!s.newScope)
                return renderBody(s.body, out, scope);
            auto inner = std::make_shared<Scope>();
            inner->parent = scope;
            for (const auto& [name, expr] : s.assignments)
                inner->set(name, eval(*expr, scope));
            return renderBody(s.body, out, inner);
        }
        }
    } catch (const TemplateError& e) {
        if (e.kind != TemplateError::Kind::Render || e.located)
            throw;
        throw TemplateError(e.kind, std::string(e.what()) + " at line " + std::to_string(s.line), true);
    }
    return Flow::Normal;
}

void Interpreter::assignTargets(const std::vector<std::string>& targets, const Value& value, Scope& scope, int line)
{
    if (targets.size() == 1) {
        scope.set(targets[0], value);
        return;
    }
    if (!value.isList() && !value.isString())
        raiseRender("TypeError: cannot unpack non-iterable " + value.typeName() + " object");
    const std::vector<Value> items = value.iterate();
    if (items.size() != targets.size())
        raiseRender("ValueError: expected " + std::to_string(targets.size()) + " values to unpack, got " +
                    std::to_string(items.size()) + " (line " + std::to_string(line) + ")");
    for (size_t i = 0; i < targets.size(); ++i)
        scope.set(targets[i], items[i]);
}

Interpreter::Flow Interpreter::renderFor(const Stmt& s, std::string& out, const std::shared_ptr<Scope>& scope)
{
    const Value iterable = eval(*s.expr, scope);
    std::vector<Value> items = iterable.iterate();
    // Jinja2 gives every iteration a fresh scope: a name set in the body does not carry over to
    // the next iteration (it reads the outer value again), nor out of the loop.
    const auto freshScope = [&] {
        auto iteration = std::make_shared<Scope>();
        iteration->parent = scope;
        return iteration;
    };
    if (s.condition) {
        std::vector<Value> kept;
        for (auto& item : items) {
            auto probe = freshScope();
            assignTargets(s.targets, item, *probe, s.line);
            if (eval(*s.condition, probe).truthy())
                kept.push_back(std::move(item));
        }
        items = std::move(kept);
    }
    if (items.empty()) {
        renderBody(s.elseBody, out, freshScope());
        return Flow::Normal;
    }
    const int64_t n = int64_t(items.size());
    for (int64_t i = 0; i < n; ++i) {
        auto iteration = freshScope();
        assignTargets(s.targets, items[size_t(i)], *iteration, s.line);
        Value loop = Value::dict();
        auto& d = loop.asDict().items;
        d.reserve(12);
        d.emplace_back(Value("index"), Value(i + 1));
        d.emplace_back(Value("index0"), Value(i));
        d.emplace_back(Value("revindex"), Value(n - i));
        d.emplace_back(Value("revindex0"), Value(n - i - 1));
        d.emplace_back(Value("first"), Value(i == 0));
        d.emplace_back(Value("last"), Value(i == n - 1));
        d.emplace_back(Value("length"), Value(n));
        d.emplace_back(Value("depth"), Value(1));
        d.emplace_back(Value("depth0"), Value(0));
        d.emplace_back(Value("previtem"), i > 0 ? items[size_t(i - 1)] : Value::undefined("there is no previous item"));
        d.emplace_back(Value("nextitem"), i + 1 < n ? items[size_t(i + 1)] : Value::undefined("there is no next item"));
        d.emplace_back(Value("cycle"), Value::function("loop.cycle", [i](Interpreter&, CallArgs& args) {
                           if (args.positional.empty())
                               raiseRender("TypeError: no items for cycling given");
                           return args.positional[size_t(i) % args.positional.size()];
                       }));
        iteration->set("loop", std::move(loop));
        if (renderBody(s.body, out, iteration) == Flow::Break)
            break;
    }
    return Flow::Normal;
}

void Interpreter::renderSet(const Stmt& s, const std::shared_ptr<Scope>& scope)
{
    Value value = eval(*s.expr, scope);
    if (s.attribute.empty()) {
        assignTargets(s.targets, value, *scope, s.line);
        return;
    }
    Value* target = scope->lookup(s.targets[0]);
    if (!target)
        raiseRender("UndefinedError: '" + s.targets[0] + "' is undefined");
    if (!target->isDict() || !target->asDict().isNamespace)
        raiseRender("TemplateRuntimeError: cannot assign attribute on non-namespace object");
    target->asDict().set(Value(s.attribute), std::move(value));
}

Value Interpreter::makeMacro(const Stmt& s, const std::shared_ptr<Scope>& scope, const Stmt* callerBody,
                             const std::shared_ptr<Scope>& callerScope)
{
    const Stmt* stmt = &s;
    const bool isCaller = callerBody != nullptr;
    // Weak: the macro usually lives in the very scope it closes over, and a strong reference
    // would make a cycle that is never freed. The scope outlives every call made while rendering.
    std::weak_ptr<Scope> defScope = isCaller ? callerScope : scope;
    std::string name = isCaller ? "caller" : s.text;
    return Value::function(name, [stmt, defScope, isCaller, name](Interpreter& interp, CallArgs& args) {
        auto local = std::make_shared<Scope>();
        local->parent = defScope.lock();
        if (!local->parent)
            raiseRender("macro '" + name + "' was called after the block that defined it ended");
        const auto& params = stmt->params;
        std::vector<Value> extra;
        for (size_t i = 0; i < args.positional.size(); ++i) {
            if (i < params.size())
                local->set(params[i].name, args.positional[i]);
            else
                extra.push_back(args.positional[i]);
        }
        Value kwargs = Value::dict();
        for (const auto& [k, v] : args.keyword) {
            bool isParam = false;
            for (const auto& p : params)
                isParam = isParam || p.name == k;
            if (isParam || k == "caller")
                local->set(k, v);
            else
                kwargs.asDict().set(Value(k), v);
        }
        for (size_t i = args.positional.size(); i < params.size(); ++i) {
            if (local->vars.end() != std::find_if(local->vars.begin(), local->vars.end(),
                                                  [&](const auto& kv) { return kv.first == params[i].name; }))
                continue;
            local->set(params[i].name, params[i].defaultValue ? interp.eval(*params[i].defaultValue, local)
                                                              : Value::undefined("parameter '" + params[i].name +
                                                                                 "' was not provided"));
        }
        local->set("varargs", Value::list(std::move(extra)));
        local->set("kwargs", std::move(kwargs));
        // Recursive macros are allowed, runaway recursion is not (it would overflow the stack).
        if (++interp.m_callDepth > kMaxCallDepth) {
            --interp.m_callDepth;
            raiseRender("RecursionError: macro '" + name + "' nested deeper than " + std::to_string(kMaxCallDepth) + " calls");
        }
        std::string out;
        try {
            interp.renderBody(stmt->body, out, local);
        } catch (...) {
            --interp.m_callDepth;
            throw;
        }
        --interp.m_callDepth;
        (void)isCaller;
        return Value(std::move(out));
    });
}

// ---------------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------------

CallArgs Interpreter::evalArgs(const Arguments& a, const std::shared_ptr<Scope>& scope)
{
    CallArgs args;
    args.positional.reserve(a.positional.size());
    for (const auto& p : a.positional)
        args.positional.push_back(eval(*p, scope));
    for (const auto& [k, v] : a.keyword)
        args.keyword.emplace_back(k, eval(*v, scope));
    return args;
}

Value Interpreter::call(const Value& callee, CallArgs& args)
{
    if (callee.isUndefined())
        raiseUndefined(callee);
    if (!callee.isCallable())
        raiseRender("TypeError: '" + callee.typeName() + "' object is not callable");
    return callee.asCallable().fn(*this, args);
}

Value Interpreter::eval(const Expr& e, const std::shared_ptr<Scope>& scope)
{
    switch (e.kind) {
    case ExprKind::Literal: return e.value;
    case ExprKind::Name: {
        if (Value* v = scope->lookup(e.name))
            return *v;
        if (const Value* g = m_globals.asDict().findKey(e.name))
            return *g;
        return Value::undefined("'" + e.name + "' is undefined");
    }
    case ExprKind::ListLit:
    case ExprKind::TupleLit: {
        std::vector<Value> items;
        items.reserve(e.children.size());
        for (const auto& c : e.children)
            items.push_back(eval(*c, scope));
        return e.kind == ExprKind::ListLit ? Value::list(std::move(items)) : Value::tuple(std::move(items));
    }
    case ExprKind::DictLit: {
        Value d = Value::dict();
        for (size_t i = 0; i + 1 < e.children.size(); i += 2)
            d.asDict().set(eval(*e.children[i], scope), eval(*e.children[i + 1], scope));
        return d;
    }
    case ExprKind::Attr: return getAttribute(eval(*e.children[0], scope), e.name);
    case ExprKind::Item: return getItem(eval(*e.children[0], scope), eval(*e.children[1], scope));
    case ExprKind::Slice: {
        const Value object = eval(*e.children[0], scope);
        const auto part = [&](size_t i) { return e.children[i] ? eval(*e.children[i], scope) : Value::none(); };
        return sliceValue(object, part(1), part(2), part(3));
    }
    case ExprKind::Call: return evalCall(e, scope);
    case ExprKind::Filter: return evalFilter(e, scope, nullptr);
    case ExprKind::Test: {
        const Value input = eval(*e.children[0], scope);
        CallArgs args = evalArgs(e.args, scope);
        const bool result = applyTest(e.name, input, args);
        return Value(e.negated ? !result : result);
    }
    case ExprKind::Unary: {
        const Value v = eval(*e.children[0], scope);
        if (e.name == "not")
            return Value(!v.truthy());
        if (v.isUndefined())
            raiseUndefined(v);
        if (!v.isNumber())
            raiseRender("TypeError: bad operand type for unary " + e.name + ": '" + v.typeName() + "'");
        if (e.name == "+")
            return v.isFloat() ? Value(v.asDouble()) : Value(v.asInt());
        return v.isFloat() ? Value(-v.asDouble()) : Value(subInts(0, v.asInt()));
    }
    case ExprKind::Binary: return evalBinary(e, scope);
    case ExprKind::And: {
        Value left = eval(*e.children[0], scope);
        return left.truthy() ? eval(*e.children[1], scope) : left;
    }
    case ExprKind::Or: {
        Value left = eval(*e.children[0], scope);
        return left.truthy() ? left : eval(*e.children[1], scope);
    }
    case ExprKind::Cond:
        if (eval(*e.children[0], scope).truthy())
            return eval(*e.children[1], scope);
        if (e.children[2])
            return eval(*e.children[2], scope);
        return Value::undefined("the inline if-expression on line " + std::to_string(e.line) +
                                " evaluated to false and no else section was defined.");
    }
    return Value();
}

Value Interpreter::evalCall(const Expr& e, const std::shared_ptr<Scope>& scope)
{
    const Expr& calleeExpr = *e.children[0];
    if (calleeExpr.kind == ExprKind::Attr) {
        // obj.method(...): call Python methods directly instead of building a bound function.
        const Value object = eval(*calleeExpr.children[0], scope);
        if (!object.isUndefined() && hasMethod(object, calleeExpr.name)) {
            CallArgs args = evalArgs(e.args, scope);
            return callMethod(*this, object, calleeExpr.name, args);
        }
        const Value callee = getAttribute(object, calleeExpr.name);
        CallArgs args = evalArgs(e.args, scope);
        return call(callee, args);
    }
    const Value callee = eval(calleeExpr, scope);
    CallArgs args = evalArgs(e.args, scope);
    return call(callee, args);
}

Value Interpreter::evalFilter(const Expr& e, const std::shared_ptr<Scope>& scope, const Value* blockInput)
{
    Value input = e.children[0] ? (e.children[0]->kind == ExprKind::Filter ? evalFilter(*e.children[0], scope, blockInput)
                                                                            : eval(*e.children[0], scope))
                                : (blockInput ? *blockInput : Value());
    CallArgs args = evalArgs(e.args, scope);
    return applyFilter(e.name, input, args);
}


Value Interpreter::evalBinary(const Expr& e, const std::shared_ptr<Scope>& scope)
{
    const Value a = eval(*e.children[0], scope);
    const Value b = eval(*e.children[1], scope);
    const std::string& op = e.name;
    if (op == "~")
        return Value(a.str() + b.str());
    if (op == "==")
        return Value(a.equals(b));
    if (op == "!=")
        return Value(!a.equals(b));
    if (op == "in")
        return Value(contains(b, a));
    if (op == "not in")
        return Value(!contains(b, a));
    if (op == "<" || op == ">" || op == "<=" || op == ">=") {
        if (a.isUndefined())
            raiseUndefined(a);
        if (b.isUndefined())
            raiseUndefined(b);
        if (op == "<")
            return Value(a.less(b));
        if (op == ">")
            return Value(b.less(a));
        if (op == "<=")
            return Value(!b.less(a));
        return Value(!a.less(b));
    }
    return arithmetic(op, a, b);
}

} // namespace agora::chat::jinja
