#version 450
#extension GL_GOOGLE_include_directive : require
#extension GL_EXT_control_flow_attributes : require
// Split-KV causal attention (flash-decoding). The visible key positions of each (token, group of
// query heads sharing one KV head) are cut into nSplits ranges of splitLength positions, each
// range its own workgroup, so one decoded token over a long context keeps many workgroups busy
// instead of one per head. Every key and value is read once for the HEADS query heads of its
// group (GQA), eight halves per load.
//
// Per block of BLOCK positions: lane i scores positions i, i+WG, ... for every head into shared
// memory (or the scratch, SCORES_IN_SCRATCH); one max and one sum reduction for all heads; then the weighted sum of V with lanes
// split as (quad of 8 dimensions, slice of positions), each slice accumulating its own positions
// (on CPU drivers a contiguous run of them) rescaled with the running max like the others, the
// slices added once at the end. The result
// is the final output (nSplits == 1) or a partial per (token, head, split): the max m, the sum s
// of exp(score - m) and the unnormalised sum of exp(score - m) * V, which attention_merge.comp
// combines.
//
// Variants (split_attention.cpp picks one): q and the caches as storage buffers (GPUs), or as
// storage texel buffers (KV_TEXELS, CPU drivers: llvmpipe turns a storage or shared load into a
// loop over the lanes with a branch per lane, but an image load into one inline gather), with 8
// keys per lane and round. SCORES_IN_SCRATCH (with KV_TEXELS): the scores and weights live in the
// workgroup's slot of a scratch storage texel buffer instead of shared memory, for the same
// reason, and a block can then span a whole split (one max, one sum, no rescaling): 4096-key
// attention, CPU time, Llama-3.2-1B shape 3.24 -> 2.23 ms, Qwen2.5-0.5B shape 1.19 -> 0.85.
//
// ROPE_STORE (with SCORES_IN_SCRATCH; one decoded token, one split, one workgroup per KV head:
// the host checks it): the workgroup first does rope_store.comp's work for its heads, with the
// same operations: q rotated into the head of its scratch slot (q itself is left as it was), k
// rotated and v stored as halves into the caches' slot of the position. One dispatch fewer per
// layer.
//
// PACK_Q8_0 (one split only; the host checks it): the output is also written packed as Q8_0
// codes, exactly what round_activations.comp PACK_Q8_0 makes of it, for the integer product that
// reads the attention next (the output projection): one dispatch fewer per layer.
//
// The cache is a ring of ringSize slots: position p lives in slot p % ringSize (full-context
// layers: ringSize = the context; sliding-window layers: window + batch - 1 slots).
// CPU reference: agora::cpu::attendCausalBatch (with roundLikeGgml = false).
#include "common.glsl"

layout(local_size_x_id = 0) in;
layout(constant_id = 0) const uint WORKGROUP_SIZE = 64; // >= headDim / 8 (the host checks it)
layout(constant_id = 1) const uint BLOCK = 256;         // positions per round, a multiple of WORKGROUP_SIZE
layout(constant_id = 2) const uint HEADS = 1;           // query heads per workgroup, all on one KV head
// The head size as a constant (the host sets it to pc.headDim), so the loops over a head's
// dimensions unroll: llvmpipe then keeps the per-key sums and the V accumulators in registers
// with constant indices. 4096-key attention, 14 heads of 64: 1.94 -> 1.45 ms of CPU time.
layout(constant_id = 3) const uint HEAD_DIM = 64;       // a multiple of 8, at most 256
const uint MAX_HEAD_VEC4 = HEAD_DIM / 4u;
#if defined(KV_TEXELS)
const uint POSITIONS = 8; // keys one lane scores per round: each q fetch (a gather call on llvmpipe) serves 8
#else
const uint POSITIONS = 4; // keys one lane scores per round
#endif

#if !defined(KV_TEXELS)
layout(std430, binding = 0) readonly buffer QBuffer { vec4 q[]; };       // (headDim, nHead, nTokens)
#endif
#if defined(KV_TEXELS)
// The caches as storage texel buffers (RGBA32UI, 8 halves a texel): llvmpipe loads a texel with
// an inline, branch-free gather where a storage-buffer load is a loop over the lanes. (Uniform
// texel buffers gather too, through a call: 4096-key attention 3.15 -> 3.02 ms of CPU time as
// images. The matrix products keep them: as images Llama-shape decode fell 14.5 -> 12.1 tok/s.)
#if defined(ROPE_STORE)
layout(binding = 1, rgba32ui) uniform coherent uimageBuffer kTexels; // the token's slot is written first
layout(binding = 2, rgba32ui) uniform coherent uimageBuffer vTexels;
#else
layout(binding = 1, rgba32ui) uniform readonly uimageBuffer kTexels; // (headDim/8, nKvHead, ringSize)
layout(binding = 2, rgba32ui) uniform readonly uimageBuffer vTexels;
#endif
layout(binding = 0, rgba32ui) uniform readonly uimageBuffer qTexels; // the f32 queries, 4 a texel
#define K_AT(i) imageLoad(kTexels, int(i))
#define V_AT(i) imageLoad(vTexels, int(i))
#else
layout(std430, binding = 1) readonly buffer KCache { uvec4 kCache[]; };  // (headDim/8, nKvHead, ringSize) of 8 halves
layout(std430, binding = 2) readonly buffer VCache { uvec4 vCache[]; };
#define K_AT(i) kCache[i]
#define V_AT(i) vCache[i]
#endif
// nSplits == 1: the output, shaped like q. Otherwise partials, per (token, head, split): the max,
// the sum and headDim unnormalised values.
layout(std430, binding = 3) writeonly buffer OutBuffer { float outValues[]; };
#if defined(PACK_Q8_0)
// Row `token` of nHead * HEAD_DIM / 32 blocks, laid out as vk::packedVectorBytes says.
layout(std430, binding = 4) writeonly buffer PackedBuffer { uint packedWords[]; };
#define PACKED_WORDS packedWords
#include "pack_q8_0.glsl"
#endif

layout(push_constant) uniform Push {
    uint headDim;      // equals HEAD_DIM (kept for the push layout shared with the host)
    uint nHead;
    uint nKvHead;
    uint nTokens;
    uint firstPos;
    float scale;
    float softcap;     // gemma2: scores become softcap * tanh(score / softcap); 0 = off
    uint window;       // the query at p sees p-window+1..p; 0 = every earlier position
    uint ringSize;     // cache slots; position p is in slot p % ringSize
    uint splitLength;  // positions per split
    uint nSplits;
#if defined(ROPE_STORE)
    uint nDims;        // rotated dimensions per head (rope_store.comp's push constants from here)
    float freqBase;
    float freqScale;
    uint flags;
#endif
} pc;

#if !defined(KV_TEXELS)
shared vec4 query[HEADS * MAX_HEAD_VEC4];
#endif
// Scores, then weights, position-major with the heads padded to whole vec4s: the V pass reads a
// position's weights for every head with HEAD_VEC4 loads instead of HEADS.
const uint HEAD_VEC4 = (HEADS + 3u) / 4u;
// After the last block, weights holds the slices' sums, two vec4s per (head, lane), then (PACK_Q8_0)
// every head's output: the host's BLOCK leaves room for both (split_attention.cpp: minimumBlock).
const uint PACK_BASE = 2u * HEADS * WORKGROUP_SIZE;
#if defined(SCORES_IN_SCRATCH)
shared vec4 weights[PACK_BASE + HEADS * MAX_HEAD_VEC4]; // the last step's only
// Workgroup w's scores: its slot of slotPositions * HEAD_VEC4 texels (main(); the host sizes the
// view for every workgroup of the dispatch).
#if defined(PACK_Q8_0)
#define SCORE_BINDING 5
#else
#define SCORE_BINDING 4
#endif
layout(binding = SCORE_BINDING, rgba32ui) uniform coherent uimageBuffer scoreTexels;
uint g_scoreBase = 0u;
#define SCORE_LOAD(i) uintBitsToFloat(imageLoad(scoreTexels, int(g_scoreBase + (i))))
#define SCORE_STORE(i, v) imageStore(scoreTexels, int(g_scoreBase + (i)), floatBitsToUint(v))
#define SCORES_WRITTEN() memoryBarrierImage() // before the barrier() that publishes them
#else
shared vec4 weights[BLOCK * HEAD_VEC4];
#define SCORE_LOAD(i) weights[i]
#define SCORE_STORE(i, v) weights[i] = (v)
#define SCORES_WRITTEN()
#endif
shared float reduction[HEADS * WORKGROUP_SIZE];

#if defined(ROPE_STORE)
// The token's f32 k and v rows (headDim, nKvHead) and the rope factors, after the scratch.
layout(std430, binding = SCORE_BINDING + 1) readonly buffer KBuffer { float kRows[]; };
layout(std430, binding = SCORE_BINDING + 2) readonly buffer VBuffer { float vRows[]; };
layout(std430, binding = SCORE_BINDING + 3) readonly buffer FactorBuffer { float factors[]; };
#include "rope_angle.glsl"
#define ROPE_ROTATED rotatedK
#define ROPE_SOURCE(i) kRows[i]
#include "rope_rotated.glsl"
#undef ROPE_ROTATED
#undef ROPE_SOURCE
#define ROPE_ROTATED rotatedQ
#define ROPE_SOURCE(i) uintBitsToFloat(imageLoad(qTexels, int((i) >> 2))[(i) & 3u])
#include "rope_rotated.glsl"
#endif

// values[h] becomes the maximum (or the sum) over the workgroup, for every head at once.
void workgroupReduce(inout float values[HEADS], bool takeMax)
{
    for (uint h = 0; h < HEADS; ++h)
        values[h] = takeMax ? subgroupMax(values[h]) : subgroupAdd(values[h]);
    barrier(); // the previous reduction's readers are done with the slots
    if (subgroupElect()) {
        for (uint h = 0; h < HEADS; ++h)
            reduction[h * WORKGROUP_SIZE + gl_SubgroupID] = values[h];
    }
    barrier();
    for (uint h = 0; h < HEADS; ++h) {
        float result = reduction[h * WORKGROUP_SIZE];
        for (uint s = 1; s < gl_NumSubgroups; ++s)
            result = takeMax ? max(result, reduction[h * WORKGROUP_SIZE + s]) : result + reduction[h * WORKGROUP_SIZE + s];
        values[h] = result;
    }
}

// Adds position i's weights (for every head) times its V values (8 halves) to the sums.
void accumulateV(uint i, uvec4 packed, inout vec4 accLow[HEADS], inout vec4 accHigh[HEADS])
{
    const vec4 low = vec4(unpackHalf2x16(packed.x), unpackHalf2x16(packed.y));
    const vec4 high = vec4(unpackHalf2x16(packed.z), unpackHalf2x16(packed.w));
    vec4 headWeights[HEAD_VEC4];
    for (uint k = 0; k < HEAD_VEC4; ++k)
        headWeights[k] = SCORE_LOAD(i * HEAD_VEC4 + k);
    for (uint h = 0; h < HEADS; ++h) {
        const float w = headWeights[h >> 2][h & 3u];
        accLow[h] += w * low;
        accHigh[h] += w * high;
    }
}

// Head h's summed slices (low: dimensions 8 quad .. +3, high: the next four): the output row
// divided by the softmax sum (one split), or the partial with its max and sum. low and high
// become what was written.
void storeHead(uint h, uint token, uint split, uint firstHead, uint quad, float runningMax, float runningSum,
               inout vec4 low, inout vec4 high)
{
    const uint row = token * pc.nHead + firstHead + h;
    uint base = row * HEAD_DIM;
    if (pc.nSplits == 1u) {
        low /= runningSum;
        high /= runningSum;
    } else {
        base = (row * pc.nSplits + split) * (HEAD_DIM + 2u);
        if (quad == 0u) {
            outValues[base] = runningMax;
            outValues[base + 1u] = runningSum;
        }
        base += 2u;
    }
    for (uint e = 0; e < 4u; ++e) {
        outValues[base + quad * 8u + e] = low[e];
        outValues[base + quad * 8u + 4u + e] = high[e];
    }
}

#if defined(PACK_Q8_0)
// Packs block b of the workgroup's heads (HEAD_DIM / 32 a head) from the 8 vec4s of weights at `at`.
void packHeadBlock(uint b, uint token, uint firstHead, uint at)
{
    float v[32];
    [[unroll]] for (uint i = 0; i < 8u; ++i) {
        const vec4 values = weights[at + i];
        [[unroll]] for (uint e = 0; e < 4u; ++e)
            v[4u * i + e] = values[e];
    }
    const uint headBlocks = HEAD_DIM / 32u;
    packQ8_0Block(v, token, firstHead * headBlocks + b, pc.nHead * headBlocks);
}
#endif

void main()
{
    const uint nGroups = pc.nHead / HEADS;
    const uint item = linearWorkgroupIndex();
    if (item >= pc.nTokens * nGroups * pc.nSplits)
        return; // uniform per workgroup
    const uint split = item % pc.nSplits;
    const uint token = item / pc.nSplits / nGroups;
    const uint firstHead = (item / pc.nSplits % nGroups) * HEADS;
    const uint kvHead = firstHead / (pc.nHead / pc.nKvHead);
    const uint nPositions = pc.firstPos + token + 1u;
    // Keys before firstVisible lie outside a sliding window (llama.cpp masks p0 when p - p0 >= window).
    const uint firstVisible = pc.window > 0u && nPositions > pc.window ? nPositions - pc.window : 0u;
    const uint begin = firstVisible + split * pc.splitLength;
    const uint end = begin < nPositions ? min(begin + pc.splitLength, nPositions) : begin; // empty: m = -inf, s = 0
    const uint lane = gl_LocalInvocationID.x;
#if defined(SCORES_IN_SCRATCH)
    // A slot holds a round: BLOCK positions, or the split rounded up to whole workgroups when
    // shorter (BLOCK stays one constant, so a growing context builds no new pipelines).
    const uint slotPositions = min(BLOCK, (pc.splitLength + WORKGROUP_SIZE - 1u) / WORKGROUP_SIZE * WORKGROUP_SIZE);
#if defined(ROPE_STORE)
    // The slot starts with the workgroup's rotated queries, HEADS * HEAD_DIM / 4 texels.
    const uint slotTexels = HEADS * (HEAD_DIM / 4u) + slotPositions * HEAD_VEC4;
    const uint queryTexels = item * slotTexels;
    g_scoreBase = queryTexels + HEADS * (HEAD_DIM / 4u);
#else
    g_scoreBase = item * slotPositions * HEAD_VEC4;
#endif
#endif

    const uint headQuads = HEAD_DIM / 8u;
    const uint rowQuads = pc.nKvHead * headQuads;
    const uint kvOffset = kvHead * headQuads;

    const uint headVec4 = HEAD_DIM / 4u;
#if defined(ROPE_STORE)
    {
        const uint pos = nPositions - 1u;
        // The workgroup's query heads, rotated, into its slot: a lane per texel of four.
        for (uint t = lane; t < HEADS * headVec4; t += WORKGROUP_SIZE) {
            const uint row = (token * pc.nHead + firstHead + t / headVec4) * HEAD_DIM;
            const uint d = 4u * (t % headVec4);
            const vec4 rotated = vec4(rotatedQ(row, d, pos), rotatedQ(row, d + 1u, pos), rotatedQ(row, d + 2u, pos),
                                      rotatedQ(row, d + 3u, pos));
            imageStore(scoreTexels, int(queryTexels + t), floatBitsToUint(rotated));
        }
        // Its KV head's rotated k and v into the caches' slot of the position: a lane per texel of
        // eight halves.
        for (uint t = lane; t < headQuads; t += WORKGROUP_SIZE) {
            const uint row = (token * pc.nKvHead + kvHead) * HEAD_DIM;
            uvec4 kWords, vWords;
            for (uint w = 0; w < 4u; ++w) {
                const uint d = 8u * t + 2u * w;
                kWords[w] = packHalf2x16(vec2(rotatedK(row, d, pos), rotatedK(row, d + 1u, pos)));
                vWords[w] = packHalf2x16(vec2(vRows[row + d], vRows[row + d + 1u]));
            }
            const int texel = int((pos % pc.ringSize) * rowQuads + kvOffset + t);
            imageStore(kTexels, texel, kWords);
            imageStore(vTexels, texel, vWords);
        }
        memoryBarrierImage();
        barrier(); // every lane reads the rotated queries and the new key
    }
#define QUERY_AT(h, i) uintBitsToFloat(imageLoad(scoreTexels, int(queryTexels + (h) * headVec4 + (i))))
#elif defined(KV_TEXELS)
    // llvmpipe: a texel fetch (a gather) is cheaper than a shared-memory load (a loop over lanes).
    const uint queryBase = (token * pc.nHead + firstHead) * headVec4;
#define QUERY_AT(h, i) uintBitsToFloat(imageLoad(qTexels, int(queryBase + (h) * headVec4 + (i))))
#else
    // The queries are read once per key by every lane: keep them in shared memory.
    for (uint j = lane; j < HEADS * headVec4; j += WORKGROUP_SIZE) {
        const uint h = j / headVec4;
        query[h * MAX_HEAD_VEC4 + j % headVec4] = q[(token * pc.nHead + firstHead + h) * headVec4 + j % headVec4];
    }
    barrier();
#define QUERY_AT(h, i) query[(h) * MAX_HEAD_VEC4 + (i)]
#endif

    // The weighted sum of V: lane = (quad of dims, slice of positions).
    const uint quad = lane % headQuads;
    const uint slices = WORKGROUP_SIZE / headQuads;
    const uint slice = lane / headQuads;
    vec4 accLow[HEADS];
    vec4 accHigh[HEADS];
    float runningMax[HEADS];
    float runningSum[HEADS];
    for (uint h = 0; h < HEADS; ++h) {
        accLow[h] = vec4(0.0);
        accHigh[h] = vec4(0.0);
        runningMax[h] = -3.0e38;
        runningSum[h] = 0.0;
    }

    for (uint blockStart = begin; blockStart < end; blockStart += BLOCK) {
        const uint blockLength = min(BLOCK, end - blockStart);
        float blockMax[HEADS];
        for (uint h = 0; h < HEADS; ++h)
            blockMax[h] = -3.0e38;
        // Each lane scores POSITIONS keys per round, so every query value read from shared
        // memory serves POSITIONS keys.
        for (uint round = 0; round < blockLength; round += WORKGROUP_SIZE * POSITIONS) {
            uint kBase[POSITIONS];
            float dots[HEADS][POSITIONS];
            for (uint t = 0; t < POSITIONS; ++t) {
                const uint i = round + lane + t * WORKGROUP_SIZE;
                kBase[t] = i < blockLength ? ((blockStart + i) % pc.ringSize) * rowQuads + kvOffset : kvOffset;
                for (uint h = 0; h < HEADS; ++h)
                    dots[h][t] = 0.0;
            }
            for (uint j = 0; j < headQuads; ++j) {
                // The fetches first, then the conversions: on llvmpipe a texel fetch is a call
                // that spills the live registers, and halves spill in half the space of floats
                // (4096-key attention, Llama-1B shape: 3.26 -> 3.13 ms of CPU time).
                uvec4 packed[POSITIONS];
                for (uint t = 0; t < POSITIONS; ++t)
                    packed[t] = K_AT(kBase[t] + j);
                vec4 low[POSITIONS];
                vec4 high[POSITIONS];
                for (uint t = 0; t < POSITIONS; ++t) {
                    low[t] = vec4(unpackHalf2x16(packed[t].x), unpackHalf2x16(packed[t].y));
                    high[t] = vec4(unpackHalf2x16(packed[t].z), unpackHalf2x16(packed[t].w));
                }
                for (uint h = 0; h < HEADS; ++h) {
                    const vec4 qLow = QUERY_AT(h, 2u * j);
                    const vec4 qHigh = QUERY_AT(h, 2u * j + 1u);
                    for (uint t = 0; t < POSITIONS; ++t)
                        dots[h][t] += dot(qLow, low[t]) + dot(qHigh, high[t]);
                }
            }
            for (uint t = 0; t < POSITIONS; ++t) {
                const uint i = round + lane + t * WORKGROUP_SIZE;
                if (i >= blockLength)
                    break;
                vec4 scores[HEAD_VEC4];
                for (uint k = 0; k < HEAD_VEC4; ++k)
                    scores[k] = vec4(0.0);
                for (uint h = 0; h < HEADS; ++h) {
                    float score = dots[h][t] * pc.scale;
                    if (pc.softcap > 0.0) {
                        const float s = clamp(score / pc.softcap, -15.0, 15.0);
                        score = pc.softcap * (1.0 - 2.0 / (exp(2.0 * s) + 1.0));
                    }
                    scores[h >> 2][h & 3u] = score;
                    blockMax[h] = max(blockMax[h], score);
                }
                for (uint k = 0; k < HEAD_VEC4; ++k)
                    SCORE_STORE(i * HEAD_VEC4 + k, scores[k]);
            }
        }
        SCORES_WRITTEN();
        workgroupReduce(blockMax, true);
        float blockSum[HEADS];
        for (uint h = 0; h < HEADS; ++h) {
            blockMax[h] = max(blockMax[h], runningMax[h]);
            blockSum[h] = 0.0;
        }
        for (uint i = lane; i < blockLength; i += WORKGROUP_SIZE) {
            vec4 slots[HEAD_VEC4]; // the lane's own positions
            for (uint k = 0; k < HEAD_VEC4; ++k)
                slots[k] = SCORE_LOAD(i * HEAD_VEC4 + k);
            for (uint h = 0; h < HEADS; ++h) {
                const float w = exp(slots[h >> 2][h & 3u] - blockMax[h]);
                slots[h >> 2][h & 3u] = w;
                blockSum[h] += w;
            }
            for (uint k = 0; k < HEAD_VEC4; ++k)
                SCORE_STORE(i * HEAD_VEC4 + k, slots[k]);
        }
        SCORES_WRITTEN();
        workgroupReduce(blockSum, false); // its barriers also publish the weights
        for (uint h = 0; h < HEADS; ++h) {
            const float rescale = exp(runningMax[h] - blockMax[h]);
            runningSum[h] = runningSum[h] * rescale + blockSum[h];
            runningMax[h] = blockMax[h];
            accLow[h] *= rescale;
            accHigh[h] *= rescale;
        }
        if (slice < slices) {
            // Each slice sums a contiguous run of the block's positions, so its reads of V move
            // forward through memory instead of striding by `slices` rows: on lavapipe a decoded
            // Qwen2.5-0.5B-shape token at depth 4096 took 72.7 ms against 75.3 (three interleaved
            // runs each), Llama-3.2-1B shape 158.7 against 163.1 (two), and 4096-key attention
            // 1.92 against 2.09 ms of CPU time.
            // (GPUs keep the slices on neighbouring positions: a warp's slices then read
            // neighbouring rows together.)
#if defined(KV_TEXELS)
            const uint run = (blockLength + slices - 1u) / slices;
            const uint runEnd = min(blockLength, (slice + 1u) * run);
            // Four positions' V fetches back to back, then their sums: the accumulators spill
            // around one run of fetch calls instead of around each (4096-key attention, CPU
            // time: Llama-1B shape 3.77 -> 3.26 ms, Qwen shape 1.27 -> 1.18; eight at a time
            // was no better).
            uint i = slice * run;
            for (; i + 3u < runEnd; i += 4u) {
                uvec4 packed[4];
                for (uint t = 0; t < 4u; ++t)
                    packed[t] = V_AT(((blockStart + i + t) % pc.ringSize) * rowQuads + kvOffset + quad);
                for (uint t = 0; t < 4u; ++t)
                    accumulateV(i + t, packed[t], accLow, accHigh);
            }
            for (; i < runEnd; ++i)
                accumulateV(i, V_AT(((blockStart + i) % pc.ringSize) * rowQuads + kvOffset + quad), accLow, accHigh);
#else
            for (uint i = slice; i < blockLength; i += slices)
                accumulateV(i, V_AT(((blockStart + i) % pc.ringSize) * rowQuads + kvOffset + quad), accLow, accHigh);
#endif
        }
        barrier(); // the weights are rewritten by the next block
    }

    // Add up the slices and write every head's output (or partial), all heads at once: two
    // barriers (three packing) in all where one head at a time took two (three) a head.
    // The block loop ended with a barrier (or never touched weights): the array is free.
    for (uint h = 0; h < HEADS; ++h) {
        weights[2u * (h * WORKGROUP_SIZE + lane)] = accLow[h];
        weights[2u * (h * WORKGROUP_SIZE + lane) + 1u] = accHigh[h];
    }
    barrier();
    if (lane < headQuads) {
        for (uint h = 0; h < HEADS; ++h) {
            vec4 low = vec4(0.0);
            vec4 high = vec4(0.0);
            for (uint s = 0; s < slices; ++s) {
                low += weights[2u * (h * WORKGROUP_SIZE + s * headQuads + quad)];
                high += weights[2u * (h * WORKGROUP_SIZE + s * headQuads + quad) + 1u];
            }
            storeHead(h, token, split, firstHead, quad, runningMax[h], runningSum[h], low, high);
#if defined(PACK_Q8_0)
            weights[PACK_BASE + h * MAX_HEAD_VEC4 + 2u * quad] = low;
            weights[PACK_BASE + h * MAX_HEAD_VEC4 + 2u * quad + 1u] = high;
#endif
        }
    }
#if defined(PACK_Q8_0)
    barrier();
    const uint headBlocks = HEAD_DIM / 32u;
    for (uint b = lane; b < HEADS * headBlocks; b += WORKGROUP_SIZE) // a block of 32 values per lane
        packHeadBlock(b, token, firstHead, PACK_BASE + (b / headBlocks) * MAX_HEAD_VEC4 + 8u * (b % headBlocks));
#endif
}
