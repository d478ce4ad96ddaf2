#version 450
#extension GL_GOOGLE_include_directive : require
// Element-wise ops of the newer families with one float parameter, one variant per define (CPU
// references in engine/src/cpu/family_ops.h):
//   OP_GELU_GATE  out[i] = gelu_tanh(a[i]) * b[i]          (gemma's GEGLU feed-forward)
//   OP_SOFTCAP    out[i] = param * tanh(a[i] / param)      (gemma2's final logit cap)
//   OP_SCALE      out[i] = a[i] * param                    (gemma's sqrt(n_embd) embedding scale)
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
    float param;
} pc;

void main()
{
    const uint i = linearWorkgroupIndex() * WORKGROUP_SIZE + gl_LocalInvocationID.x;
    if (i >= pc.count)
        return;
#if defined(OP_GELU_GATE)
    outValues[i] = geluGate(a[i], b[i]);
#elif defined(OP_SOFTCAP)
    const float s = clamp(a[i] / pc.param, -15.0, 15.0);
    outValues[i] = pc.param * (1.0 - 2.0 / (exp(2.0 * s) + 1.0));
#elif defined(OP_SCALE)
    outValues[i] = a[i] * pc.param;
#else
#error "family_elementwise.comp needs OP_GELU_GATE, OP_SOFTCAP or OP_SCALE"
#endif
}
