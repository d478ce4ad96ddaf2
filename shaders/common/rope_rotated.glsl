// float ROPE_ROTATED(base, d, pos): dimension d of the row starting at element `base`, rotated as
// rope.comp rotates it when d < nDims (its pair partner read too), else as it is. ROPE_SOURCE(i)
// reads element i of the unrotated rows. Included once per source, with both macros defined,
// after rope_angle.glsl.
float ROPE_ROTATED(uint base, uint d, uint pos)
{
    if (d >= pc.nDims)
        return ROPE_SOURCE(base + d);
    const uint half_ = pc.nDims / 2u;
    const bool neox = (pc.flags & FLAG_NEOX) != 0u;
    const uint pair = neox ? d % half_ : d / 2u;
    const bool first = neox ? d < half_ : (d & 1u) == 0u;
    const vec2 cs = ropeRotation(pos, pair);
    const float x0 = ROPE_SOURCE(base + (neox ? pair : 2u * pair));
    const float x1 = ROPE_SOURCE(base + (neox ? pair + half_ : 2u * pair + 1u));
    return first ? x0 * cs.x - x1 * cs.y : x0 * cs.y + x1 * cs.x;
}
