using System.Globalization;
using Cradle.Catalog.Model;
using Cradle.Core.Units;
using Cradle.Syntax;
using YamlDotNet.RepresentationModel;

namespace Cradle.Catalog.Loading;

/// <summary>
/// Reads a figure: a single estimate (a mapping with 'value'), a list of estimates, or a mapping with 'estimates'
/// and 'uncertainty'. Checks each value's dimension against the figure and that an uncertainty applies.
/// </summary>
internal static class FigureReader
{
    public static Figure? Read(YamlNode node, string name, SourceLocation location, string path, string kind,
        IReadOnlyDictionary<string, Uncertainty> defaults, MappingReader parent)
    {
        var expected = FigureDimensions.Expected(kind, name);
        if (expected is null)
        {
            parent.Problems.Error("unknown-figure", location, path,
                $"a {kind} has no figure '{name}'{Core.NameSuggestions.Hint(name, FigureDimensions.Names(kind))}.");
            return null;
        }
        Uncertainty? uncertainty = null;
        var estimates = new List<Estimate>();
        switch (node)
        {
            case YamlSequenceNode list:
                estimates.AddRange(list.Select((item, i) => ReadEstimate(item, $"{path}[{i}]", expected.Value, parent)).OfType<Estimate>());
                break;
            case YamlMappingNode mapping when mapping.Children.ContainsKey(new YamlScalarNode("estimates")):
                var f = new MappingReader(mapping, path, parent.File, parent.Problems, ["estimates", "uncertainty"], "a figure");
                if (f.Node("uncertainty") is { } u)
                {
                    uncertainty = UncertaintyReader.Read(u, $"{path}.uncertainty", parent);
                }
                if (f.Node("estimates") is YamlSequenceNode items)
                {
                    estimates.AddRange(items.Select((item, i) => ReadEstimate(item, $"{path}.estimates[{i}]", expected.Value, parent)).OfType<Estimate>());
                }
                else
                {
                    parent.Problems.Error("wrong-kind", f.LocationOf("estimates"), $"{path}.estimates", "expected a list of estimates.");
                }
                break;
            default:
                // A single estimate may carry the figure's uncertainty beside its value.
                if (node is YamlMappingNode one && one.Children.TryGetValue(new YamlScalarNode("uncertainty"), out var own))
                {
                    uncertainty = UncertaintyReader.Read(own, $"{path}.uncertainty", parent);
                }
                if (ReadEstimate(node, path, expected.Value, parent, ["uncertainty"]) is { } single)
                {
                    estimates.Add(single);
                }
                break;
        }
        if (estimates.Count == 0)
        {
            parent.Problems.Error("missing-value", location, path, "a figure needs at least one estimate with value, source and year.");
            return null;
        }
        uncertainty ??= defaults.GetValueOrDefault(name);
        if (uncertainty is null)
        {
            parent.Problems.Error("missing-uncertainty", location, path,
                $"no uncertainty: give the figure 'uncertainty:', or the file 'defaults: {{uncertainty: {{{name}: …}}}}'.");
            return null;
        }
        if (uncertainty.Distribution == "estimates" && estimates.Count < 2)
        {
            parent.Problems.Error("invalid-uncertainty", location, path, "'distribution: estimates' needs at least two estimates to span.");
            return null;
        }
        return new Figure(name, estimates, uncertainty);
    }

    private static Estimate? ReadEstimate(YamlNode node, string path, Dimension expected, MappingReader parent, IReadOnlyList<string>? extraKeys = null)
    {
        if (node is not YamlMappingNode mapping)
        {
            parent.Problems.Error("wrong-kind", node.Location(parent.File), path, $"expected an estimate ('value', 'source', 'year'), found {node.Kind()}.");
            return null;
        }
        var e = new MappingReader(mapping, path, parent.File, parent.Problems, [.. CatalogFileReader.EstimateFields, .. extraKeys ?? []], "an estimate");
        e.Require("value", "the value with its unit, e.g. '700 W'");
        e.Require("source", "the bibliography key of the source");
        e.Require("year", "the year the value refers to");
        var text = e.Text("value");
        var source = e.Text("source");
        var year = e.Number("year");
        if (text is null || source is null || year is null)
        {
            return null;
        }
        if (!Quantity.TryParse(text, out var value, out var error))
        {
            parent.Problems.Error("unknown-unit", e.LocationOf("value"), $"{path}.value", $"{error}.");
            return null;
        }
        if (value.Dimension != expected)
        {
            parent.Problems.Error("unit-mismatch", e.LocationOf("value"), $"{path}.value",
                $"expected {expected.WithArticle()}, found '{text}' ({value.Dimension}).");
            return null;
        }
        if (!double.IsFinite(value.Value) || value.Value < 0)
        {
            parent.Problems.Error("out-of-range", e.LocationOf("value"), $"{path}.value", "figures are finite and not negative.");
            return null;
        }
        if (year is < 1990 or > 2030 || year != Math.Round(year.Value))
        {
            parent.Problems.Error("out-of-range", e.LocationOf("year"), $"{path}.year",
                string.Create(CultureInfo.InvariantCulture, $"expected a year between 1990 and 2030, found {year}."));
        }
        return new Estimate(value, source, (int)year, e.Choice("basis", CatalogFileReader.BasisChoices), e.Text("scope"), e.Text("note"),
            e.Choice("confidence", CatalogFileReader.ConfidenceChoices), e.LocationOf("value"));
    }
}
