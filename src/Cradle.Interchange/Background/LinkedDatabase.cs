using Cradle.Core.Engine;
using Cradle.Interchange.Reading;

namespace Cradle.Interchange.Background;

/// <summary>
/// A background database as one linked system, as Brightway and openLCA's "database" calculations see it: each process
/// with one product output as its quantitative reference is a column of A = I − N (its product inputs per unit of its
/// reference product, linked to the process that makes each input — the exchange's default provider, else the only
/// maker) and of B (its elementary exchanges per unit). Nothing is allocated or guessed: a process that cannot be a
/// column is left out with its reason, an input nobody makes is a cut-off, and an input several make with no default
/// provider named is left unlinked; both are counted and contribute nothing, as in openLCA.
/// </summary>
internal sealed class LinkedDatabase
{
    private LinkedDatabase(
        IReadOnlyList<(BackgroundProcess Process, BackgroundExchange Reference)> columns, IReadOnlyDictionary<string, int> columnOf,
        IReadOnlyList<BackgroundFlow> flows, SparseColumns inputs, SparseColumns biosphere,
        IReadOnlyList<(BackgroundProcess Process, string Reason)> leftOut, int cutOffs, int unlinked, IReadOnlyList<MatrixEntry> entries)
    {
        Entries = entries;
        Columns = columns;
        ColumnOf = columnOf;
        Flows = flows;
        Inputs = inputs;
        Biosphere = biosphere;
        LeftOut = leftOut;
        CutOffs = cutOffs;
        Unlinked = unlinked;
    }

    /// <summary>The columns: each activity with its reference exchange, in process-id order.</summary>
    public IReadOnlyList<(BackgroundProcess Process, BackgroundExchange Reference)> Columns { get; }

    /// <summary>Process id → column.</summary>
    public IReadOnlyDictionary<string, int> ColumnOf { get; }

    /// <summary>The elementary flows, in row order of <see cref="Biosphere"/>.</summary>
    public IReadOnlyList<BackgroundFlow> Flows { get; }

    /// <summary>N: input of product i per unit of product j.</summary>
    public SparseColumns Inputs { get; }

    /// <summary>B: elementary flow per unit of product j, in the flow's reference unit, as the exchange gives it (inputs positive too).</summary>
    public SparseColumns Biosphere { get; }

    /// <summary>Processes that are not columns, with the reason.</summary>
    public IReadOnlyList<(BackgroundProcess Process, string Reason)> LeftOut { get; }

    /// <summary>Inputs nobody in the database makes.</summary>
    public int CutOffs { get; }

    /// <summary>Inputs several activities make, with no default provider named.</summary>
    public int Unlinked { get; }

    /// <summary>Every entry of N and B in the order they were added, with the exchange's uncertainty where the package gives one.</summary>
    public IReadOnlyList<MatrixEntry> Entries { get; }

    /// <summary>Links every process of <paramref name="database"/> that can be a column.</summary>
    public static LinkedDatabase Link(BackgroundDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
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
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        var flows = new List<BackgroundFlow>();
        var entries = new List<MatrixEntry>();
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
                    if (!rows.TryGetValue(flow.Id, out var row))
                    {
                        rows[flow.Id] = row = flows.Count;
                        flows.Add(flow);
                    }
                    entries.Add(MatrixEntry.Of(false, row, j, exchange, perUnit, process.Id));
                }
                else if (exchange.IsInput && Provider(exchange, index, makers) is { } provider)
                {
                    entries.Add(MatrixEntry.Of(true, provider, j, exchange, perUnit, process.Id));
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
        var (inputs, biosphere) = Matrices(columns.Count, flows.Count, entries, e => e.Value);
        return new LinkedDatabase(columns, index, flows, inputs, biosphere, leftOut, cutOffs, unlinked, entries);
    }

    /// <summary>N and B with each entry's value given by <paramref name="value"/> (the stated one, or a draw); same pattern every time.</summary>
    public (SparseColumns Inputs, SparseColumns Biosphere) Matrices(Func<MatrixEntry, double> value) => Matrices(Columns.Count, Flows.Count, Entries, value);

    private static (SparseColumns, SparseColumns) Matrices(int columns, int flows, IReadOnlyList<MatrixEntry> entries, Func<MatrixEntry, double> value)
    {
        var inputs = new SparseColumns(columns, columns);
        var biosphere = new SparseColumns(flows, columns);
        foreach (var entry in entries)
        {
            (entry.Technosphere ? inputs : biosphere).Add(entry.Row, entry.Column, value(entry));
        }
        return (inputs, biosphere);
    }

    /// <summary>Why a process cannot be a column of A, or null when it can.</summary>
    public static string? Why(BackgroundDatabase database, BackgroundProcess process)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(process);
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

/// <summary>
/// One entry of N (<see cref="Technosphere"/>) or B: the exchange's amount per unit of its column's reference product
/// (<see cref="Value"/>); a draw of the exchange's stated distribution, in its own unit, times <see cref="Scale"/> is the
/// entry's value in that draw.
/// </summary>
/// <param name="Technosphere">An entry of N (a product input), else of B (an elementary flow).</param>
/// <param name="Row">Its row: the providing column, or the flow.</param>
/// <param name="Column">Its column.</param>
/// <param name="Value">The stated amount per unit of the column's product, in reference units.</param>
/// <param name="Uncertainty">The amount's uncertainty as stated, or null.</param>
/// <param name="Scale">Entry value per unit of the exchange's own amount (reference-unit conversion ÷ the column's reference amount).</param>
/// <param name="Key">"process id/internal id": the random stream of the exchange's draws.</param>
internal sealed record MatrixEntry(bool Technosphere, int Row, int Column, double Value, ExchangeUncertainty? Uncertainty, double Scale, string Key)
{
    public static MatrixEntry Of(bool technosphere, int row, int column, BackgroundExchange exchange, double perUnit, string processId)
    {
        var value = exchange.ReferenceAmount!.Value * perUnit;
        // An amount of 0 gives no conversion factor to scale its draws by: it stays exact.
        var uncertainty = exchange.Amount == 0 ? null : exchange.Uncertainty;
        return new MatrixEntry(technosphere, row, column, value, uncertainty, exchange.Amount == 0 ? 0 : value / exchange.Amount, $"{processId}/{exchange.InternalId.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
    }
}
