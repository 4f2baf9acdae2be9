using Cradle.Core.Expressions;
using Cradle.Core.Parameters;

namespace Cradle.Core.Model;

/// <summary>
/// A validated, compiled product system: products, flows and processes indexed once, every exchange amount
/// compiled against the parameter table and checked for units. Process j provides product j, so the
/// technosphere matrix is square and indices are shared (DESIGN: indices separate from matrices).
/// </summary>
public sealed class ProductSystem
{
    internal ProductSystem(
        IReadOnlyList<Process> processes,
        IReadOnlyList<Product> products,
        IReadOnlyList<ElementaryFlow> flows,
        ParameterTable parameters,
        IReadOnlyList<CompiledExchange> technosphere,
        IReadOnlyList<CompiledExchange> biosphere)
    {
        Processes = processes;
        Products = products;
        Flows = flows;
        Parameters = parameters;
        Technosphere = technosphere;
        Biosphere = biosphere;
        ProcessIndex = Index(processes.Select(p => p.Id));
        ProductIndex = Index(products.Select(p => p.Id));
        FlowIndex = Index(flows.Select(f => f.Id));
    }

    /// <summary>Processes; process j provides <see cref="Products"/>[j].</summary>
    public IReadOnlyList<Process> Processes { get; }

    /// <summary>Products, in process order.</summary>
    public IReadOnlyList<Product> Products { get; }

    /// <summary>Elementary flows; row f of the biosphere matrix.</summary>
    public IReadOnlyList<ElementaryFlow> Flows { get; }

    /// <summary>The parameters every amount is computed from.</summary>
    public ParameterTable Parameters { get; }

    /// <summary>Index of each process id.</summary>
    public IReadOnlyDictionary<string, int> ProcessIndex { get; }

    /// <summary>Index of each product id (equal to its provider's index).</summary>
    public IReadOnlyDictionary<string, int> ProductIndex { get; }

    /// <summary>Index of each flow id.</summary>
    public IReadOnlyDictionary<string, int> FlowIndex { get; }

    /// <summary>
    /// Every technosphere input: the consuming process, the product it takes (its provider has the same index) and the
    /// compiled amount, whose <see cref="CompiledExpression.Slots"/> name the parameters it depends on.
    /// </summary>
    public IEnumerable<(int Consumer, int Product, CompiledExpression Amount)> Inputs() =>
        Technosphere.Select(x => (x.Column, x.Row, x.Amount));

    /// <summary>
    /// Every matrix entry's compiled amount (in base units) and the factor that turns it into the matrix's units: the
    /// engine refuses an entry whose product is not finite, so a diagnosis must check the same product.
    /// </summary>
    public IEnumerable<(CompiledExpression Amount, double ToMatrixUnits)> MatrixAmounts() =>
        Technosphere.Concat(Biosphere).Select(x => (x.Amount, x.ToMatrixUnits));

    /// <summary>Technosphere inputs: row = product consumed, column = consuming process.</summary>
    internal IReadOnlyList<CompiledExchange> Technosphere { get; }

    /// <summary>Elementary flows: row = flow, column = process.</summary>
    internal IReadOnlyList<CompiledExchange> Biosphere { get; }

    private static Dictionary<string, int> Index(IEnumerable<string> ids) =>
        ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
}

/// <summary>
/// One matrix entry as a compiled expression: evaluated in base units, then multiplied by <see cref="ToMatrixUnits"/>
/// (reference-product unit factor ÷ input unit factor) to count in the products' and flows' own units.
/// </summary>
internal sealed record CompiledExchange(int Row, int Column, CompiledExpression Amount, double ToMatrixUnits);
