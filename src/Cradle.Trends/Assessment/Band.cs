using Cradle.Core.Uncertainty;

namespace Cradle.Trends.Assessment;

/// <summary>A result with its uncertainty: the value at the stated inputs, and the Monte Carlo median and band.</summary>
/// <param name="Central">The value with every input at its stated (central) value.</param>
/// <param name="Median">Median of the draws.</param>
/// <param name="Low">Lower end of the band (2.5th percentile for a 95 % band).</param>
/// <param name="High">Upper end of the band (97.5th percentile for a 95 % band).</param>
public sealed record Band(double Central, double Median, double Low, double High)
{
    /// <summary>Summarises draws; <paramref name="draws"/> is sorted in place.</summary>
    internal static Band Of(double central, double[] draws, double level)
    {
        // Selection, not a full sort: the same percentiles at a fraction of the cost (docs/performance.md, trends).
        var tail = (1 - level) / 2;
        Span<double> p = stackalloc double[3];
        OrderStatistics.Percentiles(draws, [tail, 0.5, 1 - tail], p);
        return new Band(central, p[1], p[0], p[2]);
    }
}
