using BenchmarkDotNet.Attributes;
using Cradle.Core;
using Cradle.Core.Expressions;
using Cradle.Core.Units;

namespace Cradle.Benchmarks;

/// <summary>
/// Inputs that used to take time out of proportion to their size (issue 8): a unit of thousands of factors, a sum of
/// thousands of terms, and an unknown name of a million characters matched against the catalog's ids. The ratio
/// between the two sizes of each shows whether the work grows with the input (×4 input, about ×4 time) or faster.
/// </summary>
[MemoryDiagnoser]
public class LongInputBenchmarks
{
    private string _unit = "";
    private string _sum = "";
    private string _name = "";
    private string[] _candidates = [];

    /// <summary>Factors in the unit and terms in the sum; the unknown name is this many thousand characters.</summary>
    [Params(1_000, 4_000)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _unit = string.Join("*", Enumerable.Repeat("kWh", Size));
        _sum = string.Join(" + ", Enumerable.Repeat("1", Size));
        _name = new string('x', Size * 1_000);
        _candidates = Catalog.CatalogLoader.Shipped.Entries.Select(e => e.Id).ToArray();
    }

    [Benchmark(Description = "unit of N factors (kWh*kWh*…)")]
    public Unit? ParseUnit() => UnitParser.TryParse(_unit, out _);

    [Benchmark(Description = "expression: parse and compile a sum of N terms")]
    public CompiledExpression ParseSum() => CompiledExpression.Compile(ExpressionParser.Parse(_sum), _ => -1, "bench");

    [Benchmark(Description = "suggestions for an unknown name of N thousand characters")]
    public int Suggest() => NameSuggestions.Closest(_name, _candidates).Count;
}
