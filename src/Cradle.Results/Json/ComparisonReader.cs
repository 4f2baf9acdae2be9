namespace Cradle.Results.Json;

/// <summary>Reads the "comparison" of an assessment (the body of schema <c>cradle.comparison/1</c>).</summary>
internal static class ComparisonReader
{
    public static ComparisonResults Read(ResultsNode c)
    {
        var alternatives = c.Need("alternatives").Items().ToList();
        // The category ids are the fields of the totals, in the order written.
        var ids = alternatives.Count == 0 ? [] : alternatives[0].Need("totals").Properties().Select(p => p.Name).ToList();
        var iterations = c.Need("iterations");
        var reason = c.TryGet("different_functional_units", out var different) ? different.NeedText("reason") : null;
        return new ComparisonResults(c.Text("functional_unit") ?? "",
            iterations.Int() > 0 ? iterations.Int() : throw iterations.Wrong("a number of draws above 0"),
            c.TryGet("seed", out var seed) ? seed.UInt64() : 0,
            ids,
            alternatives.Select(x => (x.NeedText("id"), (IReadOnlyList<double>)ids.Select(k => x.Need("totals").Need(k).Double()).ToList(),
                (IReadOnlyList<Stats>)ids.Select(k => StatsReader.Read(x.Need("uncertainty").Need(k))).ToList())).ToList(),
            c.Need("pairs").Items().Select(p => (p.NeedText("a"), p.NeedText("b"),
                (IReadOnlyList<Stats>)ids.Select(k => StatsReader.Read(p.Need("difference").Need(k))).ToList(),
                (IReadOnlyList<double>)ids.Select(k => p.Need("probability_a_lower").Need(k).Double()).ToList())).ToList())
        {
            FunctionalUnitReason = reason,
            FunctionalUnitDifferences = reason is null ? [] : different.Need("differences").Items().Select(d => d.AsText()).ToList(),
        };
    }
}

/// <summary>Reads the statistics of a sample.</summary>
internal static class StatsReader
{
    /// <summary>Mean, SD and percentiles; p25 and p75 may be absent (NaN), the others are required (null: NaN).</summary>
    public static Stats Read(ResultsNode e) => new(e.Need("mean").NumberOrNaN(), e.Need("median").NumberOrNaN(), e.Need("p2_5").NumberOrNaN(),
        e.Need("p5").NumberOrNaN(), e.Need("p95").NumberOrNaN(), e.Need("p97_5").NumberOrNaN(), e.Need("sd").NumberOrNaN(),
        e.TryGet("p25", out var p25) ? p25.Double() : double.NaN, e.TryGet("p75", out var p75) ? p75.Double() : double.NaN);
}
