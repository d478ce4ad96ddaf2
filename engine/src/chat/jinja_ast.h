// The syntax tree of a parsed Jinja template: expressions and statements as plain tagged
// structs (one kind enum each) that the interpreter walks. Built once per template, rendered
// many times.
#pragma once

#include "chat/jinja_value.h"

#include <memory>
#include <string>
#include <vector>

namespace agora::chat::jinja {

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

enum class ExprKind {
    Literal,   // value
    Name,      // name
    ListLit,   // children
    TupleLit,  // children
    DictLit,   // children: key, value, key, value, ...
    Attr,      // children[0] . name
    Item,      // children[0] [ children[1] ]
    Slice,     // children[0] [ children[1] : children[2] : children[3] ] (null = omitted)
    Call,      // children[0] ( args )
    Filter,    // children[0] | name ( args )   (children[0] null in a filter block)
    Test,      // children[0] is [not] name ( args )
    Unary,     // op children[0]: "-", "+", "not"
    Binary,    // children[0] op children[1]: arithmetic, comparison, in, not in, ~
    And,
    Or,
    Cond,      // children[1] if children[0] else children[2] (children[2] may be null)
};

struct Arguments {
    std::vector<ExprPtr> positional;
    std::vector<std::pair<std::string, ExprPtr>> keyword;
};

struct Expr {
    ExprKind kind = ExprKind::Literal;
    int line = 0;
    Value value;                  // Literal
    std::string name;             // Name, Attr, Filter, Test; operator of Unary/Binary
    bool negated = false;         // Test: "is not"
    std::vector<ExprPtr> children;
    Arguments args;               // Call, Filter, Test
};

struct Stmt;
using StmtPtr = std::unique_ptr<Stmt>;
using Body = std::vector<StmtPtr>;

enum class StmtKind {
    Text,       // text
    Output,     // {{ expr }}
    If,         // conditions[i] -> bodies[i]; elseBody
    For,        // targets in expr [if condition] body [else elseBody]
    Set,        // targets = expr, or target.attribute = expr (namespace)
    SetBlock,   // {% set name %}body{% endset %} with optional filter chain in expr
    Macro,      // name(params) body
    CallBlock,  // {% call(params) expr %}body{% endcall %}
    FilterBlock,// {% filter expr %}body{% endfilter %}
    Break,
    Continue,
    Scope,      // generation / with: body rendered in place (with: its own scope)
};

struct MacroParam {
    std::string name;
    ExprPtr defaultValue; // may be null
};

struct Stmt {
    StmtKind kind = StmtKind::Text;
    int line = 0;
    std::string text;                  // Text; SetBlock / Macro name
    ExprPtr expr;                      // Output, For iterable, Set value, CallBlock call, FilterBlock filter
    ExprPtr condition;                 // For filter
    std::vector<std::string> targets;  // For / Set names (several = tuple unpacking)
    std::string attribute;             // Set on namespace: targets[0].attribute
    std::vector<ExprPtr> conditions;   // If
    std::vector<Body> bodies;          // If bodies
    Body body;
    Body elseBody;
    std::vector<MacroParam> params;    // Macro / CallBlock
    std::vector<std::pair<std::string, ExprPtr>> assignments; // with
    bool newScope = false;             // Scope: with
};

struct Template {
    Body body;
};

} // namespace agora::chat::jinja
