using System.Globalization;
using Cradle.Catalog;
using Cradle.Catalog.Model;

using Cradle.Reports;

namespace Cradle.Cli.Rendering;

/// <summary>Plain-text views of the catalog for the terminal (invariant culture).</summary>
public static class CatalogRenderer
{
    /// <summary>Entries of a kind (or all), grouped by kind, with counts; methods and sources when asked for.</summary>
    public static void List(ReferenceCatalog catalog, string? kind, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine($"Reference catalog {catalog.Version}");
        if (kind == CatalogKinds.Method)
        {
            foreach (var method in catalog.Methods)
            {
                writer.WriteLine($"  {method.Method.Id,-28} {method.Method.Name} ({string.Join(", ", method.Method.Categories.Select(c => c.Id))})");
            }
            return;
        }
        if (kind == CatalogKinds.Bibliography)
        {
            foreach (var source in catalog.Sources.Values.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                writer.WriteLine($"  {source.Key,-36} {source.Citation()}");
            }
            return;
        }
        foreach (var group in catalog.List(kind).GroupBy(e => e.Kind))
        {
            writer.WriteLine();
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{group.Key} ({group.Count()})"));
            Rows(group.ToList(), writer);
        }
    }

    /// <summary>One line per entry: id, kind, name.</summary>
    public static void Rows(IReadOnlyList<CatalogEntry> entries, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var entry in entries)
        {
            writer.WriteLine($"  {entry.Id,-32} {entry.Kind,-13} {entry.Name}");
        }
    }

    /// <summary>Everything about one entry.</summary>
    public static void Show(ReferenceCatalog catalog, CatalogEntry entry, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine($"{entry.Name}  [{entry.Id}, {entry.Kind}]");
        if (catalog.Overrides.TryGetValue(entry.Id, out var file))
        {
            writer.WriteLine($"  overridden by {file}");
        }
        if (entry.Aliases.Count > 0)
        {
            writer.WriteLine($"  aliases: {string.Join("; ", entry.Aliases)}");
        }
        foreach (var (name, value) in entry.Attributes.Concat(entry.Refs))
        {
            writer.WriteLine($"  {name}: {value}");
        }
        foreach (var figure in entry.Figures.Values)
        {
            var (low, high) = figure.Uncertainty.Interval(figure);
            var unit = figure.Default.Value.Unit;
            writer.WriteLine();
            writer.WriteLine($"  {figure.Name} = {WithUnit(figure.Default.Value.Value, unit)}   (90 % interval {NumberFormat.Format(low)}–{WithUnit(high, unit)}; {figure.Uncertainty})");
            foreach (var estimate in figure.Estimates)
            {
                var details = new[] { estimate.Basis, estimate.Scope, estimate.Confidence is null ? null : $"confidence {estimate.Confidence}" }.OfType<string>();
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    {(estimate == figure.Default ? "*" : "-")} {WithUnit(estimate.Value.Value, estimate.Value.Unit)}  {estimate.Source} ({estimate.Year}){(details.Any() ? $", {string.Join(", ", details)}" : "")}{(estimate.Note is null ? "" : $" — {estimate.Note}")}"));
            }
        }
        writer.WriteLine();
        writer.WriteLine("  * default estimate");
        writer.WriteLine("Sources");
        foreach (var source in catalog.SourcesOf(entry))
        {
            writer.WriteLine($"  [{source.Key}] {source.Citation()} Licence: {source.Licence}.");
        }
        writer.WriteLine($"Defined at {entry.Location}");
    }

    /// <summary>A method: its categories and their factors.</summary>
    public static void ShowMethod(ReferenceCatalog catalog, MethodEntry method, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{method.Method.Name}  [{method.Method.Id}, method, {method.Year}]"));
        foreach (var category in method.Method.Categories)
        {
            writer.WriteLine($"  {category.Id}: {category.Name} ({category.Unit.Symbol})");
            foreach (var (flow, factor) in category.Factors)
            {
                writer.WriteLine($"    {flow,-28} {NumberFormat.Format(factor)}");
            }
        }
        writer.WriteLine($"Source: [{method.Source}] {catalog.Sources[method.Source].Citation()}");
    }

    /// <summary>"1.150" for a plain ratio such as PUE (its unit "1" would read as a second number), "0.1500 L/kWh" otherwise.</summary>
    private static string WithUnit(double value, Core.Units.Unit unit) =>
        unit.Dimension.IsDimensionless && unit.FactorToBase == 1 ? NumberFormat.Format(value) : $"{NumberFormat.Format(value)} {unit.Symbol}";
}
