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
        var basisReason = c.TryGet("different_carbon_bases", out var bases) ? bases.NeedText("reason") : null;
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
            Reference = c.Text("reference"),
            PairsChosen = c.Text("pairs_mode") == "chosen",
            FunctionalUnitReason = reason,
            FunctionalUnitDifferences = reason is null ? [] : different.Need("differences").Items().Select(d => d.AsText()).ToList(),
            CarbonBasis = c.Text("carbon_basis"),
            CarbonBasisReason = basisReason,
            CarbonBasisDifferences = basisReason is null ? [] : bases.Need("differences").Items().Select(d => d.AsText()).ToList(),
            RowsNotCompared = c.TryGet("rows_not_compared", out var rows) ? rows.Items().Select(r => r.AsText()).ToList() : [],
            Service = c.TryGet("service", out var service) ? [.. service.Items().Select(x => Service(x, ids))] : [],
            UnmetConstraintsReason = c.TryGet("unmet_constraints", out var unmet) ? unmet.NeedText("reason") : null,
        };
    }

    /// <summary>One alternative's <c>service</c> entry (issue 14), as <see cref="ComparisonJson"/> writes it.</summary>
    private static ServiceResults Service(ResultsNode x, IReadOnlyList<string> ids)
    {
        var stated = x.TryGet("quality", out var quality);
        return new ServiceResults(x.NeedText("id"),
            [.. x.Need("constraints").Items().Select(o => (o.NeedText("constraint"), o.NeedText("status"), o.NeedText("message"), o.Text("source")))],
            stated ? quality.Text("benchmark") : null, stated ? quality.Need("score").Double() : null,
            x.TryGet("secondary_per_quality_point", out var perPoint) ? [.. ids.Select(k => perPoint.Need(k).Double())] : null);
    }
}
