namespace Cradle.Measure.Sampling;

/// <summary>What sampling cost, so that a report can say how much of the measured energy the measurement itself used.</summary>
/// <param name="Reads">Read rounds (each reads every sensor once).</param>
/// <param name="Samples">Samples handed to the sink.</param>
/// <param name="ReadingTime">Time spent reading sensors: CPU time of the reading thread where the platform gives it,
/// else the wall time of the reads (see <paramref name="Method"/>).</param>
/// <param name="Wall">Wall time from start to stop.</param>
/// <param name="Method">How <paramref name="ReadingTime"/> was measured.</param>
public sealed record SamplerOverhead(int Reads, int Samples, TimeSpan ReadingTime, TimeSpan Wall, string Method)
{
    /// <summary>Reading time as a share of wall time, 0 to 1 (of one core); null before any wall time has passed.</summary>
    public double? ShareOfOneCore => Wall > TimeSpan.Zero ? ReadingTime / Wall : null;
}
