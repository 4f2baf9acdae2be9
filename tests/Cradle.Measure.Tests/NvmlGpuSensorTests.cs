using Cradle.Measure.Nvml;
using Cradle.Measure.Sensors;

namespace Cradle.Measure.Tests;

public sealed class NvmlGpuSensorTests
{
    private static NvmlGpuSensor Open(FakeGpu gpu)
    {
        var set = GpuSensorSet.Open(new FakeNvml(gpu), null, _ => null);
        return Assert.IsType<NvmlGpuSensor>(Assert.Single(set.Sensors));
    }

    [Fact]
    public void The_energy_counter_gives_monotonic_energy_since_the_first_read()
    {
        // 1 000 000 mJ at 0 s (the baseline), then +500 mJ and +1 500 mJ: 0 J, 0.5 J, 2 J.
        var gpu = new FakeGpu("GPU-aaaa", "NVIDIA A100-SXM4-40GB") { EnergyMj = 1_000_000 };
        var sensor = Open(gpu);
        var energies = new List<double>();
        foreach (var (mj, s) in new (ulong, int)[] { (1_000_000, 0), (1_000_500, 1), (1_002_000, 2) })
        {
            gpu.EnergyMj = mj;
            var reading = sensor.Read(TimeSpan.FromSeconds(s));
            Assert.Equal(ProvenanceMethod.Counter, reading.Provenance.Method);
            energies.Add(reading.EnergyJoules.Value!.Value);
        }

        Assert.Equal([0.0, 0.5, 2.0], energies);
        var last = sensor.Read(TimeSpan.FromSeconds(3));
        Assert.Equal(100.0, last.PowerWatts.Value);           // 100 000 mW
        Assert.Equal(60.0, last.TemperatureCelsius.Value);
        Assert.Equal(0.75, last.Utilisation.Value);           // 75 %
        Assert.Equal(1073741824.0, last.MemoryUsedBytes.Value); // 1 GiB
        Assert.Equal("gpu:GPU-aaaa", sensor.Id);
        Assert.Equal("NVIDIA A100-SXM4-40GB (GPU 0)", sensor.DeviceLabel);
    }

    [Fact]
    public void A_counter_that_goes_back_is_a_reset_not_a_wrap()
    {
        // 5 000 → 6 000 mJ: 1 J. Back to 100 (driver reload): that interval is dropped, still 1 J. 100 → 600: 1.5 J.
        var gpu = new FakeGpu("GPU-aaaa", "GPU") { EnergyMj = 5_000 };
        var sensor = Open(gpu);
        sensor.Read(TimeSpan.Zero);
        gpu.EnergyMj = 6_000;
        Assert.Equal(1.0, sensor.Read(TimeSpan.FromSeconds(1)).EnergyJoules.Value);
        gpu.EnergyMj = 100;
        var reset = sensor.Read(TimeSpan.FromSeconds(2));
        Assert.Equal(1.0, reset.EnergyJoules.Value);
        Assert.Equal(MeasureFindingCodes.CounterReset, Assert.Single(reset.Findings).Code);
        gpu.EnergyMj = 600;
        Assert.Equal(1.5, sensor.Read(TimeSpan.FromSeconds(3)).EnergyJoules.Value);
    }

    [Fact]
    public void Without_a_counter_power_is_integrated_within_half_a_percent_of_the_exact_energy()
    {
        // Trace P(t) = 50 + 3 t² W on 0…10 s. Exact energy: ∫ (50 + 3t²) dt = 50·10 + 10³ = 1 500 J.
        // Read at uneven steps alternating 0.1 s and 0.3 s (25 pairs = 10 s). The trapezoid rule over-estimates a
        // convex function by Σ h³·P''/12 with P'' = 6 W/s²: 25 × (0.1³ + 0.3³) × 6/12 = 25 × 0.028 / 2 = 0.35 J,
        // so the integral is 1 500.35 J (0.023 % high); power rounded to whole mW moves it by at most 0.5 mW × 10 s.
        var gpu = new FakeGpu("GPU-old", "Tesla P100") { EnergySupported = false };
        var sensor = Open(gpu);
        var t = 0.0;
        var step = 0;
        SensorReading reading = null!;
        while (true)
        {
            gpu.PowerMw = (uint)Math.Round((50 + (3 * t * t)) * 1000);
            reading = sensor.Read(TimeSpan.FromSeconds(t));
            if (step == 0)
            {
                Assert.False(reading.EnergyJoules.IsAvailable); // one sample: unavailable, not 0 J
            }

            if (step == 50)
            {
                break;
            }

            t = Math.Round(t + (step % 2 == 0 ? 0.1 : 0.3), 10);
            step++;
        }

        Assert.Equal(10.0, t, 9);
        var joules = reading.EnergyJoules.Value!.Value;
        Assert.InRange(joules, 1500 * 0.995, 1500 * 1.005);
        Assert.Equal(1500.35, joules, 2);
        Assert.Equal(ProvenanceMethod.PowerIntegrated, reading.Provenance.Method);
        Assert.Contains("not supported", reading.Provenance.Reason, StringComparison.Ordinal);
        Assert.Contains("trapezoid", reading.Provenance.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zero_power_sample_is_dropped_not_integrated()
    {
        // 100 W at 0 s, 0 mW at 1 s (dropped), 100 W at 2 s: the trapezoid spans 0…2 s at 100 W = 200 J.
        var gpu = new FakeGpu("GPU-old", "Tesla P100") { EnergySupported = false, PowerMw = 100_000 };
        var sensor = Open(gpu);
        sensor.Read(TimeSpan.Zero);
        gpu.PowerMw = 0;
        var zero = sensor.Read(TimeSpan.FromSeconds(1));
        Assert.False(zero.PowerWatts.IsAvailable);
        Assert.False(zero.EnergyJoules.IsAvailable);
        Assert.Equal(MeasureFindingCodes.PowerSampleDropped, Assert.Single(zero.Findings).Code);
        gpu.PowerMw = 100_000;
        Assert.Equal(200.0, sensor.Read(TimeSpan.FromSeconds(2)).EnergyJoules.Value);
    }

    [Fact]
    public void A_gpu_lost_mid_run_is_unavailable_from_then_on_and_keeps_its_energy_so_far()
    {
        var gpu = new FakeGpu("GPU-aaaa", "NVIDIA H100") { EnergyMj = 10_000 };
        var sensor = Open(gpu);
        sensor.Read(TimeSpan.Zero);
        gpu.EnergyMj = 12_500;
        Assert.Equal(2.5, sensor.Read(TimeSpan.FromSeconds(1)).EnergyJoules.Value);

        gpu.Lost = true;
        var lost = sensor.Read(TimeSpan.FromSeconds(2));
        Assert.False(lost.EnergyJoules.IsAvailable);
        Assert.False(lost.PowerWatts.IsAvailable);
        Assert.False(lost.TemperatureCelsius.IsAvailable);
        Assert.Contains("GPU is lost", lost.EnergyJoules.UnavailableReason, StringComparison.Ordinal);
        Assert.Contains("2.5 J", lost.EnergyJoules.UnavailableReason, StringComparison.Ordinal);
        Assert.Equal(ProvenanceMethod.Unavailable, lost.Provenance.Method);
        Assert.Equal(MeasureFindingCodes.DeviceLost, Assert.Single(lost.Findings).Code);
        Assert.Equal((2.5, TimeSpan.FromSeconds(1)), sensor.LastGoodEnergyJoules);

        // Even if the fake answers again, a lost GPU stays unavailable: its counter can no longer be trusted.
        gpu.Lost = false;
        gpu.EnergyMj = 20_000;
        Assert.False(sensor.Read(TimeSpan.FromSeconds(3)).EnergyJoules.IsAvailable);
        Assert.Equal((2.5, TimeSpan.FromSeconds(1)), sensor.LastGoodEnergyJoules);
    }

    [Fact]
    public void One_unsupported_quantity_is_unavailable_with_its_own_reason_while_the_rest_is_read()
    {
        var gpu = new FakeGpu("GPU-aaaa", "GPU") { TemperatureCode = NvmlReturn.NotSupported };
        var reading = Open(gpu).Read(TimeSpan.Zero);
        Assert.False(reading.TemperatureCelsius.IsAvailable);
        Assert.Contains("nvmlDeviceGetTemperature", reading.TemperatureCelsius.UnavailableReason, StringComparison.Ordinal);
        Assert.Contains("not supported", reading.TemperatureCelsius.UnavailableReason, StringComparison.Ordinal);
        Assert.Equal(0.0, reading.EnergyJoules.Value);
        Assert.Equal(100.0, reading.PowerWatts.Value);
    }
}
