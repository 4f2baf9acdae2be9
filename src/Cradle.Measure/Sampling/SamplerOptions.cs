namespace Cradle.Measure.Sampling;

/// <summary>
/// How often the sampler reads. Fast at the start, so a short run still gets samples, then settling: after
/// <see cref="FastPhase"/> each interval doubles until it reaches <see cref="SteadyInterval"/>.
/// </summary>
public sealed record SamplerOptions
{
    /// <summary>The interval during the fast phase; default 50 ms. Positive.</summary>
    public TimeSpan FastInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How long the fast phase lasts from the start; default 1 s. Zero or more.</summary>
    public TimeSpan FastPhase { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The interval the sampler settles to; default 1 s. At least <see cref="FastInterval"/>.</summary>
    public TimeSpan SteadyInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a batch goes to the sink; default 1 s (a crash loses at most this much). Positive.</summary>
    public TimeSpan FlushPeriod { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Throws when a value is out of range, naming it.</summary>
    internal void Validate()
    {
        if (FastInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(FastInterval), FastInterval, "must be positive");
        }

        if (FastPhase < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(FastPhase), FastPhase, "must not be negative");
        }

        if (SteadyInterval < FastInterval)
        {
            throw new ArgumentOutOfRangeException(nameof(SteadyInterval), SteadyInterval, "must be at least the fast interval");
        }

        if (FlushPeriod <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(FlushPeriod), FlushPeriod, "must be positive");
        }
    }
}
