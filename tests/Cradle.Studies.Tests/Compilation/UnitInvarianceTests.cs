using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Compilation;

/// <summary>Writing the same input in another unit leaves every result unchanged.</summary>
public sealed class UnitInvarianceTests
{
    [Theory]
    [InlineData("energy: 1000 kWh", "energy: 1 MWh")]
    [InlineData("energy: 1000 kWh", "energy: 3600 MJ")]
    [InlineData("gwp100: 100 kg CO2e", "gwp100: 0.1 t CO2e")]
    [InlineData("gwp100: 0.5 kg CO2e/kWh", "gwp100: 500 g CO2e/kWh")]
    [InlineData("lifespan: 2 year", "lifespan: 730 day")]
    [InlineData("device_time_per_request: 1 s/request", "device_time_per_request: 1000 ms/request")]
    [InlineData("water: 50 L", "water: 0.05 m3")]
    [InlineData("energy_per_request: 0.002 kWh/request", "energy_per_request: 2 Wh/request")]
    public void Same_quantity_in_another_unit_gives_the_same_results(string original, string converted)
    {
        var baseline = TinyStudy.Assess().Alternatives[0];
        var changed = TinyStudy.Assess(TinyStudy.With(original, converted)).Alternatives[0];
        for (var k = 0; k < baseline.Totals.Count; k++)
        {
            Assert.Equal(baseline.Totals[k], changed.Totals[k], 1e-12 * Math.Abs(baseline.Totals[k]));
        }
    }
}
