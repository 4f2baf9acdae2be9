using System.Diagnostics;
using System.Globalization;
using Cradle.GpuLoad;

// gpu-load SECONDS [DEVICE]: keeps one GPU's FP32 units busy for about SECONDS, then prints what it did. Used to check
// `cradle measure` against nvidia-smi on real hardware (scripts/verify-gpu.sh); the work is known, so the energy per
// FMA can be compared across GPUs too.
if (args.Length is < 1 or > 2
    || !double.TryParse(args[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0
    || !int.TryParse(args.Length == 2 ? args[1] : "0", NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal))
{
    await Console.Error.WriteLineAsync("usage: gpu-load SECONDS [DEVICE]  (SECONDS > 0, DEVICE a CUDA ordinal, default 0)");
    return 2;
}

try
{
    using var cuda = CudaDriver.Load();
    var (name, multiprocessors) = cuda.Open(ordinal);
    var function = cuda.LoadFunction(FmaKernel.Ptx, FmaKernel.EntryPoint);
    // 8 blocks of 256 threads per multiprocessor: enough resident warps to hide the FMA latency on every NVIDIA
    // architecture since Volta.
    const uint ThreadsPerBlock = 256;
    var blocks = (uint)multiprocessors * 8;
    var output = cuda.Allocate((ulong)blocks * ThreadsPerBlock * sizeof(float));
    const uint Iterations = 200_000;
    var clock = Stopwatch.StartNew();
    long launches = 0;
    while (clock.Elapsed.TotalSeconds < seconds)
    {
        cuda.LaunchAndWait(function, blocks, ThreadsPerBlock, output, Iterations);
        launches++;
    }

    var fmas = (double)launches * blocks * ThreadsPerBlock * Iterations * FmaKernel.FmasPerIteration;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"gpu-load: {name}, {multiprocessors} SMs, {launches} launches in {clock.Elapsed.TotalSeconds:0.###} s, {fmas:0.###e0} FP32 FMAs ({2 * fmas / clock.Elapsed.TotalSeconds / 1e12:0.##} TFLOP/s)"));
    return 0;
}
catch (InvalidOperationException e)
{
    await Console.Error.WriteLineAsync("gpu-load: " + e.Message);
    return 1;
}
