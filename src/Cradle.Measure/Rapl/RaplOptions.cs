namespace Cradle.Measure.Rapl;

/// <summary>Limits used to judge RAPL counter differences.</summary>
public sealed record RaplOptions
{
    /// <summary>
    /// Highest plausible power of one zone, in watts (default 1 000 W, above any single CPU package today). It sets the
    /// wrap-safe interval (counter range ÷ this power): a longer gap between reads may hide more than one wrap. A
    /// difference implying more than this power is discarded as implausible.
    /// </summary>
    public double PowerCeilingWatts { get; init; } = 1000;

    /// <summary>
    /// How long an unmoving counter is tolerated before it is reported stale (default 2 s; RAPL counters update about
    /// every millisecond, so a busy or idle package never stands still that long).
    /// </summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromSeconds(2);
}
