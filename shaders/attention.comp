#version 450
#extension GL_GOOGLE_include_directive : require
// Causal attention of a batch of queries over an f16 KV cache with grouped-query heads.
// One workgroup per (token, query head). Token t sits at position firstPos + t and sees cache
// positions 0..firstPos+t (or the last `window` of them). The positions are walked in chunks of WORKGROUP_SIZE with an online
// softmax (running max and sum, earlier partial results rescaled when the max grows), so the
// kernel needs no scratch buffer and no shared memory beyond one chunk, whatever the context.
// Lane i scores position chunk+i; for the weighted sum of V, lane i owns dimensions i, i+WG, ...
// CPU reference: agora::cpu::attendCausalBatch (with roundLikeGgml = false).
#include "common.glsl"

layout(local_size_x_id = 0) in;
layout(constant_id = 0) const uint WORKGROUP_SIZE = 64;
// headDim <= WORKGROUP_SIZE * MAX_DIMS_PER_LANE; the host checks it.
const uint MAX_DIMS_PER_LANE = 8;

layout(std430, binding = 0) readonly buffer QBuffer { float q[]; };     // (headDim, nHead, nTokens)
layout(std430, binding = 1) readonly buffer KCache { uint kCache[]; };  // (headDim/2, nKvHead, positions)
layout(std430, binding = 2) readonly buffer VCache { uint vCache[]; };
layout(std430, binding = 3) writeonly buffer OutBuffer { float outValues[]; }; // like q

layout(push_constant) uniform Push {
    uint headDim;
    uint nHead;
    uint nKvHead;
    uint nTokens;
    uint firstPos;
    float scale;
    float softcap; // gemma2: scores become softcap * tanh(score / softcap); 0 = off
    uint window;   // sliding window: the query at p sees p-window+1..p; 0 = every earlier position
} pc;

shared float chunkWeights[WORKGROUP_SIZE];
shared float reduction[WORKGROUP_SIZE];

float workgroupMax(float value)
{
    value = subgroupMax(value);
    barrier(); // the previous reduction's readers are done with the slots
    if (subgroupElect())
        reduction[gl_SubgroupID] = value;
    barrier();
    float result = reduction[0];
    for (uint s = 1; s < gl_NumSubgroups; ++s)
        result = max(result, reduction[s]);
    return result;
}

float workgroupSum(float value)
{
    value = subgroupAdd(value);
    barrier();
    if (subgroupElect())
        reduction[gl_SubgroupID] = value;
    barrier();
    float result = 0.0;
    for (uint s = 0; s < gl_NumSubgroups; ++s)
        result += reduction[s];
    return result;
}

void main()
{
    const uint item = linearWorkgroupIndex();
    if (item >= pc.nTokens * pc.nHead)
        return; // uniform per workgroup
    const uint token = item / pc.nHead;
    const uint head = item % pc.nHead;
    const uint kvHead = head / (pc.nHead / pc.nKvHead);
    const uint nPositions = pc.firstPos + token + 1u;
    // Keys before firstVisible lie outside a sliding window (llama.cpp masks p0 when p - p0 >= window).
    const uint firstVisible = pc.window > 0u && nPositions > pc.window ? nPositions - pc.window : 0u;
    const uint lane = gl_LocalInvocationID.x;

    const uint headPairs = pc.headDim / 2u;
    const uint rowPairs = pc.nKvHead * headPairs;
    const uint qBase = item * pc.headDim;
    const uint kvHeadOffset = kvHead * headPairs;

    float acc[MAX_DIMS_PER_LANE];
    for (uint j = 0; j < MAX_DIMS_PER_LANE; ++j)
        acc[j] = 0.0;
    float runningMax = -3.0e38;
    float runningSum = 0.0;

    for (uint chunk = firstVisible; chunk < nPositions; chunk += WORKGROUP_SIZE) {
        const uint p = chunk + lane;
        float score = -3.0e38;
        if (p < nPositions) {
            const uint kBase = p * rowPairs + kvHeadOffset;
            float dot = 0.0;
            for (uint j = 0; j < headPairs; ++j) {
                const vec2 key = unpackHalf2x16(kCache[kBase + j]);
                dot += q[qBase + 2u * j] * key.x + q[qBase + 2u * j + 1u] * key.y;
            }
            score = dot * pc.scale;
            if (pc.softcap > 0.0) {
                const float s = clamp(score / pc.softcap, -15.0, 15.0);
                score = pc.softcap * (1.0 - 2.0 / (exp(2.0 * s) + 1.0));
            }
        }
        const float newMax = max(runningMax, workgroupMax(score));
        const float weight = p < nPositions ? exp(score - newMax) : 0.0;
        chunkWeights[lane] = weight;
        const float chunkSum = workgroupSum(weight); // its barriers also publish chunkWeights
        const float rescale = exp(runningMax - newMax);
        runningSum = runningSum * rescale + chunkSum;
        runningMax = newMax;

        const uint chunkLength = min(WORKGROUP_SIZE, nPositions - chunk);
        for (uint j = 0; j < MAX_DIMS_PER_LANE; ++j) {
            const uint d = lane + j * WORKGROUP_SIZE;
            if (d >= pc.headDim)
                break;
            float sum = acc[j] * rescale;
            for (uint i = 0; i < chunkLength; ++i) {
                const vec2 value = unpackHalf2x16(vCache[(chunk + i) * rowPairs + kvHeadOffset + d / 2u]);
                sum += chunkWeights[i] * ((d & 1u) == 0u ? value.x : value.y);
            }
            acc[j] = sum;
        }
        barrier(); // chunkWeights is rewritten by the next chunk
    }

    for (uint j = 0; j < MAX_DIMS_PER_LANE; ++j) {
        const uint d = lane + j * WORKGROUP_SIZE;
        if (d < pc.headDim)
            outValues[qBase + d] = acc[j] / runningSum;
    }
}
