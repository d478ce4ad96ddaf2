# Kernels reading weights in their GGUF type, one variant per type: matvec_quant.comp (decode),
# matmul_quant.comp (batched prompt processing) and get_rows.comp (embedding lookup); the
# dequantization is in common/dequant.glsl. matvec_rows.comp and matmul_rows.comp are the same
# products laid out for CPU drivers (lavapipe): one row per invocation; matvec_texel.comp and
# matmul_texel.comp are those reading through texel buffers, which llvmpipe loads far faster.
# Included from CMakeLists.txt.
set(AGORA_QUANT_TYPES F32 F16 BF16 Q8_0 Q4_0 Q4_1 Q5_0 Q5_1 Q2_K Q3_K Q4_K Q5_K Q6_K IQ4_NL IQ4_XS)
foreach(type IN LISTS AGORA_QUANT_TYPES)
    agora_kernel(MatVec_${type}  SOURCE matvec_quant.comp BINDINGS rrw PUSH 16 SPECS 2 DEFINES TYPE_${type})
    agora_kernel(MatMul_${type}  SOURCE matmul_quant.comp BINDINGS rrw PUSH 28 SPECS 2 DEFINES TYPE_${type})
    agora_kernel(MatVecRows_${type} SOURCE matvec_rows.comp BINDINGS rrw PUSH 16 SPECS 1 DEFINES TYPE_${type})
    agora_kernel(MatMulRows_${type} SOURCE matmul_rows.comp BINDINGS rrw PUSH 28 SPECS 1 DEFINES TYPE_${type})
    agora_kernel(MatVecTexel_${type} SOURCE matvec_texel.comp BINDINGS ttwr PUSH 16 SPECS 5 DEFINES TYPE_${type})
    agora_kernel(MatMulTexel_${type} SOURCE matmul_texel.comp BINDINGS ttw PUSH 28 SPECS 2 DEFINES TYPE_${type})
    agora_kernel(GetRows_${type} SOURCE get_rows.comp     BINDINGS rrw PUSH 20 SPECS 2 DEFINES TYPE_${type})
endforeach()
# matvec_texel.comp with integer products against x packed as Q8_0 codes (round_activations.comp
# PACK_Q8_0): the types whose partner is Q8_0 and whose rows are read as pairs of blocks.
foreach(type Q5_0 Q8_0)
    agora_kernel(MatVecInt_${type} SOURCE matvec_texel.comp BINDINGS ttwr PUSH 16 SPECS 5 DEFINES TYPE_${type} INT_DOT)
    agora_kernel(MatMulInt_${type} SOURCE matmul_texel.comp BINDINGS ttw PUSH 28 SPECS 2 DEFINES TYPE_${type} INT_DOT)
endforeach()
# Q4_K and Q6_K decode products against the same packed x (their prompt batches stay in float).
foreach(type Q4_K Q6_K)
    agora_kernel(MatVecInt_${type} SOURCE matvec_texel.comp BINDINGS ttwr PUSH 16 SPECS 5 DEFINES TYPE_${type} INT_DOT)
endforeach()
# The copy bandwidth yardstick of the bench profile (engine/src/vk/bandwidth.cpp).
agora_kernel(CopyVec4 SOURCE copy_vec4.comp BINDINGS rw PUSH 4 SPECS 1)
