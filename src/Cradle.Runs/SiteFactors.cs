using System.Globalization;
using Cradle.Catalog;
using Cradle.Catalog.Model;
using Cradle.Core.Units;

namespace Cradle.Runs;

/// <summary>One catalog figure used by <c>--site</c>: its value in the unit the summary uses, and where it comes from.</summary>
/// <param name="Name">pue, wue, gwp100 or water (off-site).</param>
/// <param name="Value">The value in <paramref name="Unit"/>.</param>
/// <param name="Unit">kg CO2e/kWh, L/kWh or "" (PUE, a ratio ≥ 1).</param>
/// <param name="EntryId">The catalog entry the figure belongs to.</param>
/// <param name="Source">The bibliography key of the catalog's default estimate.</param>
/// <param name="Year">The year the estimate refers to.</param>
/// <param name="Note">Basis or scope of the estimate (e.g. life-cycle, off-site consumption), when the catalog states one.</param>
public sealed record SiteFactor(string Name, double Value, string Unit, string EntryId, string Source, int Year, string? Note);

/// <summary>
/// The catalog figures of a measurement's site (<c>cradle measure --site</c>): a grid (country or eGRID subregion), a
/// cloud region (its grid, and PUE/WUE of the region or its provider's fleet, as studies resolve it), or a data-centre
/// fleet (PUE/WUE, no grid). A factor the catalog lacks is null, and the footprint says what that leaves out.
/// </summary>
public sealed record SiteFactors(string Id, string Kind, string Name, SiteFactor? Pue, SiteFactor? Wue, SiteFactor? Gwp100, SiteFactor? OffSiteWater)
{
    private static readonly string[] Kinds = [CatalogKinds.Grid, CatalogKinds.CloudRegion, CatalogKinds.Datacentre];

    /// <summary>Resolves <paramref name="idOrName"/>, or returns null with the closest ids in <paramref name="hint"/>.</summary>
    public static SiteFactors? Resolve(ReferenceCatalog catalog, string idOrName, out string hint)
    {
        hint = "";
        if (catalog.Find(idOrName, Kinds) is not { } entry)
        {
            var closest = catalog.Suggest(idOrName, Kinds);
            hint = closest.Count > 0 ? $" Did you mean {string.Join(", ", closest)}?" : "";
            return null;
        }

        switch (entry.Kind)
        {
            case CatalogKinds.Grid:
                return new SiteFactors(entry.Id, entry.Kind, entry.Name, null, null,
                    Factor(entry, "gwp100", entry), Factor(entry, "water", entry));
            case CatalogKinds.Datacentre:
                return new SiteFactors(entry.Id, entry.Kind, entry.Name, Factor(entry, "pue", entry), Factor(entry, "wue", entry), null, null);
            default:
                // As studies resolve a cloud region (CatalogDefinitions.Site): the region's own figure first, then its
                // grid's (carbon, off-site water) or its provider fleet's (PUE, WUE).
                var grid = entry.Refs.TryGetValue("grid", out var gridId) ? catalog.Find(gridId) : null;
                var fleet = entry.Refs.TryGetValue("datacentre", out var dcId) ? catalog.Find(dcId) : null;
                return new SiteFactors(entry.Id, entry.Kind, entry.Name,
                    Factor(entry, "pue", fleet), Factor(entry, "wue", fleet), Factor(entry, "gwp100", grid), Factor(entry, "water", grid));
        }
    }

    /// <summary>The footprint of <paramref name="itEnergyJoules"/> of IT energy at this site.</summary>
    public SiteFootprint Footprint(double? itEnergyJoules)
    {
        if (itEnergyJoules is not { } joules)
        {
            return new SiteFootprint(this, null, null, "no energy figure", null, "no energy figure", null, "no energy figure");
        }

        var itKwh = joules / 3.6e6;
        var electricityKwh = itKwh * (Pue?.Value ?? 1);
        double? co2 = Gwp100 is { } g ? electricityKwh * g.Value : null;
        var co2Why = Gwp100 is null ? (Kind == CatalogKinds.Datacentre ? "a data-centre fleet has no grid; name a grid or cloud region" : "the catalog has no gwp100 for this grid") : null;
        double? water = Wue is null && OffSiteWater is null ? null : (itKwh * (Wue?.Value ?? 0)) + (electricityKwh * (OffSiteWater?.Value ?? 0));
        var waterWhy = water is null ? "the catalog has neither a WUE nor an off-site water factor for this site" : null;
        return new SiteFootprint(this, itKwh, electricityKwh, null, co2, co2Why, water, waterWhy);
    }

    /// <summary>The conventions the footprint follows, one line each.</summary>
    public IReadOnlyList<string> Conventions => [
        "IT energy = the total energy of the sensors listed (measured and modelled), gross (not net of idle); 1 kWh = 3.6 MJ",
        Pue is null
            ? "PUE not applied (grid only): grid electricity = IT energy"
            : Invariant($"grid electricity = IT energy × PUE {Pue.Value:0.###} (facility overhead: cooling, power conversion)"),
        Gwp100 is null
            ? "CO2e not computed: no grid carbon factor for this site"
            : $"CO2e = grid electricity × the grid's gwp100 ({Gwp100.Note ?? "basis not stated"}), location-based annual average; no embodied emissions",
        "water = IT energy × WUE (consumed on site) + grid electricity × the grid's water factor (consumed off site, at generation)"
            + (Wue is null ? "; no WUE for this site: on-site water not included" : "")
            + (OffSiteWater is null ? "; no off-site water factor for this site's grid: off-site water not included" : ""),
    ];

    private static SiteFactor? Factor(CatalogEntry entry, string name, CatalogEntry? fallback)
    {
        var owner = entry.Figure(name) is not null ? entry : fallback;
        if (owner?.Figure(name) is not { } figure)
        {
            return null;
        }

        var estimate = figure.Default;
        var (value, unit) = name switch
        {
            "gwp100" => (estimate.Value.ConvertTo(KnownUnits.KilogramCo2Eq / KnownUnits.KilowattHour).Value, "kg CO2e/kWh"),
            "wue" or "water" => (estimate.Value.ConvertTo(KnownUnits.Litre / KnownUnits.KilowattHour).Value, "L/kWh"),
            _ => (estimate.Value.Value, ""),
        };
        var note = string.Join(", ", new[] { estimate.Basis, estimate.Scope }.Where(s => s is not null));
        return new SiteFactor(name, value, unit, owner.Id, estimate.Source, estimate.Year, note.Length == 0 ? null : note);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What the run's energy amounts to at its site; a null figure comes with why.</summary>
/// <param name="Site">The site's factors.</param>
/// <param name="ItEnergyKwh">The run's IT energy in kWh.</param>
/// <param name="ElectricityKwh">Grid electricity in kWh (IT energy × PUE, or IT energy where there is no PUE).</param>
/// <param name="ElectricityUnavailableReason">Why <paramref name="ElectricityKwh"/> is null.</param>
/// <param name="Co2eKg">Greenhouse gases in kg CO2e.</param>
/// <param name="Co2eUnavailableReason">Why <paramref name="Co2eKg"/> is null.</param>
/// <param name="WaterLitres">Water consumed in litres.</param>
/// <param name="WaterUnavailableReason">Why <paramref name="WaterLitres"/> is null.</param>
public sealed record SiteFootprint(
    SiteFactors Site, double? ItEnergyKwh, double? ElectricityKwh, string? ElectricityUnavailableReason,
    double? Co2eKg, string? Co2eUnavailableReason, double? WaterLitres, string? WaterUnavailableReason);
