using System.Globalization;

namespace Cradle.Core.Uncertainty;

/// <summary>Uniform between two bounds; the stated value (its <see cref="Central"/>) lies between them.</summary>
/// <param name="Minimum">Lower bound.</param>
/// <param name="Maximum">Upper bound, ≥ <paramref name="Minimum"/>.</param>
/// <param name="Stated">The value the study states (reported as the central value).</param>
public sealed record UniformDistribution(double Minimum, double Maximum, double Stated) : Distribution
{
    /// <inheritdoc />
    public override double Central => Stated;

    /// <inheritdoc />
    public override void Sample(RandomDraws stream, Span<double> target)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Uniforms(target);
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = Minimum + ((Maximum - Minimum) * target[i]);
        }
    }

    /// <inheritdoc />
    public override double Quantile(double p) => Minimum + ((Maximum - Minimum) * p);

    /// <inheritdoc />
    public override Distribution Scaled(double factor) => new UniformDistribution(Minimum * factor, Maximum * factor, Stated * factor);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"uniform ({Minimum:G4} to {Maximum:G4})");
}
