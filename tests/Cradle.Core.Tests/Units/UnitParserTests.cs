using Cradle.Core.Tests.Builders;
using Cradle.Core.Units;

namespace Cradle.Core.Tests.Units;

public class UnitParserTests
{
    private static readonly Dimension Request = Dimension.Of(BaseDimension.Request);
    private static readonly Dimension Co2Eq = Dimension.Of(BaseDimension.CarbonDioxideEquivalent);

    [Fact]
    public void Carbon_intensity_in_grams_per_kilowatt_hour_is_CO2_eq_per_energy()
    {
        var unit = UnitParser.Parse("g CO2e/kWh");

        Assert.Equal("g CO2e/kWh", unit.Symbol);
        Assert.Equal(Co2Eq / Dimension.Energy, unit.Dimension);
        // 1 g CO2e/kWh = 1e-3 kg CO2 eq / 3.6e6 J
        AssertClose.Relative(1e-3 / 3.6e6, unit.FactorToBase, 1e-15);
    }

    [Fact]
    public void A_call_is_a_plain_count_so_calls_per_request_are_per_request_and_energy_per_call_is_an_energy()
    {
        // Retrieval and tool calls (inference.retrieval, inference.tool_calls): 2 call/request is 2 per request,
        // 0.1 Wh/call is 0.1 Wh = 360 J.
        Assert.Equal(Dimension.None / Request, UnitParser.Parse("call/request").Dimension);
        Assert.Equal(1, UnitParser.Parse("calls/request").FactorToBase);
        var perCall = UnitParser.Parse("Wh/call");
        Assert.Equal(Dimension.Energy, perCall.Dimension);
        Assert.Equal(3600, perCall.FactorToBase);
    }

    [Fact]
    public void Energy_per_request_is_an_energy_divided_by_a_count_of_requests()
    {
        var unit = UnitParser.Parse("kWh/request");

        Assert.Equal(Dimension.Energy / Request, unit.Dimension);
        Assert.Equal("energy per request", unit.Dimension.ToString());
        Assert.Equal(3.6e6, unit.FactorToBase);
    }

    [Fact]
    public void Multi_word_equivalent_units_are_read_as_one_symbol_on_either_side_of_the_slash()
    {
        var unit = UnitParser.Parse("kg CO2 eq/MWh");

        Assert.Equal(Co2Eq / Dimension.Energy, unit.Dimension);
        AssertClose.Relative(1 / 3.6e9, unit.FactorToBase, 1e-15);
    }

    [Theory]
    [InlineData("kg CO2 eq / kWh")]
    [InlineData("kg CO2-eq/kWh")]
    [InlineData("kg  CO2eq/kWh")]
    public void Spellings_of_CO2_equivalents_and_spaces_around_the_slash_are_accepted(string symbol)
    {
        var unit = UnitParser.Parse(symbol);

        Assert.Equal("carbon intensity of energy", unit.Dimension.ToString());
        AssertClose.Relative(1 / 3.6e6, unit.FactorToBase, 1e-15);
    }

    [Fact]
    public void Tonnes_of_CO2e_are_a_thousand_kilograms_of_CO2_eq()
    {
        Assert.Equal(1000, UnitParser.Parse("t CO2e").FactorToBase);
        Assert.Equal(Co2Eq, UnitParser.Parse("t CO2e").Dimension);
    }

    [Theory]
    [InlineData("t CO2e", 1000)]                    // 1 t = 1000 kg
    [InlineData("tonne CO2e", 1000)]
    [InlineData("tonnes CO2 eq", 1000)]
    [InlineData("lb CO2e", 0.45359237)]             // 1 lb = 0.45359237 kg exactly
    [InlineData("lbs CO2-eq", 0.45359237)]
    public void Tonnes_and_pounds_of_an_equivalent_are_masses_of_that_equivalent(string symbol, double kilograms)
    {
        var unit = UnitParser.Parse(symbol);

        Assert.True(unit.IsCompatibleWith(KnownUnits.KilogramCo2Eq));
        Assert.Equal(kilograms, unit.FactorToBase);
    }

    [Fact]
    public void Pounds_of_CO2e_per_megawatt_hour_as_US_grids_report_them_convert_to_kilograms_per_kilowatt_hour()
    {
        // 1000 lb/MWh = 453.59237 kg / 1000 kWh = 0.45359237 kg CO2e/kWh
        var perMwh = new Quantity(1000, UnitParser.Parse("lb CO2e/MWh"));

        Assert.Equal(0.45359237, perMwh.ConvertTo(UnitParser.Parse("kg CO2e/kWh")).Value, 12);
    }

    [Fact]
    public void Energy_per_GPU_hour_is_a_power()
    {
        // 0.7 kWh/GPU-h = 700 Wh / 1 h = 700 W
        var perGpuHour = new Quantity(0.7, UnitParser.Parse("kWh/GPU-h"));

        Assert.Equal(Dimension.Power, perGpuHour.Unit.Dimension);
        Assert.Equal(700, perGpuHour.ConvertTo(UnitParser.Parse("W")).Value, 12);
    }

    [Theory]
    [InlineData("tonn", "'tonne'")]
    [InlineData("GPU-hr", "'GPU-h'")]
    [InlineData("device-hrs", "'device-h")]
    [InlineData("julian_yr", "'julian_year'")]
    [InlineData("lbz", "'lb")]
    public void An_unknown_unit_near_a_new_symbol_suggests_it(string text, string suggestion)
    {
        Assert.Null(UnitParser.TryParse(text, out var error));
        Assert.Contains("did you mean", error, StringComparison.Ordinal);
        Assert.Contains(suggestion, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("W·h")]
    [InlineData("W*h")]
    [InlineData("W h")]
    public void Watt_times_hour_written_with_any_product_sign_is_a_watt_hour(string symbol)
    {
        var unit = UnitParser.Parse(symbol);

        Assert.Equal(Dimension.Energy, unit.Dimension);
        Assert.Equal(3600, unit.FactorToBase); // 1 W × 3600 s = 3600 J
    }

    [Fact]
    public void Coherent_SI_energy_with_exponents_is_a_joule()
    {
        var unit = UnitParser.Parse("kg*m^2/s^2");

        Assert.Equal(Dimension.Energy, unit.Dimension);
        Assert.Equal(1, unit.FactorToBase);
    }

    [Fact]
    public void Negative_exponents_and_a_leading_one_both_give_reciprocals()
    {
        var perRequest = UnitParser.Parse("1/request");
        var perHour = UnitParser.Parse("h^-1");

        Assert.Equal(Dimension.None / Request, perRequest.Dimension);
        Assert.Equal(Dimension.None / Dimension.Time, perHour.Dimension);
        Assert.Equal(1.0 / 3600, perHour.FactorToBase);
    }

    [Theory]
    [InlineData("L/kWh", "water intensity of energy")]
    [InlineData("kWh/token", "energy per token")]
    [InlineData("h/request", "time per request")]
    [InlineData("TFLOP/s", "compute rate")]
    [InlineData("kg CO2 eq/kWh", "carbon intensity of energy")]
    [InlineData("%", "dimensionless number")]
    [InlineData("GPUs", "dimensionless number")]
    public void Units_of_ML_studies_measure_what_their_names_say(string symbol, string dimension)
    {
        Assert.Equal(dimension, UnitParser.Parse(symbol).Dimension.ToString());
    }

    [Fact]
    public void A_lower_case_kwh_is_not_a_unit_and_the_message_suggests_kWh_first()
    {
        var e = Assert.Throws<UnitException>(() => UnitParser.Parse("kwh"));

        Assert.Contains("'kwh'", e.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'kWh'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_word_in_a_quotient_is_named_with_the_closest_symbols()
    {
        var ok = UnitParser.TryParse("g CO2e/kwhh", out var error);

        Assert.Null(ok);
        Assert.Contains("'kwhh'", error, StringComparison.Ordinal);
        Assert.Contains("'kWh'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_slashes_are_refused_with_an_example_of_a_single_quotient()
    {
        var ok = UnitParser.TryParse("kg/kWh/request", out var error);

        Assert.Null(ok);
        Assert.Contains("more than one '/'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_unit_is_refused()
    {
        Assert.Null(UnitParser.TryParse("  ", out var error));
        Assert.Equal("the unit is empty", error);
    }

    [Theory]
    [InlineData("m^200")]
    [InlineData("m^100 m^100")]
    [InlineData("kWh/m^-200")]
    public void An_exponent_beyond_the_dimension_range_is_refused_not_thrown(string text)
    {
        Assert.Null(UnitParser.TryParse(text, out var error));
        Assert.Contains("beyond the power of ±127", error, StringComparison.Ordinal);
    }
}
