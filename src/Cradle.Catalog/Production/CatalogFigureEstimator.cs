using Cradle.Catalog.Model;
using Cradle.Core.Units;

namespace Cradle.Catalog.Production;

/// <summary>
/// "catalog": the default estimates of the accelerator's own embodied.gwp100, embodied.adpe and embodied.primary-energy
/// figures, with their sources, scope and uncertainty. The catalog's embodied.water is litres consumed, not AWARE
/// scarcity-weighted water use, so it is not reported here.
/// </summary>
internal sealed class CatalogFigureEstimator(ReferenceCatalog catalog) : IAcceleratorProductionEstimator
{
    private static readonly (ProductionCriterion Criterion, string Figure)[] Figures =
        [(ProductionCriterion.Gwp100, "embodied.gwp100"), (ProductionCriterion.Adpe, "embodied.adpe"), (ProductionCriterion.PrimaryEnergy, "embodied.primary-energy")];

    public string Name => "catalog";

    public string Description => "the catalog's per-device embodied figures (default estimate of each, with its source)";

    public ProductionResult Estimate(AcceleratorSpec accelerator)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        if (accelerator.Entry is not { } entry)
        {
            return ProductionResult.CannotEstimate(Name, $"'{accelerator.Name}' is not a catalog entry");
        }
        var found = Figures.Where(f => entry.Figure(f.Figure) is not null).Select(f => (f.Criterion, Figure: entry.Figure(f.Figure)!)).ToList();
        if (found.Count == 0)
        {
            return ProductionResult.CannotEstimate(Name, $"the catalog has no embodied figure for '{entry.Id}'");
        }
        var impacts = found.Select(f => new ProductionImpact(
            f.Criterion, f.Figure.Default.Value.ConvertTo(UnitParser.Parse(ProductionCriteria.Unit(f.Criterion))).Value, GeometricSd(f.Figure))).ToList();
        var sources = found.Select(f => f.Figure.Default.Source).Distinct(StringComparer.Ordinal)
            .Select(k => catalog.Sources.TryGetValue(k, out var s) ? s.Citation() : k);
        var scope = found[0].Figure.Default.Scope ?? "not stated by the source";
        var note = string.Join("; ", found.Select(f => $"{f.Figure.Name}: {f.Figure.Default.Source}, confidence {f.Figure.Default.Confidence ?? "?"}{(f.Figure.Default.Note is null ? "" : $" ({f.Figure.Default.Note})")}"));
        return ProductionResult.Of(new ProductionEstimate(Name, impacts, string.Join(" | ", sources), scope, note));
    }

    /// <summary>True when the entry's default embodied GWP is a published (confidence H or M) figure, not a modelled one.</summary>
    internal static bool IsPublished(CatalogEntry? entry) =>
        entry?.Figure("embodied.gwp100")?.Default.Confidence is "H" or "M";

    // Lognormal figures give their GSD; other distributions the GSD whose 90 % interval reaches the farther end of the
    // figure's interval; never below 1.2, the GSD of a measured card (GPU-PRODUCTION.md A6).
    private static double GeometricSd(Figure figure)
    {
        if (figure.Uncertainty is { Distribution: "lognormal", GeometricSd: { } gsd })
        {
            return gsd;
        }
        var central = figure.Default.Value.Value;
        var (low, high) = figure.Uncertainty.Interval(figure);
        var widest = Math.Max(high / central, central / low);
        return Math.Max(MeasuredCardEstimator.GeometricSd, Math.Pow(widest, 1 / 1.645));
    }
}
