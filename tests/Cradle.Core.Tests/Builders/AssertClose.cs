using System.Globalization;

namespace Cradle.Core.Tests.Builders;

/// <summary>Floating-point comparisons relative to the size of the expected value.</summary>
internal static class AssertClose
{
    /// <summary>|actual − expected| ≤ relative · max(|expected|, |actual|), or both exactly zero.</summary>
    public static void Relative(double expected, double actual, double relative = 1e-12, string? what = null)
    {
        var scale = Math.Max(Math.Abs(expected), Math.Abs(actual));
        if (Math.Abs(actual - expected) <= relative * scale)
        {
            return;
        }
        Assert.Fail(string.Create(CultureInfo.InvariantCulture,
            $"{what ?? "value"}: expected {expected:R}, got {actual:R} (relative difference {Math.Abs(actual - expected) / scale:E2} > {relative:E0})"));
    }

    /// <summary>Element-wise <see cref="Relative(double, double, double, string?)"/>.</summary>
    public static void Relative(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double relative = 1e-12, string? what = null)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Relative(expected[i], actual[i], relative, $"{what ?? "value"}[{i}]");
        }
    }
}
