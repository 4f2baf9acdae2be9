using System.Globalization;

namespace Cradle.Core.Uncertainty;

/// <summary>
/// A distribution given as a sample drawn elsewhere (a background database's Monte Carlo realisations), shared by every
/// parameter of one <see cref="Group"/>: each draw picks one realisation by an index drawn from a stream keyed on the
/// group, not on the parameter, so all parameters of the group take the same realisation in the same draw — a linked
/// provider's GWP and water move together, as they do in the background. The stream is derived from the run's seed and
/// chunk like every other (<see cref="RandomDraws"/>), so draws stay reproducible and independent of the thread count.
/// Sobol's two sample matrices (parameter names ending "#A", "#B") get two independent index streams.
/// </summary>
/// <param name="Group">The group the realisations belong to (one per background database and link).</param>
/// <param name="Realisations">The values, in the parameter's base unit, one per realisation (shared by reference: never changed).</param>
/// <param name="Stated">The deterministic value (the background solved at its stated amounts).</param>
/// <param name="What">What the sample is, for reports ("500 realisations of background database 'X'").</param>
public sealed record SharedSampleDistribution(string Group, IReadOnlyList<double> Realisations, double Stated, string What) : Distribution
{
    private readonly Lazy<double[]> _sorted = new(() => [.. Realisations.Order()]);

    /// <inheritdoc />
    public override double Central => Stated;

    /// <inheritdoc />
    public override void Sample(RandomDraws stream, Span<double> target)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var hash = stream.Parameter.LastIndexOf('#');
        var shared = new RandomDraws(stream.Seed, $"shared-sample:{Group}{(hash < 0 ? "" : stream.Parameter[hash..])}", stream.Chunk);
        var count = Realisations.Count;
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = Realisations[Math.Min(count - 1, (int)(shared.NextDouble() * count))];
        }
    }

    /// <inheritdoc />
    public override double Quantile(double p)
    {
        // The empirical quantile with linear interpolation between order statistics (type 7, as NumPy's default).
        var sorted = _sorted.Value;
        var h = (sorted.Length - 1) * p;
        var low = (int)Math.Floor(h);
        return low >= sorted.Length - 1 ? sorted[^1] : sorted[low] + ((h - low) * (sorted[low + 1] - sorted[low]));
    }

    /// <inheritdoc />
    public override Distribution Scaled(double factor) =>
        new SharedSampleDistribution(Group, [.. Realisations.Select(r => r * factor)], Stated * factor, What);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"sampled: {What} (median {Quantile(0.5):G4}, 2.5–97.5 % {Quantile(0.025):G4} to {Quantile(0.975):G4})");
}
