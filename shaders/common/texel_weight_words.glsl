// dequant.glsl's word reader for weights in a uniform texel buffer `weights` (RGBA32UI) of rows
// pc.rowBytes apart (a multiple of 16), interleaved in groups of ROW_INTERLEAVE rows
// (row_interleave.glsl), for matvec_texel.comp and matmul_texel.comp, which declare those. Plain
// rows: a word index counts from the start of the binding, as for a storage buffer. Interleaved
// rows: it counts from the start of the row chosen by selectRow, whose rowBase (the byte offset
// dequant.glsl's readers add) is then 0.
#ifndef AGORA_TEXEL_WEIGHT_WORDS_GLSL
#define AGORA_TEXEL_WEIGHT_WORDS_GLSL

#include "row_interleave.glsl"

uint g_rowTexel = 0u; // the selected row's first texel (interleaved rows)

#define AGORA_WORDS_PROVIDED 1
uint loadWord(uint index)
{
    if (ROW_INTERLEAVE == 1u)
        return texelFetch(weights, int(index >> 2))[index & 3u];
    return texelFetch(weights, int(rowTexelAt(g_rowTexel, index >> 2)))[index & 3u];
}

uint wordCount()
{
    return ROW_INTERLEAVE == 1u ? uint(textureSize(weights)) * 4u : pc.rowBytes >> 2;
}

// The rowBase for dequant.glsl's readers of the row starting at texel rowTexel, after pointing
// loadWord at it.
uint selectRow(uint rowTexel)
{
    g_rowTexel = rowTexel;
    return ROW_INTERLEAVE == 1u ? rowTexel << 4 : 0u;
}

#endif
