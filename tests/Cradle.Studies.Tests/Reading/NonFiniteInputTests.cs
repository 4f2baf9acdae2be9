using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Reading;

/// <summary>
/// Values that are not finite numbers (1e999 overflows to infinity when read) are refused where they are written,
/// never assessed into "–" or "Infinity" with exit 0.
/// </summary>
public sealed class NonFiniteInputTests
{
    [Fact]
    public void An_infinite_functional_unit_is_refused_at_its_amount()
    {
        var text = TinyStudy.With("amount: 1 request", "amount: 1e999 request");
        var error = TinyStudy.Error(text, "out-of-range");
        Assert.Equal("functional_unit.amount", error.Field);
        Assert.Contains("'1e999 request' is not a finite number", error.Message, StringComparison.Ordinal);
        Assert.Equal(TinyStudy.Find(text, "1e999 request"), (error.Location!.Line, error.Location.Column));
    }

    [Fact]
    public void A_huge_but_finite_functional_unit_is_assessed_with_finite_totals()
    {
        var totals = TinyStudy.Assess(TinyStudy.With("amount: 1 request", "amount: 1e308 request")).Alternatives[0].Totals;
        Assert.All(totals, t => Assert.True(double.IsFinite(t) && t > 0));
    }

    [Theory]
    [InlineData("0 request")]
    [InlineData("-3 request")]
    public void A_functional_unit_that_is_not_positive_is_refused(string amount)
    {
        var text = TinyStudy.With("amount: 1 request", $"amount: {amount}");
        var error = TinyStudy.Error(text, "out-of-range");
        Assert.Equal(TinyStudy.Find(text, amount), (error.Location!.Line, error.Location.Column));
    }

    [Fact]
    public void An_infinite_lifetime_grid_entry_is_refused_at_the_entry()
    {
        var text = TinyStudy.Text + "\ninterpretation:\n  lifetime_grid: [1e6, 1e999]\n";
        var error = TinyStudy.Error(text, "not-a-number");
        Assert.Equal("interpretation.lifetime_grid", error.Field);
        Assert.Contains("finite", error.Message, StringComparison.Ordinal);
        Assert.Equal(TinyStudy.Find(text, "1e999"), (error.Location!.Line, error.Location.Column));
    }

    [Theory]
    [InlineData("{distribution: triangular, min: 1, max: 1e999}", "1e999", "max")]
    [InlineData("{distribution: uniform, min: 1, max: 1e999}", "1e999", "max")]
    [InlineData("{distribution: lognormal, gsd: 1e999}", "1e999", "gsd")]
    [InlineData("{distribution: normal, sd: -0.1}", "-0.1", "sd")]
    [InlineData("{distribution: normal, relative_sd: -0.1}", "-0.1", "relative_sd")]
    [InlineData("{distribution: uniform, min_factor: 0.5, max_factor: 1.5e308}", "1.5e308", "max_factor")]
    public void An_invalid_uncertainty_is_refused_without_monte_carlo_at_its_field(string uncertainty, string written, string field)
    {
        var text = TinyStudy.With("    pue: 1.5\n", $"    pue:\n      value: 1.5\n      uncertainty: {uncertainty}\n");
        var errors = TinyStudy.Errors(text);
        var error = Assert.Single(errors);
        Assert.True(error.Code is "invalid-uncertainty" or "not-a-number", error.ToString());
        Assert.Equal($"sites.s.pue.uncertainty.{field}", error.Field);
        var (line, column) = TinyStudy.Find(text, $"{field}: {written}");
        Assert.Equal((line, column + field.Length + 2), (error.Location!.Line, error.Location.Column));
    }
}
