#version 450
#extension GL_GOOGLE_include_directive : require
// RoPE of q and k and the KV-cache store in one dispatch: rope.comp on q (in place) and on k, then
// kv_store.comp of the rotated k and of v, without the two hand-offs between them. The batch's
// rotated k goes straight into the f16 cache (nothing else reads the f32 k). On lavapipe a
// dependent dispatch costs ~30 us before any work (bench/README.md), and a decoded token had one
// rope and one store per layer.
//
// Invocations, per token: first one per rotated pair of q (as rope.comp), then one per word of
// the KV row (two neighbouring dimensions, so the cache is written in whole 32-bit words): it
// rotates its two dimensions of k from their pair partners (which may sit in another word: NeoX
// pairs i and i + nDims/2), packs them and v's two as halves, and writes both caches' slot.
// Every rotated value is computed with rope.comp's operations in rope.comp's order, so the
// results are the same floats. CPU reference: agora::cpu::applyRopeBatch then agora::cpu::writeKv.
#include "common.glsl"

layout(local_size_x_id = 0) in;
layout(constant_id = 0) const uint WORKGROUP_SIZE = 64;

layout(std430, binding = 0) buffer QBuffer { float q[]; };                // (headDim, nHeadQ, nTokens)
layout(std430, binding = 1) readonly buffer KBuffer { float k[]; };       // (headDim, nKvHead, nTokens)
layout(std430, binding = 2) readonly buffer VBuffer { vec2 v[]; };        // (headDim/2, nKvHead, nTokens)
layout(std430, binding = 3) writeonly buffer KCache { uint kCache[]; };   // (headDim/2, nKvHead, ringSize)
layout(std430, binding = 4) writeonly buffer VCache { uint vCache[]; };
layout(std430, binding = 5) readonly buffer FactorBuffer { float factors[]; };

layout(push_constant) uniform Push {
    uint headDim;
    uint nHeadQ;
    uint nKvHead;
    uint nDims;    // rotated dimensions per head (even, <= headDim); the rest are copied
    uint nTokens;
    uint firstPos;
    float freqBase;
    float freqScale;
    uint flags;
    uint ringSize; // cache slots; position p is in slot p % ringSize
} pc;

#include "rope_angle.glsl"
// Dimension d of the k row starting at `base`, rotated when d < nDims.
#define ROPE_ROTATED rotatedK
#define ROPE_SOURCE(i) k[i]
#include "rope_rotated.glsl"

void main()
{
    const uint nPairs = pc.nDims / 2u;
    const uint qItems = pc.nHeadQ * nPairs;
    const uint rowWords = pc.nKvHead * pc.headDim / 2u;
    const uint index = linearWorkgroupIndex() * WORKGROUP_SIZE + gl_LocalInvocationID.x;
    if (index >= pc.nTokens * (qItems + rowWords))
        return;
    const uint token = index / (qItems + rowWords);
    const uint item = index % (qItems + rowWords);
    const uint pos = pc.firstPos + token;
    const bool neox = (pc.flags & FLAG_NEOX) != 0u;

    if (item < qItems) {
        const uint pair = item % nPairs;
        const uint base = (token * pc.nHeadQ + item / nPairs) * pc.headDim;
        const vec2 cs = ropeRotation(pos, pair);
        const uint a = base + (neox ? pair : 2u * pair);
        const uint b = base + (neox ? pair + nPairs : 2u * pair + 1u);
        const float x0 = q[a];
        const float x1 = q[b];
        q[a] = x0 * cs.x - x1 * cs.y;
        q[b] = x0 * cs.y + x1 * cs.x;
        return;
    }
    const uint word = item - qItems;
    const uint headWords = pc.headDim / 2u;
    const uint base = (token * pc.nKvHead + word / headWords) * pc.headDim;
    const uint d = 2u * (word % headWords);
    const uint destination = (pos % pc.ringSize) * rowWords + word;
    kCache[destination] = packHalf2x16(vec2(rotatedK(base, d, pos), rotatedK(base, d + 1u, pos)));
    vCache[destination] = packHalf2x16(v[token * rowWords + word]);
}
