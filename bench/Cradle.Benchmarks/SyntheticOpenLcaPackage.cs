using System.Globalization;
using System.Text.Json;
using Cradle.Core.Tests.Engine.Sparse;

namespace Cradle.Benchmarks;

/// <summary>
/// Writes the ecoinvent-shaped synthetic system (<see cref="EcoinventShapedSystem"/>) as an openLCA 2 JSON-LD package
/// folder, for whole-process timings of <c>cradle scores</c> and of studies linked to a database of that size: one
/// process per column ("Synthetic activity j", 1 kg of "Synthetic product j"), its inputs with their default provider
/// and a lognormal uncertainty (geometric mean the amount, GSD e^σ), its elementary outputs; the first eight elementary
/// flows named as greenhouse gases and pollutants the catalog knows (so links are characterised), the rest
/// "Synthetic substance f"; the three categories as one LCIA method. Every amount is in kg. Not test data.
/// </summary>
internal static class SyntheticOpenLcaPackage
{
    private static readonly string[] KnownFlows =
        ["Carbon dioxide, fossil", "Methane, fossil", "Dinitrogen monoxide", "Sulfur dioxide", "Nitrogen oxides", "Ammonia", "Carbon monoxide", "Methane, biogenic"];

    private const string UnitGroup = "00000000-0000-4000-8000-000000000001";
    private const string Mass = "00000000-0000-4000-8000-000000000002";
    private const string Kilogram = "00000000-0000-4000-8000-000000000003";
    private const string Method = "00000000-0000-4000-8000-000000000004";

    public static void Write(int processes, int seed, string folder)
    {
        var system = EcoinventShapedSystem.Generate(processes, seed);
        foreach (var sub in new[] { "unit_groups", "flow_properties", "flows", "processes", "lcia_categories", "lcia_methods" })
        {
            Directory.CreateDirectory(Path.Combine(folder, sub));
        }
        File.WriteAllText(Path.Combine(folder, "olca-schema.json"), "{\"version\": 2}");
        Entity(folder, "unit_groups", UnitGroup, w =>
        {
            w.WriteString("name", "Units of mass");
            w.WriteStartArray("units");
            w.WriteStartObject();
            w.WriteString("@id", Kilogram);
            w.WriteString("name", "kg");
            w.WriteBoolean("isRefUnit", true);
            w.WriteNumber("conversionFactor", 1);
            w.WriteEndObject();
            w.WriteEndArray();
        });
        Entity(folder, "flow_properties", Mass, w =>
        {
            w.WriteString("name", "Mass");
            w.WriteString("flowPropertyType", "PHYSICAL_QUANTITY");
            Ref(w, "unitGroup", UnitGroup);
        });
        for (var j = 0; j < processes; j++)
        {
            Flow(folder, ProductId(j), $"Synthetic product {j}", "PRODUCT_FLOW", "Synthetic products");
        }
        for (var f = 0; f < EcoinventShapedSystem.Flows; f++)
        {
            Flow(folder, FlowId(f), f < KnownFlows.Length ? KnownFlows[f] : $"Synthetic substance {f}", "ELEMENTARY_FLOW", "Elementary flows/Emission to air/unspecified");
        }
        var k = 0;
        for (var j = 0; j < processes; j++)
        {
            var column = j;
            Entity(folder, "processes", ProcessId(j), w =>
            {
                w.WriteString("name", $"Synthetic activity {column}");
                w.WriteString("processType", "UNIT_PROCESS");
                w.WriteStartArray("exchanges");
                var id = 1;
                Exchange(w, id++, ProductId(column), 1, input: false, reference: true, null, null);
                foreach (var (row, value) in system.Inputs.Column(column))
                {
                    Exchange(w, id++, ProductId(row), value, input: true, reference: false, ProcessId(row), Math.Exp(system.InputSigmas[k++]));
                }
                foreach (var (flow, value) in system.Biosphere.Column(column))
                {
                    Exchange(w, id++, FlowId(flow), value, input: false, reference: false, null, null);
                }
                w.WriteEndArray();
            });
        }
        for (var c = 0; c < system.Categories.Count; c++)
        {
            var category = c;
            Entity(folder, "lcia_categories", CategoryId(c), w =>
            {
                w.WriteString("name", $"Synthetic category {category}");
                w.WriteString("referenceUnitName", "kg eq");
                w.WriteStartArray("impactFactors");
                foreach (var (flow, factor) in system.Categories[category])
                {
                    w.WriteStartObject();
                    w.WriteNumber("value", factor);
                    Ref(w, "flow", FlowId(flow));
                    Ref(w, "unit", Kilogram, "kg");
                    Ref(w, "flowProperty", Mass);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            });
        }
        Entity(folder, "lcia_methods", Method, w =>
        {
            w.WriteString("name", "Synthetic method");
            w.WriteStartArray("impactCategories");
            for (var c = 0; c < system.Categories.Count; c++)
            {
                w.WriteStartObject();
                w.WriteString("@id", CategoryId(c));
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    private static string ProcessId(int j) => Id(1, j);

    private static string ProductId(int j) => Id(2, j);

    private static string FlowId(int f) => Id(3, f);

    private static string CategoryId(int c) => Id(4, c);

    private static string Id(int kind, int index) => string.Create(CultureInfo.InvariantCulture, $"{kind:x8}-0000-4000-8000-{index:x12}");

    private static void Flow(string folder, string id, string name, string type, string category) => Entity(folder, "flows", id, w =>
    {
        w.WriteString("name", name);
        w.WriteString("category", category);
        w.WriteString("flowType", type);
        w.WriteStartArray("flowProperties");
        w.WriteStartObject();
        w.WriteBoolean("isRefFlowProperty", true);
        w.WriteNumber("conversionFactor", 1);
        Ref(w, "flowProperty", Mass);
        w.WriteEndObject();
        w.WriteEndArray();
    });

    private static void Exchange(Utf8JsonWriter w, int id, string flow, double amount, bool input, bool reference, string? provider, double? gsd)
    {
        w.WriteStartObject();
        w.WriteNumber("internalId", id);
        w.WriteNumber("amount", amount);
        w.WriteBoolean("isInput", input);
        w.WriteBoolean("isQuantitativeReference", reference);
        Ref(w, "flow", flow);
        Ref(w, "unit", Kilogram, "kg");
        Ref(w, "flowProperty", Mass);
        if (provider is not null)
        {
            Ref(w, "defaultProvider", provider);
        }
        if (gsd is { } g)
        {
            w.WriteStartObject("uncertainty");
            w.WriteString("distributionType", "LOG_NORMAL_DISTRIBUTION");
            w.WriteNumber("geomMean", amount);
            w.WriteNumber("geomSd", g);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void Ref(Utf8JsonWriter w, string field, string id, string? name = null)
    {
        w.WriteStartObject(field);
        w.WriteString("@id", id);
        if (name is not null)
        {
            w.WriteString("name", name);
        }
        w.WriteEndObject();
    }

    private static void Entity(string folder, string type, string id, Action<Utf8JsonWriter> body)
    {
        using var stream = File.Create(Path.Combine(folder, type, id + ".json"));
        using var w = new Utf8JsonWriter(stream);
        w.WriteStartObject();
        w.WriteString("@id", id);
        body(w);
        w.WriteEndObject();
    }
}
