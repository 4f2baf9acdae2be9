using Cradle.Measure.Rapl;
using Cradle.Measure.Sensors;
using Cradle.Measure.Sysfs;

namespace Cradle.Measure.Tests;

public sealed class RaplDiscoveryTests
{
    [Fact]
    public void Two_packages_and_their_dram_are_measured_and_every_overlapping_zone_is_skipped_with_a_reason()
    {
        using var fs = new FakeSysfs();
        fs.Zone("intel-rapl:0", "package-0", 0);
        fs.Zone("intel-rapl:0:0", "core", 0);
        fs.Zone("intel-rapl:0:1", "uncore", 0);
        fs.Zone("intel-rapl:0:2", "dram", 0);
        fs.Zone("intel-rapl:1", "package-1", 0);
        fs.Zone("intel-rapl:1:0", "dram", 0);
        fs.Zone("intel-rapl:2", "psys", 0);
        fs.Zone("intel-rapl-mmio:0", "package-0", 0);
        // The control-type directory (no colon) holds no counter and is not a zone.
        Directory.CreateDirectory(Path.Combine(fs.Powercap, "intel-rapl"));

        var found = RaplDiscovery.Discover(fs.Root, FileSysfsReader.Instance);

        Assert.Null(found.UnavailableReason);
        Assert.Equal(["intel-rapl:0", "intel-rapl:0:2", "intel-rapl:1", "intel-rapl:1:0"],
            found.Zones.Select(z => z.ZoneId));
        Assert.Equal(["package-0", "package-0", "package-1", "package-1"], found.Zones.Select(z => z.PackageDomainName));
        Assert.Equal(["intel-rapl-mmio:0", "intel-rapl:0:0", "intel-rapl:0:1", "intel-rapl:2"],
            found.Skipped.Select(s => s.ZoneId).Order(StringComparer.Ordinal));
        Assert.Contains("MMIO", found.Skipped.Single(s => s.ZoneId == "intel-rapl-mmio:0").Reason, StringComparison.Ordinal);
        Assert.Contains("twice", found.Skipped.Single(s => s.ZoneId == "intel-rapl:2").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Summed_energy_counts_packages_and_dram_once_and_ignores_the_mmio_duplicate()
    {
        using var fs = new FakeSysfs();
        fs.Zone("intel-rapl:0", "package-0", 1_000_000);
        fs.Zone("intel-rapl:0:2", "dram", 2_000_000);
        fs.Zone("intel-rapl:1", "package-1", 3_000_000);
        fs.Zone("intel-rapl:1:0", "dram", 4_000_000);
        fs.Zone("intel-rapl-mmio:0", "package-0", 1_000_000);
        var sensors = RaplDiscovery.CreateSensors(fs.Root, FileSysfsReader.Instance);
        Assert.Equal(4, sensors.Count);
        Assert.Equal([SensorKind.CpuPackage, SensorKind.Dram, SensorKind.CpuPackage, SensorKind.Dram],
            sensors.Select(s => s.Kind));
        foreach (var s in sensors)
        {
            s.Read(TimeSpan.Zero);
        }

        // In 1 s: package-0 +40 J, its dram +5 J, package-1 +30 J, its dram +4 J → 79 J. The mmio copy of
        // package-0 also moves by 40 J; counting it would give 119 J.
        fs.Energy("intel-rapl:0", 41_000_000);
        fs.Energy("intel-rapl:0:2", 7_000_000);
        fs.Energy("intel-rapl:1", 33_000_000);
        fs.Energy("intel-rapl:1:0", 8_000_000);
        fs.Energy("intel-rapl-mmio:0", 41_000_000);
        var total = sensors.Sum(s => s.Read(TimeSpan.FromSeconds(1)).EnergyJoules.Value!.Value);
        Assert.Equal(79.0, total, 9);
    }

    [Fact]
    public void Zones_reached_through_links_as_in_real_sysfs_are_found()
    {
        // On a real host /sys/class/powercap/intel-rapl:0 is a symbolic link into /sys/devices/virtual/powercap.
        using var fs = new FakeSysfs();
        fs.Write("sys/devices/virtual/powercap/intel-rapl/intel-rapl:0/name", "package-0");
        fs.Write("sys/devices/virtual/powercap/intel-rapl/intel-rapl:0/energy_uj", "1000000");
        fs.Write("sys/devices/virtual/powercap/intel-rapl/intel-rapl:0/max_energy_range_uj", "262143328850");
        Directory.CreateDirectory(fs.Powercap);
        Directory.CreateSymbolicLink(Path.Combine(fs.Powercap, "intel-rapl:0"),
            Path.Combine(fs.Root, "sys/devices/virtual/powercap/intel-rapl/intel-rapl:0"));

        var sensor = Assert.Single(RaplDiscovery.CreateSensors(fs.Root, FileSysfsReader.Instance));

        Assert.Equal("rapl:intel-rapl:0", sensor.Id);
        Assert.Equal(0.0, sensor.Read(TimeSpan.Zero).EnergyJoules.Value);
    }

    [Fact]
    public void An_amd_tree_with_package_and_core_zones_measures_the_package_only()
    {
        using var fs = new FakeSysfs();
        fs.Zone("intel-rapl:0", "package-0", 0);
        fs.Zone("intel-rapl:0:0", "core", 0);
        var found = RaplDiscovery.Discover(fs.Root, FileSysfsReader.Instance);
        Assert.Equal("intel-rapl:0", Assert.Single(found.Zones).ZoneId);
    }

    [Fact]
    public void No_powercap_tree_gives_one_unavailable_sensor_with_the_reason()
    {
        using var fs = new FakeSysfs();
        var sensor = Assert.Single(RaplDiscovery.CreateSensors(fs.Root, FileSysfsReader.Instance));
        var reading = sensor.Read(TimeSpan.Zero);
        Assert.False(reading.EnergyJoules.IsAvailable);
        Assert.Contains("no powercap tree", reading.EnergyJoules.UnavailableReason, StringComparison.Ordinal);
        Assert.Equal(ProvenanceMethod.Unavailable, reading.Provenance.Method);
    }
}
