using System.Globalization;
using Cradle.Catalog.Model;
using Cradle.Core.Model;
using Cradle.Core.Units;
using Cradle.Syntax;
using YamlDotNet.RepresentationModel;

namespace Cradle.Catalog.Loading;

/// <summary>
/// Reads one catalog file (format 1, docs/catalog-format.md). Structure, units, dimensions and uncertainty are
/// checked here, each problem at its file, line and column; references between files are checked by
/// <see cref="CatalogValidator"/>.
/// </summary>
public static partial class CatalogFileReader
{
    private static readonly string[] TopKeys = ["catalog", "kind", "defaults", "entries", "flows"];
    private static readonly string[] EntryKeys = ["id", "name", "aliases", "attributes", "refs", "figures"];
    private static readonly string[] EstimateKeys = ["value", "source", "year", "basis", "scope", "note", "confidence"];
    private static readonly string[] Bases = ["direct", "life-cycle"];
    private static readonly string[] Confidences = ["H", "M", "L"];

    /// <summary>Reads <paramref name="text"/>, naming it <paramref name="file"/>; problems go to <paramref name="problems"/>.</summary>
    public static CatalogFile? Read(string text, string file, ProblemList problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        // The same loader as studies: nesting depth, a second document and malformed YAML are refused at their line.
        if (!YamlDocumentLoader.TryLoad(text, file, problems, out var node))
        {
            return null;
        }
        if (node is not YamlMappingNode root)
        {
            problems.Error("empty-catalog", new SourceLocation(file, 1, 1), "", "a catalog file is a YAML mapping with 'catalog: 1', 'kind' and 'entries'.");
            return null;
        }
        var top = new MappingReader(root, "", file, problems, TopKeys, "a catalog file");
        top.Require("catalog", "the format version: 'catalog: 1'");
        if (top.Has("catalog") && top.Number("catalog") is { } version && version != 1)
        {
            problems.Error("unsupported-version", top.LocationOf("catalog"), "catalog", "this Cradle reads catalog format 1.");
        }
        top.Require("kind", $"one of {string.Join(", ", CatalogKinds.All)}");
        var kind = top.Choice("kind", CatalogKinds.All);
        if (kind is null)
        {
            return null;
        }
        return kind switch
        {
            CatalogKinds.Bibliography => new CatalogFile(file, kind, [], ReadSources(top), [], []),
            CatalogKinds.Method => ReadMethods(top, file),
            _ => new CatalogFile(file, kind, ReadEntries(top, kind, ReadDefaults(top, kind)), [], [], []),
        };
    }

    private static IEnumerable<(YamlMappingNode Node, string Path)> Items(MappingReader top, string key)
    {
        var node = top.Node(key);
        if (node is null)
        {
            yield break;
        }
        if (node is not YamlSequenceNode list)
        {
            top.Problems.Error("wrong-kind", node.Location(top.File), key, $"expected a list of entries ('- id: …'), found {node.Kind()}.");
            yield break;
        }
        var index = 0;
        foreach (var item in list)
        {
            if (item is YamlMappingNode mapping)
            {
                yield return (mapping, $"{key}[{index}]");
            }
            else
            {
                top.Problems.Error("wrong-kind", item.Location(top.File), $"{key}[{index}]", $"expected an entry (a mapping), found {item.Kind()}.");
            }
            index++;
        }
    }

    private static List<CatalogEntry> ReadEntries(MappingReader top, string kind, IReadOnlyDictionary<string, Uncertainty> defaults)
    {
        top.Require("entries", "the list of entries");
        var entries = new List<CatalogEntry>();
        foreach (var (node, path) in Items(top, "entries"))
        {
            var e = new MappingReader(node, path, top.File, top.Problems, EntryKeys, $"a {kind} entry");
            e.Require("id", "a unique id such as 'nvidia-h100-sxm5-80gb'");
            e.Require("name", "the name people know it by");
            var id = e.Text("id");
            var name = e.Text("name");
            if (id is null || name is null)
            {
                continue;
            }
            if (!IdPattern().IsMatch(id))
            {
                top.Problems.Error("invalid-id", e.LocationOf("id"), $"{path}.id", $"'{id}': ids are lower-case letters, digits, '-' and '.'.");
            }
            var figures = new Dictionary<string, Figure>(StringComparer.Ordinal);
            foreach (var (figureName, location, value) in e.Entries("figures"))
            {
                var figure = FigureReader.Read(value, figureName, location, $"{id}.figures.{figureName}", kind, defaults, top);
                if (figure is not null)
                {
                    figures[figureName] = figure;
                }
            }
            entries.Add(new CatalogEntry(id, kind, name, [.. e.StringList("aliases").Select(a => a.Value)], Scalars(e, "attributes"), Scalars(e, "refs"), figures, e.Location));
        }
        return entries;
    }

    private static Dictionary<string, string> Scalars(MappingReader entry, string key)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, location, value) in entry.Entries(key))
        {
            if (value is YamlScalarNode { Value: { } text })
            {
                result[name] = text;
            }
            else
            {
                entry.Problems.Error("wrong-kind", location, $"{entry.Path}.{key}.{name}", $"expected a single value, found {value.Kind()}.");
            }
        }
        return result;
    }

    private static Dictionary<string, Uncertainty> ReadDefaults(MappingReader top, string kind)
    {
        var defaults = new Dictionary<string, Uncertainty>(StringComparer.Ordinal);
        if (top.Mapping("defaults") is not { } node)
        {
            return defaults;
        }
        var d = new MappingReader(node, "defaults", top.File, top.Problems, ["uncertainty"], "the defaults");
        foreach (var (figure, location, value) in d.Entries("uncertainty"))
        {
            if (FigureDimensions.Expected(kind, figure) is null)
            {
                top.Problems.Error("unknown-figure", location, $"defaults.uncertainty.{figure}",
                    $"a {kind} has no figure '{figure}'{Core.NameSuggestions.Hint(figure, FigureDimensions.Names(kind))}.");
            }
            if (UncertaintyReader.Read(value, $"defaults.uncertainty.{figure}", top) is { } uncertainty)
            {
                defaults[figure] = uncertainty;
            }
        }
        return defaults;
    }

    private static List<Source> ReadSources(MappingReader top)
    {
        top.Require("entries", "the list of sources");
        var sources = new List<Source>();
        foreach (var (node, path) in Items(top, "entries"))
        {
            var s = new MappingReader(node, path, top.File, top.Problems, ["key", "authors", "title", "year", "url", "licence", "note"], "a source");
            foreach (var required in new[] { "key", "authors", "title", "year", "licence" })
            {
                s.Require(required, required == "licence" ? "the licence of the data taken, or 'cited figure'" : $"the source's {required}");
            }
            var year = s.Number("year");
            if (s.Text("key") is { } key && s.Text("authors") is { } authors && s.Text("title") is { } title && year is not null && s.Text("licence") is { } licence)
            {
                sources.Add(new Source(key, authors, title, (int)year, s.Text("url"), licence, s.Text("note")));
            }
        }
        return sources;
    }

    private static CatalogFile ReadMethods(MappingReader top, string file)
    {
        var flows = new List<ElementaryFlow>();
        foreach (var (node, path) in Items(top, "flows"))
        {
            var f = new MappingReader(node, path, file, top.Problems, ["id", "name", "compartment", "unit"], "a flow");
            f.Require("id", "the flow id");
            f.Require("unit", "the flow's unit");
            var unit = Unit(f, "unit");
            if (f.Text("id") is { } repeated && flows.Any(existing => existing.Id == repeated))
            {
                top.Problems.Error("duplicate-id", f.LocationOf("id"), $"{path}.id", $"the file already has a flow '{repeated}'; each flow id appears once.");
            }
            else if (f.Text("id") is { } id && unit is not null)
            {
                var compartment = f.Text("compartment") ?? "unspecified";
                flows.Add(new ElementaryFlow(id, f.Text("name") ?? id, compartment, unit, compartment == "aggregated"));
            }
        }
        var methods = new List<MethodEntry>();
        foreach (var (node, path) in Items(top, "entries"))
        {
            var m = new MappingReader(node, path, file, top.Problems, ["id", "name", "source", "year", "categories", "not_covered"], "a method");
            m.Require("id", "the method id");
            m.Require("source", "the bibliography key of the factors");
            m.Require("year", "the year of the factors");
            var categories = new List<ImpactCategory>();
            foreach (var (categoryNode, categoryPath) in Items(m, "categories"))
            {
                var c = new MappingReader(categoryNode, $"{path}.{categoryPath}", file, top.Problems, ["id", "name", "unit", "factors"], "a category");
                c.Require("id", "the category id");
                c.Require("unit", "the indicator unit");
                var unit = Unit(c, "unit");
                var factors = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (var (flow, location, value) in c.Entries("factors"))
                {
                    // "NaN" and "Infinity" parse as doubles; as factors they would make every result NaN or infinite.
                    if (value is YamlScalarNode { Value: { } text } && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor)
                        && double.IsFinite(factor))
                    {
                        factors[flow] = factor;
                    }
                    else
                    {
                        var found = value is YamlScalarNode { Value: { } written } ? $", found '{written}'" : $", found {value.Kind()}";
                        top.Problems.Error("not-a-number", value.Location(file), $"{c.Path}.factors.{flow}",
                            $"a characterisation factor is a plain, finite number (indicator units per unit of the flow){found}.");
                    }
                }
                if (c.Text("id") is { } id && unit is not null)
                {
                    if (categories.Any(existing => existing.Id == id))
                    {
                        top.Problems.Error("duplicate-id", c.LocationOf("id"), $"{c.Path}.id",
                            $"the method already has a category '{id}'; each category id appears once in a method.");
                        continue;
                    }
                    categories.Add(new ImpactCategory(id, c.Text("name") ?? id, unit, factors));
                }
            }
            var notCovered = NotCovered(m, path, file, top.Problems, categories);
            if (m.Text("id") is { } methodId && m.Text("source") is { } source && m.Number("year") is { } year)
            {
                methods.Add(new MethodEntry(new ImpactMethod(methodId, m.Text("name") ?? methodId, categories), source, (int)year, m.Location) { NotCovered = notCovered });
            }
        }
        return new CatalogFile(file, CatalogKinds.Method, [], [], flows, methods);
    }

    /// <summary>A method's <c>not_covered</c> list: categories it publishes that the catalog does not ship, each with why.</summary>
    private static List<NotCoveredCategory> NotCovered(MappingReader method, string path, string file, ProblemList problems, List<ImpactCategory> categories)
    {
        var notCovered = new List<NotCoveredCategory>();
        foreach (var (node, itemPath) in Items(method, "not_covered"))
        {
            var n = new MappingReader(node, $"{path}.{itemPath}", file, problems, ["id", "name", "reason"], "a category not covered");
            n.Require("id", "the category id");
            n.Require("name", "the category's published name");
            n.Require("reason", "why the catalog does not cover it");
            if (n.Text("id") is not { } id || n.Text("name") is not { } name || n.Text("reason") is not { } reason)
            {
                continue;
            }
            if (categories.Any(c => c.Id == id) || notCovered.Any(c => c.Id == id))
            {
                problems.Error("duplicate-id", n.LocationOf("id"), $"{n.Path}.id",
                    $"the method already has a category '{id}'; a category is either covered or listed once as not covered.");
                continue;
            }
            notCovered.Add(new NotCoveredCategory(id, name, reason));
        }
        return notCovered;
    }

    private static Unit? Unit(MappingReader reader, string key)
    {
        if (reader.Text(key) is not { } text)
        {
            return null;
        }
        var unit = UnitParser.TryParse(text, out var error);
        if (unit is null)
        {
            reader.Problems.Error("unknown-unit", reader.LocationOf(key), $"{reader.Path}.{key}", $"{error}.");
        }
        return unit;
    }

    internal static IReadOnlyList<string> EstimateFields => EstimateKeys;

    internal static IReadOnlyList<string> BasisChoices => Bases;

    internal static IReadOnlyList<string> ConfidenceChoices => Confidences;

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9][a-z0-9.-]*$")]
    private static partial System.Text.RegularExpressions.Regex IdPattern();
}
