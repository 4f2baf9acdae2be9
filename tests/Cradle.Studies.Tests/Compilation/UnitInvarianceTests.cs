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
    [InlineData("lifespan: 2 year", "lifespan: 17520 hours")]                      // 2 × 8,760 h
    [InlineData("gwp100: 100 kg CO2e", "gwp100: 220.46226218487757 lb CO2e")]      // 100 ÷ 0.45359237
    [InlineData("gwp100: 100 kg CO2e", "gwp100: 0.1 tonne CO2e")]
    [InlineData("device_time: 2000 h", "device_time: 2000 GPU-h")]
    [InlineData("device_time: 2000 h", "device_time: 2000 device-hours")]
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

    [Fact]
    public void A_lifespan_in_Julian_years_amortises_over_8766_hours_per_year()
    {
        // Only the hardware part moves: per request, (1/3600 h + 2,000 h ÷ 10⁶) × 100 kg ÷ (2 × 24 h × d × 0.5), with
        // d = 365 (8,760 h) or 365.25 (8,766 h); the difference is that part × (1 − 365/365.25).
        var year = TinyStudy.Assess().Alternatives[0].Totals[0];
        var julian = TinyStudy.Assess(TinyStudy.With("lifespan: 2 year", "lifespan: 2 julian_year")).Alternatives[0].Totals[0];
        var hardwareInYears = ((1.0 / 3600) + (2000 / 1e6)) * 100 / (2 * 8760 * 0.5);

        Assert.Equal(hardwareInYears * (1 - (365 / 365.25)), year - julian, 15);
        Assert.Equal(0.0022760020, year, 9);    // as EquationOneTests
        Assert.Equal(0.0022759842, julian, 9);  // 0.0015 + 3.16875e-6 + (750 + 2,000 × 100 ÷ 8,766) ÷ 10⁶
    }
}
