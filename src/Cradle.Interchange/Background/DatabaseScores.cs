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
}
