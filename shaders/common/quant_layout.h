/* Quantized block layouts, declared once for C++ and for GLSL.
 *
 * This file is included by engine/src/tensor/quant_blocks.h (which static_asserts its packed
 * structs against every constant here) and by compute shaders (#include "common/quant_layout.h").
 * It therefore holds nothing but #define constants and comments: no types, no C-only syntax.
 *
 * Naming (stable, shaders depend on it):
 *   AGORA_<TYPE>_BLOCK_ELEMENTS   weights per block
 *   AGORA_<TYPE>_BLOCK_BYTES      bytes per block
 *   AGORA_<TYPE>_<FIELD>_OFFSET   byte offset of a field from the start of its block
 *   AGORA_<TYPE>_<FIELD>_BYTES    byte length of an array field (scalars: 2 bytes, fp16)
 * <TYPE> is the GGUF type name (Q4_K, IQ4_XS, ...). All multi-byte fields are little-endian;
 * "d", "dmin" and "m" are IEEE fp16. Blocks are packed back to back with no padding; every
 * block size is even, so 16-bit fields are 2-byte aligned, but 32-bit quantities such as
 * Q5_0's qh (offset 2 of a 22-byte block) are not 4-byte aligned: read them as 16-bit words
 * or bytes.
 *
 * What the fields mean (element index i inside the block, q the stored code):
 *   Q8_0   w = d * int8(qs[i])
 *   Q4_0   w = d * (nibble - 8); qs[j] low nibble is element j, high nibble element j+16
 *   Q4_1   w = d * nibble + m
 *   Q5_0   like Q4_0 with a fifth bit: bit j of the 32-bit qh is the high bit of element j,
 *          code - 16
 *   Q5_1   like Q4_1 with the fifth bit from qh
 *   Q2_K   16 sub-blocks of 16; scales[s]: low nibble scale, high nibble min;
 *          w = d * scale * q2 - dmin * min
 *   Q3_K   16 sub-blocks of 16 with 6-bit signed scales packed in 12 bytes (minus 32); the 2-bit
 *          codes in qs, the third bit in hmask (bit clear: subtract 4); w = d * (scale-32) * q3
 *   Q4_K   8 sub-blocks of 32 with 6-bit scales and mins packed in 12 bytes;
 *          w = d * scale * q4 - dmin * min
 *   Q5_K   as Q4_K with a fifth bit from qh
 *   Q6_K   16 sub-blocks of 16 with int8 scales; 4 low bits in ql, 2 high bits in qh;
 *          w = d * scale * (q6 - 32)
 *   IQ4_NL w = d * AGORA_IQ4_NL_VALUES[nibble] (non-linear 4-bit table)
 *   IQ4_XS 8 sub-blocks of 32 with 6-bit scales (low 4 bits in scales_l nibbles, high 2 bits in
 *          the 16-bit scales_h); w = d * (scale - 32) * AGORA_IQ4_NL_VALUES[nibble]
 * engine/src/tensor/dequantize_*.cpp is the exact reference for the element order.
 */
#ifndef AGORA_QUANT_LAYOUT_H
#define AGORA_QUANT_LAYOUT_H

/* Super-block size of the K-quants and IQ4_XS, and the packed 6-bit scale array length. */
#define AGORA_QK_K 256
#define AGORA_K_SCALE_BYTES 12

/* ---- plain types ---------------------------------------------------------------------- */
#define AGORA_F32_BLOCK_ELEMENTS 1
#define AGORA_F32_BLOCK_BYTES 4
#define AGORA_F16_BLOCK_ELEMENTS 1
#define AGORA_F16_BLOCK_BYTES 2
#define AGORA_BF16_BLOCK_ELEMENTS 1
#define AGORA_BF16_BLOCK_BYTES 2

/* ---- Q8_0 ------------------------------------------------------------------------------ */
#define AGORA_Q8_0_BLOCK_ELEMENTS 32
#define AGORA_Q8_0_BLOCK_BYTES 34
#define AGORA_Q8_0_D_OFFSET 0
#define AGORA_Q8_0_QS_OFFSET 2
#define AGORA_Q8_0_QS_BYTES 32

/* ---- Q4_0 ------------------------------------------------------------------------------ */
#define AGORA_Q4_0_BLOCK_ELEMENTS 32
#define AGORA_Q4_0_BLOCK_BYTES 18
#define AGORA_Q4_0_D_OFFSET 0
#define AGORA_Q4_0_QS_OFFSET 2
#define AGORA_Q4_0_QS_BYTES 16

/* ---- Q4_1 ------------------------------------------------------------------------------ */
#define AGORA_Q4_1_BLOCK_ELEMENTS 32
#define AGORA_Q4_1_BLOCK_BYTES 20
#define AGORA_Q4_1_D_OFFSET 0
#define AGORA_Q4_1_M_OFFSET 2
#define AGORA_Q4_1_QS_OFFSET 4
#define AGORA_Q4_1_QS_BYTES 16

/* ---- Q5_0 ------------------------------------------------------------------------------ */
#define AGORA_Q5_0_BLOCK_ELEMENTS 32
#define AGORA_Q5_0_BLOCK_BYTES 22
#define AGORA_Q5_0_D_OFFSET 0
#define AGORA_Q5_0_QH_OFFSET 2
#define AGORA_Q5_0_QH_BYTES 4
#define AGORA_Q5_0_QS_OFFSET 6
#define AGORA_Q5_0_QS_BYTES 16

/* ---- Q5_1 ------------------------------------------------------------------------------ */
#define AGORA_Q5_1_BLOCK_ELEMENTS 32
#define AGORA_Q5_1_BLOCK_BYTES 24
#define AGORA_Q5_1_D_OFFSET 0
#define AGORA_Q5_1_M_OFFSET 2
#define AGORA_Q5_1_QH_OFFSET 4
#define AGORA_Q5_1_QH_BYTES 4
#define AGORA_Q5_1_QS_OFFSET 8
#define AGORA_Q5_1_QS_BYTES 16

/* ---- Q2_K ------------------------------------------------------------------------------ */
#define AGORA_Q2_K_BLOCK_ELEMENTS 256
#define AGORA_Q2_K_BLOCK_BYTES 84
#define AGORA_Q2_K_SCALES_OFFSET 0
#define AGORA_Q2_K_SCALES_BYTES 16
#define AGORA_Q2_K_QS_OFFSET 16
#define AGORA_Q2_K_QS_BYTES 64
#define AGORA_Q2_K_D_OFFSET 80
#define AGORA_Q2_K_DMIN_OFFSET 82

/* ---- Q3_K ------------------------------------------------------------------------------ */
#define AGORA_Q3_K_BLOCK_ELEMENTS 256
#define AGORA_Q3_K_BLOCK_BYTES 110
#define AGORA_Q3_K_HMASK_OFFSET 0
#define AGORA_Q3_K_HMASK_BYTES 32
#define AGORA_Q3_K_QS_OFFSET 32
#define AGORA_Q3_K_QS_BYTES 64
#define AGORA_Q3_K_SCALES_OFFSET 96
#define AGORA_Q3_K_SCALES_BYTES 12
#define AGORA_Q3_K_D_OFFSET 108

/* ---- Q4_K ------------------------------------------------------------------------------ */
#define AGORA_Q4_K_BLOCK_ELEMENTS 256
#define AGORA_Q4_K_BLOCK_BYTES 144
#define AGORA_Q4_K_D_OFFSET 0
#define AGORA_Q4_K_DMIN_OFFSET 2
#define AGORA_Q4_K_SCALES_OFFSET 4
#define AGORA_Q4_K_SCALES_BYTES 12
#define AGORA_Q4_K_QS_OFFSET 16
#define AGORA_Q4_K_QS_BYTES 128

/* ---- Q5_K ------------------------------------------------------------------------------ */
#define AGORA_Q5_K_BLOCK_ELEMENTS 256
#define AGORA_Q5_K_BLOCK_BYTES 176
#define AGORA_Q5_K_D_OFFSET 0
#define AGORA_Q5_K_DMIN_OFFSET 2
#define AGORA_Q5_K_SCALES_OFFSET 4
#define AGORA_Q5_K_SCALES_BYTES 12
#define AGORA_Q5_K_QH_OFFSET 16
#define AGORA_Q5_K_QH_BYTES 32
#define AGORA_Q5_K_QS_OFFSET 48
#define AGORA_Q5_K_QS_BYTES 128

/* ---- Q6_K ------------------------------------------------------------------------------ */
#define AGORA_Q6_K_BLOCK_ELEMENTS 256
#define AGORA_Q6_K_BLOCK_BYTES 210
#define AGORA_Q6_K_QL_OFFSET 0
#define AGORA_Q6_K_QL_BYTES 128
#define AGORA_Q6_K_QH_OFFSET 128
#define AGORA_Q6_K_QH_BYTES 64
#define AGORA_Q6_K_SCALES_OFFSET 192 /* int8 */
#define AGORA_Q6_K_SCALES_BYTES 16
#define AGORA_Q6_K_D_OFFSET 208

/* ---- IQ4_NL ---------------------------------------------------------------------------- */
#define AGORA_IQ4_NL_BLOCK_ELEMENTS 32
#define AGORA_IQ4_NL_BLOCK_BYTES 18
#define AGORA_IQ4_NL_D_OFFSET 0
#define AGORA_IQ4_NL_QS_OFFSET 2
#define AGORA_IQ4_NL_QS_BYTES 16
/* The 16 code points of IQ4_NL and IQ4_XS, as a comma list: C++ `{AGORA_IQ4_NL_VALUES}`,
 * GLSL `int[16](AGORA_IQ4_NL_VALUES)`. */
#define AGORA_IQ4_NL_VALUES -127, -104, -83, -65, -49, -35, -22, -10, 1, 13, 25, 38, 53, 69, 89, 113

/* ---- IQ4_XS ---------------------------------------------------------------------------- */
#define AGORA_IQ4_XS_BLOCK_ELEMENTS 256
#define AGORA_IQ4_XS_BLOCK_BYTES 136
#define AGORA_IQ4_XS_D_OFFSET 0
#define AGORA_IQ4_XS_SCALES_H_OFFSET 2 /* uint16: 2 high scale bits per sub-block */
#define AGORA_IQ4_XS_SCALES_L_OFFSET 4
#define AGORA_IQ4_XS_SCALES_L_BYTES 4
#define AGORA_IQ4_XS_QS_OFFSET 8
#define AGORA_IQ4_XS_QS_BYTES 128

#endif /* AGORA_QUANT_LAYOUT_H */
