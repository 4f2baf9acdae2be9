using System.Globalization;
using Cradle.Catalog;
using Cradle.Catalog.Model;
using Cradle.Catalog.Production;
using Cradle.Core.Parameters;
using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Studies.Compilation;

/// <summary>
/// Production (embodied) figures of catalog accelerators from the production model (docs/production.md), as study
/// values: modelled, with the estimator, its inputs and its lognormal GSD. Used where the catalog has no embodied
/// figure for an indicator (the <c>modelled</c> estimator) and where a device names an <c>embodied_estimator</c>.
/// Only the three indicators the estimators share with the study are mapped: the model's water is AWARE-weighted m³,
/// not the litres consumed that the study's <c>water</c> counts.
/// </summary>
internal sealed class CatalogProduction(ReferenceCatalog catalog)
{
    /// <summary>The estimator that fills in what the catalog lacks.</summary>
    public const string GapEstimator = "modelled";

    /// <summary>Study indicator id of each production criterion the study can use.</summary>
    private static readonly (ProductionCriterion Criterion, string Indicator)[] Mapped =
        [(ProductionCriterion.Gwp100, "gwp100"), (ProductionCriterion.Adpe, "adpe"), (ProductionCriterion.PrimaryEnergy, "primary-energy")];

    /// <summary>Bibliography keys (bibliography-hardware.yaml) of the data behind each estimator that computes a value.</summary>
    private static readonly Dictionary<string, string[]> Keys = new(StringComparer.Ordinal)
    {
        ["ademe-measured"] = ["ademe-hubblo-gpu-2026"],
        ["ademe-parametric"] = ["ademe-hubblo-gpu-2026"],
        ["ademe-calculator"] = ["ademe-hubblo-gpu-2026"],
        ["ademe-table2"] = ["ademe-hubblo-gpu-2026"],
        ["mlca"] = ["mlca-2024"],
        ["mlca-gadata"] = ["mlca-2024", "ga-data"],
    };

    private readonly Lazy<AcceleratorProduction> _production = new(() => new AcceleratorProduction(catalog));
    private readonly Dictionary<(string Entry, string Estimator), ProductionResult> _results = [];

    /// <summary>The indicator ids the production model can give a figure for.</summary>
    public static IEnumerable<string> Indicators => Mapped.Select(m => m.Indicator);

    /// <summary>Every estimator name, in the production model's order.</summary>
    public IReadOnlyList<string> EstimatorNames => _production.Value.Estimators.Select(e => e.Name).ToList();

    /// <summary>True when <paramref name="entry"/> is one the production model estimates (an accelerator).</summary>
    public static bool Covers(CatalogEntry entry) => entry.Kind == CatalogKinds.Accelerator;

    /// <summary>What <paramref name="estimator"/> says about <paramref name="entry"/>, computed once per pair.</summary>
    public ProductionResult Result(CatalogEntry entry, string estimator)
    {
        if (!_results.TryGetValue((entry.Id, estimator), out var result))
        {
            result = _results[(entry.Id, estimator)] = _production.Value.Estimate(AcceleratorSpec.FromCatalog(entry), estimator);
        }
        return result;
    }

    /// <summary>The bibliography keys behind a value estimated as <paramref name="estimate"/>.</summary>
    public static IReadOnlyList<string> SourceKeys(ProductionEstimate estimate) =>
        Components(estimate.Estimator).SelectMany(c => Keys.TryGetValue(c, out var keys)
            ? keys
            : throw new InvalidOperationException($"no bibliography key for production estimator '{c}'")).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The estimate's figures for the indicators it covers, as modelled study values with their lognormal GSD; the
    /// source names the estimator and its bibliography keys, the note its inputs and scope.
    /// </summary>
    public IEnumerable<(string Indicator, Datum Datum)> Figures(CatalogEntry entry, ProductionEstimate estimate, SourceLocation at, string catalogVersion)
    {
        var source = $"{estimate.Estimator} production estimate [{string.Join(", ", SourceKeys(estimate))}]";
        var inputs = Inputs(entry, estimate);
        foreach (var (criterion, indicator) in Mapped)
        {
            if (estimate.Impact(criterion) is not { } impact)
            {
                continue;
            }
            var note = string.Create(CultureInfo.InvariantCulture,
                $"{catalogVersion}; production estimate by {estimate.Estimator} for '{entry.Name}' ({estimate.Scope}); inputs: {inputs}; lognormal GSD {impact.GeometricSd:0.###}");
            var value = string.Create(CultureInfo.InvariantCulture, $"{impact.Value:R} {impact.Unit}");
            yield return (indicator, new Datum(value, at, DataOrigin.Modelled, source, note)
            {
                Uncertainty = new UncertaintyDefinition("lognormal", impact.GeometricSd, null, null, null, null, null, null, null, at),
            });
        }
    }

    /// <summary>
    /// Why a device has no <paramref name="indicator"/> figure after <paramref name="result"/>: with no estimator
    /// <paramref name="chosen"/>, the catalog has none and the model could not fill it; else the chosen estimator gives none.
    /// </summary>
    public static string Gap(ProductionResult result, string indicator, string? chosen)
    {
        var why = result.IsEstimated ? $"gives no {indicator} figure" : $"cannot estimate one: {result.Reason}";
        return chosen is null ? $"the catalog has none, and the production model ('{result.Estimator}' estimator) {why}"
            : result.Estimator == "catalog" ? $"embodied_estimator '{chosen}' takes the catalog's figures alone, and the catalog has none"
            : $"embodied_estimator '{chosen}' replaces the catalog's figures, and '{result.Estimator}' {why}";
    }

    /// <summary>The indicators of <paramref name="result"/> that a study can use.</summary>
    public static IEnumerable<string> IndicatorsOf(ProductionResult result) =>
        result.Estimate is { } estimate ? Mapped.Where(m => estimate.Impact(m.Criterion) is not null).Select(m => m.Indicator) : [];

    /// <summary>
    /// What went into the estimate: the catalog's die area and memory, then each model's own note (board published or
    /// borrowed, effective areas, DRAM density) and, for a combination, every model's value.
    /// </summary>
    private string Inputs(CatalogEntry entry, ProductionEstimate estimate)
    {
        var spec = AcceleratorSpec.FromCatalog(entry);
        var parts = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"die area {Number(spec.DieAreaMm2, "mm²")}, memory {Number(spec.MemoryGb, "GB")}{(spec.MemoryType is null ? "" : " " + spec.MemoryType)}"),
        };
        var components = Components(estimate.Estimator);
        if (components.Count > 1)
        {
            parts.AddRange(components.Select(c => Result(entry, c)).Where(r => r.IsEstimated).Select(r => $"{r.Estimator}: {r.Estimate!.Note}"));
        }
        parts.Add(estimate.Note);
        return string.Join("; ", parts);
    }

    private static string Number(double? value, string unit) =>
        value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:G6} {unit}") : "unknown";

    /// <summary>"modelled(ademe-parametric+mlca)" → [ademe-parametric, mlca]; a plain name → itself.</summary>
    private static List<string> Components(string estimator)
    {
        var open = estimator.IndexOf('(', StringComparison.Ordinal);
        return open < 0 || !estimator.EndsWith(')')
            ? [estimator]
            : [.. estimator[(open + 1)..^1].Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }
}
