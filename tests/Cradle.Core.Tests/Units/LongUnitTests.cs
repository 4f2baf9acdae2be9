using Cradle.Core.Units;

namespace Cradle.Core.Tests.Units;

/// <summary>
/// Units of many kilobytes are read in one pass: the runs of words tried for a multi-word symbol are capped at the
/// longest known symbol, so a 16 KB unit gives its answer (a unit or the right error) rather than taking minutes.
/// </summary>
public class LongUnitTests
{
    private static string Words(string word, int count, string separator = " ") =>
        string.Join(separator, Enumerable.Repeat(word, count));

    [Fact]
    public void A_sixteen_kilobyte_product_of_pure_counts_is_a_pure_number()
    {
        // "device device … device": 2,300 words of 7 characters, each a count with no dimension.
        var text = Words("device", 2_300);
        Assert.True(text.Length > 16_000);

        var unit = UnitParser.Parse(text);

        Assert.Equal(Dimension.None, unit.Dimension);
        Assert.Equal(1, unit.FactorToBase);
        Assert.Equal(text, unit.Symbol);
    }

    [Fact]
    public void A_sixteen_kilobyte_unit_with_a_dimension_raised_too_far_names_the_limit()
    {
        // "m*m*…*m" 8,000 times is m^8000: past the ±127 the exponents hold.
        var text = Words("m", 8_000, "*");

        var unit = UnitParser.TryParse(text, out var error);

        Assert.Null(unit);
        Assert.Contains("beyond the power of ±127", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sixteen_kilobyte_unit_with_an_unknown_word_names_the_word()
    {
        var text = Words("device", 2_300) + " furlong";

        var unit = UnitParser.TryParse(text, out var error);

        Assert.Null(unit);
        Assert.StartsWith("'furlong' in '", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_quotient_of_multi_word_symbols_reads_each_symbol_whole()
    {
        // 50 × "kg CO2 eq" over 50 × "kWh" is (CO2 eq/energy)^50: s^100 is within the limit.
        var text = $"{Words("kg CO2 eq", 50)}/{Words("kWh", 50)}";

        var unit = UnitParser.Parse(text);

        Assert.Equal((Dimension.Of(BaseDimension.CarbonDioxideEquivalent) / Dimension.Energy).Pow(50), unit.Dimension);
    }
}
