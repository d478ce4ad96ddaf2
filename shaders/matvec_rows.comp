#version 450
#extension GL_GOOGLE_include_directive : require
#extension GL_EXT_control_flow_attributes : require
// matvec_quant.comp laid out for CPU Vulkan drivers (lavapipe): one row per invocation instead
// of one row per subgroup. llvmpipe runs the invocations of a subgroup as the lanes of one SIMD
// register; a load whose address differs between lanes is done lane by lane, while a load whose
// address is the same for all lanes is one scalar load. Here the unit counter is the same for
// every lane, so every read of x is uniform and only the weight reads (one row per lane) are
// per-lane: about a third of the per-lane loads of the subgroup layout for Q8_0/Q5_0. On GPUs
// the subgroup layout (coalesced weight reads) stays the right one; quant_kernels.cpp picks.
// Same bindings and push constants as matvec_quant.comp.
#include "common.glsl"

layout(local_size_x_id = 0) in;
layout(constant_id = 0) const uint WORKGROUP_SIZE = 64;

layout(std430, binding = 0) readonly buffer Weights { uint wdata[]; };
layout(std430, binding = 1) readonly buffer Vector { float x[]; };
layout(std430, binding = 1) readonly buffer Vector4 { vec4 x4[]; };
layout(std430, binding = 2) writeonly buffer Output { float y[]; };

layout(push_constant) uniform Push {
    uint rows;      // rows in this binding of W
    uint cols;
    uint rowBytes;  // bytes per row of W in its type
    uint outOffset; // where row 0 of this binding lands in y
} pc;

#include "dequant.glsl"

vec4 loadX4(uint index)
{
    return x4[index];
}

#include "aligned_pairs.glsl"

void main()
{
    const uint wholeUnits = pc.cols / 32u;
    const uint row = linearWorkgroupIndex() * WORKGROUP_SIZE + gl_LocalInvocationIndex;
    // Lanes past the last row compute row rows-1 again and do not store: no divergent exit, so
    // the unit loop below keeps a uniform counter.
    const uint rowBase = min(row, pc.rows - 1u) * pc.rowBytes;
    float sum = 0.0;
    uint u = 0u;
#if defined(HAS_ALIGNED_PAIRS)
    // Rows that start on a word (the same for every row: row bytes are a push constant) are read
    // two blocks at a time; the condition is uniform, and the generic loop below then has nothing left.
    if ((pc.rowBytes & 3u) == 0u) {
        for (; u + 1u < wholeUnits; u += 2u)
            sum += dotAlignedPair(rowBase, u >> 1, 8u * u);
    }
#endif
    for (; u < wholeUnits; ++u) {
        vec4 v[8];
        dequantUnit(rowBase, u, v);
        vec4 acc = v[0] * x4[8u * u];
        for (uint k = 1u; k < 8u; ++k)
            acc += v[k] * x4[8u * u + k];
        sum += (acc.x + acc.y) + (acc.z + acc.w);
    }
#if defined(UNITS_ARE_PLAIN)
    for (uint c = 32u * wholeUnits; c < pc.cols; ++c)
        sum += plainValue(rowBase, c) * x[c];
#endif
    if (row < pc.rows)
        y[pc.outOffset + row] = sum;
}
