using System.Text.Json;
using System.Text.RegularExpressions;
using Cradle.Core.Expressions;

namespace Cradle.Interchange.Tests.Writing;

/// <summary>
/// The exported parameters and formulas: every exchange's <c>amountFormula</c>, evaluated over the global parameters
/// with the product system's baseline redefinitions applied (dependent parameters through their own formulas), gives
/// the exchange's amount, for every alternative of both bundled examples; names are openLCA identifiers, unique.
/// The formulas are evaluated with Cradle's own expression engine, whose syntax the exported subset shares.
/// </summary>
public sealed partial class OlcaParameterExportTests
{
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    [Theory]
    [InlineData("olmo2-7b")]
    [InlineData("reasoning-vs-training")]
    public void Every_amount_formula_gives_the_exchange_amount_in_its_alternative(string example)
    {
        var (entities, _) = ExportedExample.Export(example);
        var parameters = entities.Where(e => e.Key.StartsWith("parameters/", StringComparison.Ordinal)).Select(e => e.Value).ToList();
        Assert.NotEmpty(parameters);
        var names = parameters.Select(p => p.GetProperty("name").GetString()!).ToList();
        Assert.All(names, n => Assert.Matches(Identifier(), n));
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(parameters, p => Assert.Equal("GLOBAL_SCOPE", p.GetProperty("parameterScope").GetString()));

        var (formulas, checkedAmounts) = (0, 0);
        foreach (var system in entities.Where(e => e.Key.StartsWith("product_systems/", StringComparison.Ordinal)).Select(e => e.Value))
        {
            var set = Assert.Single(system.GetProperty("parameterSets").EnumerateArray());
            Assert.True(set.GetProperty("isBaseline").GetBoolean());
            var redefined = set.GetProperty("parameters").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("value").GetDouble(), StringComparer.Ordinal);
            var values = Values(parameters, redefined);
            foreach (var process in system.GetProperty("processes").EnumerateArray().Select(p => entities[$"processes/{p.GetProperty("@id").GetString()}.json"]))
            {
                foreach (var exchange in process.GetProperty("exchanges").EnumerateArray())
                {
                    if (!exchange.TryGetProperty("amountFormula", out var formula))
                    {
                        continue;
                    }
                    formulas++;
                    var amount = exchange.GetProperty("amount").GetDouble();
                    var evaluated = Evaluate(formula.GetString()!, values);
                    Assert.True(Math.Abs(evaluated - amount) <= 1e-9 * Math.Abs(amount),
                        $"{process.GetProperty("name").GetString()}: {formula.GetString()} = {evaluated}, amount {amount}");
                    checkedAmounts++;
                }
            }
        }
        Assert.True(formulas > 0 && checkedAmounts == formulas);
    }

    [Fact]
    public void Input_parameters_keep_their_uncertainty_and_say_where_they_come_from()
    {
        var (entities, _) = ExportedExample.Export("olmo2-7b");
        var energy = entities.Values.Single(e => e.TryGetProperty("name", out var n) && n.GetString() == "training_gpu_energy" && e.GetProperty("@type").GetString() == "Parameter");
        Assert.True(energy.GetProperty("isInputParameter").GetBoolean());
        // 131 MWh in Cradle's base unit of energy; the study's triangular from ×1.0 to ×1.2 of it.
        var uncertainty = energy.GetProperty("uncertainty");
        Assert.Equal("TRIANGLE_DISTRIBUTION", uncertainty.GetProperty("distributionType").GetString());
        var value = energy.GetProperty("value").GetDouble();
        Assert.Equal(value, uncertainty.GetProperty("minimum").GetDouble(), 9);
        Assert.Equal(1.2 * value, uncertainty.GetProperty("maximum").GetDouble(), 6);
        Assert.Contains("in the study's unit: 131 MWh", energy.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("measured; source: Morrison 2025, Table 2 (OLMo 2 7B)", energy.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    // Input parameters at their global or redefined values; dependent ones evaluated from their formulas, in as many
    // passes as their dependencies need.
    private static Dictionary<string, double> Values(List<JsonElement> parameters, Dictionary<string, double> redefined)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var p in parameters.Where(p => p.GetProperty("isInputParameter").GetBoolean()))
        {
            var name = p.GetProperty("name").GetString()!;
            values[name] = redefined.TryGetValue(name, out var v) ? v : p.GetProperty("value").GetDouble();
        }
        var pending = parameters.Where(p => !p.GetProperty("isInputParameter").GetBoolean()).ToList();
        while (pending.Count > 0)
        {
            var ready = pending.Where(p => Names(p.GetProperty("formula").GetString()!).All(values.ContainsKey)).ToList();
            Assert.NotEmpty(ready); // no cycle, no dangling name
            foreach (var p in ready)
            {
                values[p.GetProperty("name").GetString()!] = Evaluate(p.GetProperty("formula").GetString()!, values);
                pending.Remove(p);
            }
        }
        return values;
    }

    private static List<string> Names(string formula)
    {
        var found = new List<string>();
        void Walk(ExpressionNode node)
        {
            switch (node)
            {
                case ParameterNode p: found.Add(p.Name); break;
                case NegateNode n: Walk(n.Operand); break;
                case BinaryNode b: Walk(b.Left); Walk(b.Right); break;
                case CallNode c: c.Arguments.ToList().ForEach(Walk); break;
            }
        }
        Walk(ExpressionParser.Parse(formula));
        return found;
    }

    private static double Evaluate(string formula, Dictionary<string, double> values)
    {
        var slots = new List<double>();
        var slotOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var compiled = CompiledExpression.Compile(ExpressionParser.Parse(formula), name =>
        {
            if (!slotOf.TryGetValue(name, out var slot))
            {
                slotOf[name] = slot = slots.Count;
                slots.Add(values[name]);
            }
            return slot;
        }, formula);
        return compiled.Evaluate(slots.ToArray());
    }
}
