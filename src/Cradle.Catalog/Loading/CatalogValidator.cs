using System.Globalization;
using Cradle.Catalog.Model;
using Cradle.Syntax;

namespace Cradle.Catalog.Loading;

/// <summary>
/// Checks what no single file can: unique ids (a user file may override a shipped entry, not repeat one of its own),
/// unique names and aliases, sources that resolve, references to entries of the right kind, a basis on every grid
/// carbon factor, plausible values, and method factors whose flows exist.
/// </summary>
internal static class CatalogValidator
{
    private static string Number(double value) => Core.InvariantNumber.Format(value);

    private static string WithUnit(double value, string symbol) => symbol == "1" ? Number(value) : $"{Number(value)} {symbol}";

    public static void Check(IReadOnlyList<CatalogEntry> entries, IReadOnlyDictionary<string, Source> sources, IReadOnlyList<CatalogFile> files, ProblemList problems)
    {
        var byId = entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            foreach (var figure in entry.Figures.Values)
            {
                foreach (var estimate in figure.Estimates)
                {
                    if (!sources.ContainsKey(estimate.Source))
                    {
                        problems.Error("unknown-source", estimate.Location, $"{entry.Id}.figures.{figure.Name}.source",
                            $"'{estimate.Source}' is not in the bibliography{Core.NameSuggestions.Hint(estimate.Source, sources.Keys)}.");
                    }
                    if (figure.Name == "gwp100" && entry.Kind is CatalogKinds.Grid or CatalogKinds.CloudRegion && estimate.Basis is null)
                    {
                        problems.Error("missing-basis", estimate.Location, $"{entry.Id}.figures.gwp100",
                            "say whether this carbon factor is 'basis: direct' (combustion only) or 'basis: life-cycle': the two must never be mixed silently.");
                    }
                }
                if (!PlausibleRanges.Holds(entry, figure, out var outlier))
                {
                    var range = PlausibleRanges.For(entry.Kind, figure.Name)!.Value;
                    problems.Error("implausible-value", outlier!.Location, $"{entry.Id}.figures.{figure.Name}",
                        $"{WithUnit(outlier.Value.Value, outlier.Value.Unit.Symbol)} is outside the plausible {Number(range.Min)}–{WithUnit(range.Max, range.Unit.Symbol)}; check the unit.");
                }
            }
            foreach (var (name, target) in entry.Refs)
            {
                var expectedKind = name switch { "grid" => CatalogKinds.Grid, "datacentre" => CatalogKinds.Datacentre, _ => null };
                if (expectedKind is null)
                {
                    problems.Error("unknown-ref", entry.Location, $"{entry.Id}.refs.{name}", "the references an entry may have are 'grid' and 'datacentre'.");
                }
                else if (!byId.TryGetValue(target, out var referenced) || referenced.Kind != expectedKind)
                {
                    problems.Error("unknown-ref", entry.Location, $"{entry.Id}.refs.{name}",
                        $"'{target}' is not a {expectedKind} in the catalog{Core.NameSuggestions.Hint(target, entries.Where(e => e.Kind == expectedKind).Select(e => e.Id))}.");
                }
            }
        }
        var flowIds = files.SelectMany(f => f.Flows).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var method in files.SelectMany(f => f.Methods))
        {
            if (!sources.ContainsKey(method.Source))
            {
                problems.Error("unknown-source", method.Location, $"{method.Method.Id}.source", $"'{method.Source}' is not in the bibliography.");
            }
            foreach (var category in method.Method.Categories)
            {
                foreach (var flow in category.Factors.Keys.Where(f => !flowIds.Contains(f)))
                {
                    problems.Error("unknown-flow", method.Location, $"{method.Method.Id}.{category.Id}.factors.{flow}",
                        $"'{flow}' is not a flow of any method file{Core.NameSuggestions.Hint(flow, flowIds)}.");
                }
            }
        }
    }
}
