using System.Globalization;
using System.Text.Json;
using Cradle.Core.Engine;
using Cradle.Core.Model;
using Cradle.Core.Units;
using Cradle.Studies.Compilation;

namespace Cradle.Interchange.Writing;

/// <summary>
/// Turns a study's compiled alternatives into the entities of an olca-schema 2.x package, by path: one process per
/// Cradle process and alternative, one flow per product and elementary flow, the unit groups and flow properties they
/// are counted in, the impact method(s) with their categories and factors, and one product system per alternative.
/// Every amount is the exchange's value at the parameters' values, in the reference unit of its flow's unit group.
/// </summary>
internal sealed class OlcaPackageBuilder
{
    private readonly SortedDictionary<string, byte[]> entities = new(StringComparer.Ordinal);
    private readonly Dictionary<Dimension, OlcaUnitGroup> groups = [];
    private readonly Dictionary<string, string> compartments = new(StringComparer.Ordinal);
    private readonly Dictionary<Dimension, List<Unit>> unitsUsed = [];
    private readonly Dictionary<string, (string Id, string Name, Unit Unit)> flows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Id, string Name, string Unit, SortedDictionary<string, double> Factors)> categories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Id, string Name, List<string> Categories)> methods = new(StringComparer.Ordinal);
    private OlcaParameters parameters = null!;

    /// <summary>The package's entries, the version file first, then by path.</summary>
    public static IReadOnlyList<(string Path, byte[] Content)> Build(string studyName, IReadOnlyList<CompiledStudy> alternatives)
    {
        ArgumentNullException.ThrowIfNull(alternatives);
        var builder = new OlcaPackageBuilder { parameters = OlcaParameters.For(alternatives) };
        foreach (var compiled in alternatives)
        {
            builder.CollectUnits(compiled.System);
        }
        builder.parameters.AddTo(builder.entities);
        foreach (var compiled in alternatives)
        {
            builder.AddAlternative(studyName, compiled, alternatives.Count > 1);
        }
        builder.AddMethods();
        builder.AddFlowsAndUnits();
        var version = "{\n  \"version\": 2\n}\n"u8.ToArray();
        return [("olca-schema.json", version), .. builder.entities.Select(e => (e.Key, e.Value))];
    }

    /// <summary>The label of an alternative in ids and names: its id, or "as-written" for a study without alternatives.</summary>
    public static string Label(CompiledStudy compiled) => compiled.Alternative?.Id ?? "as-written";

    /// <summary>The id of an alternative's process.</summary>
    public static string ProcessId(CompiledStudy compiled, string processId) => OlcaIds.Of($"process/{Label(compiled)}/{processId}");

    /// <summary>The id of an alternative's product system.</summary>
    public static string ProductSystemId(CompiledStudy compiled) => OlcaIds.Of($"product-system/{Label(compiled)}");

    private void CollectUnits(ProductSystem system)
    {
        foreach (var unit in system.Products.Select(p => p.Unit).Concat(system.Flows.Select(f => f.Unit)))
        {
            if (!unitsUsed.TryGetValue(unit.Dimension, out var list))
            {
                unitsUsed[unit.Dimension] = list = [];
            }
            list.Add(unit);
        }
    }

    private OlcaUnitGroup GroupOf(Unit unit)
    {
        if (!groups.TryGetValue(unit.Dimension, out var group))
        {
            // A dimension openLCA has no group for is counted in the unit the study uses that is Cradle's base unit of
            // it (request, token), else in the first by symbol: the choice only has to be the same every time.
            group = OlcaUnitGroup.For(unit.Dimension, d => unitsUsed[d]
                .OrderBy(u => u.FactorToBase == 1 ? 0 : 1).ThenBy(u => u.Symbol, StringComparer.Ordinal).First());
            groups[unit.Dimension] = group;
        }
        return group;
    }

    private (string Id, string Name, Unit Unit) ProductFlow(Product product) =>
        Flow($"product/{product.Id}/{product.Unit.Dimension}", product.Name, product.Unit);

    private (string Id, string Name, Unit Unit) ElementaryFlowOf(ElementaryFlow flow)
    {
        var key = $"elementary/{flow.Id}/{flow.Unit.Dimension}";
        compartments[key] = flow.Compartment;
        return Flow(key, flow.Name, flow.Unit);
    }

    private (string Id, string Name, Unit Unit) Flow(string key, string name, Unit unit)
    {
        if (!flows.TryGetValue(key, out var flow))
        {
            flows[key] = flow = (OlcaIds.Of($"flow/{key}"), name, unit);
        }
        return flow;
    }

    private void AddAlternative(string studyName, CompiledStudy compiled, bool several)
    {
        var system = compiled.System;
        var matrices = MatrixSet.Evaluate(system, compiled.Values);
        var label = Label(compiled);
        var suffix = several ? $" ({label})" : "";
        var links = new List<(int Provider, int Consumer, int InternalId)>();
        for (var j = 0; j < system.Processes.Count; j++)
        {
            var process = system.Processes[j];
            var product = system.Products[j];
            var id = ProcessId(compiled, process.Id);
            // Column j's entries are the process's inputs and flows in the order written (ProductSystemBuilder adds
            // them so), which pairs each value with the Cradle amount it was evaluated from.
            var inputs = matrices.Inputs.Column(j);
            var outputs = matrices.Biosphere.Column(j);
            entities[$"processes/{id}.json"] = OlcaJson.Entity("Process", id, process.Name + suffix, w =>
            {
                w.WriteString("category", $"Cradle/{label}/{process.Stage}");
                w.WriteString("description", $"Cradle process '{process.Id}' of stage '{process.Stage}', alternative '{label}' of the study '{studyName}'. "
                    + "Amounts are the study's values at its parameters' values, converted to each flow's reference unit.");
                w.WriteString("processType", "UNIT_PROCESS");
                w.WriteNumber("lastInternalId", 1 + inputs.Count + outputs.Count);
                w.WriteStartArray("exchanges");
                var reference = ProductFlow(product);
                var referenceFactor = GroupOf(product.Unit).FromCradle(product.Unit);
                Exchange(w, 1, reference, referenceFactor, isInput: false, isReference: true, $"1 {product.Unit.Symbol} of '{product.Id}'", null);
                for (var k = 0; k < inputs.Count; k++)
                {
                    var (row, value) = inputs[k];
                    var input = system.Products[row];
                    var flow = ProductFlow(input);
                    var amount = value * GroupOf(input.Unit).FromCradle(input.Unit);
                    var (formula, why) = AmountFormula(compiled, process.Inputs[k].Amount, amount);
                    Exchange(w, 2 + k, flow, amount, isInput: true, isReference: false,
                        $"Cradle amount: {process.Inputs[k].Amount} ({input.Unit.Symbol} per {product.Unit.Symbol}), = {Number(value)} {input.Unit.Symbol} per {product.Unit.Symbol}{why}",
                        (ProcessId(compiled, system.Processes[row].Id), system.Processes[row].Name + suffix), formula);
                    links.Add((row, j, 2 + k));
                }
                for (var k = 0; k < outputs.Count; k++)
                {
                    var (row, value) = outputs[k];
                    var elementary = system.Flows[row];
                    var flow = ElementaryFlowOf(elementary);
                    // A resource is drawn from nature: an input in openLCA, whose sign openLCA's matrices turn back, so
                    // that a positive factor on it still counts positively (as Cradle counts it).
                    var amount = value * GroupOf(elementary.Unit).FromCradle(elementary.Unit);
                    var (formula, why) = AmountFormula(compiled, process.Flows[k].Amount, amount);
                    Exchange(w, 2 + inputs.Count + k, flow, amount, isInput: IsResource(elementary), isReference: false,
                        $"Cradle amount: {process.Flows[k].Amount} ({elementary.Unit.Symbol} per {product.Unit.Symbol}), = {Number(value)} {elementary.Unit.Symbol} per {product.Unit.Symbol}{why}", null, formula);
                }
                w.WriteEndArray();
            });
        }
        AddProductSystem(studyName, compiled, suffix, links);
        foreach (var category in compiled.Method.Categories)
        {
            AddCategory(compiled.Method, category, system);
        }
    }

    /// <summary>Resources (water drawn, land, primary energy) are inputs from nature.</summary>
    public static bool IsResource(ElementaryFlow flow) => flow.Compartment.StartsWith("resource", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The exchange's amount as an openLCA formula over the global parameters: the Cradle expression (in base units)
    /// times the factor that takes its base value to the written amount; or null and the reason, appended to the
    /// description, when the expression has no openLCA form or its base value is 0 (no factor can be read off).
    /// </summary>
    private (string? Formula, string Why) AmountFormula(CompiledStudy compiled, string expression, double amount)
    {
        var translated = OlcaFormula.Translate(expression, parameters.NameOf, out var why);
        if (translated is null)
        {
            return (null, $"; no formula: {why}");
        }
        var baseValue = OlcaFormula.Evaluate(expression, compiled.Values.BaseValue);
        if (baseValue == 0 || !double.IsFinite(baseValue))
        {
            return (null, "; no formula: its value is 0, so the factor to this unit cannot be read off");
        }
        var factor = amount / baseValue;
        return (Math.Abs(factor - 1) < 1e-15 ? translated : $"{translated} * {OlcaFormula.Number(factor)}", "");
    }

    private void Exchange(Utf8JsonWriter w, int internalId, (string Id, string Name, Unit Unit) flow, double amount, bool isInput, bool isReference,
        string description, (string Id, string Name)? provider, string? formula = null)
    {
        var group = GroupOf(flow.Unit);
        w.WriteStartObject();
        w.WriteString("@type", "Exchange");
        w.WriteNumber("internalId", internalId);
        w.WriteNumber("amount", amount);
        if (formula is not null)
        {
            w.WriteString("amountFormula", formula);
        }
        w.WriteBoolean("isAvoidedProduct", false);
        w.WriteBoolean("isInput", isInput);
        w.WriteBoolean("isQuantitativeReference", isReference);
        OlcaJson.Ref(w, "flow", "Flow", flow.Id, flow.Name);
        OlcaJson.Ref(w, "unit", "Unit", group.UnitId, group.UnitName);
        OlcaJson.Ref(w, "flowProperty", "FlowProperty", group.PropertyId, group.PropertyName);
        if (provider is { } p)
        {
            OlcaJson.Ref(w, "defaultProvider", "Process", p.Id, p.Name);
        }
        w.WriteString("description", description);
        w.WriteEndObject();
    }

    private void AddProductSystem(string studyName, CompiledStudy compiled, string suffix, List<(int Provider, int Consumer, int InternalId)> links)
    {
        var system = compiled.System;
        var demanded = system.ProductIndex[compiled.Demand.ProductId];
        var product = system.Products[demanded];
        var group = GroupOf(product.Unit);
        var id = ProductSystemId(compiled);
        var label = Label(compiled);
        entities[$"product_systems/{id}.json"] = OlcaJson.Entity("ProductSystem", id, studyName + suffix, w =>
        {
            w.WriteString("category", "Cradle");
            w.WriteString("description", $"The functional unit of alternative '{label}': {Number(compiled.Demand.Amount)} {product.Unit.Symbol} of '{product.Id}'.");
            OlcaJson.Ref(w, "refProcess", "Process", ProcessId(compiled, system.Processes[demanded].Id), system.Processes[demanded].Name + suffix);
            OlcaJson.ExchangeRef(w, "refExchange", 1);
            w.WriteNumber("targetAmount", compiled.Demand.Amount * group.FromCradle(product.Unit));
            OlcaJson.Ref(w, "targetFlowProperty", "FlowProperty", group.PropertyId, group.PropertyName);
            OlcaJson.Ref(w, "targetUnit", "Unit", group.UnitId, group.UnitName);
            w.WriteStartArray("processes");
            foreach (var process in system.Processes)
            {
                OlcaJson.RefElement(w, "Process", ProcessId(compiled, process.Id), process.Name + suffix);
            }
            w.WriteEndArray();
            w.WriteStartArray("processLinks");
            foreach (var (provider, consumer, internalId) in links)
            {
                var flow = ProductFlow(system.Products[provider]);
                w.WriteStartObject();
                w.WriteString("@type", "ProcessLink");
                OlcaJson.Ref(w, "provider", "Process", ProcessId(compiled, system.Processes[provider].Id), system.Processes[provider].Name + suffix);
                OlcaJson.Ref(w, "flow", "Flow", flow.Id, flow.Name);
                OlcaJson.Ref(w, "process", "Process", ProcessId(compiled, system.Processes[consumer].Id), system.Processes[consumer].Name + suffix);
                OlcaJson.ExchangeRef(w, "exchange", internalId);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            parameters.WriteParameterSet(w, compiled, label);
        });
    }

    private void AddCategory(ImpactMethod method, ImpactCategory category, ProductSystem system)
    {
        var key = $"{method.Id}/{category.Id}";
        if (!categories.TryGetValue(key, out var entry))
        {
            categories[key] = entry = (OlcaIds.Of($"impact-category/{key}"), category.Name, category.Unit.Symbol, new SortedDictionary<string, double>(StringComparer.Ordinal));
        }
        if (!methods.TryGetValue(method.Id, out var m))
        {
            methods[method.Id] = m = (OlcaIds.Of($"impact-method/{method.Id}"), method.Name, []);
        }
        if (!m.Categories.Contains(key))
        {
            m.Categories.Add(key);
        }
        // Only the flows the package has: a factor on a flow no process exchanges would point outside the package.
        foreach (var (flowId, factor) in category.Factors.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (!system.FlowIndex.TryGetValue(flowId, out var index))
            {
                continue;
            }
            var flow = ElementaryFlowOf(system.Flows[index]);
            // Factor per Cradle unit of the flow → per reference unit: 29.8 kg CO2 eq/kg stays 29.8; per kWh → ÷ 3.6 per MJ.
            var value = factor / GroupOf(flow.Unit).FromCradle(flow.Unit);
            if (entry.Factors.TryGetValue(flow.Id, out var earlier) && earlier != value)
            {
                throw new InvalidOperationException(
                    $"The category '{key}' characterises '{flowId}' with {Number(earlier)} in one alternative and {Number(value)} in another; a package holds one factor.");
            }
            entry.Factors[flow.Id] = value;
        }
    }

    private void AddMethods()
    {
        var flowById = flows.Values.ToDictionary(f => f.Id, StringComparer.Ordinal);
        foreach (var (key, category) in categories)
        {
            entities[$"lcia_categories/{category.Id}.json"] = OlcaJson.Entity("ImpactCategory", category.Id, category.Name, w =>
            {
                w.WriteString("description", $"Cradle impact category '{key}'. Factors per reference unit of each flow.");
                w.WriteString("referenceUnitName", category.Unit);
                w.WriteStartArray("impactFactors");
                foreach (var (flowId, value) in category.Factors)
                {
                    var flow = flowById[flowId];
                    var group = GroupOf(flow.Unit);
                    w.WriteStartObject();
                    w.WriteString("@type", "ImpactFactor");
                    w.WriteNumber("value", value);
                    OlcaJson.Ref(w, "flow", "Flow", flow.Id, flow.Name);
                    OlcaJson.Ref(w, "unit", "Unit", group.UnitId, group.UnitName);
                    OlcaJson.Ref(w, "flowProperty", "FlowProperty", group.PropertyId, group.PropertyName);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            });
        }
        foreach (var (methodId, method) in methods)
        {
            entities[$"lcia_methods/{method.Id}.json"] = OlcaJson.Entity("ImpactMethod", method.Id, method.Name, w =>
            {
                w.WriteString("description", $"Cradle impact method '{methodId}': the categories the study assesses.");
                w.WriteStartArray("impactCategories");
                foreach (var key in method.Categories)
                {
                    OlcaJson.RefElement(w, "ImpactCategory", categories[key].Id, categories[key].Name);
                }
                w.WriteEndArray();
            });
        }
    }

    private void AddFlowsAndUnits()
    {
        foreach (var (key, flow) in flows)
        {
            var group = GroupOf(flow.Unit);
            var elementary = key.StartsWith("elementary/", StringComparison.Ordinal);
            entities[$"flows/{flow.Id}.json"] = OlcaJson.Entity("Flow", flow.Id, flow.Name, w =>
            {
                w.WriteString("category", elementary ? $"Elementary flows/{CompartmentOf(key)}" : "Cradle products");
                w.WriteString("description", $"Cradle {(elementary ? "elementary flow" : "product")} '{IdOf(key)}', counted in Cradle in {flow.Unit.Symbol}.");
                w.WriteString("flowType", elementary ? "ELEMENTARY_FLOW" : "PRODUCT_FLOW");
                w.WriteStartArray("flowProperties");
                w.WriteStartObject();
                w.WriteString("@type", "FlowPropertyFactor");
                w.WriteBoolean("isRefFlowProperty", true);
                w.WriteNumber("conversionFactor", 1.0);
                OlcaJson.Ref(w, "flowProperty", "FlowProperty", group.PropertyId, group.PropertyName);
                w.WriteEndObject();
                w.WriteEndArray();
            });
        }
        foreach (var group in groups.Values)
        {
            entities[$"flow_properties/{group.PropertyId}.json"] = OlcaJson.Entity("FlowProperty", group.PropertyId, group.PropertyName, w =>
            {
                w.WriteString("category", "Technical flow properties");
                w.WriteString("flowPropertyType", "PHYSICAL_QUANTITY");
                OlcaJson.Ref(w, "unitGroup", "UnitGroup", group.Id, group.Name);
            });
            entities[$"unit_groups/{group.Id}.json"] = OlcaJson.Entity("UnitGroup", group.Id, group.Name, w =>
            {
                w.WriteString("category", "Technical unit groups");
                if (!group.IsOpenLcaReference)
                {
                    w.WriteString("description", "Made by Cradle: openLCA's reference data has no unit group of this dimension, or Cradle does not know its id.");
                }
                OlcaJson.Ref(w, "defaultFlowProperty", "FlowProperty", group.PropertyId, group.PropertyName);
                w.WriteStartArray("units");
                w.WriteStartObject();
                w.WriteString("@type", "Unit");
                w.WriteString("@id", group.UnitId);
                w.WriteString("name", group.UnitName);
                w.WriteBoolean("isRefUnit", true);
                w.WriteNumber("conversionFactor", 1.0);
                w.WriteEndObject();
                w.WriteEndArray();
            });
        }
    }

    private string CompartmentOf(string key) => compartments[key];

    private static string IdOf(string key) => key.Split('/')[1];

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
