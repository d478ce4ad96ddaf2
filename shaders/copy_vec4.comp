#version 450
// dst[i] = src[i] over vec4s: the device's achievable copy bandwidth, the yardstick the bench
// profile (agora-cli bench --profile) compares each matrix-vector product's read rate with.
// One vec4 per invocation, neighbouring invocations on neighbouring vec4s (coalesced on GPUs).
// The host also times vkCmdCopyBuffer and takes the faster of the two as the device's copy rate.
layout(local_size_x_id = 0) in;
layout(constant_id = 0) const uint WORKGROUP_SIZE = 64;

layout(std430, binding = 0) readonly buffer Source { vec4 src[]; };
layout(std430, binding = 1) writeonly buffer Destination { vec4 dst[]; };

layout(push_constant) uniform Push {
    uint count; // vec4s to copy
} pc;

void main()
{
    const uint i = (gl_WorkGroupID.x + gl_WorkGroupID.y * gl_NumWorkGroups.x) * WORKGROUP_SIZE
                   + gl_LocalInvocationIndex;
    if (i < pc.count)
        dst[i] = src[i];
}
