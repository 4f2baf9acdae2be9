using System.Globalization;

namespace Cradle.Core.Uncertainty;

/// <summary>Triangular from a minimum to a maximum with its mode at the stated value.</summary>
/// <param name="Minimum">Lower bound.</param>
/// <param name="Mode">The most likely value (the stated value).</param>
/// <param name="Maximum">Upper bound.</param>
public sealed record TriangularDistribution(double Minimum, double Mode, double Maximum) : Distribution
{
    /// <inheritdoc />
    public override double Central => Mode;

    /// <inheritdoc />
    public override void Sample(RandomDraws stream, Span<double> target)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Uniforms(target);
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = Quantile(target[i]);
        }
    }

    /// <inheritdoc />
    public override double Quantile(double p)
    {
        var width = Maximum - Minimum;
        if (width <= 0)
        {
            return Mode;
        }
        var split = (Mode - Minimum) / width;
        return p < split
            ? Minimum + Math.Sqrt(p * width * (Mode - Minimum))
            : Maximum - Math.Sqrt((1 - p) * width * (Maximum - Mode));
    }

    /// <inheritdoc />
    public override Distribution Scaled(double factor) => new TriangularDistribution(Minimum * factor, Mode * factor, Maximum * factor);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"triangular ({Minimum:G4}, mode {Mode:G4}, {Maximum:G4})");
}
