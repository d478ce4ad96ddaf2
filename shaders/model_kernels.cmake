# Kernels of the model graph beyond norm/matvec/embedding (owned by the model engineer); included
# from shaders/CMakeLists.txt, same agora_kernel() contract as the manifest there.
agora_kernel(Rope           SOURCE rope.comp        BINDINGS wr   PUSH 32 SPECS 1)
agora_kernel(KvStore        SOURCE kv_store.comp    BINDINGS rrww PUSH 16 SPECS 1)
# RoPE of q and k and the KV store in one dispatch (what the forward pass uses; the two above are its reference).
agora_kernel(RopeStore      SOURCE rope_store.comp  BINDINGS wrrwwr PUSH 40 SPECS 1)
agora_kernel(Attention      SOURCE attention.comp   BINDINGS rrrw PUSH 32 SPECS 1)
# Split-KV attention (what the forward pass uses) and the log-sum-exp merge of its partials.
agora_kernel(AttentionSplit SOURCE attention_split.comp BINDINGS rrrw PUSH 44 SPECS 4)
agora_kernel(AttentionSplitTexel SOURCE attention_split.comp BINDINGS iiiw PUSH 44 SPECS 4 DEFINES KV_TEXELS)
# CPU drivers, the scores in a slot of the scratch per workgroup (decoding: few workgroups).
agora_kernel(AttentionSplitTexelScores SOURCE attention_split.comp BINDINGS iiiwI PUSH 44 SPECS 4 DEFINES KV_TEXELS SCORES_IN_SCRATCH)
# The same with the output also packed as Q8_0 codes for the integer product after it.
agora_kernel(AttentionSplitPack SOURCE attention_split.comp BINDINGS rrrww PUSH 44 SPECS 4 DEFINES PACK_Q8_0)
agora_kernel(AttentionSplitTexelPack SOURCE attention_split.comp BINDINGS iiiww PUSH 44 SPECS 4 DEFINES KV_TEXELS PACK_Q8_0)
agora_kernel(AttentionSplitTexelScoresPack SOURCE attention_split.comp BINDINGS iiiwwI PUSH 44 SPECS 4 DEFINES KV_TEXELS PACK_Q8_0 SCORES_IN_SCRATCH)
# CPU drivers, a decoded token: RoPE of q and k and the KV store first, in the same dispatch
# (rope_store.comp's work; then k, v and the rope factors follow the scratch).
agora_kernel(AttentionRopeStore SOURCE attention_split.comp BINDINGS iIIwIrrr PUSH 60 SPECS 4 DEFINES KV_TEXELS SCORES_IN_SCRATCH ROPE_STORE)
agora_kernel(AttentionRopeStorePack SOURCE attention_split.comp BINDINGS iIIwwIrrr PUSH 60 SPECS 4 DEFINES KV_TEXELS PACK_Q8_0 SCORES_IN_SCRATCH ROPE_STORE)
agora_kernel(AttentionMerge SOURCE attention_merge.comp BINDINGS rw PUSH 12 SPECS 1)
agora_kernel(SiluGate       SOURCE elementwise.comp BINDINGS rrw  PUSH 8  SPECS 1 DEFINES OP_SILU_GATE)
agora_kernel(Add            SOURCE elementwise.comp BINDINGS rrw  PUSH 8  SPECS 1 DEFINES OP_ADD)
agora_kernel(BiasAdd        SOURCE elementwise.comp BINDINGS rrw  PUSH 8  SPECS 1 DEFINES OP_BIAS_ADD)
agora_kernel(Softmax        SOURCE softmax.comp     BINDINGS w    PUSH 8  SPECS 1)
agora_kernel(MatMulF32      SOURCE matmul_f32.comp  BINDINGS rrw  PUSH 24 SPECS 2)
# The newer families (qwen3, gemma2, gemma3): GELU(tanh) gate, softcap and scale.
agora_kernel(GeluGate       SOURCE family_elementwise.comp BINDINGS rrw PUSH 8 SPECS 1 DEFINES OP_GELU_GATE)
agora_kernel(Softcap        SOURCE family_elementwise.comp BINDINGS rrw PUSH 8 SPECS 1 DEFINES OP_SOFTCAP)
agora_kernel(Scale          SOURCE family_elementwise.comp BINDINGS rrw PUSH 8 SPECS 1 DEFINES OP_SCALE)
# Activations rounded like llama.cpp before a product with quantized weights (round_activations.comp).
agora_kernel(RoundQ8_0      SOURCE round_activations.comp BINDINGS rw PUSH 4 SPECS 1 DEFINES ROUND_Q8_0)
agora_kernel(PackQ8_0       SOURCE round_activations.comp BINDINGS rw PUSH 8 SPECS 1 DEFINES PACK_Q8_0)
agora_kernel(RmsNormPackQ8_0 SOURCE rmsnorm.comp BINDINGS rrww PUSH 12 SPECS 1 DEFINES PACK_Q8_0)
agora_kernel(RoundQ8_K      SOURCE round_activations.comp BINDINGS rw PUSH 4 SPECS 1 DEFINES ROUND_Q8_K)
agora_kernel(RoundF16       SOURCE round_activations.comp BINDINGS rw PUSH 4 SPECS 1 DEFINES ROUND_F16)
agora_kernel(RoundBF16      SOURCE round_activations.comp BINDINGS rw PUSH 4 SPECS 1 DEFINES ROUND_BF16)
