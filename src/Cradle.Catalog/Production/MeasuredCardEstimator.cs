using Cradle.Catalog.Model;

namespace Cradle.Catalog.Production;

/// <summary>
/// "ademe-measured": the teardown results of the eight cards the ADEME / Hubblo study measured (GPU-PRODUCTION.md A3.6),
/// looked up by catalog id or study name. Lognormal GSD 1.2 on every criterion (A6: a measured card).
/// </summary>
internal sealed class MeasuredCardEstimator(AdemeGpuData data) : IAcceleratorProductionEstimator
{
    /// <summary>GSD of a measured card's values (GPU-PRODUCTION.md A6, suggested default for a measured ADEME card).</summary>
    public const double GeometricSd = 1.2;

    public string Name => "ademe-measured";

    public string Description => "teardown LCA of the eight cards of the ADEME / Hubblo 2026 study (GWP, ADPe, TPE, AWARE water)";

    public ProductionResult Estimate(AcceleratorSpec accelerator)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        var card = data.Cards.FirstOrDefault(c => accelerator.CatalogId is not null && c.CatalogId == accelerator.CatalogId)?.Name
            ?? accelerator.Name;
        var wanted = AliasIndex.Normalise(card);
        var match = data.Measured.FirstOrDefault(m => AliasIndex.Normalise(m.Card) == wanted);
        if (match.Values is null)
        {
            return ProductionResult.CannotEstimate(Name,
                $"'{accelerator.Name}' is not one of the cards ADEME measured ({string.Join(", ", data.Measured.Select(m => m.Card))})");
        }
        var impacts = ProductionCriteria.All.Select(c => new ProductionImpact(c, match.Values[(int)c], GeometricSd)).ToList();
        return ProductionResult.Of(new ProductionEstimate(
            Name, impacts, AdemeGpuData.Citation, "cradle-to-grave excluding use (materials, manufacturing, end of life; no distribution)",
            $"measured card '{match.Card}'; totals of its component rows"));
    }
}
