// Jinja evaluator: walks a parsed Template with a set of global variables and produces the
// rendered text. Scoping follows Jinja2 (for-loops and macros get their own scope, `if` does
// not; namespace() objects carry values out of loops). Filters, tests, global functions and
// Python methods live in jinja_builtins.cpp and jinja_methods.cpp.
#pragma once

#include "chat/jinja_ast.h"

#include <ctime>
#include <memory>
#include <string>
#include <vector>

namespace agora::chat::jinja {

struct CallArgs {
    std::vector<Value> positional;
    std::vector<std::pair<std::string, Value>> keyword;

    // The argument at position index or keyword name; fallback when neither was given.
    Value get(size_t index, const char* name, Value fallback = Value()) const;
    const Value* keywordValue(const char* name) const;
};

struct RenderContext {
    std::tm now{};  // what strftime_now formats
};

struct Scope {
    std::vector<std::pair<std::string, Value>> vars;
    std::shared_ptr<Scope> parent;

    Value* lookup(const std::string& name);
    void set(const std::string& name, Value value);
};

class Interpreter {
public:
    Interpreter(std::shared_ptr<const Template> tmpl, RenderContext context);

    // Renders with the given global variables (a dict). Throws TemplateError.
    std::string render(const Value& globals);

    // Used by builtins.
    Value call(const Value& callee, CallArgs& args);
    Value applyFilter(const std::string& name, const Value& input, CallArgs& args);
    bool applyTest(const std::string& name, const Value& input, CallArgs& args);
    const RenderContext& context() const { return m_context; }

    // Used by macros, which render their body on call.
    enum class Flow { Normal, Break, Continue };
    Flow renderBody(const Body& body, std::string& out, const std::shared_ptr<Scope>& scope);
    Value eval(const Expr& e, const std::shared_ptr<Scope>& scope);

private:
    Flow renderStmt(const Stmt& s, std::string& out, const std::shared_ptr<Scope>& scope);
    Flow renderFor(const Stmt& s, std::string& out, const std::shared_ptr<Scope>& scope);
    void renderSet(const Stmt& s, const std::shared_ptr<Scope>& scope);
    Value makeMacro(const Stmt& s, const std::shared_ptr<Scope>& scope, const Stmt* callerBody,
                    const std::shared_ptr<Scope>& callerScope);
    void assignTargets(const std::vector<std::string>& targets, const Value& value, Scope& scope, int line);

    Value evalCall(const Expr& e, const std::shared_ptr<Scope>& scope);
    Value evalBinary(const Expr& e, const std::shared_ptr<Scope>& scope);
    Value evalFilter(const Expr& e, const std::shared_ptr<Scope>& scope, const Value* blockInput);
    CallArgs evalArgs(const Arguments& a, const std::shared_ptr<Scope>& scope);

    static constexpr int kMaxCallDepth = 100;

    std::shared_ptr<const Template> m_template;
    RenderContext m_context;
    Value m_globals;
    int m_callDepth = 0;
};

// Attribute and item access with Jinja2's rules (dict keys vs methods, Undefined results).
Value getAttribute(const Value& object, const std::string& name);
Value getItem(const Value& object, const Value& key);
Value sliceValue(const Value& object, const Value& start, const Value& stop, const Value& step);
// Python methods of str, list and dict; nullopt-like Undefined when the method does not exist.
bool hasMethod(const Value& object, const std::string& name);
Value callMethod(Interpreter& interp, const Value& object, const std::string& name, CallArgs& args);
// Global functions (range, dict, namespace, raise_exception, strftime_now, cycler, joiner).
Value makeGlobals(const Value& user);
// Raises an UndefinedError the way Jinja2 reports using an undefined value.
[[noreturn]] void raiseUndefined(const Value& undefined);

} // namespace agora::chat::jinja
