// Shared by every compute shader: the extensions we rely on and small index helpers.
// Subgroup sizes differ per device (8 on lavapipe, 32/64 on GPUs), so shaders read
// gl_SubgroupSize / gl_NumSubgroups at run time and never assume a width.
#ifndef AGORA_COMMON_GLSL
#define AGORA_COMMON_GLSL

#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_arithmetic : require

// Large dispatches are split into a 2D grid because maxComputeWorkGroupCount[0] can be as low
// as 65535; this folds it back into one linear workgroup index.
uint linearWorkgroupIndex()
{
    return gl_WorkGroupID.x + gl_WorkGroupID.y * gl_NumWorkGroups.x;
}

#endif
