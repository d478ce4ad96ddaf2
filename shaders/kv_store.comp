#version 450
#extension GL_GOOGLE_include_directive : require
// Appends a batch's K and V rows (f32) to one layer's KV cache as f16, two halves per uint.
// Row t is position firstPos + t and lands in slot (firstPos + t) % ringSize: full-context layers
// have ringSize = the context (the slot is the position), sliding-window layers a ring of only
// the slots their window needs. A row is nKvHead*headDim values (always even).
// CPU reference: agora::cpu::writeKv.
#include "common.glsl"

layout(local_size_x_id = 0) in;
layout(constant_id = 0) const uint WORKGROUP_SIZE = 64;

layout(std430, binding = 0) readonly buffer KBuffer { vec2 k[]; };
layout(std430, binding = 1) readonly buffer VBuffer { vec2 v[]; };
layout(std430, binding = 2) writeonly buffer KCache { uint kCache[]; };
layout(std430, binding = 3) writeonly buffer VCache { uint vCache[]; };

layout(push_constant) uniform Push {
    uint pairsPerRow; // nKvHead*headDim / 2
    uint nTokens;
    uint firstPos;
    uint ringSize; // slots in the cache
} pc;

void main()
{
    const uint index = linearWorkgroupIndex() * WORKGROUP_SIZE + gl_LocalInvocationID.x;
    if (index >= pc.nTokens * pc.pairsPerRow)
        return;
    const uint token = index / pc.pairsPerRow;
    const uint slot = (pc.firstPos + token) % pc.ringSize;
    const uint destination = slot * pc.pairsPerRow + index % pc.pairsPerRow;
    kCache[destination] = packHalf2x16(k[index]);
    vCache[destination] = packHalf2x16(v[index]);
}
