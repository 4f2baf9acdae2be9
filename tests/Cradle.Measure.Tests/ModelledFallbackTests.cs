using Cradle.Catalog;
using Cradle.Measure.Modelled;
using Cradle.Measure.Procfs;
using Cradle.Measure.Sensors;
using Cradle.Measure.Sysfs;

namespace Cradle.Measure.Tests;

public sealed class ModelledFallbackTests
{
    private const string Why = "RAPL unreadable: no powercap tree";

    [Theory]
    [InlineData("Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz", "intel-xeon-e5-2680-v4")]
    [InlineData("AMD EPYC 7742 64-Core Processor", "amd-epyc-7742")]
    public void The_kernels_cpu_name_is_found_in_the_shipped_catalog(string modelName, string catalogId)
    {
        var model = CpuCatalogLookup.Find(modelName, CatalogLoader.Shipped).Model!;
        Assert.Equal(catalogId, model.CatalogId);
        Assert.Contains(catalogId, model.Describe(), StringComparison.Ordinal);
        Assert.Contains(modelName, model.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_e5_2680_v4_is_shared_among_its_threads()
    {
        // Catalog: 120 W TDP (CodeCarbon), 28 threads → 120 / 28 = 4.285714… W per busy logical CPU.
        var model = CpuCatalogLookup.Find("Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz", CatalogLoader.Shipped).Model!;
        Assert.Equal(120, model.PackagePowerWatts, 9);
        Assert.Equal(28, model.LogicalCpus);
        Assert.Equal(120.0 / 28, model.WattsPerLogicalCpu, 12);
        Assert.Contains("CodeCarbon", model.FigureSource, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_cpu_gets_no_number_but_a_reason()
    {
        var result = CpuCatalogLookup.Find("AMD EPYC", CatalogLoader.Shipped);
        Assert.Null(result.Model);
        Assert.Contains("not in the reference catalog", result.Reason, StringComparison.Ordinal);
        // A generic name has no close entry: the message says so instead of an empty list, and names --cpu.
        Assert.Contains("no catalog CPU has a close name", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("closest: )", result.Reason, StringComparison.Ordinal);
        Assert.Contains("--cpu", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Cpu_energy_is_cpu_time_times_power_per_logical_cpu()
    {
        using var proc = new FakeProc();
        proc.CpuInfo("Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz");
        proc.Process(100, 1, utime: 30, stime: 20, rssKib: 1000);
        proc.Children(100);
        var cpu = (ProcessTreeCpuSensor)ModelledFallback.Create(100, proc.Root, FileSysfsReader.Instance,
            CatalogLoader.Shipped, Why)[0];

        var first = cpu.Read(TimeSpan.Zero);
        proc.Process(100, 1, utime: 180, stime: 20, rssKib: 1000);
        proc.Process(101, 100, utime: 100, stime: 0, rssKib: 1000);
        proc.Children(100, 101);
        var second = cpu.Read(TimeSpan.FromSeconds(2));

        // Ticks 50 → 300: 250 ticks ÷ 100 Hz = 2.5 CPU s; × 120/28 W = 10.714285… J over 2 s = 5.357142… W.
        Assert.Equal(0, first.EnergyJoules.Value);
        Assert.False(first.PowerWatts.IsAvailable);
        Assert.Equal(2.5 * 120 / 28, second.EnergyJoules.Value!.Value, 9);
        Assert.Equal(2.5 * 120 / 28 / 2, second.PowerWatts.Value!.Value, 9);
        Assert.Equal(ProvenanceMethod.Modelled, second.Provenance.Method);
        Assert.Contains(Why, second.Provenance.Reason, StringComparison.Ordinal);
        Assert.Contains("intel-xeon-e5-2680-v4", second.Provenance.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Injected_clock_ticks_scale_cpu_time()
    {
        using var proc = new FakeProc();
        proc.Process(100, 1, utime: 0, stime: 0);
        var model = new CpuPowerModel("X", "x", "X", 100, 10, "test figure");
        var cpu = new ProcessTreeCpuSensor(100, new ProcessTree(proc.Root, FileSysfsReader.Instance), model, Why,
            clockTicksPerSecond: 250);
        cpu.Read(TimeSpan.Zero);
        proc.Process(100, 1, utime: 500, stime: 0);

        // 500 ticks ÷ 250 Hz = 2 CPU s × 10 W = 20 J.
        Assert.Equal(20, cpu.Read(TimeSpan.FromSeconds(4)).EnergyJoules.Value!.Value, 9);
    }

    [Fact]
    public void A_tree_that_shrinks_counts_nothing_rather_than_negative_energy_and_exit_keeps_the_energy()
    {
        using var proc = new FakeProc();
        proc.Process(100, 1, utime: 100, stime: 0);
        proc.Process(101, 100, utime: 100, stime: 0);
        var model = new CpuPowerModel("X", "x", "X", 100, 10, "test figure");
        var cpu = new ProcessTreeCpuSensor(100, new ProcessTree(proc.Root, FileSysfsReader.Instance), model, Why);
        cpu.Read(TimeSpan.Zero);                                     // 200 ticks
        proc.Process(100, 1, utime: 300, stime: 0);
        var grown = cpu.Read(TimeSpan.FromSeconds(1));               // 400 ticks: +2 CPU s = 20 J
        proc.Remove(101);                                            // re-parented away: 300 ticks
        var shrunk = cpu.Read(TimeSpan.FromSeconds(2));
        proc.Remove(100);
        var gone = cpu.Read(TimeSpan.FromSeconds(3));

        Assert.Equal(20, grown.EnergyJoules.Value!.Value, 9);
        Assert.Equal(20, shrunk.EnergyJoules.Value!.Value, 9);
        Assert.Equal(0, shrunk.PowerWatts.Value!.Value, 9);
        Assert.Equal(20, gone.EnergyJoules.Value!.Value, 9);
        Assert.Contains("has exited", gone.PowerWatts.UnavailableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_cpu_makes_the_cpu_sensor_unavailable_with_the_reason()
    {
        using var proc = new FakeProc();
        proc.CpuInfo("AMD EPYC");
        proc.Process(100, 1, utime: 1, stime: 1, rssKib: 8);
        var sensors = ModelledFallback.Create(100, proc.Root, FileSysfsReader.Instance, CatalogLoader.Shipped, Why);

        var reading = sensors[0].Read(TimeSpan.Zero);
        Assert.IsType<UnavailableSensor>(sensors[0]);
        Assert.Equal(SensorKind.ProcessCpu, sensors[0].Kind);
        Assert.False(reading.EnergyJoules.IsAvailable);
        Assert.Contains("'AMD EPYC' is not in the reference catalog", reading.EnergyJoules.UnavailableReason, StringComparison.Ordinal);
        Assert.Contains(Why, reading.EnergyJoules.UnavailableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_cpu_is_used_instead_of_a_vague_cpuinfo_and_the_provenance_says_so()
    {
        // A virtual machine's cpuinfo says only "AMD EPYC"; the user names the CPU, as `cradle measure --cpu` does.
        using var proc = new FakeProc();
        proc.CpuInfo("AMD EPYC");
        proc.Process(100, 1, utime: 0, stime: 0, rssKib: 8);
        proc.Children(100);
        var cpu = ModelledFallback.Create(100, proc.Root, FileSysfsReader.Instance, CatalogLoader.Shipped, Why,
            declaredCpu: "Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz")[0];

        cpu.Read(TimeSpan.Zero);
        proc.Process(100, 1, utime: 100, stime: 0, rssKib: 8);
        var reading = cpu.Read(TimeSpan.FromSeconds(1));

        // 100 ticks ÷ 100 Hz = 1 CPU s × 120/28 W = 4.2857… J.
        Assert.Equal(120.0 / 28, reading.EnergyJoules.Value!.Value, 9);
        Assert.Contains("declared CPU 'Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz' matched catalog 'intel-xeon-e5-2680-v4'", reading.Provenance.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_cpu_the_catalog_lacks_makes_the_cpu_sensor_unavailable()
    {
        using var proc = new FakeProc();
        proc.CpuInfo("Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz");
        proc.Process(100, 1, utime: 1, stime: 1, rssKib: 8);
        var sensors = ModelledFallback.Create(100, proc.Root, FileSysfsReader.Instance, CatalogLoader.Shipped, Why, declaredCpu: "Quantum 9000");
        Assert.IsType<UnavailableSensor>(sensors[0]);
        Assert.Contains("'Quantum 9000' is not in the reference catalog", sensors[0].Read(TimeSpan.Zero).EnergyJoules.UnavailableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Memory_size_is_measured_and_its_power_is_not_modelled_without_a_cited_figure()
    {
        using var proc = new FakeProc();
        proc.CpuInfo("AMD EPYC");
        proc.Process(100, 1, utime: 1, stime: 1, rssKib: 8);
        proc.Process(101, 100, utime: 1, stime: 1, rssKib: 2);
        var memory = ModelledFallback.Create(100, proc.Root, FileSysfsReader.Instance, CatalogLoader.Shipped, Why)[1];

        var reading = memory.Read(TimeSpan.Zero);

        // (8 + 2) KiB = 10 240 bytes.
        Assert.Equal(10_240, reading.MemoryUsedBytes.Value);
        Assert.Equal(ProvenanceMethod.Instantaneous, reading.Provenance.Method);
        Assert.Contains("memory power is not modelled", reading.EnergyJoules.UnavailableReason, StringComparison.Ordinal);
        Assert.Contains("memory power is not modelled", reading.PowerWatts.UnavailableReason, StringComparison.Ordinal);
    }
}
