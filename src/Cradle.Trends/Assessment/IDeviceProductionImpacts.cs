using Cradle.Catalog.Model;
using Cradle.Core.Uncertainty;

namespace Cradle.Trends.Assessment;

/// <summary>
/// Production (embodied, cradle-to-gate) impacts of one accelerator, per device. The trend study asks through this
/// port so that another estimator (e.g. a die-area model) can replace the catalog's figures. Implementations are called
/// from several threads at once (models are assessed in parallel).
/// </summary>
public interface IDeviceProductionImpacts
{
    /// <summary>The production impact of one <paramref name="device"/> for <paramref name="indicator"/> (GWP, ADPe or PE).</summary>
    DeviceProductionImpact Impact(CatalogEntry device, Indicator indicator);
}

/// <summary>One device's production impact for one indicator, or why there is none.</summary>
/// <param name="PerDevice">The impact of producing one device, in <see cref="Indicators.Unit"/> of the indicator; null when unavailable.</param>
/// <param name="Source">Where it comes from ("catalog embodied.gwp100: boavizta-api, 2026"), or null.</param>
/// <param name="Unavailable">Why there is no figure, or null when there is one.</param>
public sealed record DeviceProductionImpact(Distribution? PerDevice, string? Source, string? Unavailable)
{
    /// <summary>A figure with its source.</summary>
    public static DeviceProductionImpact Known(Distribution perDevice, string source) => new(perDevice, source, null);

    /// <summary>No figure, and why.</summary>
    public static DeviceProductionImpact Missing(string why) => new(null, null, why);
}
