using System.Collections.Concurrent;
using Cradle.Core.Uncertainty;

namespace Cradle.Studies.Assessment;

/// <summary>
/// The draws of the alternatives of one comparison, made once. Alternatives share their random numbers by design (the
/// same seed, parameter name and chunk give the same stream), so an input with the same name and distribution in many
/// alternatives is drawn the same in each: with 100 alternatives that differ in one value, drawing each input once
/// instead of 100 times is most of the sampling saved. The values are those each alternative would draw itself.
/// </summary>
internal sealed class SharedDraws
{
    private readonly ConcurrentDictionary<(ulong Seed, string Parameter, int Chunk, int Count, Distribution Distribution), double[]> _columns = new();

    /// <summary><paramref name="inputs"/>, each drawing through this cache.</summary>
    public IReadOnlyList<UncertainInput> Wrap(IReadOnlyList<UncertainInput> inputs) =>
        [.. inputs.Select(i => i with { Distribution = new Cached(i.Distribution, this) })];

    private void Sample(Distribution distribution, RandomDraws stream, Span<double> target)
    {
        var column = _columns.GetOrAdd((stream.Seed, stream.Parameter, stream.Chunk, target.Length, distribution), key =>
        {
            var draws = new double[key.Count];
            key.Distribution.Sample(stream, draws);
            return draws;
        });
        column.CopyTo(target);
    }

    /// <summary>A distribution drawn through the cache; everything else is the distribution's own.</summary>
    private sealed record Cached(Distribution Inner, SharedDraws Draws) : Distribution
    {
        public override double Central => Inner.Central;

        public override void Sample(RandomDraws stream, Span<double> target) => Draws.Sample(Inner, stream, target);

        public override double Quantile(double p) => Inner.Quantile(p);

        public override Distribution Scaled(double factor) => Inner.Scaled(factor);

        public override string ToString() => Inner.ToString();
    }
}
