using Cradle.Core.Engine.Sparse;
using Cradle.Interchange.Reading;

namespace Cradle.Interchange.Background;

/// <summary>The LCIA score of one unit of an activity's reference product, for each category of a method.</summary>
/// <param name="Process">The activity.</param>
/// <param name="Product">Its reference product flow.</param>
/// <param name="Scores">One score per category of <see cref="DatabaseScoreResult.Categories"/>, per unit of the product in its reference unit.</param>
public sealed record ActivityScore(BackgroundProcess Process, BackgroundFlow Product, IReadOnlyList<double> Scores);

/// <summary>Every scorable activity's scores, and the activities left out with the reason.</summary>
/// <param name="Categories">The method's categories, in its order.</param>
/// <param name="Activities">The activities scored, in process-id order.</param>
/// <param name="LeftOut">Activity → why it was not scored (no quantitative reference, several outputs, unknown unit, …).</param>
/// <param name="CutOffs">Inputs with no provider in the database, counted: they contribute nothing, as in openLCA.</param>
/// <param name="Unlinked">Inputs made by several activities with no default provider named: not linked (a choice the
/// database does not make is not made here), counted; they contribute nothing.</param>
public sealed record DatabaseScoreResult(
    IReadOnlyList<BackgroundImpactCategory> Categories, IReadOnlyList<ActivityScore> Activities,
    IReadOnlyList<(BackgroundProcess Process, string Reason)> LeftOut, int CutOffs, int Unlinked);

/// <summary>
/// Scores every activity of a background database at once (issue 16, item 4): the database linked as one system
/// (<see cref="LinkedDatabase"/>), then one transposed solve per category gives the score of one unit of every product
/// (<see cref="ActivityScores"/>): λᵀ = cᵀ B A⁻¹. Elementary inputs and outputs both count with the factor's sign, as
/// openLCA characterises them.
/// </summary>
public static class DatabaseScores
{
    /// <summary>Scores every activity of <paramref name="database"/> with <paramref name="method"/>.</summary>
    /// <exception cref="Cradle.Core.Engine.EngineException">The linked activities make a singular system, or the solve does not converge.</exception>
    public static DatabaseScoreResult Score(BackgroundDatabase database, BackgroundImpactMethod method)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(method);
        var linked = LinkedDatabase.Link(database);
        var rows = linked.Flows.Select((f, i) => (f.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var categories = method.CategoryIds.Where(database.ImpactCategories.ContainsKey).Select(id => database.ImpactCategories[id]).ToList();
        var technosphere = new SparseTechnosphere(linked.Inputs, j => linked.Columns[j].Process.Name);
        var byCategory = categories.Select(c => ActivityScores.ForCategory(technosphere, linked.Biosphere,
            [.. c.Factors.Where(f => f.ReferenceValue is not null && rows.ContainsKey(f.FlowId)).Select(f => (rows[f.FlowId], f.ReferenceValue!.Value))])).ToList();
        var activities = linked.Columns.Select((c, j) => new ActivityScore(c.Process, database.Flows[c.Reference.FlowId], [.. byCategory.Select(s => s[j])])).ToList();
        return new DatabaseScoreResult(categories, activities, linked.LeftOut, linked.CutOffs, linked.Unlinked);
    }

    /// <summary>
    /// Scores every activity with indicators of Cradle's catalog instead of a method of the package (for databases that
    /// ship none, as most USLCI exports): the database's elementary flows matched to the catalog's as a study's links
    /// match them (<see cref="CatalogFlowMapping"/>). Each category is named after the indicator, its unit the
    /// indicator's; <paramref name="matched"/> says how many of the database's elementary flows were characterised.
    /// </summary>
    /// <exception cref="ArgumentException">An indicator is not in the catalog, or no elementary flow of the database has a factor in it (a column of zeros would read as a score).</exception>
    public static DatabaseScoreResult Score(BackgroundDatabase database, Cradle.Studies.Compilation.IndicatorSet indicators, IReadOnlyList<string> indicatorIds, out string matched)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(indicatorIds);
        var linked = LinkedDatabase.Link(database);
        var factors = IndicatorFactors.For(database, linked.Flows, indicators);
        var categories = new List<BackgroundImpactCategory>();
        var rows = new List<IReadOnlyList<(int Flow, double Factor)>>();
        foreach (var id in indicatorIds)
        {
            var indicator = indicators.Find(id)
                ?? throw new ArgumentException($"no indicator '{id}' in the catalog{Core.NameSuggestions.Hint(id, indicators.Ids)}.", nameof(indicatorIds));
            if (!factors.ByIndicator.TryGetValue(id, out var c))
            {
                throw new ArgumentException(
                    $"no elementary flow of the database has a factor in '{id}', so every score would be 0; indicators its flows reach: {string.Join(", ", factors.ByIndicator.Keys)}.",
                    nameof(indicatorIds));
            }
            categories.Add(new BackgroundImpactCategory(indicator.Id, indicator.Name, indicator.Unit.Symbol, []));
            rows.Add([.. c.Select((factor, flow) => (flow, factor)).Where(x => x.factor != 0)]);
        }
        matched = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{factors.Characterised.Count(x => x)} of {linked.Flows.Count} elementary flows characterised by the catalog's methods (matched by name and compartment)");
        var technosphere = new SparseTechnosphere(linked.Inputs, j => linked.Columns[j].Process.Name);
        var byCategory = rows.Select(r => ActivityScores.ForCategory(technosphere, linked.Biosphere, r)).ToList();
        var activities = linked.Columns.Select((c, j) => new ActivityScore(c.Process, database.Flows[c.Reference.FlowId], [.. byCategory.Select(s => s[j])])).ToList();
        return new DatabaseScoreResult(categories, activities, linked.LeftOut, linked.CutOffs, linked.Unlinked);
    }
}
