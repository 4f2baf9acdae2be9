using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Cradle.Measure.Nvml;

namespace Cradle.Measure.Tests;

public sealed class GpuProcessListTests
{
    private const uint NoMig = 0xFFFFFFFF;
    private static readonly NvmlDevice Device0 = new(0);

    private static NvmlProcessInfo Row(uint pid, ulong bytes) => new(pid, bytes, NoMig, NoMig);

    private static NvmlProcessInfo[] Rows(int n) => [.. Enumerable.Range(1, n).Select(i => Row((uint)(100 + i), 1_000))];

    [Fact]
    public void The_size_is_asked_first_then_the_buffer_is_filled()
    {
        var gpu = new FakeGpu("GPU-a", "GPU");
        gpu.ProcessListsByCall.Add([Row(4242, 2UL << 30), Row(17, 512UL << 20)]);

        var list = GpuProcessList.Query(new FakeNvml(gpu), Device0, out var code);

        // Call 1: count 0 → INSUFFICIENT_SIZE, count 2. Call 2: a 2 + 4 spare row buffer → SUCCESS with 2 rows.
        Assert.Equal(NvmlReturn.Success, code);
        Assert.Equal(2, gpu.ProcessCalls);
        Assert.Equal([new GpuProcess(4242, 2UL << 30), new GpuProcess(17, 512UL << 20)], list.Processes!);
        Assert.Null(list.UnavailableReason);
    }

    [Fact]
    public void A_list_that_grows_between_the_size_and_the_fill_is_asked_again()
    {
        // Call 1 sees 1 process (buffer of 1 + 4 = 5 rows); call 2 sees 7 > 5 → INSUFFICIENT_SIZE, count 7;
        // call 3 has a 7 + 4 = 11 row buffer and sees the same 7 → SUCCESS.
        var gpu = new FakeGpu("GPU-a", "GPU");
        gpu.ProcessListsByCall.AddRange([Rows(1), Rows(7), Rows(7)]);

        var list = GpuProcessList.Query(new FakeNvml(gpu), Device0, out _);

        Assert.Equal(3, gpu.ProcessCalls);
        Assert.Equal(Enumerable.Range(101, 7), list.Processes!.Select(p => p.Pid));
    }

    [Fact]
    public void Spare_rows_absorb_a_small_growth_without_another_call()
    {
        // Call 1 sees 2 processes; the fill buffer has 2 + 4 = 6 rows, so the 5 that call 2 sees fit: 2 calls.
        var gpu = new FakeGpu("GPU-a", "GPU");
        gpu.ProcessListsByCall.AddRange([Rows(2), Rows(5)]);

        var list = GpuProcessList.Query(new FakeNvml(gpu), Device0, out _);

        Assert.Equal(2, gpu.ProcessCalls);
        Assert.Equal(5, list.Processes!.Count);
    }

    [Fact]
    public void A_list_that_keeps_growing_is_unavailable_after_four_fills()
    {
        // Each call sees 10 more processes than the last, always more than the buffer: 1 size call + 4 fills.
        var gpu = new FakeGpu("GPU-a", "GPU");
        gpu.ProcessListsByCall.AddRange(Enumerable.Range(1, 6).Select(i => Rows(10 * i)));

        var list = GpuProcessList.Query(new FakeNvml(gpu), Device0, out var code);

        Assert.Equal(5, gpu.ProcessCalls);
        Assert.Equal(NvmlReturn.InsufficientSize, code);
        Assert.False(list.IsAvailable);
        Assert.Contains("kept growing", list.UnavailableReason, StringComparison.Ordinal);
        Assert.Null(list.IncludesAnyOf(new HashSet<int> { 101 }));
    }

    [Fact]
    public void Memory_NVML_cannot_report_is_unknown_not_zero()
    {
        var gpu = new FakeGpu("GPU-a", "GPU");
        gpu.ProcessListsByCall.Add([Row(1, NvmlProcessInfo.ValueNotAvailable), Row(2, 0)]);

        var list = GpuProcessList.Query(new FakeNvml(gpu), Device0, out _);

        Assert.Null(list.Processes![0].UsedGpuMemoryBytes);
        Assert.Equal(0UL, list.Processes[1].UsedGpuMemoryBytes); // a real 0 stays 0
    }

    [Fact]
    public void A_GPU_with_no_processes_gives_an_empty_list_not_unavailable()
    {
        var gpu = new FakeGpu("GPU-a", "GPU");

        var list = GpuProcessList.Query(new FakeNvml(gpu), Device0, out _);

        Assert.Equal(1, gpu.ProcessCalls); // count 0 → SUCCESS: nothing to fill
        Assert.True(list.IsAvailable);
        Assert.Empty(list.Processes!);
        Assert.False(list.IncludesAnyOf(new HashSet<int> { 1, 2 }));
    }

    [Fact]
    public void A_driver_without_the_entry_point_says_so()
    {
        var gpu = new FakeGpu("GPU-a", "GPU") { ProcessesCode = NvmlReturn.FunctionNotFound };

        var list = GpuProcessList.Query(new FakeNvml(gpu), Device0, out _);

        Assert.False(list.IsAvailable);
        Assert.Equal("the driver's NVML lacks nvmlDeviceGetComputeRunningProcesses_v3", list.UnavailableReason);
    }

    [Fact]
    public void An_NVML_error_is_unavailable_with_its_reason()
    {
        var gpu = new FakeGpu("GPU-a", "GPU") { ProcessesCode = NvmlReturn.NoPermission };

        var list = GpuProcessList.Query(new FakeNvml(gpu), Device0, out var code);

        Assert.Equal(NvmlReturn.NoPermission, code);
        Assert.Equal("nvmlDeviceGetComputeRunningProcesses_v3 failed: no permission (the user may not query this GPU) "
            + "(NVML code 4)", list.UnavailableReason);
    }

    [Fact]
    public void The_row_layout_matches_nvmlProcessInfo_t()
    {
        // nvml.h: uint pid at 0, 4 bytes padding, unsigned long long usedGpuMemory at 8, uint gpuInstanceId at 16,
        // uint computeInstanceId at 20: 24 bytes.
        Assert.Equal(24, Unsafe.SizeOf<NvmlProcessInfo>());
        var bytes = new byte[24];
        BitConverter.TryWriteBytes(bytes.AsSpan(0), 4242u);
        BitConverter.TryWriteBytes(bytes.AsSpan(8), 3UL << 30);
        BitConverter.TryWriteBytes(bytes.AsSpan(16), 5u);
        BitConverter.TryWriteBytes(bytes.AsSpan(20), 6u);
        Assert.Equal(new NvmlProcessInfo(4242, 3UL << 30, 5, 6), MemoryMarshal.Read<NvmlProcessInfo>(bytes));
    }

    [Fact]
    public void The_sensor_keeps_the_processes_of_its_last_read_and_finds_the_measured_tree()
    {
        var gpu = new FakeGpu("GPU-a", "GPU");
        gpu.ProcessListsByCall.Add([Row(1000, 1UL << 30), Row(4243, 2UL << 30)]);
        var set = GpuSensorSet.Open(new FakeNvml(gpu), null, _ => null);
        var sensor = Assert.IsType<NvmlGpuSensor>(Assert.Single(set.Sensors));
        var tree = new HashSet<int> { 4242, 4243 };

        Assert.Null(sensor.Processes.IncludesAnyOf(tree)); // not read yet: unknown
        sensor.Read(TimeSpan.Zero);

        Assert.True(sensor.Processes.IncludesAnyOf(tree));
        Assert.Equal([new GpuProcess(4243, 2UL << 30)], sensor.Processes.Matching(tree)!);
        Assert.False(sensor.Processes.IncludesAnyOf(new HashSet<int> { 7 }));
    }

    [Fact]
    public void A_lost_GPU_has_no_process_list()
    {
        var gpu = new FakeGpu("GPU-a", "GPU");
        var set = GpuSensorSet.Open(new FakeNvml(gpu), null, _ => null);
        var sensor = Assert.IsType<NvmlGpuSensor>(Assert.Single(set.Sensors));
        sensor.Read(TimeSpan.Zero);
        Assert.True(sensor.Processes.IsAvailable);

        gpu.Lost = true;
        sensor.Read(TimeSpan.FromSeconds(1));

        Assert.False(sensor.Processes.IsAvailable);
        Assert.Contains("the GPU is lost", sensor.Processes.UnavailableReason, StringComparison.Ordinal);
    }
}
