using Cradle.Cli.Rendering;

namespace Cradle.Acceptance.Tests;

/// <summary>Names that do not fit a table column are shortened at a word, never inside one.</summary>
public sealed class EllipsisTests
{
    [Theory]
    [InlineData("pre-training: grid electricity, Austin Energy (Texas)", 44, "pre-training: grid electricity, Austin…")]
    [InlineData("inference: grid electricity, Austin Energy (Texas)", 44, "inference: grid electricity, Austin Energy…")]
    [InlineData("devices.h100_sxm.embodied.gwp100", 24, "devices.h100_sxm…")]
    [InlineData("short name", 44, "short name")]
    [InlineData("exactly-ten", 11, "exactly-ten")]
    [InlineData("oneverylongwordwithoutanybreak", 10, "oneverylo…")]
    public void Fit_cuts_at_a_word_boundary(string name, int width, string expected)
    {
        var fitted = Ellipsis.Fit(name, width);
        Assert.Equal(expected, fitted);
        Assert.True(fitted.Length <= width);
    }
}
