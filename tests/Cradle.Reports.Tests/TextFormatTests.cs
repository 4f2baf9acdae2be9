namespace Cradle.Reports.Tests;

/// <summary>Names shortened for a column end at a word, with an ellipsis, within the width.</summary>
public sealed class TextFormatTests
{
    [Theory]
    [InlineData("inference: grid electricity", 40, "inference: grid electricity")]
    [InlineData("pre-training: grid electricity, Austin Energy (Texas)", 40, "pre-training: grid electricity, Austin…")]
    [InlineData("pre-training: IT energy at Jupiter cluster", 20, "pre-training: IT…")]
    [InlineData("hardware-manufacture: embodied", 12, "hardware-…")]
    [InlineData("supercalifragilistic word", 10, "supercali…")]   // one word longer than the column
    [InlineData("a b", 2, "a…")]
    [InlineData("inference: grid electricity, Austin Energy (Texas)", 44, "inference: grid electricity, Austin Energy…")]
    [InlineData("devices.h100_sxm.embodied.gwp100", 24, "devices.h100_sxm…")]
    [InlineData("exactly-ten", 11, "exactly-ten")]
    public void Long_names_are_cut_at_a_word_boundary(string text, int width, string expected)
    {
        var shortened = TextFormat.Shorten(text, width);

        Assert.Equal(expected, shortened);
        Assert.True(shortened.Length <= width);
    }
}
