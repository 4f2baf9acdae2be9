using System.Globalization;
using Cradle.Core.Units;

namespace Cradle.Core.Tests.Units;

public class QuantityTests
{
    [Fact]
    public void Parsing_reads_the_number_and_the_compound_unit()
    {
        var q = Quantity.Parse("0.332 kg CO2e/kWh");

        Assert.Equal(0.332, q.Value);
        Assert.Equal("kg CO2e/kWh", q.Unit.Symbol);
    }

    [Theory]
    [InlineData("1e-3 kWh", 1e-3, "kWh")]
    [InlineData("2.5E+2 W", 250, "W")]
    [InlineData("-4 kg", -4, "kg")]
    [InlineData("  7  ", 7, "1")]
    public void Parsing_handles_exponents_signs_and_plain_numbers(string text, double value, string unit)
    {
        var ok = Quantity.TryParse(text, out var q, out var error);

        Assert.True(ok, error);
        Assert.Equal(value, q.Value);
        Assert.Equal(unit, q.Unit.Symbol);
    }

    [Fact]
    public void An_e_that_starts_a_word_is_not_read_as_an_exponent()
    {
        // "5exajoule" must fail on the unit 'exajoule', not on a malformed number 5e…
        var ok = Quantity.TryParse("5exajoule", out _, out var error);

        Assert.False(ok);
        Assert.Contains("'exajoule'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_without_a_leading_number_is_refused()
    {
        var e = Assert.Throws<UnitException>(() => Quantity.Parse("kWh 3"));

        Assert.Contains("does not start with a number", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_kilowatt_hours_to_kilograms_throws_naming_both_units()
    {
        var e = Assert.Throws<UnitException>(() => Quantity.Parse("3 kWh") + Quantity.Parse("2 kg"));

        Assert.Contains("kWh", e.Message, StringComparison.Ordinal);
        Assert.Contains("kg", e.Message, StringComparison.Ordinal);
        Assert.Contains("energy", e.Message, StringComparison.Ordinal);
        Assert.Contains("mass", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Subtracting_kilograms_from_kilowatt_hours_throws_too()
    {
        var e = Assert.Throws<UnitException>(() => Quantity.Parse("3 kWh") - Quantity.Parse("2 kg"));

        Assert.StartsWith("Cannot subtract", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Climate_change_and_acidification_indicators_cannot_be_added()
    {
        // Both are "kg … eq", but 1 kg CO2 eq and 1 kg SO2 eq measure different impacts.
        var e = Assert.Throws<UnitException>(() => Quantity.Parse("1 kg CO2 eq") + Quantity.Parse("1 kg SO2 eq"));

        Assert.Contains("kg CO2 eq", e.Message, StringComparison.Ordinal);
        Assert.Contains("kg SO2 eq", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sums_are_in_the_left_operands_unit()
    {
        // 1 kWh + 500 Wh = 1 kWh + 0.5 kWh = 1.5 kWh
        var sum = Quantity.Parse("1 kWh") + Quantity.Parse("500 Wh");

        Assert.Equal(1.5, sum.Value);
        Assert.Equal("kWh", sum.Unit.Symbol);
    }

    [Fact]
    public void Differences_are_in_the_left_operands_unit()
    {
        // 2 t − 500 kg = 2 t − 0.5 t = 1.5 t
        var difference = Quantity.Parse("2 t") - Quantity.Parse("500 kg");

        Assert.Equal(1.5, difference.Value);
        Assert.Equal("t", difference.Unit.Symbol);
    }

    [Fact]
    public void Watts_times_hours_is_an_energy()
    {
        // An H100 at 700 W for 2 h: 1400 W·h = 1.4 kWh = 5.04e6 J
        var energy = Quantity.Parse("700 W") * Quantity.Parse("2 h");

        Assert.Equal(Dimension.Energy, energy.Dimension);
        Assert.Equal(1400, energy.Value);
        Assert.Equal(1.4, energy.ConvertTo(KnownUnits.KilowattHour).Value, 1e-15);
        Assert.Equal(5.04e6, energy.BaseValue);
    }

    [Fact]
    public void Energy_divided_by_requests_is_an_energy_per_request()
    {
        // 131 MWh over 1e9 requests = 131 000 kWh / 1e9 = 1.31e-4 kWh/request
        var perRequest = Quantity.Parse("131 MWh") / Quantity.Parse("1e9 requests");

        Assert.Equal("energy per request", perRequest.Dimension.ToString());
        Assert.Equal(1.31e-4, perRequest.ConvertTo(UnitParser.Parse("kWh/request")).Value, 1e-18);
    }

    [Fact]
    public void Scaling_by_a_number_keeps_the_unit()
    {
        var q = 3 * Quantity.Parse("0.7 kWh");

        Assert.Equal(2.1, q.Value, 1e-15);
        Assert.Equal("kWh", q.Unit.Symbol);
    }

    [Fact]
    public void Formatting_uses_the_invariant_culture_whatever_the_current_one()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("0.5 kWh", Quantity.Parse("0.5 kWh").ToString());
            Assert.Equal(0.5, Quantity.Parse("0.5 kWh").Value);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
