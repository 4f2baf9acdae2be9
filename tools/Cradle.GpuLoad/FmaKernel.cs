namespace Cradle.GpuLoad;

/// <summary>
/// The kernel, in PTX so that the driver compiles it for whatever GPU is present (no toolkit needed). Each thread runs
/// four independent chains of fused multiply-adds (instruction-level parallelism keeps the FP32 units busy) for a given
/// number of iterations and stores one result, so the compiler cannot drop the work.
/// </summary>
internal static class FmaKernel
{
    /// <summary>The entry point's name in <see cref="Ptx"/>.</summary>
    public const string EntryPoint = "fma_burn";

    /// <summary>FMAs per thread per loop iteration (4 chains × 4 unrolled).</summary>
    public const int FmasPerIteration = 16;

    /// <summary>
    /// PTX ISA 7.0 for sm_70: the driver's JIT accepts it on Volta and every later architecture. Register names must not
    /// be those of special registers (%tid, %ctaid, %ntid): the first version did so and the JIT refused it (error 218)
    /// on an H200 with driver 580.
    /// </summary>
    public const string Ptx = """
        .version 7.0
        .target sm_70
        .address_size 64

        .visible .entry fma_burn(.param .u64 out_ptr, .param .u32 iterations)
        {
            .reg .pred %p;
            .reg .b32 %i, %n, %thread, %block, %width, %gid;
            .reg .f32 %a, %b, %c, %d, %m, %k;
            .reg .b64 %out, %offset;

            ld.param.u64 %out, [out_ptr];
            ld.param.u32 %n, [iterations];
            mov.u32 %thread, %tid.x;
            mov.u32 %block, %ctaid.x;
            mov.u32 %width, %ntid.x;
            mad.lo.u32 %gid, %block, %width, %thread;
            cvt.rn.f32.u32 %a, %gid;
            add.f32 %b, %a, 0f3F800000;
            add.f32 %c, %a, 0f40000000;
            add.f32 %d, %a, 0f40400000;
            mov.f32 %m, 0f3F7FFFEF;
            mov.f32 %k, 0f3A83126F;
            mov.u32 %i, 0;
        LOOP:
            fma.rn.f32 %a, %a, %m, %k;
            fma.rn.f32 %b, %b, %m, %k;
            fma.rn.f32 %c, %c, %m, %k;
            fma.rn.f32 %d, %d, %m, %k;
            fma.rn.f32 %a, %a, %m, %k;
            fma.rn.f32 %b, %b, %m, %k;
            fma.rn.f32 %c, %c, %m, %k;
            fma.rn.f32 %d, %d, %m, %k;
            fma.rn.f32 %a, %a, %m, %k;
            fma.rn.f32 %b, %b, %m, %k;
            fma.rn.f32 %c, %c, %m, %k;
            fma.rn.f32 %d, %d, %m, %k;
            fma.rn.f32 %a, %a, %m, %k;
            fma.rn.f32 %b, %b, %m, %k;
            fma.rn.f32 %c, %c, %m, %k;
            fma.rn.f32 %d, %d, %m, %k;
            add.u32 %i, %i, 1;
            setp.lt.u32 %p, %i, %n;
            @%p bra LOOP;

            add.f32 %a, %a, %b;
            add.f32 %c, %c, %d;
            add.f32 %a, %a, %c;
            cvta.to.global.u64 %out, %out;
            mul.wide.u32 %offset, %gid, 4;
            add.u64 %out, %out, %offset;
            st.global.f32 [%out], %a;
            ret;
        }
        """;
}
