using Cradle.Studies.Definition;

namespace Cradle.Studies.Compilation;

/// <summary>
/// The conventions a stage's energy was counted under, shown in every report: what the energy covered, whether the
/// site's PUE was applied, which water formula and which off-site water factor were used.
/// </summary>
/// <param name="Scope">The stage id, or "inference".</param>
/// <param name="Site">The site id.</param>
/// <param name="Boundary">What the stated energy covered.</param>
/// <param name="PueApplied">Whether facility overhead was added through PUE.</param>
/// <param name="NodePowerAdded">Whether non-accelerator node power was added to a GPU-only energy.</param>
/// <param name="OffsiteWaterFrom">
/// "grid &lt;id&gt;" or "site &lt;id&gt;" (an override); <see cref="NoOffsiteWaterFactor"/> when water is assessed but
/// neither gives a factor; null when water is not assessed.
/// </param>
/// <param name="GridBasis">"direct" or "life-cycle".</param>
public sealed record EnergyConvention(
    string Scope, string Site, EnergyBoundary Boundary, bool PueApplied, bool NodePowerAdded, string? OffsiteWaterFrom, string? GridBasis)
{
    /// <summary>The value of <see cref="OffsiteWaterFrom"/> when water is assessed and no off-site factor was found.</summary>
    public const string NoOffsiteWaterFactor = "none";

    /// <summary>The site's name as people know it ("Jupiter cluster, Austin"), or its id.</summary>
    public string? SiteName { get; init; }

    /// <summary>The grid's name ("Austin Energy (Texas)"), or its id.</summary>
    public string? GridName { get; init; }

    /// <summary>The water formula the scope's water was counted with; null when water is not assessed.</summary>
    public WaterConvention? Water { get; init; }

    /// <summary>
    /// The allocation key of the embodied impacts of the hardware this scope runs on; null when it runs on none or
    /// manufacture is outside the boundary.
    /// </summary>
    public AllocationKey? Allocation { get; init; }

    /// <summary>
    /// The basis the study reports carbon on, "location-based" or "market-based" (GHG Protocol Scope 2); null when no
    /// greenhouse-gas category is assessed.
    /// </summary>
    public string? CarbonBasis { get; init; }

    /// <summary>
    /// Where the reported carbon factor of this scope's electricity comes from: "grid &lt;id&gt; per_kwh" (location-based,
    /// or a market-based study's fallback), "grid &lt;id&gt; market_based", "grid &lt;id&gt; residual_mix" or
    /// "site &lt;id&gt; market_based"; null when the grid has no carbon figure or none is assessed.
    /// </summary>
    public string? CarbonFactorFrom { get; init; }

    /// <summary>
    /// The convention in a few words, next to an energy figure: what the declared energy covered and whether PUE was
    /// applied ("node energy, PUE applied"; "facility energy, PUE not applied again"; "gpu energy + node power, …").
    /// </summary>
    public string Brief()
    {
        var covers = Boundary.ToString().ToLowerInvariant() + " energy" + (NodePowerAdded ? " + node power" : "");
        var pue = Boundary == EnergyBoundary.Facility ? "PUE not applied again" : PueApplied ? "PUE applied" : "PUE NOT applied";
        return $"{covers}, {pue}";
    }

    /// <summary>A sentence for reports.</summary>
    public string Describe()
    {
        var covers = Boundary switch
        {
            EnergyBoundary.Gpu => "accelerator (GPU) energy only",
            EnergyBoundary.Node => "IT energy of the nodes",
            _ => "facility energy (overhead included)",
        };
        var pue = Boundary == EnergyBoundary.Facility ? "PUE not applied again"
            : PueApplied ? "site PUE applied" : "PUE NOT applied (IT energy reported without facility overhead)";
        var node = NodePowerAdded ? "; non-accelerator node power added (modelled)" : "";
        var water = (Water, OffsiteWaterFrom) switch
        {
            (null, _) or (_, null) => "",
            (_, NoOffsiteWaterFactor) => $"; water ({Water.Label}): {Water.OnsiteFormula} on site; no off-site water factor for this grid (water consumed in generating its electricity is not counted)",
            _ => $"; water ({Water.Label}): {Water.OnsiteFormula} on site + {Water.OffsiteBasis} × the off-site water factor from {OffsiteWaterFrom}",
        };
        var carbon = CarbonBasis is null ? ""
            : CarbonBasis == Definition.CarbonBasis.MarketBased && CarbonFactorFrom?.EndsWith(" per_kwh", StringComparison.Ordinal) == true
                ? $"; carbon market-based, but from {CarbonFactorFrom} (location-based: no market-based figure)"
                : $"; carbon {CarbonBasis}{(CarbonFactorFrom is null ? "" : $" ({CarbonFactorFrom})")}";
        var allocation = Allocation is { } key ? $"; embodied impacts by {key.Describe()}" : "";
        return $"{Scope}: {covers}, {pue}{node}{water}; grid factors {GridBasis ?? "of unstated basis"}{carbon}{allocation}";
    }
}
