# Quantized decode kernels: one variant per GGUF weight type of matvec_quant.comp and
# get_rows.comp (dequantization in common/dequant.glsl); included from CMakeLists.txt.
set(AGORA_QUANT_TYPES F32 F16 BF16 Q8_0 Q4_0 Q4_1 Q5_0 Q5_1 Q2_K Q3_K Q4_K Q5_K Q6_K IQ4_NL IQ4_XS)
foreach(type IN LISTS AGORA_QUANT_TYPES)
    agora_kernel(MatVec_${type}  SOURCE matvec_quant.comp BINDINGS rrw PUSH 16 SPECS 2 DEFINES TYPE_${type})
    agora_kernel(GetRows_${type} SOURCE get_rows.comp     BINDINGS rrw PUSH 20 SPECS 1 DEFINES TYPE_${type})
endforeach()
