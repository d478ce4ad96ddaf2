# cmake -DINPUT=x.spv -DOUTPUT=x.cpp -DSYMBOL=kSpirvX -P embed_spirv.cmake
# Writes a C++ source holding the SPIR-V words as a uint32_t array (SPIR-V is a stream of
# little-endian 32-bit words; the file's bytes are regrouped into words here, so the array is
# correctly aligned for vkCreateShaderModule without any copy at run time).
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR remainder "${hex_length} % 8")
if(hex_length EQUAL 0 OR NOT remainder EQUAL 0)
    message(FATAL_ERROR "${INPUT} is not a whole number of 32-bit SPIR-V words")
endif()
math(EXPR word_count "${hex_length} / 8")
# Each 8 hex digits b0 b1 b2 b3 (file order) become the word 0xb3b2b1b0.
string(REGEX REPLACE "([0-9a-f][0-9a-f])([0-9a-f][0-9a-f])([0-9a-f][0-9a-f])([0-9a-f][0-9a-f])"
       "0x\\4\\3\\2\\1u," words "${hex}")
# Eight words per line keeps the generated file readable in a diff.
string(REGEX REPLACE "((0x[0-9a-f]+u,){8})" "\\1\n    " words "${words}")
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${INPUT} by shaders/cmake/embed_spirv.cmake. Do not edit.
#include <cstddef>
#include <cstdint>

namespace agora::shaders {
extern const uint32_t ${SYMBOL}[];
extern const size_t ${SYMBOL}Words;
const uint32_t ${SYMBOL}[] = {
    ${words}
};
const size_t ${SYMBOL}Words = ${word_count};
} // namespace agora::shaders
")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
