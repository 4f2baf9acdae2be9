using System.Globalization;
using Cradle.Core.Uncertainty;
using Cradle.Studies.Assessment;
using Cradle.Studies.Compilation;
using Cradle.Studies.Tests.Support;
using Cradle.Syntax;

namespace Cradle.Studies.Tests.Assessment;

/// <summary>
/// Which pairs a comparison computes: every pair up to three alternatives, beyond that each against a reference unless
/// every pair is asked for; the pairs computed carry the same numbers either way.
/// </summary>
public sealed class ComparisonPairsTests
{
    private static readonly Lazy<List<(string Label, CompiledStudy Compiled)>> Hundred = new(() =>
    {
        var alternatives = string.Concat(Enumerable.Range(0, 100).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"  variant-{i:000}:\n    parameters:\n      serving:\n        value: {0.001 + (0.00001 * i)} kWh/request\n        uncertainty: {{distribution: uniform, min_factor: 0.5, max_factor: 1.5}}\n")));
        var text = TinyStudy.With("cradle: 1\n", "cradle: 1\nparameters:\n  serving:\n    value: 0.002 kWh/request\n    uncertainty: {distribution: uniform, min_factor: 0.5, max_factor: 1.5}\n")
            .Replace("energy_per_request: 0.002 kWh/request", "energy_per_request: serving", StringComparison.Ordinal)
            + "\nalternatives:\n" + alternatives;
        var (_, compiled, _) = StudyAssessor.Compile(text, TinyStudy.File, [], null);
        return [.. compiled.Select(c => (c.Alternative!.Id, c))];
    });

    private static readonly MonteCarloOptions Options = new(50, 3, 1);

    private static List<MonteCarloResult> Runs() => [.. Hundred.Value.Select(c => UncertaintyAnalysis.Sample(c.Compiled, Options))];

    [Fact]
    public void A_hundred_alternatives_are_each_compared_with_the_first_by_default_and_every_pair_on_request()
    {
        var runs = Runs();
        var byReference = ComparisonAnalysis.Compare(Hundred.Value, runs, Options, ComparisonPairs.Default);
        Assert.Equal(99, byReference.Pairs.Count);
        Assert.Equal("variant-000", byReference.Reference);
        Assert.All(byReference.Pairs, p => Assert.Equal("variant-000", p.A));
        Assert.Equal(Hundred.Value.Skip(1).Select(c => c.Label), byReference.Pairs.Select(p => p.B));

        var all = ComparisonAnalysis.Compare(Hundred.Value, runs, Options, new ComparisonPairs(AllPairs: true, Reference: null));
        Assert.Equal(4950, all.Pairs.Count);
        Assert.Null(all.Reference);
        // A pair computed both ways has the same numbers: the same draws, the same arithmetic.
        var lookup = all.Pairs.ToDictionary(p => (p.A, p.B));
        Assert.All(byReference.Pairs, p =>
        {
            var same = lookup[(p.A, p.B)];
            Assert.Equal(same.ProbabilityALower, p.ProbabilityALower);
            Assert.Equal(same.Difference, p.Difference);
        });
    }

    [Fact]
    public void A_chosen_reference_is_every_pairs_first_alternative()
    {
        var result = ComparisonAnalysis.Compare(Hundred.Value, Runs(), Options, new ComparisonPairs(false, "variant-042"));
        Assert.Equal(99, result.Pairs.Count);
        Assert.All(result.Pairs, p => Assert.Equal("variant-042", p.A));
        Assert.DoesNotContain(result.Pairs, p => p.B == "variant-042");
    }

    [Fact]
    public void An_unknown_reference_is_refused_with_the_closest_ids()
    {
        var labels = Hundred.Value.Select(c => c.Label).ToList();
        var error = Assert.Single(Assert.Throws<StudyException>(() => new ComparisonPairs(false, "variant-42").Select(labels)).Problems);
        Assert.Equal("unknown-reference", error.Code);
        Assert.Contains("'variant-42' is not one of the alternatives compared; closest: variant-042", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_and_every_pair_together_are_refused()
    {
        var error = Assert.Single(Assert.Throws<StudyException>(() => new ComparisonPairs(true, "b").Select(["a", "b", "c", "d"])).Problems);
        Assert.Equal("pairs-conflict", error.Code);
    }

    [Fact]
    public void Chosen_pairs_carry_the_numbers_the_default_gives_them_in_the_order_given()
    {
        var runs = Runs();
        var byReference = ComparisonAnalysis.Compare(Hundred.Value, runs, Options, ComparisonPairs.Default);
        var chosen = ComparisonAnalysis.Compare(Hundred.Value, runs, Options,
            new ComparisonPairs(false, null) { Chosen = [("variant-000", "variant-042"), ("variant-000", "variant-007"), ("variant-000", "variant-042")] });
        Assert.True(chosen.PairsChosen);
        Assert.Null(chosen.Reference);
        // Given twice, computed once.
        Assert.Equal([("variant-000", "variant-042"), ("variant-000", "variant-007")], chosen.Pairs.Select(p => (p.A, p.B)));
        Assert.All(chosen.Pairs, p =>
        {
            var same = byReference.Pairs.Single(q => q.B == p.B);
            Assert.Equal(same.ProbabilityALower, p.ProbabilityALower);
            Assert.Equal(same.Difference, p.Difference);
        });
        Assert.Equal(byReference.Uncertainty, chosen.Uncertainty);
    }

    [Fact]
    public void A_chosen_pair_with_an_unknown_id_is_refused_with_the_closest_ids()
    {
        var labels = Hundred.Value.Select(c => c.Label).ToList();
        var error = Assert.Single(Assert.Throws<StudyException>(() => new ComparisonPairs(false, null) { Chosen = [("variant-001", "variant-42")] }.Select(labels)).Problems);
        Assert.Equal("unknown-pair", error.Code);
        Assert.Contains("'variant-42' in --pair 'variant-001,variant-42' is not one of the alternatives compared; closest: variant-042", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chosen_pair_of_one_alternative_or_with_other_pair_options_is_refused()
    {
        string[] labels = ["a", "b", "c", "d"];
        Assert.Equal("pair-with-itself", Assert.Single(Assert.Throws<StudyException>(() => new ComparisonPairs(false, null) { Chosen = [("b", "b")] }.Select(labels)).Problems).Code);
        Assert.Equal("pairs-conflict", Assert.Single(Assert.Throws<StudyException>(() => new ComparisonPairs(true, null) { Chosen = [("a", "b")] }.Select(labels)).Problems).Code);
        Assert.Equal("pairs-conflict", Assert.Single(Assert.Throws<StudyException>(() => new ComparisonPairs(false, "c") { Chosen = [("a", "b")] }.Select(labels)).Problems).Code);
    }

    [Fact]
    public void Sampling_the_alternatives_together_gives_the_numbers_each_gives_alone()
    {
        // Compare samples the alternatives side by side and draws what they share once; each alone, on one thread, is
        // how every alternative was sampled before.
        var together = ComparisonAnalysis.Compare(Hundred.Value, Options with { Threads = 3 }, new ComparisonAcceptance(null, null), ComparisonPairs.Default);
        var alone = ComparisonAnalysis.Compare(Hundred.Value, Runs(), Options, ComparisonPairs.Default);
        Assert.Equal(alone.Uncertainty, together.Uncertainty);
        Assert.Equal(alone.Pairs.Select(p => (p.A, p.B)), together.Pairs.Select(p => (p.A, p.B)));
        Assert.Equal(alone.Pairs.Select(p => p.Difference), together.Pairs.Select(p => p.Difference));
        Assert.Equal(alone.Pairs.Select(p => p.ProbabilityALower), together.Pairs.Select(p => p.ProbabilityALower));
    }

    [Fact]
    public void Up_to_three_alternatives_every_pair_is_compared_as_before()
    {
        var (pairs, reference) = ComparisonPairs.Default.Select(["a", "b", "c"]);
        Assert.Equal([(0, 1), (0, 2), (1, 2)], pairs);
        Assert.Null(reference);
        var (four, first) = ComparisonPairs.Default.Select(["a", "b", "c", "d"]);
        Assert.Equal([(0, 1), (0, 2), (0, 3)], four);
        Assert.Equal("a", first);
    }
}
