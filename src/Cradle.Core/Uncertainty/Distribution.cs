namespace Cradle.Core.Uncertainty;

/// <summary>
/// The uncertainty of a parameter's value, in the parameter's base unit. Sampling is driven by a seeded
/// <see cref="RandomDraws"/> so that draws are reproducible; quantiles give one-at-a-time sensitivity ranges.
/// </summary>
public abstract record Distribution
{
    /// <summary>The central value the study states (median for a lognormal, mean for a normal, mode for a triangular).</summary>
    public abstract double Central { get; }

    /// <summary>Fills <paramref name="target"/> with independent draws.</summary>
    public abstract void Sample(RandomDraws stream, Span<double> target);

    /// <summary>The value below which a share <paramref name="p"/> of draws fall, 0 &lt; p &lt; 1.</summary>
    public abstract double Quantile(double p);

    /// <summary>The same distribution scaled by a positive factor (a unit change).</summary>
    public abstract Distribution Scaled(double factor);
}
