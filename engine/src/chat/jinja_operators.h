// Python semantics of Jinja's binary operators (see jinja_operators.cpp).
#pragma once

#include "chat/jinja_value.h"

#include <cstdint>
#include <string>

namespace agora::chat::jinja {

// + - * / // % ** on numbers, strings and lists; raises a render error for other operands.
Value arithmetic(const std::string& op, const Value& a, const Value& b);
// `needle in container` for strings, lists, dicts; Undefined contains nothing.
bool contains(const Value& container, const Value& needle);
// x - y on 64-bit integers, raising OverflowError instead of wrapping.
int64_t subInts(int64_t x, int64_t y);

} // namespace agora::chat::jinja
