using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Reading;

/// <summary>
/// Expressions in a study that are very long or very deep: a flat sum of 20,000 terms is assessed and gives the
/// right answer; 10,000 nested calls or parentheses are a "too-deep" error at the level past the limit.
/// Either used to overflow the stack and kill the process.
/// </summary>
public sealed class DeepExpressionStudyTests
{
    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    [Fact]
    public void A_parameter_summing_twenty_thousand_ones_is_twenty_thousand()
    {
        // n = 1 + 1 + … + 1 = 20,000; energy = n × 0.05 kWh = 1,000 kWh, as the tiny study's own figure.
        var sum = string.Join(" + ", Enumerable.Repeat("1", 20_000));
        var text = TinyStudy.With("cradle: 1\n", $"cradle: 1\nparameters:\n  n: {sum}\n  e: 0.05 kWh\n")
            .Replace("    energy: 1000 kWh", "    energy: n * e", StringComparison.Ordinal);

        var expected = TinyStudy.Total(TinyStudy.Assess(), "gwp100");
        var actual = TinyStudy.Total(TinyStudy.Assess(text), "gwp100");

        Assert.Equal(expected, actual, expected * 1e-12);
    }

    [Theory]
    [InlineData("abs(", ")", 800)]  // the 201st "abs(" starts 200 × 4 characters in
    [InlineData("(", ")", 200)]
    public void Ten_thousand_nested_levels_are_too_deep_at_the_level_past_the_limit(string open, string close, int offset)
    {
        var deep = Repeat(open, 10_000) + "1" + Repeat(close, 10_000);
        var text = TinyStudy.With("cradle: 1\n", $"cradle: 1\nparameters:\n  deep: {deep}\n");

        var error = TinyStudy.Error(text, "too-deep");

        Assert.Equal("deep", error.Field);
        var (line, column) = TinyStudy.Find(text, deep);
        Assert.Equal((line, column + offset), (error.Location!.Line, error.Location.Column));
        Assert.Contains("more than 200 levels", error.Message, StringComparison.Ordinal);
    }
}
