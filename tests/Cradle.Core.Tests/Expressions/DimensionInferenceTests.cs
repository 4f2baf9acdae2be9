using Cradle.Core.Expressions;
using Cradle.Core.Units;

namespace Cradle.Core.Tests.Expressions;

public class DimensionInferenceTests
{
    private static readonly Dictionary<string, Unit> Units = new(StringComparer.Ordinal)
    {
        ["energy"] = KnownUnits.KilowattHour,
        ["mass"] = UnitParser.Parse("kg"),
        ["power"] = UnitParser.Parse("W"),
        ["hours"] = KnownUnits.Hour,
        ["requests"] = KnownUnits.Request,
        ["area"] = UnitParser.Parse("cm2"),
        ["pue"] = Unit.One,
    };

    private static Dimension Infer(string text) => DimensionInference.Infer(ExpressionParser.Parse(text), n => Units[n]);

    private static ExpressionException Refused(string text) =>
        Assert.Throws<ExpressionException>(() => Infer(text));

    [Theory]
    [InlineData("power * hours", "energy")]
    [InlineData("energy / hours", "power")]
    [InlineData("energy / requests", "energy per request")]
    [InlineData("power * hours * pue + energy", "energy")]
    [InlineData("min(energy, power * hours)", "energy")]
    [InlineData("abs(-energy)", "energy")]
    [InlineData("sqrt(area)", "length")]
    [InlineData("exp(-pue / 2)", "dimensionless number")]
    [InlineData("log(energy / (power * hours))", "dimensionless number")]
    [InlineData("2 ^ pue", "dimensionless number")]
    [InlineData("energy^-1 * energy", "dimensionless number")]
    public void Dimensions_combine_like_the_physics(string text, string dimension)
    {
        Assert.Equal(dimension, Infer(text).ToString());
    }

    [Fact]
    public void An_energy_squared_is_allowed_and_has_twice_the_exponents()
    {
        Assert.Equal(Dimension.Energy.Pow(2), Infer("energy^2"));
        Assert.Equal(Dimension.Energy.Pow(2), Infer("energy^(2)"));
    }

    [Fact]
    public void Adding_an_energy_to_a_mass_is_refused_at_the_plus_sign()
    {
        // "energy + mass": the '+' is at offset 7
        var e = Refused("energy + mass");

        Assert.Equal(7, e.Position);
        Assert.Contains("'energy' in kWh (energy)", e.Message, StringComparison.Ordinal);
        Assert.Contains("'mass' in kg (mass)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Subtracting_a_power_from_an_energy_is_refused()
    {
        var e = Refused("energy - power");

        Assert.StartsWith("Cannot subtract", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_exponential_of_an_energy_is_refused_at_its_argument()
    {
        // "exp(energy)": the argument starts at offset 4
        var e = Refused("exp(energy)");

        Assert.Equal(4, e.Position);
        Assert.Contains("needs a pure number", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_logarithm_of_a_mass_is_refused()
    {
        Refused("log(mass)");
    }

    [Fact]
    public void An_energy_raised_to_a_parameter_is_refused_at_the_exponent()
    {
        // "energy^pue": the exponent starts at offset 7
        var e = Refused("energy^pue");

        Assert.Equal(7, e.Position);
        Assert.Contains("constant whole number", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_energy_raised_to_a_fraction_is_refused()
    {
        Refused("energy^0.5");
    }

    [Fact]
    public void An_exponent_with_a_unit_is_refused()
    {
        var e = Refused("2^hours");

        Assert.Contains("pure number", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_square_root_of_an_odd_power_is_refused()
    {
        // √kWh: energy is M·L²·T⁻², the mass exponent 1 is odd
        var e = Refused("sqrt(energy)");

        Assert.Equal(5, e.Position);
        Assert.Contains("square root", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Min_of_an_energy_and_a_mass_is_refused_at_the_mismatched_argument()
    {
        // "min(energy, mass)": the second argument starts at offset 12
        var e = Refused("min(energy, mass)");

        Assert.Equal(12, e.Position);
    }

    [Theory]
    [InlineData("energy^200")]   // the length exponent 2 × 200 does not fit
    [InlineData("energy^1e10")]
    [InlineData("(energy^60)^3")]
    public void An_exponent_too_large_for_a_unit_is_an_expression_error_not_a_crash(string text)
    {
        var e = Refused(text);

        Assert.Contains("too large", e.Message, StringComparison.Ordinal);
    }
}
