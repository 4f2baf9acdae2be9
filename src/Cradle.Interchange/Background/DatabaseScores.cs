using Cradle.Core.Engine;
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
/// Scores every activity of a background database at once (issue 16, item 4): each process with one product output as
/// its quantitative reference is a column of A = I − N (its product inputs, per unit of its reference product, linked to
/// the process that makes each input — the exchange's default provider, else the only maker), and of B (its elementary
/// exchanges per unit). One transposed solve per category gives the score of one unit of every product
/// (<see cref="ActivityScores"/>): λᵀ = cᵀ B A⁻¹. Elementary inputs and outputs both count with the factor's sign, as
/// openLCA characterises them. Nothing is allocated or guessed: an activity that cannot be a column is left out with
/// its reason, and an input nobody in the database makes is a cut-off.
/// </summary>
public static class DatabaseScores
{
    /// <summary>Scores every activity of <paramref name="database"/> with <paramref name="method"/>.</summary>
    /// <exception cref="EngineException">The linked activities make a singular system, or the solve does not converge.</exception>
    public static DatabaseScoreResult Score(BackgroundDatabase database, BackgroundImpactMethod method)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(method);
        var leftOut = new List<(BackgroundProcess, string)>();
        var columns = new List<(BackgroundProcess Process, BackgroundExchange Reference)>();
        foreach (var process in database.Processes.Values.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            if (Why(database, process) is { } reason)
            {
                leftOut.Add((process, reason));
            }
            else
            {
                columns.Add((process, process.QuantitativeReference!));
            }
        }
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var makers = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var j = 0; j < columns.Count; j++)
        {
            index[columns[j].Process.Id] = j;
            var flow = columns[j].Reference.FlowId;
            (makers.TryGetValue(flow, out var list) ? list : makers[flow] = []).Add(j);
        }
        var flows = new Dictionary<string, int>(StringComparer.Ordinal);
        var inputs = new SparseColumns(columns.Count, columns.Count);
        var exchanges = new List<(int Flow, int Column, double Value)>();
        var (cutOffs, unlinked) = (0, 0);
        for (var j = 0; j < columns.Count; j++)
        {
            var (process, reference) = columns[j];
            var perUnit = 1 / reference.ReferenceAmount!.Value;
            foreach (var exchange in process.Exchanges.Where(e => !ReferenceEquals(e, reference) && e.ReferenceAmount is not null))
            {
                var flow = database.Flows[exchange.FlowId];
                if (flow.Type == BackgroundFlowType.Elementary)
                {
                    var row = flows.TryGetValue(flow.Id, out var r) ? r : flows[flow.Id] = flows.Count;
                    exchanges.Add((row, j, exchange.ReferenceAmount!.Value * perUnit));
                }
                else if (exchange.IsInput && Provider(exchange, index, makers) is { } provider)
                {
                    inputs.Add(provider, j, exchange.ReferenceAmount!.Value * perUnit);
                }
                else if (exchange.IsInput && makers.TryGetValue(exchange.FlowId, out var several) && several.Count > 1)
                {
                    unlinked++;
                }
                else if (exchange.IsInput)
                {
                    cutOffs++;
                }
            }
        }
        var biosphere = new SparseColumns(flows.Count, columns.Count);
        foreach (var (row, column, value) in exchanges)
        {
            biosphere.Add(row, column, value);
        }
        var categories = method.CategoryIds.Where(database.ImpactCategories.ContainsKey).Select(id => database.ImpactCategories[id]).ToList();
        var technosphere = new SparseTechnosphere(inputs, j => columns[j].Process.Name);
        var byCategory = categories.Select(c => ActivityScores.ForCategory(technosphere, biosphere,
            [.. c.Factors.Where(f => f.ReferenceValue is not null && flows.ContainsKey(f.FlowId)).Select(f => (flows[f.FlowId], f.ReferenceValue!.Value))])).ToList();
        var activities = columns.Select((c, j) => new ActivityScore(c.Process, database.Flows[c.Reference.FlowId], [.. byCategory.Select(s => s[j])])).ToList();
        return new DatabaseScoreResult(categories, activities, leftOut, cutOffs, unlinked);
    }

    // Why a process cannot be a column of A, or null when it can.
    private static string? Why(BackgroundDatabase database, BackgroundProcess process)
    {
        if (process.QuantitativeReference is not { } reference)
        {
            return "no quantitative reference";
        }
        if (reference.IsInput || !database.Flows.TryGetValue(reference.FlowId, out var product) || product.Type != BackgroundFlowType.Product)
        {
            return "its quantitative reference is not a product output (waste treatment is not scored)";
        }
        if (reference.ReferenceAmount is not (> 0 and var _))
        {
            return "its reference amount is zero or in an unknown unit";
        }
        var outputs = process.Exchanges.Count(e => !e.IsInput && !e.IsAvoidedProduct
            && database.Flows.TryGetValue(e.FlowId, out var f) && f.Type == BackgroundFlowType.Product);
        return outputs > 1 ? $"{outputs} product outputs (allocation {process.DefaultAllocationMethod ?? "not stated"}; not applied)" : null;
    }

    // The exchange's default provider where it is a column, else the only column making the flow; null for a cut-off.
    private static int? Provider(BackgroundExchange exchange, Dictionary<string, int> index, Dictionary<string, List<int>> makers)
    {
        if (exchange.DefaultProviderId is { } named && index.TryGetValue(named, out var provider))
        {
            return provider;
        }
        return makers.TryGetValue(exchange.FlowId, out var list) && list.Count == 1 ? list[0] : null;
    }
}
