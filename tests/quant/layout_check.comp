// Compiled by glslangValidator in the test_quant_layout_glsl test: proves that
// shaders/common/quant_layout.h is a valid GLSL include and that its constants evaluate, in the
// GLSL preprocessor and in GLSL expressions, to the ggml layouts.
#version 450
#extension GL_GOOGLE_include_directive : require

#include "common/quant_layout.h"

#if AGORA_Q4_K_BLOCK_BYTES != 144 || AGORA_Q4_K_QS_OFFSET != 16 || AGORA_Q6_K_D_OFFSET != 208
#error quant_layout.h disagrees with the ggml block layouts
#endif
#if AGORA_Q3_K_D_OFFSET != 108 || AGORA_IQ4_XS_QS_OFFSET != 8 || AGORA_Q5_0_QS_OFFSET != 6
#error quant_layout.h disagrees with the ggml block layouts
#endif

layout(local_size_x = 1) in;
layout(std430, binding = 0) writeonly buffer Out { int values[]; };

const int kIq4nl[16] = int[16](AGORA_IQ4_NL_VALUES);

void main()
{
    values[0] = AGORA_Q2_K_BLOCK_BYTES + AGORA_Q5_K_BLOCK_BYTES + AGORA_QK_K;
    values[1] = kIq4nl[15];
}
