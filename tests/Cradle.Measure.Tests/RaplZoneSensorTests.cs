using Cradle.Measure.Rapl;
using Cradle.Measure.Sensors;
using Cradle.Measure.Sysfs;

namespace Cradle.Measure.Tests;

public sealed class RaplZoneSensorTests
{
    private const ulong MaxRangeUj = 262_143_328_850;

    private static RaplZoneSensor Sensor(FakeSysfs fs, ISysfsReader? reader = null, RaplOptions? options = null)
    {
        var found = RaplDiscovery.Discover(fs.Root, reader ?? FileSysfsReader.Instance);
        return new RaplZoneSensor(found.Zones[0], reader ?? FileSysfsReader.Instance, fs.Powercap, options ?? new());
    }

    [Fact]
    public void One_wrap_is_corrected_to_the_true_difference()
    {
        // measurement.md §8 test 1: (max − previous) + new = 262 143 328 850 − 262 143 000 000 + 500 000
        // = 328 850 + 500 000 = 828 850 µJ = 0.82885 J, over 1 s = 0.82885 W.
        using var fs = new FakeSysfs();
        fs.Zone("intel-rapl:0", "package-0", 262_143_000_000, MaxRangeUj);
        var sensor = Sensor(fs);
        Assert.Equal(0.0, sensor.Read(TimeSpan.Zero).EnergyJoules.Value);
        fs.Energy("intel-rapl:0", 500_000);

        var reading = sensor.Read(TimeSpan.FromSeconds(1));

        Assert.Equal(0.82885, reading.EnergyJoules.Value!.Value, 12);
        Assert.Equal(0.82885, reading.PowerWatts.Value!.Value, 12);
        Assert.Equal(MeasureFindingCodes.CounterWrapped, Assert.Single(reading.Findings).Code);
        Assert.Equal(ProvenanceMethod.Counter, reading.Provenance.Method);
    }

    [Fact]
    public void Wraps_inside_the_safe_interval_accumulate_across_several_readings()
    {
        // Range 1 000 000 µJ (1 J), ceiling 2 000 W → safe interval 0.5 ms. Reads 0.5 ms apart (the largest step,
        // 750 000 µJ in 0.5 ms, is 1 500 W, under the ceiling):
        // 900 000 → 200 000 (wrap: 100 000 + 200 000 = 300 000) → 950 000 (750 000) → 100 000 (wrap: 50 000 + 100 000
        // = 150 000). Total 1 200 000 µJ = 1.2 J, three quarters of a range more than one full range: two wraps counted.
        using var fs = new FakeSysfs();
        fs.Zone("intel-rapl:0", "package-0", 900_000, 1_000_000);
        var sensor = Sensor(fs, options: new RaplOptions { PowerCeilingWatts = 2000 });
        sensor.Read(TimeSpan.Zero);
        var t = TimeSpan.Zero;
        SensorReading last = null!;
        foreach (var uj in new ulong[] { 200_000, 950_000, 100_000 })
        {
            t += TimeSpan.FromMilliseconds(0.5);
            fs.Energy("intel-rapl:0", uj);
            last = sensor.Read(t);
        }

        Assert.Equal(1.2, last.EnergyJoules.Value!.Value, 12);
        Assert.Equal(MeasureFindingCodes.CounterWrapped, Assert.Single(last.Findings).Code);
    }

    [Fact]
    public void An_interval_long_enough_for_several_wraps_is_ambiguous_and_never_guessed()
    {
        // Safe interval = 262 143.328 850 J ÷ 1 000 W = 262.143 s. Reads 300 s apart: at up to 1 kW the counter could
        // have wrapped once or twice, so the value 1 000 000 µJ cannot be turned into energy.
        using var fs = new FakeSysfs();
        fs.Zone("intel-rapl:0", "package-0", 5_000_000, MaxRangeUj);
        var sensor = Sensor(fs);
        sensor.Read(TimeSpan.Zero);
        fs.Energy("intel-rapl:0", 1_000_000);

        var reading = sensor.Read(TimeSpan.FromSeconds(300));

        Assert.False(reading.EnergyJoules.IsAvailable);
        Assert.False(reading.PowerWatts.IsAvailable);
        Assert.Equal(MeasureFindingCodes.PossibleMultipleWraps, Assert.Single(reading.Findings).Code);
        Assert.Contains("ambiguous", reading.PowerWatts.UnavailableReason, StringComparison.Ordinal);

        // Later intervals have power again, but the cumulative energy stays unknown: the gap cannot be filled.
        fs.Energy("intel-rapl:0", 11_000_000);
        var after = sensor.Read(TimeSpan.FromSeconds(301));
        Assert.Equal(10.0, after.PowerWatts.Value!.Value, 9);
        Assert.False(after.EnergyJoules.IsAvailable);
        Assert.Contains("unknown", after.EnergyJoules.UnavailableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_difference_above_the_power_ceiling_is_discarded_not_stored()
    {
        // 5 000 J in 1 s = 5 000 W > 1 000 W ceiling (e.g. a reset read as a wrap).
        using var fs = new FakeSysfs();
        fs.Zone("intel-rapl:0", "package-0", 1_000_000, MaxRangeUj);
        var sensor = Sensor(fs);
        sensor.Read(TimeSpan.Zero);
        fs.Energy("intel-rapl:0", 5_001_000_000);
        var reading = sensor.Read(TimeSpan.FromSeconds(1));
        Assert.False(reading.EnergyJoules.IsAvailable);
        Assert.Equal(MeasureFindingCodes.ImplausibleDelta, Assert.Single(reading.Findings).Code);
    }

    [Fact]
    public void Permission_denied_makes_the_sensor_unavailable_with_the_reason_and_the_fix()
    {
        using var fs = new FakeSysfs();
        fs.Zone("intel-rapl:0", "package-0", 1_000_000);
        var sensor = Sensor(fs, new DenyingReader("energy_uj"));

        var reading = sensor.Read(TimeSpan.Zero);

        Assert.False(reading.EnergyJoules.IsAvailable);
        Assert.False(reading.PowerWatts.IsAvailable);
        var reason = reading.EnergyJoules.UnavailableReason!;
        Assert.Contains("permission denied", reason, StringComparison.Ordinal);
        Assert.Contains("CVE-2020-8694", reason, StringComparison.Ordinal);
        Assert.Contains("sudo chmod o+r " + Path.Combine(fs.Powercap, "intel-rapl:*", "energy_uj"), reason,
            StringComparison.Ordinal);
        Assert.Equal(ProvenanceMethod.Unavailable, reading.Provenance.Method);
        Assert.Equal(MeasureFindingCodes.PermissionDenied, Assert.Single(reading.Findings).Code);
    }

    [Fact]
    public void An_energy_file_that_really_fails_to_read_is_unavailable_not_zero()
    {
        // As root, file modes do not stop reads, so a directory in place of energy_uj makes the read really fail.
        using var fs = new FakeSysfs();
        fs.Zone("intel-rapl:0", "package-0", 1_000_000);
        var sensor = Sensor(fs);
        var energy = Path.Combine(fs.Powercap, "intel-rapl:0", "energy_uj");
        File.Delete(energy);
        Directory.CreateDirectory(energy);

        var reading = sensor.Read(TimeSpan.Zero);

        Assert.False(reading.EnergyJoules.IsAvailable);
        Assert.Contains(energy, reading.EnergyJoules.UnavailableReason, StringComparison.Ordinal);
        Assert.Single(reading.Findings);
    }

    [Fact]
    public void A_transient_read_error_is_a_gap_and_the_next_good_read_counts_the_whole_interval()
    {
        // 10 J at 0 s; garbage at 1 s; 30 J at 2 s → 20 J since the start (CodeCarbon would have read 0 µJ and then a
        // spurious wrap).
        using var fs = new FakeSysfs();
        fs.Zone("intel-rapl:0", "package-0", 10_000_000);
        var sensor = Sensor(fs);
        sensor.Read(TimeSpan.Zero);
        fs.Write("sys/class/powercap/intel-rapl:0/energy_uj", "garbage");
        var bad = sensor.Read(TimeSpan.FromSeconds(1));
        Assert.False(bad.EnergyJoules.IsAvailable);
        Assert.Equal(MeasureFindingCodes.ReadError, Assert.Single(bad.Findings).Code);
        fs.Energy("intel-rapl:0", 30_000_000);

        var good = sensor.Read(TimeSpan.FromSeconds(2));

        Assert.Equal(20.0, good.EnergyJoules.Value!.Value, 12);
        Assert.Equal(10.0, good.PowerWatts.Value!.Value, 12);
    }

    [Fact]
    public void A_counter_that_stops_moving_is_flagged_stale_not_read_as_zero_watts()
    {
        using var fs = new FakeSysfs();
        fs.Zone("intel-rapl:0", "package-0", 7_000_000);
        var sensor = Sensor(fs);
        sensor.Read(TimeSpan.Zero);

        // 1 s without movement: below the 2 s stale limit, so power is "below resolution", not 0 W and not stale yet.
        var early = sensor.Read(TimeSpan.FromSeconds(1));
        Assert.False(early.PowerWatts.IsAvailable);
        Assert.Empty(early.Findings);
        Assert.Equal(0.0, early.EnergyJoules.Value);

        var stale = sensor.Read(TimeSpan.FromSeconds(3));
        Assert.False(stale.PowerWatts.IsAvailable);
        Assert.False(stale.EnergyJoules.IsAvailable);
        Assert.Equal(MeasureFindingCodes.CounterStale, Assert.Single(stale.Findings).Code);
        Assert.Contains("not moved for 3 s", stale.PowerWatts.UnavailableReason, StringComparison.Ordinal);

        // It moves again: 6 J in 1 s since the last read; the total since the start is 6 J.
        fs.Energy("intel-rapl:0", 13_000_000);
        var moving = sensor.Read(TimeSpan.FromSeconds(4));
        Assert.Equal(6.0, moving.EnergyJoules.Value!.Value, 12);
        Assert.Equal(6.0, moving.PowerWatts.Value!.Value, 12);
    }

    [Fact]
    public void Pure_counter_difference_matches_both_conventions_within_one_microjoule()
    {
        var (delta, wrapped) = RaplCounter.Difference(262_143_000_000, 500_000, MaxRangeUj)!.Value;
        Assert.True(wrapped);
        Assert.InRange(delta, 828_850UL, 828_851UL);
        Assert.Null(RaplCounter.Difference(10, 5, 0));
    }
}
