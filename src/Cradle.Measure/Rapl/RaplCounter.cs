namespace Cradle.Measure.Rapl;

/// <summary>Counter arithmetic for RAPL <c>energy_uj</c>, kept pure so it can be tested on its own.</summary>
internal static class RaplCounter
{
    /// <summary>
    /// Microjoules counted from <paramref name="previousUj"/> to <paramref name="currentUj"/>, assuming at most one
    /// wrap: a smaller current value means the counter passed <paramref name="maxRangeUj"/> and restarted at 0, so the
    /// difference is (max − previous) + current (the Kepler convention; Alumet adds 1, within 1 µJ of this).
    /// </summary>
    /// <returns>The difference and whether it wrapped; null when the counter went backwards with no known range.</returns>
    public static (ulong DeltaUj, bool Wrapped)? Difference(ulong previousUj, ulong currentUj, ulong maxRangeUj)
    {
        if (currentUj >= previousUj)
        {
            return (currentUj - previousUj, false);
        }

        if (maxRangeUj == 0 || previousUj > maxRangeUj)
        {
            return null;
        }

        return (maxRangeUj - previousUj + currentUj, true);
    }

    /// <summary>
    /// The longest interval between reads in which the counter cannot wrap twice: range ÷ the power ceiling.
    /// </summary>
    public static TimeSpan WrapSafeInterval(ulong maxRangeUj, double powerCeilingWatts) =>
        TimeSpan.FromSeconds(maxRangeUj / 1e6 / powerCeilingWatts);
}
