// The angle of RoPE pair `pair` at position `pos` (rope.comp's expression, so the same floats),
// for kernels that rotate while they do something else (rope_store.comp, attention_split.comp
// ROPE_STORE). Needs pc.nDims, pc.freqBase, pc.freqScale, pc.flags and factors[] declared.
#ifndef AGORA_ROPE_ANGLE_GLSL
#define AGORA_ROPE_ANGLE_GLSL

const uint FLAG_NEOX = 1u;    // pairs (i, i + nDims/2); else (2i, 2i+1)
const uint FLAG_FACTORS = 2u; // divide pair i's angle by factors[i] (Llama-3 rope_freqs)

// cos and sin of pair `pair`'s angle at position `pos`.
vec2 ropeRotation(uint pos, uint pair)
{
    float theta = float(pos) * pow(pc.freqBase, -2.0 * float(pair) / float(pc.nDims));
    if ((pc.flags & FLAG_FACTORS) != 0u)
        theta /= factors[pair];
    theta *= pc.freqScale;
    return vec2(cos(theta), sin(theta));
}

#endif
