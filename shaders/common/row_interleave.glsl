// Where a row of weights starts in a texel buffer whose rows are interleaved texel by texel in
// groups of ROW_INTERLEAVE rows (quant_kernels.h: WeightMatrix::rowInterleave): texel t of row r
// sits at texel ((r / I) * rowTexels + t) * I + r % I. The lanes of a SIMD group take neighbouring
// rows, so with I = the SIMD width one gather reads I neighbouring texels, and a lane's next
// texel is I texels on: the group reads its rows as one forward stream, which the CPU's
// prefetchers follow, where a row per lane in row order is eight streams a row apart that they do
// not (bench/README.md). I = 1 is the plain layout. The including shader declares the
// specialization constant ROW_INTERLEAVE.
#ifndef AGORA_ROW_INTERLEAVE_GLSL
#define AGORA_ROW_INTERLEAVE_GLSL

// The texel holding the first 16 bytes of row `row` of rows `rowBytes` (a multiple of 16) apart.
uint rowStartTexel(uint row, uint rowBytes)
{
    return (row / ROW_INTERLEAVE) * (rowBytes >> 4) * ROW_INTERLEAVE + row % ROW_INTERLEAVE;
}

// The texel `t` texels into the row that starts at texel rowTexel.
uint rowTexelAt(uint rowTexel, uint t)
{
    return rowTexel + t * ROW_INTERLEAVE;
}

#endif
