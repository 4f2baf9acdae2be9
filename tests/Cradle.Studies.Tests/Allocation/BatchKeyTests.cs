using Cradle.Studies.Definition;
using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Allocation;

/// <summary>The serving's batch key, as EcoLogits allocates a request: devices × ΔT ÷ (B × lifespan) of the server.</summary>
public sealed class BatchKeyTests
{
    private const string Serving = "  device_time_per_request: 1 s/request";

    [Fact]
    public void A_request_takes_its_slot_in_a_batch_over_the_calendar_life()
    {
        // TinyStudy's fleet: 100 kg CO2e per device, lifespan 2 × 8,760 = 17,520 h. Latency 2 s on 2 devices, batch 8:
        // 2 × 2 s ÷ 8 = 0.5 s = 1/7,200 h per request ⇒ 100 ÷ (7,200 × 17,520) = 7.92744e-7 kg per request.
        // The busy key it replaces: (1/3,600 h) × 100 ÷ 8,760 h = 3.17098e-6 kg.
        var text = TinyStudy.With(Serving, Serving + "\n  allocation: batch\n  latency: 2 s/request\n  batch_size: 8\n  devices_per_replica: 2");
        var a = TinyStudy.Assess(text).Alternatives[0];
        Assert.Equal(7.92744e-7, a.EquationOne!.AmortisedEmbodied[0], 11);
        Assert.Equal(100.0 / (7200 * 17_520), a.EquationOne.AmortisedEmbodied[0], 15);
        Assert.Equal(AllocationKey.Batch, a.Hardware.Single(h => h.Scope == "inference").Allocation);
        Assert.Equal(AllocationKey.Busy, a.Hardware.Single(h => h.Scope == "pre-training").Allocation);
        Assert.Contains("batch share (EcoLogits)", a.Conventions.Single(c => c.Scope == "inference").Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Devices_per_replica_defaults_to_one_and_says_so()
    {
        // One device: 1 × 2 s ÷ 8 = 0.25 s = 1/14,400 h ⇒ 100 ÷ (14,400 × 17,520) kg per request.
        var text = TinyStudy.With(Serving, Serving + "\n  allocation: batch\n  latency: 2 s/request\n  batch_size: 8");
        var a = TinyStudy.Assess(text).Alternatives[0];
        Assert.Equal(100.0 / (14_400 * 17_520), a.EquationOne!.AmortisedEmbodied[0], 15);
        Assert.Contains(a.Inputs, i => i.Name == "inference.devices_per_replica" && i.Note == "default: one device per replica");
    }

    [Fact]
    public void The_serving_can_state_another_key_than_its_hardware()
    {
        // Serving on the calendar key: (1/3,600 h) × 100 ÷ 17,520 h = 1.58549e-6 kg; pre-training keeps busy.
        var text = TinyStudy.With(Serving, Serving + "\n  allocation: calendar");
        var a = TinyStudy.Assess(text).Alternatives[0];
        Assert.Equal(100.0 / (3600 * 17_520), a.EquationOne!.AmortisedEmbodied[0], 15);
    }

    [Fact]
    public void The_batch_key_needs_latency_and_batch_size()
    {
        var errors = TinyStudy.Errors(TinyStudy.With(Serving, Serving + "\n  allocation: batch"));
        Assert.Contains(errors, e => e.Code == "missing-field" && e.Field == "inference.latency");
        Assert.Contains(errors, e => e.Code == "missing-field" && e.Field == "inference.batch_size");
    }

    [Fact]
    public void A_batch_below_one_request_is_refused()
    {
        var error = TinyStudy.Error(TinyStudy.With(Serving, Serving + "\n  allocation: batch\n  latency: 2 s/request\n  batch_size: 0.5"), "out-of-range");
        Assert.Contains("batch_size", error.Field, StringComparison.Ordinal);
    }
}
