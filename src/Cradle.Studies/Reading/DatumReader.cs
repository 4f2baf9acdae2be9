using Cradle.Core.Parameters;
using Cradle.Studies.Definition;
using Cradle.Syntax;
using YamlDotNet.RepresentationModel;

namespace Cradle.Studies.Reading;

/// <summary>
/// Reads a numeric input, written either as a scalar ("131 MWh", "1.2", "a * b") or as a mapping
/// with value, provenance, source and note.
/// </summary>
internal static class DatumReader
{
    private static readonly string[] Origins = ["measured", "declared", "modelled"];

    /// <summary>The keys a datum mapping may have.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["value", "provenance", "source", "note", "uncertainty"];

    /// <summary>Reads <paramref name="key"/> of <paramref name="parent"/>, or null when absent.</summary>
    public static Datum? Read(MappingReader parent, string key, string? inheritedSource)
    {
        var node = parent.Node(key);
        return node is null ? null : Read(node, MappingReader.Join(parent.Path, key), parent.File, parent.Problems, inheritedSource, []);
    }

    /// <summary>Reads a datum node; <paramref name="extraKeys"/> are further keys the mapping form may carry.</summary>
    public static Datum? Read(YamlNode node, string path, string file, ProblemList problems, string? inheritedSource, IReadOnlyList<string> extraKeys)
    {
        switch (node)
        {
            case YamlScalarNode { Value: { Length: > 0 } scalarText }:
                return new Datum(scalarText, node.Location(file), null, inheritedSource);
            case YamlMappingNode mapping:
                return FromMapping(new MappingReader(mapping, path, file, problems, [.. Keys, .. extraKeys], "a value"), inheritedSource);
            default:
                problems.Error("missing-value", node.Location(file), path,
                    $"expected a number, a quantity such as '131 MWh', an expression, or a mapping with 'value', found {node.Kind()}.");
                return null;
        }
    }

    /// <summary>
    /// Reads value, provenance, source and note from a mapping whose keys the caller has already checked
    /// (an energy mapping also has boundary and pue), so unknown keys are reported once.
    /// </summary>
    public static Datum? FromMapping(MappingReader reader, string? inheritedSource)
    {
        if (!reader.Require("value", "the number, quantity or expression"))
        {
            return null;
        }
        var text = reader.Text("value");
        if (string.IsNullOrWhiteSpace(text))
        {
            reader.Problems.Error("missing-value", reader.LocationOf("value"), reader.Path,
                "the value is empty; write a number, a quantity such as '131 MWh', or an expression.");
            return null;
        }
        var origin = reader.Choice("provenance", Origins) switch
        {
            "measured" => DataOrigin.Measured,
            "declared" => DataOrigin.Declared,
            "modelled" => DataOrigin.Modelled,
            _ => (DataOrigin?)null,
        };
        return new Datum(text, reader.LocationOf("value"), origin, reader.Text("source") ?? inheritedSource, reader.Text("note"))
        {
            Uncertainty = reader.Mapping("uncertainty") is { } u ? UncertaintyReader.Read(u, $"{reader.Path}.uncertainty", reader) : null,
        };
    }

    /// <summary>Reads a mapping of indicator id → datum (per-kWh grid factors, embodied impacts).</summary>
    /// <remarks>
    /// A mapping with <c>from_background</c> is a link (<see cref="BackgroundReader"/>): its own keys are the link's, the
    /// others figures it does not give; <paramref name="link"/> says whose figures they are (null: links are refused here).
    /// </remarks>
    public static IReadOnlyDictionary<string, Datum> ReadIndicators(MappingReader parent, string key, string? inheritedSource, BackgroundLinkSite? link = null)
    {
        var result = new Dictionary<string, Datum>(StringComparer.Ordinal);
        var linked = BackgroundReader.IsLink(parent, key);
        foreach (var (id, _, value) in parent.Entries(key))
        {
            if (linked && BackgroundReader.LinkKeys.Contains(id))
            {
                continue;
            }
            var datum = Read(value, $"{MappingReader.Join(parent.Path, key)}.{id}", parent.File, parent.Problems, inheritedSource, []);
            if (datum is not null)
            {
                result[id] = datum;
            }
        }
        if (linked)
        {
            BackgroundReader.ReadLink(parent, key, link, [.. result.Keys]);
        }
        return result;
    }
}
