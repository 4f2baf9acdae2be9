using Cradle.Studies.Text;
using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Reading;

/// <summary>Numbers and names echoed in messages: one invariant number form, control characters escaped.</summary>
public sealed class MessageTextTests
{
    [Theory]
    [InlineData(0.5, "0.5")]
    [InlineData(1e20, "1e+20")]
    [InlineData(1.5e-12, "1.5e-12")]
    [InlineData(-4, "-4")]
    [InlineData(double.PositiveInfinity, "infinity")]
    [InlineData(double.NegativeInfinity, "-infinity")]
    [InlineData(double.NaN, "not a number")]
    public void Numbers_are_written_in_one_invariant_form(double value, string expected)
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal(expected, MessageText.Number(value));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Theory]
    [InlineData("plain.name", "plain.name")]
    [InlineData("a\u001bb", "a\\u001bb")]
    [InlineData("tab\there", "tab\\there")]
    [InlineData("nul\0", "nul\\0")]
    [InlineData("line\nbreak\r", "line\\nbreak\\r")]
    [InlineData("c1\u009b", "c1\\u009b")]
    public void Control_characters_are_escaped(string text, string expected) => Assert.Equal(expected, MessageText.Escape(text));

    [Fact]
    public void A_key_with_control_characters_is_echoed_escaped_in_every_error()
    {
        var text = TinyStudy.Text + "\nparameters:\n  \"bad\\x1bname\\t\": 1\n\"weird\\x1bkey\\0\": 1\n";
        var errors = TinyStudy.Errors(text);
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.DoesNotContain(e.ToString(), char.IsControl));
        Assert.Contains(errors, e => e.Code == "invalid-name" && e.Field == "parameters.bad\\u001bname\\t");
        Assert.Contains(errors, e => e.Code == "unknown-key" && e.Message.Contains("'weird\\u001bkey\\0'", StringComparison.Ordinal));
    }

    [Fact]
    public void Range_errors_write_numbers_without_dotnet_exponents()
    {
        var error = TinyStudy.Error(TinyStudy.With("utilisation: 0.5", "utilisation: 2e20"), "out-of-range");
        Assert.Contains("= 2e+20 is above 1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("E+", error.Message, StringComparison.Ordinal);
    }
}
