using Cradle.Measure.Nvml;
using Cradle.Measure.Sampling;

namespace Cradle.Measure.Tests;

public sealed class GpuUseWatchTests
{
    private const uint NoMig = 0xFFFFFFFF;

    private static NvmlProcessInfo Row(uint pid, ulong bytes) => new(pid, bytes, NoMig, NoMig);

    private static (NvmlGpuSensor[] Sensors, FakeGpu[] Gpus) Open(params FakeGpu[] gpus)
    {
        var set = GpuSensorSet.Open(new FakeNvml(gpus), null, _ => null);
        return ([.. set.Sensors.Cast<NvmlGpuSensor>()], gpus);
    }

    /// <summary>Reads every GPU at <paramref name="second"/> and lets the watch look, as one sampler batch does.</summary>
    private static void Batch(GpuUseWatch watch, NvmlGpuSensor[] sensors, int second)
    {
        var at = TimeSpan.FromSeconds(second);
        watch.Append([.. sensors.Select(s => new SensorSample(s.Id, s.Read(at)))]);
    }

    [Fact]
    public void The_command_on_its_gpu_and_a_stranger_on_the_same_gpu_are_told_apart()
    {
        // Each non-empty listing costs two NVML calls (size, then fill), so every list is given twice.
        // GPU 0: the command (pid 100, then its child 101 too) beside pid 999, which is not the command's.
        // GPU 1: only pid 999.
        var gpu0 = new FakeGpu("GPU-0", "H200");
        NvmlProcessInfo[] first = [Row(100, 2UL << 30), Row(999, 1UL << 30)];
        NvmlProcessInfo[] second = [Row(100, 3UL << 30), Row(101, 4UL << 30), Row(999, 1UL << 30)];
        gpu0.ProcessListsByCall.AddRange([first, first, second, second]);
        var gpu1 = new FakeGpu("GPU-1", "H200");
        gpu1.ProcessListsByCall.Add([Row(999, 1UL << 30)]);
        var (sensors, _) = Open(gpu0, gpu1);
        var tree = new List<int> { 100 };
        var inner = new CollectingSink();
        var watch = new GpuUseWatch(inner, sensors, () => tree);

        Batch(watch, sensors, 0);
        tree.Add(101);
        Batch(watch, sensors, 1);

        Assert.Equal(2, inner.Batches);
        var (use0, use1) = (watch.Uses[0], watch.Uses[1]);
        Assert.Equal([100, 101], use0.CommandPids);
        Assert.Equal([999], use0.OtherPids);
        Assert.True(use0.CommandSeen);
        Assert.True(use0.Shared);
        // Peak memory of the command's processes together: max(2 GiB, 3 + 4 GiB) = 7 GiB.
        Assert.Equal(7UL << 30, use0.PeakCommandMemoryBytes);
        Assert.Equal(2, use0.Listings);
        Assert.False(use1.CommandSeen);
        Assert.Equal([999], use1.OtherPids);
        Assert.Null(use1.PeakCommandMemoryBytes);
        Assert.Equal("gpu:GPU-1", use1.SensorId);
    }

    [Fact]
    public void A_process_that_has_left_the_tree_stays_the_commands()
    {
        // Pid 200 is in the tree at the first batch only; NVML still lists it at the second (it is exiting).
        var gpu = new FakeGpu("GPU-0", "H200");
        gpu.ProcessListsByCall.Add([Row(200, 1UL << 30)]);
        var (sensors, _) = Open(gpu);
        IReadOnlyCollection<int>? tree = [1, 200];
        var watch = new GpuUseWatch(new CollectingSink(), sensors, () => tree);

        Batch(watch, sensors, 0);
        tree = null;
        Batch(watch, sensors, 1);

        Assert.Equal([200], watch.Uses[0].CommandPids);
        Assert.Empty(watch.Uses[0].OtherPids);
    }

    [Fact]
    public void An_unreadable_list_is_unknown_not_no()
    {
        var gpu = new FakeGpu("GPU-0", "H200") { ProcessesCode = NvmlReturn.NoPermission };
        var (sensors, _) = Open(gpu);
        var watch = new GpuUseWatch(new CollectingSink(), sensors, () => [1]);

        Batch(watch, sensors, 0);

        var use = watch.Uses[0];
        Assert.Null(use.CommandSeen);
        Assert.Equal(0, use.Listings);
        Assert.Equal(1, use.UnavailableListings);
        Assert.Contains(GpuProcessList.Function, use.UnavailableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_list_means_the_command_was_not_seen()
    {
        var (sensors, _) = Open(new FakeGpu("GPU-0", "H200"));
        var watch = new GpuUseWatch(new CollectingSink(), sensors, () => [1]);

        Batch(watch, sensors, 0);

        Assert.False(watch.Uses[0].CommandSeen);
        Assert.False(watch.Uses[0].Shared);
    }

    private sealed class CollectingSink : ISampleSink
    {
        public int Batches { get; private set; }

        public void Append(IReadOnlyList<SensorSample> batch) => Batches++;
    }
}
