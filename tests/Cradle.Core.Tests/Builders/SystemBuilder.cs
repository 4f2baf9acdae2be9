using Cradle.Core.Model;
using Cradle.Core.Parameters;
using Cradle.Core.Units;

namespace Cradle.Core.Tests.Builders;

/// <summary>
/// Writes a product system the way an LCA practitioner describes one: products with their units, elementary flows,
/// parameters with their units, then processes that consume products and emit flows per unit of what they make.
/// <code>
/// new SystemBuilder()
///     .Product("electricity", "kWh").Flow("co2", "kg")
///     .Parameter("grid_co2", "0.4 kg/kWh")
///     .Process("grid", makes: "electricity", p => p.Emits("co2", "grid_co2"))
///     .Build();
/// </code>
/// </summary>
internal sealed class SystemBuilder
{
    private readonly List<Product> _products = [];
    private readonly List<ElementaryFlow> _flows = [];
    private readonly List<ParameterDefinition> _parameters = [];
    private readonly List<Process> _processes = [];

    public static Provenance Declared { get; } = new(DataOrigin.Declared, "unit test");

    public IReadOnlyList<Product> Products => _products;

    public IReadOnlyList<ElementaryFlow> Flows => _flows;

    public IReadOnlyList<Process> Processes => _processes;

    /// <summary>A product counted in <paramref name="unit"/> (any symbol <see cref="UnitParser"/> reads).</summary>
    public SystemBuilder Product(string id, string unit)
    {
        _products.Add(new Product(id, id, UnitParser.Parse(unit)));
        return this;
    }

    /// <summary>An elementary flow counted in <paramref name="unit"/>.</summary>
    public SystemBuilder Flow(string id, string unit, string compartment = "air", bool aggregated = false)
    {
        _flows.Add(new ElementaryFlow(id, id, compartment, UnitParser.Parse(unit), aggregated));
        return this;
    }

    /// <summary>A value parameter written as a quantity, e.g. "700 W" or "0.4 kg/kWh".</summary>
    public SystemBuilder Parameter(string name, string quantity)
    {
        _parameters.Add(ParameterDefinition.FromValue(name, Quantity.Parse(quantity), Declared));
        return this;
    }

    /// <summary>A value parameter from a number and a unit symbol (for generated systems).</summary>
    public SystemBuilder Parameter(string name, double value, string unit)
    {
        _parameters.Add(ParameterDefinition.FromValue(name, new Quantity(value, UnitParser.Parse(unit)), Declared));
        return this;
    }

    /// <summary>An expression parameter, optionally with the unit its result must have.</summary>
    public SystemBuilder Formula(string name, string expression, string? unit = null)
    {
        _parameters.Add(ParameterDefinition.FromExpression(name, expression, unit is null ? null : UnitParser.Parse(unit), Declared));
        return this;
    }

    /// <summary>A process that makes one unit of <paramref name="makes"/> per unit of its activity.</summary>
    public SystemBuilder Process(string id, string makes, Action<ProcessBuilder>? exchanges = null, string stage = "use")
    {
        var process = new ProcessBuilder(id, makes, stage);
        exchanges?.Invoke(process);
        _processes.Add(process.Build());
        return this;
    }

    /// <summary>The resolved parameter table.</summary>
    public ParameterTable ParameterTable() => ParameterResolver.Resolve(_parameters);

    /// <summary>Validates and compiles the system (throws <see cref="ModelException"/> like the real builder).</summary>
    public ProductSystem Build() => ProductSystemBuilder.Build(_products, _flows, _processes, ParameterTable());
}
