using Cradle.Cli.Measuring;
using Cradle.Measure.Sensors;

namespace Cradle.Acceptance.Tests;

/// <summary>The live line of `cradle measure` sums the figures the sensors give and shows a dash where none does.</summary>
public sealed class LiveLineTests
{
    private static readonly SensorProvenance Counter = new(ProvenanceMethod.Counter, "test counter");

    private static SensorTally Tally(string id, double? joules, double? watts)
    {
        var tally = new SensorTally(new UnavailableSensor(id, SensorKind.CpuPackage, id, "test"), Counter, 80);
        var none = SensorValue.Unavailable("not given");
        tally.Add(new SensorReading(TimeSpan.FromSeconds(12.34),
            joules is { } j ? SensorValue.Of(j) : none, watts is { } w ? SensorValue.Of(w) : none, none, none, none, Counter, []));
        return tally;
    }

    [Fact]
    public void Energy_and_power_are_summed_over_the_sensors_that_give_them()
    {
        // 400 J + 112.4 J = 512.4 J; 30 W + 15.1 W = 45.1 W; the third sensor gives neither.
        var line = LiveLineSink.Line(TimeSpan.FromSeconds(12.34), [Tally("a", 400, 30), Tally("b", 112.4, 15.1), Tally("c", null, null)]);
        Assert.Equal("cradle: 12.3 s, 45.1 W, 512.4 J so far", line);
    }

    [Fact]
    public void No_figure_is_a_dash_not_zero()
    {
        var line = LiveLineSink.Line(TimeSpan.FromSeconds(1), [Tally("c", null, null)]);
        Assert.Equal("cradle: 1.0 s, – W, – J so far", line);
    }
}
