namespace Cradle.Catalog.Production;

/// <summary>
/// "best": the ADEME measurement when the card is one of the eight; else the catalog's own figure when its default
/// embodied GWP is published (confidence H or M, not a class or die-model value); else the modelled footprint. The
/// result names the estimator that answered.
/// </summary>
internal sealed class PreferredEstimator(
    IAcceleratorProductionEstimator measured, IAcceleratorProductionEstimator catalog, IAcceleratorProductionEstimator modelled) : IAcceleratorProductionEstimator
{
    public string Name => "best";

    public string Description => "ademe-measured, else the catalog's published figure (confidence H or M), else modelled";

    public ProductionResult Estimate(AcceleratorSpec accelerator)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        var result = measured.Estimate(accelerator);
        if (result.IsEstimated)
        {
            return result;
        }
        if (CatalogFigureEstimator.IsPublished(accelerator.Entry) && catalog.Estimate(accelerator) is { IsEstimated: true } published)
        {
            return published;
        }
        return modelled.Estimate(accelerator);
    }
}
