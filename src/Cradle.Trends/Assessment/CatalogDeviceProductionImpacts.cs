using Cradle.Catalog.Model;
using Cradle.Core.Units;

namespace Cradle.Trends.Assessment;

/// <summary>
/// Production impacts from the reference catalog's <c>embodied.gwp100</c>, <c>embodied.adpe</c> and
/// <c>embodied.primary-energy</c> figures of accelerators (default estimate, catalog uncertainty). A device without the
/// figure is reported as unavailable, never as zero.
/// </summary>
public sealed class CatalogDeviceProductionImpacts : IDeviceProductionImpacts
{
    /// <inheritdoc />
    public DeviceProductionImpact Impact(CatalogEntry device, Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(device);
        var name = indicator switch
        {
            Indicator.Gwp => "embodied.gwp100",
            Indicator.Adpe => "embodied.adpe",
            Indicator.PrimaryEnergy => "embodied.primary-energy",
            _ => null,
        };
        if (name is null)
        {
            return DeviceProductionImpact.Missing("not applicable: electricity is a use-phase flow (production energy is counted in primary energy)");
        }
        if (device.Figure(name) is not { } figure)
        {
            return DeviceProductionImpact.Missing($"the catalog has no {name} for {device.Id}");
        }
        return DeviceProductionImpact.Known(CatalogDistributions.Of(figure, UnitParser.Parse(indicator.Unit())),
            $"catalog {name}: {CatalogDistributions.SourceOf(figure)}");
    }
}
