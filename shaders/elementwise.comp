#version 450
#extension GL_GOOGLE_include_directive : require
// Element-wise ops of the transformer block, one variant per define (CPU references in
// engine/src/cpu/ops.h):
//   OP_SILU_GATE  out[i] = silu(a[i]) * b[i]          (SiLU-gated FFN)
//   OP_ADD        out[i] = a[i] + b[i]                (residual connection)
//   OP_BIAS_ADD   out[i] = a[i] + b[i % width]        (a bias row added to every row)
// out may be the same range as a or b: each invocation reads its element before writing it.
#include "common.glsl"
#include "gates.glsl"

layout(local_size_x_id = 0) in;
layout(constant_id = 0) const uint WORKGROUP_SIZE = 64;

layout(std430, binding = 0) readonly buffer ABuffer { float a[]; };
layout(std430, binding = 1) readonly buffer BBuffer { float b[]; };
layout(std430, binding = 2) writeonly buffer OutBuffer { float outValues[]; };

layout(push_constant) uniform Push {
    uint count;
    uint width; // OP_BIAS_ADD: the bias length
} pc;

void main()
{
    const uint i = linearWorkgroupIndex() * WORKGROUP_SIZE + gl_LocalInvocationID.x;
    if (i >= pc.count)
        return;
#if defined(OP_SILU_GATE)
    outValues[i] = siluGate(a[i], b[i]);
#elif defined(OP_ADD)
    outValues[i] = a[i] + b[i];
#elif defined(OP_BIAS_ADD)
    outValues[i] = a[i] + b[i % pc.width];
#else
#error "elementwise.comp needs OP_SILU_GATE, OP_ADD or OP_BIAS_ADD"
#endif
}
