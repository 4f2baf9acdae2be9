using System.Globalization;
using System.Text;
using System.Text.Json;
using Cradle.Core.Parameters;
using Cradle.Core.Uncertainty;
using Cradle.Studies.Compilation;

namespace Cradle.Interchange.Writing;

/// <summary>
/// The study's parameters as openLCA global parameters, in Cradle's base units (so that formulas need no unit
/// conversion): an expression every alternative states alike is a dependent parameter with its formula; any other
/// parameter is an input parameter with the first alternative's value and, where Cradle's distribution has an openLCA
/// twin (lognormal, normal, uniform, triangular), its uncertainty. Each product system's baseline parameter set
/// redefines the input parameters whose value differs in its alternative, so that openLCA computes each alternative
/// as Cradle does. Names are Cradle's with every character openLCA's formulas do not take replaced by '_'
/// (sites.jupiter.pue → sites_jupiter_pue), made unique without regard to case and kept off openLCA's function names.
/// </summary>
internal sealed class OlcaParameters
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "abs", "and", "avg", "ceil", "cos", "e", "exp", "false", "floor", "if", "int", "ln", "log", "max", "min", "mod", "not",
        "or", "pi", "round", "sin", "sqr", "sqrt", "sum", "tan", "true",
    };

    private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, Exported> exported = new(StringComparer.Ordinal);

    private sealed record Exported(string Name, ResolvedParameter Parameter, double Value, string? Formula, string? FormulaDropped);

    private OlcaParameters()
    {
    }

    /// <summary>The openLCA name of a Cradle parameter, or null when it is not exported.</summary>
    public string? NameOf(string cradleName) => names.GetValueOrDefault(cradleName);

    public static OlcaParameters For(IReadOnlyList<CompiledStudy> alternatives)
    {
        var result = new OlcaParameters();
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var all = alternatives.SelectMany(a => a.Values.Table.Parameters.Select(p => p.Name)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var name in all)
        {
            result.names[name] = Unique(Sanitise(name), taken);
        }
        foreach (var name in all)
        {
            var owners = alternatives.Where(a => a.Values.Table.Find(name) is not null).ToList();
            var first = owners[0].Values.Table.Find(name)!;
            var expressions = owners.Select(a => a.Values.Table.Find(name)!.Definition.Expression).Distinct(StringComparer.Ordinal).ToList();
            string? formula = null, dropped = null;
            if (owners.Count == alternatives.Count && expressions is [{ } expression])
            {
                formula = OlcaFormula.Translate(expression, result.NameOf, out dropped);
            }
            result.exported[name] = new Exported(result.names[name], first, owners[0].Values.BaseValue(name), formula, dropped);
        }
        return result;
    }

    /// <summary>Writes one <c>parameters/</c> entity per parameter into <paramref name="entities"/>.</summary>
    public void AddTo(IDictionary<string, byte[]> entities)
    {
        foreach (var (cradleName, p) in exported)
        {
            var id = OlcaIds.Of($"parameter/{cradleName}");
            entities[$"parameters/{id}.json"] = OlcaJson.Entity("Parameter", id, p.Name, w =>
            {
                w.WriteString("category", "Cradle");
                w.WriteString("description", Description(cradleName, p));
                w.WriteString("parameterScope", "GLOBAL_SCOPE");
                w.WriteBoolean("isInputParameter", p.Formula is null);
                w.WriteNumber("value", p.Value);
                if (p.Formula is not null)
                {
                    w.WriteString("formula", p.Formula);
                }
                else if (p.Parameter.Definition.Uncertainty is { } distribution)
                {
                    Uncertainty(w, distribution);
                }
            });
        }
    }

    /// <summary>The product system's baseline parameter set: the input parameters whose value differs in <paramref name="compiled"/>.</summary>
    public void WriteParameterSet(Utf8JsonWriter w, CompiledStudy compiled, string label)
    {
        w.WriteStartArray("parameterSets");
        w.WriteStartObject();
        w.WriteString("@type", "ParameterRedefSet");
        w.WriteString("name", $"Cradle alternative '{label}'");
        w.WriteString("description", "The input parameters whose value in this alternative differs from the global parameter's (Cradle base units).");
        w.WriteBoolean("isBaseline", true);
        w.WriteStartArray("parameters");
        foreach (var (cradleName, p) in exported.Where(e => e.Value.Formula is null))
        {
            if (compiled.Values.Table.Find(cradleName) is not null && compiled.Values.BaseValue(cradleName) is var value && value != p.Value)
            {
                w.WriteStartObject();
                w.WriteString("@type", "ParameterRedef");
                w.WriteString("name", p.Name);
                w.WriteNumber("value", value);
                w.WriteEndObject();
            }
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static string Description(string cradleName, Exported p)
    {
        var definition = p.Parameter.Definition;
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Cradle parameter '{cradleName}', in Cradle's base units ({p.Parameter.Unit.Dimension}); ");
        text.Append(CultureInfo.InvariantCulture, $"in the study's unit: {p.Parameter.Unit.FromBase(p.Value).ToString("R", CultureInfo.InvariantCulture)} {p.Parameter.Unit.Symbol}. ");
        text.Append(definition.Provenance.Origin.ToString().ToLowerInvariant());
        if (definition.Provenance.Source is { } source)
        {
            text.Append(CultureInfo.InvariantCulture, $"; source: {source}");
        }
        if (definition.Expression is { } expression)
        {
            text.Append(CultureInfo.InvariantCulture, $"; Cradle formula: {expression}");
            if (p.Formula is null)
            {
                text.Append(CultureInfo.InvariantCulture, $" (exported as its value: {p.FormulaDropped ?? "the alternatives state it differently"})");
            }
        }
        if (p.Formula is null && definition.Uncertainty is { } distribution && !HasTwin(distribution))
        {
            text.Append(CultureInfo.InvariantCulture, $"; uncertainty not exported (no openLCA twin): {distribution}");
        }
        return text.Append('.').ToString();
    }

    private static bool HasTwin(Distribution d) => d is LognormalDistribution or NormalDistribution or UniformDistribution or TriangularDistribution;

    private static void Uncertainty(Utf8JsonWriter w, Distribution distribution)
    {
        if (!HasTwin(distribution))
        {
            return;
        }
        w.WriteStartObject("uncertainty");
        w.WriteString("@type", "Uncertainty");
        switch (distribution)
        {
            case LognormalDistribution l:
                w.WriteString("distributionType", "LOG_NORMAL_DISTRIBUTION");
                w.WriteNumber("geomMean", l.Median);
                w.WriteNumber("geomSd", l.GeometricSd);
                break;
            case NormalDistribution n:
                w.WriteString("distributionType", "NORMAL_DISTRIBUTION");
                w.WriteNumber("mean", n.Mean);
                w.WriteNumber("sd", n.StandardDeviation);
                break;
            case UniformDistribution u:
                w.WriteString("distributionType", "UNIFORM_DISTRIBUTION");
                w.WriteNumber("minimum", u.Minimum);
                w.WriteNumber("maximum", u.Maximum);
                break;
            case TriangularDistribution t:
                w.WriteString("distributionType", "TRIANGLE_DISTRIBUTION");
                w.WriteNumber("minimum", t.Minimum);
                w.WriteNumber("mode", t.Mode);
                w.WriteNumber("maximum", t.Maximum);
                break;
        }
        w.WriteEndObject();
    }

    private static string Sanitise(string name)
    {
        var text = new StringBuilder(name.Length + 2);
        foreach (var c in name)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }
        if (text.Length == 0 || char.IsAsciiDigit(text[0]))
        {
            text.Insert(0, "p_");
        }
        return Reserved.Contains(text.ToString()) ? text.Append("_p").ToString() : text.ToString();
    }

    private static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{name}_{n}");
        }
        return candidate;
    }
}
