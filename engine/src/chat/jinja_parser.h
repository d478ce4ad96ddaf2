// Jinja parser: tokens to the syntax tree of jinja_ast.h, following Jinja2's grammar and
// operator precedence. Unsupported tags are syntax errors naming the tag and line.
#pragma once

#include "chat/jinja_ast.h"

#include <string_view>

namespace agora::chat::jinja {

// Throws TemplateError (Syntax) for malformed or unsupported templates.
std::shared_ptr<const Template> parseTemplate(std::string_view source);

} // namespace agora::chat::jinja
