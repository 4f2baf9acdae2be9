using System.Globalization;

namespace Cradle.Core.Tests.Sensitivity;

/// <summary>An estimated index against its analytic value: close, and inside its own bootstrap interval.</summary>
internal static class AssertIndex
{
    /// <summary>
    /// |estimate − expected| ≤ <paramref name="tolerance"/>; expected within [low − margin, high + margin]; the
    /// interval holds the estimate and is at most <paramref name="maxWidth"/> wide, so that covering is not free.
    /// </summary>
    public static void Matches(
        double expected, double estimate, (double Low, double High) interval, string what,
        double tolerance, double margin, double maxWidth)
    {
        var description = string.Create(CultureInfo.InvariantCulture,
            $"{what}: expected {expected:F4}, estimated {estimate:F4} in [{interval.Low:F4}, {interval.High:F4}]");
        Assert.True(Math.Abs(estimate - expected) <= tolerance, $"{description}: off by more than {tolerance}");
        Assert.True(interval.Low - margin <= expected && expected <= interval.High + margin,
            $"{description}: outside the interval widened by {margin}");
        Assert.True(interval.Low <= estimate && estimate <= interval.High, $"{description}: estimate outside its interval");
        Assert.True(interval.High - interval.Low <= maxWidth, $"{description}: interval wider than {maxWidth}");
    }
}
