using System.Globalization;

namespace Cradle.Core.Uncertainty;

/// <summary>Normal by mean and standard deviation. Physical quantities can go negative in its tails: prefer lognormal for them.</summary>
/// <param name="Mean">The mean (the stated value).</param>
/// <param name="StandardDeviation">The standard deviation, ≥ 0.</param>
public sealed record NormalDistribution(double Mean, double StandardDeviation) : Distribution
{
    /// <inheritdoc />
    public override double Central => Mean;

    /// <inheritdoc />
    public override void Sample(RandomDraws stream, Span<double> target)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.StandardNormals(target);
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = Mean + (StandardDeviation * target[i]);
        }
    }

    /// <inheritdoc />
    public override double Quantile(double p) => Mean + (StandardDeviation * StandardNormal.Quantile(p));

    /// <inheritdoc />
    public override Distribution Scaled(double factor) => new NormalDistribution(Mean * factor, StandardDeviation * Math.Abs(factor));

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"normal (mean {Mean:G4}, SD {StandardDeviation:G4})");
}
