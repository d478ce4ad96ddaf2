// Jinja lexer: splits a template into text and tag tokens, applying whitespace control the way
// chat templates are rendered (Jinja2 with trim_blocks and lstrip_blocks, `-` and `+` modifiers,
// newlines normalised to \n and one trailing newline dropped), and tokenises tag contents.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace agora::chat::jinja {

enum class TokenType {
    Text,       // literal template text (raw blocks included), already whitespace-processed
    VarBegin,   // {{
    VarEnd,     // }}
    BlockBegin, // {%
    BlockEnd,   // %}
    Name,
    String,
    Int,
    Float,
    Operator,   // + - * / // % ** ~ == != < <= > >= = ( ) [ ] { } , . : |
    End,
};

struct Token {
    TokenType type = TokenType::End;
    std::string text; // Text content, name, decoded string literal, operator
    int64_t intValue = 0;
    double floatValue = 0;
    int line = 1;
};

// Throws TemplateError (Syntax) with the line of the problem.
std::vector<Token> tokenize(std::string_view source);

} // namespace agora::chat::jinja
