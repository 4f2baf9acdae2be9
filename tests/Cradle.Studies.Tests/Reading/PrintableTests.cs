using Cradle.Syntax;

namespace Cradle.Studies.Tests.Reading;

/// <summary>Text echoed from a file into a message cannot carry terminal escapes, NULs, tabs or line breaks.</summary>
public sealed class PrintableTests
{
    [Theory]
    [InlineData("energy", "energy")]
    [InlineData("", "")]
    [InlineData("C:\\data", "C:\\data")]            // a backslash alone is left as written
    [InlineData("a\u001b[31mb", "a\\u001b[31mb")]
    [InlineData("a\tb", "a\\tb")]
    [InlineData("a\nb\r", "a\\nb\\r")]
    [InlineData("a\0b", "a\\u0000b")]
    [InlineData("a\u202eb", "a\\u202eb")]         // right-to-left override
    [InlineData("a\u2028b", "a\\u2028b")]         // line separator
    [InlineData("\\\t", "\\\\\\t")]               // beside an escape, a backslash is doubled
    [InlineData("CO₂ eq 🌍", "CO₂ eq 🌍")]        // printable non-ASCII, and a surrogate pair, are kept
    public void Unprintable_characters_are_escaped(string text, string expected)
    {
        Assert.Equal(expected, Printable.Escape(text));
    }

    [Fact]
    public void A_lone_surrogate_is_escaped()
    {
        Assert.Equal("a\\ud800b", Printable.Escape("a\ud800b"));
    }

    [Fact]
    public void Null_is_empty()
    {
        Assert.Equal("", Printable.Escape(null));
    }
}
