using System.Collections.Concurrent;
using System.Globalization;
using Cradle.Catalog.Model;
using Cradle.Catalog.Production;
using Cradle.Core.Uncertainty;

namespace Cradle.Trends.Assessment;

/// <summary>
/// Production impacts from one named accelerator production estimator (<see cref="AcceleratorProduction"/>: measured
/// cards, the ADEME parametric model, MLCA's die-area model, their combination, or "best"), as a lognormal with the
/// estimator's median and GSD. One estimator for every card keeps a trend consistent; "best" changes its source from
/// card to card. A card the estimator cannot estimate (no die area) is unavailable with that reason, never zero.
/// </summary>
public sealed class EstimatorProductionImpacts : IDeviceProductionImpacts
{
    private readonly AcceleratorProduction _production;
    private readonly ConcurrentDictionary<string, ProductionResult> _cache = new(StringComparer.Ordinal);

    /// <summary>Uses <paramref name="estimator"/> (a name from <see cref="AcceleratorProduction.Estimators"/>).</summary>
    /// <exception cref="ArgumentException">No estimator has that name; the message lists the valid ones.</exception>
    public EstimatorProductionImpacts(AcceleratorProduction production, string estimator)
    {
        _production = production ?? throw new ArgumentNullException(nameof(production));
        EstimatorName = production.Estimator(estimator).Name;
    }

    /// <summary>The estimator's name.</summary>
    public string EstimatorName { get; }

    /// <inheritdoc />
    public DeviceProductionImpact Impact(CatalogEntry device, Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(device);
        ProductionCriterion? criterion = indicator switch
        {
            Indicator.Gwp => ProductionCriterion.Gwp100,
            Indicator.Adpe => ProductionCriterion.Adpe,
            Indicator.PrimaryEnergy => ProductionCriterion.PrimaryEnergy,
            _ => null,
        };
        if (criterion is not { } c)
        {
            return DeviceProductionImpact.Missing("not applicable: electricity is a use-phase flow (production energy is counted in primary energy)");
        }

        var result = _cache.GetOrAdd(device.Id, id => _production.Estimate(id, EstimatorName));

        if (result.Estimate is not { } estimate)
        {
            return DeviceProductionImpact.Missing($"{EstimatorName} cannot estimate {device.Id}: {result.Reason}");
        }

        if (estimate.Impact(c) is not { } impact)
        {
            return DeviceProductionImpact.Missing($"{estimate.Estimator} gives no {ProductionCriteria.Unit(c)} figure for {device.Id}");
        }

        var source = string.Create(CultureInfo.InvariantCulture,
            $"{estimate.Estimator} estimator ({estimate.Scope}): {estimate.Source}{(estimate.Note.Length > 0 ? "; " + estimate.Note : "")}");
        return DeviceProductionImpact.Known(new LognormalDistribution(impact.Value, impact.GeometricSd), source);
    }
}
