using System.Globalization;

namespace Cradle.Core.Tests;

/// <summary>Numbers in messages: six significant digits, no "1E+20", the same under any culture.</summary>
public class InvariantNumberTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "1")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e20, "1e20")]
    [InlineData(-1.5e-7, "-1.5e-7")]
    [InlineData(123456789, "123457000")]
    [InlineData(0.000123456789, "0.000123457")]
    [InlineData(1e15, "1e15")]
    [InlineData(999999999999999, "1e15")]     // rounds up past the plain range's end
    [InlineData(9.9999999e20, "1e21")]        // a mantissa that rounds to 10 carries into the exponent
    [InlineData(double.NaN, "not a number")]
    [InlineData(double.PositiveInfinity, "infinity")]
    [InlineData(double.NegativeInfinity, "-infinity")]
    [InlineData(double.MaxValue, "1.79769e308")]
    [InlineData(double.Epsilon, "4.94066e-324")]
    public void Numbers_are_written_plainly_or_as_people_type_them(double value, string expected)
    {
        Assert.Equal(expected, InvariantNumber.Format(value));
    }

    [Fact]
    public void Quantities_in_messages_use_it()
    {
        Assert.Equal("1e20 kWh", Cradle.Core.Units.Quantity.Parse("1e20 kWh").ToString());
        Assert.Equal("0.5", Cradle.Core.Units.Quantity.Parse("0.5").ToString());
    }

    [Fact]
    public void The_culture_does_not_change_the_text()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.Equal("1234.5", InvariantNumber.Format(1234.5));
            Assert.Equal("2.5e-7", InvariantNumber.Format(2.5e-7));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
