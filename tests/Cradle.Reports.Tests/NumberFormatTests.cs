namespace Cradle.Reports.Tests;

/// <summary>How the reports write numbers people read.</summary>
public sealed class NumberFormatTests
{
    [Theory]
    [InlineData(0.08832392, "0.08832")]
    [InlineData(85698.942, "85,699")]
    [InlineData(3.265e10, "3.265e+10")]
    [InlineData(0, "0")]
    [InlineData(double.NaN, "–")]
    public void Four_significant_digits_and_scientific_notation_outside_a_readable_range(double value, string expected) =>
        Assert.Equal(expected, NumberFormat.Format(value));

    [Fact]
    public void Provenance_shares_are_whole_percentages_or_a_dash_when_the_result_is_zero()
    {
        Assert.Equal("92 / 0 / 8 %", NumberFormat.ProvenanceShares(0.92, 0, 0.08));
        // A category total of 0 has no shares (null in the results JSON, NaN once read): never print "NaN %".
        Assert.Equal("–", NumberFormat.ProvenanceShares(double.NaN, double.NaN, double.NaN));
    }
}
