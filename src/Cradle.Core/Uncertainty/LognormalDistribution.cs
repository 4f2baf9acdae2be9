using System.Globalization;

namespace Cradle.Core.Uncertainty;

/// <summary>Lognormal by its median and geometric standard deviation: ln X ~ N(ln median, ln GSD).</summary>
/// <param name="Median">The median (the stated value), &gt; 0.</param>
/// <param name="GeometricSd">The geometric standard deviation, ≥ 1 (1 means no spread).</param>
public sealed record LognormalDistribution(double Median, double GeometricSd) : Distribution
{
    /// <summary>σ of ln X.</summary>
    public double Sigma => Math.Log(GeometricSd);

    /// <inheritdoc />
    public override double Central => Median;

    /// <summary>The mean, median × exp(σ²/2).</summary>
    public double Mean => Median * Math.Exp(Sigma * Sigma / 2);

    /// <inheritdoc />
    public override void Sample(RandomDraws stream, Span<double> target)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.StandardNormals(target);
        var mu = Math.Log(Median);
        var sigma = Sigma;
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = Math.Exp(mu + (sigma * target[i]));
        }
    }

    /// <inheritdoc />
    public override double Quantile(double p) => Median * Math.Exp(Sigma * StandardNormal.Quantile(p));

    /// <inheritdoc />
    public override Distribution Scaled(double factor) => this with { Median = Median * factor };

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"lognormal (median {Median:G4}, GSD {GeometricSd:0.###})");
}
